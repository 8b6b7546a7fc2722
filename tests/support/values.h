// Values the tests write as text: a zone by name, a date, a civil date-time, an instant. Each fails
// the test (REQUIRE) when the text is not one, so a typo in a test never passes as "not found".
#pragma once

#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <doctest/doctest.h>

#include <optional>
#include <string_view>

namespace dipcal::testing {

// The value `parsed` holds, or the test stops there, naming what `text` was meant to be.
template <class T>
T required(std::optional<T> parsed, std::string_view what, std::string_view text) {
  REQUIRE_MESSAGE(parsed.has_value(), "not " << what << " in the test: " << text);
  return *parsed;
}

inline Zone zone(std::string_view name) { return required(ZoneDb::system().find(name), "a known zone", name); }
inline CivilDate day(std::string_view text) { return required(parse_civil_date(text), "a date", text); }
inline CivilDateTime civil(std::string_view text) { return required(parse_civil_date_time(text), "a civil date-time", text); }
inline Instant instant(std::string_view rfc3339) { return required(parse_rfc3339(rfc3339), "an RFC 3339 instant", rfc3339); }

}  // namespace dipcal::testing
