// The timeline layout (dipcal/draw/timeline_layout.h). Positions are worked out by hand from the axis
// formula x(t) = plot_x0 + (t − axis.start) / (axis.end − axis.start) · (plot_x1 − plot_x0): most
// tests use a 1180 px drawing, so the plot area runs from 160 to 1160 px (1000 px), and a UTC axis
// of whole days. Weekdays come from a printed calendar of 2025 (12 May and 1 Sep are Mondays, 1 Jun a
// Sunday); label widths from the per-character table (0.28 em for "i", 12 px a em).
#include "dipcal/draw/timeline_layout.h"

#include "dipcal/fixture/load.h"
#include "dipcal/reasoning/network.h"

#include <doctest/doctest.h>

#include "support/fixture_text.h"
#include "support/values.h"

#include <algorithm>
#include <string>
#include <string_view>

using namespace dipcal;
using dipcal::testing::instant;
using dipcal::testing::timeline_of;
using dipcal::testing::zone;
using doctest::Approx;
using M = LayoutMetrics;

namespace {

std::vector<std::size_t> all(const Timeline& t) {
  std::vector<std::size_t> out(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) out[i] = i;
  return out;
}

const EventShape& shape(const TimelineLayout& layout, const Timeline& t, std::string_view id) {
  const auto* s = layout.shape_of(t.index_of(id));
  REQUIRE(s != nullptr);
  return *s;
}

LayoutOptions options_1180(std::string_view axis_zone = "UTC") {
  LayoutOptions o;
  o.width = 1180;
  o.zone = zone(axis_zone);
  return o;
}

// The axis labels of a row, by its y below the top of the axis band (4: months, 22: days or hours).
std::vector<std::string> texts_in_row(const TimelineLayout& layout, double y) {
  std::vector<std::string> out;
  for (const auto& l : layout.axis_labels)
    if (l.box.y == layout.axis_top + y) out.push_back(l.text);
  return out;
}

// Whether a straight segment passes through the inside of a box (less half a pixel at each edge).
bool segment_crosses(double x1, double y1, double x2, double y2, const Box& b) {
  return std::min(x1, x2) < b.right() - 0.5 && std::max(x1, x2) > b.x + 0.5 && std::min(y1, y2) < b.bottom() - 0.5 &&
         std::max(y1, y2) > b.y + 0.5;
}

// Every label box against every other, and against every shape it does not belong to.
void check_no_overlaps(const TimelineLayout& layout) {
  auto labels = layout.labels();
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t j = i + 1; j < labels.size(); ++j) {
      INFO("'" << labels[i]->text << "' and '" << labels[j]->text << "'");
      CHECK_FALSE(overlaps(labels[i]->box, labels[j]->box));
    }
  for (const auto& s : layout.events)
    for (const auto* l : labels) {
      if (s.shape == Shape::unplaced) continue;
      INFO("'" << l->text << "' over the shape of event " << s.event);
      CHECK_FALSE(overlaps(s.box, l->box));
    }
  // Two top-level shapes of a lane never overlap; a nested one lies inside its parent.
  for (std::size_t i = 0; i < layout.events.size(); ++i) {
    const auto& a = layout.events[i];
    if (a.shape == Shape::unplaced) continue;
    if (a.parent) {
      const auto& p = layout.events[*a.parent];
      CHECK(a.box.x >= p.box.x - 1e-9);
      CHECK(a.box.right() <= p.box.right() + 1e-9);
      CHECK(a.box.y >= p.box.y);
      CHECK(a.box.bottom() <= p.box.bottom());
      continue;
    }
    for (std::size_t j = i + 1; j < layout.events.size(); ++j) {
      const auto& b = layout.events[j];
      if (b.shape == Shape::unplaced || b.parent) continue;
      INFO("events " << a.event << " and " << b.event);
      CHECK_FALSE(overlaps(a.box, b.box));
    }
  }
}

constexpr std::string_view kThree = R"(events:
  - id: talks
    title: Talks in Geneva
    kind: talks
    start: 2025-10-20
    end: 2025-10-21
    location: {city: Geneva, zone: UTC}
  - id: meeting
    title: Leaders meet
    kind: bilateral
    start: 2025-10-26T12:00
    duration: PT1H
    location: {city: Busan, zone: UTC}
  - id: summit
    title: Summit
    kind: summit
    start: 2025-10-29
    location: {city: Geneva, zone: UTC}
)";

}  // namespace

