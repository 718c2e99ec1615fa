// JSON import and CSV export of measurements (measurements.hpp).
//   JSON: a footprint dataset (kept as is after validation), an array of row objects with
//   the CSV's column names, or {"rows": [...]}. Export writes one row per model and prompt
//   with every percentile column; numbers in their shortest exact form, so import(export(d))
//   gives back the same numbers.
#include "llmfp/api.hpp"
#include "llmfp/dataset.hpp"
#include "llmfp/measurements.hpp"

namespace llmfp::measurements {

namespace {

std::string csv_field(const json& v) {
  if (v.is_null()) return "";
  if (v.is_number_float()) {
    const double d = v.get<double>();
    // Whole numbers without ".0", so 300 and 300.0 export alike.
    if (d == static_cast<double>(static_cast<long long>(d)) && d > -1e15 && d < 1e15) {
      return std::to_string(static_cast<long long>(d));
    }
  }
  if (!v.is_string()) return v.dump();
  std::string s = v.get<std::string>();
  if (formula_like(s)) s.insert(0, 1, '\'');  // "=HYPERLINK(...)" stays text in a spreadsheet
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

Table rows_table(const Arr& rows) {
  Table t;
  std::vector<Issue> issues;
  for (const auto& c : kColumns) {
    for (const auto& r : rows.raw()) {
      if (r.is_object() && r.contains(c)) {
        t.header.push_back(c);
        break;
      }
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Obj r = rows.object(i);
    std::vector<std::string> cells;
    for (const auto& [k, v] : r.raw().items()) {
      if (std::find(kColumns.begin(), kColumns.end(), k) == kColumns.end()) {
        issues.push_back({code::kUnknownField,
                          "row " + std::to_string(i + 1) + ": unknown column \"" + k + "\"",
                          r.at(k)});
      } else if (!(v.is_string() || v.is_number() || v.is_null())) {
        issues.push_back({code::kWrongType,
                          "row " + std::to_string(i + 1) + ", column \"" + k +
                              "\": must be a number or text, got " + describe_type(v),
                          r.at(k)});
      }
    }
    for (const auto& c : t.header) {
      const json v = r.raw().contains(c) ? r.raw()[c] : json(nullptr);
      cells.push_back(v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : "");
    }
    t.rows.push_back(std::move(cells));
    t.lines.push_back(i + 1);
  }
  if (!issues.empty()) throw_all(issues);
  if (t.rows.empty()) fail(code::kInvalidValue, rows.path(), "the file has no rows");
  return t;
}

}  // namespace

json import_json(const std::string& text, const ImportOptions& options) {
  json value;
  try {
    // The file is inner text: the request's depth check did not see inside it.
    value = parse_json(text, kMaxJsonDepth, "", "the file");
  } catch (const InputError& e) {
    const Issue& i = e.issue();
    if (i.code == code::kParseError) fail(code::kInvalidValue, "/text", i.message);
    const auto slash = i.path.rfind('/');
    const std::string field = slash == std::string::npos ? "" : i.path.substr(slash + 1);
    fail(i.code, "/text",
         field.empty() ? i.message : i.message + " (field " + quote_input(field, 40) + ")");
  }
  if (value.is_array()) return rows_to_dataset(rows_table(Arr(value, "/rows")), options);
  const Obj o(value, "");
  if (o.has("rows")) return rows_to_dataset(rows_table(o.array("rows")), options);
  if (!o.has("models")) {
    fail(code::kInvalidValue, "/text",
         "a JSON file must be a footprint dataset (with \"models\"), an array of rows, or "
         "{\"rows\": [...]}");
  }
  dataset::Footprint checked;
  std::vector<Issue> issues;
  dataset::validate_footprint(value, "/dataset", {}, checked, issues);
  if (!issues.empty()) throw_all(issues);
  return value;
}

// Writes the columns in the import format's order, one branch per optional column.
// NOLINTNEXTLINE(readability-function-cognitive-complexity)
std::string export_csv(const Obj& dataset) {
  dataset::load_footprint(dataset.raw(),
                          dataset.path());  // refuses a bad dataset, listing every issue
  std::string out;
  std::vector<std::string> cols(kColumns.begin(),
                                kColumns.end() - 2);  // not the raw-sample columns
  for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + cols[i];
  out += "\n";
  for (const auto& m : dataset.raw()["models"]) {
    for (const auto& p : m["prompts"]) {
      for (std::size_t i = 0; i < cols.size(); ++i) {
        const std::string& c = cols[i];
        json v = nullptr;
        if (c.rfind("ttft_p", 0) == 0 || c.rfind("tps_p", 0) == 0) {
          const bool ttft = c[1] == 't' && c[2] == 'f';
          const std::size_t k = c.find("p5_") != std::string::npos || c == "tps_p5" ? 0
                                : c.find("p25") != std::string::npos                ? 1
                                : c.find("p50") != std::string::npos                ? 2
                                : c.find("p75") != std::string::npos                ? 3
                                                                                    : 4;
          v = p[ttft ? "ttft_s" : "tps"][k];
        } else if (c == "prompt" || c == "output_tokens") {
          v = p[c];
        } else if (m.contains(c)) {
          v = m[c];
        }
        out += (i ? "," : "") + csv_field(v);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace llmfp::measurements
