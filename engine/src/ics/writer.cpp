#include "dipcal/ics/writer.h"

#include "dipcal/ics/content_line.h"
#include "dipcal/ics/uid.h"
#include "dipcal/ics/values.h"
#include "dipcal/ics/vtimezone.h"
#include "dipcal/query/days.h"
#include "dipcal/query/lead.h"
#include "dipcal/text/time_words.h"
#include "dipcal/time/duration.h"
#include "dipcal/version.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <iterator>
#include <map>
#include <span>
#include <thread>

namespace dipcal::ics {

namespace {

using std::chrono::seconds;

// Zones whose every reading is UTC: their times are written with Z, never TZID=UTC.
bool is_utc(const Zone& zone) {
  static const std::vector<std::string> kNames{"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"};
  return std::find(kNames.begin(), kNames.end(), zone.name()) != kNames.end();
}

// The span each zone's VTIMEZONE must cover.
struct Span {
  Instant first;
  Instant last;
};

// GEO (section 3.8.1.6): a FLOAT, which has no exponent; six decimals are a tenth of a metre.
std::string geo_number(double v) {
  auto text = fmt::format("{:.6f}", v);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

// How an event without fixed dates is written (writer.h): over its window, or as a marker on its
// earliest possible day; the days it may start on and the last day it may run to, in its own zone.
struct TentativeEntry {
  bool over_window = false;
  Instant start;  // over_window: the earliest start and the latest end
  Instant end;
  CivilDate first_start;  // the days it may start on
  CivilDate last_start;
  std::optional<CivilDate> last_day;  // the last day it may run to; empty when open
};

// The entry, or why the event is left out.
std::variant<TentativeEntry, std::string> tentative_entry(const Event& e, const EventWindow* window) {
  auto start = count_point(e, EventSide::start, window, e.zone);
  TentativeEntry entry;
  if (const auto* at = std::get_if<Instant>(&start)) {
    entry.first_start = entry.last_start = e.zone.to_civil(*at).date();
  } else {
    const auto& days = std::get<DaySpan>(start);
    if (!days.earliest || !days.latest)
      return fmt::format("its start is open ({}), and a calendar entry needs a day", !days.earliest && !days.latest ? "no date and no relation places it"
                                                                                 : days.earliest ? "no latest day"
                                                                                                 : "no earliest day");
    entry.first_start = *days.earliest;
    entry.last_start = *days.latest;
  }
  entry.last_day = days_of(e, window, e.zone).last;
  auto span = possible_span(e, window);
  entry.over_window = e.undated() && span.earliest && span.latest &&
                      *span.latest - *span.earliest <= std::chrono::days{kTentativeSpanDays};
  if (entry.over_window) entry.start = *span.earliest, entry.end = *span.latest;
  return entry;
}

std::string range_words(const TentativeEntry& entry) {
  auto words = entry.first_start == entry.last_start ? fmt::format("starts on {}", text::date_text(entry.first_start))
                                                     : fmt::format("starts between {} and {}", text::date_text(entry.first_start), text::date_text(entry.last_start));
  if (entry.last_day) words += fmt::format(", ends by {}", text::date_text(*entry.last_day));
  return words;
}

std::string window_sentence(const Event& e, const TentativeEntry& entry) {
  std::vector<std::string> written;
  if (const auto* w = std::get_if<Window>(&e.time)) {
    if (!w->start_text.empty()) written.push_back(fmt::format("start \"{}\"", w->start_text));
    if (!w->end_text.empty()) written.push_back(fmt::format("end \"{}\"", w->end_text));
  }
  if (written.empty()) written.push_back("placed by its relations");
  return fmt::format("Date not known exactly: {} ({}). {}", range_words(entry), fmt::join(written, ", "),
                     entry.over_window ? "The calendar entry spans the whole window." : "The calendar entry marks its earliest possible day.");
}

std::string description(const Event& e, const TentativeEntry* entry) {
  std::vector<std::string> parts;
  if (e.status == EventStatus::postponed) parts.emplace_back("Postponed: not held at this time.");
  if (!e.notes.empty()) parts.push_back(e.notes);
  if (entry) parts.push_back(window_sentence(e, *entry));
  if (!e.actors.empty()) parts.push_back(fmt::format("Actors: {}", fmt::join(e.actors, ", ")));
  if (!e.sources.empty()) {
    std::string sources = "Sources:";
    for (const auto& s : e.sources) {
      sources += "\n- " + s.outlet;
      if (!s.published.empty()) sources += " (" + s.published + ")";
      if (!s.quote.empty()) sources += ": \"" + s.quote + "\"";
      if (!s.url.empty()) sources += " " + s.url;
    }
    parts.push_back(std::move(sources));
  }
  return fmt::format("{}", fmt::join(parts, "\n\n"));
}

std::string ics_status(const Event& e) {
  // A postponed event does not happen at the time written: clients show CANCELLED as not taking place
  // (RFC 5545 section 3.8.1.11 has no "postponed"); X-DIPCAL-STATUS and DESCRIPTION keep the word.
  if (e.status == EventStatus::cancelled || e.status == EventStatus::postponed) return "CANCELLED";
  if (e.status == EventStatus::tentative || !e.dated()) return "TENTATIVE";
  return "CONFIRMED";
}

// The RFC 5545/9253 RELTYPE of a relation read from the event that holds it, or "" when there is
// none. RFC 9253 section 4 reads FINISHTOSTART on Event-A pointing to Event-B as "A finishes before
// B starts" (relations.h), which is dipcal's `before`; the later event of a precedence DEPENDS-ON
// the earlier one.
std::string_view reltype(RelationType t) {
  switch (t) {
    case RelationType::during: return "PARENT";
    case RelationType::contains: return "CHILD";
    case RelationType::before:
    case RelationType::prepares:
    case RelationType::finish_to_start: return "FINISHTOSTART";
    case RelationType::after:
    case RelationType::follows_up: return "DEPENDS-ON";
    case RelationType::start_to_start: return "STARTTOSTART";
    case RelationType::finish_to_finish: return "FINISHTOFINISH";
    case RelationType::start_to_finish: return "STARTTOFINISH";
    default: return "";
  }
}

// RFC 9253's GAP belongs to the four temporal relation types only.
bool takes_gap(std::string_view type) {
  return type == "FINISHTOSTART" || type == "STARTTOSTART" || type == "FINISHTOFINISH" || type == "STARTTOFINISH";
}

// What writing a run of events leaves: its lines, the zones its times use and over what span, and
// the events it left out.
struct Part {
  LineWriter events;
  std::map<std::string, Span> spans;  // by zone name: sorted, so the output does not depend on event order
  std::map<std::string, Zone> zones;
  std::vector<std::string> warnings;
  std::size_t written = 0;

  // Widens the span of `zone`'s VTIMEZONE to cover `span`.
  void cover(const Zone& zone, Span span) {
    auto [it, inserted] = spans.try_emplace(zone.name(), span);
    if (!inserted) {
      it->second.first = std::min(it->second.first, span.first);
      it->second.last = std::max(it->second.last, span.last);
    }
    zones.try_emplace(zone.name(), zone);
  }
};

// Writes a run of events into its Part. Runs are written side by side, each with its own state: the
// timeline and the zones are only read.
class PartWriter {
 public:
  PartWriter(const Timeline& timeline, const CalendarProperties& properties, Instant newest_update,
             const std::vector<EventWindow>* windows, Part& part)
      : timeline_{timeline}, properties_{properties}, newest_update_{newest_update}, windows_{windows}, part_{part} {}

  void write(std::span<const std::size_t> indexes) {
    for (auto i : indexes) {
      const auto& e = timeline_.at(i);
      std::optional<TentativeEntry> entry;
      if (!e.dated()) {
        const EventWindow* window = windows_ && i < windows_->size() ? &(*windows_)[i] : nullptr;
        auto form = tentative_entry(e, window);
        if (const auto* why = std::get_if<std::string>(&form)) {
          part_.warnings.push_back(fmt::format("{}: left out: {} (see `dipcal windows {}`)", e.id, *why, e.id));
          continue;
        }
        entry = std::get<TentativeEntry>(form);
      }
      write_event(part_.events, i, entry ? &*entry : nullptr);
      ++part_.written;
    }
  }

 private:
  // Each UID is a SHA-1 (uid.h); an event's is needed again by every relation that points to it.
  const std::string& uid_of(std::size_t index) {
    if (uids_.empty()) uids_.resize(timeline_.size());
    auto& uid = uids_[index];
    if (uid.empty()) {
      const auto& e = timeline_.at(index);
      uid = event_uid(e.calendar, e.id);
    }
    return uid;
  }

  // DTSTART/DTEND of a timed event: in the zone with TZID when the local time is unique there and
  // its offset is whole minutes (vtimezone.h), else in UTC.
  void write_time(LineWriter& out, const char* name, const Event& e, Instant at) {
    if (!is_utc(e.zone)) {
      auto local = e.zone.to_civil(at);
      auto offset = e.zone.at(at).offset;
      if (e.zone.resolve(local).kind == LocalKind::unique && whole_minutes(offset) == offset) {
        out.add(name, {{"TZID", {e.zone.name()}}}, format_local(local));
        part_.cover(e.zone, Span{at, at});
        return;
      }
    }
    out.add(name, format_utc(at));
  }

  void write_relation(LineWriter& out, const Relation& r, std::size_t target) {
    if (target == Timeline::npos) return;  // the loader reports unknown targets; nothing to point at
    std::vector<Parameter> params;
    auto type = reltype(r.type);
    auto dipcal_name = std::string{to_string(r.type)};
    if (!type.empty()) {
      params.push_back({"RELTYPE", {std::string{type}}});
      // PARENT and CHILD read back as during and contains; the others need the dipcal name.
      if (dipcal_name != type && r.type != RelationType::during && r.type != RelationType::contains)
        params.push_back({xprop::text(xprop::relation_type), {dipcal_name}});
    } else {
      params.push_back({xprop::text(xprop::relation_type), {dipcal_name}});
    }
    if (r.gap.min) {
      if (takes_gap(type)) params.push_back({"GAP", {format_duration(*r.gap.min)}});
      else params.push_back({xprop::text(xprop::gap_min), {format_duration(*r.gap.min)}});
    }
    if (r.gap.max) params.push_back({xprop::text(xprop::gap_max), {format_duration(*r.gap.max)}});
    if (!r.zone.empty()) params.push_back({xprop::text(xprop::relation_zone), {r.zone}});
    if (!r.note.empty()) params.push_back({xprop::text(xprop::relation_note), {r.note}});
    out.add(type.empty() ? xprop::text(xprop::relation) : "RELATED-TO", params, escape_text(uid_of(target)));
  }

  void write_event(LineWriter& out, std::size_t index, const TentativeEntry* entry) {
    const auto& e = timeline_.at(index);
    out.add("BEGIN", "VEVENT");
    out.add_text("UID", uid_of(index));
    out.add("DTSTAMP", format_utc(e.updated ? *e.updated : newest_update_));
    if (const auto* t = std::get_if<Timed>(&e.time)) {
      write_time(out, "DTSTART", e, t->start);
      // Without DTEND a timed event ends when it starts (section 3.6.1): an instant.
      if (t->end != t->start) write_time(out, "DTEND", e, t->end);
    } else if (const auto* d = std::get_if<AllDay>(&e.time)) {
      out.add("DTSTART", {{"VALUE", {"DATE"}}}, format_date(d->first));
      out.add("DTEND", {{"VALUE", {"DATE"}}}, format_date(d->last.plus_days(1)));
    } else if (entry->over_window) {
      write_time(out, "DTSTART", e, entry->start);
      if (entry->end != entry->start) write_time(out, "DTEND", e, entry->end);
    } else {
      out.add("DTSTART", {{"VALUE", {"DATE"}}}, format_date(entry->first_start));
      out.add("DTEND", {{"VALUE", {"DATE"}}}, format_date(entry->first_start.plus_days(1)));
    }
    bool marker = entry && !entry->over_window;
    auto summary = marker ? fmt::format("{} (date not fixed: {})", e.title, range_words(*entry)) : e.title;
    out.add_text("SUMMARY", summary);
    if (marker) out.add_text(xprop::text(xprop::title), e.title);
    if (auto text = description(e, entry); !text.empty()) out.add_text("DESCRIPTION", text);
    std::vector<std::string> place;
    for (const auto* part : {&e.location.name, &e.location.city, &e.location.country})
      if (!part->empty()) place.push_back(*part);
    if (!place.empty()) out.add_text("LOCATION", fmt::format("{}", fmt::join(place, ", ")));
    if (e.location.geo) out.add("GEO", geo_number(e.location.geo->lat) + ";" + geo_number(e.location.geo->lon));
    for (const auto& s : e.sources)
      if (!s.url.empty()) {
        out.add("URL", s.url);
        break;
      }
    std::vector<std::string> categories{escape_text(to_string(e.kind))};
    for (const auto& tag : e.tags)
      if (auto text = escape_text(tag); std::find(categories.begin(), categories.end(), text) == categories.end())
        categories.push_back(std::move(text));
    out.add("CATEGORIES", fmt::format("{}", fmt::join(categories, ",")));
    out.add("STATUS", ics_status(e));
    out.add("SEQUENCE", std::to_string(e.sequence));
    if (e.updated) out.add("LAST-MODIFIED", format_utc(*e.updated));
    for (std::size_t k = 0; k < e.relations.size(); ++k) write_relation(out, e.relations[k], timeline_.target_of(index, k));
    out.add_text(xprop::text(xprop::id), e.id);
    out.add_text(xprop::text(xprop::kind), to_string(e.kind));
    out.add_text(xprop::text(xprop::status), to_string(e.status));
    out.add_text(xprop::text(xprop::zone), e.zone.name());
    if (const auto* w = std::get_if<Window>(&e.time)) {
      if (!w->start_text.empty()) out.add_text(xprop::text(xprop::start), w->start_text);
      if (!w->end_text.empty()) out.add_text(xprop::text(xprop::end), w->end_text);
      out.add_text(xprop::text(xprop::window),
                   fmt::format("{}/{}", to_string(entry->first_start), entry->last_day ? to_string(*entry->last_day) : ".."));
      if (e.undated()) out.add(xprop::text(xprop::undated), "TRUE");
    }
    if (!e.calendar.empty() && e.calendar != properties_.calendar_id) out.add_text(xprop::text(xprop::calendar), e.calendar);
    for (const auto& alias : e.aliases) out.add_text(xprop::text(xprop::alias), alias);
    if (!e.location.name.empty()) out.add_text(xprop::text(xprop::place), e.location.name);
    if (!e.location.city.empty()) out.add_text(xprop::text(xprop::city), e.location.city);
    if (!e.location.country.empty()) out.add_text(xprop::text(xprop::country), e.location.country);
    for (const auto& actor : e.actors) out.add_text(xprop::text(xprop::actor), actor);
    if (!e.notes.empty()) out.add_text(xprop::text(xprop::notes), e.notes);
    for (const auto& s : e.sources) {
      std::vector<Parameter> params;
      if (!s.url.empty()) params.push_back({xprop::text(xprop::source_url), {s.url}});
      if (!s.published.empty()) params.push_back({xprop::text(xprop::source_published), {s.published}});
      if (!s.quote.empty()) params.push_back({xprop::text(xprop::source_quote), {s.quote}});
      out.add(xprop::text(xprop::source), params, escape_text(s.outlet));
    }
    for (auto offset : properties_.alarms) {
      out.add("BEGIN", "VALARM");
      out.add("ACTION", "DISPLAY");
      out.add_text("DESCRIPTION", summary);  // required with DISPLAY (section 3.6.6): what the entry says
      out.add("TRIGGER", format_duration(offset));
      out.add("END", "VALARM");
    }
    out.add("END", "VEVENT");
  }

  const Timeline& timeline_;
  const CalendarProperties& properties_;
  Instant newest_update_;
  const std::vector<EventWindow>* windows_;
  Part& part_;
  std::vector<std::string> uids_;  // by event index; empty until computed
};

void write_header(LineWriter& out, const CalendarProperties& properties, const Part& zones_used) {
  out.add("BEGIN", "VCALENDAR");
  out.add("VERSION", "2.0");
  out.add("PRODID", fmt::format("-//dipcal//dipcal {}//EN", kVersion));
  out.add("CALSCALE", "GREGORIAN");
  if (!properties.name.empty()) {
    out.add_text("NAME", properties.name);
    out.add_text("X-WR-CALNAME", properties.name);
  }
  auto refresh = format_duration(properties.refresh_interval);
  out.add("REFRESH-INTERVAL", {{"VALUE", {"DURATION"}}}, refresh);
  out.add("X-PUBLISHED-TTL", refresh);
  if (!properties.source.empty()) out.add("SOURCE", {{"VALUE", {"URI"}}}, properties.source);
  if (!properties.calendar_id.empty()) out.add_text(xprop::text(xprop::calendar), properties.calendar_id);
  for (const auto& [name, span] : zones_used.spans) {
    const auto& zone = zones_used.zones.at(name);
    auto year_start = [&](Instant i, int plus) {
      auto y = static_cast<int>(zone.to_civil(i).date().ymd().year()) + plus;
      return zone.start_of_day(CivilDate{date::local_days{date::year{y} / 1 / 1}});
    };
    write_vtimezone(out, zone, year_start(span.first, 0), year_start(span.last, 1));
  }
}

// Below this many events a second thread costs more than it saves.
constexpr std::size_t kEventsPerThread = 4096;

}  // namespace

std::optional<std::chrono::seconds> parse_alarm_offset(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  auto length = parse_duration(text);
  if (!length || *length > std::chrono::days{366}) return std::nullopt;
  return negative ? -*length : *length;
}

CalendarProperties properties_for(const std::set<std::string>& calendars) {
  CalendarProperties properties;
  if (calendars.size() == 1) properties.calendar_id = *calendars.begin();
  properties.name = properties.calendar_id.empty() ? "dipcal" : properties.calendar_id;
  return properties;
}

namespace {

// DTSTAMP for events without `updated` (RFC 5545 section 3.8.7.2: when the data was last revised):
// the newest `updated` of the calendar; else the newest date its sources were published; else the
// latest time an event has. The same files give the same stamp; never 1970.
Instant calendar_stamp(const Timeline& timeline, const std::vector<std::size_t>& indexes) {
  std::optional<Instant> updated, published, latest;
  auto keep_newest = [](std::optional<Instant>& newest, Instant at) {
    if (!newest || at > *newest) newest = at;
  };
  for (auto i : indexes) {
    const auto& e = timeline.at(i);
    if (e.updated) keep_newest(updated, *e.updated);
    for (const auto& s : e.sources) {
      if (auto odt = parse_offset_date_time(s.published)) keep_newest(published, odt->instant());
      else if (auto d = parse_civil_date(s.published)) keep_newest(published, Zone{}.start_of_day(*d));
    }
    if (auto end = e.end_utc()) keep_newest(latest, *end);
    if (auto start = e.start_utc()) keep_newest(latest, *start);
  }
  if (updated) return *updated;
  if (published) return *published;
  if (latest) return *latest;
  return Zone{}.start_of_day(*parse_civil_date("2000-01-01"));
}

}  // namespace

ExportResult write_calendar(const Timeline& timeline, const std::vector<std::size_t>& indexes, const CalendarProperties& properties,
                            unsigned threads, const std::vector<EventWindow>* windows) {
  auto newest_update = calendar_stamp(timeline, indexes);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  auto count = std::clamp<std::size_t>(indexes.size() / kEventsPerThread, 1, threads);

  // Consecutive runs of the events, one a thread, joined in order: the same bytes as one thread writes.
  std::vector<Part> parts(count);
  std::vector<std::exception_ptr> failures(count);
  auto run = [&](std::size_t k) {
    auto first = indexes.size() * k / count, last = indexes.size() * (k + 1) / count;
    // About 600 octets an event with a relation or two: growing a string of tens of megabytes by
    // doubling copies it again and again. Pages reserved but never written cost nothing, so the
    // first run reserves room for the others, which are appended to it.
    parts[k].events.reserve((k == 0 ? indexes.size() : last - first) * 768);
    try {
      PartWriter{timeline, properties, newest_update, windows, parts[k]}.write(std::span{indexes}.subspan(first, last - first));
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t k = 1; k < count; ++k) helpers.emplace_back(run, k);
  run(0);
  for (auto& t : helpers) t.join();
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);

  ExportResult result;
  auto& all = parts.front();
  for (auto& part : std::span{parts}.subspan(1)) {
    for (const auto& [name, span] : part.spans) all.cover(part.zones.at(name), span);
    std::move(part.warnings.begin(), part.warnings.end(), std::back_inserter(all.warnings));
    all.written += part.written;
  }
  LineWriter header;
  write_header(header, properties, all);
  // The VTIMEZONEs come first but are known last: slide the events along in their own buffer
  // (reserved with room to spare) rather than copy them into a new one.
  result.text = all.events.take();
  result.text.insert(0, header.str());
  for (const auto& part : std::span{parts}.subspan(1)) result.text += part.events.str();
  result.text += fold("END:VCALENDAR");
  result.events_written = all.written;
  result.warnings = std::move(all.warnings);
  return result;
}

}  // namespace dipcal::ics
