#include "dipcal/ics/import.h"

#include "dipcal/ics/recurrence.h"
#include "dipcal/ics/values.h"
#include "dipcal/ics/writer.h"
#include "dipcal/text/names.h"
#include "dipcal/time/edtf.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <set>

namespace dipcal::ics {

namespace {

using std::chrono::seconds;

// Properties whose meaning a fixture holds (or that dipcal derives again on export, as DTSTAMP).
const std::set<std::string, std::less<>> kEventProperties{
    "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "GEO", "URL",
    "CATEGORIES", "STATUS", "SEQUENCE", "LAST-MODIFIED", "RELATED-TO", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID",
    "ATTENDEE", xprop::kCalendar, xprop::kId, xprop::kKind, xprop::kStatus, xprop::kAlias, xprop::kZone,
    xprop::kStart, xprop::kEnd, xprop::kWindow, xprop::kUndated, xprop::kTitle, xprop::kPlace, xprop::kCity, xprop::kCountry, xprop::kActor, xprop::kNotes,
    xprop::kSource, xprop::kRelation};
const std::set<std::string, std::less<>> kCalendarProperties{
    "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL",
    "X-PUBLISHED-TTL", "SOURCE", xprop::kCalendar};

std::string text_of(const ContentLine* p) { return p ? unescape_text(p->value) : std::string{}; }

std::string host_of(std::string_view url) {
  auto begin = url.find("//");
  if (begin == std::string_view::npos) return std::string{url};
  url.remove_prefix(begin + 2);
  return std::string{url.substr(0, url.find_first_of("/?#:"))};
}

// A VEVENT with what it needs from its calendar and file.
struct Input {
  const Component* event;
  const Component* calendar;
  const InputFile* file;
};

// A time as the VEVENT wrote it, before it is read in a zone.
struct TimeValue {
  bool is_date = false;
  CivilDate day;
  DateTimeValue time;
  std::string tzid;
};

class Importer {
 public:
  Importer(const std::vector<InputFile>& files, const ImportOptions& options) : files_{files}, options_{options} {}

  ImportResult run() {
    collect();
    read_calendar();
    // Masters and their overrides (same UID, with RECURRENCE-ID), in input order.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Input*>> overrides;
    std::map<std::string, const Input*> masters;
    for (const auto& s : sources_) {
      auto uid = text_of(s.event->find("UID"));
      if (s.event->find("RECURRENCE-ID") && !uid.empty()) {
        overrides[uid].push_back(&s);
        continue;
      }
      if (!uid.empty() && masters.count(uid)) {
        note(s, "a second VEVENT with the same UID and no RECURRENCE-ID", true);
        continue;
      }
      if (uid.empty()) uid = fmt::format("#{}", order.size());  // no UID: still one event of its own
      masters.emplace(uid, &s);
      order.push_back(uid);
    }
    for (const auto& uid : order) import_master(*masters.at(uid), uid, overrides[uid]);
    for (const auto& [uid, list] : overrides)
      if (!masters.count(uid))
        for (const auto* s : list) import_single(*s, uid, "");  // an override of a series not in the input
    resolve_relations();
    report_properties();
    result_.calendar = calendar_;
    for (auto& p : pending_) result_.events.push_back(std::move(p.event));
    return std::move(result_);
  }

 private:
  struct Pending {
    Event event;
    std::string uid;
    bool series = false;  // an occurrence of an expanded series: relations to its UID are ambiguous
    std::vector<std::pair<Relation, std::string>> relations;  // with the target UID
    const Input* source = nullptr;
  };

