#include "dipcal/ics/vtimezone.h"

#include "dipcal/ics/values.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace dipcal::ics {

namespace {

using std::chrono::seconds;
constexpr seconds kDay{86400};

bool same(const ZoneReading& a, const ZoneReading& b) { return a.offset == b.offset && a.abbrev == b.abbrev && a.dst == b.dst; }

// The first second in (lo, hi] whose reading differs from `at(lo)`; the caller knows one does.
Instant bisect(const Zone& zone, Instant lo, Instant hi, const ZoneReading& before) {
  while (hi - lo > seconds{1}) {
    auto mid = lo + (hi - lo) / 2;
    if (same(zone.at(mid), before)) lo = mid;
    else hi = mid;
  }
  return hi;
}

CivilDateTime local_before(const ZoneTransition& t) {
  return CivilDateTime{date::local_seconds{t.at.time().time_since_epoch() + t.before.offset}};
}

// Which week of the month a day is in: 1..5 counting from the start, and whether it is the last.
int week_of(unsigned day) { return static_cast<int>((day - 1) / 7 + 1); }
bool is_last(const date::year_month_day& ymd) {
  return static_cast<unsigned>(ymd.day()) + 7 > static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
}

// The date a yearly rule gives in `year`.
std::optional<CivilDate> rule_date(const YearlyRule& rule, int year) {
  date::year_month ym{date::year{year}, date::month{rule.month}};
  date::year_month_day ymd;
  if (rule.week < 0) {
    ymd = date::year_month_day{date::local_days{ym / date::weekday_last{rule.day}}};
  } else {
    date::year_month_weekday ymw{ym.year(), ym.month(), date::weekday_indexed{rule.day, static_cast<unsigned>(rule.week)}};
    if (!ymw.ok()) return std::nullopt;
    ymd = date::year_month_day{date::local_days{ymw}};
  }
  return CivilDate::from_ymd(year, rule.month, static_cast<unsigned>(ymd.day()));
}

// A yearly rule that gives every one of `members` (local starts, one per consecutive year), or none.
std::optional<YearlyRule> yearly_rule(const std::vector<CivilDateTime>& members) {
  if (members.size() < 2) return std::nullopt;
  const auto first = members.front().date().ymd();
  bool nth = true, last = true;
  int week = week_of(static_cast<unsigned>(first.day()));
  for (std::size_t i = 0; i < members.size(); ++i) {
    auto ymd = members[i].date().ymd();
    if (static_cast<int>(ymd.year()) != static_cast<int>(first.year()) + static_cast<int>(i) || ymd.month() != first.month() ||
        members[i].date().weekday() != members.front().date().weekday() ||
        members[i].time_of_day() != members.front().time_of_day())
      return std::nullopt;
    nth = nth && week_of(static_cast<unsigned>(ymd.day())) == week;
    last = last && is_last(ymd);
  }
  if (!nth && !last) return std::nullopt;
  // Prefer "last" for a week that is the last in every year (Europe's "last Sunday of March"), as
  // the zone database and Outlook write it; an explicit 4th or 5th would break in other years.
  return YearlyRule{static_cast<unsigned>(first.month()), last ? -1 : week, members.front().date().weekday()};
}

// Splits the starts of one kind of transition into the longest runs that one yearly rule gives,
// in order; a run of one is a transition no rule covers. Returns [begin, end) index pairs.
std::vector<std::pair<std::size_t, std::size_t>> rule_runs(const std::vector<CivilDateTime>& starts) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::size_t begin = 0;
  while (begin < starts.size()) {
    auto end = begin + 1;
    while (end < starts.size()) {
      std::vector<CivilDateTime> candidate(starts.begin() + static_cast<std::ptrdiff_t>(begin), starts.begin() + static_cast<std::ptrdiff_t>(end + 1));
      if (!yearly_rule(candidate)) break;
      ++end;
    }
    runs.emplace_back(begin, end);
    begin = end;
  }
  return runs;
}

std::string weekday_code(date::weekday d) {
  static constexpr const char* kCodes[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  return kCodes[d.c_encoding()];
}

}  // namespace

seconds whole_minutes(seconds offset) {
  auto s = offset.count();
  auto rounded = (s >= 0 ? s + 30 : s - 30) / 60 * 60;
  return seconds{rounded};
}

std::vector<ZoneTransition> find_transitions(const Zone& zone, Instant from, Instant to) {
  std::vector<ZoneTransition> found;
  auto at = from;
  auto reading = zone.at(at);
  while (at < to) {
    auto next = std::min(at + kDay, to);
    auto next_reading = zone.at(next);
    if (!same(reading, next_reading)) {
      auto change = bisect(zone, at, next, reading);
      auto after = zone.at(change);
      found.push_back({change, reading, after});
      // Continue from the change: a second one may follow within the same day.
      at = change;
      reading = after;
      continue;
    }
    at = next;
    reading = std::move(next_reading);
  }
  if (!found.empty() && found.back().at >= to) found.pop_back();
  return found;
}

