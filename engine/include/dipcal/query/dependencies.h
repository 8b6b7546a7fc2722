// What an event depends on and what depends on it (`show`, the feed's /events/ID.json): the links of
// the dependency graph (graph.h) into and out of it, and every event reached through any number of
// links. From a part of the calendar (query/calendar.h) the reached events are named from the cache
// entry's indexes, without being read.
#pragma once

#include "dipcal/reasoning/graph.h"
#include "dipcal/query/calendar.h"

#include <cstddef>
#include <string>
#include <vector>

namespace dipcal {

struct EventDependencies {
  std::vector<DependencyLink> into;    // its direct prerequisites' links (DependencyGraph::links_into)
  std::vector<DependencyLink> out_of;  // its direct dependents' links
  std::vector<std::string> prerequisites;  // ids of every event it depends on, chronological
  std::vector<std::string> dependents;     // ids of every event that depends on it, chronological
};

[[nodiscard]] EventDependencies dependencies(const Calendar& calendar, std::size_t event);

}  // namespace dipcal
