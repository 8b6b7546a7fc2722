// Loading fixtures (dipcal/fixture/load.h). Positions are worked out from the fixture text itself (the
// line and column of a marker string, see `where`), never taken from dipcal; instants were computed
// by hand from the zones' offsets (Asia/Seoul is +09:00 all year; New York's readings are checked
// with Python's zoneinfo in test_zone.cpp).
#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

using namespace dipcal;
namespace fs = std::filesystem;

namespace {

// Values as text, so that a failed check shows them.
std::string iso(Instant i) { return to_rfc3339(i); }
std::string iso(const std::optional<Instant>& i) { return i ? to_rfc3339(*i) : "(none)"; }
std::string iso(CivilDate d) { return to_string(d); }
std::string iso(const std::optional<CivilDate>& d) { return d ? to_string(*d) : "(none)"; }

LoadResult load(std::string_view text, const std::string& file = "t.yaml") {
  LoadResult result;
  load_fixture_text(text, file, result);
  return result;
}

// 1-based line and column of the n-th (0-based) occurrence of `needle` in `text`.
std::pair<int, int> where(std::string_view text, std::string_view needle, int n = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < n && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE_MESSAGE(at != std::string_view::npos, "marker not in the fixture: " << needle);
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(at - line_start + 1)};
}

std::string dump(const Diagnostics& d) {
  std::string text;
  for (const auto& item : d.all()) text += format_diagnostic(item) + "\n";
  return text;
}

// The one diagnostic whose message contains `part`.
const Diagnostic& find(const Diagnostics& d, std::string_view part) {
  const Diagnostic* found = nullptr;
  int count = 0;
  for (const auto& item : d.all())
    if (item.message.find(part) != std::string::npos) {
      found = &item;
      ++count;
    }
  INFO("diagnostics:\n" << dump(d));
  REQUIRE_MESSAGE(count == 1, "expected one diagnostic containing '" << part << "', found " << count);
  return *found;
}

void check_at(const Diagnostic& d, std::pair<int, int> expected, const std::string& file = "t.yaml") {
  INFO(format_diagnostic(d));
  CHECK(d.where.file == file);
  CHECK(d.where.line == expected.first);
  CHECK(d.where.col == expected.second);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

const Event& only_event(const LoadResult& r) {
  INFO("diagnostics:\n" << dump(r.diagnostics));
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.timeline.size() == 1);
  return r.timeline.at(0);
}

// A folder under the system's temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("dipcal-unit-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path write(const std::string& name, std::string_view text) const {
    auto p = path / name;
    std::ofstream out{p, std::ios::binary};
    out << text;
    return p;
  }
};

}  // namespace

TEST_CASE("load: a valid all-day event") {
  constexpr std::string_view text = R"(# yaml-language-server: $schema=../schemas/dipcal-fixture.schema.json
calendar: {id: apec-2025, title: APEC 2025}
events:
  - id: apec-leaders
    title: APEC leaders' meeting
    kind: summit
    status: confirmed
    aliases: [apec]
    start: 2025-10-31
    end: 2025-11-01
    location: {name: Hilton, city: Gyeongju, country: KR, zone: Asia/Seoul, geo: {lat: 35.84, lon: 129.21}}
    tags: [asia, trade]
    actors: [Xi Jinping, Lee Jae-myung]
)";
  auto r = load(text);
  const auto& e = only_event(r);
  CHECK(e.id == "apec-leaders");
  CHECK(e.title == "APEC leaders' meeting");
  CHECK(e.kind == EventKind::summit);
  CHECK(e.status == EventStatus::confirmed);
  CHECK(e.aliases == std::vector<std::string>{"apec"});
  CHECK(e.calendar == "apec-2025");
  CHECK(e.zone.name() == "Asia/Seoul");
  CHECK(e.location.city == "Gyeongju");
  REQUIRE(e.location.geo);
  CHECK(e.location.geo->lat == doctest::Approx(35.84));
  CHECK(e.actors.size() == 2);
  CHECK(e.where.line == where(text, "apec-leaders").first);
  CHECK(e.where.col == where(text, "apec-leaders").second);
  const auto* all_day = std::get_if<AllDay>(&e.time);
  REQUIRE(all_day != nullptr);
  CHECK(iso(all_day->first) == "2025-10-31");
  CHECK(iso(all_day->last) == "2025-11-01");  // inclusive, as written
  CHECK(e.all_day());
  CHECK(e.dated());
  // Midnight 31 Oct KST = 30 Oct 15:00Z; the end is midnight after 1 Nov, = 1 Nov 15:00Z.
  CHECK(iso(e.start_utc()) == "2025-10-30T15:00:00Z");
  CHECK(iso(e.end_utc()) == "2025-11-01T15:00:00Z");
}

