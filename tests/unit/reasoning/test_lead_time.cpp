// Lead times (dipcal/reasoning/lead_time.h). Every expected count is a difference of civil dates worked out by
// hand on a calendar, after converting instants with the zones' offsets written beside each case
// (Seoul +09:00, Kuala Lumpur +08:00, Kiritimati +14:00, Honolulu −10:00, Pago Pago −11:00, none with
// DST; New York −04:00 EDT until 2 Nov 2025 06:00Z and from 9 Mar 2025 07:00Z, −05:00 EST otherwise).
#include "dipcal/reasoning/lead_time.h"

#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>

#include "support/values.h"

#include <string>
#include <string_view>

using namespace dipcal;
using dipcal::testing::day;
using dipcal::testing::instant;
using dipcal::testing::zone;
using std::chrono::seconds;

namespace {

std::string days_text(const LeadTime& l) {
  auto n = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string{"open"}; };
  return n(l.min_days) + ".." + n(l.max_days);
}

}  // namespace

TEST_CASE("the issue's examples: four days before Busan, six days ago") {
  const auto seoul = zone("Asia/Seoul");
  const auto busan = instant("2025-10-30T02:00:00Z");  // 11:00 KST on Thu 30 Oct
  // From the last day of the Kuala Lumpur talks, Sun 26 Oct (all day, kept): 30 − 26 = 4.
  auto l = lead_time(day("2025-10-26"), busan, seoul);
  CHECK(l.exact());
  CHECK(l.days() == 4);
  CHECK(l.from_date == day("2025-10-26"));
  CHECK(l.to_date == day("2025-10-30"));
  CHECK_FALSE(l.elapsed.has_value());  // an all-day end has no instant
  // Now = 2025-10-26T12:00+08:00 = 04:00Z = 13:00 KST on the 26th: 4 days, 3 days 22 h elapsed.
  l = lead_time(instant("2025-10-26T04:00:00Z"), busan, seoul);
  CHECK(l.days() == 4);
  REQUIRE(l.elapsed.has_value());
  CHECK(l.elapsed->count() == 3 * 86'400 + 22 * 3'600);
  // Now = 2025-11-05T09:00+09:00 = 00:00Z, Wed 5 Nov in Seoul: 30 Oct − 5 Nov = −6.
  l = lead_time(instant("2025-11-05T00:00:00Z"), busan, seoul);
  CHECK(l.days() == -6);
  CHECK(l.elapsed->count() == -(5 * 86'400 + 22 * 3'600));
}

TEST_CASE("the reference zone decides the date of a timed end, never of an all-day one") {
  const auto busan = instant("2025-10-30T02:00:00Z");
  // In New York, Busan's 11:00 KST is 22:00 EDT on Wed 29 Oct; the talks' 26 Oct stays: 3 days.
  CHECK(lead_time(day("2025-10-26"), busan, zone("America/New_York")).days() == 3);
  // A timed end at 23:30 in Kuala Lumpur on the 26th = 15:30Z = 00:30 KST on the 27th: 3 days in
  // Seoul, but 4 counted in Kuala Lumpur, where Busan is 10:00 on the 30th.
  const auto late = instant("2025-10-26T15:30:00Z");
  CHECK(lead_time(late, busan, zone("Asia/Seoul")).days() == 3);
  CHECK(lead_time(late, busan, zone("Asia/Kuala_Lumpur")).days() == 4);
}

