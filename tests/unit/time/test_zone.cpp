// Zones (dipcal/time/zone.h). Every instant and offset below was checked with Python's zoneinfo, an
// independent reader of the same IANA database, e.g.
//   datetime(2025, 11, 2, 1, 30, tzinfo=ZoneInfo("America/New_York"), fold=1).astimezone(timezone.utc)
// fold=0 gives LocalResolution::first (the earlier offset), fold=1 gives second.
#include "dipcal/time/zone.h"

#include <doctest/doctest.h>

#include "support/values.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace dipcal;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

// Values as text, so that a failed check shows them.
std::string iso(Instant i) { return to_rfc3339(i); }
std::string iso(const CivilDateTime& t) { return to_string(t); }

using testing::civil;
using testing::day;
using testing::zone;

Instant utc(std::string_view text) { return testing::instant(text); }

// Resolves `local` in `z` and checks the kind and both readings: `first` read with the offset before
// the change, `second` with the one after it (zone.h's LocalResolution).
LocalResolution check_resolve(const Zone& z, std::string_view local, LocalKind kind, std::string_view first,
                              std::string_view second) {
  INFO(z.name(), " at ", local);
  auto r = z.resolve(civil(local));
  CHECK(r.kind == kind);
  CHECK(iso(r.first) == first);
  CHECK(iso(r.second) == second);
  return r;
}

// A local time that happens once: both readings are the one instant, `at`.
LocalResolution check_unique(const Zone& z, std::string_view local, std::string_view at) {
  return check_resolve(z, local, LocalKind::unique, at, at);
}

// The offset a zone reads at a local time that is not near a transition.
seconds offset_at(const Zone& z, std::string_view local) {
  auto r = z.resolve(civil(local));
  CHECK(r.kind == LocalKind::unique);
  return r.first_offset;
}

}  // namespace

TEST_CASE("UTC") {
  Zone z;
  CHECK(z.name() == "UTC");
  CHECK(z.at(utc("2025-06-01T00:00:00Z")).offset == seconds{0});
  CHECK(ZoneDb::system().utc() == z);
  auto found = ZoneDb::system().find("UTC");
  REQUIRE(found);
  CHECK(found->name() == "UTC");
  check_unique(z, "2025-10-30T11:00", "2025-10-30T11:00:00Z");
}

TEST_CASE("Asia/Kathmandu is +05:45 in 2025 and was +05:30 before 1986") {
  auto z = zone("Asia/Kathmandu");
  auto reading = z.at(utc("2025-06-01T00:00:00Z"));
  CHECK(reading.offset == hours{5} + minutes{45});
  CHECK(reading.abbrev == "+0545");
  CHECK_FALSE(reading.dst);
  check_unique(z, "2025-06-01T00:00", "2025-05-31T18:15:00Z");
  CHECK(offset_at(z, "1980-06-01T00:00") == hours{5} + minutes{30});
}

TEST_CASE("Australia/Lord_Howe moves by half an hour") {
  auto z = zone("Australia/Lord_Howe");
  auto summer = z.at(utc("2025-01-15T00:00:00Z"));
  CHECK(summer.offset == hours{11});
  CHECK(summer.dst);
  auto winter = z.at(utc("2025-07-15T00:00:00Z"));
  CHECK(winter.offset == hours{10} + minutes{30});
  CHECK_FALSE(winter.dst);

  // 6 Apr 2025: 02:00 +11 becomes 01:30 +10:30, so 01:30-02:00 happens twice.
  auto back =
      check_resolve(z, "2025-04-06T01:45", LocalKind::repeated, "2025-04-05T14:45:00Z", "2025-04-05T15:15:00Z");
  CHECK(back.first_offset == hours{11});
  CHECK(back.second_offset == hours{10} + minutes{30});

  // 5 Oct 2025: 02:00 +10:30 becomes 02:30 +11, so 02:00-02:30 never happens.
  auto forward =
      check_resolve(z, "2025-10-05T02:15", LocalKind::skipped, "2025-10-04T15:45:00Z", "2025-10-04T15:15:00Z");
  CHECK(forward.first_offset == hours{10} + minutes{30});
  CHECK(forward.second_offset == hours{11});

  // After 2037 the rule at the end of the zone file still applies: 2 Apr 2045 and 1 Oct 2045.
  CHECK(z.at(utc("2045-01-15T00:00:00Z")).offset == hours{11});
  CHECK(z.at(utc("2045-07-15T00:00:00Z")).offset == hours{10} + minutes{30});
  CHECK(z.resolve(civil("2045-04-02T01:45")).kind == LocalKind::repeated);
  CHECK(z.resolve(civil("2045-10-01T02:15")).kind == LocalKind::skipped);
}

