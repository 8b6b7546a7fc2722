// text/names.h: the slug rule and the web address rule, with cases on each side of each limit.
#include "dipcal/text/names.h"

#include <doctest/doctest.h>

#include "support/cases.h"

#include <string>

using dipcal::testing::check_accepted;
using dipcal::testing::check_cases;
using dipcal::testing::check_refused;
using dipcal::text::is_slug;
using dipcal::text::is_web_address;
using dipcal::text::slugify;

TEST_CASE("is_slug: lower-case letters, digits and inner hyphens, 1 to 64 characters") {
  check_accepted(is_slug, {"busan-trump-xi", "a", "2025", "apec-2025", std::string(64, 'a')});
  check_refused(is_slug, {std::string(65, 'a'), "", "-busan", "busan-", "-", "Busan", "trump_xi", "trump xi",
                          "z\xC3\xBCrich"});  // zürich
}

TEST_CASE("slugify: ASCII letters lowered, digits kept, each run of anything else one hyphen") {
  check_cases(slugify, {
      {"Weekly sync", "weekly-sync"},
      // The en dash is three bytes, all of them outside [a-z0-9]: one hyphen for the run.
      {"Trump\xE2\x80\x93Xi meeting, Busan", "trump-xi-meeting-busan"},
      {"  APEC 2025!  ", "apec-2025"},
      {"Z\xC3\xBCrich", "z-rich"},
      {"\xC3\xBC!?", ""},
      {std::string(70, 'A'), std::string(64, 'a')},
      // 63 letters, a space and a "b": the hyphen would be the 64th character and "b" the 65th; both go.
      {std::string(63, 'a') + " b", std::string(63, 'a')},
  });
}

TEST_CASE("slugify: what it returns is a slug, or empty") {
  for (const char* text : {"Weekly sync", "--x--", "A  B", "\xE2\x80\x93", "x-", "a\tb\nc", "1-2-3"}) {
    CAPTURE(text);
    auto slug = slugify(text);
    CHECK((slug.empty() || is_slug(slug)));
  }
}

TEST_CASE("is_web_address: http or https, a host, no space") {
  check_accepted(is_web_address, {"https://apnews.com/article/x", "http://a", "https://example.org:8443/feed.ics?x=1"});
  check_refused(is_web_address, {"https://", "http://", "https:///path", "https://a b", "ftp://example.org",
                                 "www.example.org", "HTTPS://example.org", ""});
}
