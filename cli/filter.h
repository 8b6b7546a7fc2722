// The event filters that `list` and the exports share: a date range in the output zone and tags.
#pragma once

#include "dipcal/event.h"
#include "dipcal/timeline.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dipcal::cli {

struct EventFilter {
  std::string from;  // civil date, inclusive, in the output zone
  std::string to;    // civil date, inclusive
  std::vector<std::string> tags;  // any of them

  void add_options(CLI::App& command);
};

// The filter with its dates read in `zone`; UsageError on a bad date.
class EventMatcher;

// The events a filter keeps, in chronological order, and the ids of the calendars they come from.
struct EventSelection {
  std::vector<std::size_t> indexes;
  std::set<std::string> calendars;
};
EventSelection select_events(const Timeline& timeline, const EventMatcher& matches);

// When a filter kept no event, why, for standard error: each --tag no event has, with the nearest
// tags that exist, or else that no event falls in the dates. Empty when something was kept.
std::vector<std::string> nothing_selected_warnings(const Timeline& timeline, const EventFilter& filter, std::size_t selected);

class EventMatcher {
 public:
  EventMatcher(const EventFilter& filter, const Zone& zone);
  [[nodiscard]] bool operator()(const Event& e) const;

 private:
  std::optional<Instant> from_;
  std::optional<Instant> to_;  // exclusive: the start of the day after --to
  std::vector<std::string> tags_;
};

}  // namespace dipcal::cli
