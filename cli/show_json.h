// What `show --json` prints for one event, for `show` and for `serve`'s /events/ID.json.
#pragma once

#include "dipcal/query/calendar.h"

#include <nlohmann/json.hpp>

#include <cstddef>

namespace dipcal::cli {

// Every field of the event at `index` (event_json.h) with its window, what it depends on and what
// depends on it, directly and through others.
nlohmann::ordered_json show_json(const Calendar& calendar, std::size_t index);

}  // namespace dipcal::cli
