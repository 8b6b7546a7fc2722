#include "dipcal/model/relations.h"

#include "dipcal/text/time_words.h"
#include "dipcal/model/timeline.h"

#include <fmt/format.h>

#include <array>
#include <limits>
#include <stdexcept>

namespace dipcal {

namespace {

using std::chrono::seconds;
using E = Endpoint;

constexpr std::int64_t kOpen = std::numeric_limits<std::int64_t>::max();  // hi = +∞ in the tables
constexpr std::int64_t kDay = 86'400;

// One bound of a table row; `gap` marks the bound a relation's gap replaces.
struct Rule {
  E from;
  E to;
  std::int64_t lo;
  std::int64_t hi;
  bool gap = false;
};

struct Row {
  RelationSemantics semantics;
  std::array<Rule, 3> rules;
  std::size_t count;
};

using D = DependencyDirection;
using T = RelationType;

// The one place the meaning of each relation type is written down. See the table in relations.h.
constexpr std::array<Row, 16> kRows{{
    {{T::before, "before", "after", D::a_to_b, true}, {{{E::end_a, E::start_b, 0, kOpen, true}}}, 1},
    {{T::after, "after", "before", D::b_to_a, true}, {{{E::end_b, E::start_a, 0, kOpen, true}}}, 1},
    {{T::prepares, "prepares", "is prepared by", D::a_to_b, true}, {{{E::end_a, E::start_b, 0, kOpen, true}}}, 1},
    {{T::follows_up, "follows up", "is followed up by", D::b_to_a, true}, {{{E::end_b, E::start_a, 0, kOpen, true}}}, 1},
    {{T::during, "during", "contains", D::b_to_a, false},
     {{{E::start_b, E::start_a, 0, kOpen}, {E::end_a, E::end_b, 0, kOpen}}}, 2},
    {{T::contains, "contains", "during", D::a_to_b, false},
     {{{E::start_a, E::start_b, 0, kOpen}, {E::end_b, E::end_a, 0, kOpen}}}, 2},
    {{T::overlaps, "overlaps", "is overlapped by", D::a_to_b, false},
     {{{E::start_a, E::start_b, 1, kOpen}, {E::start_b, E::end_a, 1, kOpen}, {E::end_a, E::end_b, 1, kOpen}}}, 3},
    {{T::starts, "starts", "is started by", D::none, false}, {{{E::start_a, E::start_b, 0, 0}, {E::end_a, E::end_b, 1, kOpen}}}, 2},
    {{T::finishes, "finishes", "is finished by", D::none, false}, {{{E::start_b, E::start_a, 1, kOpen}, {E::end_a, E::end_b, 0, 0}}}, 2},
    {{T::meets, "meets", "is met by", D::a_to_b, false}, {{{E::end_a, E::start_b, 0, 0}}}, 1},
    {{T::equals, "equals", "equals", D::none, false}, {{{E::start_a, E::start_b, 0, 0}, {E::end_a, E::end_b, 0, 0}}}, 2},
    // Same civil date somewhere: the starts lie less than a day apart (the exact test is on dates).
    {{T::same_day, "is on the same day as", "is on the same day as", D::none, false},
     {{{E::start_a, E::start_b, -(kDay - 1), kDay - 1}}}, 1},
    // RFC 9253 section 4: Event-A (the one stating the relation) is the predecessor.
    {{T::finish_to_start, "finishes before the start of", "starts after the finish of", D::a_to_b, true},
     {{{E::end_a, E::start_b, 0, kOpen, true}}}, 1},
    {{T::start_to_start, "starts before the start of", "starts after the start of", D::a_to_b, true},
     {{{E::start_a, E::start_b, 0, kOpen, true}}}, 1},
    {{T::finish_to_finish, "finishes before the finish of", "finishes after the finish of", D::a_to_b, true},
     {{{E::end_a, E::end_b, 0, kOpen, true}}}, 1},
    {{T::start_to_finish, "starts before the finish of", "finishes after the start of", D::a_to_b, true},
     {{{E::start_a, E::end_b, 0, kOpen, true}}}, 1},
}};

const Row& row(RelationType type) {
  for (const auto& r : kRows)
    if (r.semantics.type == type) return r;
  throw std::logic_error{"relation type missing from the semantics table"};
}

// Allen's seven basic relations; the other six are their inverses (A and B swapped).
struct AllenRow {
  AllenRelation relation;
  std::string_view name;
  std::array<Rule, 3> rules;
  std::size_t count;
};

constexpr std::array<AllenRow, 7> kAllen{{
    {AllenRelation::before, "before", {{{E::end_a, E::start_b, 1, kOpen}}}, 1},
    {AllenRelation::meets, "meets", {{{E::end_a, E::start_b, 0, 0}}}, 1},
    {AllenRelation::overlaps, "overlaps", {{{E::start_a, E::start_b, 1, kOpen}, {E::start_b, E::end_a, 1, kOpen}, {E::end_a, E::end_b, 1, kOpen}}}, 3},
    {AllenRelation::starts, "starts", {{{E::start_a, E::start_b, 0, 0}, {E::end_a, E::end_b, 1, kOpen}}}, 2},
    {AllenRelation::during, "during", {{{E::start_b, E::start_a, 1, kOpen}, {E::end_a, E::end_b, 1, kOpen}}}, 2},
    {AllenRelation::finishes, "finishes", {{{E::start_b, E::start_a, 1, kOpen}, {E::end_a, E::end_b, 0, 0}}}, 2},
    {AllenRelation::equals, "equals", {{{E::start_a, E::start_b, 0, 0}, {E::end_a, E::end_b, 0, 0}}}, 2},
}};

constexpr std::array<std::string_view, kAllenRelationCount> kAllenNames{
    "before", "meets", "overlaps", "starts", "during", "finishes", "equals",
    "finished-by", "contains", "started-by", "overlapped-by", "met-by", "after"};

E swap_roles(E p) {
  switch (p) {
    case E::start_a: return E::start_b;
    case E::end_a: return E::end_b;
    case E::start_b: return E::start_a;
    case E::end_b: return E::end_a;
  }
  return p;
}

bool is_a(E p) { return p == E::start_a || p == E::end_a; }
bool is_start(E p) { return p == E::start_a || p == E::start_b; }
EventSide side_of(E p) { return is_start(p) ? EventSide::start : EventSide::end; }

PointConstraint to_constraint(const Rule& r) {
  return {r.from, r.to, seconds{r.lo}, r.hi == kOpen ? std::nullopt : std::optional<seconds>{seconds{r.hi}}};
}

Instant point(E p, Instant sa, Instant ea, Instant sb, Instant eb) {
  switch (p) {
    case E::start_a: return sa;
    case E::end_a: return ea;
    case E::start_b: return sb;
    case E::end_b: return eb;
  }
  return sa;
}

bool holds(const PointConstraint& c, Instant sa, Instant ea, Instant sb, Instant eb) {
  auto d = point(c.to, sa, ea, sb, eb) - point(c.from, sa, ea, sb, eb);
  return d >= c.lo && (!c.hi || d <= *c.hi);
}

// --- Words for diagnostics -------------------------------------------------------------------------

std::string when_text(const Event& e) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    if (d->first == d->last) return fmt::format("{} (all day, {})", to_string(d->first), e.zone.name());
    return fmt::format("{} – {} (all day, {})", to_string(d->first), to_string(d->last), e.zone.name());
  }
  const auto& t = std::get<Timed>(e.time);
  if (t.start == t.end) return fmt::format("{} ({})", text::event_point_text(e, EventSide::start), e.zone.name());
  return fmt::format("{} – {} ({})", text::event_point_text(e, EventSide::start), text::event_point_text(e, EventSide::end), e.zone.name());
}

