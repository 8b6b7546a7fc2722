// The agenda of civil days (dipcal/query/agenda.h). Instants were converted by hand with the offsets noted
// beside each event (Seoul +09:00; New York −04:00 until 2 Nov 2025 06:00Z, then −05:00; Kiritimati
// +14:00; Pago Pago −11:00).
#include "dipcal/query/agenda.h"

#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>

#include "support/fixture_text.h"
#include "support/values.h"

#include <string>
#include <string_view>

using namespace dipcal;

namespace {

const char* const kFixture =
    "events:\n"
    // 22:00 EDT on Wed 29 Oct = 02:00Z = 11:00 KST on Thu 30 Oct.
    "  - id: ny-call\n    title: NY call\n    start: 2025-10-29T22:00\n    duration: PT1H\n    location: {zone: America/New_York}\n"
    // All day 26–28 Oct in Kuala Lumpur.
    "  - id: summit\n    title: Summit\n    start: 2025-10-26\n    end: 2025-10-28\n    location: {zone: Asia/Kuala_Lumpur}\n"
    // 23:00 on the 29th to 01:00 on the 30th in Seoul: on both days.
    "  - id: late\n    title: Late dinner\n    start: 2025-10-29T23:00\n    duration: PT2H\n    location: {zone: Asia/Seoul}\n"
    // 22:00 to midnight on the 31st in Seoul: not on 1 Nov (spans are half-open).
    "  - id: to-midnight\n    title: To midnight\n    start: 2025-10-31T22:00\n    duration: PT2H\n    location: {zone: Asia/Seoul}\n"
    // An instant at midnight starting 1 Nov in Seoul.
    "  - id: midnight\n    title: Midnight\n    start: 2025-11-01T00:00\n    location: {zone: Asia/Seoul}\n"
    // The second 01:30 of 2 Nov in New York (EST) = 06:30Z.
    "  - id: repeated-hour\n    title: Repeated hour\n    start: 2025-11-02T01:30-05:00\n    location: {zone: America/New_York}\n"
    // 10:00 on 25 Oct in Kiritimati = 20:00Z on the 24th = 09:00 on the 24th in Pago Pago.
    "  - id: kiritimati\n    title: Kiritimati\n    start: 2025-10-25T10:00\n    location: {zone: Pacific/Kiritimati}\n"
    // Sometime in November.
    "  - id: round\n    title: Round\n    start: 2025-11\n    location: {zone: Asia/Shanghai}\n"
    "  - id: undated\n    title: Undated\n    location: {zone: Asia/Shanghai}\n";

Calendar timeline() {
  CompiledTimeline compiled;
  compiled.load = testing::load_clean(kFixture, "agenda.yaml");
  return Calendar{std::move(compiled)};
}

// The agenda of one day, `date` in the zone named `zone_name`.
AgendaDay one_day(const Calendar& c, std::string_view date, std::string_view zone_name) {
  const auto d = testing::day(date);
  auto days = agenda(c, d, d, testing::zone(zone_name));
  REQUIRE(days.size() == 1);
  return std::move(days.front());
}

// "id" for each entry, "id?" for a possible one.
std::string on(const Calendar& c, std::string_view date, std::string_view zone_name) {
  const auto day = one_day(c, date, zone_name);
  std::string out;
  for (const auto& e : day.entries) out += c.timeline().at(e.event).id + (e.possible ? "? " : " ");
  return out;
}

}  // namespace

TEST_CASE("an evening in New York is the next day in Seoul") {
  auto t = timeline();
  // The Seoul dinner (23:00 KST = 14:00Z on the 29th) is 10:00 EDT on the 29th in New York.
  CHECK(on(t, "2025-10-29", "America/New_York") == "late ny-call ");
  // In start order: the dinner began at 23:00 KST on the 29th (14:00Z), the call at 02:00Z.
  CHECK(on(t, "2025-10-30", "Asia/Seoul") == "late ny-call ");
  CHECK(on(t, "2025-10-29", "Asia/Seoul") == "late ");
}

