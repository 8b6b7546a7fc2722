#include "dipcal/time/civil.h"

#include "scan.h"

#include <fmt/format.h>

#include <array>

namespace dipcal {

std::optional<CivilDate> CivilDate::from_ymd(int year, unsigned month, unsigned day) {
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate{date::local_days{ymd}};
}

int days_between(CivilDate from, CivilDate to) { return static_cast<int>((to.days() - from.days()).count()); }

std::string to_string(CivilDate d) {
  auto ymd = d.ymd();
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string to_string(const CivilDateTime& t) {
  auto hms = date::hh_mm_ss<std::chrono::seconds>{t.time_of_day()};
  return fmt::format("{}T{:02}:{:02}:{:02}", to_string(t.date()), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count());
}

namespace {

std::optional<CivilDate> scan_date(detail::Scanner& s) {
  auto y = s.digits(4);
  if (!y || !s.eat('-')) return std::nullopt;
  auto m = s.digits(2);
  if (!m || !s.eat('-')) return std::nullopt;
  auto d = s.digits(2);
  if (!d) return std::nullopt;
  return CivilDate::from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::optional<CivilDateTime> scan_date_time(detail::Scanner& s) {
  auto d = scan_date(s);
  if (!d || !s.eat('T')) return std::nullopt;
  auto hh = s.digits(2);
  if (!hh || !s.eat(':')) return std::nullopt;
  auto mm = s.digits(2);
  if (!mm) return std::nullopt;
  int ss = 0;
  if (s.eat(':')) {
    auto sec = s.digits(2);
    if (!sec) return std::nullopt;
    ss = *sec;
  }
  // 24:00 and leap seconds are refused: a fixture says 00:00 of the next day instead.
  if (*hh > 23 || *mm > 59 || ss > 59) return std::nullopt;
  return CivilDateTime{*d, std::chrono::hours{*hh} + std::chrono::minutes{*mm} + std::chrono::seconds{ss}};
}

}  // namespace

namespace detail {
std::optional<CivilDate> scan_civil_date(Scanner& s) { return scan_date(s); }
std::optional<CivilDateTime> scan_civil_date_time(Scanner& s) { return scan_date_time(s); }
}  // namespace detail

std::optional<CivilDate> parse_civil_date(std::string_view text) {
  detail::Scanner s{text};
  auto d = scan_date(s);
  if (!d || !s.done()) return std::nullopt;
  return d;
}

std::optional<CivilDateTime> parse_civil_date_time(std::string_view text) {
  detail::Scanner s{text};
  auto t = scan_date_time(s);
  if (!t || !s.done()) return std::nullopt;
  return t;
}

}  // namespace dipcal
