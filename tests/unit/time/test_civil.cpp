// Civil dates and date-times (dipcal/time/civil.h). Weekdays and day counts were checked against
// Python's datetime module and by counting on a calendar.
#include "dipcal/time/civil.h"

#include <doctest/doctest.h>

#include "support/cases.h"

#include <chrono>
#include <climits>

using namespace dipcal;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

CivilDate ymd(int y, unsigned m, unsigned d) {
  auto date = CivilDate::from_ymd(y, m, d);
  REQUIRE(date.has_value());
  return *date;
}

}  // namespace

TEST_CASE("from_ymd accepts real dates and refuses the rest") {
  CHECK(CivilDate::from_ymd(2024, 2, 29).has_value());  // 2024 is a leap year
  CHECK_FALSE(CivilDate::from_ymd(2025, 2, 29).has_value());
  CHECK_FALSE(CivilDate::from_ymd(2025, 2, 30).has_value());
  CHECK_FALSE(CivilDate::from_ymd(2025, 4, 31).has_value());  // April has 30 days
  CHECK_FALSE(CivilDate::from_ymd(2025, 13, 1).has_value());
  CHECK_FALSE(CivilDate::from_ymd(2025, 0, 1).has_value());
  CHECK_FALSE(CivilDate::from_ymd(2025, 1, 0).has_value());
  CHECK_FALSE(CivilDate::from_ymd(2100, 2, 29).has_value());  // 2100 is not a leap year (divisible by 100)
  CHECK(CivilDate::from_ymd(2000, 2, 29).has_value());        // 2000 is (divisible by 400)
}

TEST_CASE("from_ymd keeps to the years 1900-2100") {
  CHECK(CivilDate::from_ymd(1900, 1, 1).has_value());
  CHECK(CivilDate::from_ymd(2100, 12, 31).has_value());
  CHECK_FALSE(CivilDate::from_ymd(1899, 12, 31).has_value());
  CHECK_FALSE(CivilDate::from_ymd(2101, 1, 1).has_value());
  CHECK_FALSE(CivilDate::from_ymd(0, 1, 1).has_value());
  CHECK_FALSE(CivilDate::from_ymd(99999, 1, 1).has_value());
  CHECK_FALSE(CivilDate::from_ymd(-2025, 1, 1).has_value());
  CHECK_FALSE(CivilDate::from_ymd(INT_MAX, 1, 1).has_value());
}

TEST_CASE("a date's parts, weekday and neighbours") {
  auto d = ymd(2025, 10, 30);
  CHECK(d.ymd() == date::year{2025} / 10 / 30);
  CHECK(d.weekday() == date::Thursday);
  CHECK(ymd(2024, 2, 28).plus_days(1) == ymd(2024, 2, 29));
  CHECK(ymd(2024, 2, 28).plus_days(2) == ymd(2024, 3, 1));
  CHECK(ymd(2025, 1, 1).plus_days(-1) == ymd(2024, 12, 31));
  CHECK(ymd(2025, 1, 1) < ymd(2025, 1, 2));
}

TEST_CASE("parse_civil_date is strict") {
  testing::check_cases(parse_civil_date, {{"2025-10-30", ymd(2025, 10, 30)}, {"2024-02-29", ymd(2024, 2, 29)}});
  testing::check_refused(parse_civil_date, {
      "2025-02-29", "2025-02-30", "2025-13-01",     // no such date
      "2025-10-5", "2025-10-3",                     // two-digit day
      "2025-1-05",                                  // two-digit month
      "25-10-30",                                   // four-digit year
      "2025/10/30", "20251030",                     // hyphens
      "2025-10-30 ", " 2025-10-30", "2025-10-30x",  // text around the date
      "2025-10-30T11:00", "+2025-10-30",
      "1899-12-31", "2101-01-01",                   // outside 1900-2100
      "", "2025-1a-30",
  });
}

TEST_CASE("parse_civil_date_time is strict") {
  auto t = parse_civil_date_time("2025-10-30T11:00");  // seconds may be left out
  REQUIRE(t);
  CHECK(t->date() == ymd(2025, 10, 30));
  CHECK(t->time_of_day() == hours{11});

  auto with_seconds = parse_civil_date_time("2025-10-30T23:59:59");
  REQUIRE(with_seconds);
  CHECK(with_seconds->time_of_day() == hours{23} + minutes{59} + seconds{59});
  CHECK(parse_civil_date_time("2025-10-30T00:00:00") == CivilDateTime{ymd(2025, 10, 30), seconds{0}});

  testing::check_refused(parse_civil_date_time, {
      "2025-10-30T24:00", "2025-10-30T24:00:00",              // write 00:00 of the next day
      "2025-10-30T23:60",
      "2025-10-30T23:59:60",                                  // no leap seconds
      "2025-10-30 11:00", "2025-10-30t11:00",                 // 'T' is required
      "2025-10-30T11:00Z", "2025-10-30T11:00+09:00",          // trailing text: an offset is not civil
      "2025-10-30T11:00:00.5", "2025-10-30T11:00 ",
      "2025-10-30T11", "2025-10-30T1:00", "2025-10-30T11:0",  // HH:MM[:SS], two digits each
      "2025-10-30T11:00:", "2025-10-30T", "2025-10-30",
      "2025-02-29T11:00",                                     // no such date
  });
}

TEST_CASE("to_string writes ISO 8601 with seconds") {
  CHECK(to_string(ymd(2025, 10, 30)) == "2025-10-30");
  CHECK(to_string(ymd(1900, 1, 1)) == "1900-01-01");
  CHECK(to_string(CivilDateTime{ymd(2025, 10, 30), hours{11}}) == "2025-10-30T11:00:00");
  CHECK(to_string(CivilDateTime{ymd(2025, 1, 2), hours{3} + minutes{4} + seconds{5}}) == "2025-01-02T03:04:05");
}

TEST_CASE("days_between counts calendar days, signed") {
  CHECK(days_between(ymd(2025, 10, 30), ymd(2025, 10, 30)) == 0);
  CHECK(days_between(ymd(2025, 10, 30), ymd(2025, 10, 31)) == 1);
  CHECK(days_between(ymd(2025, 10, 31), ymd(2025, 10, 30)) == -1);
  CHECK(days_between(ymd(2024, 1, 1), ymd(2025, 1, 1)) == 366);  // across 29 Feb 2024
  CHECK(days_between(ymd(2025, 1, 1), ymd(2026, 1, 1)) == 365);
  CHECK(days_between(ymd(2024, 2, 28), ymd(2024, 3, 1)) == 2);
  CHECK(days_between(ymd(2025, 2, 28), ymd(2025, 3, 1)) == 1);
  CHECK(days_between(ymd(1969, 12, 31), ymd(1970, 1, 2)) == 2);  // across the Unix epoch
  // 1960-01-01 to 1980-01-01: 20 years of which 1960, 1964, 1968, 1972 and 1976 are leap.
  CHECK(days_between(ymd(1960, 1, 1), ymd(1980, 1, 1)) == 20 * 365 + 5);
  CHECK(days_between(ymd(1980, 1, 1), ymd(1960, 1, 1)) == -(20 * 365 + 5));
}
