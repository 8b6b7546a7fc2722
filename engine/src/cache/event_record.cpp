#include "event_record.h"

namespace dipcal::detail {

// A new field in Event (or what it holds) must be written and read here too; this fails the build
// until someone has looked. Update the size after doing so (and the entry's format number, entry.cpp).
static_assert(sizeof(Event) == 592, "Event changed: update the cache's event records");

void write_event(Writer& w, const Event& e) {
  w.str(e.id);
  w.str(e.title);
  w.enumeration(e.kind);
  w.enumeration(e.status);
  w.strings(e.aliases);
  w.u8(static_cast<std::uint8_t>(e.time.index()));
  if (const auto* all_day = std::get_if<AllDay>(&e.time)) {
    w.date(all_day->first);
    w.date(all_day->last);
  } else if (const auto* timed = std::get_if<Timed>(&e.time)) {
    w.instant(timed->start);
    w.instant(timed->end);
  } else {
    const auto& window = std::get<Window>(e.time);
    auto date = [&](CivilDate d) { w.date(d); };
    w.optional(window.earliest_first, date);
    w.optional(window.latest_first, date);
    w.optional(window.earliest_last, date);
    w.optional(window.latest_last, date);
    w.str(window.start_text);
    w.str(window.end_text);
  }
  w.str(e.zone.name());
  w.str(e.location.name);
  w.str(e.location.city);
  w.str(e.location.country);
  w.str(e.location.zone);
  w.optional(e.location.geo, [&](const Geo& g) {
    w.f64(g.lat);
    w.f64(g.lon);
  });
  w.strings(e.actors);
  w.strings(e.tags);
  w.u32(static_cast<std::uint32_t>(e.sources.size()));
  for (const auto& s : e.sources) {
    w.str(s.outlet);
    w.str(s.url);
    w.str(s.published);
    w.str(s.quote);
  }
  w.str(e.notes);
  w.str(e.calendar);
  w.optional(e.updated, [&](Instant i) { w.instant(i); });
  w.i64(e.sequence);
  w.u32(static_cast<std::uint32_t>(e.relations.size()));
  for (const auto& r : e.relations) {
    w.enumeration(r.type);
    w.str(r.target);
    auto seconds = [&](std::chrono::seconds s) { w.i64(s.count()); };
    w.optional(r.gap.min, seconds);
    w.optional(r.gap.max, seconds);
    w.str(r.zone);
    w.str(r.note);
    w.position(r.where);
  }
  w.position(e.where);
  w.position(e.time_where);
}

std::optional<Event> EventReader::read(std::string_view record) {
  Reader r{record, files_};
  Event e;
  e.id = r.str();
  e.title = r.str();
  e.kind = r.enumeration(EventKind::other);
  e.status = r.enumeration(EventStatus::cancelled);
  e.aliases = r.strings();
  switch (r.u8()) {
    case 0: {
      auto first = r.date();
      e.time = AllDay{first, r.date()};
      break;
    }
    case 1: {
      auto start = r.instant();
      e.time = Timed{start, r.instant()};
      break;
    }
    case 2: {
      Window window;
      auto date = [&] { return r.date(); };
      window.earliest_first = r.optional(date);
      window.latest_first = r.optional(date);
      window.earliest_last = r.optional(date);
      window.latest_last = r.optional(date);
      window.start_text = r.str();
      window.end_text = r.str();
      e.time = std::move(window);
      break;
    }
    default:
      r.fail();
  }
  e.zone = zone(r, r.str());
  e.location.name = r.str();
  e.location.city = r.str();
  e.location.country = r.str();
  e.location.zone = r.str();
  e.location.geo = r.optional([&] {
    Geo g;
    g.lat = r.f64();
    g.lon = r.f64();
    return g;
  });
  e.actors = r.strings();
  e.tags = r.strings();
  e.sources.resize(r.count());
  for (auto& s : e.sources) {
    s.outlet = r.str();
    s.url = r.str();
    s.published = r.str();
    s.quote = r.str();
  }
  e.notes = r.str();
  e.calendar = r.str();
  e.updated = r.optional([&] { return r.instant(); });
  e.sequence = static_cast<int>(r.i64());
  e.relations.resize(r.count());
  for (auto& rel : e.relations) {
    rel.type = r.enumeration(RelationType::start_to_finish);
    rel.target = r.str();
    auto seconds = [&] { return std::chrono::seconds{r.i64()}; };
    rel.gap.min = r.optional(seconds);
    rel.gap.max = r.optional(seconds);
    rel.zone = r.str();
    rel.note = r.str();
    rel.where = r.position();
  }
  e.where = r.position();
  e.time_where = r.position();
  if (!r.at_end()) return std::nullopt;
  return e;
}

Zone EventReader::zone(Reader& r, const std::string& name) {
  if (auto it = seen_.find(name); it != seen_.end()) return it->second;
  auto found = zones_.find(name);
  if (!found) {
    r.fail();  // the database lost a zone since the entry was written: parse again
    return Zone{};
  }
  return seen_.emplace(name, *found).first->second;
}

void write_diagnostic(Writer& w, const Diagnostic& d) {
  w.enumeration(d.severity);
  w.position(d.where);
  w.str(d.message);
  w.str(d.expected);
  w.str(d.suggestion);
  w.strings(d.notes);
}

void read_diagnostic(Reader& r, Diagnostics& into) {
  auto severity = r.enumeration(Severity::warning);
  auto where = r.position();
  auto message = r.str();
  auto expected = r.str();
  auto suggestion = r.str();
  auto& d = severity == Severity::error ? into.error(std::move(where), std::move(message), std::move(expected), std::move(suggestion))
                                        : into.warning(std::move(where), std::move(message), std::move(expected), std::move(suggestion));
  d.notes = r.strings();
}

}  // namespace dipcal::detail
