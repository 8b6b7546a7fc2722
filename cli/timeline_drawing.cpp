#include "timeline_drawing.h"

#include "atomic_write.h"
#include "format.h"

#include "dipcal/svg.h"
#include "dipcal/timeline_layout.h"

#include <fmt/format.h>

#include <cstdio>
#include <set>

namespace dipcal::cli {

void DrawingOptions::add_options(CLI::App& command) {
  filter.add_options(command);
  command.add_option("--lanes", lanes, "One lane per location, kind or group of actors (the events with the same actors share one)")
      ->check(CLI::IsMember({"location", "kind", "actor"}))
      ->capture_default_str();
  command.add_option("--width", width, "Width of the drawing in px")->check(CLI::Range(400.0, 20000.0))->capture_default_str();
  command.add_option("--title", title, "Title of the drawing (default: the calendar's id)");
  command.add_option("-o,--output", output, "Write to this file, atomically (default: standard output)");
}

Drawing draw_timeline(const DrawingOptions& options, Session& session) {
  auto selection = options.filter.selection();
  const auto& zone = session.zone();
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  auto [selected, calendars] = select(calendar, selection, zone);
  std::vector<std::size_t> indexes;
  for (const auto& s : selected) indexes.push_back(s.event);

  Drawing drawing;
  drawing.title = !options.title.empty()                         ? options.title
                  : calendars.size() == 1 && !calendars.begin()->empty() ? *calendars.begin()
                                                                         : std::string{"dipcal timeline"};
  drawing.zone = zone.name();
  drawing.events = indexes.size();

  LayoutOptions layout_options;
  layout_options.zone = zone;
  layout_options.width = options.width;
  layout_options.lanes = parse_lane_grouping(options.lanes).value_or(LaneGrouping::location);
  layout_options.now = session.now();  // the system clock without --now: the output then varies with it
  layout_options.first_day = selection.from;  // the axis runs over the days asked for
  layout_options.last_day = selection.to;
  layout_options.title = drawing.title;
  const auto& windows = calendar.windows();
  auto layout = layout_timeline(timeline, indexes, windows.conflict ? nullptr : &windows.events, layout_options);
  drawing.arrows = layout.arrows.size();
  drawing.svg = svg::write_timeline(timeline, layout, {drawing.title});
  return drawing;
}

void write_output(const std::string& output, std::string_view text) {
  if (output.empty() || output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) throw UsageError{"cannot write to standard output"};
    return;
  }
  write_file_atomically(output, text);
}

}  // namespace dipcal::cli
