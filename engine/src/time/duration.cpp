#include "dipcal/time/duration.h"

#include "scan.h"

#include <fmt/format.h>

#include <cstdlib>
#include <vector>

namespace dipcal {

namespace {

using std::chrono::seconds;

constexpr long long kMaxAmount = 1'000'000'000;  // keeps every product far from overflow
// No gap or length in a calendar of 1900–2100 exceeds its span; longer durations are typos.
constexpr seconds kMaxDuration{201LL * 366 * 86400};

std::optional<seconds> unit_seconds(char unit) {
  switch (unit) {
    case 'w': case 'W': return seconds{7 * 86400};
    case 'd': case 'D': return seconds{86400};
    case 'h': case 'H': return seconds{3600};
    case 'm': case 'M': return seconds{60};
    case 's': case 'S': return seconds{1};
    default: return std::nullopt;
  }
}

// P2W, P4D, PT1H40M, P1DT2H30M15S. Each designator at most once, in order, at least one present.
std::optional<seconds> parse_iso(std::string_view text) {
  detail::Scanner s{text.substr(1)};
  static constexpr std::string_view kDateUnits = "WD";
  static constexpr std::string_view kTimeUnits = "HMS";
  seconds total{0};
  bool any = false;
  bool in_time = false;
  bool weeks = false;
  std::size_t next_unit = 0;  // index into the current unit list: designators must come in order
  while (!s.done()) {
    if (s.eat('T')) {
      if (in_time || weeks) return std::nullopt;
      in_time = true;
      next_unit = 0;
      if (s.done()) return std::nullopt;  // "P1DT" has nothing after T
      continue;
    }
    auto amount = s.number(10);
    if (!amount || *amount > kMaxAmount) return std::nullopt;
    auto units = in_time ? kTimeUnits : kDateUnits;
    auto at = units.find(s.peek(), next_unit);
    if (s.done() || at == std::string_view::npos) return std::nullopt;
    // ISO 8601 does not combine weeks with other date units.
    if (!in_time && units[at] == 'D' && next_unit == 1 && any) return std::nullopt;
    weeks = weeks || (!in_time && units[at] == 'W');
    total += *amount * *unit_seconds(units[at]);
    s.eat(units[at]);
    next_unit = at + 1;
    any = true;
  }
  if (!any || total > kMaxDuration) return std::nullopt;
  return total;
}

}  // namespace

std::optional<seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == 'P') return parse_iso(text);
  detail::Scanner s{text};
  auto amount = s.number(10);
  if (!amount || *amount > kMaxAmount || s.done()) return std::nullopt;
  char unit = s.peek();
  if (unit < 'a' || unit > 'z') return std::nullopt;  // short forms are lower case: 4d, 36h
  auto per = unit_seconds(unit);
  s.eat(unit);
  if (!per || !s.done() || *amount * *per > kMaxDuration) return std::nullopt;
  return *amount * *per;
}

std::string to_iso_duration(seconds d) {
  std::string sign = d.count() < 0 ? "-" : "";
  auto total = std::llabs(d.count());
  if (total == 0) return "PT0S";
  auto days = total / 86400, h = total / 3600 % 24, m = total / 60 % 60, s = total % 60;
  std::string text = sign + "P";
  if (days) text += fmt::format("{}D", days);
  if (h || m || s) {
    text += "T";
    if (h) text += fmt::format("{}H", h);
    if (m) text += fmt::format("{}M", m);
    if (s) text += fmt::format("{}S", s);
  }
  return text;
}

}  // namespace dipcal
