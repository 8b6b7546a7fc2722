// dipcal list: events in chronological order, each in its own zone and in the output zone.
#include "../commands.h"
#include "../event_json.h"
#include "../filter.h"

#include "dipcal/query/select.h"
#include "dipcal/text/time_words.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cstdio>
#include <iterator>

namespace dipcal::cli {

namespace {

struct ListOptions {
  EventFilter filter;
  bool json = false;

  void add_options(CLI::App& command) {
    filter.add_options(command);
    command.add_flag("--json", json, "Print a JSON array (id, title, zone, all_day, start, end, start_utc, end_utc, …)");
  }
};

int run_list(const ListOptions& options, Session& session) {
  auto selection = options.filter.selection();
  const auto& zone = session.zone();
  // A range of days is answered from the events that may be on them; without --tag, since an empty
  // answer then names the tags the whole calendar has.
  std::optional<Interest> interest;
  if (selection.from && selection.to && selection.tags.empty()) interest = Interest{{}, {}, false, std::pair{*selection.from, *selection.to}, zone};
  const auto& calendar = session.calendar(interest);
  auto selected = select(calendar, selection, zone);
  const auto& timeline = calendar.timeline();
  for (const auto& w : nothing_selected_warnings(timeline, options.filter, selected.events.size()))
    std::fprintf(stderr, "dipcal: warning: %s\n", w.c_str());
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& s : selected.events) out.push_back(event_json(timeline.at(s.event), false, calendar.window_of(s.event)));
    fmt::print("{}\n", out.dump(2));
    return kOk;
  }
  // The table in one buffer, written once: a print a row cost a tenth of a large day's listing.
  fmt::memory_buffer table;
  fmt::format_to(std::back_inserter(table), "{:<38} {:<24} {:<24} {}\n", "WHEN (LOCAL)", fmt::format("START IN {}", zone.name()), "ID", "TITLE");
  for (const auto& s : selected.events) {
    const auto& e = timeline.at(s.event);
    fmt::format_to(std::back_inserter(table), FMT_COMPILE("{:<38} {:<24} {:<24} {}\n"), text::when_local(e, calendar.window_of(s.event)),
                   text::start_in(e, zone), e.id, e.title);
  }
  std::fwrite(table.data(), 1, table.size(), stdout);
  return kOk;
}

}  // namespace

Runner setup_list(CLI::App& command) { return bind_options<ListOptions>(command, run_list); }

}  // namespace dipcal::cli
