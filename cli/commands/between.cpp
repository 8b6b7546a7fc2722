// dipcal between A B [--json]: the calendar days between two events, stated from both ends. The
// count runs from the end of the earlier event to the start of the later one (from start to start when
// they overlap), in the later event's zone unless --tz says otherwise; lead_time.h has the rules.
#include "../commands.h"
#include "../format.h"
#include "../lead_words.h"

#include "dipcal/lead_time.h"
#include "dipcal/time/duration.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::cli {

namespace {

struct BetweenOptions {
  std::string a;
  std::string b;
  bool json = false;
};

LeadTime reversed(const LeadTime& lead) {
  LeadTime r = lead;
  r.min_days = lead.max_days ? std::optional<int>{-*lead.max_days} : std::nullopt;
  r.max_days = lead.min_days ? std::optional<int>{-*lead.min_days} : std::nullopt;
  std::swap(r.from_date, r.to_date);
  if (lead.elapsed) r.elapsed = -*lead.elapsed;
  return r;
}

int run_between(const BetweenOptions& options, const GlobalOptions& global) {
  const auto& timeline = load_clean(global);
  const Event* first = &find_event(timeline, options.a);
  const Event* second = &find_event(timeline, options.b);
  if (first == second) throw UsageError{fmt::format("'{}' and '{}' are the same event", options.a, options.b)};
  auto order = timeline.chronological();
  auto rank = [&](const Event* e) { return std::find(order.begin(), order.end(), timeline.index_of(e->id)) - order.begin(); };
  if (rank(second) < rank(first)) std::swap(first, second);
  auto zone = global.tz.empty() ? second->zone : output_zone(global);
  // Overlapping events have no gap between them: count from start to start instead.
  auto first_end = first->end_utc(), second_start = second->start_utc();
  bool overlap = first_end && second_start && *second_start < *first_end;
  auto from_side = overlap ? EventSide::start : EventSide::end;
  auto from = count_point(*first, from_side, window_of(timeline, *first)), to = count_point(*second, EventSide::start, window_of(timeline, *second));
  auto lead = lead_time(from, to, zone);
  std::string side = overlap ? "start" : "end";
  if (options.json) {
    nlohmann::ordered_json j;
    j["first"] = first->id;
    j["second"] = second->id;
    j["from_point"] = side;
    j["overlap"] = overlap;
    add_lead_json(j, lead, zone);
    fmt::print("{}\n", j.dump(2));
    return kOk;
  }
  if (overlap) fmt::print("{} and {} overlap; counting from start to start\n", first->id, second->id);
  fmt::print("{} starts {}\n", second->id, count_relative(lead, fmt::format("the {} of {}", side, first->id)));
  fmt::print("{} {} {}\n", first->id, overlap ? "starts" : "ends", count_relative(reversed(lead), fmt::format("the start of {}", second->id)));
  std::string exact;
  if (lead.elapsed) exact = fmt::format("; exactly {} apart", to_human_duration(*lead.elapsed >= std::chrono::seconds{0} ? *lead.elapsed : -*lead.elapsed));
  fmt::print("{} → {}; calendar days counted in {}{}\n", point_words(from, zone, place_of(*first)), point_words(to, zone, place_of(*second)),
             zone.name(), exact);
  return kOk;
}

}  // namespace

Runner setup_between(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<BetweenOptions>();
  command.add_option("EVENT_A", options->a, "One event (id, alias or unique prefix)")->required();
  command.add_option("EVENT_B", options->b, "The other event")->required();
  command.add_flag("--json", options->json,
                   "Print first, second, from_point, overlap, calendar_days, calendar_days_min/max, zone, elapsed_seconds, "
                   "from_date, to_date");
  return [options, &global] { return run_between(*options, global); };
}

}  // namespace dipcal::cli
