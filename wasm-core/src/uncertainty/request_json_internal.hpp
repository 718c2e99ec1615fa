// Internal to the uncertainty request reader (request_json.cpp, request_json_region.cpp).
#pragma once

#include <optional>
#include <set>
#include <string>

#include "llmfp/overrides.hpp"
#include "request_json.hpp"
#include "spec_json.hpp"

namespace llmfp::uq {

struct Context {
  const Obj& request;
  footprint::Overrides ov;
  footprint::References refs;
  std::optional<Obj> uncertain;
  HostSpread hosts;
  bool ranges = false;
  std::set<std::string> notes;
};

/// uncertain.region (or the ranges preset's default): the host's provider regions, with
/// the water and carbon terms the boundary of `res` leaves out or replaces kept as resolved.
void read_region(Context& cx, CaseRequest& cr, const footprint::Resolved& res);

}  // namespace llmfp::uq
