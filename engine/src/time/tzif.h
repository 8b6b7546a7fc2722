// TZif, the compiled zone files under /usr/share/zoneinfo (RFC 8536): a header, a data block of
// transitions and local time types, and for version 2 and later a footer with a POSIX TZ rule for
// the instants after the last transition.
//
// A version 2+ file holds its data twice: a version 1 block with 32-bit times, then a second header
// and the same data with 64-bit times (section 3). The reader uses the 64-bit block and skips the
// other; a version 1 file has only the 32-bit block and no footer. Leap-second records and the
// standard/wall and UT/local indicators are skipped: they matter only to a program that builds POSIX
// rules from the file (section 3.2), and dipcal reads the rule from the footer.
//
// A file that breaks the RFC's constraints on counts, sizes, indexes or order is refused as a whole:
// every read stays inside the bytes given.
#pragma once

#include "dipcal/time/instant.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::detail {

// A local time type (section 3.2, "ttinfo"): UTC + utoff is local time, and its designation.
struct TzifType {
  std::chrono::seconds utoff{0};
  bool isdst = false;
  std::string abbrev;  // "EDT", "+0545", "LMT"
};

struct Tzif {
  std::vector<Instant> transitions;            // strictly ascending
  std::vector<std::uint8_t> transition_types;  // for each transition, an index into types
  std::vector<TzifType> types;                 // never empty; types[0] applies before the first transition
  std::string footer;                          // the TZ rule without its newlines; empty in a version 1 file
};

// The file's contents, or empty when `bytes` are not a well-formed TZif file.
std::optional<Tzif> parse_tzif(std::string_view bytes);

}  // namespace dipcal::detail
