#include "dipcal/ics/recurrence.h"

#include "dipcal/ics/values.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace dipcal::ics {

namespace {

std::optional<date::weekday> weekday_code(std::string_view code) {
  static constexpr std::string_view kCodes[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  for (unsigned i = 0; i < 7; ++i)
    if (code == kCodes[i]) return date::weekday{i};
  return std::nullopt;
}

std::optional<int> integer(std::string_view text) {
  int value = 0;
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return negative ? -value : value;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    auto at = text.find(sep);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

unsigned days_in_month(date::year y, date::month m) { return static_cast<unsigned>((y / m / date::last).day()); }

// The days of one month that a BYDAY list picks (ordinals count within the month).
std::vector<date::local_days> month_weekdays(date::year y, date::month m, const std::vector<WeekdayNum>& by_day) {
  std::vector<date::local_days> days;
  auto first = date::local_days{y / m / 1};
  auto n = days_in_month(y, m);
  for (const auto& wd : by_day) {
    std::vector<date::local_days> all;
    for (unsigned d = 0; d < n; ++d)
      if (date::weekday{first + date::days{d}} == wd.day) all.push_back(first + date::days{d});
    if (wd.ordinal == 0) days.insert(days.end(), all.begin(), all.end());
    else if (wd.ordinal > 0 && static_cast<std::size_t>(wd.ordinal) <= all.size()) days.push_back(all[static_cast<std::size_t>(wd.ordinal - 1)]);
    else if (wd.ordinal < 0 && static_cast<std::size_t>(-wd.ordinal) <= all.size()) days.push_back(all[all.size() - static_cast<std::size_t>(-wd.ordinal)]);
  }
  return days;
}

std::vector<date::local_days> month_days(date::year y, date::month m, const std::vector<int>& by_month_day) {
  std::vector<date::local_days> days;
  auto n = static_cast<int>(days_in_month(y, m));
  for (int d : by_month_day) {
    int day = d > 0 ? d : n + d + 1;
    if (day >= 1 && day <= n) days.push_back(date::local_days{y / m / date::day{static_cast<unsigned>(day)}});
  }
  return days;
}

bool in_months(const RecurrenceRule& r, date::month m) {
  return r.by_month.empty() || std::find(r.by_month.begin(), r.by_month.end(), static_cast<unsigned>(m)) != r.by_month.end();
}

bool matches_weekday(const RecurrenceRule& r, date::local_days d) {
  if (r.by_day.empty()) return true;
  return std::any_of(r.by_day.begin(), r.by_day.end(), [&](const WeekdayNum& w) { return w.day == date::weekday{d}; });
}

bool matches_month_day(const RecurrenceRule& r, date::local_days d) {
  if (r.by_month_day.empty()) return true;
  date::year_month_day ymd{d};
  auto n = static_cast<int>(days_in_month(ymd.year(), ymd.month()));
  auto day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return std::any_of(r.by_month_day.begin(), r.by_month_day.end(), [&](int m) { return m == day || n + m + 1 == day; });
}

// The first day of the period with index `k` (0 = the period holding DTSTART).
date::local_days period_start(const RecurrenceRule& r, date::local_days start, long long k) {
  date::year_month_day s{start};
  switch (r.freq) {
    case Frequency::daily: return start + date::days{k * r.interval};
    case Frequency::weekly: return start - (date::weekday{start} - r.week_start) + date::weeks{k * r.interval};
    case Frequency::monthly: return date::local_days{(date::year_month{s.year(), s.month()} + date::months{k * r.interval}) / 1};
    case Frequency::yearly: return date::local_days{(s.year() + date::years{k * r.interval}) / 1 / 1};
  }
  return start;
}

// The candidate days of the period with index `k` (0 = the period holding DTSTART).
std::vector<date::local_days> period_days(const RecurrenceRule& r, date::local_days start, long long k) {
  std::vector<date::local_days> days;
  date::year_month_day s{start};
  switch (r.freq) {
    case Frequency::daily: {
      auto d = start + date::days{k * r.interval};
      if (in_months(r, date::year_month_day{d}.month()) && matches_weekday(r, d) && matches_month_day(r, d)) days.push_back(d);
      break;
    }
    case Frequency::weekly: {
      // The week holding DTSTART begins on WKST.
      auto week0 = start - (date::weekday{start} - r.week_start);
      auto week = week0 + date::weeks{k * r.interval};
      for (int i = 0; i < 7; ++i) {
        auto d = week + date::days{i};
        bool picked = r.by_day.empty() ? date::weekday{d} == date::weekday{start} : matches_weekday(r, d);
        if (picked && in_months(r, date::year_month_day{d}.month())) days.push_back(d);
      }
      break;
    }
    case Frequency::monthly: {
      auto ym = date::year_month{s.year(), s.month()} + date::months{k * r.interval};
      if (!in_months(r, ym.month())) break;
      if (!r.by_day.empty()) {
        days = month_weekdays(ym.year(), ym.month(), r.by_day);
        if (!r.by_month_day.empty()) std::erase_if(days, [&](date::local_days d) { return !matches_month_day(r, d); });
      } else if (!r.by_month_day.empty()) {
        days = month_days(ym.year(), ym.month(), r.by_month_day);
      } else {
        days = month_days(ym.year(), ym.month(), {static_cast<int>(static_cast<unsigned>(s.day()))});
      }
      break;
    }
    case Frequency::yearly: {
      auto y = s.year() + date::years{k * r.interval};
      std::vector<date::month> months;
      if (r.by_month.empty()) months.push_back(s.month());
      for (auto m : r.by_month) months.emplace_back(m);
      for (auto m : months) {
        std::vector<date::local_days> more;
        if (!r.by_day.empty()) {
          more = month_weekdays(y, m, r.by_day);
          if (!r.by_month_day.empty()) std::erase_if(more, [&](date::local_days d) { return !matches_month_day(r, d); });
        } else if (!r.by_month_day.empty()) {
          more = month_days(y, m, r.by_month_day);
        } else {
          more = month_days(y, m, {static_cast<int>(static_cast<unsigned>(s.day()))});
        }
        days.insert(days.end(), more.begin(), more.end());
      }
      break;
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

}  // namespace

Parsed<RecurrenceRule> parse_rrule(std::string_view text) {
  RecurrenceRule r;
  bool has_freq = false;
  std::size_t at = 0;  // where the NAME=value part being read starts; 0 for the rule as a whole
  auto refuse = [&](std::string message) { return ParseError{std::move(message), at, "", {}}; };
  for (auto part : split(text, ';')) {
    if (part.empty()) continue;
    at = static_cast<std::size_t>(part.data() - text.data());
    auto eq = part.find('=');
    if (eq == std::string_view::npos) return refuse(fmt::format("'{}' is not NAME=value", part));
    auto name = part.substr(0, eq), value = part.substr(eq + 1);
    if (name == "FREQ") {
      has_freq = true;
      if (value == "DAILY") r.freq = Frequency::daily;
      else if (value == "WEEKLY") r.freq = Frequency::weekly;
      else if (value == "MONTHLY") r.freq = Frequency::monthly;
      else if (value == "YEARLY") r.freq = Frequency::yearly;
      else return refuse(fmt::format("FREQ={} is not supported (only DAILY, WEEKLY, MONTHLY and YEARLY)", value));
    } else if (name == "INTERVAL") {
      auto n = integer(value);
      if (!n || *n < 1 || *n > 10000) return refuse(fmt::format("INTERVAL={} is not a positive number", value));
      r.interval = *n;
    } else if (name == "COUNT") {
      auto n = integer(value);
      if (!n || *n < 1) return refuse(fmt::format("COUNT={} is not a positive number", value));
      r.count = *n;
    } else if (name == "UNTIL") {
      if (auto d = parse_date(value)) r.until = *d;
      else if (auto t = parse_date_time(value)) {
        if (const auto* utc = std::get_if<Instant>(&*t)) r.until = *utc;
        else r.until = std::get<CivilDateTime>(*t);
      } else {
        return refuse(fmt::format("UNTIL={} is not a date or date-time", value));
      }
    } else if (name == "BYDAY") {
      for (auto item : split(value, ',')) {
        if (item.size() < 2) return refuse(fmt::format("BYDAY {} is not a weekday", item));
        auto day = weekday_code(item.substr(item.size() - 2));
        auto ordinal = item.size() > 2 ? integer(item.substr(0, item.size() - 2)) : std::optional<int>{0};
        if (!day || !ordinal || *ordinal < -53 || *ordinal > 53) return refuse(fmt::format("BYDAY {} is not a weekday", item));
        r.by_day.push_back({*ordinal, *day});
      }
    } else if (name == "BYMONTHDAY") {
      for (auto item : split(value, ',')) {
        auto n = integer(item);
        if (!n || *n == 0 || *n < -31 || *n > 31) return refuse(fmt::format("BYMONTHDAY {} is not a day of a month", item));
        r.by_month_day.push_back(*n);
      }
    } else if (name == "BYMONTH") {
      for (auto item : split(value, ',')) {
        auto n = integer(item);
        if (!n || *n < 1 || *n > 12) return refuse(fmt::format("BYMONTH {} is not a month", item));
        r.by_month.push_back(static_cast<unsigned>(*n));
      }
    } else if (name == "WKST") {
      auto day = weekday_code(value);
      if (!day) return refuse(fmt::format("WKST={} is not a weekday", value));
      r.week_start = *day;
    } else {
      return refuse(fmt::format("{} is not supported", name));
    }
  }
  at = 0;
  if (!has_freq) return refuse("there is no FREQ");
  if (r.count && !std::holds_alternative<std::monostate>(r.until)) return refuse("COUNT and UNTIL cannot both be given");
  bool ordinals = std::any_of(r.by_day.begin(), r.by_day.end(), [](const WeekdayNum& w) { return w.ordinal != 0; });
  if (ordinals && (r.freq == Frequency::daily || r.freq == Frequency::weekly))
    return refuse("BYDAY with an ordinal only makes sense with FREQ=MONTHLY or YEARLY");
  if (r.freq == Frequency::yearly && !r.by_day.empty() && r.by_month.empty())
    return refuse("BYDAY under FREQ=YEARLY without BYMONTH (weeks of the year) is not supported");
  return r;
}

std::vector<CivilDateTime> expand(const RecurrenceRule& rule, const CivilDateTime& start, CivilDate last_day,
                                  const std::function<Instant(const CivilDateTime&)>& to_instant, std::size_t limit) {
  std::vector<CivilDateTime> out{start};
  auto time = start.time_of_day();
  auto past_until = [&](const CivilDateTime& t) {
    if (const auto* d = std::get_if<CivilDate>(&rule.until)) return t.date() > *d;
    if (const auto* l = std::get_if<CivilDateTime>(&rule.until)) return t > *l;
    if (const auto* i = std::get_if<Instant>(&rule.until)) return to_instant(t) > *i;
    return false;
  };
  // An empty period (the 31st in a 30-day month) is skipped; this many in a row means the rule
  // can never produce another day (BYMONTHDAY=31;BYMONTH=2).
  constexpr long long kMaxEmpty = 2000;
  long long empty = 0;
  for (long long k = 0; out.size() < limit; ++k) {
    if (period_start(rule, start.date().days(), k) > last_day.days()) break;
    auto days = period_days(rule, start.date().days(), k);
    if (days.empty() && ++empty > kMaxEmpty) break;
    if (!days.empty()) empty = 0;
    bool beyond = false;
    for (auto d : days) {
      CivilDateTime t{CivilDate{d}, time};
      if (t <= start) continue;
      if (t.date() > last_day || past_until(t) || (rule.count && out.size() >= static_cast<std::size_t>(*rule.count))) {
        beyond = true;
        break;
      }
      out.push_back(t);
      if (out.size() >= limit) break;
    }
    if (beyond) break;
  }
  if (rule.count && out.size() > static_cast<std::size_t>(*rule.count)) out.resize(static_cast<std::size_t>(*rule.count));
  return out;
}

}  // namespace dipcal::ics
