// ICS export and import (dipcal/ics/*.h). Expected values were worked out by hand from RFC 5545 and
// the zones' published rules (New York: EST -05:00, EDT -04:00 from the 2nd Sunday of March to the 1st
// Sunday of November, both at 02:00 local; Seoul: KST +09:00, no DST since KDT ended on 9 Oct 1988 at
// 03:00), and UUIDs with Python's uuid module, an independent implementation of RFC 9562.
#include "dipcal/ics/content_line.h"
#include "dipcal/ics/fixture_out.h"
#include "dipcal/ics/import.h"
#include "dipcal/ics/reader.h"
#include "dipcal/ics/recurrence.h"
#include "dipcal/ics/tzid.h"
#include "dipcal/ics/uid.h"
#include "dipcal/ics/values.h"
#include "dipcal/ics/vtimezone.h"
#include "dipcal/ics/writer.h"
#include "dipcal/fixture/generate.h"
#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support/fixture_text.h"
#include "support/values.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace dipcal;
using namespace dipcal::ics;
using dipcal::testing::timeline_of;
using dipcal::testing::zone;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

CivilDate day(int y, unsigned m, unsigned d) { return *CivilDate::from_ymd(y, m, d); }
CivilDateTime at(int y, unsigned m, unsigned d, int h, int min = 0) { return CivilDateTime{day(y, m, d), hours{h} + minutes{min}}; }
Instant utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return Instant{date::sys_seconds{at(y, m, d, h, min).time().time_since_epoch()}};
}

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", begin)) {
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 2;
  }
  return lines;
}

// Unfolded content lines of a stream.
std::vector<std::string> content_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (auto& l : unfold(text)) lines.push_back(l.text);
  return lines;
}

bool has_line(const std::vector<std::string>& lines, std::string_view line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::vector<std::size_t> all_of(const Timeline& t) { return chronological_order(t); }

}  // namespace