TEST_CASE("layout: label widths and cut labels") {
  CHECK(label_width("iii") == Approx(3 * 0.28 * 12));
  CHECK(label_width("") == 0);
  // 한 is a wide character: a full em.
  CHECK(label_width("\xED\x95\x9C") == Approx(12));
  // An overlong NUL is no character: svg::escape draws each of its bytes as U+FFFD (0.78 em each).
  CHECK(label_width("\xC0\x80") == Approx(2 * 0.78 * 12));
  // "ab" is 7.44 + 7.68 = 15.12 px; with "c" (6.72) it passes the 30 − 12 px left beside the ellipsis.
  CHECK(fit_label("abcdef", 30) == "ab\xE2\x80\xA6");
  CHECK(fit_label("abc", 300) == "abc");
  CHECK(label_width(fit_label("a very long title that cannot fit in a small space", 100)) <= 100);
}

TEST_CASE("layout: boxes overlap only when they share interior points") {
  CHECK(overlaps({0, 0, 10, 10}, {5, 5, 10, 10}));
  CHECK_FALSE(overlaps({0, 0, 10, 10}, {10, 0, 10, 10}));  // touching edges
  CHECK_FALSE(overlaps({0, 0, 10, 10}, {0, 10, 10, 10}));
  CHECK(overlaps({0, 0, 10, 10}, {2, 2, 1, 1}));  // contained
}

TEST_CASE("layout: a UTC axis of whole days, 100 px a day") {
  auto t = timeline_of(kThree);
  auto o = options_1180();
  o.now = instant("2025-10-25T06:00:00Z");
  auto layout = layout_timeline(t, all(t), nullptr, o);

  // From midnight of 20 Oct (talks start) to midnight after 29 Oct (summit's last day): 10 days.
  CHECK(layout.axis.start == instant("2025-10-20T00:00:00Z"));
  CHECK(layout.axis.end == instant("2025-10-30T00:00:00Z"));
  CHECK(layout.axis.plot_x0 == 160);
  CHECK(layout.axis.plot_x1 == 1160);

  const auto& talks = shape(layout, t, "talks");
  CHECK(talks.shape == Shape::bar);
  CHECK(talks.box.x == Approx(160));
  CHECK(talks.box.width == Approx(200));  // 20 and 21 Oct
  // The meeting: a diamond centred on 26 Oct 12:00, 6.5 days in.
  const auto& meeting = shape(layout, t, "meeting");
  CHECK(meeting.shape == Shape::mark);
  CHECK(meeting.box.x == Approx(810 - 6));
  CHECK(meeting.box.width == Approx(12));
  CHECK(meeting.end == instant("2025-10-26T13:00:00Z"));
  const auto& summit = shape(layout, t, "summit");
  CHECK(summit.box.x == Approx(1060));
  CHECK(summit.box.right() == Approx(1160));
  // Now: 25 Oct 06:00 is 5.25 days in.
  REQUIRE(layout.now_x.has_value());
  CHECK(*layout.now_x == Approx(685));

  // The header: no title given, so one line, "Axis in UTC · as of …", and the axis band below it at
  // 4 + 16 + 2 = 22 px. Everything below is placed from there.
  CHECK_FALSE(layout.title.has_value());
  CHECK(layout.subtitle.text == "Axis in UTC \u00B7 as of 2025-10-25 06:00 UTC");
  CHECK(layout.axis_top == 22);
  const double top = layout.axis_top;

  // Lanes in order of their first event: Geneva (talks, then summit in the same row), Busan.
  REQUIRE(layout.lanes.size() == 2);
  CHECK(layout.lanes[0].name == "Geneva");
  CHECK(layout.lanes[1].name == "Busan");
  CHECK(talks.lane == 0);
  CHECK(summit.lane == 0);
  CHECK(meeting.lane == 1);
  // Geneva: lane at 44 + 6 = 50 below the axis band's top, bar 4 px lower, label 2 px below the
  // 16 px bar; one row of 4 + 16 + 2 + 15 + 8 = 45 px. Busan starts at 95; its diamond is centred on
  // the bar's middle line.
  CHECK(layout.lanes[0].y == top + 50);
  CHECK(layout.lanes[0].height == 45);
  CHECK(talks.box.y == top + 54);
  CHECK(summit.box.y == top + 54);
  CHECK(talks.label.box.y == top + 72);
  CHECK(talks.label.box.x == 160);
  CHECK(talks.label.text == "Talks in Geneva");
  CHECK(layout.lanes[1].y == top + 95);
  CHECK(meeting.box.y == top + 99 + 8 - 6);
  CHECK(meeting.label.box.x == Approx(804));

  // 100 px a day leaves room for a label every 12 hours ("12:00" is 34.8 px, plus 8), not every 6:
  // ticks at 00:00 and 12:00 from 20 Oct to the axis's end at 30 Oct 00:00, 21 of them.
  CHECK(layout.ticks.size() == 21);
  CHECK(layout.ticks.front().x == Approx(160));
  CHECK(layout.ticks.front().major);
  CHECK_FALSE(layout.ticks[1].major);
  CHECK(layout.ticks[1].x == Approx(210));
  // Labels 2 px right of each tick; the one at the axis's end would leave the plot area.
  auto days = texts_in_row(layout, 22);
  REQUIRE(days.size() == 20);
  CHECK(days[0] == "20");
  CHECK(days[1] == "12:00");
  CHECK(days[19] == "12:00");
  CHECK(texts_in_row(layout, 4) == std::vector<std::string>{"Oct 2025"});
  check_no_overlaps(layout);
}

