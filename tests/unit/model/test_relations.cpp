// Relation semantics (dipcal/model/relations.h). Every expected bound is read off the definitions in the
// issue (dipcal's types), RFC 9253 section 4 (Event-A, the event stating the relation, is the
// predecessor) and Allen 1983; every instant below was worked out by hand from the zones' offsets
// (Asia/Kuala_Lumpur +08:00, Asia/Seoul +09:00, America/New_York −04:00 in October; none of them
// changes offset on the days used except New York, which is not used across its change here).
#include "dipcal/model/relations.h"

#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>

#include "support/fixture_text.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>

using namespace dipcal;
using dipcal::testing::timeline_of;
using std::chrono::seconds;

namespace {

constexpr auto SA = Endpoint::start_a;
constexpr auto EA = Endpoint::end_a;
constexpr auto SB = Endpoint::start_b;
constexpr auto EB = Endpoint::end_b;
constexpr std::int64_t kDay = 86'400;

PointConstraint bound(Endpoint from, Endpoint to, std::int64_t lo, std::optional<std::int64_t> hi = std::nullopt) {
  return {from, to, seconds{lo}, hi ? std::optional<seconds>{seconds{*hi}} : std::nullopt};
}

std::string text(const std::vector<PointConstraint>& cs) {
  auto name = [](Endpoint p) {
    switch (p) {
      case Endpoint::start_a: return "S(A)";
      case Endpoint::end_a: return "E(A)";
      case Endpoint::start_b: return "S(B)";
      case Endpoint::end_b: return "E(B)";
    }
    return "?";
  };
  std::string out;
  for (const auto& c : cs)
    out += std::to_string(c.lo.count()) + " <= " + name(c.to) + " - " + name(c.from) + " <= " +
           (c.hi ? std::to_string(c.hi->count()) : std::string{"inf"}) + "; ";
  return out;
}

void check_bounds(RelationType type, const Gap& gap, const std::vector<PointConstraint>& want) {
  INFO("type ", std::string{to_string(type)});
  CHECK(text(endpoint_constraints(type, gap)) == text(want));
}

// Checks the first relation of the first event against its target.
std::optional<Diagnostic> check_first(const Timeline& t) {
  const auto& a = t.at(0);
  REQUIRE_FALSE(a.relations.empty());
  const auto& rel = a.relations.front();
  return check_relation(a, rel, t.at(t.index_of(rel.target)));
}

// Two events: `a` (with one relation to `b`) and `b`, each given as the YAML after its id line.
std::string pair(std::string_view a_body, std::string_view relation, std::string_view b_body) {
  return std::string{"events:\n  - id: a\n    title: A\n"} + std::string{a_body} + "    relations:\n      - " +
         std::string{relation} + "\n        event: b\n  - id: b\n    title: B\n" + std::string{b_body};
}

constexpr std::string_view kKL = "    location: {city: Kuala Lumpur, zone: Asia/Kuala_Lumpur}\n";
constexpr std::string_view kSeoul = "    location: {city: Busan, zone: Asia/Seoul}\n";

}  // namespace

TEST_CASE("every relation type has its words and its direction") {
  struct Want {
    RelationType type;
    std::string_view forward, inverse;
    DependencyDirection direction;
    bool gap;
  };
  using D = DependencyDirection;
  // Directions from the issue: A before/prepares B gives A→B; after/follows-up gives B→A; during gives
  // B→A (the parent first), contains the mirror; meets, overlaps and the RFC types run A→B; starts,
  // finishes, equals and same-day order nothing.
  const Want wants[] = {
      {RelationType::before, "before", "after", D::a_to_b, true},
      {RelationType::after, "after", "before", D::b_to_a, true},
      {RelationType::prepares, "prepares", "is prepared by", D::a_to_b, true},
      {RelationType::follows_up, "follows up", "is followed up by", D::b_to_a, true},
      {RelationType::during, "during", "contains", D::b_to_a, false},
      {RelationType::contains, "contains", "during", D::a_to_b, false},
      {RelationType::overlaps, "overlaps", "is overlapped by", D::a_to_b, false},
      {RelationType::starts, "starts", "is started by", D::none, false},
      {RelationType::finishes, "finishes", "is finished by", D::none, false},
      {RelationType::meets, "meets", "is met by", D::a_to_b, false},
      {RelationType::equals, "equals", "equals", D::none, false},
      {RelationType::same_day, "is on the same day as", "is on the same day as", D::none, false},
      {RelationType::finish_to_start, "finishes before the start of", "starts after the finish of", D::a_to_b, true},
      {RelationType::start_to_start, "starts before the start of", "starts after the start of", D::a_to_b, true},
      {RelationType::finish_to_finish, "finishes before the finish of", "finishes after the finish of", D::a_to_b, true},
      {RelationType::start_to_finish, "starts before the finish of", "finishes after the start of", D::a_to_b, true},
  };
  CHECK(std::size(wants) == relation_type_names().size());
  for (const auto& w : wants) {
    INFO(std::string{to_string(w.type)});
    const auto& s = semantics(w.type);
    CHECK(s.type == w.type);
    CHECK(s.forward == w.forward);
    CHECK(s.inverse == w.inverse);
    CHECK(s.direction == w.direction);
    CHECK(s.takes_gap == w.gap);
  }
}

