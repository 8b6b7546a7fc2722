#include "posix_rule.h"

#include "scan.h"

#include <array>
#include <algorithm>
#include <cctype>

namespace dipcal::detail {

namespace {

using std::chrono::seconds;

// An abbreviation: three or more letters, or anything alphanumeric/sign within <...>.
std::optional<std::string> scan_abbrev(Scanner& s) {
  std::string name;
  if (s.eat('<')) {
    while (!s.done() && s.peek() != '>') {
      char c = s.peek();
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-') return std::nullopt;
      name += c;
      s.eat(c);
    }
    if (!s.eat('>')) return std::nullopt;
  } else {
    while (std::isalpha(static_cast<unsigned char>(s.peek()))) {
      name += s.peek();
      s.eat(s.peek());
    }
  }
  if (name.size() < 3) return std::nullopt;
  return name;
}

// [+-]hh[:mm[:ss]] with hours up to max_hours.
std::optional<seconds> scan_hms(Scanner& s, long long max_hours) {
  int sign = 1;
  if (s.eat('-')) sign = -1;
  else s.eat('+');
  auto h = s.number(3);
  if (!h || *h > max_hours) return std::nullopt;
  long long total = *h * 3600;
  if (s.eat(':')) {
    auto m = s.digits(2);
    if (!m || *m > 59) return std::nullopt;
    total += *m * 60;
    if (s.eat(':')) {
      auto sec = s.digits(2);
      if (!sec || *sec > 59) return std::nullopt;
      total += *sec;
    }
  }
  return seconds{sign * total};
}

std::optional<PosixRule::When> scan_when(Scanner& s) {
  PosixRule::When w;
  if (s.eat('J')) {
    auto n = s.number(3);
    if (!n || *n < 1 || *n > 365) return std::nullopt;
    w.form = PosixRule::When::Form::julian_no_leap;
    w.day = static_cast<int>(*n);
  } else if (s.eat('M')) {
    auto m = s.number(2);
    if (!m || *m < 1 || *m > 12 || !s.eat('.')) return std::nullopt;
    auto wk = s.number(1);
    if (!wk || *wk < 1 || *wk > 5 || !s.eat('.')) return std::nullopt;
    auto d = s.number(1);
    if (!d || *d > 6) return std::nullopt;
    w.form = PosixRule::When::Form::month_week_day;
    w.month = static_cast<int>(*m);
    w.week = static_cast<int>(*wk);
    w.day = static_cast<int>(*d);
  } else {
    auto n = s.number(3);
    if (!n || *n > 365) return std::nullopt;
    w.form = PosixRule::When::Form::zero_based;
    w.day = static_cast<int>(*n);
  }
  if (s.eat('/')) {
    auto t = scan_hms(s, 167);
    if (!t) return std::nullopt;
    w.time = *t;
  }
  return w;
}

}  // namespace

date::local_seconds PosixRule::When::in_year(int year) const {
  date::year y{year};
  date::local_days first;
  switch (form) {
    case Form::julian_no_leap:
      // Jn counts 1..365 and never names 29 February.
      first = date::local_days{y / 1 / 1} + date::days{this->day - 1 + (y.is_leap() && this->day >= 60 ? 1 : 0)};
      break;
    case Form::zero_based:
      first = date::local_days{y / 1 / 1} + date::days{this->day};
      break;
    case Form::month_week_day: {
      auto m = date::month{static_cast<unsigned>(month)};
      auto wd = date::weekday{static_cast<unsigned>(this->day)};
      first = week == 5 ? date::local_days{y / m / wd[date::last]}
                      : date::local_days{y / m / wd[static_cast<unsigned>(week)]};
      break;
    }
  }
  return first + time;
}

std::optional<PosixRule> PosixRule::parse(std::string_view text) {
  Scanner s{text};
  PosixRule rule;
  auto std_name = scan_abbrev(s);
  if (!std_name) return std::nullopt;
  auto std_west = scan_hms(s, 24);
  if (!std_west) return std::nullopt;
  rule.std_abbrev_ = *std_name;
  rule.std_offset_ = -*std_west;
  if (s.done()) return rule;

  auto dst_name = scan_abbrev(s);
  if (!dst_name) return std::nullopt;
  rule.dst_abbrev_ = *dst_name;
  rule.dst_offset_ = rule.std_offset_ + std::chrono::hours{1};
  if (!s.done() && s.peek() != ',') {
    auto dst_west = scan_hms(s, 24);
    if (!dst_west) return std::nullopt;
    rule.dst_offset_ = -*dst_west;
  }
  // A rule with a daylight name but no dates is obsolete POSIX; TZif footers always give them.
  if (!s.eat(',')) return std::nullopt;
  auto start = scan_when(s);
  if (!start || !s.eat(',')) return std::nullopt;
  auto end = scan_when(s);
  if (!end || !s.done()) return std::nullopt;
  rule.start_ = *start;
  rule.end_ = *end;
  rule.has_dst_ = true;
  return rule;
}

ZoneReading PosixRule::at(Instant i) const {
  ZoneReading standard{std_offset_, std_abbrev_, false};
  if (!has_dst_) return standard;
  ZoneReading daylight{dst_offset_, dst_abbrev_, true};
  // The start time is local standard time, the end time local daylight time (POSIX). Collect the
  // transitions of the neighbouring years and take the last one at or before the instant.
  int year = static_cast<int>(date::year_month_day{date::floor<date::days>(i.time())}.year());
  struct Transition {
    date::sys_seconds at;
    bool to_dst;
  };
  std::array<Transition, 6> transitions{};
  std::size_t n = 0;
  for (int y = year - 1; y <= year + 1; ++y) {
    transitions[n++] = {date::sys_seconds{start_.in_year(y).time_since_epoch() - std_offset_}, true};
    transitions[n++] = {date::sys_seconds{end_.in_year(y).time_since_epoch() - dst_offset_}, false};
  }
  std::sort(transitions.begin(), transitions.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  bool in_dst = !transitions.front().to_dst;
  for (const auto& t : transitions) {
    if (t.at > i.time()) break;
    in_dst = t.to_dst;
  }
  return in_dst ? daylight : standard;
}

}  // namespace dipcal::detail
