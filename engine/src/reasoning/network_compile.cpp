// Compiling a Timeline into its temporal network, and explaining an inconsistent one.
#include "dipcal/reasoning/network.h"

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "dipcal/model/relations.h"
#include "dipcal/text/time_words.h"
#include "dipcal/model/timeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace dipcal {

namespace {

using std::chrono::seconds;

std::string gap_words(const Gap& gap) {
  std::string words;
  if (gap.min && gap.min->count() > 0) words += fmt::format(", at least {}", text::duration_text(*gap.min));
  if (gap.max) words += fmt::format(", at most {}", text::duration_text(*gap.max));
  return words;
}

// The words and place of one of compile_network's sources.
ConstraintSource describe(const ConstraintSource& source, const Timeline& timeline) {
  if (!source.text.empty()) return source;
  ConstraintSource d = source;
  const Event& e = timeline.at(source.event);
  switch (source.kind) {
    case ConstraintSource::Kind::duration:
      d.text = fmt::format("{} ends no earlier than it starts", e.id);
      d.where = e.where;
      break;
    case ConstraintSource::Kind::date:
      d.where = e.time_where;
      if (const auto* all_day = std::get_if<AllDay>(&e.time))
        d.text = source.end ? fmt::format("{} ends after {} ({})", e.id, text::date_text(all_day->last), e.zone.name())
                            : fmt::format("{} starts on {} ({})", e.id, text::date_text(all_day->first), e.zone.name());
      else
        d.text = source.end ? fmt::format("{} ends at {}", e.id, text::instant_text(*e.end_utc(), e.zone))
                            : fmt::format("{} starts at {}", e.id, text::instant_text(*e.start_utc(), e.zone));
      break;
    case ConstraintSource::Kind::window: {
      d.where = e.time_where;
      const auto& w = std::get<Window>(e.time);
      const std::string& written = source.end && !w.end_text.empty() ? w.end_text : w.start_text;
      d.text = fmt::format("{} {} {}", e.id, source.end ? "ends" : "starts", written.empty() ? "within its window" : "within " + written);
      break;
    }
    case ConstraintSource::Kind::relation: {
      const auto& rel = e.relations[static_cast<std::size_t>(source.relation)];
      auto j = timeline.target_of(source.event, static_cast<std::size_t>(source.relation));
      d.text = fmt::format("{} {} {}{}", e.id, to_string(rel.type), j == Timeline::npos ? rel.target : timeline.at(j).id, gap_words(rel.gap));
      d.where = rel.where;
      break;
    }
  }
  return d;
}

// An event that occupies whole civil days of its zone: all-day, precise or imprecise (EDTF).
bool whole_days(const Event& e) { return e.all_day() && !e.undated(); }

// The zone's UTC offset near one of the event's points: exact for a dated event, at the nearest known
// bound of a window (a window that spans a change of offset is read with the offset at that bound).
seconds offset_near(const Event& e, bool end) {
  // A dated all-day point is a local midnight: the shift that reads it as that midnight, also where
  // the zone skips midnight (Santiago's 5 Sep 2021 began at 01:00, an hour after 24:00 of the 4th).
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    auto day = end ? d->last.plus_days(1) : d->first;
    auto civil = seconds{static_cast<std::int64_t>(day.days().time_since_epoch().count()) * 86'400};
    return civil - seconds{e.zone.start_of_day(day).unix_seconds()};
  }
  if (auto at = end ? e.end_utc() : e.start_utc()) return e.zone.at(*at).offset;
  std::optional<Instant> near;
  if (const auto* w = std::get_if<Window>(&e.time)) {
    for (const auto& d : end ? std::array{w->earliest_last, w->latest_last, w->earliest_first, w->latest_first}
                             : std::array{w->earliest_first, w->latest_first, w->earliest_last, w->latest_last})
      if (d) {
        near = e.zone.start_of_day(*d);
        break;
      }
  }
  return e.zone.at(near.value_or(Instant{})).offset;
}

// The start of the civil day after `at`'s, or `at` itself when it is a midnight (ceil), and the start
// of `at`'s day (floor), in `zone`.
Instant midnight_at_or_after(const Zone& zone, Instant at) {
  auto day = zone.to_civil(at).date();
  auto midnight = zone.start_of_day(day);
  return midnight < at ? zone.start_of_day(day.plus_days(1)) : midnight;
}
Instant midnight_at_or_before(const Zone& zone, Instant at) { return zone.start_of_day(zone.to_civil(at).date()); }

}  // namespace

