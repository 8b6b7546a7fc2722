// The timeline (dipcal/model/timeline.h): finding events by name and putting them in order. Start instants
// are worked out by hand from fixed offsets: Pacific/Kiritimati is +14, Pacific/Pago_Pago -11 and
// Asia/Seoul +09, all year, none with daylight time (checked with Python's zoneinfo).
#include "dipcal/model/timeline.h"

#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace dipcal;
using Names = std::vector<std::string>;

namespace {

Event named(std::string id, Names aliases = {}) {
  Event e;
  e.id = std::move(id);
  e.title = e.id;
  e.aliases = std::move(aliases);
  return e;
}

Timeline sample() {
  Timeline t;
  t.add(named("busan-trump-xi", {"busan"}));
  t.add(named("busan-apec"));
  t.add(named("seoul-meeting", {"seoul"}));
  t.add(named("kuala-lumpur-asean", {"kl", "asean-2025"}));
  return t;
}

std::string found_id(const EventLookup& lookup) {
  const auto* const* event = std::get_if<const Event*>(&lookup);
  REQUIRE_MESSAGE(event != nullptr, "the name did not find a single event");
  return (*event)->id;
}

// A name, and the id of the one event of sample() it finds.
struct Found {
  std::string_view name, id;
};

void check_finds(std::initializer_list<Found> rows) {
  auto t = sample();
  for (const auto& row : rows) {
    INFO("name " << row.name);
    CHECK(found_id(t.find(row.name)) == row.id);
  }
}

}  // namespace

TEST_CASE("timeline: find by id and by alias") {
  check_finds({
      {"busan-trump-xi", "busan-trump-xi"},
      {"seoul", "seoul-meeting"},
      {"asean-2025", "kuala-lumpur-asean"},
      // An exact alias wins over being a prefix of another id ("busan" starts "busan-apec" too).
      {"busan", "busan-trump-xi"},
  });
}

TEST_CASE("timeline: find by unique prefix") {
  check_finds({
      {"busan-t", "busan-trump-xi"},
      {"busan-a", "busan-apec"},
      {"kuala", "kuala-lumpur-asean"},
      // "se" starts both "seoul-meeting" and its alias "seoul": one event, so not ambiguous.
      {"se", "seoul-meeting"},
      {"asean", "kuala-lumpur-asean"},  // prefix of the alias asean-2025
  });
}

TEST_CASE("timeline: an ambiguous prefix lists the candidates") {
  auto t = sample();
  auto lookup = t.find("busan-");
  const auto* ambiguous = std::get_if<NameAmbiguous>(&lookup);
  REQUIRE(ambiguous != nullptr);
  auto candidates = ambiguous->candidates;
  std::sort(candidates.begin(), candidates.end());
  CHECK(candidates == Names{"busan-apec", "busan-trump-xi"});

  auto b = t.find("b");
  REQUIRE(std::holds_alternative<NameAmbiguous>(b));
  CHECK(std::get<NameAmbiguous>(b).candidates.size() == 2);
}

TEST_CASE("timeline: a name that is not found gets suggestions") {
  auto t = sample();
  auto lookup = t.find("busan-trunp-xi");
  const auto* missing = std::get_if<NameNotFound>(&lookup);
  REQUIRE(missing != nullptr);
  REQUIRE_FALSE(missing->suggestions.empty());
  CHECK(missing->suggestions.front() == "busan-trump-xi");

  auto seol = t.find("seol");
  REQUIRE(std::holds_alternative<NameNotFound>(seol));
  auto suggestions = std::get<NameNotFound>(seol).suggestions;
  CHECK(std::find(suggestions.begin(), suggestions.end(), "seoul") != suggestions.end());

  auto nothing = t.find("zzzzzzzz");
  REQUIRE(std::holds_alternative<NameNotFound>(nothing));
  CHECK(std::get<NameNotFound>(nothing).suggestions.empty());
}

