// Stable ICS UIDs: a name-based UUID (RFC 9562 version 5, SHA-1) of the calendar id and the event
// id, so the same event gets the same UID on every run and every machine, and calendar clients that
// subscribe update events in place instead of duplicating them.
//
//   event_uid("us-china-trade-2025", "busan-trump-xi")
//     == uuid_v5(kUrlNamespace, "urn:dipcal:us-china-trade-2025:busan-trump-xi")
//
// SHA-1 comes from Boost.Uuid's name generator (header-only, part of the Boost the engine already
// links), not from code of dipcal's own.
#pragma once

#include <string>
#include <string_view>

namespace dipcal::ics {

// The RFC 9562 namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
inline constexpr std::string_view kUrlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

// Lower-case 8-4-4-4-12 form. `name_space` is a UUID in that form.
std::string uuid_v5(std::string_view name_space, std::string_view name);

// The UID of an event. `calendar` may be empty (a fixture without a calendar block).
std::string event_uid(std::string_view calendar, std::string_view event_id);

}  // namespace dipcal::ics
