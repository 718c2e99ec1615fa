// Imported measurements -> footprint dataset (measurements.hpp).
//
// Per model the model-level columns (host, hardware, size class, node power, utilisation,
// multipliers, capability score) must agree on every row. Per (model, prompt): one row of
// percentiles, or several rows of raw samples whose 5/25/50/75/95th percentiles are taken
// by linear interpolation between order statistics (position p (n - 1), NumPy's default).
// Empty power/utilisation cells are filled from the hardware dataset (hardware + size class,
// the coded utilisation of the hardware's family), empty multipliers from the hosts
// dataset's default preset. The result is checked again by dataset::validate_footprint.
#include "llmfp/measurements.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "llmfp/dataset.hpp"

namespace llmfp::measurements {

const std::vector<std::string> kColumns = {"model",
                                           "company",
                                           "host",
                                           "hardware",
                                           "size_class",
                                           "aa_intelligence_index",
                                           "p_gpu_kw",
                                           "p_nongpu_kw",
                                           "u_gpu_min",
                                           "u_gpu_max",
                                           "u_nongpu",
                                           "pue",
                                           "wue_site_l_per_kwh",
                                           "wue_source_l_per_kwh",
                                           "cif_kg_per_kwh",
                                           "prompt",
                                           "output_tokens",
                                           "ttft_p5_s",
                                           "ttft_p25_s",
                                           "ttft_p50_s",
                                           "ttft_p75_s",
                                           "ttft_p95_s",
                                           "tps_p5",
                                           "tps_p25",
                                           "tps_p50",
                                           "tps_p75",
                                           "tps_p95",
                                           "ttft_s",
                                           "tps"};

void throw_all(const std::vector<Issue>& issues) {
  throw InputError(issues.front(), std::vector<Issue>(issues.begin() + 1, issues.end()));
}

namespace {

const std::vector<std::string> kModelText = {"company", "host", "hardware", "size_class"};
const std::vector<std::string> kPower = {"p_gpu_kw", "p_nongpu_kw", "u_gpu_min", "u_gpu_max",
                                         "u_nongpu"};
const std::vector<std::string> kMult = {"pue", "wue_site_l_per_kwh", "wue_source_l_per_kwh",
                                        "cif_kg_per_kwh"};
const std::vector<std::string> kTtftP = {"ttft_p5_s", "ttft_p25_s", "ttft_p50_s", "ttft_p75_s",
                                         "ttft_p95_s"};
const std::vector<std::string> kTpsP = {"tps_p5", "tps_p25", "tps_p50", "tps_p75", "tps_p95"};

struct Ctx {
  const Table& t;
  std::map<std::string, std::size_t> col;
  std::vector<Issue> issues;
  void add(std::size_t r, const std::string& c, const std::string& msg) {
    if (issues.size() < dataset::kMaxIssues) {
      issues.push_back({code::kInvalidValue,
                        "row " + std::to_string(r + 1) + " (line " + std::to_string(t.lines[r]) +
                            "), column \"" + c + "\": " + msg,
                        "/rows/" + std::to_string(r) + "/" + c});
    }
  }
  bool has(const std::string& c) const { return col.count(c) > 0; }
  std::string cell(std::size_t r, const std::string& c) const {
    return has(c) ? t.rows[r][col.at(c)] : "";
  }
};

bool is_number_text(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' ||
           ch == 'E';
  });
}

// A number cell; nullopt when empty (or after recording an issue).
std::optional<double> number(Ctx& c, std::size_t r, const std::string& name, bool required,
                             double min, bool strict) {
  const std::string s = c.cell(r, name);
  if (s.empty()) {
    if (required) c.add(r, name, "a number is required");
    return std::nullopt;
  }
  char* end = nullptr;
  const double v = is_number_text(s) ? std::strtod(s.c_str(), &end) : 0.0;
  if (!is_number_text(s) || end != s.c_str() + s.size()) {
    c.add(r, name,
          "\"" + s + "\" is not a number (use a dot for decimals and no thousands separators)");
    return std::nullopt;
  }
  if (strict ? !(v > min) : !(v >= min)) {
    c.add(r, name, s + " must be " + (strict ? "> " : ">= ") + (min == 1.0 ? "1" : "0"));
    return std::nullopt;
  }
  return v;
}