TEST_CASE("Pacific/Apia skipped 30 December 2011") {
  auto z = zone("Pacific/Apia");
  // The clocks went from 23:59:59 on 29 Dec (-10) to 00:00 on 31 Dec (+14) at 2011-12-30T10:00Z.
  auto noon = check_resolve(z, "2011-12-30T12:00", LocalKind::skipped, "2011-12-30T22:00:00Z", "2011-12-29T22:00:00Z");
  CHECK(noon.first_offset == -hours{10});
  CHECK(noon.second_offset == hours{14});
  CHECK(z.resolve(civil("2011-12-30T00:00")).kind == LocalKind::skipped);
  CHECK(z.resolve(civil("2011-12-30T23:59:59")).kind == LocalKind::skipped);

  check_unique(z, "2011-12-29T12:00", "2011-12-29T22:00:00Z");
  check_unique(z, "2011-12-31T12:00", "2011-12-30T22:00:00Z");

  CHECK(iso(z.start_of_day(day("2011-12-31"))) == "2011-12-30T10:00:00Z");
  // The day that did not exist starts when the clocks jumped over it.
  CHECK(iso(z.start_of_day(day("2011-12-30"))) == "2011-12-30T10:00:00Z");
  CHECK(to_string(z.to_civil(utc("2011-12-30T09:59:59Z"))) == "2011-12-29T23:59:59");
  CHECK(to_string(z.to_civil(utc("2011-12-30T10:00:00Z"))) == "2011-12-31T00:00:00");
}

TEST_CASE("Europe/Berlin 2025-10-26T02:30 happens twice") {
  auto z = zone("Europe/Berlin");
  auto r = check_resolve(z, "2025-10-26T02:30", LocalKind::repeated,
                         "2025-10-26T00:30:00Z",   // CEST, +02:00
                         "2025-10-26T01:30:00Z");  // CET, +01:00
  CHECK(r.first_offset == hours{2});
  CHECK(r.second_offset == hours{1});
  CHECK(r.earliest_valid() == r.first);
  CHECK(z.at(r.first).abbrev == "CEST");
  CHECK(z.at(r.second).abbrev == "CET");

  // Spring: 2025-03-30T02:30 does not exist; CET reads it as 01:30Z, CEST as 00:30Z.
  check_resolve(z, "2025-03-30T02:30", LocalKind::skipped, "2025-03-30T01:30:00Z", "2025-03-30T00:30:00Z");
}

TEST_CASE("America/New_York around the 2025 changes") {
  auto z = zone("America/New_York");
  auto fall = check_resolve(z, "2025-11-02T01:30", LocalKind::repeated,
                            "2025-11-02T05:30:00Z",   // EDT
                            "2025-11-02T06:30:00Z");  // EST
  CHECK(fall.first_offset == -hours{4});
  CHECK(fall.second_offset == -hours{5});

  auto spring = check_resolve(z, "2025-03-09T02:30", LocalKind::skipped,
                              "2025-03-09T07:30:00Z",   // read with EST, the offset before the gap
                              "2025-03-09T06:30:00Z");  // read with EDT, the offset after it
  CHECK(spring.first_offset == -hours{5});
  CHECK(spring.second_offset == -hours{4});
  // The clocks jump from 02:00 EST to 03:00 EDT at 07:00Z: that is when 02:30 is passed.
  CHECK(iso(spring.earliest_valid()) == "2025-03-09T07:00:00Z");

  // Just outside the gap and the overlap.
  check_unique(z, "2025-03-09T01:59:59", "2025-03-09T06:59:59Z");  // EST
  check_unique(z, "2025-03-09T03:00", "2025-03-09T07:00:00Z");     // EDT
  check_unique(z, "2025-11-02T00:59:59", "2025-11-02T04:59:59Z");  // EDT
  check_unique(z, "2025-11-02T02:00", "2025-11-02T07:00:00Z");     // EST
}