TEST_CASE("endpoint bounds of every relation type, without a gap") {
  const Gap none;
  // before/prepares/FINISHTOSTART: 0 ≤ S(B) − E(A); after/follows-up the mirror 0 ≤ S(A) − E(B).
  check_bounds(RelationType::before, none, {bound(EA, SB, 0)});
  check_bounds(RelationType::prepares, none, {bound(EA, SB, 0)});
  check_bounds(RelationType::finish_to_start, none, {bound(EA, SB, 0)});
  check_bounds(RelationType::after, none, {bound(EB, SA, 0)});
  check_bounds(RelationType::follows_up, none, {bound(EB, SA, 0)});
  // RFC 9253: Event-A starts before Event-B starts / finishes before it finishes / starts before it finishes.
  check_bounds(RelationType::start_to_start, none, {bound(SA, SB, 0)});
  check_bounds(RelationType::finish_to_finish, none, {bound(EA, EB, 0)});
  check_bounds(RelationType::start_to_finish, none, {bound(SA, EB, 0)});
  // during: S(B) ≤ S(A) and E(A) ≤ E(B), not strict; contains the mirror.
  check_bounds(RelationType::during, none, {bound(SB, SA, 0), bound(EA, EB, 0)});
  check_bounds(RelationType::contains, none, {bound(SA, SB, 0), bound(EB, EA, 0)});
  // Allen's, with "<" as one second: S(A) < S(B) < E(A) < E(B).
  check_bounds(RelationType::overlaps, none, {bound(SA, SB, 1), bound(SB, EA, 1), bound(EA, EB, 1)});
  check_bounds(RelationType::starts, none, {bound(SA, SB, 0, 0), bound(EA, EB, 1)});
  check_bounds(RelationType::finishes, none, {bound(SB, SA, 1), bound(EA, EB, 0, 0)});
  check_bounds(RelationType::meets, none, {bound(EA, SB, 0, 0)});
  check_bounds(RelationType::equals, none, {bound(SA, SB, 0, 0), bound(EA, EB, 0, 0)});
  // same-day as a bound: |S(B) − S(A)| < 1 day, i.e. within ±86 399 s.
  check_bounds(RelationType::same_day, none, {bound(SA, SB, -(kDay - 1), kDay - 1)});
}

TEST_CASE("a gap bounds the distance between the two named points") {
  const Gap two_to_seven{seconds{2 * kDay}, seconds{7 * kDay}};
  check_bounds(RelationType::before, two_to_seven, {bound(EA, SB, 2 * kDay, 7 * kDay)});
  check_bounds(RelationType::after, two_to_seven, {bound(EB, SA, 2 * kDay, 7 * kDay)});
  check_bounds(RelationType::start_to_start, two_to_seven, {bound(SA, SB, 2 * kDay, 7 * kDay)});
  check_bounds(RelationType::start_to_finish, two_to_seven, {bound(SA, EB, 2 * kDay, 7 * kDay)});
  // Only a max: the min stays 0 (end no later than start).
  check_bounds(RelationType::follows_up, Gap{std::nullopt, seconds{30 * kDay}}, {bound(EB, SA, 0, 30 * kDay)});
  // A gap on a type that takes none changes nothing here…
  check_bounds(RelationType::during, two_to_seven, {bound(SB, SA, 0), bound(EA, EB, 0)});
  // …and is an error.
  for (auto type : {RelationType::during, RelationType::contains, RelationType::overlaps, RelationType::starts, RelationType::finishes,
                    RelationType::meets, RelationType::equals, RelationType::same_day}) {
    Relation r;
    r.type = type;
    r.gap.min = seconds{kDay};
    auto error = gap_error(r);
    REQUIRE(error.has_value());
    CHECK(*error == "gap has no meaning for " + std::string{to_string(type)});
  }
  Relation before;
  before.type = RelationType::before;
  before.gap.max = seconds{kDay};
  CHECK_FALSE(gap_error(before).has_value());
  Relation plain_during;
  plain_during.type = RelationType::during;
  CHECK_FALSE(gap_error(plain_during).has_value());
}

