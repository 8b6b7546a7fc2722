#include "dipcal/draft/temporal.h"

#include "tokens.h"

#include "dipcal/time/duration.h"
#include "dipcal/time/instant.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cctype>
#include <cstdlib>
#include <map>

namespace dipcal::draft {

namespace {

using detail::Token;
using std::chrono::seconds;
constexpr seconds kMinute{60};
constexpr seconds kHour{3600};
constexpr seconds kDay{86'400};

// ---------------------------------------------------------------------------------------------
// Tense: the verbs and auxiliaries that say whether a bare weekday or month lies ahead or behind.
// Checked in this order, so "scheduled" is a future cue before the "-ed" rule makes it past.

struct TenseCue {
  std::string_view word;
  Tense tense;
};

constexpr std::array<TenseCue, 64> kTenseCues{{
    {"will", Tense::future}, {"'ll", Tense::future}, {"shall", Tense::future}, {"would", Tense::future},
    {"due", Tense::future}, {"scheduled", Tense::future}, {"planned", Tense::future}, {"plans", Tense::future},
    {"plan", Tense::future}, {"expected", Tense::future}, {"upcoming", Tense::future}, {"slated", Tense::future},
    {"set", Tense::future}, {"going", Tense::future}, {"coming", Tense::future}, {"intends", Tense::future},
    {"aims", Tense::future}, {"hopes", Tense::future},
    // The present of a scheduled event: "the summit opens on Friday".
    {"opens", Tense::future}, {"begins", Tense::future}, {"starts", Tense::future}, {"runs", Tense::future},
    {"resumes", Tense::future}, {"arrives", Tense::future}, {"travels", Tense::future}, {"heads", Tense::future},
    {"meets", Tense::future}, {"visits", Tense::future}, {"hosts", Tense::future}, {"takes", Tense::future},
    {"convenes", Tense::future}, {"meet", Tense::future}, {"reopen", Tense::future}, {"resume", Tense::future},
    {"open", Tense::future}, {"gather", Tense::future}, {"begin", Tense::future}, {"start", Tense::future},
    {"close", Tense::future}, {"arrive", Tense::future},
    {"said", Tense::past}, {"told", Tense::past}, {"met", Tense::past}, {"held", Tense::past}, {"spoke", Tense::past},
    {"was", Tense::past}, {"were", Tense::past}, {"had", Tense::past}, {"did", Tense::past}, {"began", Tense::past},
    {"ended", Tense::past}, {"wrote", Tense::past}, {"took", Tense::past}, {"made", Tense::past},
    {"gave", Tense::past}, {"came", Tense::past}, {"left", Tense::past}, {"saw", Tense::past}, {"won", Tense::past},
    {"sent", Tense::past}, {"fell", Tense::past}, {"rose", Tense::past}, {"broke", Tense::past}, {"flew", Tense::past},
}};

// Words ending in -ed that are not past verbs, or that the table above already placed.
constexpr std::array<std::string_view, 9> kNotPastEd{"red", "bed", "need", "speed", "united", "indeed", "feed", "seed", "embed"};

Tense cue_of(const Token& t) {
  if (t.digits) return Tense::unknown;
  for (const auto& c : kTenseCues)
    if (t.lower == c.word) return c.tense;
  const auto& w = t.lower;
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 &&
      std::find(kNotPastEd.begin(), kNotPastEd.end(), w) == kNotPastEd.end())
    return Tense::past;
  return Tense::unknown;
}

// The nearest cue within the clause: up to twelve words back (stopping at a sentence break), else
// up to six words ahead.
}  // namespace

Tense detail::tense_near(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  for (std::size_t k = first, n = 0; k-- > 0 && n < 12; ++n) {
    if (tokens[k].lower == ";" || tokens[k].lower == "\"") break;
    if (auto t = cue_of(tokens[k]); t != Tense::unknown) return t;
  }
  for (std::size_t k = last, n = 0; k < tokens.size() && n < 6; ++k, ++n) {
    if (tokens[k].lower == ";" || tokens[k].lower == ".") break;
    if (auto t = cue_of(tokens[k]); t != Tense::unknown) return t;
  }
  return Tense::unknown;
}

namespace {

using detail::tense_near;

// ---------------------------------------------------------------------------------------------
// Zones written after a time. "local time" is the dateline's zone.

struct ZoneWord {
  std::string_view words;  // space-separated tokens
  std::string_view zone;   // IANA name, or "" for the dateline's, or "+HH:MM"/"Z" for a fixed offset
};

constexpr std::array<ZoneWord, 32> kZoneWords{{
    {"local time", ""}, {"local", ""}, {"gmt", "Z"}, {"utc", "Z"}, {"z", "Z"},
    {"et", "America/New_York"}, {"est", "America/New_York"}, {"edt", "America/New_York"},
    {"eastern time", "America/New_York"}, {"washington time", "America/New_York"},
    {"pt", "America/Los_Angeles"}, {"pst", "America/Los_Angeles"}, {"pdt", "America/Los_Angeles"},
    {"cet", "Europe/Brussels"}, {"cest", "Europe/Brussels"}, {"brussels time", "Europe/Brussels"},
    {"bst", "Europe/London"}, {"london time", "Europe/London"}, {"kst", "Asia/Seoul"}, {"jst", "Asia/Tokyo"},
    {"beijing time", "Asia/Shanghai"}, {"hkt", "Asia/Hong_Kong"}, {"sgt", "Asia/Singapore"},
    {"myt", "Asia/Kuala_Lumpur"}, {"ist", "Asia/Kolkata"}, {"msk", "Europe/Moscow"}, {"moscow time", "Europe/Moscow"},
    {"aest", "Australia/Sydney"}, {"aedt", "Australia/Sydney"}, {"sast", "Africa/Johannesburg"},
    {"brt", "America/Sao_Paulo"}, {"gst", "Asia/Dubai"},
}};

// ---------------------------------------------------------------------------------------------
// The pattern table. A pattern is a line of tokens: lower-case words match themselves, upper-case
// names are slots:
//   MONTH (jan … december, with an optional "."), DAY (1–31, "30th"), ORD ("30th" only), YEAR
//   (1900–2100), WEEKDAY, NUM (digits, "two", "a"), UNIT (minute … year), DASH (- – —), TIME ("11
//   a.m.", "10:30", "noon", or digits with a zone after them; with its zone), ISO (2025-10-30),
//   ANCHOR (nothing consumed: the next word is a determiner or a capitalised name).

enum class Slot { literal, month, day, ord, year, weekday, num, unit, dash, time, iso, anchor };

struct Element {
  Slot slot = Slot::literal;
  std::string word;
};

struct Captures {
  std::array<int, 2> month{};
  std::array<int, 2> day{};
  int year = 0;
  std::array<int, 2> weekday{-1, -1};
  int num = -1;
  seconds unit{0};
  bool unit_days = false;  // day or week: counted in calendar days
  int unit_months = 0;     // month (1) or year (12): not a fixed length
  int hour = -1;
  int minute = 0;
  bool has_zone = false;
  std::string zone;  // as in kZoneWords::zone
  std::optional<CivilDate> iso;
  int months_seen = 0, days_seen = 0, weekdays_seen = 0;
};

struct Context {
  const Reference& ref;
  const std::vector<Token>& tokens;
  std::string_view sentence;
  std::size_t first = 0;  // token range of the match
  std::size_t last = 0;
  int param = 0;
};

using Builder = bool (*)(const Captures&, const Context&, std::vector<TemporalValue>&);

struct Row {
  std::string pattern;
  std::string name;  // the construction, as reported in TemporalValue::construction
  Builder build;
  int param = 0;
};

// --- calendar helpers ---

CivilDate ymd(int y, int m, int d) { return *CivilDate::from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d)); }
int year_of(CivilDate d) { return static_cast<int>(d.ymd().year()); }
int month_of(CivilDate d) { return static_cast<int>(static_cast<unsigned>(d.ymd().month())); }
int last_day(int y, int m) {
  return static_cast<int>(static_cast<unsigned>(
      date::year_month_day_last{date::year{y}, date::month_day_last{date::month{static_cast<unsigned>(m)}}}.day()));
}
int wday(CivilDate d) { return static_cast<int>(d.weekday().c_encoding()); }
CivilDate monday_of(CivilDate d) { return d.plus_days(-((wday(d) + 6) % 7)); }

