// libFuzzer target: the POSIX TZ rule reader used for times after a zone file's last transition.
// Any rule it accepts must give a reading for any instant, with an offset within ±25 h.
#include "time/posix_rule.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return 0;
  std::int64_t seconds = 0;
  std::memcpy(&seconds, data, sizeof seconds);
  // Keep the instant within 1900–2100, the span dipcal serves.
  constexpr std::int64_t kFirst = -2208988800, kSpan = 6311433600;
  seconds = kFirst + (seconds % kSpan + kSpan) % kSpan;
  std::string_view text{reinterpret_cast<const char*>(data) + 8, size - 8};
  if (auto rule = dipcal::detail::PosixRule::parse(text)) {
    auto reading = rule->at(dipcal::Instant::from_unix(seconds));
    if (reading.offset.count() > 25 * 3600 || reading.offset.count() < -25 * 3600 || reading.abbrev.size() < 3) std::abort();
  }
  return 0;
}
