// Temporal expressions in news English, resolved against a report's publication date and its
// dateline's zone.
//
// Wire reports date things relative to the day they were filed, in the zone of the dateline, and by
// tense: from Kuala Lumpur on Sunday 26 Oct 2025,
//
//   "negotiators said on Sunday"            2025-10-26            (past: the Sunday just gone, or today)
//   "they will meet on Thursday"            2025-10-30            (future: the coming Thursday)
//   "at 11 a.m. local time on Thursday"     2025-10-30T11:00+08:00
//   "next month" / "early November"         2025-11 / 2025-11-01/2025-11-10   (EDTF, never a made-up day)
//   "Oct 31–Nov 1"                          2025-10-31/2025-11-01
//   "a 100-minute meeting"                  PT1H40M               (a duration)
//   "four days before the meeting"          before P4D            (a relation to another event, not a date)
//
// Each construction is one row of a table in temporal.cpp: a token pattern and the rule that turns
// what it matched into a value. Values are written in one normal form (see TemporalValue::text) so
// that a gold set and other tools can be compared with them exactly.
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/time/civil.h"
#include "dipcal/time/zone.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::draft {

// What an expression is read against: the day the report was published, in the dateline's zone.
struct Reference {
  CivilDate published;
  Zone zone;  // "local time" and times without a zone are read here
};

enum class ValueKind {
  date,        // "2025-10-30"
  date_time,   // "2025-10-30T11:00+09:00": local time with the offset it has there
  edtf,        // "2025-11", "2025-11-01/2025-11-10", "2025-10-31/2025-11-01" (ranges are EDTF intervals)
  duration,    // "PT1H40M", "P2D"
  relation,    // "before P4D", "during", "prepares", "after"
  time_of_day  // a bare time, used only to make a date_time (never reported alone)
};

enum class Tense { unknown, past, future };

// How sure the resolution is; a guess gets a comment in the drafted fixture for a person to confirm.
enum class Certainty { stated, inferred, guess };

struct TemporalValue {
  ValueKind kind = ValueKind::date;
  std::string text;          // the normal form above
  std::string construction;  // the table row's name: "month day", "weekday by tense", …
  std::size_t begin = 0;     // byte offsets of the phrase in the sentence
  std::size_t end = 0;
  Certainty certainty = Certainty::stated;
  std::string why;  // how it was resolved, for the fixture's notes: "past tense: the Sunday just gone"

  // Resolved forms (for dates, ranges and date-times; empty otherwise).
  std::optional<CivilDate> first;
  std::optional<CivilDate> last;
  std::optional<CivilDateTime> local_time;
  std::optional<std::string> zone_name;  // the zone the time was stated in, when named
  std::chrono::seconds offset{0};
  bool has_year = false;  // the text gave the year: "October 26, 2025" (used to find publication dates)

  // Relations and durations.
  RelationType relation = RelationType::before;
  std::optional<std::chrono::seconds> gap;  // the stated gap, exact ("four days": 4 × 24 h)
  bool gap_in_days = false;                 // stated in calendar days or weeks
  std::optional<std::chrono::seconds> duration;
};

// Every temporal expression of one sentence, in order, already resolved. Times are merged into the
// date they belong to ("on Thursday at 11 a.m." is one date_time); a time with no day in the sentence
// is read on the publication day and marked a guess.
std::vector<TemporalValue> find_temporal(std::string_view sentence, const Reference& reference);

// The tense around byte `at` of `sentence`: the nearest verb cue before it, else after it.
Tense tense_at(std::string_view sentence, std::size_t at);

}  // namespace dipcal::draft
