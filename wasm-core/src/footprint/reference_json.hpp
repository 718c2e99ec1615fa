// The readers of the reference datasets (reference.hpp): the only code that walks their
// JSON. Each validates its whole dataset once; the structs carry each entry's pointer so
// that a later check of a value can still name it.
#pragma once

#include <optional>

#include "llmfp/json_in.hpp"
#include "llmfp/reference.hpp"

namespace llmfp::reference {

Hardware read_hardware(const Obj& d);
Hosts read_hosts(const Obj& d);
Regions read_regions(const Obj& d);
Constants read_constants(const Obj& d);

/// request["hardware"], ["hosts"], ["regions"] (each optional), read once.
Sets read_sets(const Obj& request);

}  // namespace llmfp::reference
