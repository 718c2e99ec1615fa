// libFuzzer target for one operation (linked once per op with a generated file that
// defines llmfp_fuzz_op, the op's name; tests/fuzz/CMakeLists.txt):
// the input picks a valid request of that op from tests/fixtures/api and mutates its
// fields (fuzz_support.cpp: mutate), so the fuzzer gets past the JSON parser and the
// first checks and explores the operation's own validation and maths. With no fixture
// for the op yet, the base request is {"op": name}.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "fuzz_support.hpp"

extern const char* const llmfp_fuzz_op;

namespace {
std::vector<llmfp::fuzz::Base>& bases() {
  static std::vector<llmfp::fuzz::Base> b = [] {
    auto out = llmfp::fuzz::load_fixture_requests(llmfp_fuzz_op);
    if (out.empty()) out.push_back({"(no fixture)", {{"op", llmfp_fuzz_op}}});
    return out;
  }();
  return b;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::fprintf(stderr, "fuzz_%s: %zu base request(s) from the fixtures\n", llmfp_fuzz_op,
               bases().size());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  llmfp::fuzz::Bytes in(data, size);
  const auto& all = bases();
  llmfp::fuzz::json request = all[in.below(all.size())].request;
  if (!in.empty()) llmfp::fuzz::mutate(request, in);
  llmfp::fuzz::run_and_check(request);
  return 0;
}