std::string month_text(int y, int m) { return fmt::format("{:04}-{:02}", y, m); }

// A year/month shifted by `delta` months.
std::pair<int, int> add_months(int y, int m, int delta) {
  int index = y * 12 + (m - 1) + delta;
  return {index / 12, index % 12 + 1};
}

// Among candidate dates, the one the tense and distance make likeliest: past tense refuses dates
// more than a week ahead, future tense dates more than a week behind; then the nearest.
std::optional<CivilDate> choose(const std::vector<CivilDate>& candidates, CivilDate published, Tense tense) {
  std::optional<CivilDate> best;
  int best_distance = 0;
  for (auto c : candidates) {
    int diff = days_between(published, c);
    if (tense == Tense::past && diff > 7) continue;
    if (tense == Tense::future && diff < -7) continue;
    int distance = std::abs(diff);
    if (!best || distance < best_distance) best = c, best_distance = distance;
  }
  if (!best)
    for (auto c : candidates)
      if (int distance = std::abs(days_between(published, c)); !best || distance < best_distance) best = c, best_distance = distance;
  return best;
}

TemporalValue date_value(CivilDate d, std::string why, Certainty certainty = Certainty::stated) {
  TemporalValue v;
  v.kind = ValueKind::date;
  v.text = to_string(d);
  v.first = d;
  v.last = d;
  v.why = std::move(why);
  v.certainty = certainty;
  return v;
}

TemporalValue range_value(CivilDate first, CivilDate last, std::string why) {
  TemporalValue v;
  v.kind = ValueKind::edtf;
  v.text = first == last ? to_string(first) : to_string(first) + "/" + to_string(last);
  if (first == last) v.kind = ValueKind::date;
  v.first = first;
  v.last = last;
  v.why = std::move(why);
  return v;
}

TemporalValue edtf_value(std::string text, std::optional<CivilDate> first, std::optional<CivilDate> last, std::string why) {
  TemporalValue v;
  v.kind = ValueKind::edtf;
  v.text = std::move(text);
  v.first = first;
  v.last = last;
  v.why = std::move(why);
  return v;
}

Tense tense_of(const Context& c) { return tense_near(c.tokens, c.first, c.last); }

std::string_view tense_name(Tense t) { return t == Tense::past ? "past tense" : t == Tense::future ? "future tense" : "no tense cue"; }

// --- builders: one per construction ---

bool full_date(const Captures& m, const Context&, std::vector<TemporalValue>& out) {
  auto d = CivilDate::from_ymd(m.year, static_cast<unsigned>(m.month[0]), static_cast<unsigned>(m.day[0]));
  if (!d) return false;
  auto v = date_value(*d, "a full date");
  v.has_year = true;
  out.push_back(std::move(v));
  return true;
}

bool iso_date(const Captures& m, const Context&, std::vector<TemporalValue>& out) {
  auto v = date_value(*m.iso, "an ISO 8601 date");
  v.has_year = true;
  out.push_back(std::move(v));
  return true;
}

// The year of a month and day written without one.
std::optional<CivilDate> infer_year(int month, int day, const Context& c, Tense tense) {
  int y = year_of(c.ref.published);
  std::vector<CivilDate> candidates;
  for (int dy : {-1, 0, 1})
    if (auto d = CivilDate::from_ymd(y + dy, static_cast<unsigned>(month), static_cast<unsigned>(day))) candidates.push_back(*d);
  return choose(candidates, c.ref.published, tense);
}

bool month_day(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  auto tense = tense_of(c);
  auto d = infer_year(m.month[0], m.day[0], c, tense);
  if (!d) return false;
  out.push_back(date_value(*d, fmt::format("no year: the one nearest the publication date ({})", tense_name(tense)), Certainty::inferred));
  return true;
}

bool ordinal_day(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  // "the 30th" is a day only where a noun does not follow ("the 20th anniversary", "the 47th summit").
  if (c.last < c.tokens.size()) {
    const auto& next = c.tokens[c.last];
    static constexpr std::array<std::string_view, 12> kAfterDay{",", ".", ";", ")", "at", "in", "and", "when", "to", "or", "as", "\""};
    if (std::find(kAfterDay.begin(), kAfterDay.end(), next.lower) == kAfterDay.end()) return false;
  }
  auto tense = tense_of(c);
  int y = year_of(c.ref.published), mo = month_of(c.ref.published);
  std::vector<CivilDate> candidates;
  for (int delta : {-1, 0, 1}) {
    auto [yy, mm] = add_months(y, mo, delta);
    if (auto d = CivilDate::from_ymd(yy, static_cast<unsigned>(mm), static_cast<unsigned>(m.day[0]))) candidates.push_back(*d);
  }
  auto d = choose(candidates, c.ref.published, tense);
  if (!d) return false;
  out.push_back(date_value(*d, fmt::format("day of the month alone: the month nearest the publication date ({})", tense_name(tense)),
                           Certainty::inferred));
  return true;
}

// "on Sunday": past tense the Sunday just gone (or today), future the coming one (or today: wire
// reports filed on a Sunday say "on Sunday evening" for that evening), no cue the nearest.
bool weekday_by_tense(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  // "Sunday Times", "Monday Club": a weekday that starts a name is not a day.
  if (c.last < c.tokens.size() && c.tokens[c.last].capital && !detail::month_number(c.tokens[c.last].lower)) return false;
  auto tense = tense_of(c);
  int diff_back = (wday(c.ref.published) - m.weekday[0] + 7) % 7;  // 0..6 days back
  int diff_ahead = (m.weekday[0] - wday(c.ref.published) + 7) % 7;  // 0..6 days ahead
  int offset = 0;
  if (tense == Tense::past) offset = -diff_back;
  else if (tense == Tense::future) offset = diff_ahead;  // "will host a dinner on Sunday evening", filed on Sunday
  else offset = diff_back <= diff_ahead ? -diff_back : diff_ahead;
  out.push_back(date_value(c.ref.published.plus_days(offset),
                           fmt::format("weekday, {}: {}", tense_name(tense), offset == 0 ? "the publication day" : offset < 0 ? "the one just gone" : "the coming one"),
                           tense == Tense::unknown ? Certainty::guess : Certainty::inferred));
  return true;
}

