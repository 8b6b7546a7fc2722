// Imported events written as a fixture (docs/FORMAT.md) that `dipcal check` accepts: the first line
// names the schema for editors, keys come in the order people write them, and every string that
// YAML 1.1 would read as something else (a number, a boolean, a date) is quoted.
//
//   # yaml-language-server: $schema=../schemas/dipcal-fixture.schema.json
//   calendar:
//     id: team-calendar
//     title: Team calendar
//   events:
//     - id: weekly-sync-20251104
//       title: Weekly sync
//       ...
//
// Timed events are written as local times in their zone, with the UTC offset only where the zone
// repeats that local time; windows keep the EDTF text they were written with.
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/ics/import.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::ics {

// Who wrote the fixture and what a person should check: a line under the schema's, and comments
// over an event (by id) for the values a tool guessed.
struct FixtureNotes {
  std::string made_by = "Imported by `dipcal import ics`";
  std::map<std::string, std::vector<std::string>> comments;
};

std::string write_fixture(const ImportedCalendar& calendar, const std::vector<Event>& events, std::string_view schema_path,
                          const FixtureNotes& notes = {});

// A YAML scalar for `text`: plain when that reads back as the same string, else double-quoted.
// `in_flow`: inside [ … ] or { … }, where commas and brackets end a plain scalar.
std::string yaml_string(std::string_view text, bool in_flow = false);

}  // namespace dipcal::ics