TEST_CASE("load: a one-day event and the defaults") {
  auto r = load(R"(events:
  - id: one-day
    title: One day
    start: 2025-10-25
    location: {zone: Pacific/Kiritimati}
)");
  const auto& e = only_event(r);
  const auto* all_day = std::get_if<AllDay>(&e.time);
  REQUIRE(all_day != nullptr);
  CHECK(all_day->first == all_day->last);
  CHECK(e.kind == EventKind::other);
  CHECK(e.status == EventStatus::scheduled);
  // Kiritimati is +14: 25 Oct starts at 24 Oct 10:00Z and ends 24 hours later.
  CHECK(iso(e.start_utc()) == "2025-10-24T10:00:00Z");
  CHECK(iso(e.end_utc()) == "2025-10-25T10:00:00Z");
}

TEST_CASE("load: a timed event with a duration") {
  auto r = load(R"(events:
  - id: busan-trump-xi
    title: Trump-Xi meeting
    start: 2025-10-30T11:00
    duration: PT1H40M
    location: {city: Busan, zone: Asia/Seoul}
)");
  const auto& e = only_event(r);
  const auto* timed = std::get_if<Timed>(&e.time);
  REQUIRE(timed != nullptr);
  CHECK(iso(timed->start) == "2025-10-30T02:00:00Z");  // 11:00 KST
  CHECK(iso(timed->end) == "2025-10-30T03:40:00Z");
  CHECK_FALSE(e.all_day());
}

TEST_CASE("load: a timed event with an end, and one that is an instant") {
  auto r = load(R"(events:
  - id: with-end
    title: With an end
    start: 2025-10-30T11:00
    end: 2025-10-30T12:40:30
    location: {zone: Asia/Seoul}
  - id: instant
    title: An instant
    start: 2025-10-30T23:59
    location: {zone: Asia/Seoul}
)");
  INFO(dump(r.diagnostics));
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.timeline.size() == 2);
  const auto& with_end = std::get<Timed>(r.timeline.at(0).time);
  CHECK(iso(with_end.end) == "2025-10-30T03:40:30Z");
  const auto& instant = std::get<Timed>(r.timeline.at(1).time);
  CHECK(iso(instant.start) == "2025-10-30T14:59:00Z");
  CHECK(instant.end == instant.start);
}

TEST_CASE("load: an offset picks one reading of a repeated local time") {
  auto r = load(R"(events:
  - id: second-reading
    title: The second 01:30
    start: 2025-11-02T01:30-05:00
    location: {zone: America/New_York}
  - id: first-reading
    title: The first 01:30
    start: 2025-11-02T01:30-04:00
    location: {zone: America/New_York}
)");
  INFO(dump(r.diagnostics));
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.timeline.size() == 2);
  CHECK(iso(r.timeline.at(0).start_utc()) == "2025-11-02T06:30:00Z");  // EST
  CHECK(iso(r.timeline.at(1).start_utc()) == "2025-11-02T05:30:00Z");  // EDT
}

