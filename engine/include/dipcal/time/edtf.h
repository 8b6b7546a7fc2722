// Imprecise dates, EDTF level 1 (ISO 8601-2:2019), read as the range of civil days they allow.
//
//   "2025-11"          1 Nov – 30 Nov 2025           (reduced precision)
//   "2025-11-XX"       1 Nov – 30 Nov 2025           (unspecified day)
//   "202X"             1 Jan 2020 – 31 Dec 2029
//   "2025-11~"         approximate: widened, see below
//   "2025-11?"         uncertain: same days, flagged
//   "2025-21"          spring 2025 (21 spring … 24 winter; meteorological, northern hemisphere)
//   "2025-11/2025-12"  1 Nov – 31 Dec 2025;  "../2026-01-15" open start;  "2025-11-01/.." open end
//
// How wide "~" is: the standard leaves it open. dipcal widens by the precision written: ±3 days for a
// day, ±15 days for a month or season, ±6 months for a year (the same for "%", which is "~" and "?").
#pragma once

#include "dipcal/text/parsed.h"
#include "dipcal/time/civil.h"

#include <optional>
#include <string_view>

namespace dipcal {

struct EdtfRange {
  std::optional<CivilDate> earliest;  // empty: open ("..") or unknown ("") start
  std::optional<CivilDate> latest;    // empty: open or unknown end
  bool approximate = false;
  bool uncertain = false;
};

// A date or interval in EDTF level 1. Plain "YYYY-MM-DD" parses too (a one-day range). A refusal
// says where in the text it goes wrong (ParseError::offset), so the loader can point at the character.
Parsed<EdtfRange> parse_edtf(std::string_view text);

}  // namespace dipcal
