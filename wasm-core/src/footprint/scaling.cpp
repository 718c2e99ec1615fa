// Scaling and unit conversion: see scaling.hpp for the equations.
#include "llmfp/scaling.hpp"

#include <cmath>

namespace llmfp::scaling {

Amount mix(const std::vector<std::pair<double, Amount>>& parts) {
  Amount out;
  double second_moment = 0;
  for (const auto& [share, a] : parts) {
    out.mean += share * a.mean;
    out.low += share * a.low;
    out.high += share * a.high;
    second_moment += share * (a.sd * a.sd + a.mean * a.mean);
  }
  out.sd = std::sqrt(std::max(0.0, second_moment - out.mean * out.mean));
  return out;
}

Amount times(const Amount& a, double n) {
  return {a.mean * n, a.sd * std::sqrt(n), a.low * n, a.high * n};
}

Amount scaled(const Amount& a, double f) { return {a.mean * f, a.sd * f, a.low * f, a.high * f}; }

std::optional<double> unit_in_base(const std::string& unit, Dimension d) {
  std::string u = unit.substr(0, unit.find('/'));
  while (!u.empty() && u.back() == ' ') u.pop_back();
  for (const char* suffix : {" CO2e", " CO2"}) {
    const std::string s(suffix);
    if (u.size() > s.size() && u.compare(u.size() - s.size(), s.size(), s) == 0) {
      u.erase(u.size() - s.size());
      break;
    }
  }
  struct Entry {
    const char* name;
    Dimension dim;
    double size;
  };
  static const Entry kUnits[] = {
      {"Wh", Dimension::kEnergy, 1},    {"kWh", Dimension::kEnergy, 1e3},
      {"MWh", Dimension::kEnergy, 1e6}, {"GWh", Dimension::kEnergy, 1e9},
      {"mL", Dimension::kWater, 1},     {"L", Dimension::kWater, 1e3},
      {"kL", Dimension::kWater, 1e6},   {"ML", Dimension::kWater, 1e9},
      {"g", Dimension::kCarbon, 1},     {"kg", Dimension::kCarbon, 1e3},
      {"t", Dimension::kCarbon, 1e6},
  };
  for (const auto& e : kUnits) {
    if (u == e.name) return e.dim == d ? std::optional<double>(e.size) : std::nullopt;
  }
  return std::nullopt;
}

bool per_year(const std::string& unit) {
  const std::string tail = "/year";
  return unit.size() >= tail.size() &&
         unit.compare(unit.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace llmfp::scaling
