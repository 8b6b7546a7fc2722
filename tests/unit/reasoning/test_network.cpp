// The temporal network: windows worked out by hand on small networks, consistent and not.
#include "dipcal/fixture/load.h"
#include "dipcal/reasoning/network.h"

#include <doctest/doctest.h>

#include "support/values.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>

using dipcal::Instant;
using dipcal::TemporalNetwork;
using std::chrono::seconds;

namespace {

Instant at(std::int64_t s) { return Instant::from_unix(s); }

std::uint32_t source(TemporalNetwork& net, const char* text) {
  return net.add_source({dipcal::ConstraintSource::Kind::relation, text, {}});
}

}  // namespace

TEST_CASE("a chain of bounds propagates forwards and backwards") {
  // A is pinned to [0, 10]. B starts 5..20 s after A ends and lasts exactly 4 s. C starts at least
  // 3 s after B ends, and no later than t = 30. By hand:
  //   B.start in [10+5, 10+20] = [15, 30]; C.start ≤ 30 forces B.end ≤ 27, so B.start ≤ 23.
  //   B.start in [15, 23], B.end in [19, 27], C.start in [19+3, 30] = [22, 30]; C.end ≥ C.start.
  TemporalNetwork net{3};
  auto s = source(net, "test");
  net.pin(net.start(0), at(0), s);
  net.pin(net.end(0), at(10), s);
  net.add({net.end(0), net.start(1), seconds{5}, seconds{20}, s});
  net.add({net.start(1), net.end(1), seconds{4}, seconds{4}, s});
  net.add({net.end(1), net.start(2), seconds{3}, {}, s});
  net.add({net.start(2), net.end(2), seconds{0}, {}, s});
  net.bound(net.start(2), {}, at(30), s);
  auto solution = net.solve();
  REQUIRE(solution.consistent);
  auto& p = solution.points;
  CHECK(p[net.start(1)].earliest == at(15));
  CHECK(p[net.start(1)].latest == at(23));
  CHECK(p[net.end(1)].earliest == at(19));
  CHECK(p[net.end(1)].latest == at(27));
  CHECK(p[net.start(2)].earliest == at(22));
  CHECK(p[net.start(2)].latest == at(30));
  CHECK(p[net.end(2)].earliest == at(22));
  CHECK_FALSE(p[net.end(2)].latest.has_value());  // nothing bounds C's length
  // Pinned points come back as they were given.
  CHECK(p[net.start(0)].earliest == at(0));
  CHECK(p[net.start(0)].latest == at(0));
}

TEST_CASE("an event no bound reaches is unbounded both ways") {
  TemporalNetwork net{1};
  net.add({net.start(0), net.end(0), seconds{0}, {}, source(net, "length")});
  auto solution = net.solve();
  REQUIRE(solution.consistent);
  CHECK_FALSE(solution.points[net.start(0)].earliest.has_value());
  CHECK_FALSE(solution.points[net.start(0)].latest.has_value());
}

TEST_CASE("cycles whose total is zero are simultaneous events, and consistent") {
  SUBCASE("two pinned events that are equal") {
    TemporalNetwork net{2};
    auto s = source(net, "dates");
    for (std::size_t e = 0; e < 2; ++e) {
      net.pin(net.start(e), at(0), s);
      net.pin(net.end(e), at(10), s);
    }
    net.add({net.start(0), net.start(1), seconds{0}, seconds{0}, s});  // A equals B
    net.add({net.end(0), net.end(1), seconds{0}, seconds{0}, s});
    auto solution = net.solve();
    CHECK(solution.consistent);
    CHECK(solution.points[net.end(1)].earliest == at(10));
  }
  SUBCASE("A meets B and B meets A: every point is the same instant") {
    TemporalNetwork net{2};
    auto s = source(net, "meets");
    net.add({net.start(0), net.end(0), seconds{0}, {}, s});
    net.add({net.start(1), net.end(1), seconds{0}, {}, s});
    net.add({net.end(0), net.start(1), seconds{0}, seconds{0}, s});
    net.add({net.end(1), net.start(0), seconds{0}, seconds{0}, s});
    net.pin(net.start(0), at(100), s);
    auto solution = net.solve();
    REQUIRE(solution.consistent);
    for (std::uint32_t point = 0; point < 4; ++point) {
      CHECK(solution.points[point].earliest == at(100));
      CHECK(solution.points[point].latest == at(100));
    }
  }
}

