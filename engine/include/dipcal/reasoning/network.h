// The temporal constraint network: a Simple Temporal Network (Dechter, Meiri and Pearl 1991).
//
// Each event has two time points, its start and its end, on the UTC line, plus one reference point
// fixed at the Unix epoch. Every piece of knowledge is a bound on the distance between two points:
//
//   lo ≤ t(to) − t(from) ≤ hi          (either bound may be absent)
//
// A known date pins a point to the reference; a duration bounds end − start; a relation bounds the
// distances between the two events' points (relations.h says which). The network is consistent
// exactly when its distance graph (an edge from→to of weight hi, and to→from of weight −lo) has no
// negative cycle; then the earliest and latest value of each point are −d(point → ref) and
// d(ref → point), single-source shortest distances from the reference point on the reversed and the
// forward graph. A cycle whose total is zero means simultaneous events and is consistent.
//
//   TemporalNetwork net{2};                          // two events: points 0..3, reference 4
//   net.pin(net.start(0), t0, source);               // event 0 starts at t0
//   net.add({net.end(0), net.start(1), 2 days, {}, source});   // event 1 starts ≥ 2 days after 0 ends
//   auto s = net.solve();  // s.points[net.start(1)].earliest == end of event 0 + 2 days
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/time/instant.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dipcal {

class Timeline;
struct Event;

// Where a constraint comes from, to explain a conflict: "kl-trade-talks prepares busan-trump-xi".
// Sources made by hand carry their text and place; compile_network stores only which event (and
// which of its relations) a bound comes from, and the words are written from the timeline when a
// conflict is explained — a network of a million bounds formats none of them otherwise.
struct ConstraintSource {
  enum class Kind { date, duration, relation, window } kind = Kind::date;
  std::string text;  // a sentence fragment: "busan-trump-xi starts at Thu 30 Oct 2025 11:00 KST"
  Position where;
  std::uint32_t event = 0;     // for compile_network's sources: the event
  std::int32_t relation = -1;  // … and the index of its relation, for Kind::relation
  bool end = false;            // … and for dates and windows, whether the bound is on its end
};

struct Constraint {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::optional<std::chrono::seconds> lo;  // t(to) − t(from) ≥ lo
  std::optional<std::chrono::seconds> hi;  // t(to) − t(from) ≤ hi
  std::uint32_t source = 0;                // index into TemporalNetwork::sources()
};

struct PointBounds {
  std::optional<Instant> earliest;  // empty: unbounded
  std::optional<Instant> latest;
};

// One step of a negative cycle: the bound that was followed, read in the direction of the cycle.
struct ConflictStep {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::chrono::seconds weight{0};  // the distance bound this step contributes (t(to) − t(from) ≤ weight)
  std::uint32_t source = 0;
  bool upper = true;  // from the constraint's hi (true) or its lo (false)
};

struct Conflict {
  std::vector<ConflictStep> cycle;  // the steps in order; the last one returns to the first's point
  std::chrono::seconds excess{0};   // how much the bounds contradict: −(sum of the cycle), > 0
};

struct NetworkSolution {
  bool consistent = true;
  std::vector<PointBounds> points;  // empty when inconsistent
  std::optional<Conflict> conflict;
};

class TemporalNetwork {
 public:
  explicit TemporalNetwork(std::size_t events);

  [[nodiscard]] std::uint32_t start(std::size_t event) const { return static_cast<std::uint32_t>(2 * event); }
  [[nodiscard]] std::uint32_t end(std::size_t event) const { return static_cast<std::uint32_t>(2 * event + 1); }
  [[nodiscard]] std::uint32_t reference() const { return static_cast<std::uint32_t>(2 * events_); }
  [[nodiscard]] std::size_t point_count() const { return 2 * events_ + 1; }
  [[nodiscard]] std::size_t event_of(std::uint32_t point) const { return point / 2; }
  [[nodiscard]] bool is_start(std::uint32_t point) const { return point % 2 == 0; }

  std::uint32_t add_source(ConstraintSource source);
  void add(const Constraint& c);
  // t(point) = instant, or within [earliest, latest].
  void pin(std::uint32_t point, Instant at, std::uint32_t source);
  void bound(std::uint32_t point, std::optional<Instant> earliest, std::optional<Instant> latest, std::uint32_t source);

  [[nodiscard]] const std::vector<Constraint>& constraints() const { return constraints_; }
  [[nodiscard]] const std::vector<ConstraintSource>& sources() const { return sources_; }

  [[nodiscard]] NetworkSolution solve() const;

 private:
  std::size_t events_;
  std::vector<Constraint> constraints_;
  std::vector<ConstraintSource> sources_;
};

// The network of a whole timeline: the points of event i are start(i) and end(i). Timed and all-day
// events are pinned to their instants (all-day: local midnight to local midnight after the last day);
// windows (EDTF dates) bound their points; every event ends no earlier than it starts; every relation
// adds the bounds relations.h gives it (same-day as |S(B) − S(A)| < 1 day).
TemporalNetwork compile_network(const Timeline& timeline);

// The earliest and latest start and end of each event that the whole network allows, by event index;
// empty when the network is inconsistent.
struct EventWindow {
  PointBounds start;
  PointBounds end;
};
struct TimelineWindows {
  std::vector<EventWindow> events;
  std::optional<Diagnostic> conflict;  // set when inconsistent: the cycle, explained
};
TimelineWindows solve_windows(const Timeline& timeline);

// The conflicts of the temporal network, one per part of the timeline that relations connect, leaving
// out the parts in which `already` reports a problem (at an event or one of its relations: a dependency
// cycle, a relation its dates break), whose conflict would only say that again. So an unrelated
// cycle elsewhere no longer hides a network that cannot all hold.
// `solved`: the timeline's network already solved whole (solve_windows), whose conflict stands for the
// whole network when `already` reports nothing; nullptr to solve it here.
[[nodiscard]] Diagnostics network_conflicts(const Timeline& timeline, const Diagnostics& already, const TimelineWindows* solved = nullptr);

// A negative cycle as a diagnostic: where it starts, by how much the bounds contradict, and one note
// per constraint of the cycle with its source position.
// `timeline` writes the words of compile_network's sources; sources with their own text need none.
Diagnostic explain_conflict(const Conflict& conflict, const TemporalNetwork& network, const Timeline* timeline = nullptr);

}  // namespace dipcal
