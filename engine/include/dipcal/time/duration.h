// Exact durations as fixtures write them: ISO 8601 "PT1H40M", "P1DT2H", "P2W", or short forms "4d",
// "36h", "90m", "30s", "2w". Years and months are refused: their length depends on where they start.
// A day here is 86 400 seconds of elapsed time, not a calendar day across a DST change. Weeks stand
// alone ("P2W", not "P1WT2H"), and nothing longer than the 1900–2100 span is accepted.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dipcal {

std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// ISO 8601 form with the largest units first: "PT1H40M", "P4D", "PT0S"; negative durations get a "-".
std::string to_iso_duration(std::chrono::seconds d);

}  // namespace dipcal
