#include "dipcal/query/agenda.h"

namespace dipcal {

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
      (s.days.possible ? possible : out.entries).push_back({s.event, s.days.possible});
    }
    out.entries.insert(out.entries.end(), possible.begin(), possible.end());
    days.push_back(std::move(out));
  }
  return days;
}

}  // namespace dipcal
