// text/time_words.h: every expected string here was written by hand from a calendar and the zones'
// offsets (Seoul +09:00 KST all year; New York −04:00 EDT until the clocks fall back at 06:00Z on Sun 2
// Nov 2025, then −05:00 EST; Kathmandu +05:45, which the tz database abbreviates "+0545"). 30 Oct 2025
// is a Thursday.
#include "dipcal/text/time_words.h"

#include "dipcal/query/agenda.h"

#include <doctest/doctest.h>

#include "support/values.h"

#include <string>
#include <string_view>

using namespace dipcal;
using namespace dipcal::text;
using std::chrono::seconds;

namespace {

using testing::civil;
using testing::day;
using testing::zone;

Instant at(std::string_view rfc3339) { return testing::instant(rfc3339); }

Event event_in(std::string_view zone_name, EventTime time) {
  Event e;
  e.zone = zone(zone_name);
  e.time = std::move(time);
  return e;
}

}  // namespace

TEST_CASE("clock_text: hours and minutes, seconds only when not zero") {
  CHECK(clock_text(civil("2025-10-30T09:05")) == "09:05");
  CHECK(clock_text(civil("2025-10-30T09:05:07")) == "09:05:07");
  CHECK(clock_text(civil("2025-10-30T00:00")) == "00:00");
}

TEST_CASE("date_text names the weekday and month") {
  CHECK(date_text(day("2025-10-30")) == "Thu 30 Oct 2025");
  CHECK(date_text(day("2024-02-29")) == "Thu 29 Feb 2024");
  CHECK(date_text(day("1900-01-01")) == "Mon 1 Jan 1900");
  CHECK(date_text(day("2100-12-31")) == "Fri 31 Dec 2100");
  CHECK(date_text(day("1969-07-20")) == "Sun 20 Jul 1969");
}

TEST_CASE("instant_text: one instant on three clocks, and the abbreviation in force then") {
  auto i = at("2025-10-30T02:00:00Z");
  CHECK(instant_text(i, zone("Asia/Seoul")) == "Thu 30 Oct 2025 11:00 KST");
  CHECK(instant_text(i, zone("America/New_York")) == "Wed 29 Oct 2025 22:00 EDT");
  CHECK(instant_text(i, zone("Asia/Kathmandu")) == "Thu 30 Oct 2025 07:45 +0545");
  CHECK(instant_text(at("2025-10-30T02:00:30Z"), zone("Asia/Seoul")) == "Thu 30 Oct 2025 11:00:30 KST");
  // 01:30 happens twice in New York on 2 Nov 2025: first on EDT (05:30Z), then on EST (06:30Z).
  CHECK(instant_text(at("2025-11-02T05:30:00Z"), zone("America/New_York")) == "Sun 2 Nov 2025 01:30 EDT");
  CHECK(instant_text(at("2025-11-02T06:30:00Z"), zone("America/New_York")) == "Sun 2 Nov 2025 01:30 EST");
}

TEST_CASE("short_instant_text: ISO date, clock, abbreviation") {
  CHECK(short_instant_text(at("2025-10-30T02:00:00Z"), zone("Asia/Seoul")) == "2025-10-30 11:00 KST");
  CHECK(short_instant_text(at("2025-10-30T02:00:00Z"), zone("America/New_York")) == "2025-10-29 22:00 EDT");
}

TEST_CASE("same_instant_text: the event's zone, the output zone, UTC, each once") {
  auto i = at("2025-10-30T02:00:00Z");
  auto seoul = zone("Asia/Seoul"), new_york = zone("America/New_York"), utc = ZoneDb::system().utc();
  CHECK(same_instant_text(i, seoul, new_york) ==
        "Thu 30 Oct 2025 11:00 KST = Wed 29 Oct 2025 22:00 EDT = Thu 30 Oct 2025 02:00 UTC");
  CHECK(same_instant_text(i, seoul, seoul) == "Thu 30 Oct 2025 11:00 KST = Thu 30 Oct 2025 02:00 UTC");
  CHECK(same_instant_text(i, seoul, utc) == "Thu 30 Oct 2025 11:00 KST = Thu 30 Oct 2025 02:00 UTC");
  CHECK(same_instant_text(i, utc, new_york) == "Thu 30 Oct 2025 02:00 UTC = Wed 29 Oct 2025 22:00 EDT");
  CHECK(same_instant_text(i, utc, utc) == "Thu 30 Oct 2025 02:00 UTC");
}

