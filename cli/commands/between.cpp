// dipcal between A B [--json]: the calendar days between two events, stated from both ends
// (query/lead.h has the rules: which comes first, overlaps, the zone counted in).
#include "../commands.h"
#include "../lead_json.h"

#include "dipcal/query/lead.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

struct BetweenOptions {
  std::string a;
  std::string b;
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("EVENT_A", a, "One event (id, alias or unique prefix)")->required();
    command.add_option("EVENT_B", b, "The other event")->required();
    command.add_flag("--json", json,
                     "Print first, second, from_point, overlap, calendar_days, calendar_days_min/max, zone, elapsed_seconds, "
                     "from_date, to_date, under_way");
  }
};

int run_between(const BetweenOptions& options, Session& session) {
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  auto a = find_event(timeline, options.a), b = find_event(timeline, options.b);
  if (a == b) throw UsageError{fmt::format("'{}' and '{}' are the same event", options.a, options.b)};
  auto answer = between(calendar, a, b, session.chosen_zone());
  const auto& first = timeline.at(answer.first);
  const auto& second = timeline.at(answer.second);
  const auto& lead = answer.forward.count;
  const auto& zone = answer.forward.zone;
  std::string side = answer.overlap ? "start" : "end";
  if (options.json) {
    nlohmann::ordered_json j;
    j["first"] = first.id;
    j["second"] = second.id;
    j["from_point"] = side;
    j["overlap"] = answer.overlap;
    add_lead_json(j, lead, zone);
    add_under_way_json(j, answer.forward.under_way);
    fmt::print("{}\n", j.dump(2));
    return kOk;
  }
  if (answer.overlap) {
    std::string day;
    if (const auto& u = answer.forward.under_way) day = fmt::format(" (under way: day {} of {} of {})", u->day, u->days, first.id);
    fmt::print("{} and {} overlap; counting from start to start{}\n", first.id, second.id, day);
  }
  fmt::print("{} starts {}\n", second.id, text::count_relative(lead, fmt::format("the {} of {}", side, first.id)));
  fmt::print("{} {} {}\n", first.id, answer.overlap ? "starts" : "ends", text::count_relative(answer.backward, fmt::format("the start of {}", second.id)));
  std::string exact;
  if (lead.elapsed) exact = fmt::format("; exactly {} apart", text::length_text(*lead.elapsed));
  fmt::print("{} → {}; calendar days counted in {}{}\n", text::count_point_text(answer.forward.from, zone, text::place_of(first)),
             text::count_point_text(answer.forward.to, zone, text::place_of(second)), zone.name(), exact);
  return kOk;
}

}  // namespace

Runner setup_between(CLI::App& command) { return bind_options<BetweenOptions>(command, run_between); }

}  // namespace dipcal::cli
