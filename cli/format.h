// How the CLI writes times and events for people and for scripts.
#pragma once

#include "dipcal/event.h"
#include "dipcal/event_text.h"
#include "dipcal/network.h"

#include <nlohmann/json.hpp>

#include <string>

namespace dipcal::cli {

// "2025-10-30 11:00 KST" (seconds only when not zero).
std::string short_time(Instant i, const Zone& zone);

// The event's time in its own zone: "2025-10-25 – 2025-10-26 (all day)", "2025-10-30 11:00–12:40 KST",
// "window 2025-10-31 … 2025-11-29". For an event known only as a window, `window` (from the temporal
// network) gives the days it may start on, tighter than its own EDTF dates when relations narrow it.
std::string when_local(const Event& e, const EventWindow* window = nullptr);
// Human form for sentences: "Thu 30 Oct 2025 11:00 KST", "Sat 25 – Sun 26 Oct 2025", "starts between Thu
// 30 Oct and Sat 29 Nov 2025".
std::string when_human(const Event& e, const EventWindow* window = nullptr);

// The event's start in another zone, for the list's second column; "" for windows.
std::string start_in(const Event& e, const Zone& zone);

// The JSON contract of list/show: id, title, zone, all_day, start, end, start_utc, end_utc, and with
// `full` every other field.
nlohmann::ordered_json event_json(const Event& e, bool full, const EventWindow* window = nullptr);

}  // namespace dipcal::cli
