// The dependency graph: which events must come before which, from the relations in the fixtures.
//
// One vertex per event and one edge per relation that orders two events, pointing from the
// prerequisite to the dependent (relations.h says which way each type points):
//
//   madrid-talks ──before──► kl-trade-talks ──prepares──► busan-trump-xi
//   (kl-trade-talks says "after madrid-talks"; the edge still runs from the earlier event)
//
// `during` makes the containing event the prerequisite ("the summit comes first"); starts,
// finishes, equals and same-day order nothing and make no edge. The graph is built once per run
// (a Boost.Graph adjacency_list behind this header) and answers every dependency query: cycles,
// prerequisites and dependents, topological levels, chains between two events, DOT and Mermaid.
//
//   DependencyGraph g{timeline};
//   g.levels()   -> {{geneva}, {london}, {stockholm}, …}   (empty when there is a cycle)
//   g.cycles()   -> every elementary cycle, each as its links in order
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/model/event.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

class Timeline;

// One edge: a relation read from the prerequisite to the dependent.
struct DependencyLink {
  std::size_t prerequisite = 0;  // event indexes in the Timeline
  std::size_t dependent = 0;
  std::size_t owner = 0;         // the event whose fixture states the relation
  RelationType type = RelationType::before;
  Gap gap;
  Position where;                // the relation in the fixture

  // The relation in the edge's direction: "before" for "kl after madrid" read madrid → kl.
  [[nodiscard]] std::string_view word() const;
  // As the fixture states it: "kl-trade-talks prepares busan-trump-xi".
  [[nodiscard]] std::string stated(const Timeline& timeline) const;
};

// A closed walk through distinct events: links[i].dependent == links[i+1].prerequisite, and the
// last link returns to the first link's prerequisite.
struct DependencyCycle {
  std::vector<std::size_t> links;  // indexes into DependencyGraph::links()
};

// A chain of dependencies from one event to another, through distinct events.
struct DependencyChain {
  std::vector<std::size_t> links;
  std::chrono::seconds min_total_gap{0};  // the sum of each link's gap.min (0 where none is given)
};

class DependencyGraph {
 public:
  // Ties by date follow `order` (query/calendar.h: Calendar::chronological), by default
  // chronological_order(timeline).
  explicit DependencyGraph(const Timeline& timeline);
  DependencyGraph(const Timeline& timeline, const std::vector<std::size_t>& order);
  ~DependencyGraph();
  DependencyGraph(DependencyGraph&&) noexcept;
  DependencyGraph& operator=(DependencyGraph&&) noexcept;
  DependencyGraph(const DependencyGraph&) = delete;
  DependencyGraph& operator=(const DependencyGraph&) = delete;

  [[nodiscard]] const Timeline& timeline() const;
  [[nodiscard]] const std::vector<DependencyLink>& links() const;

  // Links into an event (its direct prerequisites) and out of it (its direct dependents).
  [[nodiscard]] std::vector<std::size_t> links_into(std::size_t event) const;
  [[nodiscard]] std::vector<std::size_t> links_out_of(std::size_t event) const;
  // Every event reachable backwards (prerequisites) or forwards (dependents), the event itself
  // excluded, in chronological order.
  [[nodiscard]] std::vector<std::size_t> prerequisites(std::size_t event) const;
  [[nodiscard]] std::vector<std::size_t> dependents(std::size_t event) const;

  [[nodiscard]] bool has_cycle() const;
  // Every elementary cycle, at most `limit` of them (a dense tangle has exponentially many).
  [[nodiscard]] std::vector<DependencyCycle> cycles(std::size_t limit = 100) const;
  // "a → b → c → a".
  [[nodiscard]] std::string cycle_path(const DependencyCycle& cycle) const;

  // Topological levels: level 0 has no prerequisite, level n has one at level n−1 and none later.
  // Each level is in chronological order, so concatenating them gives a dependency order with ties
  // broken by date. Empty when the graph has a cycle.
  [[nodiscard]] std::optional<std::vector<std::vector<std::size_t>>> levels() const;

  // Every chain from `from` to `to` along the edges, at most `limit` of them, shortest first.
  [[nodiscard]] std::vector<DependencyChain> chains(std::size_t from, std::size_t to, std::size_t limit = 1000) const;

  // Graphviz DOT (Boost's write_graphviz) and Mermaid flowchart text; nodes are labelled with the
  // title and the local date, edges with the relation in the edge's direction.
  [[nodiscard]] std::string dot() const;
  [[nodiscard]] std::string mermaid() const;

  // One error per cycle, at its first relation, with every link as a note.
  [[nodiscard]] Diagnostics cycle_diagnostics(std::size_t limit = 100) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What `dipcal check` adds to the loader's report: relations the dates break, gaps where they mean
// nothing (relations.h), and dependency cycles.
[[nodiscard]] Diagnostics check_dependencies(const Timeline& timeline);

}  // namespace dipcal