TEST_CASE("load: a local time in a DST gap is an error") {
  constexpr std::string_view text = R"(events:
  - id: gap
    title: In the gap
    start: 2025-03-09T02:30
    location: {zone: America/New_York}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  CHECK(r.diagnostics.error_count() == 1);
  const auto& d = find(r.diagnostics, "does not exist");
  check_at(d, where(text, "2025-03-09T02:30"));
  CHECK(contains(d.message, "gap"));
  CHECK(contains(d.message, "America/New_York"));
}

TEST_CASE("load: a repeated local time without an offset is an error") {
  constexpr std::string_view text = R"(events:
  - id: overlap
    title: In the overlap
    start: 2025-11-02T01:30
    location: {zone: America/New_York}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "occurs twice");
  check_at(d, where(text, "2025-11-02T01:30"));
  CHECK(contains(d.message, "overlap"));
  // The suggestion writes out both readings.
  CHECK(contains(d.suggestion, "2025-11-02T01:30-04:00"));
  CHECK(contains(d.suggestion, "2025-11-02T01:30-05:00"));
}

TEST_CASE("load: an offset that matches no reading of the zone is an instant, with a warning") {
  constexpr std::string_view text = R"(events:
  - id: wrong-offset
    title: Seoul is +09:00
    start: 2025-10-30T11:00+08:00
    location: {zone: Asia/Seoul}
)";
  auto r = load(text);
  CHECK_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.timeline.size() == 1);
  // 11:00+08:00 is 03:00Z, which Seoul (+09:00, no DST since 1988) reads as 12:00.
  CHECK(std::get<Timed>(r.timeline.at(0).time).start == *parse_rfc3339("2025-10-30T03:00:00Z"));
  const auto& d = find(r.diagnostics, "+08:00");
  CHECK(d.severity == Severity::warning);
  check_at(d, where(text, "2025-10-30T11:00+08:00"));
  CHECK(contains(d.message, "is 2025-10-30T12:00 in Asia/Seoul (+09:00)"));
  CHECK(contains(d.suggestion, "write 2025-10-30T12:00"));
}

TEST_CASE("load: an unknown key suggests the known one") {
  constexpr std::string_view text = R"(events:
  - id: typo
    titel: A typo
    location: {zone: Asia/Seoul}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "unknown key 'titel'");
  check_at(d, where(text, "titel"));  // line 3, column 5
  CHECK(d.where.line == 3);
  CHECK(d.where.col == 5);
  CHECK(d.suggestion == "did you mean title?");
  CHECK(contains(format_diagnostic(d), "t.yaml:3:5: error: unknown key 'titel'"));
}

TEST_CASE("load: ids are unique across files") {
  constexpr std::string_view first = R"(events:
  - id: talks
    title: First
    location: {zone: Asia/Seoul}
)";
  constexpr std::string_view second = R"(# another file
events:
  - id: talks
    title: Second
    location: {zone: Asia/Seoul}
)";
  LoadResult r;
  load_fixture_text(first, "a.yaml", r);
  load_fixture_text(second, "b.yaml", r);
  CHECK(r.timeline.size() == 1);
  CHECK(r.timeline.at(0).title == "First");
  const auto& d = find(r.diagnostics, "duplicate event id 'talks'");
  check_at(d, where(second, "talks"), "b.yaml");
  REQUIRE(d.notes.size() == 1);
  auto [line, col] = where(first, "talks");
  CHECK(contains(d.notes[0], "a.yaml:" + std::to_string(line) + ":" + std::to_string(col)));
}

TEST_CASE("load: an alias may not repeat an id") {
  auto r = load(R"(events:
  - id: first
    title: First
    location: {zone: Asia/Seoul}
  - id: second
    title: Second
    aliases: [first]
    location: {zone: Asia/Seoul}
)");
  CHECK(r.timeline.size() == 1);
  find(r.diagnostics, "alias 'first'");
}

