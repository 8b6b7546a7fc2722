// dipcal list: events in chronological order, each in its own zone and in the output zone.
#include "../commands.h"
#include "../filter.h"
#include "../format.h"

#include <fmt/format.h>

#include <cstdio>

namespace dipcal::cli {

namespace {

struct ListOptions {
  EventFilter filter;
  bool json = false;
};

int run_list(const ListOptions& options, const GlobalOptions& global) {
  auto zone = output_zone(global);
  EventMatcher matches{options.filter, zone};
  const auto& timeline = load_clean(global);
  auto windows = windows_of_undated(timeline);
  auto window_of = [&](std::size_t i) { return windows ? &windows->events[i] : nullptr; };
  std::size_t shown = 0;
  auto warn_if_none = [&] {
    for (const auto& w : nothing_selected_warnings(timeline, options.filter, shown)) std::fprintf(stderr, "dipcal: warning: %s\n", w.c_str());
  };
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (auto i : timeline.chronological())
      if (matches(timeline.at(i))) out.push_back(event_json(timeline.at(i), false, window_of(i)));
    fmt::print("{}\n", out.dump(2));
    shown = out.size();
    warn_if_none();
    return kOk;
  }
  fmt::print("{:<38} {:<24} {:<24} {}\n", "WHEN (LOCAL)", fmt::format("START IN {}", zone.name()), "ID", "TITLE");
  for (auto i : timeline.chronological()) {
    const auto& e = timeline.at(i);
    if (!matches(e)) continue;
    ++shown;
    fmt::print("{:<38} {:<24} {:<24} {}\n", when_local(e, window_of(i)), start_in(e, zone), e.id, e.title);
  }
  warn_if_none();
  return kOk;
}

}  // namespace

Runner setup_list(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<ListOptions>();
  options->filter.add_options(command);
  command.add_flag("--json", options->json, "Print a JSON array (id, title, zone, all_day, start, end, start_utc, end_utc, …)");
  return [options, &global] { return run_list(*options, global); };
}

}  // namespace dipcal::cli