TEST_CASE("Allen's thirteen relations: exactly one holds for each pair of intervals") {
  // Intervals on a line of seconds; A = [sa, ea], B = [sb, eb].
  struct Case {
    AllenRelation want;
    std::int64_t sa, ea, sb, eb;
  };
  const Case cases[] = {
      {AllenRelation::before, 0, 5, 7, 9},         {AllenRelation::meets, 0, 5, 5, 9},
      {AllenRelation::overlaps, 0, 5, 3, 9},       {AllenRelation::starts, 0, 5, 0, 9},
      {AllenRelation::during, 2, 5, 0, 9},         {AllenRelation::finishes, 2, 9, 0, 9},
      {AllenRelation::equals, 0, 9, 0, 9},         {AllenRelation::finished_by, 0, 9, 2, 9},
      {AllenRelation::contains, 0, 9, 2, 5},       {AllenRelation::started_by, 0, 9, 0, 5},
      {AllenRelation::overlapped_by, 3, 9, 0, 5},  {AllenRelation::met_by, 5, 9, 0, 5},
      {AllenRelation::after, 7, 9, 0, 5},
  };
  CHECK(std::size(cases) == kAllenRelationCount);
  for (const auto& c : cases) {
    auto sa = Instant::from_unix(c.sa), ea = Instant::from_unix(c.ea), sb = Instant::from_unix(c.sb), eb = Instant::from_unix(c.eb);
    INFO("want ", std::string{to_string(c.want)});
    CHECK(to_string(classify(sa, ea, sb, eb)) == to_string(c.want));
    int holding = 0;
    for (std::size_t r = 0; r < kAllenRelationCount; ++r)
      holding += satisfies(endpoint_constraints(static_cast<AllenRelation>(r)), sa, ea, sb, eb) ? 1 : 0;
    CHECK(holding == 1);
    // Swapping A and B gives the inverse relation.
    CHECK(to_string(classify(sb, eb, sa, ea)) == to_string(inverse(c.want)));
  }
  // The strict "<" is one second: 5 → 6 is before, 5 → 5 is meets.
  CHECK(classify(Instant::from_unix(0), Instant::from_unix(5), Instant::from_unix(6), Instant::from_unix(9)) == AllenRelation::before);
  CHECK(to_string(AllenRelation::overlapped_by) == "overlapped-by");
  CHECK(inverse(AllenRelation::equals) == AllenRelation::equals);
  CHECK(inverse(AllenRelation::during) == AllenRelation::contains);
}

TEST_CASE("how dipcal's types map onto Allen's (the table in relations.h)") {
  using A = AllenRelation;
  auto names = [](const std::vector<A>& rs) {
    std::string out;
    for (auto r : rs) out += std::string{to_string(r)} + " ";
    return out;
  };
  auto want = [&](std::initializer_list<A> rs) { return names(std::vector<A>(rs)); };
  CHECK(names(allen_relations(RelationType::before)) == want({A::before, A::meets}));
  CHECK(names(allen_relations(RelationType::after)) == want({A::met_by, A::after}));
  CHECK(names(allen_relations(RelationType::during)) == want({A::starts, A::during, A::finishes, A::equals}));
  CHECK(names(allen_relations(RelationType::contains)) == want({A::equals, A::finished_by, A::contains, A::started_by}));
  CHECK(names(allen_relations(RelationType::overlaps)) == want({A::overlaps}));
  CHECK(names(allen_relations(RelationType::starts)) == want({A::starts}));
  CHECK(names(allen_relations(RelationType::finishes)) == want({A::finishes}));
  CHECK(names(allen_relations(RelationType::meets)) == want({A::meets}));
  CHECK(names(allen_relations(RelationType::equals)) == want({A::equals}));
  // S(A) ≤ S(B): A starts no later than B.
  CHECK(names(allen_relations(RelationType::start_to_start)) ==
        want({A::before, A::meets, A::overlaps, A::starts, A::equals, A::finished_by, A::contains, A::started_by}));
  // E(A) ≤ E(B).
  CHECK(names(allen_relations(RelationType::finish_to_finish)) ==
        want({A::before, A::meets, A::overlaps, A::starts, A::during, A::finishes, A::equals, A::finished_by}));
  // S(A) ≤ E(B): all but "after".
  CHECK(allen_relations(RelationType::start_to_finish).size() == 12);
}

