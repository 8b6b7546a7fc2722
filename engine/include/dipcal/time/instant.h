// Instant: a point on the UTC time line, to the second, independent of any zone.
//
//   auto i = parse_rfc3339("2025-10-30T02:00:00Z");
//   to_rfc3339(*i) == "2025-10-30T02:00:00Z"
//   parse_rfc3339("2025-10-30T11:00:00+09:00") is the same instant.
#pragma once

#include "dipcal/time/civil.h"

#include <date/date.h>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dipcal {

class Instant {
 public:
  constexpr Instant() = default;
  constexpr explicit Instant(date::sys_seconds time) : time_{time} {}
  static constexpr Instant from_unix(std::int64_t seconds) { return Instant{date::sys_seconds{std::chrono::seconds{seconds}}}; }

  [[nodiscard]] constexpr date::sys_seconds time() const { return time_; }
  [[nodiscard]] constexpr std::int64_t unix_seconds() const { return time_.time_since_epoch().count(); }

  friend constexpr auto operator<=>(const Instant&, const Instant&) = default;
  friend constexpr Instant operator+(Instant i, std::chrono::seconds d) { return Instant{i.time_ + d}; }
  friend constexpr Instant operator-(Instant i, std::chrono::seconds d) { return Instant{i.time_ - d}; }
  friend constexpr std::chrono::seconds operator-(Instant a, Instant b) { return a.time_ - b.time_; }

 private:
  date::sys_seconds time_{};
};

// A civil date-time that carries its own UTC offset, as in "2026-11-01T01:30-04:00".
struct OffsetDateTime {
  CivilDateTime local;
  std::chrono::seconds offset{0};
  [[nodiscard]] Instant instant() const { return Instant{date::sys_seconds{local.time().time_since_epoch() - offset}}; }
};

// RFC 3339 in UTC with a trailing Z: "2025-10-30T02:00:00Z".
std::string to_rfc3339(Instant i);
// The same text appended to `out`, without a string of its own: for listings of many instants.
void append_rfc3339(std::string& out, Instant i);
// "+09:00", "-04:00", "+05:45".
// "+09:00", "-04:56:02" (seconds only when not zero); `separator` "" gives ISO 8601's basic form,
// "+0900", as iCalendar writes it.
std::string offset_to_string(std::chrono::seconds offset, std::string_view separator = ":");

// YYYY-MM-DDTHH:MM[:SS] followed by Z or ±HH:MM (RFC 3339; seconds optional for hand-written input).
std::optional<OffsetDateTime> parse_offset_date_time(std::string_view text);
std::optional<Instant> parse_rfc3339(std::string_view text);

}  // namespace dipcal