TEST_CASE("layout: an axis in Seoul places Kuala Lumpur's days an hour into Seoul's") {
  auto t = timeline_of(R"(events:
  - id: kl
    title: KL talks
    start: 2025-10-25
    end: 2025-10-26
    location: {city: Kuala Lumpur, zone: Asia/Kuala_Lumpur}
)");
  auto layout = layout_timeline(t, all(t), nullptr, options_1180("Asia/Seoul"));
  // KL (+08) 25 Oct 00:00 is 24 Oct 16:00Z, 25 Oct 01:00 KST (+09): the axis starts at Seoul's
  // midnight of the 25th, 24 Oct 15:00Z. The talks end at KL's midnight after the 26th, 27 Oct 01:00
  // KST, so the axis ends at Seoul's midnight after the 27th: 72 hours in all.
  CHECK(layout.axis.start == instant("2025-10-24T15:00:00Z"));
  CHECK(layout.axis.end == instant("2025-10-27T15:00:00Z"));
  const auto& kl = shape(layout, t, "kl");
  CHECK(kl.box.x == Approx(160 + 1000.0 / 72));
  CHECK(kl.box.right() == Approx(160 + 1000.0 * 49 / 72));
  // Ticks at Seoul's midnights: 1000/3 px a day (12 px an hour) leaves room for "00:00" every 6 hours.
  REQUIRE_FALSE(layout.ticks.empty());
  CHECK(layout.ticks.front().at == instant("2025-10-24T15:00:00Z"));
  CHECK(layout.ticks[1].at == instant("2025-10-24T21:00:00Z"));
  CHECK(texts_in_row(layout, 22).front() == "25");
}

TEST_CASE("layout: a season of 204 days has Monday ticks and a label per month") {
  auto t = timeline_of(R"(events:
  - {id: first, title: First, start: 2025-05-10, location: {city: Geneva, zone: UTC}}
  - {id: last, title: Last, start: 2025-11-29, location: {city: Geneva, zone: UTC}}
)");
  auto layout = layout_timeline(t, all(t), nullptr, options_1180());
  // 10 May to 29 Nov inclusive: 22 + 30 + 31 + 31 + 30 + 31 + 29 = 204 days, 4.902 px a day.
  CHECK(layout.axis.end - layout.axis.start == std::chrono::hours{24 * 204});
  const double day = 1000.0 / 204;
  // 29 Mondays (12 May … 24 Nov) and 6 firsts of a month, 1 Sep being both: 34 ticks.
  CHECK(layout.ticks.size() == 34);
  auto months = texts_in_row(layout, 4);
  CHECK(months == std::vector<std::string>{"May 2025", "Jun 2025", "Jul 2025", "Aug 2025", "Sep 2025", "Oct 2025", "Nov 2025"});
  auto month_label = [&](std::string_view text) {
    for (const auto& l : layout.axis_labels)
      if (l.text == text) return l.box.x;
    return -1.0;
  };
  CHECK(month_label("May 2025") == Approx(163));
  CHECK(month_label("Jun 2025") == Approx(160 + 22 * day + 3));  // 1 Jun is 22 days after 10 May
  auto days = texts_in_row(layout, 22);
  REQUIRE(days.size() == 29);
  CHECK(days.front() == "12");
  CHECK(days.back() == "24");
  for (const auto& l : layout.axis_labels)
    if (l.text == "12" && l.box.y == layout.axis_top + 22) {
      CHECK(l.box.x == Approx(160 + 2 * day + 2));
      break;
    }
  check_no_overlaps(layout);
}