TEST_CASE("Asia/Seoul 11:00 is 02:00Z, which New York reads as 22:00 the day before") {
  auto seoul = zone("Asia/Seoul");
  auto r = check_unique(seoul, "2025-10-30T11:00", "2025-10-30T02:00:00Z");
  CHECK(seoul.at(r.first).abbrev == "KST");

  auto ny = zone("America/New_York");
  CHECK(iso(ny.to_civil(r.first)) == "2025-10-29T22:00:00");
  auto reading = ny.at(r.first);
  CHECK(reading.abbrev == "EDT");
  CHECK(reading.offset == -hours{4});
  CHECK(reading.dst);
  CHECK(iso(seoul.to_civil(r.first)) == "2025-10-30T11:00:00");
}

TEST_CASE("after 2037 the zone file's rule still applies") {
  // The compiled files list transitions up to 2037; the POSIX rule at their end covers the rest.
  auto ny = zone("America/New_York");
  auto july = ny.at(utc("2040-07-01T16:00:00Z"));
  CHECK(july.offset == -hours{4});
  CHECK(july.abbrev == "EDT");
  CHECK(july.dst);
  auto january = ny.at(utc("2040-01-15T17:00:00Z"));
  CHECK(january.offset == -hours{5});
  CHECK(january.abbrev == "EST");
  CHECK_FALSE(january.dst);
  check_unique(ny, "2040-07-01T12:00", "2040-07-01T16:00:00Z");
  check_unique(ny, "2040-01-15T12:00", "2040-01-15T17:00:00Z");
  // 2040: second Sunday of March is the 11th, first Sunday of November the 4th.
  check_resolve(ny, "2040-03-11T02:30", LocalKind::skipped, "2040-03-11T07:30:00Z", "2040-03-11T06:30:00Z");
  check_resolve(ny, "2040-11-04T01:30", LocalKind::repeated, "2040-11-04T05:30:00Z", "2040-11-04T06:30:00Z");
  CHECK(to_string(ny.to_civil(utc("2040-11-04T05:59:59Z"))) == "2040-11-04T01:59:59");
  CHECK(to_string(ny.to_civil(utc("2040-11-04T06:00:00Z"))) == "2040-11-04T01:00:00");
}

TEST_CASE("America/Nuuk after 2037: a rule with transitions at -1:00 and 0:00") {
  // Footer <-02>2<-01>,M3.5.0/-1,M10.5.0/0: daylight starts on the last Sunday of March at -1:00
  // local standard time (Saturday 23:00 -02 = Sunday 01:00Z) and ends on the last Sunday of October at
  // 0:00 local daylight time (01:00Z).
  auto z = zone("America/Nuuk");
  CHECK(z.at(utc("2040-07-01T12:00:00Z")).offset == -hours{1});
  CHECK(z.at(utc("2040-07-01T12:00:00Z")).dst);
  CHECK(z.at(utc("2040-01-15T12:00:00Z")).offset == -hours{2});
  CHECK_FALSE(z.at(utc("2040-01-15T12:00:00Z")).dst);
  // The transitions of 2040 (25 March and 28 October are the last Sundays).
  CHECK(z.at(utc("2040-03-25T00:59:59Z")).offset == -hours{2});
  CHECK(z.at(utc("2040-03-25T01:00:00Z")).offset == -hours{1});
  CHECK(z.at(utc("2040-10-28T00:59:59Z")).offset == -hours{1});
  CHECK(z.at(utc("2040-10-28T01:00:00Z")).offset == -hours{2});

  // On the Saturday, 23:00-00:00 never happens.
  check_resolve(z, "2040-03-24T23:30", LocalKind::skipped, "2040-03-25T01:30:00Z", "2040-03-25T00:30:00Z");
  check_unique(z, "2040-03-25T00:00", "2040-03-25T01:00:00Z");
  check_resolve(z, "2040-10-27T23:30", LocalKind::repeated, "2040-10-28T00:30:00Z", "2040-10-28T01:30:00Z");
  // Today's readings agree with the same rule.
  CHECK(offset_at(z, "2025-07-01T12:00") == -hours{1});
  CHECK(offset_at(z, "2025-01-15T12:00") == -hours{2});
}

