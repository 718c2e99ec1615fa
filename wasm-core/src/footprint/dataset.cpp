// Footprint dataset validation: see dataset.hpp. Each field is read with the validated
// readers of json_in.hpp inside its own guard, so one bad field does not hide the others.
// Rules (units in the names): p_gpu_kw > 0, p_nongpu_kw >= 0, 0 <= u_gpu_min <= u_gpu_max
// <= 1, 0 <= u_nongpu <= 1, 1 <= pue <= 5, WUEs and CIF >= 0; per prompt output_tokens > 0,
// ttft_s five numbers >= 0, tps five numbers >= 0.001 tokens/s (the method floors R at
// 1e-9, which would turn a zero speed into ~1e9 hours: such speeds are refused); names
// unique.
#include "llmfp/dataset.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace llmfp::dataset {
namespace {

class Collector {
 public:
  explicit Collector(std::vector<Issue>& issues) : issues_(issues) {}
  // Runs f; an InputError it throws is recorded. Returns whether f succeeded.
  bool guard(const std::function<void()>& f) {
    try {
      f();
      return true;
    } catch (const InputError& e) {
      for (const auto& i : e.all()) add(i);
      return false;
    }
  }
  void add(Issue issue) {
    if (issues_.size() < kMaxIssues) issues_.push_back(std::move(issue));
  }

 private:
  std::vector<Issue>& issues_;
};

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void check_name(Collector& c, const Obj& m, const char* key, const std::vector<std::string>& known,
                const char* what, std::string& out) {
  c.guard([&] {
    out = m.string(key);
    if (!listed(known, out)) {
      fail(code::kUnknownValue, m.at(key),
           std::string("unknown ") + what + " \"" + out + "\"; known: " + join(known));
    }
  });
}

}  // namespace

double read_percentile(const Arr& a, std::size_t i, const char* key, Range range) {
  try {
    return a.number(i, range);
  } catch (const InputError& e) {  // "2 must be > 0" -> "tps P50 must be > 0"
    Issue issue = e.issue();
    static const char* const kNames[] = {"P5", "P25", "P50", "P75", "P95"};
    const std::string index = std::to_string(i);
    if (i < 5 && issue.message.compare(0, index.size(), index) == 0) {
      issue.message = std::string(key) + " " + kNames[i] + issue.message.substr(index.size());
    }
    throw InputError(issue);
  }
}

