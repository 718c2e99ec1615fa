// Bring your own measurements: a CSV or JSON file of per-model latency and speed
// (percentiles or raw samples), node power, utilisation and multipliers becomes a
// footprint dataset (dataset.hpp shape), checked row by row and column by column; and a
// footprint dataset becomes that CSV again (export), so a valid file round-trips.
//
// CSV: comma-separated, header row, RFC 4180 quotes. One row per (model, prompt) with
// ttft_p5_s .. ttft_p95_s and tps_p5 .. tps_p95, or one row per sample with ttft_s and
// tps (percentiles are then computed, linear interpolation). Column list in kColumns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/json_in.hpp"

namespace llmfp::measurements {

/// Throws one InputError carrying every issue (issues must not be empty).
[[noreturn]] void throw_all(const std::vector<Issue>& issues);

/// Every column the CSV may have, in export order.
extern const std::vector<std::string> kColumns;

/// Largest accepted file (characters of text).
inline constexpr std::size_t kMaxTextBytes = std::size_t{32} * 1024 * 1024;

/// A CSV file split into cells; throws InputError (path "/text") when it cannot be read
/// (empty, unterminated quote, ragged rows, another delimiter).
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;  // 1-based line of each row in the file
};
Table parse_csv(const std::string& text);

struct ImportOptions {
  std::string title = "Imported measurements";
  std::optional<Obj> hardware;  // hardware dataset: fills node power and utilisation
  std::optional<Obj> hosts;     // hosts dataset: fills multipliers from the host name
};

/// Rows of strings (from CSV, or JSON objects turned into strings) -> footprint dataset.
/// Throws one InputError listing every issue (paths "/rows/<i>/<column>").
json rows_to_dataset(const Table& table, const ImportOptions& options);

/// JSON text: a footprint dataset, an array of row objects, or {"rows": [...]}.
json import_json(const std::string& text, const ImportOptions& options);

/// A footprint dataset as the canonical CSV (one row per model and prompt, percentiles).
std::string export_csv(const Obj& dataset);

/// True for text a spreadsheet would run as a formula (it starts with = + - @, tab or CR).
/// export_csv writes such text with a leading ' (OWASP's CSV-injection guard); the CSV
/// reader drops that ' again, so import(export(d)) keeps the names.
bool formula_like(std::string_view text);

}  // namespace llmfp::measurements
