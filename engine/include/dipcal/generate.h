// Synthetic diplomatic calendars for benchmarks and tests: realistic shapes, any size, the same bytes
// for the same seed on every machine.
//
// What a generated calendar holds: events in dozens of zones across both hemispheres and the date
// line; multi-day all-day summits with timed side meetings `during` them; chains of negotiating
// rounds, each `after` the one before with a gap; calls and deadlines; aliases; and tentative events
// with EDTF windows or none at all, placed by relations. Every relation holds by construction, so a
// generated calendar passes `dipcal check`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace dipcal {

struct GenerateOptions {
  std::size_t events = 10'000;
  std::uint64_t seed = 1;
  double relations_per_event = 1.5;  // on average; the temporal-network benchmark asks for 3
  std::size_t events_per_file = 10'000;
};

// Writes the calendar as YAML fixture texts: `write(file_name, text)` is called once per file, in
// order ("generated-0001.yaml", …). Returns the number of relations written.
std::size_t generate_calendar(const GenerateOptions& options,
                              const std::function<void(const std::string& name, const std::string& text)>& write);

}  // namespace dipcal
