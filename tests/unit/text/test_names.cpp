// text/names.h: the slug rule and the web address rule, with cases on each side of each limit.
#include "dipcal/text/names.h"

#include <doctest/doctest.h>

#include <string>

using dipcal::text::is_slug;
using dipcal::text::is_web_address;
using dipcal::text::slugify;

TEST_CASE("is_slug: lower-case letters, digits and inner hyphens, 1 to 64 characters") {
  CHECK(is_slug("busan-trump-xi"));
  CHECK(is_slug("a"));
  CHECK(is_slug("2025"));
  CHECK(is_slug("apec-2025"));
  CHECK(is_slug(std::string(64, 'a')));
  CHECK_FALSE(is_slug(std::string(65, 'a')));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("-busan"));
  CHECK_FALSE(is_slug("busan-"));
  CHECK_FALSE(is_slug("-"));
  CHECK_FALSE(is_slug("Busan"));
  CHECK_FALSE(is_slug("trump_xi"));
  CHECK_FALSE(is_slug("trump xi"));
  CHECK_FALSE(is_slug("z\xC3\xBCrich"));  // zürich
}

TEST_CASE("slugify: ASCII letters lowered, digits kept, each run of anything else one hyphen") {
  CHECK(slugify("Weekly sync") == "weekly-sync");
  // The en dash is three bytes, all of them outside [a-z0-9]: one hyphen for the run.
  CHECK(slugify("Trump\xE2\x80\x93Xi meeting, Busan") == "trump-xi-meeting-busan");
  CHECK(slugify("  APEC 2025!  ") == "apec-2025");
  CHECK(slugify("Z\xC3\xBCrich") == "z-rich");
  CHECK(slugify("\xC3\xBC!?") == "");
  CHECK(slugify(std::string(70, 'A')) == std::string(64, 'a'));
  // 63 letters, a space and a "b": the hyphen would be the 64th character and "b" the 65th; both go.
  CHECK(slugify(std::string(63, 'a') + " b") == std::string(63, 'a'));
}

TEST_CASE("slugify: what it returns is a slug, or empty") {
  for (const char* text : {"Weekly sync", "--x--", "A  B", "\xE2\x80\x93", "x-", "a\tb\nc", "1-2-3"}) {
    CAPTURE(text);
    auto slug = slugify(text);
    CHECK((slug.empty() || is_slug(slug)));
  }
}

TEST_CASE("is_web_address: http or https, a host, no space") {
  CHECK(is_web_address("https://apnews.com/article/x"));
  CHECK(is_web_address("http://a"));
  CHECK(is_web_address("https://example.org:8443/feed.ics?x=1"));
  CHECK_FALSE(is_web_address("https://"));
  CHECK_FALSE(is_web_address("http://"));
  CHECK_FALSE(is_web_address("https:///path"));
  CHECK_FALSE(is_web_address("https://a b"));
  CHECK_FALSE(is_web_address("ftp://example.org"));
  CHECK_FALSE(is_web_address("www.example.org"));
  CHECK_FALSE(is_web_address("HTTPS://example.org"));
  CHECK_FALSE(is_web_address(""));
}