TEST_CASE("layout: events during another are drawn inside its bar") {
  auto t = timeline_of(R"(events:
  - id: summit
    title: Summit
    kind: summit
    start: 2025-10-25
    end: 2025-10-28
    location: {city: Kuala Lumpur, zone: UTC}
    relations:
      - {type: contains, event: side-call}
  - id: consensus
    title: Consensus announced
    kind: announcement
    start: 2025-10-26
    location: {city: Putrajaya, zone: UTC}
    relations:
      - {type: during, event: summit}
  - id: side-call
    title: A call on the side
    kind: call
    start: 2025-10-25T10:00
    location: {city: Washington, zone: UTC}
  - id: later
    title: Later
    start: 2025-10-30
    location: {city: Kuala Lumpur, zone: UTC}
    relations:
      - {type: during, event: summit}
)");
  auto layout = layout_timeline(t, all(t), nullptr, options_1180());
  const auto& summit = shape(layout, t, "summit");
  const auto& consensus = shape(layout, t, "consensus");
  const auto& call = shape(layout, t, "side-call");
  const auto& later = shape(layout, t, "later");
  REQUIRE(consensus.parent.has_value());
  REQUIRE(call.parent.has_value());
  CHECK(layout.events[*consensus.parent].event == t.index_of("summit"));
  CHECK(layout.events[*call.parent].event == t.index_of("summit"));
  CHECK_FALSE(later.parent.has_value());  // its dates put it after the summit: not drawn inside it
  // Children follow their parent's lane, whatever their own city.
  CHECK(consensus.lane == summit.lane);
  CHECK(call.lane == summit.lane);
  // One row of children (the call on the 25th, the consensus on the 26th): the summit's bar grows by
  // 7 + 2 px, and the children sit in that strip below its main 16 px.
  CHECK(summit.box.height == 16 + 9);
  CHECK(consensus.box.y == summit.box.y + 16);
  CHECK(consensus.box.height == 7);
  CHECK(call.box.y == summit.box.y + 16);
  // The axis runs 25 Oct – 30 Oct (6 days, 1000/6 px a day); the consensus covers the second day,
  // the call sits at 25 Oct 10:00 as a 7 px square.
  CHECK(consensus.box.x == Approx(160 + 1000.0 / 6));
  CHECK(consensus.box.width == Approx(1000.0 / 6));
  CHECK(call.box.x + call.box.width / 2 == Approx(160 + 1000.0 / 6 * 10 / 24));
  // The summit's label, then the children's in order of their start, one row each.
  CHECK(summit.label.box.y == summit.box.bottom() + 2);
  CHECK(call.label.box.y == summit.label.box.y + 15);
  CHECK(consensus.label.box.y == summit.label.box.y + 30);
  // No arrow for `during` or `contains`: the nesting says it.
  CHECK(layout.arrows.empty());
  check_no_overlaps(layout);
}

TEST_CASE("layout: arrows run from the prerequisite to the dependent") {
  auto t = timeline_of(R"(events:
  - id: kl
    title: KL talks
    start: 2025-10-25
    end: 2025-10-26
    location: {city: Kuala Lumpur, zone: UTC}
    relations:
      - {type: prepares, event: busan}
      - {type: before, event: busan}
      - {type: overlaps, event: asean}
  - id: asean
    title: ASEAN summit
    start: 2025-10-26
    end: 2025-10-28
    location: {city: Kuala Lumpur, zone: UTC}
  - id: busan
    title: Busan meeting
    start: 2025-10-30T02:00
    location: {city: Busan, zone: UTC}
)");
  auto layout = layout_timeline(t, all(t), nullptr, options_1180());
  REQUIRE(layout.arrows.size() == 3);
  const auto& kl = shape(layout, t, "kl");
  const auto& asean = shape(layout, t, "asean");
  const auto& busan = shape(layout, t, "busan");
  // The axis: 25 Oct – 30 Oct, 6 days. kl ends at 27 Oct 00:00 (x = 160 + 2000/6), before Busan.
  const auto& prepares = layout.arrows[0];
  CHECK(prepares.id == "arrow-kl-to-busan");
  CHECK(layout.events[prepares.from].event == t.index_of("kl"));
  CHECK(layout.events[prepares.to].event == t.index_of("busan"));
  CHECK(prepares.x1 == Approx(160 + 2000.0 / 6));
  CHECK(prepares.x2 == Approx(busan.box.x));
  CHECK(prepares.anchor2 == Approx(160 + 1000.0 / 6 * (5 + 2.0 / 24)));  // the diamond's centre
  CHECK(prepares.y1 == Approx(kl.box.y + 8));
  CHECK(prepares.y2 == Approx(busan.box.y + busan.box.height / 2));
  CHECK(layout.arrows[1].id == "arrow-kl-to-busan-2");  // a second relation between the same two
  // kl overlaps asean: asean starts before kl ends, so the arrow leaves kl's start.
  const auto& overlap = layout.arrows[2];
  CHECK(overlap.id == "arrow-kl-to-asean");
  CHECK(overlap.x1 == Approx(kl.box.x));
  CHECK(overlap.x2 == Approx(asean.box.x));
  // Same lane, overlapping days: two rows.
  CHECK(kl.lane == asean.lane);
  CHECK(asean.box.y > kl.box.y);
  check_no_overlaps(layout);
}

