// What a relation between two events means for their start and end, written once as data.
//
// A relation "A type B" is a set of bounds on the distances between four points: the start and end
// of A and of B, on the UTC line (an all-day event runs from local midnight of its first day to
// local midnight after its last, in its own zone):
//
//   lo ≤ t(to) − t(from) ≤ hi          (seconds; hi may be +∞)
//
//   A before B, gap {min: 2d}  ->  2 days ≤ S(B) − E(A) ≤ +∞
//   A during B                 ->  0 ≤ S(A) − S(B),  0 ≤ E(B) − E(A)
//
// Allen's interval algebra uses strict inequalities ("A starts before B"); dipcal writes them as a
// lower bound of one second, the resolution of every time in the engine.
//
// How dipcal's types map onto Allen's thirteen relations (A is the event that states the relation):
//
//   dipcal type                 endpoint bounds                                  Allen relations it allows
//   --------------------------  -----------------------------------------------  ---------------------------------
//   before, prepares,           gap.min (0) ≤ S(B) − E(A) ≤ gap.max (+∞)         before, meets (meets only if min 0)
//     FINISHTOSTART
//   after, follows-up           gap.min (0) ≤ S(A) − E(B) ≤ gap.max (+∞)         after, met-by
//   STARTTOSTART                gap.min (0) ≤ S(B) − S(A) ≤ gap.max (+∞)         before, meets, overlaps, finished-by,
//                                                                                contains, starts, equals, started-by
//   FINISHTOFINISH              gap.min (0) ≤ E(B) − E(A) ≤ gap.max (+∞)         before, meets, overlaps, starts, during,
//                                                                                finishes, equals, finished-by
//   STARTTOFINISH               gap.min (0) ≤ E(B) − S(A) ≤ gap.max (+∞)         every relation but after
//   during                      S(B) ≤ S(A), E(A) ≤ E(B)  (not strict)           during, starts, finishes, equals
//   contains                    S(A) ≤ S(B), E(B) ≤ E(A)                         contains, started-by, finished-by, equals
//   overlaps                    S(A) < S(B) < E(A) < E(B)                        overlaps
//   starts                      S(A) = S(B), E(A) < E(B)                         starts
//   finishes                    S(B) < S(A), E(A) = E(B)                         finishes
//   meets                       E(A) = S(B)                                      meets
//   equals                      S(A) = S(B), E(A) = E(B)                         equals
//   same-day                    |S(B) − S(A)| < 1 day (see below)                none: a statement about calendars
//
// RFC 9253 section 4 names the event that holds the relation Event-A and its target Event-B, and
// reads FINISHTOSTART as "Event-A finishes before Event-B starts" (likewise for the other three);
// its GAP parameter is the lag between those two named points. dipcal gaps are never negative, so an
// RFC lead time (a negative GAP) has no dipcal form.
//
// `during` is not strict: a side meeting on the first day of an all-day summit is during it.
// `same-day` means the same civil date in the relation's stated zone; on dated events it is checked
// exactly (check_relation), as a bound between points it can only say |S(B) − S(A)| < 1 day.
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/model/event.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

class Timeline;

// The four points of a related pair.
enum class Endpoint : std::uint8_t { start_a, end_a, start_b, end_b };

struct PointConstraint {
  Endpoint from = Endpoint::start_a;
  Endpoint to = Endpoint::start_b;
  std::chrono::seconds lo{0};               // t(to) − t(from) ≥ lo
  std::optional<std::chrono::seconds> hi;   // t(to) − t(from) ≤ hi; empty: +∞

  friend bool operator==(const PointConstraint&, const PointConstraint&) = default;
};

// Which way a relation makes one event depend on the other (prerequisite → dependent).
enum class DependencyDirection : std::uint8_t { a_to_b, b_to_a, none };

// Everything dipcal knows about one relation type.
struct RelationSemantics {
  RelationType type;
  std::string_view forward;   // "A prepares B"
  std::string_view inverse;   // "B is prepared by A"
  DependencyDirection direction;
  bool takes_gap;             // gap bounds the one constraint marked `gap` below
};

[[nodiscard]] const RelationSemantics& semantics(RelationType type);

// The bounds "A type B" puts on the four points, with the gap applied where it has a meaning. A gap
// on a type that takes none is ignored here; gap_error() reports it.
[[nodiscard]] std::vector<PointConstraint> endpoint_constraints(RelationType type, const Gap& gap = {});

// "gap has no meaning for during", or empty when the relation may carry its gap.
[[nodiscard]] std::optional<std::string> gap_error(const Relation& relation);

// Allen's thirteen interval relations (Allen 1983), "A relation B".
enum class AllenRelation : std::uint8_t {
  before, meets, overlaps, starts, during, finishes, equals,
  finished_by, contains, started_by, overlapped_by, met_by, after,
};
inline constexpr std::size_t kAllenRelationCount = 13;

[[nodiscard]] std::string_view to_string(AllenRelation r);
[[nodiscard]] AllenRelation inverse(AllenRelation r);
// Strict endpoint bounds (one second for "<"), over the same four points.
[[nodiscard]] std::vector<PointConstraint> endpoint_constraints(AllenRelation r);
// The one Allen relation that holds between two intervals [sa, ea] and [sb, eb]. Zero-length
// intervals are classified by the same endpoint comparisons, so an instant at the start of an interval
// "starts" it.
[[nodiscard]] AllenRelation classify(Instant sa, Instant ea, Instant sb, Instant eb);
// The Allen relations a dipcal relation allows (the table above), with the gap ignored.
[[nodiscard]] std::vector<AllenRelation> allen_relations(RelationType type);

// Whether four instants satisfy a constraint list.
[[nodiscard]] bool satisfies(std::span<const PointConstraint> constraints, Instant sa, Instant ea, Instant sb, Instant eb);

// Checks one relation "a relation b" against the stated dates of both events; empty when it holds or
// when either event is a window (windows are the temporal network's job). The diagnostic sits at the
// relation's position and names both events with their dates, each in its own zone:
//   "kl-trade-talks prepares busan-trump-xi, but ends 2025-10-31 after it starts Thu 30 Oct 2025 11:00 KST"
[[nodiscard]] std::optional<Diagnostic> check_relation(const Event& a, const Relation& relation, const Event& b);

// A relation seen from one of its two events: "busan-trump-xi is prepared by kl-trade-talks" is the
// view from busan of the relation kl-trade-talks states.
struct RelationView {
  std::size_t owner = 0;          // the event whose fixture states it (Timeline index)
  std::size_t other = 0;          // the event on the far side, seen from the one asked about
  const Relation* relation = nullptr;
  bool stated_here = true;        // stated by the event asked about
  std::string_view word;          // "prepares", or "is prepared by" when seen from the target
};

// Every relation involving the event, from both ends: the ones it states, then the ones stated about
// it, in load order. Relations to unknown events are left out.
[[nodiscard]] std::vector<RelationView> relations_involving(const Timeline& timeline, std::size_t event);

// Every relation of the timeline whose target is loaded that the dates break. Unknown targets and gaps
// on types that take none are the loader's to report.
[[nodiscard]] Diagnostics check_relations(const Timeline& timeline);

}  // namespace dipcal