  void collect() {
    for (const auto& file : files_) {
      for (const auto& problem : file.stream.problems)
        result_.notes.push_back({file.name, problem.line, "content line", problem.message, ImportNote::Kind::note});
      for (const auto& cal : file.stream.calendars) {
        if (cal.name != "VCALENDAR") {
          result_.notes.push_back({file.name, cal.line, cal.name, "a component outside any VCALENDAR; left out",
                                   cal.name == "VEVENT" ? ImportNote::Kind::event_lost : ImportNote::Kind::left_out});
          continue;
        }
        if (auto* scale = cal.find("CALSCALE"); scale && unescape_text(scale->value) != "GREGORIAN") {
          result_.notes.push_back({file.name, cal.line, "VCALENDAR",
                                   fmt::format("CALSCALE:{} is not the Gregorian calendar; the whole calendar is left out", scale->value),
                                   ImportNote::Kind::event_lost});
          continue;
        }
        for (const auto& p : cal.properties)
          if (!kCalendarProperties.count(p.name)) unknown_[p.name].push_back({&file, p.line});
        for (const auto& child : cal.children) {
          if (child.name == "VEVENT") sources_.push_back({&child, &cal, &file});
          else if (child.name != "VTIMEZONE")
            result_.notes.push_back({file.name, child.line, child.name,
                                     fmt::format("dipcal imports events only; this {} is left out", child.name), ImportNote::Kind::left_out});
        }
      }
    }
  }

  void read_calendar() {
    bool dipcal_export = std::any_of(sources_.begin(), sources_.end(), [](const Input& s) { return s.event->find(xprop::kId) != nullptr; });
    for (const auto& s : sources_) {
      const auto* cal = s.calendar;
      auto name = text_of(cal->find("NAME"));
      if (name.empty()) name = text_of(cal->find("X-WR-CALNAME"));
      auto id = text_of(cal->find(xprop::kCalendar));
      if (!dipcal_export && id.empty()) id = text::slugify(name.empty() ? std::filesystem::path{s.file->name}.stem().string() : name);
      if (id.empty() && !dipcal_export) id = "imported";
      calendar_.id = text::is_slug(id) ? id : text::slugify(id);
      calendar_.title = name.empty() ? calendar_.id : name;
      if (auto source = text_of(cal->find("SOURCE")); text::is_web_address(source)) calendar_.source = source;
      break;  // the first calendar names the fixture
    }
  }

  // `lost`: the VEVENT is left out (else a note about one that is kept).
  void note(const Input& s, std::string message, bool lost) {
    result_.notes.push_back({s.file->name, s.event->line, subject(*s.event), std::move(message),
                             lost ? ImportNote::Kind::event_lost : ImportNote::Kind::note});
  }

  static std::string subject(const Component& c) {
    auto title = text_of(c.find("SUMMARY"));
    auto uid = text_of(c.find("UID"));
    std::string text = c.name;
    if (!title.empty()) text += fmt::format(" '{}'", title);
    if (!uid.empty()) text += fmt::format(" (UID {})", uid);
    return text;
  }

  std::optional<Zone> zone_named(std::string_view name) const {
    if (name.empty()) return std::nullopt;
    return options_.zones->find(name);
  }

  // The zone of a TZID, through the calendar's VTIMEZONE X-LIC-LOCATION as a last resort.
  std::optional<Zone> zone_of_tzid(const Input& s, const std::string& tzid, std::string& error) const {
    std::string lic;
    for (const auto& child : s.calendar->children)
      if (child.name == "VTIMEZONE" && text_of(child.find("TZID")) == tzid) lic = text_of(child.find("X-LIC-LOCATION"));
    static const WindowsZones kNone;
    auto match = map_tzid(tzid, *options_.zones, options_.windows ? *options_.windows : kNone, lic);
    if (!match) {
      error = fmt::format("TZID '{}' is not an IANA zone, a prefixed one or a Windows zone name", tzid);
      return std::nullopt;
    }
    return zone_named(match->zone);
  }

  // Where floating times (RFC 5545 section 3.3.5, form #1) are read: the calendar's X-WR-TIMEZONE,
  // else --tz (docs/ICS.md).
  std::optional<Zone> floating_zone(const Input& s) const {
    std::string error;
    if (auto wr = text_of(s.calendar->find("X-WR-TIMEZONE")); !wr.empty())
      if (auto z = zone_of_tzid(s, wr, error)) return z;
    return options_.default_zone;
  }

