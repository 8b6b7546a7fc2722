#include "dipcal/query/agenda.h"

namespace dipcal {

namespace {

AgendaEntry entry_on(const Calendar& calendar, const SelectedEvent& s, CivilDate day, const Zone& zone) {
  AgendaEntry entry{s.event, s.days.possible, std::nullopt};
  if (const auto* t = std::get_if<Timed>(&calendar.timeline().at(s.event).time)) entry.hours = hours_on(*t, day, zone);
  return entry;
}

}  // namespace

DayHours hours_on(const Timed& t, CivilDate day, const Zone& zone) {
  auto start = zone.to_civil(t.start), end = zone.to_civil(t.end);
  DayHours hours;
  if (start.date() == day) hours.start = start;
  if (end.date() == day) hours.end = end;
  hours.instant = t.start == t.end;
  return hours;
}

CivilDate today(const Zone& zone, Instant now) { return zone.to_civil(now).date(); }

std::vector<AgendaDay> agenda(const Calendar& calendar, CivilDate first, CivilDate last, const Zone& zone, const Selection& selection) {
  auto range = selection;
  range.from = first;
  range.to = last;
  auto selected = select(calendar, range, zone);
  std::vector<AgendaDay> days;
  for (auto day = first; day <= last; day = day.plus_days(1)) {
    AgendaDay out{day, {}};
    std::vector<AgendaEntry> possible;
    for (const auto& s : selected.events) {
      if (!s.days.contains(day)) continue;
      (s.days.possible ? possible : out.entries).push_back(entry_on(calendar, s, day, zone));
    }
    out.entries.insert(out.entries.end(), possible.begin(), possible.end());
    days.push_back(std::move(out));
  }
  return days;
}

}  // namespace dipcal