TEST_CASE("DST days: calendar days stay whole while elapsed time stretches or shrinks") {
  const auto ny = zone("America/New_York");
  // Fall back: Sat 1 Nov 12:00 EDT = 16:00Z → Sun 2 Nov 12:00 EST = 17:00Z: 1 day, 25 h.
  auto l = lead_time(instant("2025-11-01T16:00:00Z"), instant("2025-11-02T17:00:00Z"), ny);
  CHECK(l.days() == 1);
  CHECK(l.elapsed->count() == 25 * 3'600);
  // Spring forward: Sat 8 Mar 12:00 EST = 17:00Z → Sun 9 Mar 12:00 EDT = 16:00Z: 1 day, 23 h.
  l = lead_time(instant("2025-03-08T17:00:00Z"), instant("2025-03-09T16:00:00Z"), ny);
  CHECK(l.days() == 1);
  CHECK(l.elapsed->count() == 23 * 3'600);
  // Within the repeated hour of 2 Nov: 00:30 EDT (04:30Z) to the second 01:30, EST (06:30Z): the
  // same day, two hours apart although the clocks differ by one.
  l = lead_time(instant("2025-11-02T04:30:00Z"), instant("2025-11-02T06:30:00Z"), ny);
  CHECK(l.days() == 0);
  CHECK(l.elapsed->count() == 2 * 3'600);
}

TEST_CASE("the date line: Kiritimati against Honolulu and Pago Pago") {
  const auto kiritimati = zone("Pacific/Kiritimati"), honolulu = zone("Pacific/Honolulu"), pago = zone("Pacific/Pago_Pago");
  // 10:00 on Sat 25 Oct in Kiritimati = 20:00Z on the 24th; 11:00 on Fri 24 Oct in Honolulu = 21:00Z.
  const auto k = instant("2025-10-24T20:00:00Z"), h = instant("2025-10-24T21:00:00Z");
  // One hour apart and on the same civil day in either zone (24th in Honolulu, 25th in Kiritimati).
  auto l = lead_time(k, h, honolulu);
  CHECK(l.days() == 0);
  CHECK(l.from_date == day("2025-10-24"));
  CHECK(l.elapsed->count() == 3'600);
  l = lead_time(k, h, kiritimati);
  CHECK(l.days() == 0);
  CHECK(l.from_date == day("2025-10-25"));
  // An all-day 25 Oct in Kiritimati keeps its date: to the Honolulu call on the 24th is −1 day, though
  // the call falls inside the Kiritimati day (10:00Z 24th to 10:00Z 25th).
  CHECK(lead_time(day("2025-10-25"), h, honolulu).days() == -1);
  // The other way: an all-day 24 Oct in Pago Pago to the Kiritimati call (25th there) is +1, though
  // the call (20:00Z 24th) falls inside the Pago Pago day (11:00Z 24th to 11:00Z 25th).
  CHECK(lead_time(day("2025-10-24"), k, kiritimati).days() == 1);
  // And counted in Pago Pago (the call is 09:00 on Fri 24 Oct there): 0.
  CHECK(lead_time(day("2025-10-24"), k, pago).days() == 0);
}

TEST_CASE("negative answers: the target lies before the start of the count") {
  const auto seoul = zone("Asia/Seoul");
  // From APEC's last day, Sat 1 Nov, back to Busan on Thu 30 Oct: −2.
  CHECK(lead_time(day("2025-11-01"), instant("2025-10-30T02:00:00Z"), seoul).days() == -2);
  // Same instant: 0 days, 0 s.
  auto l = lead_time(instant("2025-10-30T02:00:00Z"), instant("2025-10-30T02:00:00Z"), seoul);
  CHECK(l.days() == 0);
  CHECK(l.elapsed->count() == 0);
}

TEST_CASE("windows give a range of days, never a made-up date") {
  const auto seoul = zone("Asia/Seoul");
  // From Thu 30 Oct to a start somewhere in 1–29 Nov: 2 to 30 days.
  auto l = lead_time(day("2025-10-30"), DaySpan{day("2025-11-01"), day("2025-11-29")}, seoul);
  CHECK_FALSE(l.exact());
  CHECK_FALSE(l.days().has_value());
  CHECK(days_text(l) == "2..30");
  CHECK_FALSE(l.to_date.has_value());
  CHECK_FALSE(l.elapsed.has_value());
  // An open latest day leaves the maximum open.
  CHECK(days_text(lead_time(day("2025-10-30"), DaySpan{day("2025-11-01"), std::nullopt}, seoul)) == "2..open");
  // From a window ending 1–5 Nov to 00:01 EST on 10 Nov (05:01Z, the 10th in New York): 5 to 9 days.
  CHECK(days_text(lead_time(DaySpan{day("2025-11-01"), day("2025-11-05")}, instant("2025-11-10T05:01:00Z"), zone("America/New_York"))) ==
        "5..9");
  // Undated on both sides: nothing to count.
  CHECK(days_text(lead_time(DaySpan{}, instant("2025-11-10T05:01:00Z"), seoul)) == "open..open");
  // A one-day span is exact.
  CHECK(lead_time(day("2025-10-26"), DaySpan{day("2025-10-30"), day("2025-10-30")}, seoul).days() == 4);
}

TEST_CASE("count_point: an event's start or end") {
  LoadResult r;
  load_fixture_text(
      "events:\n"
      "  - id: talks\n    title: Talks\n    start: 2025-10-25\n    end: 2025-10-26\n    location: {zone: Asia/Kuala_Lumpur}\n"
      "  - id: meeting\n    title: Meeting\n    start: 2025-10-30T11:00\n    duration: PT1H40M\n    location: {zone: Asia/Seoul}\n"
      "  - id: round\n    title: Round\n    start: 2025-11\n    location: {zone: Asia/Shanghai}\n"
      "  - id: undated\n    title: Undated\n    location: {zone: Asia/Shanghai}\n",
      "lt.yaml", r);
  REQUIRE_FALSE(r.diagnostics.has_errors());
  const auto& t = r.timeline;
  // All day: the first and last days themselves.
  CHECK(std::get<CivilDate>(count_point(t.at(0), EventSide::start)) == day("2025-10-25"));
  CHECK(std::get<CivilDate>(count_point(t.at(0), EventSide::end)) == day("2025-10-26"));
  // Timed: 11:00 KST = 02:00Z; 1 h 40 min later = 03:40Z.
  CHECK(std::get<Instant>(count_point(t.at(1), EventSide::start)) == instant("2025-10-30T02:00:00Z"));
  CHECK(std::get<Instant>(count_point(t.at(1), EventSide::end)) == instant("2025-10-30T03:40:00Z"));
  // "2025-11": it starts on some day of November.
  auto span = std::get<DaySpan>(count_point(t.at(2), EventSide::start));
  CHECK(span.earliest == day("2025-11-01"));
  CHECK(span.latest == day("2025-11-30"));
  auto none = std::get<DaySpan>(count_point(t.at(3), EventSide::start));
  CHECK_FALSE(none.earliest.has_value());
  CHECK_FALSE(none.latest.has_value());
}