// "last Thursday" (1–7 days back), "next Thursday" (1–7 ahead), "this Thursday" (0–6 ahead).
bool weekday_shifted(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  int back = (wday(c.ref.published) - m.weekday[0] + 7) % 7;
  int ahead = (m.weekday[0] - wday(c.ref.published) + 7) % 7;
  int offset = c.param < 0 ? -(back == 0 ? 7 : back) : c.param > 0 ? (ahead == 0 ? 7 : ahead) : ahead;
  out.push_back(date_value(c.ref.published.plus_days(offset), "weekday named with last/next/this", Certainty::inferred));
  return true;
}

bool weekday_with_date(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  if (!month_day(m, c, out)) return false;
  if (wday(*out.back().first) != m.weekday[0]) {
    out.back().certainty = Certainty::guess;
    out.back().why += "; the weekday written does not fall on this date";
  }
  return true;
}

bool weekday_range(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  Captures first = m;
  if (!weekday_by_tense(first, c, out)) return false;
  auto start = *out.back().first;
  int span = (m.weekday[1] - m.weekday[0] + 7) % 7;
  out.back() = range_value(start, start.plus_days(span), "weekday to weekday");
  return true;
}

bool relative_day(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  out.push_back(date_value(c.ref.published.plus_days(c.param), "relative to the publication day"));
  return true;
}

// Parts of a month or week or year: param = delta * 10 + part.
enum Part { whole = 0, early = 1, mid = 2, late = 3, later_this = 4, earlier_this = 5, weekend = 6 };

std::pair<int, int> part_days(int part, int last) {
  switch (part) {
    case early: return {1, 10};
    case mid: return {11, 20};
    case late: return {21, last};
    default: return {1, last};
  }
}

TemporalValue month_part(int y, int m, int part, const Context& c, std::string why) {
  int last = last_day(y, m);
  if (part == whole) return edtf_value(month_text(y, m), ymd(y, m, 1), ymd(y, m, last), std::move(why));
  if (part == later_this || part == earlier_this) {
    auto pub = c.ref.published;
    auto from = part == later_this ? pub.plus_days(1) : ymd(y, m, 1);
    auto to = part == later_this ? ymd(y, m, last) : pub.plus_days(-1);
    if (to < from) to = from;
    return range_value(from, to, std::move(why));
  }
  auto [a, b] = part_days(part, last);
  return range_value(ymd(y, m, a), ymd(y, m, b), std::move(why));
}

bool month_relative(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  int delta = c.param / 10, part = c.param % 10;
  if (c.param < 0) delta = -((-c.param) / 10), part = (-c.param) % 10;
  auto [y, m] = add_months(year_of(c.ref.published), month_of(c.ref.published), delta);
  out.push_back(month_part(y, m, part, c, "month relative to the publication date"));
  return true;
}

bool named_month_part(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  int y = m.year;
  if (y == 0) {
    auto d = infer_year(m.month[0], 1, c, tense_of(c));
    if (!d) return false;
    y = year_of(*d);
    // A month written alone is read whole for the nearest year: compare with the month, not its 1st.
    int pub_index = year_of(c.ref.published) * 12 + month_of(c.ref.published);
    auto tense = tense_of(c);
    int best = 0;
    std::optional<int> best_distance;
    for (int dy : {-1, 0, 1}) {
      int index = (year_of(c.ref.published) + dy) * 12 + m.month[0];
      int diff = index - pub_index;
      if (tense == Tense::past && diff > 0) continue;
      if (tense == Tense::future && diff < 0) continue;
      if (!best_distance || std::abs(diff) < *best_distance) best = year_of(c.ref.published) + dy, best_distance = std::abs(diff);
    }
    if (best_distance) y = best;
  }
  out.push_back(month_part(y, m.month[0], c.param, c, m.year ? "a named month" : "a named month, the year nearest the publication date"));
  if (m.year) out.back().has_year = true;
  return true;
}

bool week_relative(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  int delta = c.param / 10, part = c.param % 10;
  if (c.param < 0) delta = -((-c.param) / 10), part = (-c.param) % 10;
  auto pub = c.ref.published;
  auto monday = monday_of(pub).plus_days(7 * delta);
  auto sunday = monday.plus_days(6);
  if (part == later_this) monday = pub.plus_days(1) < sunday ? pub.plus_days(1) : sunday;
  if (part == earlier_this) sunday = pub.plus_days(-1) > monday ? pub.plus_days(-1) : monday;
  if (part == weekend) monday = sunday.plus_days(-1);
  out.push_back(range_value(monday, sunday, "week relative to the publication date (weeks start on Monday)"));
  return true;
}

bool year_relative(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  int delta = c.param / 10, part = c.param % 10;
  if (c.param < 0) delta = -((-c.param) / 10), part = (-c.param) % 10;
  int y = year_of(c.ref.published) + delta;
  std::string why = "year relative to the publication date";
  switch (part) {
    case early: out.push_back(edtf_value(fmt::format("{}-01/{}-04", y, y), ymd(y, 1, 1), ymd(y, 4, 30), why)); break;
    case mid: out.push_back(edtf_value(fmt::format("{}-05/{}-08", y, y), ymd(y, 5, 1), ymd(y, 8, 31), why)); break;
    case late: out.push_back(edtf_value(fmt::format("{}-09/{}-12", y, y), ymd(y, 9, 1), ymd(y, 12, 31), why)); break;
    case later_this: out.push_back(range_value(c.ref.published.plus_days(1), ymd(y, 12, 31), why)); break;
    case earlier_this: out.push_back(range_value(ymd(y, 1, 1), c.ref.published.plus_days(-1), why)); break;
    default: out.push_back(edtf_value(fmt::format("{}", y), ymd(y, 1, 1), ymd(y, 12, 31), why));
  }
  return true;
}

bool named_year(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  Context shifted = c;
  int delta = m.year - year_of(c.ref.published);
  shifted.param = delta * 10 + c.param;
  if (delta < 0) shifted.param = -((-delta) * 10 + c.param);
  if (!year_relative(m, shifted, out)) return false;
  out.back().has_year = true;
  return true;
}

bool date_range(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  int month2 = m.month[1] ? m.month[1] : m.month[0];
  int day1 = m.day[0], day2 = m.day[1];
  std::optional<CivilDate> first;
  if (m.year) first = CivilDate::from_ymd(m.year, static_cast<unsigned>(m.month[0]), static_cast<unsigned>(day1));
  else first = infer_year(m.month[0], day1, c, tense_of(c));
  if (!first) return false;
  int y2 = year_of(*first) + (month2 < m.month[0] ? 1 : 0);
  auto last = CivilDate::from_ymd(y2, static_cast<unsigned>(month2), static_cast<unsigned>(day2));
  if (!last || *last < *first) return false;
  out.push_back(range_value(*first, *last, "a range of dates"));
  return true;
}

