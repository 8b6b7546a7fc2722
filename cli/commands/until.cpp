// dipcal until TARGET [--from EVENT|DATE|DATETIME] [--from-start] [--json]: how many calendar days
// stand before an event (lead_time.h says how they are counted).
#include "../commands.h"
#include "../format.h"
#include "../lead_words.h"

#include "dipcal/lead_time.h"
#include "dipcal/time/duration.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

struct UntilOptions {
  std::string target;
  std::string from;
  bool from_start = false;
  bool json = false;
};

// The start of the count and how to name it.
struct From {
  CountPoint point;
  std::string id;      // for JSON: an event id, "now", or the text given
  std::string kind;    // "end", "start", "now", "date", "datetime"
  std::string what;    // "the end of kl-trade-talks", "now", "Sun 26 Oct 2025"
  std::string place;   // for civil dates: where the date belongs
};

Zone reference_zone(const GlobalOptions& global, const Event& target) {
  // Only an explicit --tz overrides the target's zone; $TZ is for listings, not for counting.
  return global.tz.empty() ? target.zone : output_zone(global);
}

From resolve_from(const UntilOptions& options, const GlobalOptions& global, const Timeline& timeline, const Zone& zone) {
  if (options.from.empty()) {
    if (options.from_start) throw UsageError{"--from-start needs --from EVENT"};
    return {now(global, zone), "now", "now", "now", {}};
  }
  const Event* event = nullptr;
  if (auto i = timeline.index_of(options.from); i != Timeline::npos) event = &timeline.at(i);
  if (!event) {
    if (auto d = parse_civil_date(options.from)) {
      if (options.from_start) throw UsageError{"--from-start needs --from EVENT, not a date"};
      return {*d, options.from, "date", to_human(*d), {}};
    }
    if (parse_civil_date_time(options.from) || parse_offset_date_time(options.from)) {
      if (options.from_start) throw UsageError{"--from-start needs --from EVENT, not a date-time"};
      auto i = parse_instant_arg(options.from, zone, "--from");
      return {i, options.from, "datetime", human_time_text(i, zone), {}};
    }
    try {
      event = &find_event(timeline, options.from);  // a unique prefix, or a usage error with suggestions
    } catch (UsageError& e) {
      e.message += fmt::format("; --from takes an event (id, alias or unique prefix) or a date: {}", kDateFormats);
      throw;
    }
  }
  auto side = options.from_start ? EventSide::start : EventSide::end;
  return {count_point(*event, side, window_of(timeline, *event)), event->id, options.from_start ? "start" : "end",
          fmt::format("the {} of {}", options.from_start ? "start" : "end", event->id), place_of(*event)};
}

std::string sentence(const Event& target, const From& from, const LeadTime& lead, const CountPoint& to, const Zone& zone) {
  auto subject = fmt::format("{} ({})", target.id, target.title);
  std::string claim;
  if (from.kind == "now" && lead.days()) {
    int d = *lead.days();
    claim = d > 0 ? fmt::format("is {} away", day_count(d)) : d < 0 ? fmt::format("was {} ago", day_count(-d)) : "is today";
  } else if (from.kind == "now") {
    claim = "is " + count_relative(lead, "now");
  } else {
    claim = "is " + count_relative(lead, from.what);
  }
  auto from_words = point_words(from.point, zone, from.place);
  if (from.kind == "now") from_words = "now " + from_words;
  auto text = fmt::format("{} {}: {} → {}; calendar days counted in {}", subject, claim, from_words,
                          point_words(to, zone, place_of(target)), zone.name());
  if (lead.elapsed) {
    auto e = *lead.elapsed;
    text += fmt::format("; exactly {} {}", to_human_duration(e.count() >= 0 ? e : -e), e.count() >= 0 ? "later" : "earlier");
  }
  return text;
}

int run_until(const UntilOptions& options, const GlobalOptions& global) {
  const auto& timeline = load_clean(global);
  const auto& target = find_event(timeline, options.target);
  auto zone = reference_zone(global, target);
  auto from = resolve_from(options, global, timeline, zone);
  auto to = count_point(target, EventSide::start, window_of(timeline, target));
  auto lead = lead_time(from.point, to, zone);
  if (options.json) {
    nlohmann::ordered_json j;
    j["target"] = target.id;
    j["from"] = from.id;
    j["from_point"] = from.kind;
    add_lead_json(j, lead, zone);
    fmt::print("{}\n", j.dump(2));
    return kOk;
  }
  fmt::print("{}\n", sentence(target, from, lead, to, zone));
  return kOk;
}

}  // namespace

Runner setup_until(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<UntilOptions>();
  command.add_option("EVENT", options->target, "The event counted to (id, alias or unique prefix); the count ends at its start")
      ->required();
  command.add_option("--from", options->from,
                     "Count from an event (its end; see --from-start), a date (2025-10-26) or a date-time "
                     "(2025-10-26T12:00, read in the counting zone, or with an offset); default: --now");
  command.add_flag("--from-start", options->from_start, "Count from the start of the --from event instead of its end");
  command.add_flag("--json", options->json,
                   "Print target, from, from_point, calendar_days (null for a range), calendar_days_min/max, zone, "
                   "elapsed_seconds (null unless both ends are timed), from_date, to_date");
  return [options, &global] { return run_until(*options, global); };
}

}  // namespace dipcal::cli
