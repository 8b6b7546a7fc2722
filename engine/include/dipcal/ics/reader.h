// Reading an iCalendar stream into its components (RFC 5545 section 3.4 and 3.6): a tree of
// BEGIN/END blocks, each with its content lines in file order. Nothing here interprets a value;
// import.h turns VEVENTs into events.
//
//   auto parsed = parse_stream(text);
//   parsed.calendars[0].name == "VCALENDAR";  parsed.calendars[0].children[0].name == "VEVENT"
//
// A line that cannot be parsed is reported with its line number and skipped; a component that is
// not closed (or closed with the wrong name) is reported and kept as far as it got.
#pragma once

#include "dipcal/ics/content_line.h"

#include <string>
#include <string_view>
#include <vector>

namespace dipcal::ics {

struct Component {
  std::string name;  // upper case: VCALENDAR, VEVENT, VTIMEZONE, STANDARD, …
  std::vector<ContentLine> properties;
  std::vector<Component> children;
  int line = 0;  // its BEGIN line

  // The first property of that name, or nullptr.
  [[nodiscard]] const ContentLine* find(std::string_view property) const;
  [[nodiscard]] std::vector<const ContentLine*> all(std::string_view property) const;
};

struct StreamProblem {
  int line = 0;
  std::string message;
};

struct ParsedStream {
  std::vector<Component> calendars;  // top-level VCALENDAR objects (a file may hold several)
  std::vector<StreamProblem> problems;
};

ParsedStream parse_stream(std::string_view text);

}  // namespace dipcal::ics
