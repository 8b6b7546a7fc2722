#include "dipcal/query/dependencies.h"

namespace dipcal {

EventDependencies dependencies(const Calendar& calendar, std::size_t event) {
  const auto& timeline = calendar.timeline();
  DependencyGraph graph{timeline, calendar.chronological()};
  EventDependencies out;
  for (auto l : graph.links_into(event)) out.into.push_back(graph.links()[l]);
  for (auto l : graph.links_out_of(event)) out.out_of.push_back(graph.links()[l]);
  if (const auto* reach = calendar.reach_of(event)) {
    out.prerequisites = reach->prerequisites;
    out.dependents = reach->dependents;
    return out;
  }
  for (auto i : graph.prerequisites(event)) out.prerequisites.push_back(timeline.at(i).id);
  for (auto i : graph.dependents(event)) out.dependents.push_back(timeline.at(i).id);
  return out;
}

}  // namespace dipcal