// With `utc`, the span on the UTC line too: an all-day event related to a timed one is compared there.
std::string event_note(const Event& e, bool utc = false) {
  auto note = fmt::format("{}:{}:{}: {} is {}", e.where.file, e.where.line, e.where.col, e.id, when_text(e));
  if (utc && e.start_utc()) note += fmt::format(", {} – {} UTC", to_rfc3339(*e.start_utc()), to_rfc3339(*e.end_utc()));
  return note;
}

// How far B's point may lie from A's, δ = t(B point) − t(A point) in [lo, hi], in words.
std::string bound_words(std::optional<std::int64_t> lo, std::optional<std::int64_t> hi) {
  auto human = [](std::int64_t s) { return text::duration_text(seconds{s}); };
  if (lo && hi && *lo == *hi && *lo == 0) return "at the same moment as";
  if (lo && hi && *lo == -*hi && *hi == kDay - 1) return "within a day of";
  if (lo && *lo >= 0) {  // A's point first
    if (hi) return *lo <= 1 ? fmt::format("at most {} before", human(*hi)) : fmt::format("{} to {} before", human(*lo), human(*hi));
    return *lo == 0 ? "no later than" : *lo == 1 ? "before" : fmt::format("at least {} before", human(*lo));
  }
  if (hi && *hi <= 0) {  // B's point first
    if (lo) return *hi >= -1 ? fmt::format("at most {} after", human(-*lo)) : fmt::format("{} to {} after", human(-*hi), human(-*lo));
    return *hi == 0 ? "no earlier than" : *hi == -1 ? "after" : fmt::format("at least {} after", human(-*hi));
  }
  return fmt::format("within the bounds {}..{}", lo ? human(*lo) : "-∞", hi ? human(*hi) : "+∞");
}