TEST_CASE("layout: undated events take their window, or a line below the lanes") {
  auto t = timeline_of(R"(events:
  - id: talks
    title: Talks
    start: 2025-10-20
    location: {city: Geneva, zone: UTC}
  - id: follow-up
    title: Follow-up round
    location: {zone: UTC}
    relations:
      - {type: after, event: talks, gap: {max: 5d}}
  - id: someday
    title: Someday
    location: {zone: UTC}
)");
  auto windows = solve_windows(t);
  REQUIRE_FALSE(windows.conflict.has_value());
  auto layout = layout_timeline(t, all(t), &windows.events, options_1180());
  // The follow-up starts between the end of the talks (21 Oct 00:00) and 5 days later; nothing bounds
  // its end. The axis runs 20 – 25 Oct: 6 days.
  CHECK(layout.axis.end == instant("2025-10-26T00:00:00Z"));
  const auto& follow = shape(layout, t, "follow-up");
  CHECK(follow.shape == Shape::window);
  CHECK(follow.start == instant("2025-10-21T00:00:00Z"));
  CHECK(follow.end == instant("2025-10-26T00:00:00Z"));
  CHECK(follow.box.x == Approx(160 + 1000.0 / 6));
  CHECK(follow.box.right() == Approx(1160));
  CHECK(layout.lanes.size() == 2);
  CHECK(layout.lanes[1].name == "UTC");  // no city, no place name: the zone
  const auto& someday = shape(layout, t, "someday");
  CHECK(someday.shape == Shape::unplaced);
  CHECK(someday.label.text == "Undated, no window: Someday");
  CHECK(someday.label.box.y > layout.lanes_bottom);
  // The legend names the window.
  CHECK(std::any_of(layout.legend.begin(), layout.legend.end(), [](const LegendEntry& e) { return e.key == "window"; }));
  check_no_overlaps(layout);
}