TEST_CASE("load: a misspelled zone suggests the real one") {
  constexpr std::string_view text = R"(events:
  - id: seoul
    title: Seoul
    location: {city: Seoul, zone: Asia/Seol}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "unknown zone 'Asia/Seol'");
  check_at(d, where(text, "Asia/Seol"));
  CHECK(contains(d.suggestion, "Asia/Seoul"));
}

TEST_CASE("load: a country with one zone gives the zone") {
  auto r = load(R"(events:
  - id: seoul
    title: Seoul
    start: 2025-10-30T11:00
    location: {city: Seoul, country: KR}
)");
  const auto& e = only_event(r);
  CHECK(e.zone.name() == "Asia/Seoul");
  CHECK(iso(e.start_utc()) == "2025-10-30T02:00:00Z");
}

TEST_CASE("load: a country with several zones needs one named") {
  constexpr std::string_view text = R"(events:
  - id: somewhere-in-the-us
    title: Somewhere in the US
    location: {country: US}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "country US has");
  check_at(d, where(text, "US}"));
  CHECK(contains(d.suggestion, "America/New_York"));
  CHECK(contains(d.suggestion, "America/Los_Angeles"));
}

TEST_CASE("load: an event without a zone is an error") {
  auto r = load(R"(events:
  - id: nowhere
    title: Nowhere
    start: 2025-10-30
)");
  CHECK(r.timeline.size() == 0);
  find(r.diagnostics, "has no zone");
}

TEST_CASE("load: anchors and aliases are refused") {
  constexpr std::string_view text = R"(events:
  - id: first
    title: First
    location: &seoul {zone: Asia/Seoul}
  - id: second
    title: Second
    location: *seoul
)";
  auto r = load(text);
  CHECK(r.diagnostics.has_errors());
  check_at(find(r.diagnostics, "anchors and aliases"), where(text, "&seoul"));
}

TEST_CASE("load: one YAML document per file") {
  constexpr std::string_view text = R"(events: []
---
events:
  - id: sneaky
    title: Sneaky
    location: {zone: Asia/Seoul}
)";
  auto r = load(text);
  CHECK(r.diagnostics.has_errors());
  check_at(find(r.diagnostics, "second YAML document"), where(text, "---"));
}

TEST_CASE("load: a NUL byte is reported where it is") {
  using namespace std::string_literals;
  auto text = "events:\n  - id: a\0b\n"s;  // the NUL is the 10th byte of line 2
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "NUL");
  check_at(d, {2, 10});
}

TEST_CASE("load: bytes that are not UTF-8 are reported where they are") {
  // Latin-1 "é" (0xE9) in a comment: line 3, after "# caf".
  auto r = load("events: []\n#\n# caf\xE9\n");
  const auto& d = find(r.diagnostics, "not UTF-8");
  check_at(d, {3, 6});
  CHECK(contains(d.message, "0xE9"));

  // An overlong encoding of '/' (0xC0 0xAF) is not UTF-8 either.
  auto overlong = load("events: []\n# a\xC0\xAF\n");
  check_at(find(overlong.diagnostics, "not UTF-8"), {2, 4});

  // A lone continuation byte at the very start.
  auto lone = load("\x80" "events: []\n");
  check_at(find(lone.diagnostics, "not UTF-8"), {1, 1});

  // Well-formed UTF-8 outside ASCII is fine.
  auto fine = load("# Séoul – 서울 🙂\nevents: []\n");
  CHECK_FALSE(fine.diagnostics.has_errors());
}

TEST_CASE("load: a byte-order mark is accepted") {
  auto r = load("\xEF\xBB\xBF" R"(events:
  - id: bom
    title: After a BOM
    start: 2025-10-30
    location: {zone: Asia/Seoul}
)");
  const auto& e = only_event(r);
  CHECK(e.id == "bom");

  // Positions on the first line are not shifted by the mark.
  auto typo = load("\xEF\xBB\xBF" "evnts: []\n");
  check_at(find(typo.diagnostics, "unknown key 'evnts'"), {1, 1});
}

