// The POSIX TZ rule that ends every TZif file (RFC 8536 section 3.3), e.g. "EST5EDT,M3.2.0,M11.1.0".
//
// date/ptz.h has a parser for these, but the Debian 12 copy (date 3.0.1) does not compile as C++20
// (ambiguous hh_mm_ss) and rejects negative transition times ("M3.5.0/-1", America/Nuuk today), so
// dipcal reads the rule itself. Sign convention: POSIX offsets count west of Greenwich ("EST5" is
// UTC-5); this class stores offsets as local = UTC + offset, like the rest of dipcal.
#pragma once

#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dipcal::detail {

class PosixRule {
 public:
  // Empty when the text is not a valid rule.
  static std::optional<PosixRule> parse(std::string_view text);

  [[nodiscard]] ZoneReading at(Instant i) const;
  [[nodiscard]] bool has_dst() const { return has_dst_; }

  // When in the year a transition happens: a date rule plus a local time of day (may be negative or
  // exceed 24 h, RFC 8536 section 3.3.1).
  struct When {
    enum class Form { julian_no_leap, zero_based, month_week_day } form = Form::month_week_day;
    int day = 0;  // Jn: 1..365; n: 0..365; Mm.w.d: weekday 0..6 (Sunday = 0)
    int month = 0;
    int week = 0;  // 1..5, 5 = last
    std::chrono::seconds time{2 * 3600};
    [[nodiscard]] date::local_seconds in_year(int year) const;
  };

 private:
  std::string std_abbrev_;
  std::string dst_abbrev_;
  std::chrono::seconds std_offset_{0};
  std::chrono::seconds dst_offset_{0};
  bool has_dst_ = false;
  When start_;
  When end_;
};

}  // namespace dipcal::detail
