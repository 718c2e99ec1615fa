// op "import": the user's own measurements (CSV or JSON text) -> footprint dataset, with
// every bad row and column listed (maths-free; see src/import/ and measurements.hpp).
//   {"op": "import", "text": "model,prompt,...\n...", "format": "csv" | "json" (default:
//    json if the text starts with { or [), "title": "...",
//    "hardware": {hardware dataset}, "hosts": {hosts dataset}}      (optional: fill and check)
// -> {"format", "dataset": {footprint dataset}, "counts": {"models", "prompts"}}
#include "llmfp/measurements.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

json import_measurements(const Obj& request) {
  request.only({"op", "text", "format", "title", "hardware", "hosts"});
  const std::string text = request.has("text") && request.raw()["text"].is_string()
                               ? request.raw()["text"].get<std::string>()
                               : request.string("text");
  if (text.size() > measurements::kMaxTextBytes) {
    fail(code::kTooLarge, "/text",
         "the file is " + std::to_string(text.size() / kMiB) + " MB; the limit is " +
             std::to_string(measurements::kMaxTextBytes / kMiB) + " MB");
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const bool looks_json = first != std::string::npos && (text[first] == '{' || text[first] == '[');
  const std::string format =
      request.choice_or("format", looks_json ? "json" : "csv", {"csv", "json"});
  measurements::ImportOptions opt;
  opt.title = request.string_or("title", opt.title);
  opt.hardware = request.object_opt("hardware");
  opt.hosts = request.object_opt("hosts");
  const json d = format == "json"
                     ? measurements::import_json(text, opt)
                     : measurements::rows_to_dataset(measurements::parse_csv(text), opt);
  std::size_t prompts = 0;
  for (const auto& m : d["models"]) prompts += m["prompts"].size();
  return {{"format", format},
          {"dataset", d},
          {"counts", {{"models", d["models"].size()}, {"prompts", prompts}}}};
}

}  // namespace llmfp::ops