std::string point_name(E p, const Event& a, const Event& b) {
  return fmt::format("the {} of {}", is_start(p) ? "start" : "end", is_a(p) ? a.id : b.id);
}

Diagnostic broken(const Event& a, const Relation& rel, const Event& b, const PointConstraint& c, const Rule& rule,
                  Instant sa, Instant ea, Instant sb, Instant eb, bool civil) {
  E pa = is_a(c.from) ? c.from : c.to;
  E pb = is_a(c.from) ? c.to : c.from;
  Instant ta = point(pa, sa, ea, sb, eb), tb = point(pb, sa, ea, sb, eb);
  // The bound as a range of δ = t(B point) − t(A point).
  std::optional<std::int64_t> lo, hi;
  if (is_a(c.from)) {
    lo = c.lo.count();
    if (c.hi) hi = c.hi->count();
  } else {
    hi = -c.lo.count();
    if (c.hi) lo = -c.hi->count();
  }
  std::string a_words = fmt::format("{} {}", is_start(pa) ? "starts" : "ends", text::event_point_text(a, side_of(pa)));
  std::string b_words = fmt::format("it {} {}", is_start(pb) ? "starts" : "ends", text::event_point_text(b, side_of(pb)));
  std::string order = ta < tb ? "before" : ta > tb ? "after" : "at the same moment as";
  // A gap bound broken while the order itself is right: say by how much.
  auto d = point(c.to, sa, ea, sb, eb) - point(c.from, sa, ea, sb, eb);
  std::string detail;
  if (rule.gap && rel.gap.min && d >= seconds{0} && d < *rel.gap.min)
    detail = fmt::format(", only {} {} {}; the gap is at least {}", text::duration_text(d), order, b_words,
                         text::duration_text(*rel.gap.min));
  else if (rule.gap && rel.gap.max && d > *rel.gap.max)
    detail = fmt::format(", {} {} {}; the gap is at most {}", text::duration_text(d), order, b_words, text::duration_text(*rel.gap.max));
  else
    detail = fmt::format(" {} {}", order, b_words);
  Diagnostic diag;
  diag.severity = Severity::error;
  diag.where = rel.where;
  diag.message = fmt::format("{} {} {}, but {}{}", a.id, to_string(rel.type), b.id, a_words, detail);
  diag.expected = fmt::format("{} {} {}{}", point_name(pa, a, b), bound_words(lo, hi), point_name(pb, a, b),
                              civil ? " (by their civil dates)" : "");
  // An all-day event beside a timed one is compared on the UTC line: show both there too.
  bool mixed = std::holds_alternative<AllDay>(a.time) != std::holds_alternative<AllDay>(b.time);
  diag.notes = {event_note(a, mixed), event_note(b, mixed)};
  return diag;
}

