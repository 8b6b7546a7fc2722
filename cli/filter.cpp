#include "filter.h"

#include "session.h"

#include "dipcal/diagnostics.h"
#include "dipcal/suggest.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::cli {

void EventFilter::add_options(CLI::App& command) {
  command.add_option("--from", from, "Only events that end on or after this date (in --tz)");
  command.add_option("--to", to, "Only events that start on or before this date (in --tz)");
  command.add_option("--tag", tags, "Only events with this tag (repeatable: any of them)");
}

namespace {

CivilDate date_arg(const std::string& text, const char* option) {
  auto d = parse_civil_date(text);
  if (!d) throw UsageError{fmt::format("{} '{}' is not a date; expected YYYY-MM-DD between {} and {}", option, text, kFirstYear, kLastYear)};
  return *d;
}

}  // namespace

EventMatcher::EventMatcher(const EventFilter& filter, const Zone& zone) : tags_{filter.tags} {
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

std::vector<std::string> nothing_selected_warnings(const Timeline& timeline, const EventFilter& filter, std::size_t selected) {
  std::vector<std::string> out;
  if (selected > 0) return out;
  std::set<std::string> known;
  for (const auto& e : timeline.events()) known.insert(e.tags.begin(), e.tags.end());
  const std::vector<std::string> all{known.begin(), known.end()};
  for (const auto& tag : filter.tags)
    if (!known.count(tag)) {
      auto near = closest(tag, all);
      out.push_back(fmt::format("no event has the tag '{}'{}", tag, near.empty() ? "" : "; " + did_you_mean(near)));
    }
  if (out.empty()) out.push_back(filter.tags.empty() && filter.from.empty() && filter.to.empty()
                                     ? std::string{"there are no events"}
                                     : std::string{"no event matches --from, --to and --tag together"});
  return out;
}

bool EventMatcher::operator()(const Event& e) const {
  if (!tags_.empty() && std::none_of(tags_.begin(), tags_.end(), [&](const std::string& t) {
        return std::find(e.tags.begin(), e.tags.end(), t) != e.tags.end();
      }))
    return false;
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
