// Civil time: a calendar date or a date and wall-clock time with no zone attached.
//
// A civil value says what a calendar or a clock on a wall shows; it names no instant until it is read
// in a zone (see zone.h). Keeping it a type of its own means the compiler refuses to pass one where an
// instant is wanted.
//
//   auto d = CivilDate::from_ymd(2025, 10, 30);         // Thursday 30 Oct 2025
//   auto t = CivilDateTime{*d, std::chrono::hours{11}};  // 2025-10-30T11:00, still no zone
//   to_string(t) == "2025-10-30T11:00:00"
#pragma once

#include <date/date.h>

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dipcal {

// The years dipcal reads and writes; outside them a date is refused rather than guessed.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2100;

class CivilDate {
 public:
  constexpr CivilDate() = default;
  constexpr explicit CivilDate(date::local_days days) : days_{days} {}

  // Empty when the date does not exist (2025-02-30) or lies outside kFirstYear..kLastYear.
  static std::optional<CivilDate> from_ymd(int year, unsigned month, unsigned day);

  [[nodiscard]] constexpr date::local_days days() const { return days_; }
  [[nodiscard]] date::year_month_day ymd() const { return date::year_month_day{days_}; }
  [[nodiscard]] date::weekday weekday() const { return date::weekday{days_}; }
  [[nodiscard]] CivilDate plus_days(int n) const { return CivilDate{days_ + date::days{n}}; }

  friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;

 private:
  date::local_days days_{};
};

class CivilDateTime {
 public:
  constexpr CivilDateTime() = default;
  constexpr explicit CivilDateTime(date::local_seconds time) : time_{time} {}
  CivilDateTime(CivilDate day, std::chrono::seconds time_of_day) : time_{day.days() + time_of_day} {}

  [[nodiscard]] constexpr date::local_seconds time() const { return time_; }
  [[nodiscard]] CivilDate date() const { return CivilDate{date::floor<date::days>(time_)}; }
  [[nodiscard]] std::chrono::seconds time_of_day() const { return time_ - date::floor<date::days>(time_); }

  friend constexpr auto operator<=>(const CivilDateTime&, const CivilDateTime&) = default;

 private:
  date::local_seconds time_{};
};

// Number of days from `from` to `to`: positive when `to` is later.
int days_between(CivilDate from, CivilDate to);

// ISO 8601 forms: "2025-10-30" and "2025-10-30T11:00:00" (seconds always written).
std::string to_string(CivilDate d);
std::string to_string(const CivilDateTime& t);

// Strict parsers for the forms fixtures use. They return empty on anything else: no trailing text,
// no leniency about 24:00 or 2025-02-30.
std::optional<CivilDate> parse_civil_date(std::string_view text);         // YYYY-MM-DD
std::optional<CivilDateTime> parse_civil_date_time(std::string_view text);  // YYYY-MM-DDTHH:MM[:SS]

}  // namespace dipcal