  // The zone of an event whose start names none: floating_zone, else the one zone the calendar's
  // TZIDs name.
  std::optional<Zone> calendar_zone(const Input& s) const {
    std::string error;
    if (auto floating = floating_zone(s)) return floating;
    std::optional<Zone> only;
    for (const auto& child : s.calendar->children) {
      if (child.name != "VEVENT") continue;
      for (const char* name : {"DTSTART", "DTEND"}) {
        const auto* p = child.find(name);
        if (!p || p->param("TZID").empty()) continue;
        auto z = zone_of_tzid(s, p->param("TZID"), error);
        if (!z) continue;
        if (only && *only != *z) return std::nullopt;
        only = z;
      }
    }
    return only;
  }

  std::optional<TimeValue> time_value(const ContentLine& p, std::string& error) const {
    TimeValue v;
    v.tzid = p.param("TZID");
    auto type = p.param("VALUE");
    if (type == "PERIOD") {
      error = fmt::format("{};VALUE=PERIOD is not supported", p.name);
      return std::nullopt;
    }
    if (type == "DATE" || (type.empty() && p.value.size() == 8)) {
      auto d = parse_date(p.value);
      if (!d) {
        error = fmt::format("{}:{} is not a date between {} and {}", p.name, p.value, kFirstYear, kLastYear);
        return std::nullopt;
      }
      v.is_date = true;
      v.day = *d;
      return v;
    }
    auto t = parse_date_time(p.value);
    if (!t) {
      error = fmt::format("{}:{} is not a date-time (YYYYMMDDTHHMMSS, with Z for UTC) between {} and {}", p.name, p.value, kFirstYear, kLastYear);
      return std::nullopt;
    }
    v.time = *t;
    return v;
  }

  // A DATE-TIME as an instant: UTC, in its TZID, or floating in the default zone.
  std::optional<Instant> instant_of(const Input& s, const TimeValue& v, std::string& error) const {
    if (v.time.utc) return Instant{date::sys_seconds{v.time.local.time().time_since_epoch()}};
    std::optional<Zone> zone;
    if (!v.tzid.empty()) zone = zone_of_tzid(s, v.tzid, error);
    else if (auto floating = floating_zone(s)) zone = floating;
    else error = fmt::format("{} is a floating time (no TZID, no Z) and the calendar has no X-WR-TIMEZONE: give --tz ZONE to say where it is read", to_string(v.time.local));
    if (!zone) return std::nullopt;
    // Section 3.3.5: a time in a gap reads with the offset before it, a repeated one as the first.
    return zone->resolve(v.time.local).first;
  }

  std::optional<Relation> relation_of(const ContentLine& p, const Input& s) {
    Relation r;
    auto dipcal_type = p.param(xprop::kRelationType);
    if (p.name == "RELATED-TO") {
      auto reltype = p.param("RELTYPE");
      if (reltype.empty()) reltype = "PARENT";  // section 3.2.15: the default
      if (!dipcal_type.empty()) {
        auto t = parse_relation_type(dipcal_type);
        if (!t) return bad_relation(s, p, fmt::format("X-DIPCAL-TYPE={} is not a dipcal relation", dipcal_type));
        r.type = *t;
      } else if (reltype == "PARENT") {
        r.type = RelationType::during;
      } else if (reltype == "CHILD") {
        r.type = RelationType::contains;
      } else if (reltype == "DEPENDS-ON") {
        r.type = RelationType::after;  // RFC 9253: this event depends on (comes after) the other
      } else if (auto t = parse_relation_type(reltype); t && reltype.find("TO") != std::string::npos) {
        r.type = *t;
      } else {
        return bad_relation(s, p, fmt::format("RELATED-TO;RELTYPE={} has no dipcal relation (PARENT, CHILD, DEPENDS-ON and "
                                              "RFC 9253's FINISHTOSTART, STARTTOSTART, FINISHTOFINISH, STARTTOFINISH do)", reltype));
      }
    } else {
      auto t = parse_relation_type(dipcal_type);
      if (!t) return bad_relation(s, p, fmt::format("X-DIPCAL-RELATION without a known X-DIPCAL-TYPE ('{}')", dipcal_type));
      r.type = *t;
    }
    auto gap = [&](const std::string& text, const char* what) -> std::optional<seconds> {
      if (text.empty()) return std::nullopt;
      auto d = parse_ics_duration(text);
      if (!d || d->negative) {
        note(s, fmt::format("{} {} is not a duration dipcal can hold (gaps are never negative); the relation keeps no such bound", what, text), false);
        return std::nullopt;
      }
      return seconds{d->days * 86400LL} + d->time;
    };
    r.gap.min = gap(p.has_param(xprop::kGapMin) ? p.param(xprop::kGapMin) : p.param("GAP"), "GAP");
    r.gap.max = gap(p.param(xprop::kGapMax), "X-DIPCAL-GAP-MAX");
    r.zone = p.param(xprop::kRelationZone);
    r.note = p.param(xprop::kRelationNote);
    return r;
  }

