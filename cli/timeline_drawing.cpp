#include "timeline_drawing.h"

#include "atomic_write.h"

#include "dipcal/draw/svg.h"
#include "dipcal/version.h"

#include "dipcal/draw/timeline_layout.h"

#include "timeline_assets.h"

#include <fmt/format.h>

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
  // The system clock without --now: the output then varies with it.
  return draw_timeline(options, session.calendar(), session.zone(), session.now());
}

Drawing draw_timeline(const DrawingOptions& options, const Calendar& calendar, const Zone& zone, Instant now) {
  auto selection = options.filter.selection();
  const auto& timeline = calendar.timeline();
  auto selected = select(calendar, selection, zone);
  const auto& calendars = selected.calendars;
  auto indexes = selected.indexes();

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
  layout_options.now = now;
  layout_options.first_day = selection.from;  // the axis runs over the days asked for
  layout_options.last_day = selection.to;
  layout_options.title = drawing.title;
  const auto& windows = calendar.windows();
  auto layout = layout_timeline(timeline, indexes, windows.conflict ? nullptr : &windows.events, layout_options);
  drawing.arrows = layout.arrows.size();
  drawing.svg = svg::write_timeline(timeline, layout, {drawing.title});
  return drawing;
}

// The assets are pasted into <script> and <style>: neither may close its element early.
static_assert(assets::timeline_js.find("</script") == std::string_view::npos);
static_assert(assets::timeline_css.find("</style") == std::string_view::npos);

std::string timeline_page(const Drawing& drawing, const DrawingOptions& options, std::string_view before_timeline) {
  auto title = svg::escape(drawing.title);
  return fmt::format(
      R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dipcal {version}">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="summary">{events} event{plural} · axis in <span id="axis-zone-name">{zone}</span></p>
<div class="toolbar" role="toolbar" aria-label="Timeline view">
<label for="zone">Axis zone</label> <select id="zone"></select>
<button type="button" id="zoom-out" aria-label="Zoom out">−</button>
<span class="zoom-level" id="zoom-level" aria-live="polite">100%</span>
<button type="button" id="zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="zoom-reset">Reset</button>
</div>
</header>
{before}<p class="hint">Tab moves through the events; + and − zoom, ← and → pan, 0 resets. Ctrl + wheel zooms at the pointer; drag pans.</p>
<main><figure style="--timeline-width: {width}px">
{svg}</figure></main>
<div id="tooltip" role="tooltip" hidden></div>
<script>{js}</script>
</body>
</html>
)html",
      fmt::arg("version", kVersion), fmt::arg("title", title), fmt::arg("css", assets::timeline_css),
      fmt::arg("events", drawing.events), fmt::arg("plural", drawing.events == 1 ? "" : "s"), fmt::arg("zone", svg::escape(drawing.zone)),
      fmt::arg("width", svg::number(options.width)), fmt::arg("svg", drawing.svg), fmt::arg("js", assets::timeline_js), fmt::arg("before", before_timeline));
}

Runner setup_drawing_export(CLI::App& command, RenderDrawing render) {
  return bind_options<DrawingOptions>(command, [render](const DrawingOptions& options, Session& session) {
    write_output(options.output, render(draw_timeline(options, session), options));
    return static_cast<int>(kOk);
  });
}

}  // namespace dipcal::cli