namespace {

footprint::Quantiles read_quantiles(Collector& c, const Obj& p, const char* key, Range range,
                                    std::vector<Issue>& warnings) {
  footprint::Quantiles q{};
  c.guard([&] {
    Arr a = p.array(key);
    a.require_size(5, 5);
    std::vector<double> v;
    bool ok = true;
    for (std::size_t i = 0; i < 5; ++i)
      ok = c.guard([&] { v.push_back(read_percentile(a, i, key, range)); }) && ok;
    if (!ok) return;
    std::copy(v.begin(), v.end(), q.begin());
    if (!std::is_sorted(v.begin(), v.end())) {
      warnings.push_back({code::kInvalidValue,
                          std::string(key) + " percentiles are not in increasing order (P5 <= " +
                              "P25 <= P50 <= P75 <= P95); the method sorts them",
                          a.path()});
    }
  });
  return q;
}

void read_reference(Collector& c, const Obj& p, PromptRow& row) {
  c.guard([&] {
    auto r = p.object_opt("reference");
    if (!r) return;
    Reference ref;
    const Range nn = Range::non_negative();
    bool ok = true;
    ok = c.guard([&] { ref.energy_wh_mean = r->number("energy_wh_mean", nn); }) && ok;
    ok = c.guard([&] { ref.energy_wh_sd = r->number_or("energy_wh_sd", 0, nn); }) && ok;
    ok = c.guard([&] { ref.water_ml_mean = r->number_or("water_ml_mean", 0, nn); }) && ok;
    ok = c.guard([&] { ref.water_ml_sd = r->number_or("water_ml_sd", 0, nn); }) && ok;
    ok = c.guard([&] { ref.carbon_g_mean = r->number_or("carbon_g_mean", 0, nn); }) && ok;
    ok = c.guard([&] { ref.carbon_g_sd = r->number_or("carbon_g_sd", 0, nn); }) && ok;
    if (ok) row.reference = ref;
  });
}

void read_prompts(Collector& c, const Obj& m, ModelRow& row, std::vector<Issue>& warnings) {
  c.guard([&] {
    Arr prompts = m.array("prompts");
    if (prompts.size() == 0) {
      fail(code::kInvalidValue, prompts.path(), "prompts must list at least one prompt");
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
      c.guard([&] {
        Obj p = prompts.object(i);
        PromptRow pr;
        pr.path = p.path();
        c.guard([&] {
          pr.prompt = p.string("prompt");
          if (!seen.insert(pr.prompt).second) {
            fail(code::kInvalidValue, p.at("prompt"),
                 "prompt \"" + pr.prompt + "\" appears twice for model \"" + row.model + "\"");
          }
        });
        c.guard([&] { pr.inputs.output_tokens = p.number("output_tokens", Range{0, 1e7, true}); });
        c.guard([&] { pr.input_tokens = p.number_opt("input_tokens", Range{0, 1e9, true}); });
        c.guard([&] { pr.measured = p.string_or("measured", ""); });
        pr.inputs.ttft_s = read_quantiles(c, p, "ttft_s", Range::closed(0, 1e5), warnings);
        pr.inputs.tps = read_quantiles(c, p, "tps", Range::closed(1e-3, 1e7), warnings);
        read_reference(c, p, pr);
        row.prompts.push_back(std::move(pr));
      });
    }
  });
}

void read_model(Collector& c, const Obj& m, const KnownNames& known, Footprint& out,
                std::set<std::string>& names) {
  ModelRow row;
  row.path = m.path();
  c.guard([&] {
    row.model = m.string("model");
    if (!names.insert(row.model).second) {
      fail(code::kInvalidValue, m.at("model"), "model \"" + row.model + "\" appears twice");
    }
  });
  c.guard([&] { row.company = m.string_or("company", ""); });
  check_name(c, m, "host", known.hosts, "host", row.host);
  check_name(c, m, "hardware", known.hardware, "hardware", row.hardware);
  check_name(c, m, "size_class", known.size_classes, "size class", row.size_class);
  c.guard([&] { row.aa_intelligence_index = m.number_opt("aa_intelligence_index"); });
  auto& a = row.assumptions;
  const Range nn = Range::non_negative();
  c.guard([&] { a.node.p_gpu_kw = m.number("p_gpu_kw", Range{0, 1e4, true}); });
  c.guard([&] { a.node.p_nongpu_kw = m.number("p_nongpu_kw", Range::closed(0, 1e4)); });
  const bool umin = c.guard([&] { a.util.u_gpu_min = m.number("u_gpu_min", Range::unit()); });
  const bool umax = c.guard([&] { a.util.u_gpu_max = m.number("u_gpu_max", Range::unit()); });
  if (umin && umax && a.util.u_gpu_max < a.util.u_gpu_min) {
    c.add({code::kInvalidValue,
           "u_gpu_max must be >= u_gpu_min (" + std::to_string(a.util.u_gpu_min) + ")",
           m.at("u_gpu_max")});
  }
  c.guard([&] { a.util.u_nongpu = m.number("u_nongpu", Range::unit()); });
  c.guard([&] { a.mult.pue = m.number("pue", Range::closed(1, 5)); });
  c.guard([&] { a.mult.wue_site_l_per_kwh = m.number("wue_site_l_per_kwh", nn); });
  c.guard([&] { a.mult.wue_source_l_per_kwh = m.number("wue_source_l_per_kwh", nn); });
  c.guard([&] { a.mult.cif_kg_per_kwh = m.number("cif_kg_per_kwh", nn); });
  read_prompts(c, m, row, out.warnings);
  out.models.push_back(std::move(row));
}

}  // namespace

void validate_footprint(const json& value, const std::string& path, const KnownNames& known,
                        Footprint& out, std::vector<Issue>& issues) {
  Collector c(issues);
  c.guard([&] {
    Obj d(value, path);
    c.guard([&] {
      if (d.has("kind") && d.string("kind") != "footprint") {
        fail(code::kInvalidValue, d.at("kind"),
             R"(kind must be "footprint", got ")" + d.string("kind") + "\"");
      }
    });
    c.guard([&] { out.id = d.string_or("id", ""); });
    c.guard([&] { out.version = d.string_or("version", ""); });
    c.guard([&] { out.estimator = d.choice_or("estimator", "v6", {"v6", "v4"}); });
    c.guard([&] {
      Arr models = d.array("models");
      if (models.size() == 0) fail(code::kInvalidValue, models.path(), "models must not be empty");
      std::set<std::string> names;
      for (std::size_t i = 0; i < models.size(); ++i) {
        c.guard([&] { read_model(c, models.object(i), known, out, names); });
      }
    });
  });
  if (issues.size() >= kMaxIssues) {
    issues.back() = {
        code::kTooLarge,
        "more than " + std::to_string(kMaxIssues - 1) + " problems; the rest are not listed", path};
  }
}

Footprint load_footprint(const json& value, const std::string& path, const KnownNames& known) {
  Footprint out;
  std::vector<Issue> issues;
  validate_footprint(value, path, known, out, issues);
  if (!issues.empty()) {
    Issue first = issues.front();
    throw InputError(first, std::vector<Issue>(issues.begin() + 1, issues.end()));
  }
  return out;
}

}  // namespace llmfp::dataset
