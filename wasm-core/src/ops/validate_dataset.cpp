// op "validate_dataset": placeholder until its feature lands (returns a clear error, never a result).
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json validate_dataset(const Obj& request) {
  fail(code::kUnknownOp, "/op", "op \"validate_dataset\" is not implemented yet in this build");
  (void)request;
}

}  // namespace llmfp::ops
