#include "filter.h"

#include "session.h"

#include "dipcal/model/diagnostics.h"
#include "dipcal/text/suggest.h"

#include <fmt/format.h>

#include <set>

namespace dipcal::cli {

void EventFilter::add_options(CLI::App& command) {
  command.add_option("--from", from, "Only events on or after this civil date (in --tz; all-day events by their own dates)");
  command.add_option("--to", to, "Only events on or before this civil date (in --tz)");
  command.add_option("--tag", tags, "Only events with this tag (repeatable: any of them)");
  command.add_option("--actor", actors, "Only events with this actor (repeatable: any of them)");
  command.add_option("--status", statuses, "Only events with this status (repeatable: any of them)")
      ->check(CLI::IsMember(event_status_names()));
}

CivilDate date_arg(const std::string& text, const std::string& option) {
  auto d = parse_civil_date(text);
  if (!d) throw UsageError{fmt::format("{} '{}' is not a date; expected YYYY-MM-DD between {} and {}", option, text, kFirstYear, kLastYear)};
  return *d;
}

Selection EventFilter::selection() const {
  Selection s;
  if (!from.empty()) s.from = date_arg(from, "--from");
  if (!to.empty()) s.to = date_arg(to, "--to");
  if (s.from && s.to && *s.to < *s.from) throw UsageError{"--to is before --from"};
  s.tags = tags;
  s.actors = actors;
  for (const auto& name : statuses) s.statuses.push_back(*parse_event_status(name));
  return s;
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
  bool filtered = !filter.tags.empty() || !filter.actors.empty() || !filter.statuses.empty() || !filter.from.empty() || !filter.to.empty();
  if (out.empty()) out.push_back(filtered ? std::string{"no event matches --from, --to, --tag, --actor and --status together"}
                                          : std::string{"there are no events"});
  return out;
}

}  // namespace dipcal::cli
