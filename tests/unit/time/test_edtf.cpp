// Imprecise dates (dipcal/time/edtf.h). Every bound below was counted on a calendar: month lengths,
// leap years (2024 yes, 2025 no) and the widening the header documents for "~" and "%" (±3 days for a
// day, ±15 days for a month or season, ±6 months for a year).
#include "dipcal/time/edtf.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

using namespace dipcal;

namespace {

// "" for an open or unknown bound.
std::string bound(const std::optional<CivilDate>& d) { return d ? to_string(*d) : std::string{}; }

struct Valid {
  std::string_view text;
  std::string_view earliest;
  std::string_view latest;
  bool approximate = false;
  bool uncertain = false;
};

// Approximate (~), uncertain (?), both (%).
constexpr bool A = true, U = true, no = false;

constexpr Valid kValid[] = {
    {"2025-10-30", "2025-10-30", "2025-10-30"},
    {"2025-11", "2025-11-01", "2025-11-30"},
    {"2025-11-XX", "2025-11-01", "2025-11-30"},
    {"2025-02", "2025-02-01", "2025-02-28"},
    {"2024-02-XX", "2024-02-01", "2024-02-29"},
    {"2025", "2025-01-01", "2025-12-31"},
    {"2025-XX", "2025-01-01", "2025-12-31"},
    {"2025-XX-XX", "2025-01-01", "2025-12-31"},
    {"202X", "2020-01-01", "2029-12-31"},
    {"20XX", "2000-01-01", "2099-12-31"},
    {"19XX", "1900-01-01", "1999-12-31"},
    {"1900", "1900-01-01", "1900-12-31"},
    {"2100-12", "2100-12-01", "2100-12-31"},
    // Approximate: 1 Nov - 15 days = 17 Oct; 30 Nov + 15 days = 15 Dec.
    {"2025-11~", "2025-10-17", "2025-12-15", A, no},
    // 1 Dec - 15 = 16 Nov; 31 Dec + 15 = 15 Jan.
    {"2025-12~", "2025-11-16", "2026-01-15", A, no},
    {"2025-11-10~", "2025-11-07", "2025-11-13", A, no},
    {"2024-02-29~", "2024-02-26", "2024-03-03", A, no},
    {"2025-01-02~", "2024-12-30", "2025-01-05", A, no},
    // A year ± 6 months: 1 Jan 2025 - 6 months = 1 Jul 2024; 31 Dec 2025 + 6 months = 30 Jun 2026.
    {"2025~", "2024-07-01", "2026-06-30", A, no},
    {"202X~", "2019-07-01", "2030-06-30", A, no},
    {"2025-11?", "2025-11-01", "2025-11-30", no, U},
    {"2025?", "2025-01-01", "2025-12-31", no, U},
    {"2025-11%", "2025-10-17", "2025-12-15", A, U},
    // Seasons, meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb.
    {"2025-21", "2025-03-01", "2025-05-31"},
    {"2025-22", "2025-06-01", "2025-08-31"},
    {"2025-23", "2025-09-01", "2025-11-30"},
    {"2025-24", "2025-12-01", "2026-02-28"},
    {"2024-24", "2024-12-01", "2025-02-28"},  // the winter after Feb 2024 ends in 2025, not a leap year
    {"2023-24", "2023-12-01", "2024-02-29"},  // this one ends in leap February 2024
    // 1 Mar - 15 days = 14 Feb (February 2025 has 28 days); 31 May + 15 = 15 Jun.
    {"2025-21~", "2025-02-14", "2025-06-15", A, no},
    // Intervals.
    {"2025-11/2025-12", "2025-11-01", "2025-12-31"},
    {"2025-11-01/2025-11-03", "2025-11-01", "2025-11-03"},
    {"2025/2026-03", "2025-01-01", "2026-03-31"},
    {"../2026-01-15", "", "2026-01-15"},
    {"2025-11-01/..", "2025-11-01", ""},
    {"/2025-12", "", "2025-12-31"},  // unknown start
    {"2025-11/", "2025-11-01", ""},  // unknown end
    {"2025-11~/2026-01", "2025-10-17", "2026-01-31", A, no},
    {"2025-11/2025-12?", "2025-11-01", "2025-12-31", no, U},
    {"2025-11-03/2025-11-03", "2025-11-03", "2025-11-03"},
};

struct Invalid {
  std::string_view text;
  std::size_t offset;  // the start of the part that is wrong (its digits, not the '-' before them)
};

constexpr Invalid kInvalid[] = {
    {"", 0},
    {"2025-13", 5},        // month 13
    {"2025-00", 5},
    {"2025-25", 5},        // seasons stop at 24
    {"2025-11-31", 8},     // November has 30 days
    {"2025-02-29", 8},     // 2025 is not a leap year
    {"2025-1", 5},         // a one-digit month
    {"2025-11-3", 8},      // a one-digit day
    {"20251", 4},          // '-' expected after the year
    {"2025-11/2025-10", 8},  // the end is before the start
    {"../..", 0},          // an interval needs a date
    {"/", 0},
    {"2025-11-XX-01", 10},  // nothing may follow the day
    {"2025-XX-05", 8},     // a day with an unspecified month
    {"2025-21-01", 8},     // a season has no day
    {"1899", 0},
    {"2101", 0},
    {"21XX", 0},           // 2100-2199 reaches past 2100
    {"2100-24", 0},        // winter 2100 ends in 2101
    {"202X-11", 4},        // unspecified year digits take no month
    {"X025", 0},
    {"2O25", 0},           // a letter O
    {"25", 0},
    {"2025-11/2025-12/2026-01", 15},  // one '/' only
    {"2025-11 ", 7},
    {"2025-11-01/2025-11-31", 19},
};

}  // namespace

TEST_CASE("EDTF: valid expressions and their bounds") {
  for (const auto& row : kValid) {
    CAPTURE(row.text);
    auto parsed = parse_edtf(row.text);
    if (!parsed) {
      FAIL_CHECK("refused: " << parsed.error().message);
      continue;
    }
    const auto* range = &*parsed;
    CHECK(bound(range->earliest) == row.earliest);
    CHECK(bound(range->latest) == row.latest);
    CHECK(range->approximate == row.approximate);
    CHECK(range->uncertain == row.uncertain);
  }
}

TEST_CASE("EDTF: invalid expressions and where they go wrong") {
  for (const auto& row : kInvalid) {
    CAPTURE(row.text);
    auto parsed = parse_edtf(row.text);
    if (parsed) {
      FAIL_CHECK("accepted");
      continue;
    }
    const auto* error = &parsed.error();
    CHECK(error->offset == row.offset);
    CHECK_FALSE(error->message.empty());
  }
}

TEST_CASE("EDTF: messages say what is wrong") {
  auto message = [](std::string_view text) { return parse_edtf(text).error().message; };
  CHECK(message("2025-11/2025-10").find("before") != std::string::npos);
  CHECK(message("1899").find("1900") != std::string::npos);
  CHECK(message("2025-11-31").find("day") != std::string::npos);
}
