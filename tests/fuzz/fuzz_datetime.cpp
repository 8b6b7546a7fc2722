// libFuzzer target: the civil date, date-time and RFC 3339 parsers. What parses must print back to
// an equivalent text, and stay within 1900–2100.
#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text{reinterpret_cast<const char*>(data), size};
  if (auto d = dipcal::parse_civil_date(text)) {
    if (dipcal::to_string(*d) != text) std::abort();
    int year = static_cast<int>(d->ymd().year());
    if (year < dipcal::kFirstYear || year > dipcal::kLastYear) std::abort();
  }
  if (auto t = dipcal::parse_civil_date_time(text)) {
    auto again = dipcal::parse_civil_date_time(dipcal::to_string(*t));
    if (!again || *again != *t) std::abort();
  }
  if (auto o = dipcal::parse_offset_date_time(text)) {
    // An offset can carry a local time at the edge of 1900–2100 just outside it in UTC
    // (2100-12-31T21:30-04:00 is 2101-01-01T01:30Z); inside the span the instant must read back.
    auto printed = dipcal::to_rfc3339(o->instant());
    auto back = dipcal::parse_rfc3339(printed);
    bool in_span = printed >= "1900-01-01" && printed < "2101-01-01";
    if (in_span && (!back || *back != o->instant())) std::abort();
    if (!in_span && back) std::abort();
  }
  return 0;
}