  std::optional<Relation> bad_relation(const Input& s, const ContentLine& p, std::string message) {
    result_.notes.push_back({s.file->name, p.line, subject(*s.event), message + "; the relation is left out", ImportNote::Kind::note});
    return std::nullopt;
  }

  // Everything but the time and the id.
  bool read_fields(const Input& s, Pending& out) {
    const auto& c = *s.event;
    auto& e = out.event;
    // In dipcal's own output DESCRIPTION, URL and LOCATION are derived from the X-DIPCAL fields:
    // read those alone, or an event without notes would come back with its sources as notes.
    const bool own = c.find(xprop::kId) != nullptr;
    // dipcal's entry for a window states the range in SUMMARY and keeps the title apart.
    e.title = text_of(c.find(own && c.find(xprop::kTitle) ? xprop::kTitle : "SUMMARY"));
    if (e.title.empty()) {
      e.title = "(no title)";
      note(s, "no SUMMARY; titled '(no title)'", false);
    }
    if (auto status = text_of(c.find(xprop::kStatus)); auto st = parse_event_status(status)) {
      e.status = *st;
    } else if (auto ics = text_of(c.find("STATUS")); !ics.empty()) {
      if (ics == "TENTATIVE") e.status = EventStatus::tentative;
      else if (ics == "CANCELLED") e.status = EventStatus::cancelled;
      else if (ics == "CONFIRMED") e.status = EventStatus::confirmed;
    }
    std::vector<std::string> categories;
    for (const auto* p : c.all("CATEGORIES"))
      for (auto& item : split_text_list(p->value)) categories.push_back(std::move(item));
    std::optional<EventKind> kind;
    if (auto k = parse_event_kind(text_of(c.find(xprop::kKind)))) kind = k;
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
        note(s, fmt::format("category '{}' has nothing a tag can hold (a-z, 0-9, -); left out", cat), false);
        continue;
      }
      if (std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end()) e.tags.push_back(tag);
    }
    for (const auto* p : c.all(xprop::kAlias)) {
      auto alias = unescape_text(p->value);
      if (text::is_slug(alias)) e.aliases.push_back(alias);
    }
    if (own) {
      e.location.name = text_of(c.find(xprop::kPlace));
      e.location.city = text_of(c.find(xprop::kCity));
      e.location.country = text_of(c.find(xprop::kCountry));
    }
    if (!own) e.location.name = text_of(c.find("LOCATION"));
    if (const auto* geo = c.find("GEO")) {
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
        note(s, fmt::format("GEO:{} is not 'latitude;longitude'; left out", geo->value), false);
    }
    for (const auto* p : c.all(xprop::kActor)) e.actors.push_back(unescape_text(p->value));
    if (!own)
      for (const auto* p : c.all("ATTENDEE")) {
        auto name = p->param("CN");
        if (name.empty()) name = p->value.rfind("mailto:", 0) == 0 || p->value.rfind("MAILTO:", 0) == 0 ? p->value.substr(7) : p->value;
        if (!name.empty()) e.actors.push_back(name);
      }
    for (const auto* p : c.all(xprop::kSource))
      if (auto outlet = unescape_text(p->value); !outlet.empty())
        e.sources.push_back({outlet, p->param(xprop::kSourceUrl), p->param(xprop::kSourcePublished), p->param(xprop::kSourceQuote)});
    if (!own)
      if (auto url = text_of(c.find("URL")); !url.empty()) {
        if (text::is_web_address(url)) e.sources.push_back({host_of(url), url, "", ""});
        else note(s, fmt::format("URL {} is not a web address; left out", url), false);
      }
    e.notes = own ? text_of(c.find(xprop::kNotes)) : text_of(c.find("DESCRIPTION"));
    // Outlook ends every DESCRIPTION with a newline, and writes an empty one as "\n".
    if (!own) e.notes.erase(e.notes.find_last_not_of(" \t\r\n") + 1);
    if (const auto* lm = c.find("LAST-MODIFIED")) {
      auto t = parse_date_time(lm->value);
      if (t && t->utc) e.updated = Instant{date::sys_seconds{t->local.time().time_since_epoch()}};
      else note(s, fmt::format("LAST-MODIFIED:{} is not a UTC date-time; left out", lm->value), false);
    }
    if (const auto* seq = c.find("SEQUENCE")) {
      int n = 0;
      auto [end, ec] = std::from_chars(seq->value.data(), seq->value.data() + seq->value.size(), n);
      if (ec == std::errc{} && end == seq->value.data() + seq->value.size() && n >= 0) e.sequence = n;
      else note(s, fmt::format("SEQUENCE:{} is not a whole number ≥ 0; left out", seq->value), false);
    }
    for (const auto& p : c.properties) {
      if (p.name != "RELATED-TO" && p.name != xprop::kRelation) continue;
      if (auto r = relation_of(p, s)) out.relations.emplace_back(std::move(*r), unescape_text(p.value));
    }
    return true;
  }

