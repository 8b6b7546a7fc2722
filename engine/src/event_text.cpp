#include "dipcal/event_text.h"

#include <fmt/format.h>

namespace dipcal {

std::string clock_text(const CivilDateTime& t) {
  auto hms = date::hh_mm_ss<std::chrono::seconds>{t.time_of_day()};
  if (hms.seconds().count() != 0)
    return fmt::format("{:02}:{:02}:{:02}", hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  return fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
}

std::string human_time_text(Instant i, const Zone& zone) {
  auto local = zone.to_civil(i);
  return fmt::format("{} {} {}", to_human(local.date()), clock_text(local), zone.at(i).abbrev);
}

std::string point_text(const Event& e, bool start) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) return to_string(start ? d->first : d->last);
  if (const auto* t = std::get_if<Timed>(&e.time)) return human_time_text(start ? t->start : t->end, e.zone);
  return {};
}

std::string local_date_text(const Event& e) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) {
    if (d->first == d->last) return to_string(d->first);
    return fmt::format("{} – {}", to_string(d->first), to_string(d->last));
  }
  if (const auto* t = std::get_if<Timed>(&e.time)) {
    auto local = e.zone.to_civil(t->start);
    return fmt::format("{} {} {}", to_string(local.date()), clock_text(local), e.zone.at(t->start).abbrev);
  }
  const auto& w = std::get<Window>(e.time);
  if (!w.earliest_first && !w.latest_last) return "undated";
  return fmt::format("window {} … {}", w.earliest_first ? to_string(*w.earliest_first) : std::string{".."},
                     w.latest_last ? to_string(*w.latest_last) : std::string{".."});
}

}  // namespace dipcal