TEST_CASE("an inconsistent network reports its cycle and by how much it contradicts") {
  // A is [0, 10] and B [12, 20], but B must start at least 5 s after A ends: 12 − 10 = 2 < 5, short by 3.
  TemporalNetwork net{2};
  auto a_end = net.add_source({dipcal::ConstraintSource::Kind::date, "A ends at 10", {}});
  auto b_start = net.add_source({dipcal::ConstraintSource::Kind::date, "B starts at 12", {}});
  auto other = net.add_source({dipcal::ConstraintSource::Kind::date, "other dates", {}});
  auto relation = net.add_source({dipcal::ConstraintSource::Kind::relation, "B after A, at least 5 s", {}});
  net.pin(net.start(0), at(0), other);
  net.pin(net.end(0), at(10), a_end);
  net.pin(net.start(1), at(12), b_start);
  net.pin(net.end(1), at(20), other);
  net.add({net.end(0), net.start(1), seconds{5}, {}, relation});
  auto solution = net.solve();
  REQUIRE_FALSE(solution.consistent);
  REQUIRE(solution.conflict.has_value());
  CHECK(solution.conflict->excess == seconds{3});
  std::set<std::uint32_t> sources;
  seconds total{0};
  for (const auto& step : solution.conflict->cycle) {
    sources.insert(step.source);
    total += step.weight;
  }
  CHECK(total == seconds{-3});
  CHECK(sources == std::set<std::uint32_t>{a_end, b_start, relation});
  // The steps join up: each starts where the one before ended, and the last returns to the first.
  const auto& cycle = solution.conflict->cycle;
  for (std::size_t i = 0; i < cycle.size(); ++i) CHECK(cycle[i].to == cycle[(i + 1) % cycle.size()].from);
}

TEST_CASE("a contradiction among undated events is found too") {
  // A before B and B before A, each at least a day apart: short by two days, and no date involved.
  TemporalNetwork net{2};
  auto s = source(net, "relations");
  net.add({net.start(0), net.end(0), seconds{0}, {}, s});
  net.add({net.start(1), net.end(1), seconds{0}, {}, s});
  net.add({net.end(0), net.start(1), seconds{86400}, {}, s});
  net.add({net.end(1), net.start(0), seconds{86400}, {}, s});
  auto solution = net.solve();
  REQUIRE_FALSE(solution.consistent);
  CHECK(solution.conflict->excess == seconds{2 * 86400});
}

namespace {

// A fixture, loaded as "net.yaml" without errors, and the windows its network allows.
struct Solved {
  dipcal::LoadResult loaded;
  dipcal::TimelineWindows windows;

  [[nodiscard]] const dipcal::EventWindow& of(std::string_view id) const {
    return windows.events[loaded.timeline.index_of(id)];
  }
};

Solved solve(const std::string& fixture) {
  Solved solved;
  dipcal::load_fixture_text(fixture, "net.yaml", solved.loaded);
  REQUIRE_FALSE(solved.loaded.diagnostics.has_errors());
  solved.windows = dipcal::solve_windows(solved.loaded.timeline);
  return solved;
}

// What a window's bound should be: the instant written in RFC 3339, or kUnbounded.
constexpr std::string_view kUnbounded = "";

std::optional<dipcal::Instant> bound(std::string_view rfc3339) {
  if (rfc3339 == kUnbounded) return std::nullopt;
  return dipcal::testing::instant(rfc3339);
}

// Checks the window the network allows event `id`: its earliest and latest start, and its latest end.
void check_window(const Solved& solved, std::string_view id, std::string_view earliest_start,
                  std::string_view latest_start, std::string_view latest_end) {
  CAPTURE(id);
  const auto& window = solved.of(id);
  CHECK(window.start.earliest == bound(earliest_start));
  CHECK(window.start.latest == bound(latest_start));
  CHECK(window.end.latest == bound(latest_end));
}

}  // namespace