TEST_CASE("all-day events keep their own dates in every zone") {
  auto t = timeline();
  // The summit is on 26–28 Oct, in Seoul or New York alike.
  CHECK(on(t, "2025-10-26", "America/New_York") == "summit ");
  CHECK(on(t, "2025-10-28", "America/New_York") == "summit ");
  // The 25th in New York: the summit is not on it, and the Kiritimati call (16:00 EDT) is on the 24th.
  CHECK(on(t, "2025-10-25", "America/New_York") == "");
}

TEST_CASE("half-open spans, instants at midnight, the repeated hour and the date line") {
  auto t = timeline();
  CHECK(on(t, "2025-10-31", "Asia/Seoul") == "to-midnight ");
  // 1 Nov in Seoul: the midnight instant, not the span that ends at it; and November's round maybe.
  CHECK(on(t, "2025-11-01", "Asia/Seoul") == "midnight round? ");
  // 2 Nov in New York has 25 hours; 06:30Z is within it.
  CHECK(on(t, "2025-11-02", "America/New_York") == "repeated-hour round? ");
  // 20:00Z on the 24th: the 24th in UTC and in Pago Pago, the 25th in Kiritimati.
  CHECK(on(t, "2025-10-24", "UTC") == "kiritimati ");
  CHECK(on(t, "2025-10-24", "Pacific/Pago_Pago") == "kiritimati ");
  CHECK(on(t, "2025-10-25", "Pacific/Kiritimati") == "kiritimati ");
  CHECK(on(t, "2025-10-25", "UTC") == "");
}

namespace {

// "id start-end" for each timed entry, a side on another day as "-", e.g. "late 23:00-" ; untimed: "id".
std::string hours(const Calendar& c, std::string_view date, std::string_view zone_name) {
  auto clock = [](const std::optional<CivilDateTime>& t) { return t ? to_string(*t).substr(11, 5) : std::string{"-"}; };
  const auto day = one_day(c, date, zone_name);
  std::string out;
  for (const auto& e : day.entries) {
    out += c.timeline().at(e.event).id;
    if (e.hours) out += " " + clock(e.hours->start) + (e.hours->instant ? "" : "-" + clock(e.hours->end));
    out += "; ";
  }
  return out;
}

}  // namespace

TEST_CASE("the clock times of each timed event on the day, in the agenda's zone") {
  auto t = timeline();
  // The dinner runs 23:00–01:00 KST: open at the end on the 29th, at the start on the 30th. The New
  // York call (02:00Z–03:00Z) is 11:00–12:00 in Seoul.
  CHECK(hours(t, "2025-10-29", "Asia/Seoul") == "late 23:00--; ");
  CHECK(hours(t, "2025-10-30", "Asia/Seoul") == "late --01:00; ny-call 11:00-12:00; ");
  // Read in New York the dinner is 10:00–12:00 EDT on the 29th (14:00Z–16:00Z), whole on one day.
  CHECK(hours(t, "2025-10-29", "America/New_York") == "late 10:00-12:00; ny-call 22:00-23:00; ");
  // A span that ends at midnight ends on the next day; an instant has only its start; the summit and
  // the round have no clock times.
  CHECK(hours(t, "2025-10-31", "Asia/Seoul") == "to-midnight 22:00--; ");
  CHECK(hours(t, "2025-11-01", "Asia/Seoul") == "midnight 00:00; round; ");
  CHECK(hours(t, "2025-10-27", "Asia/Seoul") == "summit; ");
}

TEST_CASE("today is the civil day in the zone at the instant") {
  auto now = parse_rfc3339("2025-10-29T15:30:00Z");
  REQUIRE(now.has_value());
  // 00:30 KST on the 30th; 11:30 EDT on the 29th.
  CHECK(to_string(today(*ZoneDb::system().find("Asia/Seoul"), *now)) == "2025-10-30");
  CHECK(to_string(today(*ZoneDb::system().find("America/New_York"), *now)) == "2025-10-29");
}