TEST_CASE("load: tabs for indentation are a YAML error, not a crash") {
  auto r = load("events:\n\t- id: tabbed\n\t  title: Tabbed\n\t  location: {zone: Asia/Seoul}\n");
  CHECK(r.diagnostics.has_errors());
  CHECK(r.timeline.size() == 0);
  bool yaml_error = false;
  for (const auto& d : r.diagnostics.all()) yaml_error |= contains(d.message, "YAML");
  INFO(dump(r.diagnostics));
  CHECK(yaml_error);
}

TEST_CASE("load: deep nesting gives a clear error and no crash") {
  auto flow = load(std::string(100000, '['));
  const auto& d = find(flow.diagnostics, "nesting deeper than 64 levels");
  check_at(d, {1, 65});  // the 65th bracket is the first too many

  auto maps = load("events: " + std::string(100000, '{'));
  find(maps.diagnostics, "nesting deeper");

  std::string dashes = "events:\n  ";
  for (int i = 0; i < 100000; ++i) dashes += "- ";
  dashes += "x\n";
  auto seqs = load(dashes);
  find(seqs.diagnostics, "nesting deeper");

  std::string indented = "events:\n";
  for (int depth = 0; depth < 2000; ++depth) indented += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "k" + std::to_string(depth) + ":\n";
  auto deep_maps = load(indented);
  CHECK(deep_maps.diagnostics.has_errors());
}

TEST_CASE("load: an empty file") {
  auto r = load("");
  const auto& d = find(r.diagnostics, "empty");
  check_at(d, {1, 1});

  auto comments = load("# nothing here\n");
  find(comments.diagnostics, "empty");
}

TEST_CASE("load: events must be a list") {
  auto empty_list = load("events: []\n");
  CHECK_FALSE(empty_list.diagnostics.has_errors());
  CHECK(empty_list.timeline.size() == 0);

  // `events:` with nothing after it is null, not an empty list. The error belongs to the `events`
  // line, not to whatever follows it.
  constexpr std::string_view null_text = "events:\ncalendar: {id: c, title: C}\n";
  auto null_events = load(null_text);
  CHECK(null_events.timeline.size() == 0);
  const auto& d = find(null_events.diagnostics, "events must be a list");
  CHECK(d.where.line == where(null_text, "events:").first);

  auto missing = load("calendar: {id: c, title: C}\n");
  find(missing.diagnostics, "no events list");
}

TEST_CASE("load: a plain number is not a title") {
  constexpr std::string_view text = R"(events:
  - id: numbered
    title: 2025
    location: {zone: Asia/Seoul}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "title must be a string");
  check_at(d, where(text, "2025"));
  CHECK(contains(d.message, "number"));
  CHECK(contains(d.suggestion, "\"2025\""));

  auto quoted = load(R"(events:
  - id: numbered
    title: "2025"
    location: {zone: Asia/Seoul}
)");
  CHECK(only_event(quoted).title == "2025");
}

TEST_CASE("load: YAML 1.1 booleans are not strings") {
  constexpr std::string_view text = R"(events:
  - id: norway
    title: Oslo
    location: {country: NO}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  const auto& d = find(r.diagnostics, "country must be a string");
  check_at(d, where(text, "NO}"));
}

TEST_CASE("load: an undated event is a window with no bounds") {
  auto r = load(R"(events:
  - id: follow-up
    title: Follow-up, date open
    status: tentative
    location: {zone: Asia/Seoul}
)");
  const auto& e = only_event(r);
  const auto* w = std::get_if<Window>(&e.time);
  REQUIRE(w != nullptr);
  CHECK_FALSE(w->earliest_first);
  CHECK_FALSE(w->latest_first);
  CHECK_FALSE(w->earliest_last);
  CHECK_FALSE(w->latest_last);
  CHECK_FALSE(e.dated());
  CHECK_FALSE(e.start_utc());
  CHECK_FALSE(e.end_utc());
}

