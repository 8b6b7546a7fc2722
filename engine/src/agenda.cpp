#include "dipcal/agenda.h"

#include "dipcal/timeline.h"

namespace dipcal {

std::vector<AgendaEntry> agenda(const Timeline& timeline, CivilDate day, const Zone& zone) {
  auto day_start = zone.start_of_day(day), next_day = zone.start_of_day(day.plus_days(1));
  std::vector<AgendaEntry> certain, possible;
  for (auto i : timeline.chronological()) {
    const auto& e = timeline.at(i);
    if (const auto* d = std::get_if<AllDay>(&e.time)) {
      if (d->first <= day && day <= d->last) certain.push_back({i, false});
    } else if (const auto* t = std::get_if<Timed>(&e.time)) {
      // Half-open [start, end); an instant (start == end) is on the day it happens.
      bool touches = t->start == t->end ? day_start <= t->start && t->start < next_day : t->start < next_day && day_start < t->end;
      if (touches) certain.push_back({i, false});
    } else {
      const auto& w = std::get<Window>(e.time);
      if (w.earliest_first && w.latest_last && *w.earliest_first <= day && day <= *w.latest_last) possible.push_back({i, true});
    }
  }
  certain.insert(certain.end(), possible.begin(), possible.end());
  return certain;
}

}  // namespace dipcal