TEST_CASE("timeline: index_of and names") {
  auto t = sample();
  CHECK(t.size() == 4);
  CHECK(t.index_of("busan-trump-xi") == 0);
  CHECK(t.index_of("kl") == 3);
  CHECK(t.index_of("seou") == Timeline::npos);  // exact names only
  CHECK(t.index_of("") == Timeline::npos);
  CHECK(t.names() == Names{"asean-2025", "busan", "busan-apec", "busan-trump-xi", "kl", "kuala-lumpur-asean",
                           "seoul", "seoul-meeting"});
}

TEST_CASE("timeline: chronological order across zones") {
  // Local midnight of 25 Oct 2025: Kiritimati (+14) 24 Oct 10:00Z, UTC 25 Oct 00:00Z, Pago Pago (-11)
  // 25 Oct 11:00Z. The timed call at 14:00 KST is 05:00Z, between UTC's midnight and Pago Pago's.
  LoadResult r;
  load_fixture_text(R"(events:
  - id: a-pago-pago
    title: All day in Pago Pago
    start: 2025-10-25
    location: {zone: Pacific/Pago_Pago}
  - id: b-undated
    title: Undated
    location: {zone: Asia/Seoul}
  - id: c-utc
    title: All day in UTC
    start: 2025-10-25
    location: {zone: UTC}
  - id: d-kiritimati
    title: All day in Kiritimati
    start: 2025-10-25
    location: {zone: Pacific/Kiritimati}
  - id: e-call
    title: A call from Seoul
    start: 2025-10-25T14:00
    location: {zone: Asia/Seoul}
  - id: f-october
    title: Some time in October
    start: 2025-10
    location: {zone: UTC}
  - id: h-tie
    title: Same instant as g-tie
    start: 2025-10-26T09:00
    location: {zone: Asia/Seoul}
  - id: g-tie
    title: Same instant as h-tie
    start: 2025-10-26T00:00
    location: {zone: UTC}
  - id: a-undated
    title: Undated too
    location: {zone: UTC}
)",
                    "t.yaml", r);
  REQUIRE_FALSE(r.diagnostics.has_errors());
  const auto& t = r.timeline;
  REQUIRE(t.size() == 9);

  auto start = [&](std::string_view id) {
    auto s = t.at(t.index_of(id)).start_utc();
    return s ? to_rfc3339(*s) : std::string{"(none)"};
  };
  CHECK(start("d-kiritimati") == "2025-10-24T10:00:00Z");
  CHECK(start("c-utc") == "2025-10-25T00:00:00Z");
  CHECK(start("a-pago-pago") == "2025-10-25T11:00:00Z");
  CHECK(start("e-call") == "2025-10-25T05:00:00Z");

  Names order;
  for (auto i : chronological_order(t)) order.push_back(t.at(i).id);
  // October (a window from 1 Oct) first; the ties by id; the undated last, by id.
  CHECK(order == Names{"f-october", "d-kiritimati", "c-utc", "e-call", "a-pago-pago", "g-tie", "h-tie", "a-undated",
                       "b-undated"});
}

TEST_CASE("relations name their targets by index, whichever of the two events was added first") {
  auto relate = [](Event e, std::vector<std::string> targets) {
    for (auto& t : targets) e.relations.push_back(Relation{RelationType::before, std::move(t), {}, {}, {}, {}});
    return e;
  };
  Timeline t;
  t.add(relate(named("kl-trade-talks", {"kl"}), {"busan", "nowhere", "kl"}));  // forward, unknown, itself by alias
  t.add(named("apec-2025"));
  t.add(relate(named("busan-trump-xi", {"busan"}), {"kl-trade-talks", "apec-2025", "later"}));
  CHECK(t.target_of(0, 0) == 2);  // busan, added after the relation
  CHECK(t.target_of(0, 1) == Timeline::npos);
  CHECK(t.target_of(0, 2) == 0);
  CHECK(t.target_of(2, 0) == 0);
  CHECK(t.target_of(2, 1) == 1);
  CHECK(t.target_of(2, 2) == Timeline::npos);
  t.add(named("later-meeting", {"later"}));  // found by an alias once it is added
  CHECK(t.target_of(2, 2) == 3);
  CHECK(t.target_of(0, 1) == Timeline::npos);
}
