// JSON for DEA: model options, data validation, results (see dea_json.hpp).
#include "llmfp/dea_json.hpp"

#include <cmath>
#include <map>

namespace llmfp::dea {

namespace {

constexpr std::size_t kMaxCrossDmus = 3000;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

json vec(const Eigen::VectorXd& v) {
  json a = json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i)
    a.push_back(std::isfinite(v(i)) ? json(v(i)) : json());
  return a;
}

json rows(const Eigen::MatrixXd& M) {
  json a = json::array();
  for (Eigen::Index r = 0; r < M.rows(); ++r) a.push_back(vec(M.row(r).transpose()));
  return a;
}

const char* rts_name(Rts r) {
  switch (r) {
    case Rts::crs: return "crs";
    case Rts::vrs: return "vrs";
    case Rts::nirs: return "nirs";
    case Rts::ndrs: return "ndrs";
  }
  return "crs";
}

json peers_of(const std::vector<std::string>& dmus, const Eigen::VectorXd& lambda) {
  json peers = json::array();
  for (Eigen::Index j = 0; j < lambda.size(); ++j) {
    if (lambda(j) > 1e-9) {
      peers.push_back({{"dmu", dmus[j]}, {"index", j}, {"lambda", lambda(j)}});
    }
  }
  return peers;
}

json model_echo(const Model& m) {
  static const char* kTypes[] = {"envelopment", "multiplier", "super", "cross", "game"};
  json out = {{"type", kTypes[static_cast<int>(m.type)]},
              {"orientation", m.radial.orientation == Orientation::input ? "io" : "oo"},
              {"rts", rts_name(m.radial.rts)},
              {"epsilon", m.radial.epsilon}};
  if (m.type == ModelType::cross) {
    static const char* kMethods[] = {"arbitrary", "aggressive", "benevolent"};
    out["method"] = kMethods[static_cast<int>(m.cross.method)];
    out["formulation"] = m.cross.formulation == Formulation::M2 ? "M2" : "M3";
    out["self_appraisal"] = m.cross.self_appraisal;
    out["lim_zhu"] = m.cross.lim_zhu;
  }
  return out;
}

// Scores (null where missing) and their ranks (null where missing).
json score_list(const std::vector<double>& scores) {
  json out = json::array();
  for (double s : scores) out.push_back(std::isfinite(s) ? json(s) : json());
  return out;
}

json rank_list(const std::vector<int>& ranks) {
  json out = json::array();
  for (int r : ranks) out.push_back(r > 0 ? json(r) : json(nullptr));
  return out;
}

json radial_result(const Outcome& o) {
  json status = json::array(), eff = json::array(), weak = json::array(), peers = json::array();
  json lambdas = json::array(), s_in = json::array(), s_out = json::array();
  json v = json::array(), u = json::array(), w0 = json::array();
  for (const auto& r : o.radial) {
    const bool ok = r.status == lp::Status::optimal;
    status.push_back(lp::to_string(r.status));
    eff.push_back(ok && r.efficient);
    weak.push_back(ok && r.weakly_efficient);
    peers.push_back(ok ? peers_of(o.dmus, r.lambda) : json::array());
    if (o.model.return_matrix) lambdas.push_back(ok ? vec(r.lambda) : json());
    s_in.push_back(ok ? vec(r.slack_in) : json());
    s_out.push_back(ok ? vec(r.slack_out) : json());
    v.push_back(ok ? vec(r.v) : json());
    u.push_back(ok ? vec(r.u) : json());
    w0.push_back(ok ? json(r.w0) : json());
  }
  json out = {{"scores", score_list(o.scores)},
              {"ranks", rank_list(o.ranks)},
              {"status", status},
              {"efficient", eff},
              {"weakly_efficient", weak},
              {"peers", peers},
              {"slacks", {{"inputs", s_in}, {"outputs", s_out}}},
              {"weights", {{"inputs", v}, {"outputs", u}, {"rts", w0}}}};
  if (o.model.return_matrix) out["lambdas"] = lambdas;
  return out;
}

json cross_result(const Outcome& o) {
  const CrossResult& r = o.cross;
  json status = json::array(), eff = json::array(), peers = json::array();
  for (int j = 0; j < static_cast<int>(r.primary.size()); ++j) {
    status.push_back(lp::to_string(r.secondary[j]));
    const bool ok = r.primary[j].status == lp::Status::optimal;
    eff.push_back(ok ? json(r.primary[j].score) : json());
    peers.push_back(ok ? peers_of(o.dmus, r.primary[j].lambda) : json::array());
  }
  json out = {{"scores", vec(r.e)},
              {"ranks", rank_list(o.ranks)},
              {"efficiency", eff},
              {"rating_means", vec(r.A)},
              {"maverick", vec(r.maverick)},
              {"status", status},
              {"peers", peers},
              {"weights", {{"inputs", rows(r.V)}, {"outputs", rows(r.U)}, {"rts", vec(r.W0)}}}};
  if (o.model.return_matrix) out["matrix"] = rows(r.E);
  return out;
}

json game_result(const Outcome& o) {
  return {{"scores", vec(o.game.e)},
          {"ranks", rank_list(o.ranks)},
          {"status", json::array({lp::to_string(o.game.status)})},
          {"rounds", o.game.rounds}};
}

}  // namespace

