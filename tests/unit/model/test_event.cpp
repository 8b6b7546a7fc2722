// Events: the names of kinds, statuses and relation types, and where an event lies on the UTC line.
#include "dipcal/model/event.h"

#include <doctest/doctest.h>

TEST_CASE("every kind, status and relation type reads back from its name") {
  for (const auto& name : dipcal::event_kind_names()) CHECK(dipcal::to_string(*dipcal::parse_event_kind(name)) == name);
  for (const auto& name : dipcal::event_status_names()) CHECK(dipcal::to_string(*dipcal::parse_event_status(name)) == name);
  for (const auto& name : dipcal::relation_type_names()) CHECK(dipcal::to_string(*dipcal::parse_relation_type(name)) == name);
  CHECK(dipcal::event_kind_names().size() == 11);
  CHECK(dipcal::event_status_names().size() == 6);
  // dipcal's twelve words and RFC 9253's four.
  CHECK(dipcal::relation_type_names().size() == 16);
  CHECK(dipcal::parse_relation_type("FINISHTOSTART") == dipcal::RelationType::finish_to_start);
  CHECK(dipcal::parse_relation_type("follows-up") == dipcal::RelationType::follows_up);
  CHECK_FALSE(dipcal::parse_relation_type("Before").has_value());  // names are exact
  CHECK_FALSE(dipcal::parse_event_kind("").has_value());
  CHECK_FALSE(dipcal::parse_event_status("done").has_value());
}

TEST_CASE("an all-day event runs from local midnight to the midnight after its last day") {
  // New York, 1–2 Nov 2025: midnight of 1 Nov is EDT (-04:00) = 04:00Z; the clocks fall back on 2 Nov,
  // so midnight after 2 Nov (3 Nov) is EST (-05:00) = 05:00Z. The two days last 49 hours.
  dipcal::Event e;
  e.zone = *dipcal::ZoneDb::system().find("America/New_York");
  e.time = dipcal::AllDay{*dipcal::CivilDate::from_ymd(2025, 11, 1), *dipcal::CivilDate::from_ymd(2025, 11, 2)};
  CHECK(e.all_day());
  CHECK(e.dated());
  CHECK(e.start_utc() == dipcal::parse_rfc3339("2025-11-01T04:00:00Z"));
  CHECK(e.end_utc() == dipcal::parse_rfc3339("2025-11-03T05:00:00Z"));
  CHECK(*e.end_utc() - *e.start_utc() == std::chrono::hours{49});
}

TEST_CASE("a timed event is its two instants; a window has none") {
  dipcal::Event timed;
  auto start = *dipcal::parse_rfc3339("2025-10-30T02:00:00Z");
  timed.time = dipcal::Timed{start, start + std::chrono::minutes{100}};
  CHECK_FALSE(timed.all_day());
  CHECK(timed.start_utc() == start);
  CHECK(timed.end_utc() == dipcal::parse_rfc3339("2025-10-30T03:40:00Z"));
  dipcal::Event window;
  window.time = dipcal::Window{};
  CHECK_FALSE(window.dated());
  CHECK(window.all_day());
  CHECK_FALSE(window.start_utc().has_value());
  CHECK_FALSE(window.end_utc().has_value());
}
