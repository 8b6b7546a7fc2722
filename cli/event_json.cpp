#include "event_json.h"

#include <fmt/format.h>

namespace dipcal::cli {

nlohmann::ordered_json event_json(const Event& e, bool full, const EventWindow* window) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["title"] = e.title;
  j["zone"] = e.zone.name();
  j["all_day"] = e.all_day();
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    j["start"] = to_string(d->first);
    j["end"] = to_string(d->last);
  } else if (const auto* t = std::get_if<Timed>(&e.time)) {
    j["start"] = to_string(e.zone.to_civil(t->start));
    j["end"] = to_string(e.zone.to_civil(t->end));
  } else {
    j["start"] = nullptr;
    j["end"] = nullptr;
  }
  auto s = e.start_utc(), f = e.end_utc();
  j["start_utc"] = s ? nlohmann::ordered_json(to_rfc3339(*s)) : nlohmann::ordered_json(nullptr);
  j["end_utc"] = f ? nlohmann::ordered_json(to_rfc3339(*f)) : nlohmann::ordered_json(nullptr);
  if (const auto* w = std::get_if<Window>(&e.time)) {
    auto date_or_null = [](const std::optional<CivilDate>& d) { return d ? nlohmann::ordered_json(to_string(*d)) : nlohmann::ordered_json(nullptr); };
    j["window"] = {{"earliest_start", date_or_null(w->earliest_first)}, {"latest_start", date_or_null(w->latest_first)},
                   {"earliest_end", date_or_null(w->earliest_last)}, {"latest_end", date_or_null(w->latest_last)},
                   {"start_text", w->start_text}, {"end_text", w->end_text}};
    if (window) {
      auto instant_or_null = [](const std::optional<Instant>& i) { return i ? nlohmann::ordered_json(to_rfc3339(*i)) : nlohmann::ordered_json(nullptr); };
      j["window"]["earliest_start_utc"] = instant_or_null(window->start.earliest);
      j["window"]["latest_start_utc"] = instant_or_null(window->start.latest);
      j["window"]["earliest_end_utc"] = instant_or_null(window->end.earliest);
      j["window"]["latest_end_utc"] = instant_or_null(window->end.latest);
    }
  }
  j["kind"] = std::string{to_string(e.kind)};
  j["status"] = std::string{to_string(e.status)};
  if (!full) return j;
  j["aliases"] = e.aliases;
  auto& loc = j["location"] = nlohmann::ordered_json::object();
  if (!e.location.name.empty()) loc["name"] = e.location.name;
  if (!e.location.city.empty()) loc["city"] = e.location.city;
  if (!e.location.country.empty()) loc["country"] = e.location.country;
  loc["zone"] = e.zone.name();
  if (e.location.geo) loc["geo"] = {{"lat", e.location.geo->lat}, {"lon", e.location.geo->lon}};
  j["actors"] = e.actors;
  j["tags"] = e.tags;
  auto& sources = j["sources"] = nlohmann::ordered_json::array();
  for (const auto& src : e.sources) {
    nlohmann::ordered_json sj{{"outlet", src.outlet}};
    if (!src.url.empty()) sj["url"] = src.url;
    if (!src.published.empty()) sj["published"] = src.published;
    if (!src.quote.empty()) sj["quote"] = src.quote;
    sources.push_back(sj);
  }
  j["notes"] = e.notes;
  j["updated"] = e.updated ? nlohmann::ordered_json(to_rfc3339(*e.updated)) : nlohmann::ordered_json(nullptr);
  j["sequence"] = e.sequence;
  auto& rels = j["relations"] = nlohmann::ordered_json::array();
  for (const auto& r : e.relations) {
    nlohmann::ordered_json rj{{"type", std::string{to_string(r.type)}}, {"event", r.target}};
    if (r.gap.min) rj["gap_min_seconds"] = r.gap.min->count();
    if (r.gap.max) rj["gap_max_seconds"] = r.gap.max->count();
    if (!r.zone.empty()) rj["zone"] = r.zone;
    if (!r.note.empty()) rj["note"] = r.note;
    rels.push_back(rj);
  }
  j["source_position"] = fmt::format("{}:{}:{}", e.where.file, e.where.line, e.where.col);
  return j;
}

}  // namespace dipcal::cli