// "two weeks ago", "in three days": counted from the publication day.
bool counted_from_publication(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  if (m.num < 0) return false;
  // "in six years" more often means "for the first time in six years" than a date; only days and
  // weeks ahead are counted ("in ten days", "in two weeks").
  if (c.param > 0 && !m.unit_days) return false;
  int sign = c.param;
  auto pub = c.ref.published;
  if (m.unit_days) {
    out.push_back(date_value(pub.plus_days(sign * m.num * static_cast<int>(m.unit / kDay)), "counted from the publication day"));
  } else if (m.unit_months == 1) {
    auto [y, mo] = add_months(year_of(pub), month_of(pub), sign * m.num);
    out.push_back(month_part(y, mo, whole, c, "months counted from the publication date"));
  } else if (m.unit_months == 12) {
    out.push_back(edtf_value(fmt::format("{}", year_of(pub) + sign * m.num), std::nullopt, std::nullopt, "years counted from the publication date"));
  } else {
    return false;  // "three hours ago": a time we cannot place without the hour of filing
  }
  return true;
}

bool time_of_day(const Captures& m, const Context&, std::vector<TemporalValue>& out) {
  if (m.hour < 0) return false;
  TemporalValue v;
  v.kind = ValueKind::time_of_day;
  v.text = fmt::format("T{:02}:{:02}", m.hour, m.minute);
  v.local_time = CivilDateTime{CivilDate{}, seconds{m.hour * 3600 + m.minute * 60}};
  if (m.has_zone) v.zone_name = m.zone;
  out.push_back(std::move(v));
  return true;
}

TemporalValue duration_value(seconds d, std::string why) {
  TemporalValue v;
  v.kind = ValueKind::duration;
  v.duration = d;
  v.text = to_iso_duration(d);
  v.why = std::move(why);
  return v;
}

bool duration(const Captures& m, const Context&, std::vector<TemporalValue>& out) {
  if (m.num <= 0 || m.unit_months) return false;
  out.push_back(duration_value(m.unit * m.num, "a stated length"));
  return true;
}

bool duration_and_half(const Captures& m, const Context&, std::vector<TemporalValue>& out) {
  if (m.num <= 0 || m.unit_months) return false;
  out.push_back(duration_value(m.unit * m.num + m.unit / 2, "a stated length"));
  return true;
}

bool fixed_holiday(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  auto d = infer_year(c.param / 100, c.param % 100, c, tense_of(c));
  if (!d) return false;
  out.push_back(date_value(*d, "a holiday on a fixed date, the year nearest the publication date", Certainty::inferred));
  return true;
}

TemporalValue relation_value(RelationType type, std::optional<seconds> gap, bool in_days, std::string why) {
  TemporalValue v;
  v.kind = ValueKind::relation;
  v.relation = type;
  v.gap = gap;
  v.gap_in_days = in_days;
  v.text = std::string{to_string(type)};
  if (gap) {
    v.text += ' ';
    v.text += to_iso_duration(*gap);
  }
  v.why = std::move(why);
  return v;
}

// param: 0 before, 1 after, 2 during, 3 prepares.
constexpr std::array<RelationType, 4> kRelationOf{RelationType::before, RelationType::after, RelationType::during, RelationType::prepares};

bool relation_with_gap(const Captures& m, const Context& c, std::vector<TemporalValue>& out) {
  if (m.num <= 0) return false;
  if (m.unit_months) {
    out.push_back(relation_value(kRelationOf[static_cast<std::size_t>(c.param)], std::nullopt, false,
                                 "a gap in months or years: not a fixed length, kept in the note"));
    return true;
  }
  out.push_back(relation_value(kRelationOf[static_cast<std::size_t>(c.param)], m.unit * m.num, m.unit_days, "a stated gap to another event"));
  return true;
}

bool relation_fixed_gap(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  // param: 0 the day before / the eve of, 1 the day after
  out.push_back(relation_value(kRelationOf[static_cast<std::size_t>(c.param)], kDay, true, "a day's gap to another event"));
  return true;
}

bool relation_only(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  out.push_back(relation_value(kRelationOf[static_cast<std::size_t>(c.param)], std::nullopt, false, "a relation to another event"));
  return true;
}

// "when trading resumes": after the event, on the next weekday's opening (holidays unknown: a guess).
bool market_reopening(const Captures&, const Context& c, std::vector<TemporalValue>& out) {
  out.push_back(relation_value(RelationType::after, std::nullopt, false, "markets react after the news"));
  auto day = c.ref.published.plus_days(1);
  while (wday(day) == 0 || wday(day) == 6) day = day.plus_days(1);
  out.push_back(date_value(day, "the next weekday after publication (market holidays not known)", Certainty::guess));
  return true;
}

constexpr int P(int delta, int part) { return delta < 0 ? -(-delta * 10 + part) : delta * 10 + part; }

// A month or a year placed from the publication date: one list of phrases for both, "{}" standing
// for "month" or "year" ("early next month", "early next year"); some are said of months only.
struct PeriodPhrase {
  std::string_view pattern;
  std::string_view name;
  int param;
  bool months_only = false;
};

constexpr std::array<PeriodPhrase, 18> kPeriodPhrases{{
    {"last {}", "last {}", P(-1, whole)},
    {"this {}", "this {}", P(0, whole)},
    {"next {}", "next {}", P(1, whole)},
    {"later this {}", "later this {}", P(0, later_this)},
    {"earlier this {}", "earlier this {}", P(0, earlier_this)},
    {"early next {}", "early next {}", P(1, early)},
    {"mid DASH next {}", "mid next {}", P(1, mid), true},
    {"late next {}", "late next {}", P(1, late)},
    {"early last {}", "early last {}", P(-1, early)},
    {"late last {}", "late last {}", P(-1, late)},
    {"early this {}", "early this {}", P(0, early)},
    {"late this {}", "late this {}", P(0, late)},
    {"the end of the {}", "end of this {}", P(0, late)},
    {"the end of this {}", "end of this {}", P(0, late)},
    {"the end of next {}", "end of next {}", P(1, late), true},
    {"the end of last {}", "end of last {}", P(-1, late), true},
    {"the start of next {}", "start of next {}", P(1, early), true},
    {"the beginning of next {}", "start of next {}", P(1, early), true},
}};

enum class Period { month, year };

// kPeriodPhrases' rows for `period`, in the list's order, at the end of `rows`.
void append_period_rows(std::vector<Row>& rows, Period period) {
  auto unit = period == Period::month ? "month" : "year";
  for (const auto& phrase : kPeriodPhrases) {
    if (phrase.months_only && period != Period::month) continue;
    rows.push_back({fmt::format(fmt::runtime(phrase.pattern), unit), fmt::format(fmt::runtime(phrase.name), unit),
                    period == Period::month ? month_relative : year_relative, phrase.param});
  }
}

