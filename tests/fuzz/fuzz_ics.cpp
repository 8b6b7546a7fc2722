// libFuzzer target: ICS import — the RFC 5545 reader (unfolding, parameters, escapes), TZID mapping,
// recurrence expansion over a fixed range, and the conversion of VEVENTs into events. It must never
// crash or hang, and every event it keeps must lie in the order of its own times.
#include "dipcal/ics/import.h"
#include "dipcal/ics/reader.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text{reinterpret_cast<const char*>(data), size};
  static const dipcal::ics::WindowsZones windows = dipcal::ics::WindowsZones::parse(
      "Korea Standard Time\t001\tAsia/Seoul\nEastern Standard Time\t001\tAmerica/New_York\n");
  dipcal::ics::ImportOptions options;
  options.windows = &windows;
  options.default_zone = dipcal::ZoneDb::system().find("Europe/Berlin");
  options.expand_from = dipcal::CivilDate::from_ymd(2025, 1, 1);
  options.expand_to = dipcal::CivilDate::from_ymd(2025, 12, 31);
  std::vector<dipcal::ics::InputFile> files{{"fuzz.ics", dipcal::ics::parse_stream(text)}};
  auto result = dipcal::ics::import_calendars(files, options);
  for (const auto& e : result.events) {
    auto s = e.start_utc(), f = e.end_utc();
    if (s && f && *f < *s) std::abort();
  }
  return 0;
}
