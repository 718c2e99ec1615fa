// op "stats": placeholder until its feature lands (returns a clear error, never a result).
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json stats(const Obj& request) {
  fail(code::kUnknownOp, "/op", "op \"stats\" is not implemented yet in this build");
  (void)request;
}

}  // namespace llmfp::ops