CivilDate civil_start(const Event& e, const Zone& zone) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) return d->first;  // an all-day date keeps its own day
  return zone.to_civil(std::get<Timed>(e.time).start).date();
}

}  // namespace

const RelationSemantics& semantics(RelationType type) { return row(type).semantics; }

std::vector<PointConstraint> endpoint_constraints(RelationType type, const Gap& gap) {
  const auto& r = row(type);
  std::vector<PointConstraint> out;
  for (std::size_t i = 0; i < r.count; ++i) {
    auto c = to_constraint(r.rules[i]);
    if (r.rules[i].gap) {
      if (gap.min) c.lo = *gap.min;
      if (gap.max) c.hi = *gap.max;
    }
    out.push_back(c);
  }
  return out;
}

std::optional<std::string> gap_error(const Relation& relation) {
  if (semantics(relation.type).takes_gap || (!relation.gap.min && !relation.gap.max)) return std::nullopt;
  return fmt::format("gap has no meaning for {}", to_string(relation.type));
}

std::string_view to_string(AllenRelation r) { return kAllenNames[static_cast<std::size_t>(r)]; }

AllenRelation inverse(AllenRelation r) {
  return static_cast<AllenRelation>(kAllenRelationCount - 1 - static_cast<std::size_t>(r));
}

std::vector<PointConstraint> endpoint_constraints(AllenRelation r) {
  auto index = static_cast<std::size_t>(r);
  bool swapped = index >= kAllen.size();
  const auto& base = kAllen[swapped ? kAllenRelationCount - 1 - index : index];
  std::vector<PointConstraint> out;
  for (std::size_t i = 0; i < base.count; ++i) {
    auto c = to_constraint(base.rules[i]);
    if (swapped) {
      c.from = swap_roles(c.from);
      c.to = swap_roles(c.to);
    }
    out.push_back(c);
  }
  return out;
}

AllenRelation classify(Instant sa, Instant ea, Instant sb, Instant eb) {
  for (std::size_t i = 0; i < kAllenRelationCount; ++i) {
    auto r = static_cast<AllenRelation>(i);
    if (satisfies(endpoint_constraints(r), sa, ea, sb, eb)) return r;
  }
  // Only reachable for an interval that ends before it starts.
  throw std::invalid_argument{"classify: an interval ends before it starts"};
}

std::vector<AllenRelation> allen_relations(RelationType type) {
  // One proper pair of intervals for each Allen relation, in steps of ten seconds.
  static constexpr std::array<std::array<std::int64_t, 4>, kAllenRelationCount> kSamples{{
      {0, 10, 20, 30}, {0, 10, 10, 20}, {0, 20, 10, 30}, {0, 10, 0, 20}, {10, 20, 0, 30}, {10, 20, 0, 20}, {0, 10, 0, 10},
      {0, 20, 10, 20}, {0, 30, 10, 20}, {0, 20, 0, 10}, {10, 30, 0, 20}, {10, 20, 0, 10}, {20, 30, 0, 10},
  }};
  auto constraints = endpoint_constraints(type);
  std::vector<AllenRelation> out;
  for (std::size_t i = 0; i < kAllenRelationCount; ++i) {
    const auto& s = kSamples[i];
    if (satisfies(constraints, Instant::from_unix(s[0]), Instant::from_unix(s[1]), Instant::from_unix(s[2]), Instant::from_unix(s[3])))
      out.push_back(static_cast<AllenRelation>(i));
  }
  return out;
}