std::optional<ZoneTransition> last_transition_before(const Zone& zone, Instant at) {
  auto limit = zone.start_of_day(*CivilDate::from_ymd(kFirstYear, 1, 1));
  auto reading = zone.at(at);
  auto hi = at;
  while (hi > limit) {
    auto lo = std::max(hi - kDay, limit);
    auto lo_reading = zone.at(lo);
    if (!same(lo_reading, reading)) {
      // The last change in (lo, hi]: bisect for the first second that reads as `reading` does
      // at hi, from the far side. Any change inside is the one closest to `at`.
      auto a = lo, b = hi;
      while (b - a > seconds{1}) {
        auto mid = a + (b - a) / 2;
        if (same(zone.at(mid), reading)) b = mid;
        else a = mid;
      }
      return ZoneTransition{b, zone.at(a), zone.at(b)};
    }
    hi = lo;
  }
  return std::nullopt;
}

std::vector<Observance> observances(const Zone& zone, Instant from, Instant to) {
  // Rules are judged over one more year than the span, so that a rule seen once in the span is
  // still recognized, and a rule that stops is not extended past its last year.
  const Instant judge_to = to + 366 * kDay;
  std::vector<ZoneTransition> all;
  if (auto prior = last_transition_before(zone, from)) all.push_back(*prior);
  else all.push_back({from, zone.at(from), zone.at(from)});  // nothing before: the reading at the start
  for (auto& t : find_transitions(zone, from, judge_to))
    if (t.at > all.front().at) all.push_back(std::move(t));

  // Group transitions of the same kind, in order of first appearance.
  using Key = std::tuple<bool, long long, long long, std::string>;
  std::map<Key, std::size_t> index;
  std::vector<std::vector<const ZoneTransition*>> groups;
  for (const auto& t : all) {
    Key key{t.after.dst, t.before.offset.count(), t.after.offset.count(), t.after.abbrev};
    auto [it, inserted] = index.try_emplace(key, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(&t);
  }

  std::vector<Observance> out;
  for (const auto& group : groups) {
    std::vector<CivilDateTime> starts;
    for (const auto* t : group) starts.push_back(local_before(*t));
    const auto& kind = *group.front();
    Observance single{kind.after.dst, {}, kind.before.offset, kind.after.offset, kind.after.abbrev, std::nullopt, {}};
    bool have_single = false;
    for (auto [begin, end] : rule_runs(starts)) {
      if (group[begin]->at >= to) break;  // only seen in the year after the span
      auto rule = end - begin >= 2 ? yearly_rule({starts.begin() + static_cast<std::ptrdiff_t>(begin), starts.begin() + static_cast<std::ptrdiff_t>(end)})
                                   : std::nullopt;
      if (!rule) {
        // Transitions no yearly rule covers share one observance: DTSTART and RDATEs.
        if (!have_single) single.start = starts[begin], have_single = true;
        else single.rdates.push_back(starts[begin]);
        continue;
      }
      // A rule that stops within the judged years (its next transition should have been seen and
      // was not) would need UNTIL, which readers handle unevenly (python-icalendar 4 and dateutil
      // refuse the UTC UNTIL that section 3.3.10 requires here): its transitions become RDATEs.
      int next_year = static_cast<int>(starts[end - 1].date().ymd().year()) + 1;
      if (auto next = rule_date(*rule, next_year)) {
        auto predicted = Instant{date::sys_seconds{(next->days() + starts[end - 1].time_of_day()).time_since_epoch() - kind.before.offset}};
        if (predicted < judge_to) rule.reset();
      }
      if (!rule) {
        for (auto i = begin; i < end && group[i]->at < to; ++i) {
          if (!have_single) single.start = starts[i], have_single = true;
          else single.rdates.push_back(starts[i]);
        }
        continue;
      }
      out.push_back(Observance{kind.after.dst, starts[begin], kind.before.offset, kind.after.offset, kind.after.abbrev, rule, {}});
    }
    if (have_single) out.push_back(std::move(single));
  }
  // One reading over the whole span is standard time, whatever flag it carries.
  if (out.size() == 1 && !out.front().rule && out.front().rdates.empty()) out.front().daylight = false;
  std::sort(out.begin(), out.end(), [](const Observance& a, const Observance& b) { return a.start < b.start; });
  return out;
}

void write_vtimezone(LineWriter& out, const Zone& zone, Instant from, Instant to) {
  out.add("BEGIN", "VTIMEZONE");
  out.add_text("TZID", zone.name());
  for (const auto& o : observances(zone, from, to)) {
    const char* kind = o.daylight ? "DAYLIGHT" : "STANDARD";
    out.add("BEGIN", kind);
    out.add("DTSTART", format_local(o.start));
    out.add("TZOFFSETFROM", utc_offset(whole_minutes(o.offset_from)));
    out.add("TZOFFSETTO", utc_offset(whole_minutes(o.offset_to)));
    if (o.rule) {
      const auto rrule = fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={}{}", o.rule->month, o.rule->week, weekday_code(o.rule->day));
      out.add("RRULE", rrule);
    }
    // The first onset is DTSTART; it is repeated as an RDATE because ical.js reads only the RDATEs
    // of an observance that has any (section 3.8.5.2 counts a repeated instance once).
    if (!o.rdates.empty()) out.add("RDATE", format_local(o.start));
    for (const auto& r : o.rdates) out.add("RDATE", format_local(r));
    if (!o.name.empty()) out.add_text("TZNAME", o.name);
    out.add("END", kind);
  }
  out.add("END", "VTIMEZONE");
}

}  // namespace dipcal::ics
