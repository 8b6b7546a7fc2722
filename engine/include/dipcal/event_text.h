// How an event's times are written for people: the engine's messages and labels (diagnostics, DOT
// and Mermaid labels, the timeline's tooltips) and the CLI's output use these same words.
#pragma once

#include "dipcal/event.h"

#include <string>

namespace dipcal {

// "11:00", or "11:00:30" when the seconds are not zero.
std::string clock_text(const CivilDateTime& t);
// "Thu 30 Oct 2025 11:00 KST".
std::string human_time_text(Instant i, const Zone& zone);
// A start or end in the event's own zone: an all-day event's first or last day ("2025-10-31"), a
// timed event's local time ("Thu 30 Oct 2025 11:00 KST"). Empty for windows.
std::string point_text(const Event& e, bool start);
// The event's dates in its zone, short: "2025-10-25 – 2025-10-26", "2025-10-30 11:00 KST",
// "window 2025-11-01 … 2025-11-29", "undated".
std::string local_date_text(const Event& e);

}  // namespace dipcal
