#include "dipcal/query/calendar.h"

namespace dipcal {

Calendar::Calendar(CompiledTimeline compiled)
    : load_{std::move(compiled.load)}, part_{compiled.part}, reach_{std::move(compiled.reach)} {
  if (compiled.windows && compiled.windows->events.size() == load_.timeline.size()) {
    windows_ = std::move(*compiled.windows);
  } else if (!load_.diagnostics.has_errors()) {
    windows_ = solve_windows(load_.timeline);
  }
  const auto* events = windows_.conflict ? nullptr : &windows_.events;
  if (is_event_order(load_.timeline, compiled.order))
    order_ = std::move(compiled.order);
  else
    order_ = chronological_order(load_.timeline, events);
}

Calendar Calendar::open(const std::vector<std::filesystem::path>& paths, const OpenOptions& options, const ZoneDb& zones) {
  TimelineCache cache{options.cache_folder};
  return Calendar{cache.load(paths, zones, options.limits, options.hooks, options.interest ? &*options.interest : nullptr)};
}

const EventReach* Calendar::reach_of(std::size_t event) const {
  if (event >= load_.timeline.size()) return nullptr;
  for (const auto& r : reach_)
    if (r.id == load_.timeline.at(event).id) return &r;
  return nullptr;
}

const EventWindow* Calendar::window_of(std::size_t event) const {
  if (windows_.conflict || event >= windows_.events.size() || load_.timeline.at(event).dated()) return nullptr;
  return &windows_.events[event];
}

}  // namespace dipcal