TEST_CASE("a broken prepares names both events and both dates, each in its own zone") {
  // Talks all day 25–31 Oct in Kuala Lumpur end at local midnight after the 31st = 2025-10-31T16:00Z;
  // the meeting starts 2025-10-30T11:00 KST = 02:00Z, before that.
  auto t = timeline_of(pair(std::string{"    start: 2025-10-25\n    end: 2025-10-31\n"} + std::string{kKL}, "type: prepares",
                            std::string{"    start: 2025-10-30T11:00\n    duration: PT1H40M\n"} + std::string{kSeoul}));
  auto d = check_first(t);
  REQUIRE(d.has_value());
  CHECK(d->message == "a prepares b, but ends 2025-10-31 after it starts Thu 30 Oct 2025 11:00 KST");
  CHECK(d->expected == "the end of a no later than the start of b");
  CHECK(d->where.file == "test.yaml");
  // Lines of the text `pair` builds: 2 "  - id: a", 3 title, 4–6 a's body, 7 "relations:",
  // 8 "      - type: prepares" (column 9 is the mapping), 9 "event: b", 10 "  - id: b".
  CHECK(d->where.line == 8);
  CHECK(d->where.col == 9);
  REQUIRE(d->notes.size() == 2);
  // An all-day event beside a timed one is compared on the UTC line, so both are shown there too:
  // midnight of 25 Oct in Kuala Lumpur (+08:00) is 24 Oct 16:00Z, midnight after 31 Oct is 31 Oct
  // 16:00Z; 11:00 and 12:40 KST (+09:00) are 02:00Z and 03:40Z.
  CHECK(d->notes[0] == "test.yaml:2:9: a is 2025-10-25 – 2025-10-31 (all day, Asia/Kuala_Lumpur), 2025-10-24T16:00:00Z – 2025-10-31T16:00:00Z UTC");
  CHECK(d->notes[1] == "test.yaml:10:9: b is Thu 30 Oct 2025 11:00 KST – Thu 30 Oct 2025 12:40 KST (Asia/Seoul), 2025-10-30T02:00:00Z – 2025-10-30T03:40:00Z UTC");
}

