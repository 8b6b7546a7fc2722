// Values the tests write as text: a zone by name, a date, a civil date-time, an instant. Each fails
// the test (REQUIRE) when the text is not one, so a typo in a test never passes as "not found".
#pragma once

#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <doctest/doctest.h>

#include <string_view>

namespace dipcal::testing {

inline Zone zone(std::string_view name) {
  auto z = ZoneDb::system().find(name);
  REQUIRE_MESSAGE(z.has_value(), "zone not found: " << name);
  return *z;
}

inline CivilDate day(std::string_view text) {
  auto d = parse_civil_date(text);
  REQUIRE_MESSAGE(d.has_value(), "bad date in the test: " << text);
  return *d;
}

inline CivilDateTime civil(std::string_view text) {
  auto t = parse_civil_date_time(text);
  REQUIRE_MESSAGE(t.has_value(), "bad civil time in the test: " << text);
  return *t;
}

inline Instant instant(std::string_view rfc3339) {
  auto i = parse_rfc3339(rfc3339);
  REQUIRE_MESSAGE(i.has_value(), "bad instant in the test: " << rfc3339);
  return *i;
}

}  // namespace dipcal::testing
