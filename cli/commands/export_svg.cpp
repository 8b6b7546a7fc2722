// dipcal export svg [--from DATE] [--to DATE] [--tag TAG]… [--lanes location|kind|actor] [--width PX]
// [-o FILE]: the events that `list` would show, as a static SVG timeline with its axis in --tz
// (engine: dipcal/draw/timeline_layout.h, dipcal/draw/svg.h).
#include "../commands.h"
#include "../timeline_drawing.h"

namespace dipcal::cli {

Runner setup_export_svg(CLI::App& command) {
  return setup_drawing_export(command, [](const Drawing& drawing, const DrawingOptions&) { return drawing.svg; });
}

}  // namespace dipcal::cli
