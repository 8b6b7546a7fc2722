// dipcal show EVENT: everything about one event, its times in its zone, in UTC and in the output zone.
#include "../show_json.h"

#include "../commands.h"
#include "../event_json.h"

#include "dipcal/query/dependencies.h"
#include "dipcal/model/relations.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::cli {

namespace {

struct ShowOptions {
  std::string event;
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("EVENT", event, "Event id, alias or unique prefix")->required();
    command.add_flag("--json", json, "Print one JSON object with all the event's fields");
  }
};

void print_field(std::string_view label, std::string_view value) {
  if (!value.empty()) fmt::print("  {:<11}{}\n", fmt::format("{}:", label), value);
}

// What the event depends on (prerequisites = true) or what depends on it, directly and through others.
void print_dependencies(const Timeline& timeline, const EventDependencies& deps) {
  for (bool prerequisites : {true, false}) {
    const auto& direct = prerequisites ? deps.into : deps.out_of;
    const auto& all = prerequisites ? deps.prerequisites : deps.dependents;
    if (all.empty()) continue;
    std::vector<std::string> near, far, near_ids;
    for (const auto& link : direct) {
      const auto& other = timeline.at(prerequisites ? link.prerequisite : link.dependent).id;
      near_ids.push_back(other);
      near.push_back(fmt::format("{} ({})", other, link.stated(timeline)));
    }
    for (const auto& id : all)
      if (std::find(near_ids.begin(), near_ids.end(), id) == near_ids.end()) far.push_back(id);
    fmt::print("  {:<13}{}\n", prerequisites ? "depends on:" : "needed by:", fmt::join(near, "; "));
    if (!far.empty()) fmt::print("  {:<13}and through {}: {}\n", "", near.size() == 1 ? "it" : "them", fmt::join(far, ", "));
  }
}

nlohmann::ordered_json dependency_json(const Timeline& timeline, const EventDependencies& deps, bool prerequisites) {
  auto direct = nlohmann::ordered_json::array();
  for (const auto& link : prerequisites ? deps.into : deps.out_of)
    direct.push_back({{"id", timeline.at(prerequisites ? link.prerequisite : link.dependent).id},
                      {"relation", std::string{to_string(link.type)}}, {"stated_by", timeline.at(link.owner).id}});
  return {{"direct", direct}, {"all", prerequisites ? deps.prerequisites : deps.dependents}};
}

}  // namespace

nlohmann::ordered_json show_json(const Calendar& calendar, std::size_t index) {
  auto deps = dependencies(calendar, index);
  auto j = event_json(calendar.timeline().at(index), true, calendar.window_of(index));
  j["depends_on"] = dependency_json(calendar.timeline(), deps, true);
  j["needed_by"] = dependency_json(calendar.timeline(), deps, false);
  return j;
}

namespace {

int run_show(const ShowOptions& options, Session& session) {
  const auto& zone = session.zone();
  Interest interest;
  interest.names = {options.event};
  interest.relatives = true;  // its relations and dependencies are shown
  const auto& calendar = session.calendar(interest);
  const auto& timeline = calendar.timeline();
  auto index = find_event(timeline, options.event);
  const auto& e = timeline.at(index);
  const auto* window = calendar.window_of(index);
  if (options.json) {
    fmt::print("{}\n", show_json(calendar, index).dump(2));
    return kOk;
  }
  fmt::print("{} — {}\n", e.id, e.title);
  print_field("kind", fmt::format("{}, {}", to_string(e.kind), to_string(e.status)));
  print_field("aliases", fmt::format("{}", fmt::join(e.aliases, ", ")));
  print_field("when", text::when_human(e, window));
  if (auto start = e.start_utc()) {
    auto end = *e.end_utc();
    print_field("starts", text::same_instant_text(*start, e.zone, zone));
    print_field("ends", text::same_instant_text(end, e.zone, zone));
    print_field("UTC", fmt::format("{} – {}", to_rfc3339(*start), to_rfc3339(end)));
    print_field("duration", text::event_length_text(e));
  }
  print_field("zone", text::zone_text(e.zone, e.start_utc()));
  std::vector<std::string> place;
  for (const auto* part : {&e.location.name, &e.location.city, &e.location.country})
    if (!part->empty()) place.push_back(*part);
  std::string where = fmt::format("{}", fmt::join(place, ", "));
  if (e.location.geo) where += fmt::format(" ({:.4f}, {:.4f})", e.location.geo->lat, e.location.geo->lon);
  print_field("location", where);
  print_field("actors", fmt::format("{}", fmt::join(e.actors, ", ")));
  print_field("tags", fmt::format("{}", fmt::join(e.tags, ", ")));
  // Each relation from both ends: the ones this event states, then those stated about it.
  for (const auto& view : relations_involving(timeline, index)) {
    const auto& r = *view.relation;
    std::string gap;
    if (r.gap.min) gap += fmt::format(" at least {}", text::duration_text(*r.gap.min));
    if (r.gap.max) gap += fmt::format(" at most {}", text::duration_text(*r.gap.max));
    print_field("relation", fmt::format("{} {}{}{}", view.word, timeline.at(view.other).id, gap, r.note.empty() ? "" : " — " + r.note));
  }
  print_dependencies(timeline, dependencies(calendar, index));
  if (!e.sources.empty()) fmt::print("  sources:\n");
  for (const auto& s : e.sources) {
    fmt::print("    - {}{}{}\n", s.outlet, s.published.empty() ? "" : ", " + s.published, s.url.empty() ? "" : " <" + s.url + ">");
    if (!s.quote.empty()) fmt::print("      \"{}\"\n", s.quote);
  }
  if (!e.notes.empty()) fmt::print("  notes:\n    {}\n", e.notes);
  fmt::print("  defined at {}:{}:{}\n", e.where.file, e.where.line, e.where.col);
  return kOk;
}

}  // namespace

Runner setup_show(CLI::App& command) { return bind_options<ShowOptions>(command, run_show); }

}  // namespace dipcal::cli
