// Reading a report's head (dipcal/draft/article.h): the publication line, the dateline, sentences.
#include "dipcal/draft/article.h"

#include <doctest/doctest.h>

using namespace dipcal;
using namespace dipcal::draft;

TEST_CASE("publication line and dateline") {
  auto a = read_article(
      "China and US reach preliminary consensus\n"
      "October 26, 2025 3:14 PM GMT+8\n\n"
      "KUALA LUMPUR, Malaysia (Reuters) - Negotiators said on Sunday they agreed. Talks end at 3 p.m. GMT on Monday.\n");
  CHECK(a.headline == "China and US reach preliminary consensus");
  REQUIRE(a.published);
  CHECK(to_string(*a.published) == "2025-10-26");
  REQUIRE(a.published_time);
  CHECK(to_string(*a.published_time) == "2025-10-26T15:14:00");
  REQUIRE(a.published_offset);
  CHECK(a.published_offset->count() == 8 * 3600);
  CHECK(a.dateline_place == "Kuala Lumpur");
  CHECK(a.dateline_country == "Malaysia");
  CHECK(a.outlet == "Reuters");
  REQUIRE(a.sentences.size() == 2);
  CHECK(a.sentences[0].text == "Negotiators said on Sunday they agreed.");
  CHECK(a.sentences[1].text == "Talks end at 3 p.m. GMT on Monday.");  // "p.m. GMT" does not end it
}

TEST_CASE("Markdown heading and an ISO date line; no dateline") {
  auto a = read_article("# Leaders meet\n\n2025-09-23\n\nWorld leaders opened the debate on Tuesday.\n");
  CHECK(a.headline == "Leaders meet");
  REQUIRE(a.published);
  CHECK(to_string(*a.published) == "2025-09-23");
  CHECK(a.dateline_place.empty());
  REQUIRE(a.sentences.size() == 1);
}

TEST_CASE("sentences are not split after abbreviations") {
  auto s = split_sentences("The U.S. envoy met Mr. Li on Oct. 26 in Kuala Lumpur. They will meet again.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "The U.S. envoy met Mr. Li on Oct. 26 in Kuala Lumpur.");
}
