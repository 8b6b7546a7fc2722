// The SVG writer (dipcal/draw/svg.h): escaping, numbers, and the elements a browser and a script rely on.
// Expected attribute values are written from the fixture's dates by hand.
#include "dipcal/draw/svg.h"

#include "dipcal/fixture/load.h"
#include "dipcal/model/timeline.h"

#include <doctest/doctest.h>

#include "support/fixture_text.h"

#include <string>
#include <string_view>

using namespace dipcal;
using dipcal::testing::timeline_of;

namespace {

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

constexpr std::string_view kFixture = R"(events:
  - id: kl-talks
    title: "Talks <KL> & 'friends' \"quoted\""
    kind: talks
    start: 2025-10-25
    end: 2025-10-26
    location: {city: Kuala Lumpur, zone: Asia/Kuala_Lumpur}
    sources:
      - {outlet: The Star, url: "https://example.org/a?b=1&c=2"}
    relations:
      - {type: prepares, event: busan}
  - id: busan
    title: Busan
    kind: bilateral
    start: 2025-10-30T11:00
    duration: PT1H40M
    location: {city: Busan, zone: Asia/Seoul}
  - id: later
    title: Later
    location: {zone: UTC}
)";

}  // namespace

TEST_CASE("svg: escaping for text and attributes") {
  CHECK(svg::escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  CHECK(svg::escape("tab\there\nline") == "tab\there\nline");
  CHECK(svg::escape("bell\x07!") == "bell!");                 // XML 1.0 has no C0 controls but tab, LF, CR
  CHECK(svg::escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");  // invalid UTF-8 becomes U+FFFD
  CHECK(svg::escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");     // an overlong '/' is two bad bytes
  CHECK(svg::escape("Trump\xE2\x80\x93Xi") == "Trump\xE2\x80\x93Xi");
}

TEST_CASE("svg: numbers have at most two decimals and no trailing zeros") {
  CHECK(svg::number(810) == "810");
  CHECK(svg::number(12.5) == "12.5");
  CHECK(svg::number(173.8888) == "173.89");
  CHECK(svg::number(-6) == "-6");
  CHECK(svg::number(-0.001) == "0");
}

TEST_CASE("svg: one element per event with its instants, zone and title; arrows with ids") {
  auto t = timeline_of(kFixture);
  std::vector<std::size_t> all{0, 1, 2};
  LayoutOptions o;
  o.zone = *ZoneDb::system().find("UTC");
  auto layout = layout_timeline(t, all, nullptr, o);
  auto text = svg::write_timeline(t, layout, {"A <timeline>"});

  CHECK(text.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(count(text, "<g class=\"event ") == 3);
  CHECK(count(text, "tabindex=\"0\"") == 3);
  CHECK(text.find("<title id=\"dipcal-title\">A &lt;timeline&gt;</title>") != std::string::npos);
  // KL's days run from its midnight of 25 Oct (24 Oct 16:00Z) to its midnight after the 26th.
  CHECK(text.find(R"(data-id="kl-talks")") != std::string::npos);
  CHECK(text.find(R"(data-start-utc="2025-10-24T16:00:00Z" data-end-utc="2025-10-26T16:00:00Z" data-zone="Asia/Kuala_Lumpur")") != std::string::npos);
  // Busan 11:00 KST (+09) is 02:00Z; 1 h 40 min later is 03:40Z.
  CHECK(text.find(R"(data-start-utc="2025-10-30T02:00:00Z" data-end-utc="2025-10-30T03:40:00Z" data-zone="Asia/Seoul")") != std::string::npos);
  // The undated event has no instants.
  CHECK(text.find(R"(data-id="later")") != std::string::npos);
  CHECK(text.find(R"(data-start-utc="" data-end-utc="")") != std::string::npos);
  // Text is escaped in the title, the label and the attributes.
  CHECK(text.find("<title>Talks &lt;KL&gt; &amp; &#39;friends&#39; &quot;quoted&quot; — 2025-10-25 – 2025-10-26 (Asia/Kuala_Lumpur)</title>") !=
        std::string::npos);
  CHECK(text.find(">Talks &lt;KL&gt; &amp; &#39;friends&#39; &quot;quoted&quot;</text>") != std::string::npos);
  CHECK(text.find("https://example.org/a?b=1&amp;c=2") != std::string::npos);
  CHECK(text.find("<KL>") == std::string::npos);
  CHECK(text.find(R"(<path class="arrow" id="arrow-kl-talks-to-busan" data-from="kl-talks" data-to="busan")") != std::string::npos);
  // Each event's days in its own zone, for the tooltip: the talks' two days, Busan's one, none for
  // the event nothing places.
  CHECK(text.find(R"(data-zone="Asia/Kuala_Lumpur" data-first-day="2025-10-25" data-last-day="2025-10-26")") != std::string::npos);
  CHECK(text.find(R"(data-zone="Asia/Seoul" data-first-day="2025-10-30" data-last-day="2025-10-30")") != std::string::npos);
  CHECK(text.find(R"(data-zone="UTC" data-first-day="" data-last-day="")") != std::string::npos);
  // The header: no title in the layout options, so only the subtitle, with the axis's zone.
  CHECK(text.find(R"(class="drawing-title")") == std::string::npos);
  CHECK(text.find(R"(<text class="subtitle" data-as-of-utc="")") != std::string::npos);
  CHECK(text.find(">Axis in UTC</text>") != std::string::npos);
  // The same input gives the same bytes.
  CHECK(svg::write_timeline(t, layout_timeline(t, all, nullptr, o), {"A <timeline>"}) == text);
}

TEST_CASE("svg: the header draws the title, the axis's zone and the time it is as of") {
  auto t = timeline_of(kFixture);
  std::vector<std::size_t> all{0, 1, 2};
  LayoutOptions o;
  o.zone = *ZoneDb::system().find("America/New_York");
  o.title = "Trade & talks";
  // 26 Oct 2025 04:00Z is 00:00 EDT (UTC−4; New York falls back on 2 Nov).
  o.now = parse_rfc3339("2025-10-26T04:00:00Z");
  auto layout = layout_timeline(t, all, nullptr, o);
  auto text = svg::write_timeline(t, layout, {"Trade & talks"});
  CHECK(count(text, R"(<text class="drawing-title")") == 1);
  CHECK(text.find(">Trade &amp; talks</text>") != std::string::npos);
  CHECK(text.find(R"(<text class="subtitle" data-as-of-utc="2025-10-26T04:00:00Z")") != std::string::npos);
  CHECK(text.find(">Axis in America/New_York \u00B7 as of 2025-10-26 00:00 EDT</text>") != std::string::npos);
  CHECK(text.find(R"(data-axis-zone="America/New_York")") != std::string::npos);
}