TEST_CASE("load: an EDTF start gives a window") {
  auto r = load(R"(events:
  - id: november
    title: Some time in November
    start: 2025-11
    location: {zone: Asia/Seoul}
  - id: around-november
    title: Around November, ending in December
    start: 2025-11~
    end: 2025-12
    location: {zone: Asia/Seoul}
)");
  INFO(dump(r.diagnostics));
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.timeline.size() == 2);

  const auto& november = std::get<Window>(r.timeline.at(0).time);
  CHECK(iso(november.earliest_first) == "2025-11-01");
  CHECK(iso(november.latest_first) == "2025-11-30");
  CHECK(iso(november.earliest_last) == "2025-11-01");
  CHECK(iso(november.latest_last) == "2025-11-30");
  CHECK(november.start_text == "2025-11");
  CHECK_FALSE(r.timeline.at(0).dated());

  // 1 Nov - 15 days = 17 Oct; 30 Nov + 15 days = 15 Dec. The end is December, 1-31 Dec.
  const auto& around = std::get<Window>(r.timeline.at(1).time);
  CHECK(iso(around.earliest_first) == "2025-10-17");
  CHECK(iso(around.latest_first) == "2025-12-15");
  CHECK(iso(around.earliest_last) == "2025-12-01");
  CHECK(iso(around.latest_last) == "2025-12-31");
  CHECK(around.end_text == "2025-12");
}

TEST_CASE("load: a bad EDTF date points into the text") {
  constexpr std::string_view text = R"(events:
  - id: bad-month
    title: Month 13
    start: 2025-13
    location: {zone: Asia/Seoul}
  - id: quoted-bad-month
    title: Month 13, quoted
    start: "2025-13"
    location: {zone: Asia/Seoul}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  REQUIRE(r.diagnostics.error_count() == 2);
  // The month "13" starts 5 characters into the value (and one more past an opening quote).
  auto [line, col] = where(text, "2025-13");
  check_at(r.diagnostics.all()[0], {line, col + 5});
  auto [qline, qcol] = where(text, "\"2025-13\"");
  check_at(r.diagnostics.all()[1], {qline, qcol + 6});
}

TEST_CASE("load: relations to unknown events are reported once everything is loaded") {
  TempDir dir;
  constexpr std::string_view a = R"(events:
  - id: alpha
    title: Alpha
    location: {zone: Asia/Seoul}
    relations:
      - type: before
        event: bravo
      - type: prepares
        event: charlee
)";
  constexpr std::string_view b = R"(events:
  - id: bravo
    title: Bravo
    location: {zone: Asia/Seoul}
  - id: charlie
    title: Charlie
    location: {zone: Asia/Seoul}
)";
  auto path_a = dir.write("a.yaml", a);
  dir.write("b.yml", b);
  dir.write("notes.txt", "not a fixture");
  auto r = load_fixtures({dir.path});
  CHECK_FALSE(r.io_error);
  REQUIRE(r.files.size() == 2);  // a.yaml and b.yml, sorted; notes.txt is not a fixture
  CHECK(r.files[0].filename() == "a.yaml");
  CHECK(r.files[1].filename() == "b.yml");
  CHECK(r.timeline.size() == 3);
  // "bravo" is defined in the later file: a forward reference is fine. "charlee" is not.
  REQUIRE(r.diagnostics.error_count() == 1);
  const auto& d = find(r.diagnostics, "unknown event 'charlee'");
  // The relation's position is its mapping, which starts at its first key.
  check_at(d, where(a, "type: prepares"), path_a.string());
  CHECK(d.suggestion == "did you mean charlie?");
}

TEST_CASE("load: a path that does not exist is an I/O error") {
  TempDir dir;
  auto r = load_fixtures({dir.path / "missing.yaml"});
  CHECK(r.io_error);
  CHECK(r.diagnostics.has_errors());
}

