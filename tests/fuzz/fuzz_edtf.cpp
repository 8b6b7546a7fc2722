// libFuzzer target: EDTF level 1. Every accepted range is ordered; every error points inside the text.
#include "dipcal/time/edtf.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text{reinterpret_cast<const char*>(data), size};
  auto result = dipcal::parse_edtf(text);
  if (auto* range = std::get_if<dipcal::EdtfRange>(&result)) {
    if (!range->earliest && !range->latest) std::abort();
    if (range->earliest && range->latest && *range->latest < *range->earliest) std::abort();
  } else {
    const auto& error = std::get<dipcal::EdtfError>(result);
    if (error.message.empty() || error.offset > text.size()) std::abort();
  }
  return 0;
}