// One row per construction. Longer matches win; among equal lengths, the earlier row.
const std::vector<Row>& rows() {
  static const std::vector<Row> kRows = [] {
    std::vector<Row> rows{
        // Explicit dates.
        {"ISO", "ISO date", iso_date},
        {"MONTH DAY , YEAR", "month day year", full_date},
        {"MONTH DAY YEAR", "month day year", full_date},
        {"DAY MONTH YEAR", "day month year", full_date},
        {"DAY MONTH , YEAR", "day month year", full_date},
        {"the DAY of MONTH , YEAR", "day month year", full_date},
        {"the DAY of MONTH YEAR", "day month year", full_date},
        {"WEEKDAY , MONTH DAY , YEAR", "month day year", full_date},
        {"WEEKDAY , MONTH DAY YEAR", "month day year", full_date},
        {"WEEKDAY MONTH DAY YEAR", "month day year", full_date},
        {"WEEKDAY MONTH DAY , YEAR", "month day year", full_date},
        {"WEEKDAY , DAY MONTH YEAR", "day month year", full_date},
        {"WEEKDAY DAY MONTH YEAR", "day month year", full_date},
        {"MONTH DAY", "month day", month_day},
        {"DAY MONTH", "day month", month_day},
        {"the DAY of MONTH", "day month", month_day},
        {"WEEKDAY , MONTH DAY", "weekday with date", weekday_with_date},
        {"WEEKDAY MONTH DAY", "weekday with date", weekday_with_date},
        {"WEEKDAY , DAY MONTH", "weekday with date", weekday_with_date},
        {"WEEKDAY DAY MONTH", "weekday with date", weekday_with_date},
        {"WEEKDAY ( MONTH DAY )", "weekday with date", weekday_with_date},
        {"WEEKDAY ( DAY MONTH )", "weekday with date", weekday_with_date},
        {"the ORD", "day of the month", ordinal_day},
        // Ranges.
        {"MONTH DAY DASH MONTH DAY", "range", date_range},
        {"MONTH DAY DASH MONTH DAY , YEAR", "range", date_range},
        {"MONTH DAY DASH MONTH DAY YEAR", "range", date_range},
        {"MONTH DAY DASH DAY", "range", date_range},
        {"MONTH DAY DASH DAY , YEAR", "range", date_range},
        {"MONTH DAY DASH DAY YEAR", "range", date_range},
        {"DAY DASH DAY MONTH", "range", date_range},
        {"DAY DASH DAY MONTH YEAR", "range", date_range},
        {"DAY MONTH DASH DAY MONTH", "range", date_range},
        {"DAY MONTH DASH DAY MONTH YEAR", "range", date_range},
        {"from MONTH DAY to MONTH DAY", "range", date_range},
        {"from MONTH DAY to DAY", "range", date_range},
        {"from DAY to DAY MONTH", "range", date_range},
        {"from DAY MONTH to DAY MONTH", "range", date_range},
        {"between MONTH DAY and MONTH DAY", "range", date_range},
        {"between MONTH DAY and DAY", "range", date_range},
        {"between DAY and DAY MONTH", "range", date_range},
        {"MONTH DAY through MONTH DAY", "range", date_range},
        {"MONTH DAY through DAY", "range", date_range},
        {"MONTH DAY and DAY", "range", date_range},
        {"DAY and DAY MONTH", "range", date_range},
        {"from WEEKDAY to WEEKDAY", "weekday range", weekday_range},
        {"from WEEKDAY until WEEKDAY", "weekday range", weekday_range},
        {"WEEKDAY DASH WEEKDAY", "weekday range", weekday_range},
        // Weekdays.
        {"WEEKDAY", "weekday by tense", weekday_by_tense},
        {"last WEEKDAY", "last weekday", weekday_shifted, -1},
        {"next WEEKDAY", "next weekday", weekday_shifted, 1},
        {"this WEEKDAY", "this weekday", weekday_shifted, 0},
        {"this coming WEEKDAY", "this weekday", weekday_shifted, 0},
        // Holidays with a fixed date (param: month * 100 + day).
        {"new year 's day", "holiday", fixed_holiday, 101},
        {"new year 's eve", "holiday", fixed_holiday, 1231},
        {"christmas day", "holiday", fixed_holiday, 1225},
        {"christmas eve", "holiday", fixed_holiday, 1224},
        {"christmas", "holiday", fixed_holiday, 1225},
        // Days relative to publication.
        {"today", "today", relative_day, 0},
        {"tonight", "today", relative_day, 0},
        {"this morning", "today", relative_day, 0},
        {"this afternoon", "today", relative_day, 0},
        {"this evening", "today", relative_day, 0},
        {"earlier today", "today", relative_day, 0},
        {"later today", "today", relative_day, 0},
        {"yesterday", "yesterday", relative_day, -1},
        {"tomorrow", "tomorrow", relative_day, 1},
        {"the day after tomorrow", "day after tomorrow", relative_day, 2},
        {"the day before yesterday", "day before yesterday", relative_day, -2},
        {"NUM UNIT ago", "ago", counted_from_publication, -1},
        {"in NUM UNIT ' time", "in N units", counted_from_publication, 1},
        {"in NUM UNIT", "in N units", counted_from_publication, 1},
        {"NUM UNIT from now", "in N units", counted_from_publication, 1},
        // Weeks.
        {"last week", "last week", week_relative, P(-1, whole)},
        {"this week", "this week", week_relative, P(0, whole)},
        {"next week", "next week", week_relative, P(1, whole)},
        {"later this week", "later this week", week_relative, P(0, later_this)},
        {"earlier this week", "earlier this week", week_relative, P(0, earlier_this)},
        {"this weekend", "this weekend", week_relative, P(0, weekend)},
        {"last weekend", "last weekend", week_relative, P(-1, weekend)},
        {"next weekend", "next weekend", week_relative, P(1, weekend)},
        // Named months.
        {"early MONTH", "early month", named_month_part, early},
        {"early DASH MONTH", "early month", named_month_part, early},
        {"mid DASH MONTH", "mid month", named_month_part, mid},
        {"mid MONTH", "mid month", named_month_part, mid},
        {"the middle of MONTH", "mid month", named_month_part, mid},
        {"late MONTH", "late month", named_month_part, late},
        {"late DASH MONTH", "late month", named_month_part, late},
        {"the end of MONTH", "late month", named_month_part, late},
        {"end DASH MONTH", "late month", named_month_part, late},
        {"the start of MONTH", "early month", named_month_part, early},
        {"the beginning of MONTH", "early month", named_month_part, early},
        {"early MONTH YEAR", "early month", named_month_part, early},
        {"mid DASH MONTH YEAR", "mid month", named_month_part, mid},
        {"late MONTH YEAR", "late month", named_month_part, late},
        {"the end of MONTH YEAR", "late month", named_month_part, late},
        {"MONTH YEAR", "month year", named_month_part, whole},
        {"in MONTH", "month", named_month_part, whole},
        {"since MONTH", "month", named_month_part, whole},
        {"until MONTH", "month", named_month_part, whole},
        {"by MONTH", "month", named_month_part, whole},
        {"in MONTH YEAR", "month year", named_month_part, whole},
        // Named years.
        {"in YEAR", "year", named_year, whole},
        {"by YEAR", "year", named_year, whole},
        {"early YEAR", "early year", named_year, early},
        {"late YEAR", "late year", named_year, late},
        // Times of day (merged into a date afterwards).
        {"TIME", "time", time_of_day},
        // Durations.
        {"NUM DASH UNIT", "duration", duration},
        {"NUM DASH UNIT DASH long", "duration", duration},
        {"NUM UNIT DASH long", "duration", duration},
        {"for NUM UNIT", "duration", duration},
        {"NUM and a half UNIT", "duration and a half", duration_and_half},
        {"for about NUM UNIT", "duration", duration},
        {"for nearly NUM UNIT", "duration", duration},
        {"lasted NUM UNIT", "duration", duration},
        {"lasted about NUM UNIT", "duration", duration},
        {"lasted nearly NUM UNIT", "duration", duration},
        {"NUM UNIT of", "duration", duration},
        // Relations to other events.
        {"NUM UNIT before", "N units before", relation_with_gap, 0},
        {"NUM UNIT ahead of", "N units before", relation_with_gap, 0},
        {"NUM UNIT prior to", "N units before", relation_with_gap, 0},
        {"NUM UNIT after", "N units after", relation_with_gap, 1},
        {"NUM UNIT later", "N units after", relation_with_gap, 1},
        {"NUM UNIT following", "N units after", relation_with_gap, 1},
        {"NUM UNIT earlier", "N units before", relation_with_gap, 0},
        {"the day before ANCHOR", "the day before", relation_fixed_gap, 0},
        {"on the eve of", "the eve of", relation_fixed_gap, 0},
        {"the day after ANCHOR", "the day after", relation_fixed_gap, 1},
        {"ahead of", "ahead of", relation_only, 0},
        {"in the run DASH up to", "ahead of", relation_only, 0},
        {"in the lead DASH up to", "ahead of", relation_only, 0},
        {"before ANCHOR", "before", relation_only, 0},
        {"prior to", "before", relation_only, 0},
        {"after ANCHOR", "after", relation_only, 1},
        {"following ANCHOR", "following", relation_only, 1},
        {"in the wake of", "following", relation_only, 1},
        {"on the sidelines of", "sidelines", relation_only, 2},
        {"on the margins of", "sidelines", relation_only, 2},
        {"on the fringes of", "sidelines", relation_only, 2},
        {"during ANCHOR", "during", relation_only, 2},
        {"groundwork for", "groundwork", relation_only, 3},
        {"pave the way for", "paving the way", relation_only, 3},
        {"paves the way for", "paving the way", relation_only, 3},
        {"paving the way for", "paving the way", relation_only, 3},
        {"paved the way for", "paving the way", relation_only, 3},
        {"in preparation for", "preparation", relation_only, 3},
        {"to prepare for", "preparation", relation_only, 3},
        {"preparations for", "preparation", relation_only, 3},
        {"when trading resumes", "trading resumes", market_reopening},
        {"when trading reopens", "trading resumes", market_reopening},
        {"when markets reopen", "trading resumes", market_reopening},
        {"when markets open", "trading resumes", market_reopening},
    };
    // Months and years relative to publication: no written row reads the same words.
    append_period_rows(rows, Period::month);
    append_period_rows(rows, Period::year);
    return rows;
  }();
  return kRows;
}

