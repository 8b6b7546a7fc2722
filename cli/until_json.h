// What `until --json` prints, for `until` and for `serve`'s /until/ID.json.
#pragma once

#include "dipcal/query/calendar.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace dipcal::cli {

// The count to the event at `target` from `from` (an event, a date or a date-time, as `until --from`
// takes it; empty: `now`), counted in `chosen` when given, else in the target's zone (query/lead.h).
// UsageError when `from` names nothing of these.
nlohmann::ordered_json until_json(const Calendar& calendar, std::size_t target, const std::string& from, Instant now,
                                  const std::optional<Zone>& chosen);

}  // namespace dipcal::cli
