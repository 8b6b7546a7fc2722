// An event as list, show, agenda and serve write it for scripts (the words for people are in
// dipcal/text/time_words.h).
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/reasoning/network.h"

#include <nlohmann/json.hpp>

#include <string>

namespace dipcal::cli {

// The JSON contract of list/show: id, title, zone, all_day, start, end, start_utc, end_utc, and with
// `full` every other field.
nlohmann::ordered_json event_json(const Event& e, bool full, const EventWindow* window = nullptr);

}  // namespace dipcal::cli
