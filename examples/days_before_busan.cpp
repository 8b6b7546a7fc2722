// How many days before the Trump–Xi meeting in Busan, counted from the end of the Kuala Lumpur talks?
// A program that uses the dipcal engine as an installed library (see docs/ENGINE.md):
//
//   days_before_busan /usr/share/dipcal/examples
//   → Trump–Xi meeting, Busan: 4 days after the end of US–China trade talks, Kuala Lumpur (counted in Asia/Seoul)
#include <dipcal/diagnostics.h>
#include <dipcal/lead_time.h>
#include <dipcal/load.h>
#include <dipcal/timeline.h>
#include <dipcal/version.h>

#include <iostream>
#include <variant>

namespace {

// An event by id, alias or unique prefix, or nullptr (with the reason on stderr).
const dipcal::Event* find(const dipcal::Timeline& timeline, std::string_view name) {
  auto found = timeline.find(name);
  if (auto* event = std::get_if<const dipcal::Event*>(&found)) return *event;
  std::cerr << "no single event is named '" << name << "'\n";
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: days_before_busan FIXTURES (a file or folder; dipcal " << dipcal::kVersion
              << " installs its example in share/dipcal/examples)\n";
    return 2;
  }
  // Every problem in the files is reported, each at file:line:col.
  dipcal::LoadResult loaded = dipcal::load_fixtures({argv[1]});
  for (const auto& problem : loaded.diagnostics.all()) std::cerr << dipcal::format_diagnostic(problem) << '\n';
  if (loaded.io_error || loaded.diagnostics.has_errors()) return 1;

  const dipcal::Event* talks = find(loaded.timeline, "kl-trade-talks");
  const dipcal::Event* busan = find(loaded.timeline, "busan");
  if (!talks || !busan) return 1;

  // From the end of the talks (their last day: they are all-day) to the start of the meeting, in
  // calendar days of the meeting's own zone.
  dipcal::LeadTime lead = dipcal::lead_time(dipcal::count_point(*talks, dipcal::EventSide::end),
                                            dipcal::count_point(*busan, dipcal::EventSide::start), busan->zone);
  if (!lead.days()) {
    std::cerr << "one of the two events has no exact date\n";
    return 1;
  }
  std::cout << busan->title << ": " << *lead.days() << " days after the end of " << talks->title << " (counted in "
            << busan->zone.name() << ")\n";
  return 0;
}