TEST_CASE("TEXT escaping of backslash and semicolon and comma and newlines: nothing can end the line") {
  CHECK(escape_text("Busan; Gyeongju, KR") == "Busan\\; Gyeongju\\, KR");
  CHECK(escape_text("a\\b") == "a\\\\b");
  CHECK(escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(escape_text("colon: stays") == "colon: stays");  // a colon needs no escape in a value
  CHECK(escape_text(std::string{"bell\x07"}) == "bell\xEF\xBF\xBD");
  CHECK(escape_text("tab\tstays") == "tab\tstays");
  for (std::string s : {"Busan; Gyeongju, KR", "a\\b\\;c", "x\ny", "US\xE2\x80\x93" "China"}) CHECK(unescape_text(escape_text(s)) == s);
  CHECK(unescape_text("a\\Nb") == "a\nb");  // section 3.3.11 allows \N too
  CHECK(split_text_list("talks,us\\,china,trade-talks") == std::vector<std::string>{"talks", "us,china", "trade-talks"});
}

TEST_CASE("folding at 75 octets never inside a UTF-8 sequence nor after an escaping backslash") {
  std::string exactly(75, 'x');
  CHECK(fold(exactly) == exactly + "\r\n");
  CHECK(fold(exactly + "y") == exactly + "\r\n y\r\n");
  // 74 ASCII then "é" (two octets): the character moves whole to the next line.
  std::string accent = std::string(74, 'a') + "\xC3\xA9";
  CHECK(fold(accent) == std::string(74, 'a') + "\r\n \xC3\xA9\r\n");
  // 74 ASCII then "\;": the escape moves whole.
  std::string escape = std::string(74, 'a') + "\\;b";
  CHECK(fold(escape) == std::string(74, 'a') + "\r\n \\;b\r\n");
  // A long line of three-octet characters: every physical line at most 75 octets, all valid UTF-8.
  std::string dashes = "SUMMARY:";
  for (int i = 0; i < 100; ++i) dashes += "\xE2\x80\x93";
  auto folded = fold(dashes);
  for (const auto& l : physical_lines(folded)) {
    CHECK(l.size() <= 75);
    CHECK((static_cast<unsigned char>(l.back()) & 0xC0) != 0xC0);  // no sequence cut after its lead byte
  }
  auto back = unfold(folded);
  REQUIRE(back.size() == 1);
  CHECK(back[0].text == dashes);
}

TEST_CASE("content lines: quoted parameter values and RFC 6868 and lists and lower-case names") {
  auto parsed = parse_line({"dtstart;tzid=\"Korea Standard Time\":20251030T110000", 1});
  REQUIRE(parsed);
  ContentLine line = *parsed;
  CHECK(line.name == "DTSTART");
  CHECK(line.param("TZID") == "Korea Standard Time");
  CHECK(line.value == "20251030T110000");
  parsed = parse_line({"X-A;X-Q=\"say ^'hi^': a;b\";MEMBER=\"a:x\",\"b:y\":v:w", 2});
  REQUIRE(parsed);
  line = *parsed;
  CHECK(line.param("X-Q") == "say \"hi\": a;b");
  REQUIRE(line.params.size() == 2);
  CHECK(line.params[1].values == std::vector<std::string>{"a:x", "b:y"});
  CHECK(line.value == "v:w");
  auto no_value = parse_line({"NOVALUE", 3});
  REQUIRE_FALSE(no_value);
  CHECK(no_value.error().offset == 7);  // the end of the line, where ':' should be
  auto open_quote = parse_line({"X;P=\"open:v", 4});
  REQUIRE_FALSE(open_quote);
  CHECK(open_quote.error().message == "a quoted parameter value is not closed");
  CHECK(open_quote.error().offset == 4);  // the opening quote
  // Writing: quotes where needed, RFC 6868 for what a quoted value cannot hold.
  CHECK(param_value("Asia/Seoul") == "Asia/Seoul");
  CHECK(param_value("a;b") == "\"a;b\"");
  CHECK(param_value("he said \"no\"\nthen ^") == "\"he said ^'no^'^nthen ^^\"");
}

TEST_CASE("unfolding accepts CRLF and bare LF and tab continuations and skips blank lines") {
  auto lines = unfold("BEGIN:VCALENDAR\r\nSUMMARY:a\r\n b\n\tc\n\r\nEND:VCALENDAR");
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].text == "SUMMARY:abc");
  CHECK(lines[1].line == 2);
  CHECK(lines[2].line == 6);
}

TEST_CASE("values: durations and offsets and dates and date-times") {
  CHECK(format_duration(minutes{100}) == "PT1H40M");
  CHECK(format_duration(hours{24 * 7}) == "P1W");
  CHECK(format_duration(hours{24 * 30}) == "P30D");
  CHECK(format_duration(hours{26}) == "P1DT2H");
  CHECK(format_duration(hours{1} + seconds{5}) == "PT1H0M5S");
  CHECK(format_duration(seconds{0}) == "PT0S");
  CHECK(format_duration(-hours{24}) == "-P1D");
  CHECK(utc_offset(hours{9}) == "+0900");
  CHECK(utc_offset(-hours{5}) == "-0500");
  CHECK(utc_offset(hours{5} + minutes{45}) == "+0545");
  CHECK(utc_offset(-(hours{4} + minutes{56} + seconds{2})) == "-045602");
  CHECK(whole_minutes(minutes{19} + seconds{32}) == minutes{20});
  CHECK(whole_minutes(-(minutes{19} + seconds{29})) == -minutes{19});
  CHECK(format_local(at(2025, 10, 30, 11)) == "20251030T110000");
  CHECK(format_utc(utc(2025, 10, 30, 2)) == "20251030T020000Z");
  // A Z value is an instant, whatever zone reads it later: Python's
  // datetime(2025, 10, 30, 2, tzinfo=timezone.utc).timestamp() == 1761789600.
  auto t = parse_date_time("20251030T020000Z");
  REQUIRE(t);
  REQUIRE(std::holds_alternative<Instant>(*t));
  CHECK(std::get<Instant>(*t) == Instant::from_unix(1761789600));
  // Without the Z it is a wall clock still to be read in a zone.
  auto floating = parse_date_time("20251030T110000");
  REQUIRE(floating);
  REQUIRE(std::holds_alternative<CivilDateTime>(*floating));
  CHECK(std::get<CivilDateTime>(*floating) == at(2025, 10, 30, 11));
  CHECK_FALSE(parse_date_time("20251030T240000"));
  CHECK_FALSE(parse_date_time("20250230T100000"));
  auto d = parse_ics_duration("-P1W2DT3H");
  REQUIRE(d);
  CHECK(d->negative);
  CHECK(d->days == 9);
  CHECK(d->time == hours{3});
  CHECK_FALSE(parse_ics_duration("P"));
  CHECK(parse_utc_offset("-0330") == -(hours{3} + minutes{30}));
}