json competition_ranks(const std::vector<double>& scores, bool higher_is_better) {
  return rank_list(competition_rank(scores, higher_is_better));
}

Model read_model(const Obj* model) {
  Model m;
  if (!model) return m;
  model->only({"type", "orientation", "rts", "method", "formulation", "self_appraisal", "epsilon",
               "lim_zhu", "return_matrix"});
  const std::string type =
      model->choice_or("type", "cross", {"envelopment", "multiplier", "super", "cross", "game"});
  m.type = type == "envelopment"  ? ModelType::envelopment
           : type == "multiplier" ? ModelType::multiplier
           : type == "super"      ? ModelType::super
           : type == "game"       ? ModelType::game
                                  : ModelType::cross;
  const std::string o = model->choice_or("orientation", "io", {"io", "oo"});
  const std::string rts = model->choice_or("rts", "crs", {"crs", "vrs", "nirs", "ndrs"});
  const std::string method =
      model->choice_or("method", "aggressive", {"arbitrary", "aggressive", "benevolent"});
  const std::string form = model->choice_or("formulation", "M3", {"M2", "M3"});
  m.radial.orientation = o == "io" ? Orientation::input : Orientation::output;
  m.radial.rts = rts == "crs"    ? Rts::crs
                 : rts == "vrs"  ? Rts::vrs
                 : rts == "nirs" ? Rts::nirs
                                 : Rts::ndrs;
  m.radial.epsilon = model->number_or("epsilon", 0.0, Range::closed(0.0, 1e-3));
  m.cross.orientation = m.radial.orientation;
  m.cross.rts = m.radial.rts;
  m.cross.epsilon = m.radial.epsilon;
  m.cross.method = method == "arbitrary"    ? CrossMethod::arbitrary
                   : method == "aggressive" ? CrossMethod::aggressive
                                            : CrossMethod::benevolent;
  m.cross.formulation = form == "M2" ? Formulation::M2 : Formulation::M3;
  m.cross.self_appraisal = model->boolean_or("self_appraisal", true);
  m.cross.lim_zhu = model->boolean_or("lim_zhu", false);
  m.return_matrix = model->boolean_or("return_matrix", true);
  if (m.type == ModelType::game &&
      (m.radial.rts != Rts::crs || m.radial.orientation != Orientation::input)) {
    fail(code::kInvalidValue, model->path(),
         R"(game cross-efficiency is available for rts "crs" and orientation "io" only)");
  }
  return m;
}

