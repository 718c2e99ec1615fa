// JSON <-> stats structs, shared by the ops "stats" and "attribute" (the maths stays in
// stats.hpp, free of JSON).
#pragma once

#include <string>
#include <vector>

#include "llmfp/json_in.hpp"
#include "llmfp/stats.hpp"

namespace llmfp::stats {

/// Labels of a factor (strings, or integers written as text): see make_factor.
Factor read_factor(const Arr& labels);

json to_json(const GroupSummary& g);
/// ANOVA table; term names "a", "b", "a:b" are replaced by the given factor names.
json to_json(const AnovaResult& r, const std::string& a_name, const std::string& b_name);
/// One Tukey comparison without its labels: diff, se, q, p_adj, lower, upper, reject and
/// hedges_g (the callers add the names of what was compared).
json to_json(const TukeyPair& p);
json to_json(const TukeyResult& r);
json to_json(const WelchResult& r);

}  // namespace llmfp::stats
