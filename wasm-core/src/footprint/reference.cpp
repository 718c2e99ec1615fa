// Look-ups in the reference datasets (reference.hpp): plain structs, no JSON.
#include "llmfp/reference.hpp"

#include <algorithm>

namespace llmfp::reference {
namespace {

template <typename T, typename Key>
const T* find_in(const std::vector<T>& list, Key key, const std::string& value) {
  auto it = std::find_if(list.begin(), list.end(), [&](const T& e) { return e.*key == value; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

const HardwareClass* find_hardware(const Hardware& h, const std::string& id) {
  return find_in(h.hardware, &HardwareClass::id, id);
}

const SizeClass* find_size_class(const Hardware& h, const std::string& id) {
  return find_in(h.size_classes, &SizeClass::id, id);
}

const footprint::Utilisation* utilisation_of(const SizeClass& s, const std::string& family) {
  for (const auto& [name, u] : s.utilisation) {
    if (name == family) return &u;
  }
  return nullptr;
}

const HostPreset* find_preset(const Hosts& h, const std::string& id) {
  return find_in(h.presets, &HostPreset::id, id);
}

const HostValues* find_host(const HostPreset& p, const std::string& host) {
  return find_in(p.hosts, &HostValues::host, host);
}

double within(double v, const std::string& path, Range range) {
  if (!range.contains(v)) {
    const auto slash = path.rfind('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty()) name = "value";
    fail(code::kOutOfRange, path,
         name + " must be " + range.describe() + ", got " + format_number(v));
  }
  return v;
}

}  // namespace llmfp::reference
