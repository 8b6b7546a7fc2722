// libFuzzer target: EDTF level 1. Every accepted range is ordered; every error points inside the text.
#include "dipcal/time/edtf.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text{reinterpret_cast<const char*>(data), size};
  auto result = dipcal::parse_edtf(text);
  if (result) {
    if (!result->earliest && !result->latest) std::abort();
    if (result->earliest && result->latest && *result->latest < *result->earliest) std::abort();
  } else {
    const auto& error = result.error();
    if (error.message.empty() || error.offset > text.size()) std::abort();
  }
  return 0;
}
