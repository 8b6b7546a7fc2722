#include "parts.h"

#include "dipcal/ics/writer.h"
#include "dipcal/text/names.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace dipcal::ics::detail {

namespace {

std::string host_of(std::string_view url) {
  auto begin = url.find("//");
  if (begin == std::string_view::npos) return std::string{url};
  url.remove_prefix(begin + 2);
  return std::string{url.substr(0, url.find_first_of("/?#:"))};
}

// dipcal's own status, else the RFC's STATUS where it means the same.
void read_status(const Component& c, Event& e) {
  if (auto status = text_of(c.find(xprop::text(xprop::status))); auto st = parse_event_status(status)) {
    e.status = *st;
  } else if (auto ics = text_of(c.find("STATUS")); !ics.empty()) {
    if (ics == "TENTATIVE") e.status = EventStatus::tentative;
    else if (ics == "CANCELLED") e.status = EventStatus::cancelled;
    else if (ics == "CONFIRMED") e.status = EventStatus::confirmed;
  }
}

// The kind (dipcal's own, else the first category that names one) and the tags: the other
// categories as slugs.
void read_kind_and_tags(const Input& s, Event& e, ImportLog& log) {
  const auto& c = *s.event;
  std::vector<std::string> categories;
  for (const auto* p : c.all("CATEGORIES"))
    for (auto& item : split_text_list(p->value)) categories.push_back(std::move(item));
  std::optional<EventKind> kind;
  if (auto k = parse_event_kind(text_of(c.find(xprop::text(xprop::kind))))) kind = k;
  for (auto it = categories.begin(); it != categories.end(); ++it) {
    auto lowered = text::slugify(*it);
    auto k = parse_event_kind(lowered);
    if (k && (!kind || *k == *kind)) {  // the category that names the kind is the kind, not a tag
      kind = k;
      categories.erase(it);
      break;
    }
  }
  e.kind = kind.value_or(EventKind::other);
  for (const auto& cat : categories) {
    auto tag = text::slugify(cat);
    if (tag.empty()) {
      log.note(s, fmt::format("category '{}' has nothing a tag can hold (a-z, 0-9, -); left out", cat), false);
      continue;
    }
    if (std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end()) e.tags.push_back(tag);
  }
}

// GEO is "latitude;longitude" (section 3.8.1.6), each a float in range.
void read_geo(const Input& s, Event& e, ImportLog& log) {
  const auto* geo = s.event->find("GEO");
  if (!geo) return;
  auto semi = geo->value.find(';');
  double lat = 0, lon = 0;
  auto parse = [](std::string_view t, double& v) {
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    return ec == std::errc{} && end == t.data() + t.size();
  };
  if (semi != std::string::npos && parse(std::string_view{geo->value}.substr(0, semi), lat) &&
      parse(std::string_view{geo->value}.substr(semi + 1), lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)
    e.location.geo = Geo{lat, lon};
  else
    log.note(s, fmt::format("GEO:{} is not 'latitude;longitude'; left out", geo->value), false);
}

// Actors: dipcal's own, and for other writers the attendees by name (else by address).
void read_actors(const Component& c, bool own, Event& e) {
  for (const auto* p : c.all(xprop::text(xprop::actor))) e.actors.push_back(unescape_text(p->value));
  if (own) return;
  for (const auto* p : c.all("ATTENDEE")) {
    auto name = p->param("CN");
    if (name.empty()) name = p->value.rfind("mailto:", 0) == 0 || p->value.rfind("MAILTO:", 0) == 0 ? p->value.substr(7) : p->value;
    if (!name.empty()) e.actors.push_back(name);
  }
}

// Sources: dipcal's own, and for other writers the URL, named by its host.
void read_sources(const Input& s, bool own, Event& e, ImportLog& log) {
  const auto& c = *s.event;
  for (const auto* p : c.all(xprop::text(xprop::source)))
    if (auto outlet = unescape_text(p->value); !outlet.empty())
      e.sources.push_back({outlet, p->param(xprop::text(xprop::source_url)), p->param(xprop::text(xprop::source_published)),
                           p->param(xprop::text(xprop::source_quote))});
  if (own) return;
  if (auto url = text_of(c.find("URL")); !url.empty()) {
    if (text::is_web_address(url)) e.sources.push_back({host_of(url), url, "", ""});
    else log.note(s, fmt::format("URL {} is not a web address; left out", url), false);
  }
}

// LAST-MODIFIED and SEQUENCE, which say which of two copies of an event is newer.
void read_revision(const Input& s, Event& e, ImportLog& log) {
  const auto& c = *s.event;
  if (const auto* lm = c.find("LAST-MODIFIED")) {
    auto t = parse_date_time(lm->value);
    // Section 3.8.7.3: LAST-MODIFIED must be in UTC; a local time names no moment to compare.
    if (const auto* utc = t ? std::get_if<Instant>(&*t) : nullptr) e.updated = *utc;
    else log.note(s, fmt::format("LAST-MODIFIED:{} is not a UTC date-time; left out", lm->value), false);
  }
  if (const auto* seq = c.find("SEQUENCE")) {
    int n = 0;
    auto [end, ec] = std::from_chars(seq->value.data(), seq->value.data() + seq->value.size(), n);
    if (ec == std::errc{} && end == seq->value.data() + seq->value.size() && n >= 0) e.sequence = n;
    else log.note(s, fmt::format("SEQUENCE:{} is not a whole number ≥ 0; left out", seq->value), false);
  }
}

}  // namespace

void read_fields(const Input& s, Pending& out, ImportLog& log) {
  const auto& c = *s.event;
  auto& e = out.event;
  // In dipcal's own output DESCRIPTION, URL and LOCATION are derived from the X-DIPCAL fields:
  // read those alone, or an event without notes would come back with its sources as notes.
  const bool own = c.find(xprop::text(xprop::id)) != nullptr;
  // dipcal's entry for a window states the range in SUMMARY and keeps the title apart.
  e.title = text_of(c.find(own && c.find(xprop::text(xprop::title)) ? xprop::text(xprop::title) : "SUMMARY"));
  if (e.title.empty()) {
    e.title = "(no title)";
    log.note(s, "no SUMMARY; titled '(no title)'", false);
  }
  read_status(c, e);
  read_kind_and_tags(s, e, log);
  for (const auto* p : c.all(xprop::text(xprop::alias))) {
    auto alias = unescape_text(p->value);
    if (text::is_slug(alias)) e.aliases.push_back(alias);
  }
  if (own) {
    e.location.name = text_of(c.find(xprop::text(xprop::place)));
    e.location.city = text_of(c.find(xprop::text(xprop::city)));
    e.location.country = text_of(c.find(xprop::text(xprop::country)));
  } else {
    e.location.name = text_of(c.find("LOCATION"));
  }
  read_geo(s, e, log);
  read_actors(c, own, e);
  read_sources(s, own, e, log);
  e.notes = own ? text_of(c.find(xprop::text(xprop::notes))) : text_of(c.find("DESCRIPTION"));
  // Outlook ends every DESCRIPTION with a newline, and writes an empty one as "\n".
  if (!own) e.notes.erase(e.notes.find_last_not_of(" \t\r\n") + 1);
  read_revision(s, e, log);
  for (const auto& p : c.properties) {
    if (p.name != "RELATED-TO" && p.name != xprop::text(xprop::relation)) continue;
    if (auto r = relation_of(p, s, log)) out.relations.emplace_back(std::move(*r), unescape_text(p.value));
  }
}

}  // namespace dipcal::ics::detail
