// How `until` and `between` put a lead time into JSON (the words are in dipcal/text/time_words.h).
#pragma once

#include "dipcal/reasoning/lead_time.h"
#include "dipcal/query/lead.h"

#include <nlohmann/json.hpp>

#include <string>

namespace dipcal::cli {

// The fields both commands print: calendar_days (null unless exact), calendar_days_min/max (null when
// open), zone, elapsed_seconds, from_date, to_date.
void add_lead_json(nlohmann::ordered_json& j, const LeadTime& lead, const Zone& reference);
// under_way: {day, days} when the point counted from lies within the event, else null.
void add_under_way_json(nlohmann::ordered_json& j, const std::optional<UnderWay>& under_way);

}  // namespace dipcal::cli
