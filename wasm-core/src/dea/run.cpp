// One DEA model on a table of named DMUs (dea_run.hpp): dispatch to the radial,
// cross-efficiency or game model of dea.hpp, and the competition ranks of the scores:
//   rank_j = 1 + #{k : score_k better than score_j by more than 1e-9 max(1, |score_j|)},
// "better" = higher for input orientation (theta <= 1, e_j) and game scores, lower for
// output orientation (phi >= 1).
#include <algorithm>
#include <cmath>
#include <limits>

#include "llmfp/dea_run.hpp"

namespace llmfp::dea {

std::vector<int> competition_rank(const std::vector<double>& scores, bool higher_is_better) {
  std::vector<int> ranks;
  ranks.reserve(scores.size());
  for (double score : scores) {
    if (!std::isfinite(score)) {
      ranks.push_back(0);
      continue;
    }
    int better = 0;
    for (double s : scores) {
      if (!std::isfinite(s)) continue;
      const double tol = 1e-9 * std::max(1.0, std::fabs(score));
      if (higher_is_better ? s > score + tol : s < score - tol) ++better;
    }
    ranks.push_back(better + 1);
  }
  return ranks;
}

Outcome run(const Table& t, const Model& m) {
  Outcome out;
  out.model = m;
  out.dmus = t.dmus;
  out.input_names = t.input_names;
  out.output_names = t.output_names;
  bool higher = true;
  if (m.type == ModelType::cross) {
    out.cross = cross(t.data, m.cross);
    out.scores.assign(out.cross.e.data(), out.cross.e.data() + out.cross.e.size());
    higher = m.cross.orientation == Orientation::input;
  } else if (m.type == ModelType::game) {
    out.game = game(t.data);
    out.scores.assign(out.game.e.data(), out.game.e.data() + out.game.e.size());
  } else {
    RadialOptions ro = m.radial;
    ro.super = m.type == ModelType::super;
    out.radial = radial(t.data, ro);
    for (const auto& r : out.radial) {
      out.scores.push_back(
          r.status == lp::Status::optimal ? r.score : std::numeric_limits<double>::quiet_NaN());
    }
    higher = ro.orientation == Orientation::input;
  }
  out.ranks = competition_rank(out.scores, higher);
  return out;
}

}  // namespace llmfp::dea
