#include "serve/validators.h"

#include <doctest/doctest.h>

#include "support/cases.h"

using namespace dipcal;
using namespace dipcal::serve;

// RFC 9110 section 5.6.7's example, 784111777 seconds after the epoch (Python: calendar.timegm of it).
const Instant kRfcExample = Instant::from_unix(784111777);

TEST_CASE("HTTP dates: written as IMF-fixdate, read in all three forms") {
  CHECK(http_date(kRfcExample) == "Sun, 06 Nov 1994 08:49:37 GMT");
  CHECK(http_date(Instant::from_unix(0)) == "Thu, 01 Jan 1970 00:00:00 GMT");
  // RFC 9110 section 5.6.7's three forms of the one instant, and white space around the field.
  testing::check_cases(parse_http_date, {
      {"Sun, 06 Nov 1994 08:49:37 GMT", kRfcExample},    // IMF-fixdate
      {"Sunday, 06-Nov-94 08:49:37 GMT", kRfcExample},   // obsolete RFC 850 form
      {"Sun Nov  6 08:49:37 1994", kRfcExample},         // ANSI C's asctime() form
      {" Sun, 06 Nov 1994 08:49:37 GMT ", kRfcExample},
  });
  testing::check_refused(parse_http_date, {"Sun, 06 Nov 1994 08:49:37 PST", "Sun, 31 Feb 1994 08:49:37 GMT",
                                           "Sun, 06 Nov 1994 25:49:37 GMT", "yesterday", ""});
}

TEST_CASE("strong ETags name the bytes") {
  auto a = strong_etag("BEGIN:VCALENDAR\r\n"), b = strong_etag("BEGIN:VCALENDAR\r\n"), c = strong_etag("BEGIN:VCALENDAR\n");
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a.size() == 34);
  CHECK(a.front() == '"');
  CHECK(a.back() == '"');
}

TEST_CASE("If-None-Match: any listed tag, weak comparison, or *") {
  const std::string tag = "\"0123\"";
  auto matches = [&](std::string_view field) { return if_none_match_matches(field, tag); };
  testing::check_accepted(matches, {"\"0123\"", "\"x\", W/\"0123\"", "*"});
  testing::check_refused(matches, {"\"01234\"", "", "0123"});
}

TEST_CASE("304 or 200") {
  Validators v{"\"abc\"", kRfcExample, kRfcExample + std::chrono::hours{1}};
  auto after = http_date(kRfcExample + std::chrono::hours{2}), between = http_date(kRfcExample + std::chrono::minutes{30}),
       before = http_date(kRfcExample - std::chrono::seconds{1});
  CHECK(not_modified(v, "\"abc\"", std::nullopt));
  CHECK_FALSE(not_modified(v, "\"old\"", std::nullopt));
  // If-None-Match decides alone when present, even against a later If-Modified-Since.
  CHECK_FALSE(not_modified(v, "\"old\"", after));
  CHECK(not_modified(v, "\"abc\"", before));
  CHECK(not_modified(v, std::nullopt, after));
  // Not modified in `updated`, but a file was written after the date: the body may have changed.
  CHECK_FALSE(not_modified(v, std::nullopt, between));
  CHECK_FALSE(not_modified(v, std::nullopt, before));
  CHECK_FALSE(not_modified(v, std::nullopt, "not a date"));
  CHECK_FALSE(not_modified(v, std::nullopt, std::nullopt));
  // Without a Last-Modified no date can vouch for the body.
  CHECK_FALSE(not_modified(Validators{"\"abc\"", std::nullopt, kRfcExample}, std::nullopt, after));
}

TEST_CASE("Accept-Encoding") {
  testing::check_accepted(accepts_gzip, {"gzip", "deflate, gzip;q=0.5, br", "x-gzip", "*", "GZIP;Q=1"});
  testing::check_refused(accepts_gzip, {"gzip;q=0", "gzip;q=0.000, *", "identity", "br, deflate", ""});
}