TemporalNetwork compile_network(const Timeline& timeline) {
  TemporalNetwork net{timeline.size()};
  using Kind = ConstraintSource::Kind;
  auto source = [&](Kind kind, std::size_t event, bool end = false, std::int32_t relation = -1) {
    ConstraintSource s;
    s.kind = kind;
    s.event = static_cast<std::uint32_t>(event);
    s.end = end;
    s.relation = relation;
    return net.add_source(std::move(s));
  };
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const Event& e = timeline.at(i);
    auto s = net.start(i), f = net.end(i);
    net.add({s, f, seconds{0}, {}, source(Kind::duration, i)});
    if (auto start = e.start_utc()) {
      net.pin(s, *start, source(Kind::date, i));
      net.pin(f, *e.end_utc(), source(Kind::date, i, true));
      continue;
    }
    const auto& w = std::get<Window>(e.time);
    auto day_start = [&](const std::optional<CivilDate>& d, int plus) -> std::optional<Instant> {
      if (!d) return std::nullopt;
      return e.zone.start_of_day(d->plus_days(plus));
    };
    if (w.earliest_first || w.latest_first) net.bound(s, day_start(w.earliest_first, 0), day_start(w.latest_first, 0), source(Kind::window, i));
    if (w.earliest_last || w.latest_last) net.bound(f, day_start(w.earliest_last, 1), day_start(w.latest_last, 1), source(Kind::window, i, true));
  }
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const Event& a = timeline.at(i);
    for (std::size_t r = 0; r < a.relations.size(); ++r) {
      const auto& rel = a.relations[r];
      auto j = timeline.target_of(i, r);
      if (j == Timeline::npos) continue;  // the loader reports unknown targets
      auto from = source(Kind::relation, i, false, static_cast<std::int32_t>(r));
      const Event& b = timeline.at(j);
      // same-day between two dated events is decided exactly on their civil dates (check_relation);
      // no bound on instants says it for every length of day.
      if (rel.type == RelationType::same_day && a.dated() && b.dated()) continue;
      // Between two events of whole days, bounds are on civil dates (relations.h): a bound between
      // local clock readings becomes one between instants once each side's UTC offset is taken off.
      bool civil = whole_days(a) && whole_days(b);
      auto offset = [&](Endpoint p) {
        bool is_b = p == Endpoint::start_b || p == Endpoint::end_b;
        return offset_near(is_b ? b : a, p == Endpoint::end_a || p == Endpoint::end_b);
      };
      auto point = [&](Endpoint p) {
        switch (p) {
          case Endpoint::start_a: return net.start(i);
          case Endpoint::end_a: return net.end(i);
          case Endpoint::start_b: return net.start(j);
          case Endpoint::end_b: return net.end(j);
        }
        return net.start(i);
      };
      for (const auto& pc : endpoint_constraints(rel.type, rel.gap)) {
        std::optional<seconds> lo = pc.lo, hi = pc.hi;
        if (civil) {
          // local(to) − local(from) ∈ [lo, hi] with local = utc + offset.
          auto shift = offset(pc.from) - offset(pc.to);
          if (rel.type == RelationType::same_day) lo = hi = seconds{0};  // the same midnight, read locally
          *lo += shift;
          if (hi) *hi += shift;
        }
        net.add({point(pc.from), point(pc.to), lo, hi, from});
      }
    }
  }
  return net;
}

Diagnostic explain_conflict(const Conflict& conflict, const TemporalNetwork& net, const Timeline* timeline) {
  auto words = [&](std::uint32_t source) {
    const auto& s = net.sources()[source];
    return timeline ? describe(s, *timeline) : s;
  };
  Diagnostic d;
  // Lead with the first relation in the cycle: it is what a person wrote and can revise.
  std::optional<std::uint32_t> lead;
  for (const auto& step : conflict.cycle)
    if (net.sources()[step.source].kind == ConstraintSource::Kind::relation) {
      lead = step.source;
      break;
    }
  d.where = words(lead.value_or(conflict.cycle.front().source)).where;
  d.message = fmt::format("these constraints cannot all hold: together they are {} short", text::duration_text(conflict.excess));
  d.expected = "dates and relations that agree";
  d.suggestion = "revise one of the relations' gaps, or a date";
  std::vector<std::uint32_t> listed;
  for (const auto& step : conflict.cycle) {
    if (std::find(listed.begin(), listed.end(), step.source) != listed.end()) continue;
    listed.push_back(step.source);
    auto src = words(step.source);
    d.notes.push_back(fmt::format("{}:{}:{}: {}", src.where.file, src.where.line, src.where.col, src.text));
  }
  return d;
}