TEST_CASE("layout: lanes by kind and by group of actors") {
  auto t = timeline_of(R"(events:
  - {id: a, title: A, kind: talks, start: 2025-10-20, actors: [Bessent, He Lifeng], location: {city: Geneva, zone: UTC}}
  - {id: b, title: B, kind: summit, start: 2025-10-21, actors: [He Lifeng], location: {city: Geneva, zone: UTC}}
  - {id: c, title: C, kind: talks, start: 2025-10-22, location: {city: London, zone: UTC}}
  - {id: d, title: D, kind: talks, start: 2025-10-23, actors: [He Lifeng, Bessent], location: {city: London, zone: UTC}}
  - {id: e, title: E, kind: summit, start: 2025-10-24, actors: [Donald Trump, Vladimir Putin],
     location: {city: Anchorage, zone: UTC}}
)");
  auto o = options_1180();
  o.lanes = LaneGrouping::kind;
  auto by_kind = layout_timeline(t, all(t), nullptr, o);
  REQUIRE(by_kind.lanes.size() == 2);
  CHECK(by_kind.lanes[0].name == "talks");
  CHECK(by_kind.lanes[1].name == "summit");
  CHECK(shape(by_kind, t, "c").lane == 0);
  CHECK_FALSE(by_kind.lanes_note.has_value());
  o.lanes = LaneGrouping::actor;
  auto by_actor = layout_timeline(t, all(t), nullptr, o);
  // One lane per set of actors, named as the first event of the set lists them: a and d (the same two
  // actors in another order) share one; b's He Lifeng alone is another group.
  REQUIRE(by_actor.lanes.size() == 4);
  CHECK(by_actor.lanes[0].name == "Bessent, He Lifeng");
  CHECK(by_actor.lanes[1].name == "He Lifeng");
  CHECK(by_actor.lanes[2].name == "(no actor)");
  CHECK(by_actor.lanes[3].name == "Donald Trump, Vladimir Putin");
  CHECK(shape(by_actor, t, "a").lane == 0);
  CHECK(shape(by_actor, t, "d").lane == 0);
  CHECK(shape(by_actor, t, "b").lane == 1);
  CHECK(shape(by_actor, t, "c").lane == 2);
  // Each event once: five events, five shapes.
  CHECK(by_actor.events.size() == 5);
  // "Donald Trump, Vladimir" is (3.57 + 0.32 + 3.30 + 0.32 + 0.32 + 4.19) em = 144.24 px, over the
  // 160 − 16 = 144 px a lane name has: the name breaks before "Vladimir", on the lane's second line.
  const auto& trump_putin = by_actor.lanes[3];
  CHECK(trump_putin.label.text == "Donald Trump,");
  REQUIRE(trump_putin.more_lines.size() == 1);
  CHECK(trump_putin.more_lines[0].text == "Vladimir Putin");
  CHECK(trump_putin.more_lines[0].box.y == trump_putin.label.box.y + 15);
  CHECK_FALSE(trump_putin.cut);
  // The legend says what a lane holds.
  REQUIRE(by_actor.lanes_note.has_value());
  CHECK(by_actor.lanes_note->text.find("group of actors") != std::string::npos);
  check_no_overlaps(by_actor);
  CHECK(parse_lane_grouping("actor") == LaneGrouping::actor);
  CHECK_FALSE(parse_lane_grouping("city").has_value());
}

TEST_CASE("layout: only the events asked for, and a now outside the axis draws no line") {
  auto t = timeline_of(kThree);
  auto o = options_1180();
  o.now = instant("2026-01-01T00:00:00Z");
  std::vector<std::size_t> some{t.index_of("summit")};
  auto layout = layout_timeline(t, some, nullptr, o);
  CHECK(layout.events.size() == 1);
  CHECK(layout.axis.start == instant("2025-10-29T00:00:00Z"));
  CHECK(layout.axis.end == instant("2025-10-30T00:00:00Z"));
  CHECK_FALSE(layout.now_x.has_value());
  CHECK_FALSE(layout.now_label.has_value());
  CHECK(layout.arrows.empty());
}

TEST_CASE("layout: no label overlaps another on a crowded timeline, at any width") {
  // 90 events in three cities over a year, long and short titles, all-day, multi-day and timed,
  // many on the same days, chained by relations and some nested.
  std::string yaml = "events:\n";
  const char* cities[] = {"Geneva", "Kuala Lumpur", "Busan"};
  for (int i = 0; i < 90; ++i) {
    int day_of_year = (i * 37) % 360;
    auto d = CivilDate::from_ymd(2025, 1, 1)->plus_days(day_of_year % 120 + (i % 3) * 2);
    std::string title = "Event " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 29), i % 2 ? 'w' : 'i');
    yaml += "  - id: e" + std::to_string(i) + "\n    title: " + title + "\n";
    if (i % 5 == 4) {
      yaml += "    start: " + to_string(d) + "T0" + std::to_string(i % 10) + ":30\n    duration: PT2H\n";
    } else {
      yaml += "    start: " + to_string(d) + "\n    end: " + to_string(d.plus_days(i % 4)) + "\n";
    }
    yaml += std::string{"    location: {city: "} + cities[i % 3] + ", zone: Asia/Seoul}\n";
    if (i > 0 && i % 7 == 0) yaml += "    relations:\n      - {type: after, event: e" + std::to_string(i - 7) + "}\n";
  }
  // Nested: an event on each day of a long one.
  yaml += "  - id: long\n    title: A long conference\n    start: 2025-02-01\n    end: 2025-02-05\n    location: {city: Geneva, zone: Asia/Seoul}\n";
  for (int k = 0; k < 5; ++k)
    yaml += "  - id: day" + std::to_string(k) + "\n    title: Day " + std::to_string(k) + " session\n    start: 2025-02-0" +
            std::to_string(k + 1) + "\n    location: {city: Busan, zone: Asia/Seoul}\n    relations:\n      - {type: during, event: long}\n";
  auto t = timeline_of(yaml);
  for (double width : {600.0, 1400.0, 4000.0}) {
    CAPTURE(width);
    auto o = options_1180("Europe/London");
    o.width = width;
    o.now = instant("2025-03-01T12:00:00Z");
    auto layout = layout_timeline(t, all(t), nullptr, o);
    CHECK(layout.events.size() == t.size());
    check_no_overlaps(layout);
    for (const auto& s : layout.events) {
      const auto& lane = layout.lanes[s.lane];
      CHECK(s.label.box.y >= lane.y);
      CHECK(s.label.box.bottom() <= lane.y + lane.height);
      CHECK(s.label.box.x >= layout.axis.plot_x0);
      CHECK(s.label.box.right() <= layout.axis.plot_x1 + 1e-9);
    }
    for (std::size_t k = 0; k < 5; ++k) CHECK(shape(layout, t, "day" + std::to_string(k)).parent.has_value());
    // Every routed arrow: straight segments from its start to its end that pass through no label.
    std::size_t routed = 0;
    for (const auto& arrow : layout.arrows) {
      if (arrow.route.empty()) continue;
      ++routed;
      std::vector<std::pair<double, double>> points{{arrow.x1, arrow.y1}};
      for (const auto& p : arrow.route) points.emplace_back(p.x(), p.y);
      points.emplace_back(arrow.x2, arrow.y2);
      for (std::size_t i = 0; i + 1 < points.size(); ++i)
        for (const auto& s : layout.events) {
          INFO(arrow.id << " segment " << i << " and '" << s.label.text << "'");
          CHECK_FALSE(segment_crosses(points[i].first, points[i].second, points[i + 1].first, points[i + 1].second, s.label.box));
        }
    }
    CHECK(routed > 0);  // the chains of `after` between crowded rows do cross labels as curves
  }
}

