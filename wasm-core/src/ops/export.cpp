// op "export": a footprint dataset as the import CSV (measurements.hpp), so a user can
// download, edit and re-import it; import(export(d)) gives back d's numbers exactly.
//   {"op": "export", "dataset": {footprint dataset}}  ->  {"csv": "model,company,...\n..."}
#include "llmfp/measurements.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json export_measurements(const Obj& request) {
  request.only({"op", "dataset"});
  return {{"csv", measurements::export_csv(request.object("dataset"))},
          {"columns", measurements::kColumns}};
}

}  // namespace llmfp::ops
