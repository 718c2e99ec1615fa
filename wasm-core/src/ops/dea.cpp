// op "dea": DEA on explicit input/output matrices.
//
//   {"op": "dea", "dmus": [names], "inputs": [[x_j1..x_jm] per DMU], "outputs": [[...]],
//    "input_names": [...], "output_names": [...], "model": {...}}
// Models and conventions: wasm-core/include/llmfp/dea.hpp; result: docs/ranking.md
// "Eco-efficiency ranking". This file only converts JSON to structs and back.
#include "llmfp/dea_json.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

namespace {

constexpr std::size_t kMaxDmus = 5000;
constexpr std::size_t kMaxColumns = 20;

std::vector<std::string> names_or_default(const Obj& req, const char* key, std::size_t count,
                                          const char* prefix) {
  std::vector<std::string> names;
  if (auto arr = req.array_opt(key)) {
    arr->require_size(count, count);
    names = arr->strings();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) {
        fail(code::kInvalidValue, pointer_child(arr->path(), i), "names must not be empty");
      }
    }
  } else {
    for (std::size_t i = 0; i < count; ++i) names.push_back(prefix + std::to_string(i + 1));
  }
  return names;
}

// Reads an n x k matrix, each row an array of k numbers (k >= 1, same for every row).
Eigen::MatrixXd read_matrix(const Arr& arr, std::size_t n, const std::vector<std::string>& dmus,
                            std::vector<std::vector<std::string>>& paths, const char* what) {
  if (arr.size() != n) {
    fail(code::kInvalidValue, arr.path(),
         std::string(what) + " has " + std::to_string(arr.size()) + " rows but there are " +
             std::to_string(n) + " DMUs (one row per DMU)");
  }
  std::size_t k = 0;
  Eigen::MatrixXd M;
  paths.assign(n, {});
  for (std::size_t j = 0; j < n; ++j) {
    const std::string rp = pointer_child(arr.path(), j);
    if (!arr.raw()[j].is_array()) {
      fail(code::kWrongType, rp,
           std::string(what) + " of DMU '" + dmus[j] + "' must be an array of numbers, got " +
               describe_type(arr.raw()[j]));
    }
    const Arr row(arr.raw()[j], rp);
    if (j == 0) {
      k = row.size();
      if (k < 1 || k > kMaxColumns) {
        fail(code::kOutOfRange, rp,
             std::string(what) + " must have between 1 and " + std::to_string(kMaxColumns) +
                 " columns, got " + std::to_string(k));
      }
      M.resize(n, k);
    }
    if (row.size() != k) {
      fail(code::kInvalidValue, rp,
           std::string(what) + " of DMU '" + dmus[j] + "' has " + std::to_string(row.size()) +
               " values; the first row has " + std::to_string(k));
    }
    for (std::size_t i = 0; i < k; ++i) {
      const std::string vp = pointer_child(rp, i);
      if (row.raw()[i].is_null()) {
        fail(code::kMissingField, vp,
             std::string("missing value in ") + what + " of DMU '" + dmus[j] + "' (column " +
                 std::to_string(i + 1) + ")");
      }
      M(j, i) = row.number(i);
      paths[j].push_back(vp);
    }
  }
  return M;
}

}  // namespace

json dea(const Obj& request) {
  request.only({"op", "dmus", "inputs", "outputs", "input_names", "output_names", "model"});
  const Arr dmu_arr = request.array("dmus");
  dmu_arr.require_size(1, kMaxDmus);
  dea::Table t;
  t.dmus = dmu_arr.strings();
  for (std::size_t j = 0; j < t.dmus.size(); ++j) {
    t.dmu_paths.push_back(pointer_child("/dmus", j));
    for (std::size_t k = 0; k < j; ++k) {
      if (t.dmus[k] == t.dmus[j]) {
        fail(code::kInvalidValue, t.dmu_paths[j],
             "duplicate DMU name '" + t.dmus[j] + "' (also at /dmus/" + std::to_string(k) + ")");
      }
    }
  }
  const std::size_t n = t.dmus.size();
  t.data.X = read_matrix(request.array("inputs"), n, t.dmus, t.in_paths, "inputs");
  t.data.Y = read_matrix(request.array("outputs"), n, t.dmus, t.out_paths, "outputs");
  t.input_names = names_or_default(request, "input_names", t.data.X.cols(), "x");
  t.output_names = names_or_default(request, "output_names", t.data.Y.cols(), "y");
  const auto model_obj = request.object_opt("model");
  const dea::Model model = dea::read_model(model_obj ? &*model_obj : nullptr);
  const auto warnings = dea::validate(t, model);
  json out = dea::to_json(dea::run(t, model));
  out["warnings"] = warnings;
  return out;
}

}  // namespace llmfp::ops
