#include "filter.h"

#include "session.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::cli {

void EventFilter::add_options(CLI::App& command) {
  command.add_option("--from", from, "Only events that end on or after this date (in --tz)");
  command.add_option("--to", to, "Only events that start on or before this date (in --tz)");
  command.add_option("--tag", tags, "Only events with this tag (repeatable: any of them)");
  command.add_option("--actor", actors, "Only events with this actor (repeatable: any of them)");
  command.add_option("--status", statuses, "Only events with this status (repeatable: any of them)");
}

namespace {

CivilDate date_arg(const std::string& text, const char* option) {
  auto d = parse_civil_date(text);
  if (!d) throw UsageError{fmt::format("{} '{}' is not a date; expected YYYY-MM-DD between {} and {}", option, text, kFirstYear, kLastYear)};
  return *d;
}

}  // namespace

EventMatcher::EventMatcher(const EventFilter& filter, const Zone& zone) : tags_{filter.tags}, actors_{filter.actors} {
  for (const auto& text : filter.statuses) {
    auto status = parse_event_status(text);
    if (!status)
      throw UsageError{fmt::format("--status '{}' is not a status; expected one of {}", text, fmt::join(event_status_names(), ", "))};
    statuses_.push_back(*status);
  }
  if (!filter.from.empty()) from_ = zone.start_of_day(date_arg(filter.from, "--from"));
  if (!filter.to.empty()) to_ = zone.start_of_day(date_arg(filter.to, "--to").plus_days(1));
  if (from_ && to_ && *to_ <= *from_) throw UsageError{"--to is before --from"};
}

EventSelection select_events(const Timeline& timeline, const EventMatcher& matches) {
  EventSelection selection;
  for (auto i : timeline.chronological())
    if (matches(timeline.at(i))) {
      selection.indexes.push_back(i);
      selection.calendars.insert(timeline.at(i).calendar);
    }
  return selection;
}

namespace {

// Whether `have` holds any of `wanted`; an empty `wanted` asks for nothing.
template <typename T>
bool any_of_wanted(const std::vector<T>& wanted, const std::vector<T>& have) {
  return wanted.empty() || std::any_of(wanted.begin(), wanted.end(), [&](const T& w) {
           return std::find(have.begin(), have.end(), w) != have.end();
         });
}

}  // namespace

bool EventMatcher::operator()(const Event& e) const {
  if (!any_of_wanted(tags_, e.tags) || !any_of_wanted(actors_, e.actors)) return false;
  if (!statuses_.empty() && std::find(statuses_.begin(), statuses_.end(), e.status) == statuses_.end()) return false;
  if (!from_ && !to_) return true;
  std::optional<Instant> start = e.start_utc(), end = e.end_utc();
  if (const auto* w = std::get_if<Window>(&e.time)) {
    // A window matches when the event could fall in the range.
    if (w->earliest_first) start = e.zone.start_of_day(*w->earliest_first);
    if (w->latest_last) end = e.zone.start_of_day(w->latest_last->plus_days(1));
  }
  // An instant event (zero length) at the range's start counts as inside it.
  if (from_ && end && *end < *from_) return false;
  if (from_ && end && *end == *from_ && start && *start != *end) return false;
  if (to_ && start && *start >= *to_) return false;
  return true;
}

}  // namespace dipcal::cli
