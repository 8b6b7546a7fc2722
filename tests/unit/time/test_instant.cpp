// Instants and RFC 3339 (dipcal/time/instant.h). Unix seconds were checked with Python's
// calendar.timegm; offsets by hand.
#include "dipcal/time/instant.h"

#include <doctest/doctest.h>

#include "support/cases.h"

#include <chrono>

using namespace dipcal;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST_CASE("to_rfc3339 writes UTC with a Z") {
  CHECK(to_rfc3339(Instant::from_unix(0)) == "1970-01-01T00:00:00Z");
  CHECK(to_rfc3339(Instant::from_unix(1761789600)) == "2025-10-30T02:00:00Z");  // timegm((2025,10,30,2,0,0))
  CHECK(to_rfc3339(Instant::from_unix(4133980799)) == "2100-12-31T23:59:59Z");  // timegm((2100,12,31,23,59,59))
}

TEST_CASE("the four-digit years' edges, and years beyond them in the civil format") {
  CHECK(to_rfc3339(Instant::from_unix(-62167219200)) == "0000-01-01T00:00:00Z");  // timegm((1,1,1,…)) − 366 days (year 0 leaps)
  CHECK(to_rfc3339(Instant::from_unix(253402300799)) == "9999-12-31T23:59:59Z");  // timegm((9999,12,31,23,59,59))
  CHECK(to_rfc3339(Instant::from_unix(253402300800)) == "10000-01-01T00:00:00Z");
  CHECK(to_rfc3339(Instant::from_unix(-62167219201)) == "-001-12-31T23:59:59Z");  // {:04} of -1, as CivilDate writes it
  std::string listing = "at ";
  append_rfc3339(listing, Instant::from_unix(1761789600));
  CHECK(listing == "at 2025-10-30T02:00:00Z");
}

TEST_CASE("instants before 1970") {
  CHECK(to_rfc3339(Instant::from_unix(-1)) == "1969-12-31T23:59:59Z");
  CHECK(to_rfc3339(Instant::from_unix(-86400)) == "1969-12-31T00:00:00Z");
  CHECK(to_rfc3339(Instant::from_unix(-14182940)) == "1969-07-20T20:17:40Z");  // timegm((1969,7,20,20,17,40))
  CHECK(to_rfc3339(Instant::from_unix(-2208988800)) == "1900-01-01T00:00:00Z");  // the NTP epoch offset
  auto landing = parse_rfc3339("1969-07-20T20:17:40Z");
  REQUIRE(landing);
  CHECK(landing->unix_seconds() == -14182940);
  auto early = parse_rfc3339("1900-01-01T00:00:00Z");
  REQUIRE(early);
  CHECK(early->unix_seconds() == -2208988800);
}

TEST_CASE("parse_rfc3339 applies the offset") {
  auto seoul = parse_rfc3339("2025-10-30T11:00+09:00");
  auto utc = parse_rfc3339("2025-10-30T02:00:00Z");
  REQUIRE(seoul);
  REQUIRE(utc);
  CHECK(*seoul == *utc);
  CHECK(utc->unix_seconds() == 1761789600);

  // 00:00 at +05:45 is 18:15 the day before in UTC.
  auto kathmandu = parse_rfc3339("2025-06-01T00:00+05:45");
  REQUIRE(kathmandu);
  CHECK(to_rfc3339(*kathmandu) == "2025-05-31T18:15:00Z");

  // 22:00 at -04:00 is 02:00 the next day in UTC.
  auto new_york = parse_rfc3339("2025-10-29T22:00:00-04:00");
  REQUIRE(new_york);
  CHECK(*new_york == *utc);

  auto zero = parse_rfc3339("2025-10-30T02:00:00+00:00");
  REQUIRE(zero);
  CHECK(*zero == *utc);
}

TEST_CASE("parse_offset_date_time keeps the local time and the offset apart") {
  auto odt = parse_offset_date_time("2026-11-01T01:30-04:00");
  REQUIRE(odt);
  CHECK(to_string(odt->local) == "2026-11-01T01:30:00");
  CHECK(odt->offset == -hours{4});
  CHECK(to_rfc3339(odt->instant()) == "2026-11-01T05:30:00Z");

  auto z = parse_offset_date_time("2025-10-30T02:00Z");
  REQUIRE(z);
  CHECK(z->offset == seconds{0});
}

TEST_CASE("parse_rfc3339 refuses what is not RFC 3339") {
  testing::check_refused(parse_rfc3339, {
      "2025-10-30T02:00:00", "2025-10-30",               // no offset: a civil time, not an instant
      "2025-10-30T02:00:00+0900",                        // offset needs a colon
      "2025-10-30T02:00:00+9:00", "2025-10-30T02:00:00+24:00", "2025-10-30T02:00:00+09:60",
      "2025-10-30T02:00:00Z ", "2025-10-30T02:00:00ZZ",  // trailing text
      "2025-10-30T24:00:00Z", "2025-10-30 02:00:00Z", "2025-10-30T02:00:00 Asia/Seoul", "",
  });
}

TEST_CASE("offset_to_string") {
  CHECK(offset_to_string(hours{5} + minutes{45}) == "+05:45");
  CHECK(offset_to_string(-hours{4}) == "-04:00");
  CHECK(offset_to_string(hours{9}) == "+09:00");
  CHECK(offset_to_string(seconds{0}) == "+00:00");
  CHECK(offset_to_string(-(hours{9} + minutes{30})) == "-09:30");  // Pacific/Marquesas
  CHECK(offset_to_string(hours{14}) == "+14:00");                  // Pacific/Kiritimati
}

TEST_CASE("instant arithmetic") {
  auto i = Instant::from_unix(1761789600);
  CHECK((i + hours{1}).unix_seconds() == 1761789600 + 3600);
  CHECK((i - seconds{1}).unix_seconds() == 1761789599);
  CHECK((i + hours{1}) - i == hours{1});
  CHECK(Instant::from_unix(-1) < Instant::from_unix(0));
}