TEST_CASE("UIDs are RFC 9562 version 5 UUIDs as Python's uuid module computes them") {
  // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example of Python's documentation.
  CHECK(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  // uuid.uuid5(uuid.NAMESPACE_URL, "urn:dipcal:us-china-trade-2025:busan-trump-xi")
  CHECK(event_uid("us-china-trade-2025", "busan-trump-xi") == "013555dd-190b-5d87-bbc3-e999a1a49f23");
  // uuid.uuid5(uuid.NAMESPACE_URL, "urn:dipcal::x"): an event without a calendar.
  CHECK(event_uid("", "x") == "edd57110-5f56-5110-8b69-d0ab40bc0b09");
}

TEST_CASE("transitions are found to the second") {
  auto ny = zone("America/New_York");
  auto found = find_transitions(ny, utc(2025, 1, 1, 0), utc(2026, 1, 1, 0));
  REQUIRE(found.size() == 2);
  CHECK(found[0].at == utc(2025, 3, 9, 7));  // 02:00 EST
  CHECK(found[0].after.abbrev == "EDT");
  CHECK(found[1].at == utc(2025, 11, 2, 6));  // 02:00 EDT
  auto seoul = last_transition_before(zone("Asia/Seoul"), utc(2025, 1, 1, 0));
  REQUIRE(seoul);
  CHECK(seoul->at == utc(1988, 10, 8, 17));  // 03:00 KDT (+10) on 9 Oct 1988
  CHECK(seoul->after.offset == hours{9});
}

TEST_CASE("VTIMEZONE: a yearly rule where one holds and a single STANDARD where nothing changes") {
  auto ny = observances(zone("America/New_York"), utc(2025, 1, 1, 5), utc(2026, 1, 1, 5));
  REQUIRE(ny.size() == 2);
  CHECK_FALSE(ny[0].daylight);
  CHECK(ny[0].start == at(2024, 11, 3, 2));  // the change in force on 1 Jan 2025
  CHECK(ny[0].offset_from == -hours{4});
  CHECK(ny[0].offset_to == -hours{5});
  REQUIRE(ny[0].rule);
  CHECK(ny[0].rule->month == 11);
  CHECK(ny[0].rule->week == 1);
  CHECK(ny[0].rule->day == date::Sunday);
  CHECK(ny[1].daylight);
  CHECK(ny[1].start == at(2025, 3, 9, 2));
  REQUIRE(ny[1].rule);
  CHECK(ny[1].rule->month == 3);
  CHECK(ny[1].rule->week == 2);

  // Europe's "last Sunday" is written as -1SU, never as a 4th or 5th Sunday.
  auto berlin = observances(zone("Europe/Berlin"), utc(2025, 1, 1, 0), utc(2026, 1, 1, 0));
  REQUIRE(berlin.size() == 2);
  CHECK(berlin[1].rule->week == -1);
  CHECK(berlin[1].start == at(2025, 3, 30, 2));

  LineWriter out;
  write_vtimezone(out, zone("Asia/Seoul"), utc(2024, 12, 31, 15), utc(2025, 12, 31, 15));
  CHECK(out.str() ==
        "BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\nBEGIN:STANDARD\r\nDTSTART:19881009T030000\r\nTZOFFSETFROM:+1000\r\n"
        "TZOFFSETTO:+0900\r\nTZNAME:KST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
}

TEST_CASE("VTIMEZONE: rules that ended become RDATEs and the rule in force an RRULE") {
  // New York over 2005–2008: the rules changed in 2007 (1st Sunday of April / last of October
  // before, 2nd Sunday of March / 1st of November since).
  auto ny = observances(zone("America/New_York"), utc(2005, 1, 1, 5), utc(2009, 1, 1, 5));
  std::vector<std::string> rules, rdates;
  for (const auto& o : ny) {
    if (o.rule) rules.push_back(fmt::format("{} {} {}", format_local(o.start), o.rule->month, o.rule->week));
    for (const auto& r : o.rdates) rdates.push_back(format_local(r));
  }
  CHECK(rules == std::vector<std::string>{"20070311T020000 3 2", "20071104T020000 11 1"});
  // The old rules' transitions: DTSTART 2004-10-31 and 2005-04-03, then these.
  CHECK(rdates == std::vector<std::string>{"20051030T020000", "20061029T020000", "20060402T020000"});
}

TEST_CASE("Windows zone names and prefixed TZIDs map to IANA zones") {
  auto table = WindowsZones::load(std::string{DIPCAL_SOURCE_DIR} + "/data/windowsZones.tsv");
  REQUIRE(std::holds_alternative<WindowsZones>(table));
  const auto& windows = std::get<WindowsZones>(table);
  const auto& db = ZoneDb::system();
  struct Case {
    std::string_view tzid;
    std::string_view zone;  // "-": it maps to none
    std::string_view lic_location = {};
  };
  const Case cases[] = {
      {"Asia/Seoul", "Asia/Seoul"},
      {"/freeassociation.sourceforge.net/Asia/Seoul", "Asia/Seoul"},
      {"/freeassociation.sourceforge.net/Tzfile/Europe/Madrid", "Europe/Madrid"},
      {"/mozilla.org/20070129_1/America/New_York", "America/New_York"},
      {"Korea Standard Time", "Asia/Seoul"},
      {"\"Eastern Standard Time\"", "America/New_York"},
      {"W. Europe Standard Time", "Europe/Berlin"},
      {"(UTC+09:00) Seoul", "Asia/Seoul"},
      {"Mars/Olympus_Mons", "-"},
      {"Custom zone 1", "Europe/Paris", "Europe/Paris"},  // known only by its VTIMEZONE's X-LIC-LOCATION
  };
  for (const auto& c : cases) {
    CAPTURE(c.tzid);
    auto m = map_tzid(c.tzid, db, windows, c.lic_location);
    CHECK((m ? m->zone : std::string{"-"}) == c.zone);
  }
}

TEST_CASE("recurrence rules: the common forms expand and the rest is refused with a reason") {
  auto to_instant = [](const CivilDateTime& t) { return Instant{date::sys_seconds{t.time().time_since_epoch()}}; };
  auto rule = [](std::string_view text) {
    auto r = parse_rrule(text);
    if (!r) FAIL(r.error().message);
    return *r;
  };
  // Tue 4 Nov 2025: Tuesdays and Thursdays, four times.
  auto weekly = expand(rule("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4"), at(2025, 11, 4, 9), day(2026, 12, 31), to_instant);
  CHECK(weekly == std::vector<CivilDateTime>{at(2025, 11, 4, 9), at(2025, 11, 6, 9), at(2025, 11, 11, 9), at(2025, 11, 13, 9)});
  // The last Friday of each month, Oct 2025 – Jan 2026: 31 Oct, 28 Nov, 26 Dec, 30 Jan.
  auto last_friday = expand(rule("FREQ=MONTHLY;BYDAY=-1FR"), at(2025, 10, 31, 12), day(2026, 1, 31), to_instant);
  CHECK(last_friday == std::vector<CivilDateTime>{at(2025, 10, 31, 12), at(2025, 11, 28, 12), at(2025, 12, 26, 12), at(2026, 1, 30, 12)});
  // The 31st exists in Jan and Mar, not Feb.
  auto thirty_first = expand(rule("FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20250401"), at(2025, 1, 31, 8), day(2025, 12, 31), to_instant);
  CHECK(thirty_first == std::vector<CivilDateTime>{at(2025, 1, 31, 8), at(2025, 3, 31, 8)});
  // US daylight time starts, 2025–2027: 9 Mar, 8 Mar, 14 Mar.
  auto yearly = expand(rule("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"), at(2025, 3, 9, 2), day(2027, 12, 31), to_instant);
  CHECK(yearly == std::vector<CivilDateTime>{at(2025, 3, 9, 2), at(2026, 3, 8, 2), at(2027, 3, 14, 2)});
  // Every other day, until a UTC instant (inclusive).
  auto daily = expand(rule("FREQ=DAILY;INTERVAL=2;UNTIL=20250105T090000Z"), at(2025, 1, 1, 9), day(2025, 12, 31), to_instant);
  CHECK(daily.size() == 3);
  auto bysetpos = parse_rrule("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU");
  REQUIRE_FALSE(bysetpos);
  CHECK(bysetpos.error().message.find("BYSETPOS") != std::string::npos);
  CHECK(bysetpos.error().offset == 13);  // after "FREQ=MONTHLY;"
  CHECK(parse_rrule("FREQ=HOURLY").error().message.find("HOURLY") != std::string::npos);
  auto no_freq = parse_rrule("BYDAY=MO");
  REQUIRE_FALSE(no_freq);
  CHECK(no_freq.error().message == "there is no FREQ");
  CHECK(no_freq.error().offset == 0);
}

TEST_CASE("reader: components nest and an END that does not match is reported") {
  auto parsed = parse_stream("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nBEGIN:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  REQUIRE(parsed.calendars.size() == 1);
  REQUIRE(parsed.calendars[0].children.size() == 1);
  CHECK(parsed.calendars[0].children[0].children.size() == 1);  // the VALARM, closed by END:VEVENT
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].line == 5);
  CHECK(parse_stream("SUMMARY:x\r\n").problems.size() == 1);
}

namespace {

const char* kFixture = R"(calendar:
  id: test-cal
  title: Test calendar
events:
  - id: talks
    title: "Talks; day one, Seoul: \"first\""
    kind: talks
    status: held
    aliases: [seoul-talks]
    start: 2025-10-30T11:00
    duration: PT1H40M
    location: {name: Hall, city: Seoul, country: KR, zone: Asia/Seoul, geo: {lat: 37.5665, lon: 126.978}}
    actors: [A. Person, "B, Other"]
    tags: [trade]
    sources:
      - outlet: Daily
        url: https://example.org/a?b=1;c=2
        published: 2025-10-30
        quote: "said \"yes\""
    notes: "Two lines\nof notes"
    updated: 2025-11-01T08:00:00Z
    sequence: 3
    relations:
      - type: before
        event: summit
        gap: {min: 1d}
      - type: during
        event: summit-week
  - id: summit
    title: Summit
    kind: summit
    start: 2025-11-03
    end: 2025-11-04
    location: {zone: Asia/Seoul}
    relations:
      - type: after
        event: talks
      - type: overlaps
        event: summit-week
        note: "partly"
  - id: summit-week
    title: Summit week
    kind: other
    start: 2025-10-27
    end: 2025-11-03
    location: {zone: Asia/Seoul}
  - id: fall-back
    title: The first 01:30
    kind: call
    start: 2026-11-01T01:30-04:00
    location: {zone: America/New_York}
  - id: in-utc
    title: In UTC
    kind: deadline
    start: 2025-06-01T12:00
    location: {zone: UTC}
  - id: sometime
    title: Some time in 2026
    kind: meeting
    start: "2026"
    location: {zone: Asia/Seoul}
  - id: undated
    title: Undated
    kind: meeting
    location: {zone: Asia/Seoul}
)";

}  // namespace