namespace {

void check_value(const Table& t, double v, const std::string& path, const std::string& what,
                 std::size_t j, const std::string& col) {
  const std::string where = what + " " + quoted(col) + " of DMU " + quoted(t.dmus[j]);
  if (!std::isfinite(v)) fail(code::kNotFinite, path, where + " is not a finite number");
  if (v < 0) {
    fail(code::kOutOfRange, path,
         where + " must be >= 0, got " + std::to_string(v) +
             " (DEA needs non-negative data; translate the column first)");
  }
  if (v > 0 && (v < 1e-15 || v > 1e15)) {
    fail(code::kOutOfRange, path,
         where + " is outside 1e-15..1e15; rescale the column (change its unit)");
  }
}

// Every value finite and >= 0; each DMU with a positive input and a positive output.
void check_values(const Table& t) {
  for (std::size_t j = 0; j < t.dmus.size(); ++j) {
    bool pos_in = false;
    bool pos_out = false;
    for (std::size_t i = 0; i < t.input_names.size(); ++i) {
      check_value(t, t.data.X(j, i), t.in_paths[j][i], "input", j, t.input_names[i]);
      pos_in = pos_in || t.data.X(j, i) > 0;
    }
    for (std::size_t r = 0; r < t.output_names.size(); ++r) {
      check_value(t, t.data.Y(j, r), t.out_paths[j][r], "output", j, t.output_names[r]);
      pos_out = pos_out || t.data.Y(j, r) > 0;
    }
    if (!pos_in) {
      fail(code::kInvalidValue, t.in_paths[j].empty() ? t.dmu_paths[j] : t.in_paths[j][0],
           "DMU " + quoted(t.dmus[j]) + " has no positive input: DEA needs at least one");
    }
    if (!pos_out) {
      fail(code::kInvalidValue, t.out_paths[j].empty() ? t.dmu_paths[j] : t.out_paths[j][0],
           "DMU " + quoted(t.dmus[j]) + " has no positive output: DEA needs at least one");
    }
  }
}

void check_limits(std::size_t n, const Model& model) {
  if (model.type == ModelType::game && n > 40) {
    fail(code::kTooLarge, "/dmus",
         "game cross-efficiency is limited to 40 DMUs (n^2 LPs per round, tens of rounds), got " +
             std::to_string(n));
  }
  if (model.return_matrix && n > 1000) {
    fail(code::kTooLarge, "/model/return_matrix",
         "the n x n matrix of " + std::to_string(n) +
             R"( DMUs is too large to return; set "return_matrix": false)");
  }
  if (model.type == ModelType::cross && n > kMaxCrossDmus) {
    fail(code::kTooLarge, "/dmus",
         "cross-efficiency is limited to " + std::to_string(kMaxCrossDmus) + " DMUs, got " +
             std::to_string(n));
  }
  if (model.type == ModelType::cross && !model.cross.self_appraisal && n < 2) {
    fail(code::kInvalidValue, "/model/self_appraisal",
         "cross-efficiency without self-appraisal needs at least 2 DMUs");
  }
}

// Data that give a defined but weak or surprising result.
std::vector<std::string> data_warnings(const Table& t, const Model& model) {
  const std::size_t n = t.dmus.size();
  const std::size_t m = t.input_names.size();
  const std::size_t s = t.output_names.size();
  std::vector<std::string> warnings;
  if (n < 3 * (m + s)) {
    warnings.push_back("only " + std::to_string(n) + " DMUs for " + std::to_string(m + s) +
                       " inputs and outputs: fewer than 3 x (inputs + outputs), so many DMUs will "
                       "be efficient (weak discrimination)");
  }
  for (std::size_t i = 0; i < m; ++i) {
    if (n > 1 && t.data.X.col(i).maxCoeff() == t.data.X.col(i).minCoeff()) {
      warnings.push_back("input " + quoted(t.input_names[i]) + " has the same value for every DMU");
    }
  }
  for (std::size_t r = 0; r < s; ++r) {
    if (n > 1 && t.data.Y.col(r).maxCoeff() == t.data.Y.col(r).minCoeff()) {
      warnings.push_back("output " + quoted(t.output_names[r]) +
                         " has the same value for every DMU");
    }
  }
  std::map<std::vector<double>, std::size_t> seen;
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<double> key;
    for (std::size_t i = 0; i < m; ++i) key.push_back(t.data.X(j, i));
    for (std::size_t r = 0; r < s; ++r) key.push_back(t.data.Y(j, r));
    auto [it, fresh] = seen.emplace(key, j);
    if (!fresh) {
      warnings.push_back("DMUs " + quoted(t.dmus[it->second]) + " and " + quoted(t.dmus[j]) +
                         " have identical data");
    }
  }
  if (model.cross.lim_zhu && (model.type != ModelType::cross || model.cross.rts == Rts::crs ||
                              model.cross.orientation == Orientation::output)) {
    warnings.emplace_back(
        "lim_zhu applies only to input-oriented cross-efficiency under non-constant returns to "
        "scale; ignored");
  }
  return warnings;
}

}  // namespace

std::vector<std::string> validate(const Table& t, const Model& model) {
  check_values(t);
  check_limits(t.dmus.size(), model);
  return data_warnings(t, model);
}

json to_json(const Outcome& o) {
  json out = o.model.type == ModelType::cross  ? cross_result(o)
             : o.model.type == ModelType::game ? game_result(o)
                                               : radial_result(o);
  out["model"] = model_echo(o.model);
  out["dmus"] = o.dmus;
  out["input_names"] = o.input_names;
  out["output_names"] = o.output_names;
  return out;
}

}  // namespace llmfp::dea