  // The event's zone and time from DTSTART/DTEND/DURATION (or the window dipcal wrote).
  bool read_time(const Input& s, Pending& out) {
    const auto& c = *s.event;
    auto& e = out.event;
    std::string error;
    auto fail = [&](std::string message) {
      note(s, std::move(message), true);
      return false;
    };
    const auto* dtstart = c.find("DTSTART");
    if (!dtstart) return fail("no DTSTART: an event needs a start");
    auto start = time_value(*dtstart, error);
    if (!start) return fail(error);
    // The event's zone: dipcal's own record, else the start's TZID, else the calendar's.
    std::optional<Zone> zone = zone_named(text_of(c.find(xprop::kZone)));
    if (!zone && !start->is_date && !start->tzid.empty()) {
      zone = zone_of_tzid(s, start->tzid, error);
      if (!zone) return fail(error);
    }
    if (!zone) zone = calendar_zone(s);
    if (!zone && start->is_date)
      return fail("an all-day event, and nothing says which zone its days are in: give --tz ZONE");
    if (!zone && !start->time.utc) return fail(fmt::format("{} is a floating time (no TZID, no Z): give --tz ZONE", to_string(start->time.local)));
    e.zone = zone ? *zone : options_.zones->utc();
    e.location.zone = e.zone.name();

    std::optional<TimeValue> end;
    if (const auto* dtend = c.find("DTEND")) {
      end = time_value(*dtend, error);
      if (!end) return fail(error);
    }
    std::optional<DurationValue> duration;
    if (const auto* d = c.find("DURATION"); d && !end) {
      duration = parse_ics_duration(d->value);
      if (!duration || duration->negative) return fail(fmt::format("DURATION:{} is not a duration of zero or more", d->value));
    }
    if (text_of(c.find(xprop::kUndated)) == "TRUE") {
      e.time = Window{};  // dipcal's entry for a window its relations give: they give it again
      return true;
    }
    if (start->is_date) {
      if (end && !end->is_date) return fail("DTSTART is a date but DTEND a date-time");
      auto last = start->day;
      if (end) last = end->day.plus_days(-1);  // DTEND is exclusive
      else if (duration) last = start->day.plus_days(std::max(duration->days, 1) - 1);
      if (last < start->day) {
        if (end) note(s, "DTEND is not after DTSTART; read as a one-day event", false);
        last = start->day;
      }
      if (auto text = text_of(c.find(xprop::kStart)); !text.empty()) {
        // DTSTART marks one day of the window; the texts say how the fixture wrote it.
        Window w;
        w.start_text = text;
        w.end_text = text_of(c.find(xprop::kEnd));
        if (auto r = parse_edtf(w.start_text); std::holds_alternative<EdtfRange>(r))
          w.earliest_first = std::get<EdtfRange>(r).earliest, w.latest_first = std::get<EdtfRange>(r).latest;
        if (auto r = parse_edtf(w.end_text.empty() ? w.start_text : w.end_text); std::holds_alternative<EdtfRange>(r))
          w.earliest_last = std::get<EdtfRange>(r).earliest, w.latest_last = std::get<EdtfRange>(r).latest;
        e.time = w;
      } else {
        e.time = AllDay{start->day, last};
      }
      return true;
    }
    auto begin = instant_of(s, *start, error);
    if (!begin) return fail(error);
    Instant finish = *begin;
    if (end) {
      if (end->is_date) return fail("DTSTART is a date-time but DTEND a date");
      auto f = instant_of(s, *end, error);
      if (!f) return fail(error);
      finish = *f;
    } else if (duration) {
      // Nominal days on the local calendar of the event's zone, then exact time (section 3.3.6).
      auto local = e.zone.to_civil(*begin);
      auto day_later = CivilDateTime{local.date().plus_days(duration->days), local.time_of_day()};
      finish = (duration->days ? e.zone.resolve(day_later).first : *begin) + duration->time;
    }
    if (finish < *begin) return fail("DTEND is before DTSTART");
    e.time = Timed{*begin, finish};
    return true;
  }

