// dipcal export html [filters of list] [--lanes …] [--width PX] -o FILE: one self-contained page
// holding the SVG timeline and a small script (cli/assets/timeline.js): tooltips with each event's
// time in its own zone and the viewer's, zoom and pan along the axis, a zone selector for the axis,
// keyboard access, a print stylesheet. The page requests nothing: its Content-Security-Policy
// forbids every fetch, and the script, the styles and the fonts (the system's) are all inline.
#include "../commands.h"
#include "../timeline_drawing.h"

namespace dipcal::cli {

Runner setup_export_html(CLI::App& command) {
  return setup_drawing_export(command, [](const Drawing& drawing, const DrawingOptions& options) { return timeline_page(drawing, options); });
}

}  // namespace dipcal::cli
