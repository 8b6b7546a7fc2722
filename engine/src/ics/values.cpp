#include "dipcal/ics/values.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace dipcal::ics {

namespace {

// Exactly `width` ASCII digits at `at`.
std::optional<int> digits(std::string_view s, std::size_t at, std::size_t width) {
  if (at + width > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// `value` as exactly `width` decimal digits at `out` (the years dipcal reads have four).
char* put_digits(char* out, long value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + width;
}

// YYYYMMDD, and put_local's YYYYMMDDTHHMMSS: written digit by digit, since an export formats
// hundreds of thousands of them.
char* put_date(char* out, CivilDate d) {
  auto ymd = d.ymd();
  out = put_digits(out, static_cast<int>(ymd.year()), 4);
  out = put_digits(out, static_cast<unsigned>(ymd.month()), 2);
  return put_digits(out, static_cast<unsigned>(ymd.day()), 2);
}

char* put_local(char* out, const CivilDateTime& t) {
  out = put_date(out, t.date());
  auto seconds = t.time_of_day().count();
  *out++ = 'T';
  out = put_digits(out, seconds / 3600, 2);
  out = put_digits(out, seconds / 60 % 60, 2);
  return put_digits(out, seconds % 60, 2);
}

}  // namespace

std::string format_date(CivilDate d) {
  char text[8];
  return std::string{text, put_date(text, d)};
}

std::string format_local(const CivilDateTime& t) {
  char text[15];
  return std::string{text, put_local(text, t)};
}

std::string format_utc(Instant i) {
  char text[16];
  auto* end = put_local(text, CivilDateTime{date::local_seconds{i.time().time_since_epoch()}});
  *end++ = 'Z';
  return std::string{text, end};
}

std::string utc_offset(std::chrono::seconds offset) { return offset_to_string(offset, ""); }

std::string format_duration(std::chrono::seconds d) {
  auto total = d.count();
  std::string text = total < 0 ? "-P" : "P";
  total = std::llabs(total);
  if (total == 0) return "PT0S";
  if (total % (7 * 86400) == 0) return text + fmt::format("{}W", total / (7 * 86400));
  auto days = total / 86400, h = total / 3600 % 24, m = total / 60 % 60, s = total % 60;
  if (days > 0) text += fmt::format("{}D", days);
  if (h == 0 && m == 0 && s == 0) return text;
  text += 'T';
  // dur-time: hour [minute [second]] or minute [second] or second, with no unit skipped in between.
  bool started = false;
  if (h > 0) text += fmt::format("{}H", h), started = true;
  if (m > 0 || (started && s > 0)) text += fmt::format("{}M", m), started = true;
  if (s > 0) text += fmt::format("{}S", s);
  return text;
}

std::optional<CivilDate> parse_date(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  auto y = digits(text, 0, 4), m = digits(text, 4, 2), d = digits(text, 6, 2);
  if (!y || !m || !d) return std::nullopt;
  return CivilDate::from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::optional<DateTimeValue> parse_date_time(std::string_view text) {
  bool utc = text.size() == 16 && (text.back() == 'Z' || text.back() == 'z');
  if (utc) text.remove_suffix(1);
  if (text.size() != 15 || text[8] != 'T') return std::nullopt;
  auto d = parse_date(text.substr(0, 8));
  auto hh = digits(text, 9, 2), mm = digits(text, 11, 2), ss = digits(text, 13, 2);
  // Section 3.3.12 allows 60 for a leap second; dipcal's instants have none, so it reads as 59.
  if (!d || !hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 60) return std::nullopt;
  CivilDateTime local{*d, std::chrono::seconds{*hh * 3600 + *mm * 60 + std::min(*ss, 59)}};
  // Form 2's digits are UTC's own clock: at offset zero they name the instant.
  if (utc) return DateTimeValue{OffsetDateTime{local, std::chrono::seconds{0}}.instant()};
  return DateTimeValue{local};
}

std::optional<std::chrono::seconds> parse_utc_offset(std::string_view text) {
  if ((text.size() != 5 && text.size() != 7) || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  auto hh = digits(text, 1, 2), mm = digits(text, 3, 2);
  auto ss = text.size() == 7 ? digits(text, 5, 2) : std::optional<int>{0};
  if (!hh || !mm || !ss || *mm > 59 || *ss > 59) return std::nullopt;
  std::chrono::seconds offset{*hh * 3600 + *mm * 60 + *ss};
  return text[0] == '-' ? -offset : offset;
}

std::optional<DurationValue> parse_ics_duration(std::string_view text) {
  DurationValue v;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) v.negative = text[i++] == '-';
  if (i >= text.size() || text[i++] != 'P') return std::nullopt;
  bool in_time = false, any = false;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++i;
      continue;
    }
    long long amount = 0;
    std::size_t begin = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - begin < 7) amount = amount * 10 + (text[i++] - '0');
    if (i == begin || i >= text.size()) return std::nullopt;
    char unit = text[i++];
    if (!in_time && unit == 'W') v.days += static_cast<int>(amount * 7);
    else if (!in_time && unit == 'D') v.days += static_cast<int>(amount);
    else if (in_time && unit == 'H') v.time += std::chrono::hours{amount};
    else if (in_time && unit == 'M') v.time += std::chrono::minutes{amount};
    else if (in_time && unit == 'S') v.time += std::chrono::seconds{amount};
    else return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return v;
}

}  // namespace dipcal::ics
