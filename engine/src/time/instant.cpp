#include "dipcal/time/instant.h"

#include "scan.h"

#include <fmt/format.h>

#include <cstdlib>

namespace dipcal {

std::string to_rfc3339(Instant i) {
  auto days = date::floor<date::days>(i.time());
  CivilDateTime utc{CivilDate{date::local_days{days.time_since_epoch()}}, i.time() - days};
  return to_string(utc) + "Z";
}

std::string offset_to_string(std::chrono::seconds offset, std::string_view separator) {
  auto total = offset.count();
  char sign = total < 0 ? '-' : '+';
  total = std::llabs(total);
  auto text = fmt::format("{}{:02}{}{:02}", sign, total / 3600, separator, total / 60 % 60);
  if (total % 60 != 0) text += fmt::format("{}{:02}", separator, total % 60);
  return text;
}

std::optional<OffsetDateTime> parse_offset_date_time(std::string_view text) {
  detail::Scanner s{text};
  auto local = detail::scan_civil_date_time(s);
  if (!local) return std::nullopt;
  std::chrono::seconds offset{0};
  if (s.eat('Z')) {
  } else if (s.peek() == '+' || s.peek() == '-') {
    int sign = s.peek() == '-' ? -1 : 1;
    s.eat(s.peek());
    auto hh = s.digits(2);
    if (!hh || !s.eat(':')) return std::nullopt;
    auto mm = s.digits(2);
    if (!mm || *hh > 23 || *mm > 59) return std::nullopt;
    offset = sign * (std::chrono::hours{*hh} + std::chrono::minutes{*mm});
  } else {
    return std::nullopt;
  }
  if (!s.done()) return std::nullopt;
  return OffsetDateTime{*local, offset};
}

std::optional<Instant> parse_rfc3339(std::string_view text) {
  auto odt = parse_offset_date_time(text);
  if (!odt) return std::nullopt;
  return odt->instant();
}

}  // namespace dipcal