struct CompiledRow {
  std::vector<Element> elements;
  const Row* row;
};

const std::vector<CompiledRow>& compiled() {
  static const std::vector<CompiledRow> kCompiled = [] {
    std::vector<CompiledRow> out;
    static constexpr std::array<std::pair<std::string_view, Slot>, 11> kSlots{{
        {"MONTH", Slot::month}, {"DAY", Slot::day}, {"ORD", Slot::ord}, {"YEAR", Slot::year}, {"WEEKDAY", Slot::weekday},
        {"NUM", Slot::num}, {"UNIT", Slot::unit}, {"DASH", Slot::dash}, {"TIME", Slot::time}, {"ISO", Slot::iso},
        {"ANCHOR", Slot::anchor}}};
    for (const auto& row : rows()) {
      CompiledRow c{{}, &row};
      std::size_t i = 0;
      std::string_view p = row.pattern;
      while (i < p.size()) {
        auto j = p.find(' ', i);
        if (j == std::string_view::npos) j = p.size();
        auto word = p.substr(i, j - i);
        Element e{Slot::literal, std::string{word}};
        for (auto [name, slot] : kSlots)
          if (word == name) e.slot = slot;
        c.elements.push_back(std::move(e));
        i = j + 1;
      }
      out.push_back(std::move(c));
    }
    return out;
  }();
  return kCompiled;
}

// What may follow "after", "before", "during" when they introduce another event: a determiner, a
// name ("after Busan"), or a weekday's possessive ("during Thursday's meeting"); not a bare date.
bool is_anchor_start(const std::vector<Token>& tokens, std::size_t k) {
  static constexpr std::array<std::string_view, 13> kWords{"the", "a", "an", "their", "his", "her", "its", "this", "that",
                                                          "last", "next", "talks", "our"};
  const auto& t = tokens[k];
  if (std::find(kWords.begin(), kWords.end(), t.lower) != kWords.end()) return true;
  if (!t.capital || t.digits) return false;
  if (detail::month_number(t.lower) || detail::weekday_number(t.lower) >= 0)
    return k + 1 < tokens.size() && tokens[k + 1].lower == "'s";
  return true;
}

struct UnitWord {
  std::string_view word;
  seconds length;
  bool days;
  int months;
};

constexpr std::array<UnitWord, 16> kUnits{{
    {"minute", kMinute, false, 0}, {"minutes", kMinute, false, 0}, {"min", kMinute, false, 0},
    {"hour", kHour, false, 0}, {"hours", kHour, false, 0}, {"day", kDay, true, 0}, {"days", kDay, true, 0},
    {"week", 7 * kDay, true, 0}, {"weeks", 7 * kDay, true, 0}, {"fortnight", 14 * kDay, true, 0},
    {"month", seconds{0}, false, 1}, {"months", seconds{0}, false, 1}, {"year", seconds{0}, false, 12},
    {"years", seconds{0}, false, 12}, {"night", kDay, true, 0}, {"nights", kDay, true, 0},
}};

// Matches a zone after a time at tokens[i]; returns tokens consumed.
std::size_t match_zone(const std::vector<Token>& tokens, std::size_t i, Captures& m) {
  std::size_t open = i < tokens.size() && tokens[i].lower == "(" ? 1 : 0;
  for (const auto& z : kZoneWords) {
    std::size_t k = i + open;
    std::size_t p = 0;
    bool ok = true;
    while (p < z.words.size()) {
      auto q = z.words.find(' ', p);
      if (q == std::string_view::npos) q = z.words.size();
      if (k >= tokens.size() || tokens[k].lower != z.words.substr(p, q - p)) {
        ok = false;
        break;
      }
      ++k;
      p = q + 1;
    }
    if (!ok) continue;
    m.has_zone = true;
    m.zone = std::string{z.zone};
    // "GMT+8", "UTC-5": a fixed offset.
    if (z.zone == "Z" && k + 1 < tokens.size() && (tokens[k].lower == "+" || tokens[k].lower == "–" || tokens[k].lower == "-") &&
        tokens[k + 1].digits) {
      int hours = 0;
      std::from_chars(tokens[k + 1].lower.data(), tokens[k + 1].lower.data() + tokens[k + 1].lower.size(), hours);
      if (hours <= 14) {
        m.zone = fmt::format("{}{:02}:00", tokens[k].lower == "+" ? '+' : '-', hours);
        k += 2;
      }
    }
    if (open && k < tokens.size() && tokens[k].lower == ")") ++k;
    else if (open) return 0;  // "(" that is not "(GMT)": leave it
    return k - i;
  }
  return 0;
}

