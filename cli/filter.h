// The event filters that `list`, the exports and `serve` share: a date range in the output zone, tags,
// actors and statuses (each list keeps events with any of its values; the kinds of filter all apply).
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
  std::vector<std::string> actors;    // any of them, as the fixtures write the name
  std::vector<std::string> statuses;  // any of them: scheduled, confirmed, held, …

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

class EventMatcher {
 public:
  EventMatcher(const EventFilter& filter, const Zone& zone);
  [[nodiscard]] bool operator()(const Event& e) const;

 private:
  std::optional<Instant> from_;
  std::optional<Instant> to_;  // exclusive: the start of the day after --to
  std::vector<std::string> tags_;
  std::vector<std::string> actors_;
  std::vector<EventStatus> statuses_;
};

}  // namespace dipcal::cli
