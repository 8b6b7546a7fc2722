// What `export svg` and `export html` share: their options, the timeline laid out and written as SVG
// (engine: dipcal/draw/timeline_layout.h, dipcal/draw/svg.h), and where the result goes.
#pragma once

#include "commands.h"
#include "filter.h"
#include "session.h"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace dipcal::cli {

struct DrawingOptions {
  EventFilter filter;
  std::string lanes = "location";
  double width = 1400;
  std::string title;
  std::string output;

  void add_options(CLI::App& command);
};

struct Drawing {
  std::string svg;
  std::string title;      // --title, else the calendar's id, else "dipcal timeline"
  std::string zone;       // the axis's zone
  std::size_t events = 0;
  std::size_t arrows = 0;
};

// Loads the timeline, keeps the events the filter matches, lays them out in the output zone with
// --now as the now-line, and writes the SVG.
Drawing draw_timeline(const DrawingOptions& options, Session& session);
// The same for a calendar already loaded, in `zone`, with the now-line at `now`.
Drawing draw_timeline(const DrawingOptions& options, const Calendar& calendar, const Zone& zone, Instant now);

// The self-contained page of `export html` (and `serve`'s /): the SVG, its script and styles inline,
// no network request; `before_timeline` is HTML put between the heading and the timeline.
std::string timeline_page(const Drawing& drawing, const DrawingOptions& options, std::string_view before_timeline = {});

// A command that draws the timeline: declares the drawing options on `command`; its run writes what
// `render` makes of the drawing to -o.
using RenderDrawing = std::string (*)(const Drawing& drawing, const DrawingOptions& options);
Runner setup_drawing_export(CLI::App& command, RenderDrawing render);

}  // namespace dipcal::cli