TEST_CASE("layout: the header names the drawing, the axis's zone and the time it is as of") {
  auto t = timeline_of(kThree);
  auto o = options_1180("Asia/Seoul");
  o.title = "Geneva to Busan";
  // 06:00Z is 15:00 in Seoul (UTC+9, no daylight time).
  o.now = instant("2025-10-25T06:00:00Z");
  auto layout = layout_timeline(t, all(t), nullptr, o);
  REQUIRE(layout.title.has_value());
  CHECK(layout.title->text == "Geneva to Busan");
  CHECK(layout.title->box.y == 4);
  CHECK(layout.subtitle.text == "Axis in Asia/Seoul \u00B7 as of 2025-10-25 15:00 KST");
  CHECK(layout.subtitle.box.y == 4 + 16);
  CHECK(layout.axis_top == 4 + 16 + 16 + 2);
  CHECK(layout.as_of == o.now);
  // A now outside the axis still dates the drawing.
  o.now = instant("2026-01-01T00:00:00Z");
  auto later = layout_timeline(t, all(t), nullptr, o);
  CHECK_FALSE(later.now_x.has_value());
  CHECK(later.subtitle.text == "Axis in Asia/Seoul \u00B7 as of 2026-01-01 09:00 KST");
  check_no_overlaps(layout);
}

TEST_CASE("layout: the axis runs from the first day asked for to the last, in the axis's zone") {
  auto t = timeline_of(kThree);
  auto o = options_1180();
  o.first_day = CivilDate::from_ymd(2025, 10, 22);
  o.last_day = CivilDate::from_ymd(2025, 10, 31);
  auto layout = layout_timeline(t, all(t), nullptr, o);
  // 22 Oct 00:00Z to the midnight after 31 Oct: 10 days, 100 px a day, though the talks start on the
  // 20th and the summit ends on the 29th.
  CHECK(layout.axis.start == instant("2025-10-22T00:00:00Z"));
  CHECK(layout.axis.end == instant("2025-11-01T00:00:00Z"));
  CHECK(layout.ticks.front().at == instant("2025-10-22T00:00:00Z"));
  CHECK(texts_in_row(layout, 22).front() == "22");
  // The talks (20–21 Oct) run off the left of the plot area; their label stays inside it.
  const auto& talks = shape(layout, t, "talks");
  CHECK(talks.box.x == Approx(160 - 200));
  CHECK(talks.box.right() == Approx(160));
  CHECK(talks.label.box.x >= 160);
  // The summit on 29 Oct: 7 days in.
  CHECK(shape(layout, t, "summit").box.x == Approx(860));

  // In Seoul (UTC+9) the same days start at 15:00Z the day before.
  auto seoul = options_1180("Asia/Seoul");
  seoul.first_day = CivilDate::from_ymd(2025, 8, 1);
  auto from_only = layout_timeline(t, all(t), nullptr, seoul);
  CHECK(from_only.axis.start == instant("2025-07-31T15:00:00Z"));
  // No last day given: the summit's last day, 29 Oct in UTC, ends at 30 Oct 09:00 KST, so the axis
  // ends at Seoul's midnight after the 30th.
  CHECK(from_only.axis.end == instant("2025-10-30T15:00:00Z"));
}