// A time at tokens[i]: "11 a.m.", "11am", "10:30", "noon", "0200 GMT". Returns tokens consumed.
std::size_t match_time(const std::vector<Token>& tokens, std::size_t i, Captures& m) {
  const auto& t = tokens[i];
  std::size_t k = i + 1;
  int hour = -1, minute = 0;
  bool meridiem = false, pm = false;
  if (t.lower == "noon" || t.lower == "midday") hour = 12, meridiem = true;
  else if (t.lower == "midnight") hour = 0, meridiem = true;
  else if (t.digits) {
    std::string_view w = t.lower;
    auto ends = [&](std::string_view suffix) { return w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix; };
    if (ends("am") || ends("pm")) {
      meridiem = true;
      pm = ends("pm");
      w.remove_suffix(2);
    }
    int h = 0, mi = 0;
    auto colon = w.find(':');
    if (colon != std::string_view::npos) {
      if (std::from_chars(w.data(), w.data() + colon, h).ec != std::errc{} ||
          std::from_chars(w.data() + colon + 1, w.data() + w.size(), mi).ec != std::errc{} || w.size() - colon != 3)
        return 0;
    } else if (w.size() == 4 && !meridiem) {
      // "0200 GMT": only with a zone after it.
      if (std::from_chars(w.data(), w.data() + 2, h).ec != std::errc{} || std::from_chars(w.data() + 2, w.data() + 4, mi).ec != std::errc{})
        return 0;
      Captures probe;
      if (!match_zone(tokens, k, probe)) return 0;
    } else {
      if (std::from_chars(w.data(), w.data() + w.size(), h).ec != std::errc{} || w.size() > 2) return 0;
      if (!meridiem) {
        // "11 a.m.", "3 p.m.", "3 PM"
        if (k < tokens.size() && (tokens[k].lower == "a.m" || tokens[k].lower == "am" || tokens[k].lower == "p.m" || tokens[k].lower == "pm")) {
          meridiem = true;
          pm = tokens[k].lower[0] == 'p';
          ++k;
          if (k < tokens.size() && tokens[k].lower == "." && tokens[k - 1].lower.size() == 3) ++k;
        } else {
          return 0;  // a bare number is not a time
        }
      }
    }
    if (colon != std::string_view::npos && !meridiem && k < tokens.size() &&
        (tokens[k].lower == "a.m" || tokens[k].lower == "am" || tokens[k].lower == "p.m" || tokens[k].lower == "pm")) {
      meridiem = true;
      pm = tokens[k].lower[0] == 'p';
      ++k;
      if (k < tokens.size() && tokens[k].lower == "." && tokens[k - 1].lower.size() == 3) ++k;
    }
    if (meridiem && (h < 1 || h > 12)) return 0;
    if (h > 23 || mi > 59) return 0;
    hour = meridiem ? (h % 12) + (pm ? 12 : 0) : h;
    minute = mi;
  } else {
    return 0;
  }
  m.hour = hour;
  m.minute = minute;
  k += match_zone(tokens, k, m);
  return k - i;
}

// What each token can be, worked out once per sentence rather than once per row tried.
struct TokenClass {
  int month = 0;     // 1..12
  int day = 0;       // 1..31
  int weekday = -1;  // 0..6
  int number = -1;   // count_number
};

std::vector<TokenClass> classify(const std::vector<Token>& tokens) {
  std::vector<TokenClass> out(tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const auto& t = tokens[k];
    auto& c = out[k];
    if (t.digits) {
      c.day = detail::day_number(t.lower);
      c.number = detail::count_number(t.lower);
    } else if (t.lower.size() >= 1 && t.lower[0] >= 'a' && t.lower[0] <= 'z') {
      c.month = detail::month_number(t.lower);
      c.weekday = detail::weekday_number(t.lower);
      c.number = detail::count_number(t.lower);
    }
  }
  return out;
}

// Length of the match of `row` at tokens[i], or 0.
std::size_t match_row(const CompiledRow& row, const std::vector<Token>& tokens, const std::vector<TokenClass>& classes, std::size_t i,
                      Captures& m) {
  std::size_t k = i;
  for (const auto& e : row.elements) {
    if (e.slot == Slot::anchor) {
      if (k >= tokens.size() || !is_anchor_start(tokens, k)) return 0;
      continue;
    }
    if (k >= tokens.size()) return 0;
    const auto& t = tokens[k];
    switch (e.slot) {
      case Slot::literal:
        if (t.lower != e.word) return 0;
        ++k;
        break;
      case Slot::month: {
        int month = classes[k].month;
        // "May" and "March" are also words: as a month they need a number beside them or a capital.
        if (month == 0 || m.months_seen >= 2 || (!t.capital && (month == 5 || month == 3))) return 0;
        if (month == 5 && !t.capital) return 0;
        m.month[static_cast<std::size_t>(m.months_seen++)] = month;
        ++k;
        if (k < tokens.size() && tokens[k].lower == "." && t.lower.size() <= 4) ++k;
        break;
      }
      case Slot::day:
      case Slot::ord: {
        int day = classes[k].day;
        if (day == 0 || m.days_seen >= 2) return 0;
        if (e.slot == Slot::ord && (t.lower.size() < 3 || !std::isalpha(static_cast<unsigned char>(t.lower.back())))) return 0;
        m.day[static_cast<std::size_t>(m.days_seen++)] = day;
        ++k;
        break;
      }
      case Slot::year: {
        int y = 0;
        if (t.lower.size() != 4 || std::from_chars(t.lower.data(), t.lower.data() + 4, y).ec != std::errc{} || y < kFirstYear || y > kLastYear)
          return 0;
        m.year = y;
        ++k;
        break;
      }
      case Slot::weekday: {
        int w = classes[k].weekday;
        if (w < 0 || m.weekdays_seen >= 2 || (!t.capital && t.lower.size() <= 4)) return 0;
        m.weekday[static_cast<std::size_t>(m.weekdays_seen++)] = w;
        ++k;
        if (k < tokens.size() && tokens[k].lower == "." && t.lower.size() <= 4) ++k;
        break;
      }
      case Slot::num: {
        int n = classes[k].number;
        if (n < 0) return 0;
        m.num = n;
        ++k;
        break;
      }
      case Slot::unit: {
        auto it = std::find_if(kUnits.begin(), kUnits.end(), [&](const UnitWord& u) { return u.word == t.lower; });
        if (it == kUnits.end()) return 0;
        m.unit = it->length;
        m.unit_days = it->days;
        m.unit_months = it->months;
        ++k;
        break;
      }
      case Slot::dash:
        if (t.lower != "–" && t.lower != "-") return 0;
        ++k;
        break;
      case Slot::time: {
        auto n = match_time(tokens, k, m);
        if (n == 0) return 0;
        k += n;
        break;
      }
      case Slot::iso: {
        if (!t.digits || t.lower.size() != 10) return 0;
        m.iso = parse_civil_date(t.lower);
        if (!m.iso) return 0;
        ++k;
        break;
      }
      case Slot::anchor: break;
    }
  }
  return k - i;
}