TEST_CASE("a fixture's undated event gets its window from relations") {
  // Busan: 11:00–12:40 KST on 30 Oct 2025 = 02:00–03:40Z. The follow-up is after it, within 30 days:
  // it starts between 03:40Z on 30 Oct and 03:40Z on 29 Nov (30 × 86 400 s later).
  auto solved = solve(R"(events:
  - id: busan
    title: Busan meeting
    start: 2025-10-30T11:00
    duration: PT1H40M
    location: {zone: Asia/Seoul}
  - id: follow-up
    title: Follow-up round
    status: tentative
    location: {zone: Asia/Shanghai}
    relations: [{type: after, event: busan, gap: {max: 30d}}]
)");
  REQUIRE_FALSE(solved.windows.conflict.has_value());
  // Nothing bounds the follow-up's length; Busan is pinned to its own times.
  check_window(solved, "follow-up", "2025-10-30T03:40:00Z", "2025-11-29T03:40:00Z", kUnbounded);
  check_window(solved, "busan", "2025-10-30T02:00:00Z", "2025-10-30T02:00:00Z", "2025-10-30T03:40:00Z");
}

TEST_CASE("an EDTF window and a relation narrow each other") {
  // Talks "in November 2025" (Europe/Madrid: CET, +01:00, all month) that must come at least 20 days
  // after an all-day event on 4 Nov in UTC. Both take whole days, so the relation compares civil
  // dates: the talks start on 25 Nov or later in Madrid, at its midnight, 2025-11-24T23:00Z. The
  // month's window ends when 30 Nov ends in Madrid, 2025-11-30T23:00Z, and its latest start is
  // midnight of 30 Nov, 2025-11-29T23:00Z.
  auto solved = solve(R"(events:
  - id: anchor
    title: Anchor
    start: 2025-11-04
    location: {zone: UTC}
  - id: talks
    title: Talks in November
    start: "2025-11"
    location: {zone: Europe/Madrid}
    relations: [{type: after, event: anchor, gap: {min: 20d}}]
)");
  REQUIRE_FALSE(solved.windows.conflict.has_value());
  check_window(solved, "talks", "2025-11-24T23:00:00Z", "2025-11-29T23:00:00Z", "2025-11-30T23:00:00Z");
}

TEST_CASE("an inconsistent fixture is explained at the relation, with every constraint's place") {
  // KL talks end at midnight after 26 Oct in Kuala Lumpur (+08:00) = 2025-10-26T16:00Z; Busan starts
  // 2025-10-30T02:00Z: 3 days 10 hours later, so "at least 5 days" is short by 1 day 14 h.
  auto solved = solve(R"(events:
  - id: kl-talks
    title: KL talks
    start: 2025-10-25
    end: 2025-10-26
    location: {zone: Asia/Kuala_Lumpur}
  - id: undated
    title: Undated
    location: {zone: UTC}
    relations: [{type: after, event: kl-talks}]
  - id: busan
    title: Busan
    start: 2025-10-30T11:00
    location: {zone: Asia/Seoul}
    relations:
      - {type: after, event: kl-talks, gap: {min: 5d}}
)");
  REQUIRE(solved.windows.conflict.has_value());
  const auto& d = *solved.windows.conflict;
  CHECK(d.where.file == "net.yaml");
  CHECK(d.where.line == 16);  // the relation's line
  CHECK(d.message.find("1 day 14 h short") != std::string::npos);
  auto mentions = [&](const std::string& text) {
    return std::any_of(d.notes.begin(), d.notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
  };
  CHECK(mentions("net.yaml:16:9: busan after kl-talks, at least 5 days"));
  CHECK(mentions("busan starts at Thu 30 Oct 2025 11:00 KST"));
  CHECK(mentions("kl-talks ends after Sun 26 Oct 2025"));
}
