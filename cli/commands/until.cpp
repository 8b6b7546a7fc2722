// dipcal until TARGET [--from EVENT|DATE|DATETIME] [--from-start] [--json]: how many calendar days
// stand before an event (query/lead.h says how they are counted).
#include "../commands.h"
#include "../format.h"
#include "../lead_words.h"

#include "dipcal/query/lead.h"
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

// --from read as an event, a date or a date-time, and how to name it.
struct From {
  CountFrom count;
  std::string id;     // for JSON: an event id, "now", or the text given
  std::string kind;   // "end", "start", "now", "date", "datetime"
  std::string place;  // for civil dates: where the date belongs
};

From read_from(const UntilOptions& options, Session& session, const Timeline& timeline) {
  if (options.from.empty()) {
    if (options.from_start) throw UsageError{"--from-start needs --from EVENT"};
    return {CountFromNow{session.now()}, "now", "now", {}};
  }
  auto event = timeline.index_of(options.from);
  if (event == Timeline::npos) {
    if (auto d = parse_civil_date(options.from)) {
      if (options.from_start) throw UsageError{"--from-start needs --from EVENT, not a date"};
      return {CountFromDate{*d}, options.from, "date", {}};
    }
    std::optional<std::variant<Instant, CivilDateTime>> at;
    if (auto i = parse_rfc3339(options.from)) at = *i;
    else if (auto local = parse_civil_date_time(options.from)) at = *local;
    if (at) {
      if (options.from_start) throw UsageError{"--from-start needs --from EVENT, not a date-time"};
      return {CountFromDateTime{*at}, options.from, "datetime", {}};
    }
    event = find_event(timeline, options.from);  // a unique prefix, or a usage error with suggestions
  }
  auto side = options.from_start ? EventSide::start : EventSide::end;
  return {CountFromEvent{event, side}, timeline.at(event).id, options.from_start ? "start" : "end", place_of(timeline.at(event))};
}

std::string sentence(const Event& target, const From& from, const CountAnswer& answer) {
  const auto& lead = answer.count;
  auto what = from.kind == "end" || from.kind == "start" ? fmt::format("the {} of {}", from.kind, from.id)
              : from.kind == "now"                       ? std::string{"now"}
                                                         : point_words(answer.from, answer.zone, {});
  auto subject = fmt::format("{} ({})", target.id, target.title);
  std::string claim;
  if (answer.under_way) {
    claim = fmt::format("is under way: day {} of {}", answer.under_way->day, answer.under_way->days);
  } else if (from.kind == "now" && lead.days()) {
    int d = *lead.days();
    claim = d > 0 ? fmt::format("is {} away", day_count(d)) : d < 0 ? fmt::format("was {} ago", day_count(-d)) : "is today";
  } else {
    claim = "is " + count_relative(lead, what);
  }
  auto from_words = point_words(answer.from, answer.zone, from.place);
  if (from.kind == "now") from_words = "now " + from_words;
  auto text = fmt::format("{} {}: {} → {}; calendar days counted in {}", subject, claim, from_words,
                          point_words(answer.to, answer.zone, place_of(target)), answer.zone.name());
  if (lead.elapsed) {
    auto e = *lead.elapsed;
    text += fmt::format("; exactly {} {}", to_human_duration(e.count() >= 0 ? e : -e), e.count() >= 0 ? "later" : "earlier");
  }
  return text;
}

int run_until(const UntilOptions& options, Session& session) {
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  auto target = find_event(timeline, options.target);
  auto from = read_from(options, session, timeline);
  auto result = until(calendar, {target, from.count, session.chosen_zone()});
  if (const auto* bad = std::get_if<AmbiguousLocalTime>(&result))
    throw UsageError{fmt::format("--from {} {} in {} ({}); give an offset", options.from,
                                 bad->resolution.kind == LocalKind::skipped ? "does not exist" : "occurs twice", bad->zone.name(),
                                 bad->resolution.kind == LocalKind::skipped ? "DST gap" : "DST overlap")};
  const auto& answer = std::get<CountAnswer>(result);
  if (options.json) {
    nlohmann::ordered_json j;
    j["target"] = timeline.at(target).id;
    j["from"] = from.id;
    j["from_point"] = from.kind;
    add_lead_json(j, answer.count, answer.zone);
    add_under_way_json(j, answer.under_way);
    fmt::print("{}\n", j.dump(2));
    return kOk;
  }
  fmt::print("{}\n", sentence(timeline.at(target), from, answer));
  return kOk;
}

}  // namespace

Runner setup_until(CLI::App& command) {
  auto options = std::make_shared<UntilOptions>();
  command.add_option("target", options->target, "The event counted to (id, alias or unique prefix); the count ends at its start")
      ->required();
  command.add_option("--from", options->from,
                     "Count from an event (its end; see --from-start), a date (2025-10-26) or a date-time "
                     "(2025-10-26T12:00, read in the counting zone, or with an offset); default: --now");
  command.add_flag("--from-start", options->from_start, "Count from the start of the --from event instead of its end");
  command.add_flag("--json", options->json,
                   "Print target, from, from_point, calendar_days (null for a range), calendar_days_min/max, zone, "
                   "elapsed_seconds (null unless both ends are timed), from_date, to_date, under_way");
  return [options](Session& session) { return run_until(*options, session); };
}

}  // namespace dipcal::cli
