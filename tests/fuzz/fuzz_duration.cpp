// libFuzzer target: ISO 8601 and short durations. A parsed duration prints as ISO and reads back equal.
#include "dipcal/text/time_words.h"
#include "dipcal/time/duration.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text{reinterpret_cast<const char*>(data), size};
  if (auto d = dipcal::parse_duration(text)) {
    if (d->count() < 0) std::abort();
    auto back = dipcal::parse_duration(dipcal::to_iso_duration(*d));
    if (!back || *back != *d) std::abort();
    (void)dipcal::text::duration_text(*d);
  }
  return 0;
}