TEST_CASE("zone_text: the name with the offset at an instant") {
  CHECK(zone_text(zone("Asia/Seoul"), at("2025-10-30T02:00:00Z")) == "Asia/Seoul (+09:00)");
  CHECK(zone_text(zone("America/New_York"), at("2025-10-30T02:00:00Z")) == "America/New_York (-04:00)");
  CHECK(zone_text(zone("America/New_York"), at("2025-11-03T12:00:00Z")) == "America/New_York (-05:00)");
  CHECK(zone_text(zone("Asia/Seoul"), std::nullopt) == "Asia/Seoul");
}

TEST_CASE("duration_text and length_text") {
  CHECK(duration_text(seconds{6000}) == "1 h 40 min");
  CHECK(duration_text(seconds{4 * 86400}) == "4 days");
  CHECK(duration_text(seconds{4 * 86400 + 3 * 3600}) == "4 days 3 h");
  CHECK(duration_text(seconds{86400}) == "1 day");
  CHECK(duration_text(seconds{90}) == "1 min 30 s");
  CHECK(duration_text(seconds{30}) == "30 s");
  CHECK(duration_text(seconds{0}) == "0 s");
  CHECK(duration_text(seconds{-3600}) == "-1 h");
  CHECK(length_text(seconds{-3600}) == "1 h");
  CHECK(length_text(seconds{-(86400 + 3600 + 60 + 1)}) == "1 day 1 h 1 min 1 s");
}

TEST_CASE("day counts, alone and relative") {
  CHECK(day_count(0) == "0 days");
  CHECK(day_count(1) == "1 day");
  CHECK(day_count(4) == "4 days");
  CHECK(day_count(-1) == "-1 day");
  CHECK(days_relative(4) == "4 days after");
  CHECK(days_relative(1) == "1 day after");
  CHECK(days_relative(-6) == "6 days before");
  CHECK(days_relative(0) == "on the same day as");
}

TEST_CASE("count_relative: exact, a range on one side, across the point, open") {
  const std::string what = "the end of kl-trade-talks";
  LeadTime exact{4, 4, {}, {}, {}};
  CHECK(count_relative(exact, what) == "4 days after the end of kl-trade-talks");
  LeadTime after{1, 30, {}, {}, {}};
  CHECK(count_relative(after, what) == "between 1 and 30 days after the end of kl-trade-talks");
  LeadTime before{-30, -1, {}, {}, {}};
  CHECK(count_relative(before, what) == "between 1 and 30 days before the end of kl-trade-talks");
  LeadTime across{-2, 3, {}, {}, {}};
  CHECK(count_relative(across, what) == "between 2 days before and 3 days after the end of kl-trade-talks");
  LeadTime open_late{2, std::nullopt, {}, {}, {}};
  CHECK(count_relative(open_late, what) == "no earlier than 2 days after the end of kl-trade-talks");
  LeadTime open_early{std::nullopt, 0, {}, {}, {}};
  CHECK(count_relative(open_early, what) == "no later than on the same day as the end of kl-trade-talks");
  CHECK(count_relative(LeadTime{}, what) == "at an unknown distance from the end of kl-trade-talks");
}

TEST_CASE("count_point_text: an instant in the reference zone, a date with its place, a span of days") {
  auto seoul = zone("Asia/Seoul");
  CHECK(count_point_text(at("2025-10-30T02:00:00Z"), seoul, "Busan") == "Thu 30 Oct 2025 11:00 KST");
  CHECK(count_point_text(day("2025-10-26"), seoul, "Kuala Lumpur") == "Sun 26 Oct 2025 (Kuala Lumpur)");
  CHECK(count_point_text(day("2025-10-26"), seoul, "") == "Sun 26 Oct 2025");
  CHECK(count_point_text(DaySpan{day("2025-11-01"), day("2025-11-30")}, seoul, "") == "between Sat 1 Nov 2025 and Sun 30 Nov 2025");
  CHECK(count_point_text(DaySpan{std::nullopt, day("2025-11-30")}, seoul, "Beijing") == "between ? and Sun 30 Nov 2025 (Beijing)");
  CHECK(count_point_text(DaySpan{}, seoul, "Beijing") == "an unknown day (Beijing)");
  CHECK(count_point_text(DaySpan{}, seoul, "") == "an unknown day");
}

