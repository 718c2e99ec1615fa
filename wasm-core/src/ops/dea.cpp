// op "dea": placeholder until its feature lands (returns a clear error, never a result).
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json dea(const Obj& request) {
  fail(code::kUnknownOp, "/op", "op \"dea\" is not implemented yet in this build");
  (void)request;
}

}  // namespace llmfp::ops
