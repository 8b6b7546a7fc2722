// How `until` and `between` put a lead time into words and JSON.
#pragma once

#include "dipcal/lead_time.h"
#include "dipcal/query/lead.h"

#include <nlohmann/json.hpp>

#include <string>

namespace dipcal::cli {

// "4 days", "1 day", "0 days".
std::string day_count(int days);
// Relative to something: "4 days after", "6 days before", "on the same day as".
std::string days_relative(int days);
// The whole count relative to a point: "4 days after the end of kl-trade-talks", "between 1 and 30
// days after …", "at least 2 days after …"; `what` names the point ("the end of kl-trade-talks").
std::string count_relative(const LeadTime& lead, const std::string& what);

// A count point for people, in the reference zone when it is an instant: "Thu 30 Oct 2025 11:00 KST";
// a civil date with the place it belongs to: "Sun 26 Oct 2025 (Kuala Lumpur)"; a window: "between
// Sat 1 Nov 2025 and Sun 30 Nov 2025".
std::string point_words(const CountPoint& point, const Zone& reference, const std::string& place);
// Where an event is, for a civil date's parentheses: the city, else the zone name.
std::string place_of(const Event& e);

// The fields both commands print: calendar_days (null unless exact), calendar_days_min/max (null when
// open), zone, elapsed_seconds, from_date, to_date.
void add_lead_json(nlohmann::ordered_json& j, const LeadTime& lead, const Zone& reference);
// under_way: {day, days} when the point counted from lies within the event, else null.
void add_under_way_json(nlohmann::ordered_json& j, const std::optional<UnderWay>& under_way);

}  // namespace dipcal::cli
