#include "dipcal/time/instant.h"

#include "scan.h"

#include <fmt/format.h>

#include <cstdlib>

namespace dipcal {

std::string to_rfc3339(Instant i) {
  std::string text;
  append_rfc3339(text, i);
  return text;
}

void append_rfc3339(std::string& out, Instant i) {
  auto days = date::floor<date::days>(i.time());
  date::year_month_day ymd{days};
  auto year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // signs and wider years: the civil date-time's own format
    out += to_string(CivilDateTime{CivilDate{date::local_days{days.time_since_epoch()}}, i.time() - days});
    out += 'Z';
    return;
  }
  auto second = (i.time() - days).count();
  char text[20];
  auto two = [&](int at, long v) {
    text[at] = static_cast<char>('0' + v / 10);
    text[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, year / 100);
  two(2, year % 100);
  text[4] = '-';
  two(5, static_cast<unsigned>(ymd.month()));
  text[7] = '-';
  two(8, static_cast<unsigned>(ymd.day()));
  text[10] = 'T';
  two(11, second / 3600);
  text[13] = ':';
  two(14, second / 60 % 60);
  text[16] = ':';
  two(17, second % 60);
  out.append(text, 19);
  out += 'Z';
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