double interpolate(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double pos = p * static_cast<double>(v.size() - 1);
  const auto i = static_cast<std::size_t>(pos);
  return i + 1 >= v.size() ? v.back() : v[i] + (pos - static_cast<double>(i)) * (v[i + 1] - v[i]);
}

// The entry of set[list] whose `key` is `id`. The reference datasets come with the
// request, so they are read with the checked readers: a wrong type names its field.
std::optional<Obj> find_id(const std::optional<Obj>& set, const char* list, const char* key,
                           const std::string& id) {
  const auto entries = set ? set->array_opt(list) : std::nullopt;
  if (!entries) return std::nullopt;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    Obj e = entries->object(i);
    if (e.string_or(key, "") == id) return e;
  }
  return std::nullopt;
}

void check_columns(Ctx& c, bool& raw) {
  for (std::size_t i = 0; i < c.t.header.size(); ++i) {
    const std::string& h = c.t.header[i];
    if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end()) {
      c.issues.push_back({code::kUnknownField,
                          "unknown column \"" + h + "\" (columns: see the template)",
                          "/header/" + std::to_string(i)});
    } else if (!c.col.emplace(h, i).second) {
      c.issues.push_back({code::kInvalidValue, "column \"" + h + "\" appears twice",
                          "/header/" + std::to_string(i)});
    }
  }
  raw = c.has("ttft_s") || c.has("tps");
  std::vector<std::string> need = {"model", "prompt",   "output_tokens",
                                   "host",  "hardware", "size_class"};
  for (const auto& n : raw ? std::vector<std::string>{"ttft_s", "tps"} : kTtftP) need.push_back(n);
  if (!raw) need.insert(need.end(), kTpsP.begin(), kTpsP.end());
  for (const auto& n : need) {
    if (!c.has(n))
      c.issues.push_back({code::kMissingField, "missing column \"" + n + "\"", "/header"});
  }
  if (raw && (c.has("ttft_p50_s") || c.has("tps_p50"))) {
    c.issues.push_back({code::kInvalidValue,
                        "give either percentile columns or raw samples (ttft_s, tps), not both",
                        "/header"});
  }
}

// Fills an empty model-level number from the hardware or hosts dataset, else records an issue.
double model_number(Ctx& c, std::size_t r, const std::string& name,
                    const std::optional<json>& fallback, const std::string& why_missing) {
  const bool strict = name == "p_gpu_kw" || name == "pue";
  if (auto v =
          number(c, r, name, false, strict && name == "pue" ? 1.0 : 0.0, strict && name != "pue"))
    return *v;
  if (!c.cell(r, name).empty()) return 0.0;  // a bad cell: already reported
  if (fallback && fallback->contains(name) && (*fallback)[name].is_number())
    return (*fallback)[name].get<double>();
  c.add(r, name, "empty, and " + why_missing + ": give the number");
  return 0.0;
}

json node_fallback(const ImportOptions& opt, const std::string& hardware,
                   const std::string& size_class) {
  json out = json::object();
  const auto hw = find_id(opt.hardware, "hardware", "id", hardware);
  if (!hw) return out;
  for (const char* k : {"p_gpu_kw", "p_nongpu_kw"}) {
    if (hw->has(k)) out[k] = hw->raw()[k];
  }
  const auto sc = find_id(opt.hardware, "size_classes", "id", size_class);
  const std::string family = hw->string_or("family", "");
  const auto util = sc ? sc->object_opt("utilisation") : std::nullopt;
  if (const auto fam = util ? util->object_opt(family) : std::nullopt) {
    for (const auto& [k, v] : fam->raw().items()) out[k] = v;
  }
  return out;
}