bool satisfies(std::span<const PointConstraint> constraints, Instant sa, Instant ea, Instant sb, Instant eb) {
  for (const auto& c : constraints)
    if (!holds(c, sa, ea, sb, eb)) return false;
  return true;
}

std::optional<Diagnostic> check_relation(const Event& a, const Relation& relation, const Event& b) {
  auto sa = a.start_utc(), ea = a.end_utc(), sb = b.start_utc(), eb = b.end_utc();
  if (!sa || !sb) return std::nullopt;
  if (relation.type == RelationType::same_day) {
    auto zone = ZoneDb::system().find(relation.zone);
    if (!zone) return std::nullopt;  // the loader reports the unknown zone
    auto da = civil_start(a, *zone), db = civil_start(b, *zone);
    if (da == db) return std::nullopt;
    Diagnostic diag;
    diag.where = relation.where;
    diag.message = fmt::format("{} same-day {} in {}, but {} starts on {} there and {} on {}", a.id, b.id, zone->name(), a.id,
                               text::date_text(da), b.id, text::date_text(db));
    diag.expected = fmt::format("both to start on the same civil date in {}", zone->name());
    diag.notes = {event_note(a), event_note(b)};
    return diag;
  }
  // Two all-day events are compared by their civil dates, whatever their zones: "the day after" holds
  // between Geneva's 23 Nov and Abu Dhabi's 24 Nov although Dubai's midnight comes first on the UTC
  // line. Each runs from the start of its first day to the start of the day after its last, read on
  // one calendar (UTC's, whose days all have 86,400 s).
  bool civil = std::holds_alternative<AllDay>(a.time) && std::holds_alternative<AllDay>(b.time);
  if (civil) {
    const auto& calendar = ZoneDb::system().utc();
    const auto& da = std::get<AllDay>(a.time);
    const auto& db = std::get<AllDay>(b.time);
    sa = calendar.start_of_day(da.first), ea = calendar.start_of_day(da.last.plus_days(1));
    sb = calendar.start_of_day(db.first), eb = calendar.start_of_day(db.last.plus_days(1));
  }
  const auto& r = row(relation.type);
  Gap gap = gap_error(relation) ? Gap{} : relation.gap;
  auto constraints = endpoint_constraints(relation.type, gap);
  for (std::size_t i = 0; i < constraints.size(); ++i)
    if (!holds(constraints[i], *sa, *ea, *sb, *eb)) return broken(a, relation, b, constraints[i], r.rules[i], *sa, *ea, *sb, *eb, civil);
  return std::nullopt;
}

std::vector<RelationView> relations_involving(const Timeline& timeline, std::size_t event) {
  std::vector<RelationView> out;
  const auto& relations = timeline.at(event).relations;
  for (std::size_t k = 0; k < relations.size(); ++k) {
    auto other = timeline.target_of(event, k);
    if (other != Timeline::npos) out.push_back({event, other, &relations[k], true, semantics(relations[k].type).forward});
  }
  for (std::size_t owner = 0; owner < timeline.size(); ++owner) {
    if (owner == event) continue;
    const auto& stated = timeline.at(owner).relations;
    for (std::size_t k = 0; k < stated.size(); ++k)
      if (timeline.target_of(owner, k) == event) out.push_back({owner, owner, &stated[k], false, semantics(stated[k].type).inverse});
  }
  return out;
}

Diagnostics check_relations(const Timeline& timeline) {
  Diagnostics out;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const auto& a = timeline.at(i);
    for (std::size_t k = 0; k < a.relations.size(); ++k) {
      const auto& rel = a.relations[k];
      auto target = timeline.target_of(i, k);
      if (target == Timeline::npos) continue;
      if (auto d = check_relation(a, rel, timeline.at(target))) {
        auto& added = out.error(d->where, d->message, d->expected, d->suggestion);
        added.notes = d->notes;
      }
    }
  }
  return out;
}

}  // namespace dipcal
