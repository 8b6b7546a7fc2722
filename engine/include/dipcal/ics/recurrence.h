// Recurrence rules (RFC 5545 section 3.3.10), expanded into the start times of their occurrences.
//
// The subset calendar exports use: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; INTERVAL; COUNT or
// UNTIL; BYDAY (with an ordinal, "2MO" or "-1FR", under MONTHLY, and under YEARLY with BYMONTH);
// BYMONTHDAY (negative counts from the month's end); BYMONTH; WKST. Anything else (BYSETPOS,
// BYWEEKNO, BYYEARDAY, BYHOUR…, FREQ=HOURLY…) is refused with a sentence saying what, rather than
// expanded wrongly.
//
//   parse_rrule("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4") over DTSTART Tue 2025-11-04T09:00
//     -> 2025-11-04T09:00, 11-06T09:00, 11-11T09:00, 11-13T09:00
//
// A rule runs on the civil calendar of its DTSTART (the local time in its zone, or the date for an
// all-day event); DTSTART is always the first occurrence, as section 3.8.5.3 says.
#pragma once

#include "dipcal/text/parsed.h"
#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dipcal::ics {

enum class Frequency { daily, weekly, monthly, yearly };

struct WeekdayNum {
  int ordinal = 0;  // 0: every such weekday in the period; 1..53 or -1..-53 otherwise
  date::weekday day;
};

struct RecurrenceRule {
  Frequency freq = Frequency::daily;
  int interval = 1;
  std::optional<int> count;
  // UNTIL as written: a date, a local date-time, or a UTC date-time (inclusive).
  std::variant<std::monostate, CivilDate, CivilDateTime, Instant> until;
  std::vector<WeekdayNum> by_day;
  std::vector<int> by_month_day;
  std::vector<unsigned> by_month;
  date::weekday week_start = date::Monday;
};

// The rule, or a sentence saying what in it dipcal cannot expand, at the NAME=value part that says it.
Parsed<RecurrenceRule> parse_rrule(std::string_view text);

// The occurrences' start times from `start` up to and including `last_day` (or COUNT/UNTIL, if
// sooner); `to_instant` reads a local time in the event's zone, for a UTC UNTIL. At most `limit`
// occurrences, so that "FREQ=DAILY" with no end cannot run away.
std::vector<CivilDateTime> expand(const RecurrenceRule& rule, const CivilDateTime& start, CivilDate last_day,
                                  const std::function<Instant(const CivilDateTime&)>& to_instant, std::size_t limit = 100'000);

}  // namespace dipcal::ics