json host_fallback(const ImportOptions& opt, const std::string& host) {
  if (!opt.hosts) return json::object();
  const std::string preset = opt.hosts->string_or("default_preset", "v6");
  const auto p = find_id(opt.hosts, "presets", "id", preset);
  const auto e = p ? find_id(p, "hosts", "host", host) : std::nullopt;
  return e ? e->raw() : json::object();
}

void check_model_constant(Ctx& c, const std::vector<std::size_t>& rows) {
  std::vector<std::string> cols = kModelText;
  cols.emplace_back("aa_intelligence_index");
  cols.insert(cols.end(), kPower.begin(), kPower.end());
  cols.insert(cols.end(), kMult.begin(), kMult.end());
  for (const auto& col : cols) {
    for (std::size_t r : rows) {
      if (c.cell(r, col) != c.cell(rows[0], col)) {
        c.add(r, col,
              "\"" + c.cell(r, col) + "\" here but \"" + c.cell(rows[0], col) + "\" on row " +
                  std::to_string(rows[0] + 1) +
                  " of the same model (model columns must be equal on every row)");
      }
    }
  }
}

json prompt_json(Ctx& c, bool raw, const std::string& model, const std::string& prompt,
                 const std::vector<std::size_t>& rows) {
  double tokens = 0.0;
  for (std::size_t r : rows) {
    const auto v = number(c, r, "output_tokens", true, 0.0, true);
    if (v && r == rows[0]) tokens = *v;
    if (v && *v != tokens) {
      c.add(r, "output_tokens",
            "differs from row " + std::to_string(rows[0] + 1) + " for the same model and prompt");
    }
  }
  std::vector<double> ttft(5, 0.0);
  std::vector<double> tps(5, 0.0);
  if (!raw) {
    if (rows.size() > 1) {
      c.add(rows[1], "prompt",
            "model \"" + model + "\" has prompt \"" + prompt + "\" on rows " +
                std::to_string(rows[0] + 1) + " and " + std::to_string(rows[1] + 1) +
                " (duplicated: one row of percentiles per model and prompt)");
    }
    for (std::size_t i = 0; i < 5; ++i) {
      ttft[i] = number(c, rows[0], kTtftP[i], true, 0.0, false).value_or(0.0);
      tps[i] = number(c, rows[0], kTpsP[i], true, 0.0, true).value_or(0.0);
    }
  } else {
    std::vector<double> ts, ss;
    for (std::size_t r : rows) {
      if (auto v = number(c, r, "ttft_s", true, 0.0, false)) ts.push_back(*v);
      if (auto v = number(c, r, "tps", true, 0.0, true)) ss.push_back(*v);
    }
    const double ps[] = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (std::size_t i = 0; i < 5 && !ts.empty() && !ss.empty(); ++i) {
      ttft[i] = interpolate(ts, ps[i]);
      tps[i] = interpolate(ss, ps[i]);
    }
  }
  return {{"prompt", prompt}, {"output_tokens", tokens}, {"ttft_s", ttft}, {"tps", tps}};
}

