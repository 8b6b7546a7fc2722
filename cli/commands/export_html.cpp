// dipcal export html [filters of list] [--lanes …] [--width PX] -o FILE: one self-contained page
// holding the SVG timeline and a small script (cli/assets/timeline.js): tooltips with each event's
// time in its own zone and the viewer's, zoom and pan along the axis, a zone selector for the axis,
// keyboard access, a print stylesheet. The page requests nothing: its Content-Security-Policy
// forbids every fetch, and the script, the styles and the fonts (the system's) are all inline.
#include "../commands.h"
#include "../timeline_drawing.h"

#include "dipcal/svg.h"
#include "dipcal/version.h"

#include "timeline_assets.h"

#include <fmt/format.h>

#include <memory>

namespace dipcal::cli {

namespace {

// The assets are pasted into <script> and <style>: neither may close its element early.
static_assert(assets::timeline_js.find("</script") == std::string_view::npos);
static_assert(assets::timeline_css.find("</style") == std::string_view::npos);

std::string page(const Drawing& drawing, const DrawingOptions& options) {
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
<p class="hint">Tab moves through the events; + and − zoom, ← and → pan, 0 resets. Ctrl + wheel zooms at the pointer; drag pans.</p>
<main><figure style="--timeline-width: {width}px">
{svg}</figure></main>
<div id="tooltip" role="tooltip" hidden></div>
<script>{js}</script>
</body>
</html>
)html",
      fmt::arg("version", kVersion), fmt::arg("title", title), fmt::arg("css", assets::timeline_css),
      fmt::arg("events", drawing.events), fmt::arg("plural", drawing.events == 1 ? "" : "s"), fmt::arg("zone", svg::escape(drawing.zone)),
      fmt::arg("width", svg::number(options.width)), fmt::arg("svg", drawing.svg), fmt::arg("js", assets::timeline_js));
}

}  // namespace

Runner setup_export_html(CLI::App& command) {
  auto options = std::make_shared<DrawingOptions>();
  options->add_options(command);
  return [options](Session& session) {
    auto drawing = draw_timeline(*options, session);
    write_output(options->output, page(drawing, *options));
    return static_cast<int>(kOk);
  };
}

}  // namespace dipcal::cli
