// Durations (dipcal/time/duration.h): ISO 8601 and the short forms, counted by hand in seconds.
#include "dipcal/time/duration.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using namespace dipcal;
using std::chrono::seconds;

TEST_CASE("ISO 8601 durations") {
  CHECK(parse_duration("PT1H40M") == seconds{3600 + 40 * 60});
  CHECK(parse_duration("P1DT2H") == seconds{86400 + 2 * 3600});
  CHECK(parse_duration("P4D") == seconds{4 * 86400});
  CHECK(parse_duration("P2W") == seconds{14 * 86400});
  CHECK(parse_duration("PT90M") == seconds{5400});
  CHECK(parse_duration("PT30S") == seconds{30});
  CHECK(parse_duration("PT36H") == seconds{36 * 3600});
  CHECK(parse_duration("P1DT2H30M15S") == seconds{86400 + 7200 + 1800 + 15});
  CHECK(parse_duration("PT0S") == seconds{0});
  CHECK(parse_duration("P0D") == seconds{0});
}

TEST_CASE("short forms: one number and one lower-case unit") {
  CHECK(parse_duration("4d") == seconds{4 * 86400});
  CHECK(parse_duration("36h") == seconds{36 * 3600});
  CHECK(parse_duration("90m") == seconds{90 * 60});  // minutes, not months
  CHECK(parse_duration("30s") == seconds{30});
  CHECK(parse_duration("2w") == seconds{14 * 86400});
  CHECK(parse_duration("0m") == seconds{0});
}

TEST_CASE("durations that are refused") {
  CHECK_FALSE(parse_duration("P1M"));      // a month has no fixed length
  CHECK_FALSE(parse_duration("P1Y"));
  CHECK_FALSE(parse_duration("P1Y2D"));
  CHECK_FALSE(parse_duration("4 d"));
  CHECK_FALSE(parse_duration("PT"));       // nothing after T
  CHECK_FALSE(parse_duration("P1DT"));
  CHECK_FALSE(parse_duration("P"));
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("1D"));       // short forms are lower case
  CHECK_FALSE(parse_duration("36H"));
  CHECK_FALSE(parse_duration("1h40m"));    // one unit only
  CHECK_FALSE(parse_duration("P1W2D"));    // PnW stands alone
  CHECK_FALSE(parse_duration("PT1H2H"));   // each designator once
  CHECK_FALSE(parse_duration("PT40M1H"));  // in order
  CHECK_FALSE(parse_duration("P1D1D"));
  CHECK_FALSE(parse_duration("P1H"));      // H belongs after T
  CHECK_FALSE(parse_duration("PT1D"));
  CHECK_FALSE(parse_duration("PT1.5H"));   // whole numbers
  CHECK_FALSE(parse_duration("1.5h"));
  CHECK_FALSE(parse_duration("-PT1H"));    // no signs
  CHECK_FALSE(parse_duration("-4d"));
  CHECK_FALSE(parse_duration("+4d"));
  CHECK_FALSE(parse_duration("PT-1H"));
  CHECK_FALSE(parse_duration("4"));        // a unit is needed
  CHECK_FALSE(parse_duration("d"));
  CHECK_FALSE(parse_duration("4x"));
  CHECK_FALSE(parse_duration("4dd"));
  CHECK_FALSE(parse_duration("pt1h"));
  CHECK_FALSE(parse_duration(" PT1H"));
  CHECK_FALSE(parse_duration("PT1H "));
  CHECK_FALSE(parse_duration("99999999999999999999d"));  // too large to be a typo
}

TEST_CASE("to_iso_duration writes the largest units first") {
  CHECK(to_iso_duration(seconds{6000}) == "PT1H40M");
  CHECK(to_iso_duration(seconds{4 * 86400}) == "P4D");
  CHECK(to_iso_duration(seconds{0}) == "PT0S");
  CHECK(to_iso_duration(seconds{86400 + 2 * 3600}) == "P1DT2H");
  CHECK(to_iso_duration(seconds{45}) == "PT45S");
  CHECK(to_iso_duration(seconds{86400 + 1}) == "P1DT1S");
  CHECK(to_iso_duration(seconds{14 * 86400}) == "P14D");  // weeks are written as days
  CHECK(to_iso_duration(seconds{-3600}) == "-PT1H");
}

TEST_CASE("to_iso_duration reads back to the same length") {
  for (long long s : {0LL, 1LL, 59LL, 60LL, 3599LL, 3600LL, 86399LL, 86400LL, 95415LL, 40LL * 86400 + 1})
    CHECK(parse_duration(to_iso_duration(seconds{s})) == seconds{s});
}
