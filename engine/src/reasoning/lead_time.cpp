#include "dipcal/reasoning/lead_time.h"

namespace dipcal {

namespace {

DaySpan days_of(const CountPoint& p, const Zone& reference) {
  if (const auto* i = std::get_if<Instant>(&p)) {
    auto d = reference.to_civil(*i).date();
    return {d, d};
  }
  if (const auto* d = std::get_if<CivilDate>(&p)) return {*d, *d};
  return std::get<DaySpan>(p);
}

}  // namespace

CountPoint count_point(const Event& e, EventSide side) {
  bool start = side == EventSide::start;
  if (const auto* t = std::get_if<Timed>(&e.time)) return start ? t->start : t->end;
  if (const auto* d = std::get_if<AllDay>(&e.time)) return start ? d->first : d->last;
  const auto& w = std::get<Window>(e.time);
  return start ? DaySpan{w.earliest_first, w.latest_first} : DaySpan{w.earliest_last, w.latest_last};
}

CountPoint count_point(const Event& e, EventSide side, const EventWindow* window) {
  if (e.dated() || window == nullptr) return count_point(e, side);
  auto own = std::get<DaySpan>(count_point(e, side));
  const auto& bounds = side == EventSide::start ? window->start : window->end;
  // An end is exclusive: the event's last day is the day of the instant just before it.
  auto back = side == EventSide::end ? std::chrono::seconds{1} : std::chrono::seconds{0};
  auto day = [&](Instant i) { return e.zone.to_civil(i - back).date(); };
  DaySpan span = own;
  if (bounds.earliest) span.earliest = day(*bounds.earliest);
  if (bounds.latest) span.latest = day(*bounds.latest);
  if (side == EventSide::end && window->start.earliest) {
    auto first = e.zone.to_civil(*window->start.earliest).date();
    if (span.earliest && *span.earliest < first) span.earliest = first;
  }
  return span;
}

LeadTime lead_time(const CountPoint& from, const CountPoint& to, const Zone& reference) {
  auto f = days_of(from, reference), t = days_of(to, reference);
  LeadTime out;
  // The fewest days: the earliest `to` after the latest `from`; the most: the other way round.
  if (t.earliest && f.latest) out.min_days = days_between(*f.latest, *t.earliest);
  if (t.latest && f.earliest) out.max_days = days_between(*f.earliest, *t.latest);
  if (f.earliest && f.earliest == f.latest) out.from_date = f.earliest;
  if (t.earliest && t.earliest == t.latest) out.to_date = t.earliest;
  const auto* fi = std::get_if<Instant>(&from);
  const auto* ti = std::get_if<Instant>(&to);
  if (fi && ti) out.elapsed = *ti - *fi;
  return out;
}

LeadTime reversed(const LeadTime& lead) {
  LeadTime r = lead;
  r.min_days = lead.max_days ? std::optional<int>{-*lead.max_days} : std::nullopt;
  r.max_days = lead.min_days ? std::optional<int>{-*lead.min_days} : std::nullopt;
  std::swap(r.from_date, r.to_date);
  if (lead.elapsed) r.elapsed = -*lead.elapsed;
  return r;
}

}  // namespace dipcal
