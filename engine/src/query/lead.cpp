#include "dipcal/query/lead.h"

#include "dipcal/query/days.h"

#include <algorithm>

namespace dipcal {

namespace {

using std::chrono::seconds;

CivilDate day_in(const Zone& zone, Instant i) { return zone.to_civil(i).date(); }

// The target's first and last day in the reference zone: its own dates when all-day; when timed, the
// days its half-open span touches there. Empty for events without fixed dates.
std::optional<std::pair<CivilDate, CivilDate>> days_in(const Event& e, const Zone& reference) {
  if (!e.dated()) return std::nullopt;
  auto range = days_of(e, nullptr, reference);
  return std::pair{*range.first, *range.last};
}

std::optional<UnderWay> under_way(const Event& target, const CountPoint& from, const Zone& reference) {
  auto days = days_in(target, reference);
  if (!days) return std::nullopt;
  auto [first, last] = *days;
  int count = days_between(first, last) + 1;
  if (const auto* at = std::get_if<Instant>(&from)) {
    auto start = *target.start_utc(), end = *target.end_utc();
    if (*at < start || *at >= end) return std::nullopt;
    auto day = std::clamp(day_in(reference, *at), first, last);
    return UnderWay{days_between(first, day) + 1, count};
  }
  if (const auto* day = std::get_if<CivilDate>(&from)) {
    // A whole day on the first day is the day it starts; after it, the event is under way.
    if (*day <= first || last < *day) return std::nullopt;
    return UnderWay{days_between(first, *day) + 1, count};
  }
  return std::nullopt;
}

bool both_all_day(const Event& a, const Event& b) {
  return std::holds_alternative<AllDay>(a.time) && std::holds_alternative<AllDay>(b.time);
}

bool overlapping(const Event& first, const Event& second) {
  if (both_all_day(first, second)) return std::get<AllDay>(second.time).first <= std::get<AllDay>(first.time).last;
  auto first_end = first.end_utc(), second_start = second.start_utc();
  return first_end && second_start && *second_start < *first_end;
}

CountAnswer count(const Event& target, CountPoint from, const Calendar& calendar, std::size_t target_index, const Zone& zone) {
  CountAnswer answer{zone, from, count_point(target, EventSide::start, calendar.window_of(target_index), zone), {}, {}};
  answer.count = lead_time(answer.from, answer.to, zone);
  answer.under_way = dipcal::under_way(target, answer.from, zone);
  return answer;
}

}  // namespace

Zone reference_zone(const Event& target, const std::optional<Zone>& chosen) { return chosen ? *chosen : target.zone; }

CountPoint count_point(const Event& e, EventSide side, const EventWindow* window, const Zone& reference) {
  if (!e.undated() || window == nullptr) return count_point(e, side, window);
  // Only relations place it: its possible instants, read in the reference zone like a timed event's.
  const auto& bounds = side == EventSide::start ? window->start : window->end;
  if (bounds.earliest && bounds.latest && *bounds.earliest == *bounds.latest) return *bounds.earliest;
  DaySpan span;
  if (bounds.earliest) span.earliest = day_in(reference, *bounds.earliest);
  if (bounds.latest) span.latest = day_in(reference, *bounds.latest);
  return span;
}

std::variant<CountAnswer, AmbiguousLocalTime> until(const Calendar& calendar, const UntilQuery& query) {
  const auto& timeline = calendar.timeline();
  const auto& target = timeline.at(query.target);
  auto zone = reference_zone(target, query.zone);
  CountPoint from;
  if (const auto* now = std::get_if<CountFromNow>(&query.from)) {
    from = now->now;
  } else if (const auto* event = std::get_if<CountFromEvent>(&query.from)) {
    from = count_point(timeline.at(event->event), event->side, calendar.window_of(event->event), zone);
  } else if (const auto* date = std::get_if<CountFromDate>(&query.from)) {
    from = date->date;
  } else {
    const auto& at = std::get<CountFromDateTime>(query.from).at;
    if (const auto* instant = std::get_if<Instant>(&at)) {
      from = *instant;
    } else {
      auto resolution = zone.resolve(std::get<CivilDateTime>(at));
      if (resolution.kind != LocalKind::unique) return AmbiguousLocalTime{resolution, zone};
      from = resolution.first;
    }
  }
  return count(target, from, calendar, query.target, zone);
}

BetweenAnswer between(const Calendar& calendar, std::size_t a, std::size_t b, const std::optional<Zone>& zone) {
  const auto& order = calendar.chronological();
  auto rank = [&](std::size_t i) { return std::find(order.begin(), order.end(), i) - order.begin(); };
  BetweenAnswer answer;
  answer.first = a;
  answer.second = b;
  if (rank(b) < rank(a)) std::swap(answer.first, answer.second);
  const auto& timeline = calendar.timeline();
  const auto& first = timeline.at(answer.first);
  const auto& second = timeline.at(answer.second);
  answer.overlap = overlapping(first, second);
  auto reference = reference_zone(second, zone);
  auto side = answer.overlap ? EventSide::start : EventSide::end;
  auto from = count_point(first, side, calendar.window_of(answer.first), reference);
  answer.forward = count(second, from, calendar, answer.second, reference);
  // When they overlap, what is under way is the first event, as the second starts.
  answer.forward.under_way = answer.overlap ? dipcal::under_way(first, answer.forward.to, reference) : std::nullopt;
  answer.backward = reversed(answer.forward.count);
  return answer;
}

}  // namespace dipcal
