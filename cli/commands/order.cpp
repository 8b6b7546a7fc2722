// dipcal order [--by deps|time] [--json]: the events in dependency order (topological levels, each
// level chronological) or in plain chronological order.
#include "../commands.h"
#include "../listing_json.h"

#include "dipcal/reasoning/graph.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dipcal::cli {

namespace {

struct OrderOptions {
  std::string by = "deps";
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("--by", by, "deps: dependency order in levels, ties by date (default); time: by date alone")
        ->check(CLI::IsMember({"deps", "time"}));
    command.add_flag("--json", json, "Print the event ids in order, as a JSON array");
  }
};

void print_event_line(const Event& e, const EventWindow* window, std::string_view indent) {
  fmt::print("{}{:<38} {:<24} {}\n", indent, text::when_local(e, window), e.id, e.title);
}

int run_order(const OrderOptions& options, Session& session) {
  bool by_time = options.by == "time";
  if (options.json) {
    // Every event, from the warm entry in place; a cycle is reported from the loaded calendar.
    auto listing = session.listing();
    if (listing && (by_time || listing->has_dependency_order()) && print_order_json(*listing, by_time)) {
      return kOk;
    }
  }
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  std::vector<std::vector<std::size_t>> groups;
  if (options.by == "time") {
    groups.push_back(calendar.chronological());
  } else {
    DependencyGraph graph{timeline, calendar.chronological()};
    auto levels = graph.levels();
    if (!levels) {
      print_diagnostics(graph.cycle_diagnostics());
      std::fprintf(stderr, "dipcal: the dependencies have a cycle, so they have no order; use --by time for dates alone\n");
      return kProblems;
    }
    groups = std::move(*levels);
  }
  if (options.json) {
    auto ids = nlohmann::ordered_json::array();
    for (const auto& g : groups)
      for (auto i : g) ids.push_back(timeline.at(i).id);
    fmt::print("{}\n", ids.dump(2));
    return kOk;
  }
  for (std::size_t level = 0; level < groups.size(); ++level) {
    if (options.by != "time") fmt::print("level {}{}\n", level, level == 0 ? " (depends on nothing)" : "");
    for (auto i : groups[level]) print_event_line(timeline.at(i), calendar.window_of(i), options.by == "time" ? "" : "  ");
  }
  return kOk;
}

}  // namespace

Runner setup_order(CLI::App& command) { return bind_options<OrderOptions>(command, run_order); }

}  // namespace dipcal::cli
