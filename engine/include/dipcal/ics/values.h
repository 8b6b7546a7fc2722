// The RFC 5545 value types (section 3.3) that dipcal writes and reads: DATE, DATE-TIME, UTC-OFFSET
// and DURATION, each as text.
//
//   format_date(2025-10-25)            == "20251025"
//   format_local(2025-10-30T11:00)     == "20251030T110000"
//   format_utc(2025-10-30T02:00:00Z)   == "20251030T020000Z"
//   utc_offset(+9 h) == "+0900",  utc_offset(-4 h 56 min 2 s) == "-045602"
//   format_duration(100 min) == "PT1H40M",  format_duration(7 days) == "P1W"
#pragma once

#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace dipcal::ics {

std::string format_date(CivilDate d);
std::string format_local(const CivilDateTime& t);
std::string format_utc(Instant i);
// Seconds only when not zero (the zone database's local mean times have them).
std::string utc_offset(std::chrono::seconds offset);
// An exact length; a negative one gets a leading "-". Hours, minutes and seconds stay contiguous as
// the grammar needs ("PT1H0M5S", never "PT1H5S").
std::string format_duration(std::chrono::seconds d);

// A DATE-TIME as written (section 3.3.5): a civil time, floating or to be read in its TZID (forms 1
// and 3), or, with the trailing Z, an instant (form 2). Never both, so that the digits of a UTC value
// cannot be read as a wall clock in some other zone.
//
//   parse_date_time("20251030T110000")  == CivilDateTime 2025-10-30T11:00 (no zone yet)
//   parse_date_time("20251030T020000Z") == Instant 2025-10-30T02:00:00Z
using DateTimeValue = std::variant<CivilDateTime, Instant>;
std::optional<CivilDate> parse_date(std::string_view text);            // YYYYMMDD
std::optional<DateTimeValue> parse_date_time(std::string_view text);   // YYYYMMDDTHHMMSS[Z]
std::optional<std::chrono::seconds> parse_utc_offset(std::string_view text);

// A DURATION: weeks and days are nominal (a day is a calendar day in the event's zone, 23 or 25
// hours across a DST change), hours, minutes and seconds exact (section 3.3.6).
struct DurationValue {
  bool negative = false;
  int days = 0;  // weeks included
  std::chrono::seconds time{0};
};
std::optional<DurationValue> parse_ics_duration(std::string_view text);

}  // namespace dipcal::ics
