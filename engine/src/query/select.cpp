#include "dipcal/query/select.h"

#include <algorithm>

namespace dipcal {

namespace {

bool any_of_in(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  return wanted.empty() || std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
           return std::find(have.begin(), have.end(), w) != have.end();
         });
}

}  // namespace

bool matches_labels(const Event& e, const Selection& selection) {
  if (!any_of_in(selection.tags, e.tags) || !any_of_in(selection.actors, e.actors)) return false;
  const auto& statuses = selection.statuses;
  return statuses.empty() || std::find(statuses.begin(), statuses.end(), e.status) != statuses.end();
}

SelectedEvents select(const Calendar& calendar, const Selection& selection, const Zone& zone) {
  SelectedEvents out;
  const auto& timeline = calendar.timeline();
  for (auto i : calendar.chronological()) {
    const auto& e = timeline.at(i);
    if (!matches_labels(e, selection)) continue;
    auto days = days_of(e, calendar.window_of(i), zone);
    if (selection.by_date() && !days.meets(selection.from, selection.to)) continue;
    out.events.push_back({i, days});
    out.calendars.insert(e.calendar);
  }
  return out;
}

std::vector<std::size_t> SelectedEvents::indexes() const {
  std::vector<std::size_t> out;
  out.reserve(events.size());
  for (const auto& e : events) out.push_back(e.event);
  return out;
}

}  // namespace dipcal