TEST_CASE("load: every error in a file is reported") {
  constexpr std::string_view text = R"(events:
  - id: one
    title: One
    kind: sumit
    location: {zone: Asia/Seoul}
  - id: two
    title: Two
    start: 2025-02-30
    location: {zone: Asia/Seoul}
  - id: three
    title: Three
    start: 2025-10-30T11:00
    duration: 1h40m
    location: {zone: Asia/Seoul}
  - id: four
    title: Four
    location: {zone: Asia/Seoul, geo: {lat: 95, lon: 0}}
)";
  auto r = load(text);
  CHECK(r.timeline.size() == 0);
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.error_count() == 4);
  check_at(find(r.diagnostics, "unknown kind 'sumit'"), where(text, "sumit"));
  CHECK(find(r.diagnostics, "unknown kind 'sumit'").suggestion == "did you mean summit?");
  CHECK(find(r.diagnostics, "2025-02-30").where.line == where(text, "2025-02-30").first);
  check_at(find(r.diagnostics, "not a duration"), where(text, "1h40m"));
  check_at(find(r.diagnostics, "lat must be"), where(text, "95"));
}

TEST_CASE("load: 24:00 is refused with a hint") {
  constexpr std::string_view text = R"(events:
  - id: midnight
    title: Midnight
    start: 2025-10-30T24:00
    location: {zone: Asia/Seoul}
)";
  auto r = load(text);
  const auto& d = find(r.diagnostics, "not a date-time");
  check_at(d, where(text, "2025-10-30T24:00"));
  CHECK(contains(d.suggestion, "00:00"));
}

TEST_CASE("load: files parsed side by side merge as if read one after the other") {
  // Six files of three events each, so that the threads interleave; names are checked across files
  // in file order, and the event cap counts events in that order too.
  TempDir dir;
  auto file = [](int number, const std::string& extra = "") {
    std::string text = "events:\n";
    for (int i = 0; i < 3; ++i)
      text += fmt::format("  - id: f{}-{}\n    title: T\n    start: 2025-10-30\n    location: {{zone: Asia/Seoul}}\n", number, i);
    return text + extra;
  };
  for (int f = 1; f <= 6; ++f) dir.write(fmt::format("f{}.yaml", f), file(f));
  // f6 repeats an id of f2 and takes an alias that is f3's id.
  auto f6_text = file(6, "  - id: f2-1\n    title: Again\n    start: 2025-10-31\n    location: {zone: Asia/Seoul}\n"
                              "  - id: f6-x\n    aliases: [f3-0]\n    title: Alias\n    start: 2025-10-31\n    location: {zone: Asia/Seoul}\n");
  auto f6 = dir.write("f6.yaml", f6_text);

  auto r = load_fixtures({dir.path});
  REQUIRE(r.timeline.size() == 18);
  for (std::size_t i = 0; i < r.timeline.size(); ++i)  // file order, then order in the file
    CHECK(r.timeline.at(i).id == fmt::format("f{}-{}", i / 3 + 1, i % 3));
  REQUIRE(r.diagnostics.error_count() == 2);
  const auto& dup = find(r.diagnostics, "duplicate event id 'f2-1'");
  check_at(dup, where(f6_text, "f2-1"), f6.string());
  REQUIRE(dup.notes.size() == 1);
  CHECK(dup.notes[0].find("f2.yaml:") != std::string::npos);  // the first one, in the earlier file
  find(r.diagnostics, "alias 'f3-0' of 'f6-x' is already a name of 'f3-0'");

  LoadLimits limits;
  limits.max_events = 7;
  auto capped = load_fixtures({dir.path}, ZoneDb::system(), limits);
  CHECK(capped.events_capped);
  REQUIRE(capped.timeline.size() == 7);
  CHECK(capped.timeline.at(6).id == "f3-0");
  std::size_t cap_errors = 0;
  for (const auto& d : capped.diagnostics.all()) cap_errors += d.message == "more than 7 events";
  CHECK(cap_errors == 1);
  CHECK(find(capped.diagnostics, "more than 7 events").where.file.str().find("f3.yaml") != std::string::npos);
}
