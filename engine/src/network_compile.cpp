// Compiling a Timeline into its temporal network, and explaining an inconsistent one.
#include "dipcal/network.h"

#include "dipcal/relations.h"
#include "dipcal/time/duration.h"
#include "dipcal/timeline.h"

#include <fmt/format.h>

#include <map>

namespace dipcal {

namespace {

using std::chrono::seconds;

std::string human(Instant i, const Zone& zone) {
  auto local = zone.to_civil(i);
  auto hms = date::hh_mm_ss<seconds>{local.time_of_day()};
  return fmt::format("{} {:02}:{:02} {}", to_human(local.date()), hms.hours().count(), hms.minutes().count(), zone.at(i).abbrev);
}

std::string gap_words(const Gap& gap) {
  std::string words;
  if (gap.min && gap.min->count() > 0) words += fmt::format(", at least {}", to_human_duration(*gap.min));
  if (gap.max) words += fmt::format(", at most {}", to_human_duration(*gap.max));
  return words;
}

}  // namespace

TemporalNetwork compile_network(const Timeline& timeline) {
  TemporalNetwork net{timeline.size()};
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const Event& e = timeline.at(i);
    auto s = net.start(i), f = net.end(i);
    auto length = net.add_source({ConstraintSource::Kind::duration, fmt::format("{} ends no earlier than it starts", e.id), e.where});
    net.add({s, f, seconds{0}, {}, length});
    if (auto start = e.start_utc()) {
      auto end = *e.end_utc();
      bool all_day = e.all_day();
      net.pin(s, *start, net.add_source({ConstraintSource::Kind::date,
                                         all_day ? fmt::format("{} starts on {} ({})", e.id, to_human(std::get<AllDay>(e.time).first), e.zone.name())
                                                 : fmt::format("{} starts at {}", e.id, human(*start, e.zone)),
                                         e.time_where}));
      net.pin(f, end, net.add_source({ConstraintSource::Kind::date,
                                      all_day ? fmt::format("{} ends after {} ({})", e.id, to_human(std::get<AllDay>(e.time).last), e.zone.name())
                                              : fmt::format("{} ends at {}", e.id, human(end, e.zone)),
                                      e.time_where}));
      continue;
    }
    const auto& w = std::get<Window>(e.time);
    auto day_start = [&](const std::optional<CivilDate>& d, int plus) -> std::optional<Instant> {
      if (!d) return std::nullopt;
      return e.zone.start_of_day(d->plus_days(plus));
    };
    if (w.earliest_first || w.latest_first)
      net.bound(s, day_start(w.earliest_first, 0), day_start(w.latest_first, 0),
                net.add_source({ConstraintSource::Kind::window,
                                fmt::format("{} starts {}", e.id, w.start_text.empty() ? "within its window" : "within " + w.start_text),
                                e.time_where}));
    if (w.earliest_last || w.latest_last)
      net.bound(f, day_start(w.earliest_last, 1), day_start(w.latest_last, 1),
                net.add_source({ConstraintSource::Kind::window,
                                fmt::format("{} ends {}", e.id,
                                            w.end_text.empty() ? (w.start_text.empty() ? "within its window" : "within " + w.start_text)
                                                               : "within " + w.end_text),
                                e.time_where}));
  }
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const Event& a = timeline.at(i);
    for (const auto& rel : a.relations) {
      auto j = timeline.index_of(rel.target);
      if (j == Timeline::npos) continue;  // the loader reports unknown targets
      const Event& b = timeline.at(j);
      auto source = net.add_source({ConstraintSource::Kind::relation,
                                    fmt::format("{} {} {}{}", a.id, to_string(rel.type), b.id, gap_words(rel.gap)), rel.where});
      auto point = [&](Endpoint p) {
        switch (p) {
          case Endpoint::start_a: return net.start(i);
          case Endpoint::end_a: return net.end(i);
          case Endpoint::start_b: return net.start(j);
          case Endpoint::end_b: return net.end(j);
        }
        return net.start(i);
      };
      for (const auto& pc : endpoint_constraints(rel.type, rel.gap))
        net.add({point(pc.from), point(pc.to), pc.lo, pc.hi, source});
    }
  }
  return net;
}

Diagnostic explain_conflict(const Conflict& conflict, const TemporalNetwork& net) {
  Diagnostic d;
  // Lead with the first relation in the cycle: it is what a person wrote and can revise.
  std::optional<std::uint32_t> lead;
  for (const auto& step : conflict.cycle)
    if (net.sources()[step.source].kind == ConstraintSource::Kind::relation) {
      lead = step.source;
      break;
    }
  const auto& first = net.sources()[lead.value_or(conflict.cycle.front().source)];
  d.where = first.where;
  d.message = fmt::format("these constraints cannot all hold: together they are {} short", to_human_duration(conflict.excess));
  d.expected = "dates and relations that agree";
  d.suggestion = "revise one of the relations' gaps, or a date";
  std::vector<std::uint32_t> listed;
  for (const auto& step : conflict.cycle) {
    if (std::find(listed.begin(), listed.end(), step.source) != listed.end()) continue;
    listed.push_back(step.source);
    const auto& src = net.sources()[step.source];
    d.notes.push_back(fmt::format("{}:{}:{}: {}", src.where.file, src.where.line, src.where.col, src.text));
  }
  return d;
}

TimelineWindows solve_windows(const Timeline& timeline) {
  TimelineWindows result;
  auto net = compile_network(timeline);
  auto solution = net.solve();
  if (!solution.consistent) {
    result.conflict = explain_conflict(*solution.conflict, net);
    return result;
  }
  result.events.resize(timeline.size());
  for (std::size_t i = 0; i < timeline.size(); ++i)
    result.events[i] = EventWindow{solution.points[net.start(i)], solution.points[net.end(i)]};
  return result;
}

}  // namespace dipcal
