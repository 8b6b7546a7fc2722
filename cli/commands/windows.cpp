// dipcal windows [EVENT…]: the earliest and latest start and end the whole network allows each event.
#include "../commands.h"
#include "../listing_json.h"

#include "dipcal/reasoning/network.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dipcal::cli {

namespace {

struct WindowsOptions {
  std::vector<std::string> events;
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("EVENTS", events, "Events to show (default: all), by id, alias or unique prefix");
    command.add_flag("--json", json,
                     "Print JSON: id, earliest_start_utc, latest_start_utc, earliest_end_utc, latest_end_utc (null when unbounded)");
  }
};

nlohmann::ordered_json instant_or_null(const std::optional<Instant>& i) {
  return i ? nlohmann::ordered_json(to_rfc3339(*i)) : nlohmann::ordered_json(nullptr);
}

// "Thu 30 Oct 2025 11:00 KST", or "unbounded".
std::string bound_text(const std::optional<Instant>& i, const Zone& zone) { return i ? text::instant_text(*i, zone) : "unbounded"; }

int run_windows(const WindowsOptions& options, Session& session) {
  if (options.json && options.events.empty()) {
    auto listing = session.listing();  // every event, from the warm entry in place
    if (listing && print_windows_json(*listing)) return kOk;
  }
  const auto& zone = session.zone();
  std::optional<Interest> interest;
  if (!options.events.empty()) interest = Interest{options.events, {}, false, std::nullopt, std::nullopt};
  const auto& calendar = session.calendar(interest);
  const auto& timeline = calendar.timeline();
  std::vector<std::size_t> chosen;
  if (options.events.empty()) {
    chosen = calendar.chronological();
  } else {
    for (const auto& name : options.events) chosen.push_back(find_event(timeline, name));
  }
  const auto& windows = calendar.windows();
  if (windows.conflict) {
    print_diagnostics_of({*windows.conflict});
    return kProblems;
  }
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (auto i : chosen) {
      const auto& w = windows.events[i];
      out.push_back({{"id", timeline.at(i).id},
                     {"zone", timeline.at(i).zone.name()},
                     {"dated", timeline.at(i).dated()},
                     {"earliest_start_utc", instant_or_null(w.start.earliest)},
                     {"latest_start_utc", instant_or_null(w.start.latest)},
                     {"earliest_end_utc", instant_or_null(w.end.earliest)},
                     {"latest_end_utc", instant_or_null(w.end.latest)}});
    }
    fmt::print("{}\n", out.dump(2));
    return kOk;
  }
  for (auto i : chosen) {
    const auto& e = timeline.at(i);
    const auto& w = windows.events[i];
    fmt::print("{} — {}{}\n", e.id, e.title, e.dated() ? "" : " (window)");
    const Zone& own = e.zone;
    for (const Zone* z : {&own, &zone}) {
      if (z != &own && *z == own) break;
      fmt::print("  {}:\n", z->name());
      fmt::print("    start  {} … {}\n", bound_text(w.start.earliest, *z), bound_text(w.start.latest, *z));
      fmt::print("    end    {} … {}\n", bound_text(w.end.earliest, *z), bound_text(w.end.latest, *z));
    }
  }
  return kOk;
}

}  // namespace

Runner setup_windows(CLI::App& command) { return bind_options<WindowsOptions>(command, run_windows); }

}  // namespace dipcal::cli
