// What `export ics` writes and `serve` answers /calendar.ics with: one function, so that a file and a
// feed of the same selection are the same bytes.
#pragma once

#include "filter.h"

#include "dipcal/ics/writer.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace dipcal::cli {

struct IcsSettings {
  std::string name;    // NAME and X-WR-CALNAME; empty: the calendar's id (ics::properties_for)
  std::string source;  // SOURCE, an http(s) URL; empty: none
  std::chrono::seconds refresh = std::chrono::hours{24};  // REFRESH-INTERVAL and X-PUBLISHED-TTL
  std::vector<std::chrono::seconds> alarms;  // offsets from each event's start, in any order
};

// --name and --refresh: what calendar clients are told about the calendar, as `export ics` writes it
// and `serve` feeds it.
struct FeedOptions {
  std::string name;
  std::string refresh;  // a duration (refresh_arg); its default is the command's

  void add_options(CLI::App& command);
};

// The calendar of the selected events. Alarms are written earliest first, each once, so the order
// they were asked in does not change the bytes.
ics::ExportResult write_ics(const Calendar& calendar, const SelectedEvents& selection, const IcsSettings& settings);

// --alarm's value (ics::parse_alarm_offset); UsageError naming `option` otherwise.
std::chrono::seconds alarm_arg(const std::string& text, const char* option);

// --refresh's value: a positive duration (duration.h); UsageError otherwise.
std::chrono::seconds refresh_arg(const std::string& text);

}  // namespace dipcal::cli
