#include "dipcal/text/time_words.h"

#include "dipcal/query/agenda.h"
#include "dipcal/query/lead.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>
#include <vector>

namespace dipcal::text {

namespace {

// English abbreviations, as the tz database's own abbreviations and RFC 5322 dates use them; the
// wording does not follow the host's locale, so that outputs are the same on every machine.
constexpr std::array<const char*, 7> kWeekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string abbrev_at(Instant i, const Zone& zone) { return zone.at(i).abbrev; }

std::string date_or_open(const std::optional<CivilDate>& d) { return d ? to_string(*d) : std::string{".."}; }

// The civil days, in the event's zone, on which it may start (query/lead.h: count_point).
std::pair<std::optional<CivilDate>, std::optional<CivilDate>> start_days(const Event& e, const EventWindow* window) {
  auto start = dipcal::count_point(e, EventSide::start, window, e.zone);
  if (const auto* at = std::get_if<Instant>(&start)) {
    auto day = e.zone.to_civil(*at).date();
    return {day, day};
  }
  const auto& days = std::get<DaySpan>(start);
  return {days.earliest, days.latest};
}

std::string timed_local(const Timed& t, const Zone& zone) {
  if (t.start == t.end) return short_instant_text(t.start, zone);
  auto start = zone.to_civil(t.start), end = zone.to_civil(t.end);
  // One date and one abbreviation when both ends share them; a DST change within the day shows both.
  if (start.date() == end.date() && abbrev_at(t.start, zone) == abbrev_at(t.end, zone))
    return fmt::format("{} {}–{} {}", to_string(start.date()), clock_text(start), clock_text(end), abbrev_at(t.start, zone));
  return fmt::format("{} – {}", short_instant_text(t.start, zone), short_instant_text(t.end, zone));
}

}  // namespace

std::string clock_text(const CivilDateTime& t) {
  auto hms = date::hh_mm_ss<std::chrono::seconds>{t.time_of_day()};
  if (hms.seconds().count() != 0)
    return fmt::format("{:02}:{:02}:{:02}", hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  return fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
}

std::string date_text(CivilDate d) {
  auto ymd = d.ymd();
  return fmt::format("{} {} {} {}", kWeekdays[d.weekday().c_encoding()], static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string instant_text(Instant i, const Zone& zone) {
  auto local = zone.to_civil(i);
  return fmt::format("{} {} {}", date_text(local.date()), clock_text(local), abbrev_at(i, zone));
}

std::string short_instant_text(Instant i, const Zone& zone) {
  auto local = zone.to_civil(i);
  return fmt::format("{} {} {}", to_string(local.date()), clock_text(local), abbrev_at(i, zone));
}

std::string same_instant_text(Instant i, const Zone& own, const Zone& output) {
  std::vector<Zone> shown;
  for (const auto& zone : {own, output, ZoneDb::system().utc()})
    if (std::find(shown.begin(), shown.end(), zone) == shown.end()) shown.push_back(zone);
  std::vector<std::string> readings;
  for (const auto& zone : shown) readings.push_back(instant_text(i, zone));
  return fmt::format("{}", fmt::join(readings, " = "));
}

std::string zone_text(const Zone& zone, const std::optional<Instant>& at) {
  if (!at) return zone.name();
  return fmt::format("{} ({})", zone.name(), offset_to_string(zone.at(*at).offset));
}

std::string duration_text(std::chrono::seconds d) {
  auto total = std::llabs(d.count());
  auto days = total / 86400, h = total / 3600 % 24, m = total / 60 % 60, s = total % 60;
  std::vector<std::string> parts;
  if (days) parts.push_back(fmt::format("{} day{}", days, days == 1 ? "" : "s"));
  if (h) parts.push_back(fmt::format("{} h", h));
  if (m) parts.push_back(fmt::format("{} min", m));
  if (s || parts.empty()) parts.push_back(fmt::format("{} s", s));
  return fmt::format("{}{}", d.count() < 0 ? "-" : "", fmt::join(parts, " "));
}

std::string length_text(std::chrono::seconds d) { return duration_text(std::chrono::abs(d)); }

std::string day_count(int days) { return fmt::format("{} day{}", days, std::abs(days) == 1 ? "" : "s"); }

std::string days_relative(int days) {
  if (days == 0) return "on the same day as";
  return fmt::format("{} {}", day_count(std::abs(days)), days > 0 ? "after" : "before");
}

std::string count_relative(const LeadTime& lead, const std::string& what) {
  if (auto d = lead.days()) return fmt::format("{} {}", days_relative(*d), what);
  if (lead.min_days && lead.max_days) {
    // Both bounds on one side: the direction is said once, after the larger count.
    if (*lead.min_days >= 0) return fmt::format("between {} and {} after {}", *lead.min_days, day_count(*lead.max_days), what);
    if (*lead.max_days <= 0)
      return fmt::format("between {} and {} before {}", -*lead.max_days, day_count(-*lead.min_days), what);
    return fmt::format("between {} and {} {}", days_relative(*lead.min_days), days_relative(*lead.max_days), what);
  }
  if (lead.min_days) return fmt::format("no earlier than {} {}", days_relative(*lead.min_days), what);
  if (lead.max_days) return fmt::format("no later than {} {}", days_relative(*lead.max_days), what);
  return fmt::format("at an unknown distance from {}", what);
}

std::string count_point_text(const CountPoint& point, const Zone& reference, const std::string& place) {
  auto in_place = [&place](std::string words) { return place.empty() ? words : fmt::format("{} ({})", words, place); };
  if (const auto* i = std::get_if<Instant>(&point)) return instant_text(*i, reference);
  if (const auto* d = std::get_if<CivilDate>(&point)) return in_place(date_text(*d));
  const auto& span = std::get<DaySpan>(point);
  if (!span.earliest && !span.latest) return in_place("an unknown day");
  auto bound = [](const std::optional<CivilDate>& d) { return d ? date_text(*d) : std::string{"?"}; };
  return in_place(fmt::format("between {} and {}", bound(span.earliest), bound(span.latest)));
}

std::string place_of(const Event& e) { return e.location.city.empty() ? e.zone.name() : e.location.city; }

std::string event_point_text(const Event& e, EventSide side) {
  bool start = side == EventSide::start;
  if (const auto* d = std::get_if<AllDay>(&e.time)) return to_string(start ? d->first : d->last);
  if (const auto* t = std::get_if<Timed>(&e.time)) return instant_text(start ? t->start : t->end, e.zone);
  return {};
}

std::string event_dates_text(const Event& e) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    if (d->first == d->last) return to_string(d->first);
    return fmt::format("{} – {}", to_string(d->first), to_string(d->last));
  }
  if (const auto* t = std::get_if<Timed>(&e.time)) return short_instant_text(t->start, e.zone);
  const auto& w = std::get<Window>(e.time);
  if (!w.earliest_first && !w.latest_last) return "undated";
  return fmt::format("window {} … {}", date_or_open(w.earliest_first), date_or_open(w.latest_last));
}

std::string when_local(const Event& e, const EventWindow* window) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    if (d->first == d->last) return fmt::format("{} (all day)", to_string(d->first));
    return fmt::format("{} – {} (all day)", to_string(d->first), to_string(d->last));
  }
  if (const auto* t = std::get_if<Timed>(&e.time)) return timed_local(*t, e.zone);
  auto [first, last] = start_days(e, window);
  if (!first && !last) return "undated";
  return fmt::format("starts {} … {}", date_or_open(first), date_or_open(last));
}

std::string when_human(const Event& e, const EventWindow* window) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    if (d->first == d->last) return date_text(d->first);
    return fmt::format("{} – {}", date_text(d->first), date_text(d->last));
  }
  if (const auto* t = std::get_if<Timed>(&e.time)) return instant_text(t->start, e.zone);
  auto [first, last] = start_days(e, window);
  if (first && last) return fmt::format("starts between {} and {}", date_text(*first), date_text(*last));
  if (first) return fmt::format("starts on or after {}", date_text(*first));
  if (last) return fmt::format("starts on or before {}", date_text(*last));
  return "undated";
}

std::string event_length_text(const Event& e) {
  const auto* t = std::get_if<Timed>(&e.time);
  return t ? duration_text(t->end - t->start) : std::string{};
}

std::string start_in(const Event& e, const Zone& zone) {
  auto s = e.start_utc();
  return s ? short_instant_text(*s, zone) : std::string{};
}

std::string day_hours_text(const DayHours& hours) {
  auto side = [](const std::optional<CivilDateTime>& t) { return t ? clock_text(*t) : std::string{"…"}; };
  if (hours.instant) return side(hours.start);
  return fmt::format("{}–{}", side(hours.start), side(hours.end));
}

}  // namespace dipcal::text