TEST_CASE("before 1970") {
  auto ny = zone("America/New_York");
  auto summer = check_unique(ny, "1950-07-01T12:00", "1950-07-01T16:00:00Z");
  CHECK(ny.at(summer.first).abbrev == "EDT");
  CHECK(ny.at(summer.first).dst);
  auto winter = check_unique(ny, "1950-01-15T12:00", "1950-01-15T17:00:00Z");
  CHECK(ny.at(winter.first).abbrev == "EST");
  CHECK(iso(ny.to_civil(utc("1950-07-01T16:00:00Z"))) == "1950-07-01T12:00:00");
}

TEST_CASE("start_of_day") {
  CHECK(iso(zone("Asia/Seoul").start_of_day(day("2025-10-30"))) == "2025-10-29T15:00:00Z");
  CHECK(iso(zone("Pacific/Kiritimati").start_of_day(day("2025-10-25"))) == "2025-10-24T10:00:00Z");  // +14
  CHECK(iso(Zone{}.start_of_day(day("2025-10-25"))) == "2025-10-25T00:00:00Z");
  // On the day New York falls back, midnight itself is unique (EDT).
  CHECK(iso(zone("America/New_York").start_of_day(day("2025-11-02"))) == "2025-11-02T04:00:00Z");
}

TEST_CASE("start_of_day when midnight is skipped") {
  // America/Santiago, 7 Sep 2025: at 04:00Z the clocks go from 00:00 -04 to 01:00 -03, so the day
  // starts at 04:00Z and the first local time it shows is 01:00.
  auto santiago = zone("America/Santiago");
  check_resolve(santiago, "2025-09-07T00:00", LocalKind::skipped, "2025-09-07T04:00:00Z", "2025-09-07T03:00:00Z");
  CHECK(iso(santiago.start_of_day(day("2025-09-07"))) == "2025-09-07T04:00:00Z");
  CHECK(iso(santiago.to_civil(santiago.start_of_day(day("2025-09-07")))) == "2025-09-07T01:00:00");
  // Asia/Beirut, 30 Mar 2025: 00:00 EET becomes 01:00 EEST at 22:00Z the day before.
  auto beirut = zone("Asia/Beirut");
  CHECK(iso(beirut.start_of_day(day("2025-03-30"))) == "2025-03-29T22:00:00Z");
  // America/Havana, 9 Mar 2025: 00:00 CST becomes 01:00 CDT at 05:00Z.
  CHECK(iso(zone("America/Havana").start_of_day(day("2025-03-09"))) == "2025-03-09T05:00:00Z");
  // Santiago, 6 Apr 2025: the clocks fell back from 24:00 -03 to 23:00 -04 the evening before, so
  // midnight is unique again: 04:00Z.
  CHECK(iso(santiago.start_of_day(day("2025-04-06"))) == "2025-04-06T04:00:00Z");
}

TEST_CASE("Etc/GMT+5 is five hours behind UTC (POSIX signs are inverted in these names)") {
  auto z = zone("Etc/GMT+5");
  CHECK(z.at(utc("2025-06-01T00:00:00Z")).offset == -hours{5});
  CHECK(z.at(utc("2025-06-01T00:00:00Z")).abbrev == "-05");
}

TEST_CASE("ZoneDb: unknown zones suggest the near ones") {
  const auto& db = ZoneDb::system();
  auto result = db.lookup("Asia/Seol");
  REQUIRE_FALSE(result.has_value());
  const auto* error = &result.error();
  CHECK(error->message.find("Asia/Seol") != std::string::npos);
  REQUIRE_FALSE(error->suggestions.empty());
  CHECK(error->suggestions.front() == "Asia/Seoul");

  auto found = db.lookup("Asia/Seoul");
  REQUIRE(found.has_value());
  CHECK(found->name() == "Asia/Seoul");
}

