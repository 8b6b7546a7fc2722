#include "parts.h"

#include "dipcal/ics/writer.h"
#include "dipcal/text/names.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace dipcal::ics::detail {

namespace {

// Calendar properties a fixture holds, or that say nothing a fixture needs (VERSION, PRODID…).
const std::set<std::string, std::less<>> kCalendarProperties{
    "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL",
    "X-PUBLISHED-TTL", "SOURCE", xprop::text(xprop::calendar)};

// The VEVENTs of one VCALENDAR; its other components (VTIMEZONE aside, which zones.cpp reads) are
// left out with a note.
void collect_calendar(const InputFile& file, const Component& cal, std::vector<Input>& sources, ImportLog& log) {
  for (const auto& p : cal.properties)
    if (!kCalendarProperties.count(p.name)) log.unknown_property(p.name, file, p.line);
  for (const auto& child : cal.children) {
    if (child.name == "VEVENT") sources.push_back({&child, &cal, &file});
    else if (child.name != "VTIMEZONE")
      log.add({file.name, child.line, child.name, fmt::format("dipcal imports events only; this {} is left out", child.name),
               ImportNote::Kind::left_out});
  }
}

}  // namespace

std::vector<Input> collect_events(const std::vector<InputFile>& files, ImportLog& log) {
  std::vector<Input> sources;
  for (const auto& file : files) {
    for (const auto& problem : file.stream.problems)
      log.add({file.name, problem.line, "content line", problem.message, ImportNote::Kind::note});
    for (const auto& cal : file.stream.calendars) {
      if (cal.name != "VCALENDAR") {
        log.add({file.name, cal.line, cal.name, "a component outside any VCALENDAR; left out",
                 cal.name == "VEVENT" ? ImportNote::Kind::event_lost : ImportNote::Kind::left_out});
        continue;
      }
      if (auto* scale = cal.find("CALSCALE"); scale && unescape_text(scale->value) != "GREGORIAN") {
        log.add({file.name, cal.line, "VCALENDAR",
                 fmt::format("CALSCALE:{} is not the Gregorian calendar; the whole calendar is left out", scale->value),
                 ImportNote::Kind::event_lost});
        continue;
      }
      collect_calendar(file, cal, sources, log);
    }
  }
  return sources;
}

ImportedCalendar name_calendar(const std::vector<Input>& sources) {
  ImportedCalendar calendar;
  if (sources.empty()) return calendar;
  // A dipcal export keeps the calendar id it was given, or none: no name is made up for it.
  bool dipcal_export = std::any_of(sources.begin(), sources.end(), [](const Input& s) { return s.event->find(xprop::text(xprop::id)) != nullptr; });
  const auto& s = sources.front();  // the first calendar names the fixture
  const auto* cal = s.calendar;
  auto name = text_of(cal->find("NAME"));
  if (name.empty()) name = text_of(cal->find("X-WR-CALNAME"));
  auto id = text_of(cal->find(xprop::text(xprop::calendar)));
  if (!dipcal_export && id.empty()) id = text::slugify(name.empty() ? std::filesystem::path{s.file->name}.stem().string() : name);
  if (id.empty() && !dipcal_export) id = "imported";
  calendar.id = text::is_slug(id) ? id : text::slugify(id);
  calendar.title = name.empty() ? calendar.id : name;
  if (auto source = text_of(cal->find("SOURCE")); text::is_web_address(source)) calendar.source = source;
  return calendar;
}

}  // namespace dipcal::ics::detail
