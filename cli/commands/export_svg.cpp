// dipcal export svg [--from DATE] [--to DATE] [--tag TAG]… [--lanes location|kind|actor] [--width PX]
// [-o FILE]: the events that `list` would show, as a static SVG timeline with its axis in --tz
// (engine: dipcal/draw/timeline_layout.h, dipcal/draw/svg.h).
#include "../commands.h"
#include "../timeline_drawing.h"

#include <memory>

namespace dipcal::cli {

Runner setup_export_svg(CLI::App& command) {
  auto options = std::make_shared<DrawingOptions>();
  options->add_options(command);
  return [options](Session& session) {
    auto drawing = draw_timeline(*options, session);
    write_output(options->output, drawing.svg);
    return static_cast<int>(kOk);
  };
}

}  // namespace dipcal::cli
