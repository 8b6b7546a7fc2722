// dipcal agenda [--on DATE | --from DATE --to DATE] [--tz ZONE] [--json]: what happens on civil days
// of one zone (agenda.h says which events are on a day).
#include "../commands.h"
#include "../event_json.h"
#include "../filter.h"

#include "dipcal/query/agenda.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

constexpr int kMaxDays = 3660;  // ten years of days is a listing, not an agenda

struct AgendaOptions {
  std::string on;
  std::string from;
  std::string to;
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("--on", on, "The civil day, in --tz (default: today there)");
    command.add_option("--from", from, "First day of a range (with --to)");
    command.add_option("--to", to, "Last day of a range, inclusive");
    command.add_flag("--json", json, "Print [{date, zone, events: [{…list --json fields…, possible}]}]");
  }
};

int run_agenda(const AgendaOptions& options, Session& session) {
  const auto& zone = session.zone();
  if (!options.on.empty() && (!options.from.empty() || !options.to.empty()))
    throw UsageError{"give either --on DATE or --from DATE --to DATE"};
  CivilDate first, last;
  if (!options.on.empty()) {
    first = last = date_arg(options.on, "--on");
  } else if (!options.from.empty() || !options.to.empty()) {
    if (options.from.empty() || options.to.empty()) throw UsageError{"--from and --to go together"};
    first = date_arg(options.from, "--from");
    last = date_arg(options.to, "--to");
    if (last < first) throw UsageError{fmt::format("--to {} is before --from {}", options.to, options.from)};
    if (days_between(first, last) >= kMaxDays) throw UsageError{fmt::format("at most {} days at a time", kMaxDays)};
  } else {
    first = last = today(zone, session.now());
  }
  Interest interest;
  interest.days = {first, last};
  interest.zone = zone;
  const auto& calendar = session.calendar(interest);
  const auto& timeline = calendar.timeline();
  auto out = nlohmann::ordered_json::array();
  for (const auto& [day, entries] : agenda(calendar, first, last, zone)) {
    if (options.json) {
      auto events = nlohmann::ordered_json::array();
      for (const auto& entry : entries) {
        auto ej = event_json(timeline.at(entry.event), false, calendar.window_of(entry.event));
        ej["possible"] = entry.possible;
        events.push_back(std::move(ej));
      }
      out.push_back({{"date", to_string(day)}, {"zone", zone.name()}, {"events", std::move(events)}});
      continue;
    }
    fmt::print("{} ({})\n", text::date_text(day), zone.name());
    if (entries.empty()) fmt::print("  nothing\n");
    for (const auto& entry : entries) {
      const auto& e = timeline.at(entry.event);
      std::string hours = entry.hours ? text::day_hours_text(*entry.hours) : entry.possible ? "possibly" : "all day";
      std::string own;
      if (const auto* t = std::get_if<Timed>(&e.time)) {
        if (e.zone != zone) own = fmt::format(" [{} in {}]", text::instant_text(t->start, e.zone), text::place_of(e));
      } else if (!entry.possible && e.zone != zone) {
        own = fmt::format(" [{}]", e.zone.name());
      }
      fmt::print("  {:<14} {:<24} {}{}\n", hours, e.id, e.title, own);
    }
  }
  if (options.json) fmt::print("{}\n", out.dump(2));
  return kOk;
}

}  // namespace

Runner setup_agenda(CLI::App& command) { return bind_options<AgendaOptions>(command, run_agenda); }

}  // namespace dipcal::cli
