// libFuzzer target for the dataset loader: every fixture request that carries a
// "dataset" (the bundled public/data files, inlined by $include) is a base; the input
// mutates nodes under /dataset only, and the request goes through its own op
// (validate_dataset, estimate, rank, ...), so the loader and its validation see
// damaged datasets while the rest of the request stays valid.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "fuzz_support.hpp"

namespace {
std::vector<llmfp::fuzz::Base>& bases() {
  static std::vector<llmfp::fuzz::Base> b = [] {
    std::vector<llmfp::fuzz::Base> out;
    for (auto& base : llmfp::fuzz::load_fixture_requests("")) {
      if (base.request.is_object() && base.request.contains("dataset"))
        out.push_back(std::move(base));
    }
    if (out.empty())
      out.push_back(
          {"(no fixture)", {{"op", "validate_dataset"}, {"dataset", llmfp::fuzz::json::object()}}});
    return out;
  }();
  return b;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::fprintf(stderr, "fuzz_dataset: %zu base request(s) with a dataset\n", bases().size());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  llmfp::fuzz::Bytes in(data, size);
  const auto& all = bases();
  llmfp::fuzz::json request = all[in.below(all.size())].request;
  if (!in.empty()) llmfp::fuzz::mutate(request, in, "/dataset");
  llmfp::fuzz::run_and_check(request);
  return 0;
}