TEST_CASE("a timed event: in its zone, for columns and sentences, and on another clock") {
  // 11:00–12:40 KST on Thu 30 Oct = 02:00Z–03:40Z.
  auto e = event_in("Asia/Seoul", Timed{at("2025-10-30T02:00:00Z"), at("2025-10-30T03:40:00Z")});
  CHECK(when_local(e) == "2025-10-30 11:00–12:40 KST");
  CHECK(when_human(e) == "Thu 30 Oct 2025 11:00 KST");
  CHECK(start_in(e, zone("America/New_York")) == "2025-10-29 22:00 EDT");
  CHECK(event_point_text(e, EventSide::start) == "Thu 30 Oct 2025 11:00 KST");
  CHECK(event_point_text(e, EventSide::end) == "Thu 30 Oct 2025 12:40 KST");
  CHECK(event_dates_text(e) == "2025-10-30 11:00 KST");
  CHECK(event_length_text(e) == "1 h 40 min");
  CHECK(place_of(e) == "Asia/Seoul");
  e.location.city = "Busan";
  CHECK(place_of(e) == "Busan");
}

TEST_CASE("a timed event across midnight, across the DST change, and at one instant") {
  // 23:00 EDT on the 29th (03:00Z on the 30th) to 01:00 EDT on the 30th (05:00Z).
  auto night = event_in("America/New_York", Timed{at("2025-10-30T03:00:00Z"), at("2025-10-30T05:00:00Z")});
  CHECK(when_local(night) == "2025-10-29 23:00 EDT – 2025-10-30 01:00 EDT");
  // 00:30 EDT (04:30Z) to 03:00 EST (08:00Z) on 2 Nov: one date, two abbreviations.
  auto fall_back = event_in("America/New_York", Timed{at("2025-11-02T04:30:00Z"), at("2025-11-02T08:00:00Z")});
  CHECK(when_local(fall_back) == "2025-11-02 00:30 EDT – 2025-11-02 03:00 EST");
  // The clocks show 2 h 30 min between them, but the hour from 01:00 to 02:00 happens twice.
  CHECK(event_length_text(fall_back) == "3 h 30 min");
  auto moment = event_in("Asia/Seoul", Timed{at("2025-10-30T02:00:00Z"), at("2025-10-30T02:00:00Z")});
  CHECK(when_local(moment) == "2025-10-30 11:00 KST");
}

TEST_CASE("all-day events keep their civil dates") {
  auto two_days = event_in("Asia/Kuala_Lumpur", AllDay{day("2025-10-25"), day("2025-10-26")});
  CHECK(when_local(two_days) == "2025-10-25 – 2025-10-26 (all day)");
  CHECK(when_human(two_days) == "Sat 25 Oct 2025 – Sun 26 Oct 2025");
  CHECK(event_dates_text(two_days) == "2025-10-25 – 2025-10-26");
  CHECK(event_point_text(two_days, EventSide::end) == "2025-10-26");
  CHECK(event_length_text(two_days).empty());
  CHECK(start_in(two_days, zone("America/New_York")) == "2025-10-24 12:00 EDT");  // 00:00 MYT (+08:00) = 16:00Z on the 24th
  auto one_day = event_in("Asia/Kuala_Lumpur", AllDay{day("2025-10-26"), day("2025-10-26")});
  CHECK(when_local(one_day) == "2025-10-26 (all day)");
  CHECK(when_human(one_day) == "Sun 26 Oct 2025");
}

TEST_CASE("windows: the days they may start on, or undated") {
  Window november;
  november.earliest_first = day("2025-11-01");
  november.latest_first = day("2025-11-30");
  november.earliest_last = day("2025-11-01");
  november.latest_last = day("2025-11-30");
  auto round = event_in("Asia/Shanghai", november);
  CHECK(when_local(round) == "starts 2025-11-01 … 2025-11-30");
  CHECK(when_human(round) == "starts between Sat 1 Nov 2025 and Sun 30 Nov 2025");
  CHECK(event_dates_text(round) == "window 2025-11-01 … 2025-11-30");
  CHECK(event_point_text(round, EventSide::start).empty());
  CHECK(start_in(round, zone("Asia/Seoul")).empty());
  auto undated = event_in("Asia/Shanghai", Window{});
  CHECK(when_local(undated) == "undated");
  CHECK(when_human(undated) == "undated");
  CHECK(event_dates_text(undated) == "undated");
}

TEST_CASE("day_hours_text: an agenda's time column") {
  CHECK(day_hours_text(DayHours{civil("2025-10-30T11:00"), civil("2025-10-30T12:40"), false}) == "11:00–12:40");
  CHECK(day_hours_text(DayHours{std::nullopt, civil("2025-10-30T01:00"), false}) == "…–01:00");
  CHECK(day_hours_text(DayHours{civil("2025-10-29T23:00"), std::nullopt, false}) == "23:00–…");
  CHECK(day_hours_text(DayHours{civil("2025-11-01T00:00"), civil("2025-11-01T00:00"), true}) == "00:00");
}