TEST_CASE("layout: a window of whole days ends on its last day, in its own zone") {
  auto t = timeline_of(R"(events:
  - id: budapest
    title: Summit in Budapest
    start: 2025-11/2025-12
    location: {city: Budapest, zone: Europe/Budapest}
)");
  auto windows = solve_windows(t);
  REQUIRE_FALSE(windows.conflict.has_value());
  auto layout = layout_timeline(t, all(t), &windows.events, options_1180());
  const auto& b = shape(layout, t, "budapest");
  CHECK(b.shape == Shape::window);
  // November or December: 1 Nov to 31 Dec in Budapest, whatever the axis's zone.
  CHECK(b.first_day == CivilDate::from_ymd(2025, 11, 1));
  CHECK(b.last_day == CivilDate::from_ymd(2025, 12, 31));
  // Budapest is UTC+1 in winter: its midnight of 1 Nov is 31 Oct 23:00Z, the one after 31 Dec is
  // 31 Dec 23:00Z.
  CHECK(b.start == instant("2025-10-31T23:00:00Z"));
  CHECK(b.end == instant("2025-12-31T23:00:00Z"));
}

TEST_CASE("layout: an arrow goes around a label its curve would cross") {
  // The talks' long label runs under their bar far past its end; the meeting, a day later in the lane
  // below, is reached by a curve that cuts through that label.
  auto t = timeline_of(R"(events:
  - id: talks
    title: Talks whose label runs well past the end of their own bar
    start: 2025-10-20
    location: {city: Geneva, zone: UTC}
    relations:
      - {type: before, event: meeting}
  - id: meeting
    title: Meeting
    start: 2025-10-21T12:00
    location: {city: Busan, zone: UTC}
)");
  auto o = options_1180();
  o.last_day = CivilDate::from_ymd(2025, 10, 29);  // 100 px a day: the label reaches 4 days past the bar
  auto layout = layout_timeline(t, all(t), nullptr, o);
  REQUIRE(layout.arrows.size() == 1);
  const auto& arrow = layout.arrows[0];
  const auto& talks = shape(layout, t, "talks");
  // The curve, sampled as the SVG draws it, does cross the talks' label: the case is a real one.
  double c = std::max(12.0, std::abs(arrow.x2 - arrow.x1) / 2);
  bool curve_crosses = false;
  for (int i = 0; i <= 200; ++i) {
    double s = i / 200.0, u = 1 - s;
    double x = u * u * u * arrow.x1 + 3 * u * u * s * (arrow.x1 + c) + 3 * u * s * s * (arrow.x2 - c) + s * s * s * arrow.x2;
    double y = u * u * u * arrow.y1 + 3 * u * u * s * arrow.y1 + 3 * u * s * s * arrow.y2 + s * s * s * arrow.y2;
    curve_crosses = curve_crosses || segment_crosses(x, y, x, y, talks.label.box);
  }
  REQUIRE(curve_crosses);
  // The route: straight segments from the talks' end to the meeting's diamond, through no label.
  REQUIRE_FALSE(arrow.route.empty());
  std::vector<std::pair<double, double>> points{{arrow.x1, arrow.y1}};
  for (const auto& p : arrow.route) points.emplace_back(p.x(), p.y);
  points.emplace_back(arrow.x2, arrow.y2);
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    auto [xa, ya] = points[i];
    auto [xb, yb] = points[i + 1];
    CHECK((xa == Approx(xb) || ya == Approx(yb)));  // horizontal or vertical
    for (const auto* l : layout.labels()) {
      INFO("segment " << i << " and '" << l->text << "'");
      CHECK_FALSE(segment_crosses(xa, ya, xb, yb, l->box));
    }
  }
  // It leaves the talks and enters the meeting horizontally.
  CHECK(arrow.route.front().y == arrow.y1);
  CHECK(arrow.route.back().y == arrow.y2);
  CHECK(arrow.route.back().x() < arrow.x2);
}
