// How many days before the Trump–Xi meeting in Busan, counted from the end of the Kuala Lumpur talks?
// A program that uses the dipcal engine as an installed library (see docs/ENGINE.md):
//
//   days_before_busan /usr/share/dipcal/examples
//   → Trump–Xi meeting, Busan: 4 days after the end of US–China trade talks, Kuala Lumpur (counted in Asia/Seoul)
#include <dipcal/model/diagnostics.h>
#include <dipcal/query/calendar.h>
#include <dipcal/query/lead.h>
#include <dipcal/version.h>

#include <iostream>
#include <optional>
#include <variant>

namespace {

// An event's index by id, alias or unique prefix, or nothing (with the reason on stderr).
std::optional<std::size_t> find(const dipcal::Timeline& timeline, std::string_view name) {
  auto found = timeline.find(name);
  if (auto* event = std::get_if<const dipcal::Event*>(&found)) return static_cast<std::size_t>(*event - timeline.events().data());
  std::cerr << "no single event is named '" << name << "'\n";
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: days_before_busan FIXTURES (a file or folder; dipcal " << dipcal::kVersion
              << " installs its example in share/dipcal/examples)\n";
    return 2;
  }
  // The calendar, ready for questions: loaded (every problem at file:line:col) and its network solved.
  dipcal::Calendar calendar = dipcal::Calendar::open({argv[1]}, {});
  for (const auto& problem : calendar.diagnostics().all()) std::cerr << dipcal::format_diagnostic(problem) << '\n';
  if (calendar.load().io_error || !calendar.clean()) return 1;

  const auto& timeline = calendar.timeline();
  auto talks = find(timeline, "kl-trade-talks");
  auto busan = find(timeline, "busan");
  if (!talks || !busan) return 1;

  // One engine call: from the end of the talks to the start of the meeting, in calendar days of the
  // meeting's own zone (the README's rules for counting days).
  auto answer = dipcal::until(calendar, {*busan, dipcal::CountFromEvent{*talks, dipcal::EventSide::end}, std::nullopt});
  const auto& count = std::get<dipcal::CountAnswer>(answer);
  if (!count.count.days()) {
    std::cerr << "one of the two events has no exact date\n";
    return 1;
  }
  std::cout << timeline.at(*busan).title << ": " << *count.count.days() << " days after the end of " << timeline.at(*talks).title
            << " (counted in " << count.zone.name() << ")\n";
  return 0;
}