json model_json(Ctx& c, bool raw, const ImportOptions& opt, const std::string& model,
                const std::vector<std::size_t>& rows) {
  check_model_constant(c, rows);
  const std::size_t r0 = rows[0];
  json m = {{"model", model}};
  if (!c.cell(r0, "company").empty()) m["company"] = c.cell(r0, "company");
  for (const char* k : {"host", "hardware", "size_class"}) {
    m[k] = c.cell(r0, k);
    if (c.cell(r0, k).empty()) c.add(r0, k, "a name is required");
  }
  const bool unknown_hw = opt.hardware && !c.cell(r0, "hardware").empty() &&
                          !find_id(opt.hardware, "hardware", "id", c.cell(r0, "hardware"));
  if (unknown_hw) {
    c.add(r0, "hardware",
          "unknown hardware \"" + c.cell(r0, "hardware") + "\" (not in the hardware dataset)");
  }
  const bool unknown_sc = opt.hardware && !c.cell(r0, "size_class").empty() &&
                          !find_id(opt.hardware, "size_classes", "id", c.cell(r0, "size_class"));
  if (unknown_sc) {
    c.add(r0, "size_class",
          "unknown size class \"" + c.cell(r0, "size_class") + "\" (not in the hardware dataset)");
  }
  const auto index = number(c, r0, "aa_intelligence_index", false, 0.0, false);
  m["aa_intelligence_index"] = index ? json(*index) : json(nullptr);
  const json node = node_fallback(opt, c.cell(r0, "hardware"), c.cell(r0, "size_class"));
  const std::string node_why = opt.hardware ? "the hardware dataset has no value for hardware \"" +
                                                  c.cell(r0, "hardware") + "\" and size class \"" +
                                                  c.cell(r0, "size_class") + "\""
                                            : "no hardware dataset was given to fill it";
  for (const auto& k : kPower) {
    m[k] = unknown_hw || unknown_sc ? number(c, r0, k, false, 0.0, false).value_or(0.0)
                                    : model_number(c, r0, k, node, node_why);
  }
  const json host = host_fallback(opt, c.cell(r0, "host"));
  const std::string host_why = opt.hosts
                                   ? "the hosts dataset has no host \"" + c.cell(r0, "host") + "\""
                                   : "no hosts dataset was given to fill it";
  for (const auto& k : kMult) m[k] = model_number(c, r0, k, host, host_why);
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> by_prompt;
  for (std::size_t r : rows) {
    const std::string p = c.cell(r, "prompt");
    if (p.empty()) {
      c.add(r, "prompt", "a prompt name is required (e.g. short, medium, long)");
      continue;
    }
    if (!by_prompt.count(p)) order.push_back(p);
    by_prompt[p].push_back(r);
  }
  m["prompts"] = json::array();
  for (const auto& p : order) m["prompts"].push_back(prompt_json(c, raw, model, p, by_prompt[p]));
  return m;
}

}  // namespace

json rows_to_dataset(const Table& table, const ImportOptions& opt) {
  Ctx c{table, {}, {}};
  bool raw = false;
  check_columns(c, raw);
  if (!c.issues.empty()) throw_all(c.issues);
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> by_model;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string m = c.cell(r, "model");
    if (m.empty()) {
      c.add(r, "model", "a model name is required");
      continue;
    }
    if (!by_model.count(m)) order.push_back(m);
    by_model[m].push_back(r);
  }
  json models = json::array();
  for (const auto& m : order) models.push_back(model_json(c, raw, opt, m, by_model[m]));
  if (!c.issues.empty()) throw_all(c.issues);
  json d = {{"kind", "footprint"},
            {"id", "imported"},
            {"version", "1"},
            {"title", opt.title},
            {"description", "Measurements imported by the user; never leaves the browser."},
            {"paper_version", nullptr},
            {"estimator", "v6"},
            {"intelligence_index_edition", nullptr},
            {"percentiles", {5, 25, 50, 75, 95}},
            {"notes",
             {raw ? "Percentiles computed from raw samples (linear interpolation)."
                  : "Percentiles as given."}},
            {"models", models}};
  dataset::KnownNames known;
  for (const char* list : {"hardware", "size_classes"}) {
    const auto entries = opt.hardware ? opt.hardware->array_opt(list) : std::nullopt;
    for (std::size_t i = 0; entries && i < entries->size(); ++i) {
      (list[0] == 'h' ? known.hardware : known.size_classes)
          .push_back(entries->object(i).string_or("id", ""));
    }
  }
  dataset::Footprint checked;
  std::vector<Issue> more;
  dataset::validate_footprint(d, "/dataset", known, checked, more);
  if (!more.empty()) throw_all(more);
  return d;
}

}  // namespace llmfp::measurements