TEST_CASE("writer: the properties of each kind of event") {
  auto t = timeline_of(kFixture);
  CalendarProperties props{"Test calendar", "test-cal", "https://example.org/cal.ics"};
  auto result = write_calendar(t, all_of(t), props);
  REQUIRE(result.warnings.size() == 1);  // the undated event
  CHECK(result.warnings[0].find("undated") != std::string::npos);
  CHECK(result.events_written == 6);
  auto lines = content_lines(result.text);
  for (const auto& l : physical_lines(result.text)) CHECK(l.size() <= 75);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  const auto uid = [](const char* id) { return event_uid("test-cal", id); };
  // Content lines the calendar must hold, each whole.
  const std::string held[] = {
      "NAME:Test calendar",
      "X-WR-CALNAME:Test calendar",
      "REFRESH-INTERVAL;VALUE=DURATION:P1D",
      "X-PUBLISHED-TTL:P1D",
      "SOURCE;VALUE=URI:https://example.org/cal.ics",
      // Timed, in Seoul: TZID and the generated VTIMEZONE; 11:00 + 1 h 40 min.
      "DTSTART;TZID=Asia/Seoul:20251030T110000",
      "DTEND;TZID=Asia/Seoul:20251030T124000",
      "TZID:Asia/Seoul",
      "SUMMARY:Talks\\; day one\\, Seoul: \"first\"",
      "UID:" + uid("talks"),
      "DTSTAMP:20251101T080000Z",
      "LAST-MODIFIED:20251101T080000Z",
      "SEQUENCE:3",
      "GEO:37.5665;126.978",
      "URL:https://example.org/a?b=1;c=2",
      "CATEGORIES:talks,trade",
      "STATUS:CONFIRMED",
      "LOCATION:Hall\\, Seoul\\, KR",
      // Relations: before = FINISHTOSTART with GAP, during = PARENT, after = DEPENDS-ON, the rest X-DIPCAL.
      "RELATED-TO;RELTYPE=FINISHTOSTART;X-DIPCAL-TYPE=before;GAP=P1D:" + uid("summit"),
      "RELATED-TO;RELTYPE=PARENT:" + uid("summit-week"),
      "RELATED-TO;RELTYPE=DEPENDS-ON;X-DIPCAL-TYPE=after:" + uid("talks"),
      "X-DIPCAL-RELATION;X-DIPCAL-TYPE=overlaps;X-DIPCAL-NOTE=partly:" + uid("summit-week"),
      // All-day: VALUE=DATE, DTEND the day after the last.
      "DTSTART;VALUE=DATE:20251103",
      "DTEND;VALUE=DATE:20251105",
      // A repeated local time and a UTC zone: Z.
      "DTSTART:20261101T053000Z",
      "DTSTART:20250601T120000Z",
      // The window "2026": a one-day tentative marker on 1 Jan 2026, its earliest possible day, with the
      // range (any day of 2026) in DESCRIPTION and the days it may fall on in X-DIPCAL-WINDOW.
      "DTSTART;VALUE=DATE:20260101",
      "DTEND;VALUE=DATE:20260102",
      "STATUS:TENTATIVE",
      "X-DIPCAL-WINDOW:2026-01-01/2026-12-31",
  };
  for (const auto& line : held) {
    CAPTURE(line);
    CHECK(has_line(lines, line));
  }
  CHECK(result.text.find("TZID=UTC") == std::string::npos);  // UTC is written with Z, never as a TZID
  // The window's marker is one day long, not the whole year; the year is in DESCRIPTION.
  CHECK_FALSE(has_line(lines, "DTEND;VALUE=DATE:20270101"));
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.rfind("DESCRIPTION:", 0) == 0 && l.find("starts between Thu 1 Jan 2026 and Thu 31 Dec 2026") != std::string::npos;
  }));
  // Same input, same bytes.
  CHECK(write_calendar(t, all_of(t), props).text == result.text);
}

