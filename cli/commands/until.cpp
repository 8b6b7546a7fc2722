// dipcal until TARGET [--from EVENT|DATE|DATETIME] [--from-start] [--json]: how many calendar days
// stand before an event (query/lead.h says how they are counted).
#include "../commands.h"
#include "../lead_json.h"
#include "../until_json.h"

#include "dipcal/query/lead.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

struct UntilOptions {
  std::string target;
  std::string from;
  bool from_start = false;
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("EVENT", target, "The event counted to (id, alias or unique prefix); the count ends at its start")->required();
    command.add_option("--from", from,
                       "Count from an event (its end; see --from-start), a date (2025-10-26) or a date-time "
                       "(2025-10-26T12:00, read in the counting zone, or with an offset); default: --now");
    command.add_flag("--from-start", from_start, "Count from the start of the --from event instead of its end");
    command.add_flag("--json", json,
                     "Print target, from, from_point, calendar_days (null for a range), calendar_days_min/max, zone, "
                     "elapsed_seconds (null unless both ends are timed), from_date, to_date, under_way");
  }
};

// --from read as an event, a date or a date-time, and how to name it.
struct From {
  CountFrom count;
  std::string id;     // for JSON: an event id, "now", or the text given
  std::string kind;   // "end", "start", "now", "date", "datetime"
  std::string place;  // for civil dates: where the date belongs
};

// `zone` is the count's reference zone, in which a date-time without an offset is read.
From read_from(const UntilOptions& options, Instant now, const Timeline& timeline, const Zone& zone) {
  if (options.from.empty()) {
    if (options.from_start) throw UsageError{"--from-start needs --from EVENT"};
    return {CountFromNow{now}, "now", "now", {}};
  }
  auto event = timeline.index_of(options.from);
  if (event == Timeline::npos) {
    if (auto d = parse_civil_date(options.from)) {
      if (options.from_start) throw UsageError{"--from-start needs --from EVENT, not a date"};
      return {CountFromDate{*d}, options.from, "date", {}};
    }
    if (parse_civil_date_time(options.from) || parse_offset_date_time(options.from)) {
      if (options.from_start) throw UsageError{"--from-start needs --from EVENT, not a date-time"};
      // A clock the zone skips or repeats is refused here with the fixes a fixture would be told.
      return {CountFromDateTime{parse_instant_arg(options.from, zone, "--from")}, options.from, "datetime", {}};
    }
    try {
      event = find_event(timeline, options.from);  // a unique prefix, or a usage error with suggestions
    } catch (UsageError& e) {
      e.message += fmt::format("; --from takes an event (id, alias or unique prefix) or a date: {}", kDateFormats);
      throw;
    }
  }
  auto side = options.from_start ? EventSide::start : EventSide::end;
  return {CountFromEvent{event, side}, timeline.at(event).id, options.from_start ? "start" : "end", text::place_of(timeline.at(event))};
}

// The count to `target` from --from, with how --from was read.
std::pair<From, CountAnswer> count_until(const Calendar& calendar, std::size_t target, const UntilOptions& options, Instant now,
                                         const std::optional<Zone>& chosen) {
  const auto& timeline = calendar.timeline();
  auto from = read_from(options, now, timeline, reference_zone(timeline.at(target), chosen));
  auto result = until(calendar, {target, from.count, chosen});
  if (const auto* bad = std::get_if<AmbiguousLocalTime>(&result))
    throw UsageError{fmt::format("--from {} {} in {} ({}); give an offset", options.from,
                                 bad->resolution.kind == LocalKind::skipped ? "does not exist" : "occurs twice", bad->zone.name(),
                                 bad->resolution.kind == LocalKind::skipped ? "DST gap" : "DST overlap")};
  return {from, std::get<CountAnswer>(result)};
}

nlohmann::ordered_json until_json(const Calendar& calendar, std::size_t target, const UntilOptions& options, Instant now,
                                  const std::optional<Zone>& chosen) {
  auto [from, answer] = count_until(calendar, target, options, now, chosen);
  nlohmann::ordered_json j;
  j["target"] = calendar.timeline().at(target).id;
  j["from"] = from.id;
  j["from_point"] = from.kind;
  add_lead_json(j, answer.count, answer.zone);
  add_under_way_json(j, answer.under_way);
  return j;
}

std::string sentence(const Event& target, const From& from, const CountAnswer& answer) {
  const auto& lead = answer.count;
  auto what = from.kind == "end" || from.kind == "start" ? fmt::format("the {} of {}", from.kind, from.id)
              : from.kind == "now"                       ? std::string{"now"}
                                                         : text::count_point_text(answer.from, answer.zone, {});
  auto subject = fmt::format("{} ({})", target.id, target.title);
  std::string claim;
  if (answer.under_way) {
    claim = fmt::format("is under way: day {} of {}", answer.under_way->day, answer.under_way->days);
  } else if (from.kind == "now" && lead.days()) {
    int d = *lead.days();
    claim = d > 0 ? fmt::format("is {} away", text::day_count(d)) : d < 0 ? fmt::format("was {} ago", text::day_count(-d)) : "is today";
  } else {
    claim = "is " + text::count_relative(lead, what);
  }
  auto from_words = text::count_point_text(answer.from, answer.zone, from.place);
  if (from.kind == "now") from_words = "now " + from_words;
  auto text = fmt::format("{} {}: {} → {}; calendar days counted in {}", subject, claim, from_words,
                          text::count_point_text(answer.to, answer.zone, text::place_of(target)), answer.zone.name());
  if (lead.elapsed) {
    auto e = *lead.elapsed;
    text += fmt::format("; exactly {} {}", text::length_text(e), e.count() >= 0 ? "later" : "earlier");
  }
  return text;
}

int run_until(const UntilOptions& options, Session& session) {
  Interest interest;
  interest.names = {options.target};
  if (!options.from.empty()) interest.maybe_names = {options.from};  // else a date
  const auto& calendar = session.calendar(interest);
  auto target = find_event(calendar.timeline(), options.target);
  if (options.json) {
    fmt::print("{}\n", until_json(calendar, target, options, session.now(), session.chosen_zone()).dump(2));
    return kOk;
  }
  auto [from, answer] = count_until(calendar, target, options, session.now(), session.chosen_zone());
  fmt::print("{}\n", sentence(calendar.timeline().at(target), from, answer));
  return kOk;
}

}  // namespace

nlohmann::ordered_json until_json(const Calendar& calendar, std::size_t target, const std::string& from, Instant now,
                                  const std::optional<Zone>& chosen) {
  UntilOptions options;
  options.from = from;
  return until_json(calendar, target, options, now, chosen);
}

Runner setup_until(CLI::App& command) { return bind_options<UntilOptions>(command, run_until); }

}  // namespace dipcal::cli