TEST_CASE("ZoneDb: only names the database lists are zones") {
  const auto& db = ZoneDb::system();
  CHECK_FALSE(db.find("../../etc/passwd"));
  CHECK_FALSE(db.find("/etc/passwd"));
  CHECK_FALSE(db.find("Asia/../../../etc/passwd"));
  CHECK_FALSE(db.find("Asia/Seoul/"));
  CHECK_FALSE(db.find("asia/seoul"));  // names are case-sensitive
  CHECK_FALSE(db.find(""));
  CHECK_FALSE(db.find("Asia"));
  CHECK_FALSE(db.find("zone1970.tab"));
  CHECK_FALSE(db.find("tzdata.zi"));
  CHECK_FALSE(db.lookup("../../etc/passwd").has_value());
  CHECK_FALSE(db.lookup("/etc/passwd").has_value());
}

TEST_CASE("ZoneDb: links are zones too, and a zone found twice is the same zone") {
  const auto& db = ZoneDb::system();
  auto eastern = db.find("US/Eastern");  // "L America/New_York US/Eastern" in tzdata.zi
  REQUIRE(eastern);
  CHECK(iso(eastern->resolve(civil("2025-11-02T01:30")).first) == "2025-11-02T05:30:00Z");
  auto a = db.find("Asia/Seoul");
  auto b = db.find("Asia/Seoul");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  CHECK_FALSE(*a == zone("Asia/Tokyo"));
}

TEST_CASE("ZoneDb: zones of a country from zone1970.tab") {
  const auto& db = ZoneDb::system();
  CHECK(db.zones_for_country("KR") == std::vector<std::string>{"Asia/Seoul"});
  auto us = db.zones_for_country("US");
  CHECK(us.size() > 10);
  auto has = [&](const char* name) { return std::find(us.begin(), us.end(), name) != us.end(); };
  CHECK(has("America/New_York"));
  CHECK(has("America/Los_Angeles"));
  CHECK(has("Pacific/Honolulu"));
  CHECK(db.zones_for_country("ZZ").empty());
  CHECK(db.zones_for_country("kr").empty());
  CHECK(db.zones_for_country("").empty());
}

TEST_CASE("ZoneDb: names and version") {
  const auto& db = ZoneDb::system();
  const auto& names = db.names();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::binary_search(names.begin(), names.end(), "Asia/Seoul"));
  CHECK(std::binary_search(names.begin(), names.end(), "America/Nuuk"));
  CHECK(std::binary_search(names.begin(), names.end(), "US/Eastern"));

  std::ifstream zi{"/usr/share/zoneinfo/tzdata.zi"};
  REQUIRE(zi);
  std::string first_line;
  std::getline(zi, first_line);
  const std::string prefix = "# version ";
  REQUIRE(first_line.rfind(prefix, 0) == 0);
  CHECK(db.version() != "unknown");
  CHECK(db.version() == first_line.substr(prefix.size()));
}

// Legacy and fixed-offset names, read against tzdata's `backward` file (tzdata.zi's L lines) and
// zone.tab by hand: EST is fixed UTC−05:00 (a link to America/Panama since 2024b), Etc/GMT+3 is UTC−03:00
// (POSIX sign), US/Eastern is an old name of America/New_York; Europe/Luxembourg is zone.tab's zone for LU.
TEST_CASE("ZoneDb::advice names the zone to write for legacy and fixed-offset names") {
  const auto& db = dipcal::ZoneDb::system();
  auto est = db.advice("EST");
  REQUIRE(est);
  CHECK(est->message.find("UTC−05:00 all year") != std::string::npos);
  CHECK(est->suggestion == "write America/New_York");
  auto etc = db.advice("Etc/GMT+3");
  REQUIRE(etc);
  CHECK(etc->message.find("UTC−03:00") != std::string::npos);
  CHECK(db.advice("Etc/GMT-14")->message.find("UTC+14:00") != std::string::npos);
  auto eastern = db.advice("US/Eastern");
  REQUIRE(eastern);
  CHECK(eastern->suggestion == "write America/New_York");
  CHECK(db.advice("Asia/Calcutta")->suggestion == "write Asia/Kolkata");
  CHECK_FALSE(db.advice("Europe/Brussels"));
  CHECK_FALSE(db.advice("UTC"));
  CHECK_FALSE(db.advice("Etc/GMT"));
  CHECK_FALSE(db.advice("Europe/Luxembourg"));
}