  // `named_by`: the VEVENT whose summary names the event (a series' master for its overrides).
  void import_single(const Input& s, const std::string& uid, const std::string& id_suffix, bool series = false,
                     const Input* named_by = nullptr) {
    Pending p;
    p.uid = uid;
    p.series = series;
    p.source = &s;
    if (!read_fields(s, p) || !read_time(s, p)) return;
    report_dropped(s);
    p.event.id = unique_id(named_by ? *named_by : s, id_suffix);
    pending_.push_back(std::move(p));
  }

  // What the fixture cannot hold of a VEVENT that is imported: each property line and component once,
  // whether the VEVENT is one event or a series expanded into many.
  void report_dropped(const Input& s) {
    for (const auto& prop : s.event->properties)
      if (!kEventProperties.count(prop.name)) unknown_[prop.name].push_back({s.file, prop.line});
    for (const auto& child : s.event->children)
      result_.notes.push_back({s.file->name, child.line, child.name,
                               fmt::format("{} of {}: dipcal has no {}; left out", child.name, subject(*s.event),
                                           child.name == "VALARM" ? "alarms" : "such component"),
                               ImportNote::Kind::left_out});
  }

  void import_master(const Input& s, const std::string& uid, const std::vector<const Input*>& overrides) {
    const auto* rrule = s.event->find("RRULE");
    const auto rdates = s.event->all("RDATE");
    if (!rrule && rdates.empty()) {
      import_single(s, uid, "");
      for (const auto* o : overrides) note(*o, "a RECURRENCE-ID of an event that does not recur; left out", true);
      return;
    }
    auto described = rrule ? "RRULE:" + rrule->value : std::string{"RDATE"};
    if (!options_.expand_from || !options_.expand_to) {
      note(s, fmt::format("recurs ({}); dipcal events happen once: give --expand-from DATE --expand-to DATE to import its "
                          "occurrences in that range as events of their own", described), true);
      for (const auto* o : overrides) note(*o, "an occurrence of a recurring event that was not expanded", true);
      return;
    }
    std::string error;
    const auto* dtstart = s.event->find("DTSTART");
    auto start = dtstart ? time_value(*dtstart, error) : std::nullopt;
    if (!start) {
      note(s, dtstart ? error : "no DTSTART: an event needs a start", true);
      return;
    }
    // The rule runs on the local calendar of DTSTART (its TZID, or UTC for Z times).
    std::optional<Zone> zone = options_.zones->utc();
    if (!start->is_date && !start->time.utc) {
      zone = start->tzid.empty() ? floating_zone(s) : zone_of_tzid(s, start->tzid, error);
      if (!zone) {
        note(s, error.empty() ? "a floating recurring time: give --tz ZONE" : error, true);
        return;
      }
    }
    auto local_start = start->is_date ? CivilDateTime{start->day, seconds{0}} : start->time.local;
    auto to_instant = [&](const CivilDateTime& t) { return zone->resolve(t).first; };
    std::vector<CivilDateTime> times;
    if (rrule) {
      auto rule = parse_rrule(rrule->value);
      if (auto* why = std::get_if<std::string>(&rule)) {
        note(s, fmt::format("RRULE:{} cannot be expanded: {}", rrule->value, *why), true);
        return;
      }
      times = expand(std::get<RecurrenceRule>(rule), local_start, *options_.expand_to, to_instant);
      if (times.size() >= 100'000) note(s, "the rule gives more than 100000 occurrences; only the first 100000 are read", false);
    } else {
      times.push_back(local_start);
    }
    auto local_of = [&](const ContentLine& p, std::string_view item) -> std::optional<CivilDateTime> {
      ContentLine one = p;
      one.value = std::string{item};
      std::string why;
      auto v = time_value(one, why);
      if (!v) {
        note(s, why, false);
        return std::nullopt;
      }
      if (v->is_date) return CivilDateTime{v->day, local_start.time_of_day()};
      if (v->time.utc) return zone->to_civil(Instant{date::sys_seconds{v->time.local.time().time_since_epoch()}});
      if (!v->tzid.empty() && v->tzid != start->tzid) {
        std::string e2;
        auto z = zone_of_tzid(s, v->tzid, e2);
        if (z) return zone->to_civil(z->resolve(v->time.local).first);
      }
      return v->time.local;
    };
    auto each = [](const std::string& value) {
      std::vector<std::string> items;
      std::size_t begin = 0;
      for (std::size_t i = 0; i <= value.size(); ++i)
        if (i == value.size() || value[i] == ',') items.push_back(value.substr(begin, i - begin)), begin = i + 1;
      return items;
    };
    for (const auto* p : rdates)
      for (const auto& item : each(p->value))
        if (auto t = local_of(*p, item)) times.push_back(*t);
    for (const auto* p : s.event->all("EXDATE"))
      for (const auto& item : each(p->value))
        if (auto t = local_of(*p, item)) std::erase(times, *t);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    std::map<CivilDateTime, const Input*> replaced;
    for (const auto* o : overrides) {
      const auto* rid = o->event->find("RECURRENCE-ID");
      if (auto t = local_of(*rid, rid->value)) replaced[*t] = o;
    }
    std::size_t made = 0;
    for (const auto& t : times) {
      if (t.date() < *options_.expand_from || t.date() > *options_.expand_to) continue;
      auto suffix = fmt::format("-{}", format_date(t.date()));
      bool twice = std::count_if(times.begin(), times.end(), [&](const CivilDateTime& u) { return u.date() == t.date(); }) > 1;
      if (twice) suffix += fmt::format("-{:02}{:02}", t.time_of_day().count() / 3600, t.time_of_day().count() / 60 % 60);
      if (auto it = replaced.find(t); it != replaced.end()) {
        import_single(*it->second, uid, suffix, true, &s);
        ++made;
        continue;
      }
      TimeValue v = *start;
      if (v.is_date) v.day = t.date();
      else v.time.local = t;
      import_occurrence(s, uid, suffix, v);
      ++made;
    }
    if (made > 0) report_dropped(s);
    note(s, fmt::format("recurs ({}); {} occurrence{} between {} and {} imported as events of their own", described, made,
                        made == 1 ? "" : "s", to_string(*options_.expand_from), to_string(*options_.expand_to)), false);
  }

  // One occurrence of a series, starting `at`; it lasts as long as the first one.
  void import_occurrence(const Input& s, const std::string& uid, const std::string& suffix, const TimeValue& at) {
    Pending p;
    p.uid = uid;
    p.series = true;
    p.source = &s;
    Pending base;
    base.source = &s;
    // Read the series' first occurrence for its length, then place this one.
    if (!read_fields(s, p)) return;
    std::vector<ImportNote> quiet;
    std::swap(quiet, result_.notes);
    bool ok = read_time(s, base);
    std::swap(quiet, result_.notes);
    if (!ok) {
      note(s, "its first occurrence cannot be read, so neither can the others", true);
      return;
    }
    p.event.zone = base.event.zone;
    p.event.location.zone = base.event.location.zone;
    if (const auto* d = std::get_if<AllDay>(&base.event.time)) {
      auto length = days_between(d->first, d->last);
      p.event.time = AllDay{at.day, at.day.plus_days(length)};
    } else if (std::holds_alternative<Window>(base.event.time)) {
      // X-DIPCAL-START made the first occurrence imprecise: it has no length to repeat.
      note(s, "its first occurrence is known only as a window, so the others cannot be placed", true);
      return;
    } else {
      const auto& t = std::get<Timed>(base.event.time);
      std::string error;
      auto begin = instant_of(s, at, error);
      if (!begin && at.time.utc) begin = Instant{date::sys_seconds{at.time.local.time().time_since_epoch()}};
      if (!begin) {
        note(s, error, true);
        return;
      }
      p.event.time = Timed{*begin, *begin + (t.end - t.start)};
    }
    p.event.id = unique_id(s, suffix);
    p.relations.clear();  // a relation of a series has no single target occurrence
    pending_.push_back(std::move(p));
  }

  std::string unique_id(const Input& s, const std::string& suffix) {
    auto base = text_of(s.event->find(xprop::kId));
    if (!text::is_slug(base)) base = text::slugify(text_of(s.event->find("SUMMARY")));
    if (base.empty()) base = text::slugify(text_of(s.event->find("UID")));
    if (base.empty()) base = "event";
    // Room for the suffix and a counter within the 64 characters of a slug.
    auto room = 64 - suffix.size() - 4;
    if (base.size() > room) base = base.substr(0, room);
    while (!base.empty() && base.back() == '-') base.pop_back();
    auto id = base + suffix;
    for (int n = 2; taken_.count(id); ++n) id = fmt::format("{}{}-{}", base, suffix, n);
    taken_.insert(id);
    return id;
  }

  void resolve_relations() {
    std::map<std::string, std::vector<std::size_t>> by_uid;
    for (std::size_t i = 0; i < pending_.size(); ++i) by_uid[pending_[i].uid].push_back(i);
    // Aliases must not clash with any id or earlier alias.
    std::set<std::string> names;
    for (const auto& p : pending_) names.insert(p.event.id);
    for (auto& p : pending_) {
      std::vector<std::string> kept;
      for (const auto& alias : p.event.aliases) {
        if (names.insert(alias).second) kept.push_back(alias);
        else note(*p.source, fmt::format("alias '{}' is already a name of another event; left out", alias), false);
      }
      p.event.aliases = std::move(kept);
    }
    for (auto& p : pending_) {
      for (auto& [relation, target_uid] : p.relations) {
        auto it = by_uid.find(target_uid);
        if (it == by_uid.end()) {
          note(*p.source, fmt::format("{} relation to UID {}, which is not among the imported events; left out",
                                      to_string(relation.type), target_uid), false);
          continue;
        }
        if (it->second.size() != 1 || pending_[it->second.front()].series) {
          note(*p.source, fmt::format("{} relation to UID {}, a recurring event: no single occurrence to point at; left out",
                                      to_string(relation.type), target_uid), false);
          continue;
        }
        relation.target = pending_[it->second.front()].event.id;
        p.event.relations.push_back(std::move(relation));
      }
    }
  }

  void report_properties() {
    for (const auto& [name, places] : unknown_) {
      const auto* first = places.front().first;
      result_.notes.push_back({first->name, places.front().second, name,
                               fmt::format("not imported, a fixture has no place for it ({} time{})", places.size(),
                                           places.size() == 1 ? "" : "s"),
                               ImportNote::Kind::note});
    }
  }

  const std::vector<InputFile>& files_;
  const ImportOptions& options_;
  std::vector<Input> sources_;
  ImportedCalendar calendar_;
  std::vector<Pending> pending_;
  std::set<std::string> taken_;
  std::map<std::string, std::vector<std::pair<const InputFile*, int>>> unknown_;
  ImportResult result_;
};

}  // namespace

std::size_t ImportResult::count(ImportNote::Kind kind) const {
  return static_cast<std::size_t>(std::count_if(notes.begin(), notes.end(), [&](const ImportNote& n) { return n.kind == kind; }));
}

ImportResult import_calendars(const std::vector<InputFile>& files, const ImportOptions& options) {
  return Importer{files, options}.run();
}

}  // namespace dipcal::ics
