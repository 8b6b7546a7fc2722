// The dependency graph (dipcal/reasoning/graph.h). Each fixture is small enough to draw by hand; the expected
// edges, levels, cycles and chains below come from those drawings, written beside each test.
#include "dipcal/reasoning/graph.h"

#include "dipcal/fixture/load.h"

#include <doctest/doctest.h>

#include "support/fixture_text.h"

#include <algorithm>
#include <string>
#include <string_view>

using namespace dipcal;
using dipcal::testing::timeline_of;
using std::chrono::seconds;

namespace {

// An event with a date (or none), in Paris, and relations "type target" separated by commas.
std::string event(std::string_view id, std::string_view start, std::string_view relations = {}) {
  std::string out = "  - id: " + std::string{id} + "\n    title: " + std::string{id} + " title\n";
  if (!start.empty()) out += "    start: " + std::string{start} + "\n";
  out += "    location: {zone: Europe/Paris}\n";
  if (!relations.empty()) {
    out += "    relations:\n";
    std::string_view rest = relations;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      auto item = rest.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      auto space = item.find(' ');
      out += "      - type: " + std::string{item.substr(0, space)} + "\n        event: " + std::string{item.substr(space + 1)} + "\n";
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  return out;
}

std::vector<std::string> ids(const Timeline& t, const std::vector<std::size_t>& events) {
  std::vector<std::string> out;
  for (auto i : events) out.push_back(t.at(i).id);
  return out;
}

std::size_t at(const Timeline& t, std::string_view id) {
  auto i = t.index_of(id);
  REQUIRE(i != Timeline::npos);
  return i;
}

// "prerequisite>dependent:word" for each link, in the order the graph holds them.
std::vector<std::string> edges(const DependencyGraph& g) {
  std::vector<std::string> out;
  for (const auto& l : g.links())
    out.push_back(g.timeline().at(l.prerequisite).id + ">" + g.timeline().at(l.dependent).id + ":" + std::string{l.word()});
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("each relation type points its edge from the prerequisite to the dependent") {
  // One relation per type, each stated by `a` about a different event, so every edge is its own.
  auto t = timeline_of("events:\n" +
                       event("a", "",
                             "before b1, after b2, prepares b3, follows-up b4, during b5, contains b6, overlaps b7, starts b8, "
                             "finishes b9, meets b10, equals b11, FINISHTOSTART b12, STARTTOSTART b13, FINISHTOFINISH b14, "
                             "STARTTOFINISH b15") +
                       event("b1", "") + event("b2", "") + event("b3", "") + event("b4", "") + event("b5", "") + event("b6", "") +
                       event("b7", "") + event("b8", "") + event("b9", "") + event("b10", "") + event("b11", "") + event("b12", "") +
                       event("b13", "") + event("b14", "") + event("b15", ""));
  DependencyGraph g{t};
  // after/follows-up/during point at `a`; starts, finishes and equals make no edge; the edge's word
  // reads from its source: "b2 before a" for "a after b2", "b5 contains a" for "a during b5".
  CHECK(edges(g) == Strings{"a>b1:before", "b2>a:before", "a>b3:prepares", "b4>a:is followed up by", "b5>a:contains",
                            "a>b6:contains", "a>b7:overlaps", "a>b10:meets", "a>b12:finishes before the start of",
                            "a>b13:starts before the start of", "a>b14:finishes before the finish of", "a>b15:starts before the finish of"});
  const auto& l = g.links()[1];
  CHECK(l.owner == at(t, "a"));
  CHECK(l.type == RelationType::after);
  CHECK(l.stated(t) == "a after b2");
  CHECK(l.where.file == "test.yaml");
}

TEST_CASE("same-day makes no edge") {
  auto t = timeline_of("events:\n" + event("a", "2025-10-30") +
                       "    relations:\n      - type: same-day\n        event: b\n        zone: Asia/Seoul\n" + event("b", "2025-10-30"));
  DependencyGraph g{t};
  CHECK(g.links().empty());
  CHECK_FALSE(g.has_cycle());
}

TEST_CASE("prerequisites and dependents, direct and transitive, in chronological order") {
  // geneva → london → stockholm → kl → busan, and kl → asean (overlaps), busan → truce.
  // Loaded out of date order on purpose.
  auto t = timeline_of("events:\n" + event("busan", "2025-10-30T11:00", "before truce") + event("kl", "2025-10-25", "after stockholm, prepares busan, overlaps asean") +
                       event("geneva", "2025-05-10") + event("london", "2025-06-09", "after geneva") +
                       event("stockholm", "2025-07-28", "after london") + event("asean", "2025-10-26") + event("truce", "2025-11-10"));
  DependencyGraph g{t};
  auto busan = at(t, "busan"), kl = at(t, "kl"), geneva = at(t, "geneva");
  CHECK(ids(t, g.prerequisites(busan)) == Strings{"geneva", "london", "stockholm", "kl"});
  CHECK(ids(t, g.dependents(busan)) == Strings{"truce"});
  CHECK(ids(t, g.dependents(geneva)) == Strings{"london", "stockholm", "kl", "asean", "busan", "truce"});
  CHECK(g.prerequisites(geneva).empty());
  auto into = g.links_into(busan);
  REQUIRE(into.size() == 1);
  CHECK(g.links()[into[0]].stated(t) == "kl prepares busan");
  auto out = g.links_out_of(kl);
  REQUIRE(out.size() == 2);
  CHECK(t.at(g.links()[out[0]].dependent).id == "busan");
  CHECK(t.at(g.links()[out[1]].dependent).id == "asean");
}

TEST_CASE("topological levels, ties broken by date") {
  // Level 0: geneva (May) and an unrelated call (1 Jan, earlier); level 1: london; level 2: kl;
  // level 3: asean (26 Oct) before busan (30 Oct), both after kl; level 4: truce after busan.
  auto t = timeline_of("events:\n" + event("truce", "2025-11-10", "after busan") + event("busan", "2025-10-30T11:00", "after kl") +
                       event("asean", "2025-10-26", "after kl") + event("kl", "2025-10-25", "after london") +
                       event("london", "2025-06-09", "after geneva") + event("geneva", "2025-05-10") + event("call", "2025-01-01"));
  DependencyGraph g{t};
  auto levels = g.levels();
  REQUIRE(levels.has_value());
  REQUIRE(levels->size() == 5);
  CHECK(ids(t, (*levels)[0]) == Strings{"call", "geneva"});
  CHECK(ids(t, (*levels)[1]) == Strings{"london"});
  CHECK(ids(t, (*levels)[2]) == Strings{"kl"});
  CHECK(ids(t, (*levels)[3]) == Strings{"asean", "busan"});
  CHECK(ids(t, (*levels)[4]) == Strings{"truce"});
  CHECK(g.cycles().empty());
  CHECK(g.cycle_diagnostics().all().empty());
}

TEST_CASE("a cycle is found whole, with each link's relation and place") {
  // alpha prepares beta (alpha → beta), gamma after beta (beta → gamma), alpha during gamma
  // (gamma → alpha): alpha → beta → gamma → alpha.
  const std::string yaml = "events:\n" + event("alpha", "", "prepares beta, during gamma") + event("beta", "") + event("gamma", "", "after beta");
  auto t = timeline_of(yaml);
  DependencyGraph g{t};
  CHECK(g.has_cycle());
  CHECK_FALSE(g.levels().has_value());
  auto cycles = g.cycles();
  REQUIRE(cycles.size() == 1);
  CHECK(g.cycle_path(cycles[0]) == "alpha → beta → gamma → alpha");
  auto diags = g.cycle_diagnostics();
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.all()[0];
  CHECK(d.message == "dependency cycle: alpha → beta → gamma → alpha");
  // Relation positions in `yaml` (alpha has no start line): alpha's relations are on lines 6 and 8,
  // gamma's on line 17 (column 9, after "      - ").
  CHECK(d.where.line == 6);
  REQUIRE(d.notes.size() == 3);
  CHECK(d.notes[0] == "test.yaml:6:9: alpha → beta: alpha prepares beta");
  CHECK(d.notes[1] == "test.yaml:17:9: beta → gamma: gamma after beta");
  CHECK(d.notes[2] == "test.yaml:8:9: gamma → alpha: alpha during gamma");
  // Everyone on the cycle is everyone's prerequisite, but never their own.
  CHECK(ids(t, g.prerequisites(at(t, "alpha"))) == Strings{"beta", "gamma"});
}

TEST_CASE("two cycles through one event, a self-loop, and parallel edges") {
  // a → b → a and a → c → a share a.
  auto t = timeline_of("events:\n" + event("a", "", "before b, before c") + event("b", "", "before a") + event("c", "", "before a"));
  DependencyGraph g{t};
  auto cycles = g.cycles();
  REQUIRE(cycles.size() == 2);
  Strings paths{g.cycle_path(cycles[0]), g.cycle_path(cycles[1])};
  std::sort(paths.begin(), paths.end());
  CHECK(paths == Strings{"a → b → a", "a → c → a"});
  CHECK(g.cycles(1).size() == 1);  // the limit holds

  auto self = timeline_of("events:\n" + event("a", "", "before a"));
  DependencyGraph s{self};
  REQUIRE(s.cycles().size() == 1);
  CHECK(s.cycle_path(s.cycles()[0]) == "a → a");

  // "a before b" and "b after a" are both the edge a → b; with "b before a" there is still one cycle.
  auto par = timeline_of("events:\n" + event("a", "", "before b") + event("b", "", "after a, before a"));
  DependencyGraph p{par};
  auto pc = p.cycles();
  REQUIRE(pc.size() == 1);
  CHECK(p.cycle_path(pc[0]) == "a → b → a");
  // The step a → b is told by the first relation in the fixture that makes it.
  CHECK(p.links()[pc[0].links[0]].stated(par) == "a before b");
}

TEST_CASE("chains between two events, shortest first, with their smallest total gap") {
  // a → b → d, a → c → d, and a → d directly; gaps: a→b 2d, b→d 1d, a→c none, c→d 3d, a→d none.
  auto t = timeline_of(
      "events:\n"
      "  - id: a\n    title: A\n    location: {zone: UTC}\n    relations:\n"
      "      - type: before\n        event: b\n        gap: {min: 2d}\n"
      "      - type: before\n        event: c\n"
      "      - type: before\n        event: d\n"
      "  - id: b\n    title: B\n    location: {zone: UTC}\n    relations:\n"
      "      - type: before\n        event: d\n        gap: {min: 1d}\n"
      "  - id: c\n    title: C\n    location: {zone: UTC}\n    relations:\n"
      "      - type: before\n        event: d\n        gap: {min: 3d, max: 5d}\n"
      "  - id: d\n    title: D\n    location: {zone: UTC}\n");
  DependencyGraph g{t};
  auto chains = g.chains(at(t, "a"), at(t, "d"));
  REQUIRE(chains.size() == 3);
  auto path_of = [&](const DependencyChain& c) {
    std::string out = "a";
    for (auto l : c.links) out += ">" + t.at(g.links()[l].dependent).id;
    return out;
  };
  CHECK(path_of(chains[0]) == "a>d");
  CHECK(chains[0].min_total_gap == seconds{0});
  Strings longer{path_of(chains[1]), path_of(chains[2])};
  std::sort(longer.begin(), longer.end());
  CHECK(longer == Strings{"a>b>d", "a>c>d"});
  for (std::size_t i = 1; i < 3; ++i) {
    // a>b>d: 2 + 1 = 3 days; a>c>d: 0 + 3 = 3 days.
    CHECK(chains[i].min_total_gap == seconds{3 * 86'400});
  }
  CHECK(g.chains(at(t, "d"), at(t, "a")).empty());
  CHECK(g.chains(at(t, "a"), at(t, "a")).empty());
  CHECK(g.chains(at(t, "a"), at(t, "d"), 2).size() == 2);
}

TEST_CASE("DOT and Mermaid label nodes with title and local date, edges with the relation") {
  auto t = timeline_of(
      "events:\n"
      "  - id: kl-talks\n    title: Talks \"KL\"\n    start: 2025-10-25\n    end: 2025-10-26\n"
      "    location: {zone: Asia/Kuala_Lumpur}\n"
      "  - id: busan\n    title: Busan\n    start: 2025-10-30T11:00\n    location: {zone: Asia/Seoul}\n"
      "    relations:\n      - type: after\n        event: kl-talks\n");
  DependencyGraph g{t};
  auto dot = g.dot();
  CHECK(dot.rfind("digraph G {", 0) == 0);
  CHECK(dot.find("\"kl-talks\" [label=\"Talks \\\"KL\\\"\\n2025-10-25 – 2025-10-26\"];") != std::string::npos);
  // write_graphviz quotes only ids that are not plain DOT identifiers: "kl-talks", but busan.
  CHECK(dot.find("busan [label=\"Busan\\n2025-10-30 11:00 KST\"];") != std::string::npos);
  // "busan after kl-talks" is the edge kl-talks → busan, read "before".
  CHECK(dot.find("\"kl-talks\"->busan [label=\"before\"];") != std::string::npos);
  auto mermaid = g.mermaid();
  CHECK(mermaid.rfind("flowchart LR\n", 0) == 0);
  CHECK(mermaid.find("  kl_talks[\"Talks #quot;KL#quot;<br/>2025-10-25 – 2025-10-26\"]\n") != std::string::npos);
  CHECK(mermaid.find("  kl_talks -->|before| busan\n") != std::string::npos);
}

TEST_CASE("check_dependencies adds broken relations and cycles to one sorted report") {
  // a (1 Jan) after b (2 Jan) is broken, and a before b with b before a… is a cycle a → b → a.
  auto t = timeline_of("events:\n" + event("a", "2025-01-01", "after b") + event("b", "2025-01-02", "after a"));
  auto d = check_dependencies(t);
  // Broken: "a after b" (a starts before b ends) and "b after a" holds (b on the 2nd, a ended at
  // midnight after the 1st: they meet). Cycle: b → a (a after b) and a → b (b after a).
  // Sorted by place: a's relation (line 7) before b's (line 14), where the cycle's first link a → b
  // is stated.
  REQUIRE(d.error_count() == 2);
  CHECK(d.all()[0].message == "a after b, but starts 2025-01-01 before it ends 2025-01-02");
  CHECK(d.all()[0].where.line == 7);
  CHECK(d.all()[1].message == "dependency cycle: a → b → a");
  CHECK(d.all()[1].where.line == 14);
}