TimelineWindows solve_windows(const Timeline& timeline) {
  TimelineWindows result;
  auto net = compile_network(timeline);
  std::vector<std::size_t> imprecise;  // events of whole days whose points the network may move
  for (std::size_t i = 0; i < timeline.size(); ++i)
    if (!timeline.at(i).dated() && whole_days(timeline.at(i))) imprecise.push_back(i);
  NetworkSolution solution;
  // An imprecise all-day event starts and ends at local midnights: round each of its bounds inward to
  // one and propagate again, until nothing moves. Bounds only tighten, each time to a midnight, so
  // this ends; a point left no midnight means no whole day fits.
  for (bool moved = true; moved;) {
    moved = false;
    solution = net.solve();
    if (!solution.consistent) {
      result.conflict = explain_conflict(*solution.conflict, net, &timeline);
      return result;
    }
    for (auto i : imprecise) {
      const Event& e = timeline.at(i);
      for (auto p : {net.start(i), net.end(i)}) {
        const auto& bounds = solution.points[p];
        std::optional<Instant> earliest, latest;
        if (bounds.earliest) earliest = midnight_at_or_after(e.zone, *bounds.earliest);
        if (bounds.latest) latest = midnight_at_or_before(e.zone, *bounds.latest);
        if (earliest && latest && *latest < *earliest) {
          Diagnostic d;
          d.where = e.time_where;
          d.message = fmt::format("{} takes whole days in {}, but its dates and relations leave its {} only between {} and {}", e.id,
                                  e.zone.name(), p == net.start(i) ? "start" : "end", text::instant_text(*bounds.earliest, e.zone),
                                  text::instant_text(*bounds.latest, e.zone));
          d.expected = "room for a local midnight";
          d.suggestion = "revise a relation's gap, or give the event times instead of dates";
          result.conflict = d;
          return result;
        }
        if (earliest != bounds.earliest || latest != bounds.latest) {
          ConstraintSource s;
          s.kind = ConstraintSource::Kind::window;
          s.event = static_cast<std::uint32_t>(i);
          s.end = p == net.end(i);
          net.bound(p, earliest, latest, net.add_source(std::move(s)));
          moved = true;
        }
      }
    }
  }
  result.events.resize(timeline.size());
  for (std::size_t i = 0; i < timeline.size(); ++i)
    result.events[i] = EventWindow{solution.points[net.start(i)], solution.points[net.end(i)]};
  return result;
}

namespace {

struct PositionKey {
  std::string file;
  int line = 0, col = 0;
  bool operator<(const PositionKey& o) const { return std::tie(file, line, col) < std::tie(o.file, o.line, o.col); }
};

PositionKey key_of(const Position& p) { return PositionKey{p.file.str(), p.line, p.col}; }

}  // namespace

Diagnostics network_conflicts(const Timeline& timeline, const Diagnostics& already, const TimelineWindows* solved) {
  Diagnostics out;
  auto add = [&](const Diagnostic& d) {
    auto& added = out.error(d.where, d.message, d.expected, d.suggestion);
    added.notes = d.notes;
  };
  if (!already.has_errors()) {
    if (solved) {
      if (solved->conflict) add(*solved->conflict);
    } else if (auto windows = solve_windows(timeline); windows.conflict) {
      add(*windows.conflict);
    }
    return out;
  }
  // Parts: events joined by relations (union-find), and the positions that belong to each event.
  std::vector<std::size_t> parent(timeline.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<PositionKey, std::size_t> event_at;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const auto& e = timeline.at(i);
    event_at.emplace(key_of(e.where), i);
    event_at.emplace(key_of(e.time_where), i);
    for (std::size_t k = 0; k < e.relations.size(); ++k) {
      event_at.emplace(key_of(e.relations[k].where), i);
      if (auto target = timeline.target_of(i, k); target != Timeline::npos) parent[root(i)] = root(target);
    }
  }
  std::set<std::size_t> troubled;
  for (const auto& d : already.all()) {
    if (d.severity != Severity::error) continue;
    if (auto found = event_at.find(key_of(d.where)); found != event_at.end()) troubled.insert(root(found->second));
  }
  // One network of every sound part; a conflict found takes its part out, and the rest is solved again
  // (each part is independent of the others, so every conflict is found, one per part).
  constexpr std::size_t kMaxConflicts = 20;
  for (std::size_t round = 0; round < kMaxConflicts; ++round) {
    Timeline sound;
    for (std::size_t i = 0; i < timeline.size(); ++i)
      if (!troubled.count(root(i))) sound.add(timeline.at(i));
    auto windows = solve_windows(sound);
    if (!windows.conflict) break;
    add(*windows.conflict);
    auto found = event_at.find(key_of(windows.conflict->where));
    if (found == event_at.end() || !troubled.insert(root(found->second)).second) break;
  }
  return out;
}

}  // namespace dipcal
