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

// "id start-end" for each timed entry, a side on another day as "-", e.g. "late 23:00-" ; untimed: "id".
std::string hours(const Calendar& c, std::string_view date, std::string_view zone_name) {
  auto clock = [](const std::optional<CivilDateTime>& t) { return t ? to_string(*t).substr(11, 5) : std::string{"-"}; };
  const auto day = one_day(c, date, zone_name);
  std::string out;
  for (const auto& e : day.entries) {
    out += c.timeline().at(e.event).id;
    if (e.hours) {
      out += ' ';
      out += clock(e.hours->start);
      if (!e.hours->instant) {
        out += '-';
        out += clock(e.hours->end);
      }
    }
    out += "; ";
  }
  return out;
}

// A day read in a zone: what `on` and `hours` say of it.
struct DayCase {
  std::string_view date;
  std::string_view zone;
  std::string_view on;
  std::string_view hours;
};

}  // namespace

TEST_CASE("the agenda of a day in a zone: its events in start order, and their clock times there") {
  const DayCase cases[] = {
      // An evening in New York is the next day in Seoul. The Seoul dinner (23:00–01:00 KST = 14:00Z–16:00Z
      // on the 29th) is 10:00–12:00 EDT on the 29th in New York, whole on one day.
      {"2025-10-29", "America/New_York", "late ny-call ", "late 10:00-12:00; ny-call 22:00-23:00; "},
      // In start order: the dinner began at 23:00 KST on the 29th (14:00Z), the call at 02:00Z. The dinner
      // is open at the start on the 30th; the call (02:00Z–03:00Z) is 11:00–12:00 in Seoul.
      {"2025-10-30", "Asia/Seoul", "late ny-call ", "late --01:00; ny-call 11:00-12:00; "},
      // The dinner is open at the end on the 29th.
      {"2025-10-29", "Asia/Seoul", "late ", "late 23:00--; "},

      // All-day events keep their own dates in every zone, and have no clock times: the summit is on
      // 26–28 Oct, in Seoul or New York alike.
      {"2025-10-26", "America/New_York", "summit ", "summit; "},
      {"2025-10-27", "Asia/Seoul", "summit ", "summit; "},
      {"2025-10-28", "America/New_York", "summit ", "summit; "},
      // The 25th in New York: the summit is not on it, and the Kiritimati call (16:00 EDT) is on the 24th.
      {"2025-10-25", "America/New_York", "", ""},

      // Half-open spans: a span that ends at midnight is not on the next day, and is open at its end.
      {"2025-10-31", "Asia/Seoul", "to-midnight ", "to-midnight 22:00--; "},
      // 1 Nov in Seoul: the midnight instant, not the span that ends at it; and November's round maybe. An
      // instant has only its start; the round has no clock times.
      {"2025-11-01", "Asia/Seoul", "midnight round? ", "midnight 00:00; round; "},
      // 2 Nov in New York has 25 hours; 06:30Z is within it, at the second 01:30 (EST).
      {"2025-11-02", "America/New_York", "repeated-hour round? ", "repeated-hour 01:30; round; "},
      // The date line: 20:00Z on the 24th is the 24th in UTC and 09:00 on the 24th in Pago Pago (−11:00), and
      // 10:00 on the 25th in Kiritimati (+14:00).
      {"2025-10-24", "UTC", "kiritimati ", "kiritimati 20:00; "},
      {"2025-10-24", "Pacific/Pago_Pago", "kiritimati ", "kiritimati 09:00; "},
      {"2025-10-25", "Pacific/Kiritimati", "kiritimati ", "kiritimati 10:00; "},
      {"2025-10-25", "UTC", "", ""},
  };
  const auto c = timeline();
  for (const auto& row : cases) {
    CAPTURE(row.date);
    CAPTURE(row.zone);
    CHECK(on(c, row.date, row.zone) == row.on);
    CHECK(hours(c, row.date, row.zone) == row.hours);
  }
}

TEST_CASE("today is the civil day in the zone at the instant") {
  auto now = parse_rfc3339("2025-10-29T15:30:00Z");
  REQUIRE(now.has_value());
  // 00:30 KST on the 30th; 11:30 EDT on the 29th.
  CHECK(to_string(today(*ZoneDb::system().find("Asia/Seoul"), *now)) == "2025-10-30");
  CHECK(to_string(today(*ZoneDb::system().find("America/New_York"), *now)) == "2025-10-29");
}
