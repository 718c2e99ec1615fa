// Scaling one query up (arXiv 2505.09598, GPT-4o case study): a day of N queries, a year
// of traffic with a prompt-size mix, low/high bounds, and equivalences whose constants
// come from the constants dataset (never from code).
//
//   mix of prompt sizes (shares s_p, sum 1): mean = sum s_p m_p, low/high likewise,
//     variance of one query = sum s_p (sd_p^2 + m_p^2) - mean^2   (mixture of the sizes)
//   N independent queries: mean x N, low x N, high x N, SD x sqrt(N)
//   equivalence: count = total / constant, after converting the constant's unit
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llmfp::scaling {

/// One quantity per query (or per N queries), in one unit.
struct Amount {
  double mean = 0, sd = 0, low = 0, high = 0;
};

/// One query drawn from a mix: (share, amount) pairs, shares summing to 1.
Amount mix(const std::vector<std::pair<double, Amount>>& parts);
/// N independent queries.
Amount times(const Amount& a, double n);
/// Every field multiplied by f (unit conversion).
Amount scaled(const Amount& a, double f);

/// Base units: energy Wh, water mL, carbon g CO2e.
enum class Dimension { kEnergy, kWater, kCarbon };

/// Size of a constant's unit in base units, from the part before the first "/":
/// Wh kWh MWh GWh | mL L kL ML | g kg t (optionally followed by " CO2" or " CO2e").
/// nullopt if the unit is not understood or belongs to another dimension.
std::optional<double> unit_in_base(const std::string& unit, Dimension d);
/// Whether the unit is a rate per year ("MWh/year", "t CO2/acre/year").
bool per_year(const std::string& unit);

}  // namespace llmfp::scaling