TEST_CASE("writer: a title with CR and LF and semicolon and comma and colon adds no property") {
  auto t = timeline_of(R"(events:
  - id: evil
    title: "x\r\nDTSTART:19700101T000000Z\nEND:VEVENT\rBEGIN:VTODO;a,b:c"
    start: 2025-07-01
    location: {zone: Europe/Zurich}
)");
  auto text = write_calendar(t, all_of(t), {}).text;
  auto lines = content_lines(text);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("DTSTART", 0) == 0; }) == 1);
  CHECK_FALSE(has_line(lines, "BEGIN:VTODO;a,b:c"));
  CHECK(has_line(lines, "SUMMARY:x\\nDTSTART:19700101T000000Z\\nEND:VEVENT\\nBEGIN:VTODO\\;a\\,b:c"));
  CHECK(std::count(lines.begin(), lines.end(), "END:VEVENT") == 1);
}

TEST_CASE("writer: a calendar written on several threads is the bytes one thread writes") {
  // 13,000 generated events (dozens of zones, undated events left out with a warning, relations
  // across the whole calendar): enough for three runs of events, whose VTIMEZONE spans must merge.
  GenerateOptions options;
  options.events = 13'000;
  options.seed = 5;
  LoadResult loaded;
  generate_calendar(options, [&](const std::string& name, const std::string& text) { load_fixture_text(text, name, loaded); });
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  CalendarProperties properties;
  properties.name = "generated";
  auto forward = chronological_order(loaded.timeline);
  auto backward = std::vector<std::size_t>(forward.rbegin(), forward.rend());
  for (const auto* order : {&forward, &backward}) {  // either run may hold a zone's first and last time
    auto one = write_calendar(loaded.timeline, *order, properties, 1);
    REQUIRE(one.events_written > 12'000);
    REQUIRE_FALSE(one.warnings.empty());
    for (unsigned threads : {2u, 3u, 8u}) {
      CAPTURE(threads);
      auto many = write_calendar(loaded.timeline, *order, properties, threads);
      CHECK(many.text == one.text);
      CHECK(many.events_written == one.events_written);
      CHECK(many.warnings == one.warnings);
    }
  }
}

TEST_CASE("import: dipcal's own export comes back as the same events") {
  auto t = timeline_of(kFixture);
  CalendarProperties props{"Test calendar", "test-cal", ""};
  auto first = write_calendar(t, all_of(t), props).text;
  auto imported = import_calendars({{"in.ics", parse_stream(first)}}, {});
  CHECK(imported.count(ImportNote::Kind::event_lost) == 0);
  CHECK(imported.calendar.id == "test-cal");
  CHECK(imported.calendar.title == "Test calendar");
  REQUIRE(imported.events.size() == 6);
  const auto& talks = *std::find_if(imported.events.begin(), imported.events.end(), [](const Event& e) { return e.id == "talks"; });
  CHECK(talks.title == "Talks; day one, Seoul: \"first\"");
  CHECK(talks.status == EventStatus::held);
  CHECK(talks.aliases == std::vector<std::string>{"seoul-talks"});
  CHECK(talks.actors == std::vector<std::string>{"A. Person", "B, Other"});
  REQUIRE(talks.sources.size() == 1);
  CHECK(talks.sources[0].quote == "said \"yes\"");
  CHECK(talks.sources[0].url == "https://example.org/a?b=1;c=2");
  CHECK(talks.notes == "Two lines\nof notes");
  REQUIRE(talks.relations.size() == 2);
  CHECK(talks.relations[0].type == RelationType::before);
  CHECK(talks.relations[0].gap.min == hours{24});
  CHECK(talks.relations[1].type == RelationType::during);
  CHECK(std::get<Timed>(talks.time).start == utc(2025, 10, 30, 2));
  // The fixture written from it loads, and exports to the same bytes.
  auto yaml = write_fixture(imported.calendar, imported.events, "../schemas/dipcal-fixture.schema.json");
  CHECK(yaml.rfind("# yaml-language-server: $schema=../schemas/dipcal-fixture.schema.json\n", 0) == 0);
  auto again = timeline_of(yaml);
  CHECK(write_calendar(again, all_of(again), props).text == first);
}

TEST_CASE("import: other tools' files") {
  const char* outlook =
      "BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
      "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Talks\r\nDTSTART;TZID=Korea Standard Time:20251030T110000\r\n"
      "DURATION:PT1H40M\r\nCATEGORIES:Meeting,Trade Talks\r\nBEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Inside\r\nDTSTART;TZID=Korea Standard Time:20251030T113000\r\n"
      "RELATED-TO;RELTYPE=PARENT:a\r\nRELATED-TO;RELTYPE=SIBLING:a\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Floating\r\nDTSTART:20251030T110000\r\nEND:VEVENT\r\n"
      "BEGIN:VTODO\r\nUID:d\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
  auto table = std::get<WindowsZones>(WindowsZones::load(std::string{DIPCAL_SOURCE_DIR} + "/data/windowsZones.tsv"));
  ImportOptions options;
  options.windows = &table;
  auto result = import_calendars({{"outlook.ics", parse_stream(outlook)}}, options);
  REQUIRE(result.events.size() == 2);
  CHECK(result.events[0].id == "talks");
  CHECK(result.events[0].zone.name() == "Asia/Seoul");
  CHECK(result.events[0].kind == EventKind::meeting);  // the category that names a kind
  CHECK(result.events[0].tags == std::vector<std::string>{"trade-talks"});
  CHECK(std::get<Timed>(result.events[0].time).end == utc(2025, 10, 30, 3, 40));
  REQUIRE(result.events[1].relations.size() == 1);
  CHECK(result.events[1].relations[0].type == RelationType::during);
  CHECK(result.events[1].relations[0].target == "talks");
  CHECK(result.count(ImportNote::Kind::event_lost) == 1);  // the floating time
  CHECK(result.count(ImportNote::Kind::left_out) == 2);    // the VALARM and the VTODO
  auto says = [&](std::string_view text) {
    return std::any_of(result.notes.begin(), result.notes.end(), [&](const ImportNote& n) { return n.message.find(text) != std::string::npos; });
  };
  CHECK(says("floating time"));
  CHECK(says("RELTYPE=SIBLING"));
  // With --tz the floating time reads in that zone: 11:00 EST = 16:00Z.
  options.default_zone = zone("America/New_York");
  auto with_tz = import_calendars({{"outlook.ics", parse_stream(outlook)}}, options);
  REQUIRE(with_tz.events.size() == 3);
  CHECK(std::get<Timed>(with_tz.events[2].time).start == utc(2025, 10, 30, 15));  // EDT until 2 Nov: 11:00-04:00
}

TEST_CASE("fixture YAML: strings that YAML 1.1 would read as something else are quoted") {
  struct Case {
    std::string_view text;
    std::string_view written;
  };
  const Case cases[] = {
      {"Trade talks, Busan", "Trade talks, Busan"},
      {"US\xE2\x80\x93" "China", "US\xE2\x80\x93" "China"},
      {"2025", "\"2025\""},
      {"yes", "\"yes\""},
      {"NO", "\"NO\""},
      {"a: b", "\"a: b\""},
      {"- item", "\"- item\""},
      {"note#1", "note#1"},
      {"note #1", "\"note #1\""},  // " #" starts a comment
      {"line\nbreak", "\"line\\nbreak\""},
      {"", "\"\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(yaml_string(c.text) == c.written);
  }
  CHECK(yaml_string("a, b", true) == "\"a, b\"");  // in a flow sequence a comma ends the item
}