TEST_CASE("the seed's prepares holds; its gap can break it by how much") {
  const std::string talks = std::string{"    start: 2025-10-25\n    end: 2025-10-26\n"} + std::string{kKL};
  const std::string busan = std::string{"    start: 2025-10-30T11:00\n    duration: PT1H40M\n"} + std::string{kSeoul};
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: prepares", busan))).has_value());
  // End of the talks 2025-10-26T16:00Z, start of Busan 2025-10-30T02:00Z: 3 days 10 h apart.
  auto d = check_first(timeline_of(pair(talks, "type: prepares\n        gap: {min: 5d}", busan)));
  REQUIRE(d.has_value());
  CHECK(d->message ==
        "a prepares b, but ends 2025-10-26, only 3 days 10 h before it starts Thu 30 Oct 2025 11:00 KST; the gap is at least 5 days");
  CHECK(d->expected == "the end of a at least 5 days before the start of b");
  d = check_first(timeline_of(pair(talks, "type: before\n        gap: {max: 2d}", busan)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a before b, but ends 2025-10-26, 3 days 10 h before it starts Thu 30 Oct 2025 11:00 KST; the gap is at most 2 days");
  CHECK(d->expected == "the end of a at most 2 days before the start of b");
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: before\n        gap: {min: 3d, max: 4d}", busan))).has_value());
}

TEST_CASE("after and follows-up mirror before") {
  const std::string busan = std::string{"    start: 2025-10-30T11:00\n    duration: PT1H40M\n"} + std::string{kSeoul};
  // APEC 31 Oct – 1 Nov in Seoul starts 2025-10-30T15:00Z, after Busan ends (03:40Z).
  const std::string apec = std::string{"    start: 2025-10-31\n    end: 2025-11-01\n"} + std::string{kSeoul};
  CHECK_FALSE(check_first(timeline_of(pair(apec, "type: after", busan))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(apec, "type: follows-up", busan))).has_value());
  // Turned round it breaks: Busan starts 2025-10-30 11:00 KST, before APEC ends.
  auto d = check_first(timeline_of(pair(busan, "type: after", apec)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a after b, but starts Thu 30 Oct 2025 11:00 KST before it ends 2025-11-01");
  CHECK(d->expected == "the start of a no earlier than the end of b");
  // At least 1 day after: 15:00Z − 03:40Z is 11 h 20 min.
  d = check_first(timeline_of(pair(apec, "type: after\n        gap: {min: 1d}", busan)));
  REQUIRE(d.has_value());
  CHECK(d->message ==
        "a after b, but starts 2025-10-31, only 11 h 20 min after it ends Thu 30 Oct 2025 12:40 KST; the gap is at least 1 day");
  CHECK(d->expected == "the start of a at least 1 day after the end of b");
}

TEST_CASE("during is not strict: a side meeting on the first day of a summit is during it") {
  const std::string summit = std::string{"    start: 2025-10-26\n    end: 2025-10-28\n"} + std::string{kKL};
  CHECK_FALSE(check_first(timeline_of(pair(std::string{"    start: 2025-10-26\n"} + std::string{kKL}, "type: during", summit))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(std::string{"    start: 2025-10-28\n"} + std::string{kKL}, "type: during", summit))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(summit, "type: contains", std::string{"    start: 2025-10-27T10:00\n"} + std::string{kKL}))).has_value());
  // The eve of the summit is not during it.
  auto d = check_first(timeline_of(pair(std::string{"    start: 2025-10-25\n    end: 2025-10-26\n"} + std::string{kKL}, "type: during", summit)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a during b, but starts 2025-10-25 before it starts 2025-10-26");
  CHECK(d->expected == "the start of a no earlier than the start of b (by their civil dates)");
}

TEST_CASE("overlaps, starts, finishes, equals and meets, held and broken") {
  const std::string summit = std::string{"    start: 2025-10-26\n    end: 2025-10-28\n"} + std::string{kKL};
  // Talks 25–26 Oct overlap the summit 26–28 Oct: S(A) 25th < S(B) 26th < E(A) 27th 00:00 < E(B) 29th 00:00.
  const std::string talks = std::string{"    start: 2025-10-25\n    end: 2025-10-26\n"} + std::string{kKL};
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: overlaps", summit))).has_value());
  // Starting together is not overlapping in Allen's sense.
  auto d = check_first(timeline_of(pair(std::string{"    start: 2025-10-26\n    end: 2025-10-27\n"} + std::string{kKL}, "type: overlaps", summit)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a overlaps b, but starts 2025-10-26 at the same moment as it starts 2025-10-26");
  CHECK(d->expected == "the start of a before the start of b (by their civil dates)");
  // starts: same start, earlier end; finishes: later start, same end; equals: both.
  CHECK_FALSE(check_first(timeline_of(pair(std::string{"    start: 2025-10-26\n"} + std::string{kKL}, "type: starts", summit))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(std::string{"    start: 2025-10-28\n"} + std::string{kKL}, "type: finishes", summit))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(summit, "type: equals", summit))).has_value());
  d = check_first(timeline_of(pair(std::string{"    start: 2025-10-27\n"} + std::string{kKL}, "type: starts", summit)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a starts b, but starts 2025-10-27 after it starts 2025-10-26");
  CHECK(d->expected == "the start of a at the same moment as the start of b (by their civil dates)");
  // meets in one zone: the talks end at midnight after the 26th, when a day event on the 27th starts.
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: meets", std::string{"    start: 2025-10-27\n"} + std::string{kKL}))).has_value());
  // Across zones too, by civil dates: the talks end 2025-10-26T16:00Z and Seoul's 27th starts at
  // 15:00Z, an hour earlier on the UTC line, yet a day event on the 27th follows talks that end on
  // the 26th. A day event on the 28th leaves a day between them.
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: meets", std::string{"    start: 2025-10-27\n"} + std::string{kSeoul}))).has_value());
  d = check_first(timeline_of(pair(talks, "type: meets", std::string{"    start: 2025-10-28\n"} + std::string{kSeoul})));
  REQUIRE(d.has_value());
  CHECK(d->message == "a meets b, but ends 2025-10-26 before it starts 2025-10-28");
}

TEST_CASE("the RFC 9253 types: the event stating the relation is the predecessor") {
  const std::string talks = std::string{"    start: 2025-10-25\n    end: 2025-10-26\n"} + std::string{kKL};
  const std::string summit = std::string{"    start: 2025-10-26\n    end: 2025-10-28\n"} + std::string{kKL};
  // Overlapping talks: they start (25th) before the summit starts (26th) and end (27th 00:00) before
  // it ends (29th 00:00), but do not finish before it starts.
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: STARTTOSTART", summit))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: FINISHTOFINISH", summit))).has_value());
  CHECK_FALSE(check_first(timeline_of(pair(talks, "type: STARTTOFINISH", summit))).has_value());
  auto d = check_first(timeline_of(pair(talks, "type: FINISHTOSTART", summit)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a FINISHTOSTART b, but ends 2025-10-26 after it starts 2025-10-26");
  // Turned round, STARTTOSTART breaks: the summit starts after the talks.
  d = check_first(timeline_of(pair(summit, "type: STARTTOSTART", talks)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a STARTTOSTART b, but starts 2025-10-26 after it starts 2025-10-25");
  // A GAP on STARTTOSTART: the starts are 1 day apart, so at least 2 days breaks.
  d = check_first(timeline_of(pair(talks, "type: STARTTOSTART\n        gap: {min: 2d}", summit)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a STARTTOSTART b, but starts 2025-10-25, only 1 day before it starts 2025-10-26; the gap is at least 2 days");
}

TEST_CASE("same-day compares civil dates in the stated zone") {
  // 09:00 EDT on 30 Oct = 13:00Z = 22:00 KST on 30 Oct; Busan 11:00 KST on 30 Oct = 22:00 EDT on 29 Oct.
  const std::string ny = "    start: 2025-10-30T09:00\n    location: {city: New York, zone: America/New_York}\n";
  const std::string busan = std::string{"    start: 2025-10-30T11:00\n"} + std::string{kSeoul};
  CHECK_FALSE(check_first(timeline_of(pair(ny, "type: same-day\n        zone: Asia/Seoul", busan))).has_value());
  auto d = check_first(timeline_of(pair(ny, "type: same-day\n        zone: America/New_York", busan)));
  REQUIRE(d.has_value());
  CHECK(d->message == "a same-day b in America/New_York, but a starts on Thu 30 Oct 2025 there and b on Wed 29 Oct 2025");
  // An all-day event keeps its own date: the 30th in Kuala Lumpur is the 30th in any zone.
  CHECK_FALSE(check_first(timeline_of(pair(std::string{"    start: 2025-10-30\n"} + std::string{kKL},
                                           "type: same-day\n        zone: America/New_York", ny)))
                  .has_value());
}

TEST_CASE("windows are skipped; a gap where it means nothing is the loader's; check_relations reports broken relations") {
  // An undated event: nothing to check yet.
  auto t = timeline_of(pair("    location: {zone: Asia/Shanghai}\n", "type: before", std::string{"    start: 2025-10-30\n"} + std::string{kSeoul}));
  CHECK_FALSE(check_first(t).has_value());
  CHECK(check_relations(t).error_count() == 0);
  const std::string summit_and_side =
      "events:\n"
      "  - id: summit\n    title: Summit\n    start: 2025-10-26\n    end: 2025-10-28\n"
      "    location: {zone: Asia/Kuala_Lumpur}\n"
      "  - id: side\n    title: Side meeting\n    start: 2025-10-26\n    location: {zone: Asia/Kuala_Lumpur}\n"
      "    relations:\n";
  // A gap on during is reported where the relation is read (line 14, the gap's value at column 14),
  // whatever else is wrong, and leaves its event out.
  LoadResult with_gap;
  load_fixture_text(summit_and_side + "      - type: during\n        event: summit\n        gap: {min: 1d}\n", "rel.yaml", with_gap);
  REQUIRE(with_gap.diagnostics.error_count() == 1);
  CHECK(with_gap.diagnostics.all()[0].message == "gap has no meaning for during");
  CHECK(with_gap.diagnostics.all()[0].where.line == 14);
  CHECK(with_gap.diagnostics.all()[0].where.col == 14);
  CHECK(with_gap.timeline.size() == 1);
  // A broken prepares is check_relations' to report.
  auto u = timeline_of(summit_and_side + "      - type: prepares\n        event: summit\n");
  auto all = check_relations(u);
  REQUIRE(all.error_count() == 1);
  // The side meeting ends at midnight after the 26th, a day after the summit starts.
  CHECK(all.all()[0].message == "side prepares summit, but ends 2025-10-26 after it starts 2025-10-26");
}