// The rows that may match at a token, by their first element: rows that start with a word are
// found by that word, rows that start with a slot by what the token can be.
struct RowIndex {
  std::map<std::string, std::vector<const CompiledRow*>, std::less<>> by_word;
  std::array<std::vector<const CompiledRow*>, 12> by_slot;
};

const RowIndex& row_index() {
  static const RowIndex kIndex = [] {
    RowIndex index;
    for (const auto& row : compiled()) {
      const auto& e = row.elements.front();
      if (e.slot == Slot::literal) index.by_word[e.word].push_back(&row);
      else index.by_slot[static_cast<std::size_t>(e.slot)].push_back(&row);
    }
    return index;
  }();
  return kIndex;
}

template <typename F>
void for_candidate_rows(const Token& t, const TokenClass& c, F&& f) {
  const auto& index = row_index();
  if (auto it = index.by_word.find(t.lower); it != index.by_word.end())
    for (const auto* row : it->second) f(*row);
  auto slots = [&](Slot slot) {
    for (const auto* row : index.by_slot[static_cast<std::size_t>(slot)]) f(*row);
  };
  if (c.month) slots(Slot::month);
  if (c.day) slots(Slot::day), slots(Slot::ord);
  if (t.digits) slots(Slot::year), slots(Slot::iso), slots(Slot::time);
  if (t.lower == "noon" || t.lower == "midday" || t.lower == "midnight") slots(Slot::time);
  if (c.weekday >= 0) slots(Slot::weekday);
  if (c.number >= 0) slots(Slot::num);
}

// Reads a date-time in `zone_name` (IANA, "Z", "+08:00") or the reference zone: its offset there.
std::optional<seconds> offset_for(const CivilDateTime& local, const std::optional<std::string>& zone_name, const Reference& ref,
                                  std::string& why) {
  if (zone_name && *zone_name == "Z") return seconds{0};
  if (zone_name && !zone_name->empty() && ((*zone_name)[0] == '+' || (*zone_name)[0] == '-')) {
    int h = std::atoi(zone_name->c_str() + 1);
    return seconds{((*zone_name)[0] == '-' ? -1 : 1) * h * 3600};
  }
  Zone zone = ref.zone;
  if (zone_name && !zone_name->empty()) {
    auto found = ZoneDb::system().find(*zone_name);
    if (!found) return std::nullopt;
    zone = *found;
  }
  auto r = zone.resolve(local);
  if (r.kind != LocalKind::unique) why += "; the local time is ambiguous or skipped there";
  return r.first_offset;
}

void merge_times(std::vector<TemporalValue>& values, const Reference& ref) {
  // A second time right after the first in parentheses ("11 a.m. (0200 GMT)") restates it.
  for (std::size_t i = 1; i < values.size(); ++i)
    if (values[i].kind == ValueKind::time_of_day && values[i - 1].kind == ValueKind::time_of_day && values[i].begin <= values[i - 1].end + 2)
      values.erase(values.begin() + static_cast<std::ptrdiff_t>(i--));
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto& t = values[i];
    if (t.kind != ValueKind::time_of_day) continue;
    // The nearest single date in the sentence, else the publication day (a guess).
    std::optional<std::size_t> best;
    std::size_t best_distance = 0;
    for (std::size_t j = 0; j < values.size(); ++j) {
      if (values[j].kind != ValueKind::date && values[j].kind != ValueKind::date_time) continue;
      auto distance = values[j].begin > t.begin ? values[j].begin - t.end : t.begin - values[j].end;
      if (!best || distance < best_distance) best = j, best_distance = distance;
    }
    CivilDate day = best ? *values[*best].first : ref.published;
    CivilDateTime local{day, t.local_time->time_of_day()};
    TemporalValue v;
    v.kind = ValueKind::date_time;
    v.construction = best ? values[*best].construction + " + time" : "time on the publication day";
    v.why = best ? values[*best].why : "a time with no day: read on the publication day";
    v.certainty = best ? values[*best].certainty : Certainty::guess;
    auto offset = offset_for(local, t.zone_name, ref, v.why);
    if (!offset) continue;
    v.local_time = local;
    v.offset = *offset;
    v.zone_name = t.zone_name ? t.zone_name : std::optional<std::string>{ref.zone.name()};
    v.first = day;
    v.last = day;
    auto text = to_string(local);
    // The normal form: local time with its offset, "Z" for a zero offset.
    v.text = text.substr(0, 16) + (*offset == seconds{0} ? std::string{"Z"} : offset_to_string(*offset));
    v.begin = best ? std::min(values[*best].begin, t.begin) : t.begin;
    v.end = best ? std::max(values[*best].end, t.end) : t.end;
    if (best && values[*best].kind == ValueKind::date_time) {
      // "opens at 7 a.m. on 28 October and closes at 9 p.m.": the same day, a value of its own.
      v.begin = t.begin;
      v.end = t.end;
      t = std::move(v);
    } else if (best) {
      values[*best] = std::move(v);
      values.erase(values.begin() + static_cast<std::ptrdiff_t>(i--));
    } else {
      t = std::move(v);
    }
  }
}

}  // namespace

Tense tense_at(std::string_view sentence, std::size_t at) {
  auto tokens = detail::tokenize(sentence);
  std::size_t i = 0;
  while (i < tokens.size() && tokens[i].begin < at) ++i;
  return tense_near(tokens, i, i);
}

std::vector<TemporalValue> find_temporal(std::string_view sentence, const Reference& reference) {
  return detail::find_temporal_in(sentence, detail::tokenize(sentence), reference);
}

std::vector<TemporalValue> detail::find_temporal_in(std::string_view sentence, const std::vector<Token>& tokens, const Reference& reference) {
  std::vector<TemporalValue> values;
  auto classes = classify(tokens);
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t best_length = 0;
    const CompiledRow* best = nullptr;
    Captures best_captures;
    // Longer matches win; among equal lengths, the row that comes first in the table.
    for_candidate_rows(tokens[i], classes[i], [&](const CompiledRow& row) {
      Captures m;
      auto n = match_row(row, tokens, classes, i, m);
      if (n > best_length || (n == best_length && n > 0 && &row < best)) best_length = n, best = &row, best_captures = std::move(m);
    });
    if (!best) {
      ++i;
      continue;
    }
    Context c{reference, tokens, sentence, i, i + best_length, best->row->param};
    auto before = values.size();
    if (best->row->build(best_captures, c, values)) {
      for (auto k = before; k < values.size(); ++k) {
        values[k].construction = std::string{best->row->name};
        values[k].begin = tokens[i].begin;
        values[k].end = tokens[i + best_length - 1].end;
      }
      i += best_length;
    } else {
      values.resize(before);
      ++i;
    }
  }
  merge_times(values, reference);
  return values;
}

}  // namespace dipcal::draft
