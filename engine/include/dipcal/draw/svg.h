// A timeline layout (timeline_layout.h) written as SVG 1.1: a format, so it decides no position.
//
// The output is deterministic (the same timeline, layout and options give the same bytes) and
// self-contained (no external font, image or stylesheet). Each event is one
// <g class="event" tabindex="0"> with data-id, data-start-utc, data-end-utc (RFC 3339; a window's
// earliest start and latest end; empty when it has no place), data-zone, data-first-day and
// data-last-day (its days in its own zone, as the CLI gives them), and a <title>; each
// dependency arrow is a <path class="arrow"> with an id, data-from and data-to. Every positioned
// element carries its axis coordinates (data-x0/data-x1, data-x, data-anchor + data-dx) so that a
// script can zoom along the axis without redoing the layout (see timeline_layout.h). A header above
// the axis draws the title, the axis's zone and the time the drawing is as of (data-as-of-utc).
//
//   auto text = svg::write_timeline(timeline, layout, {.title = "US–China trade talks 2025"});
#pragma once

#include "dipcal/draw/timeline_layout.h"

#include <string>
#include <string_view>

namespace dipcal {
class Timeline;
}

namespace dipcal::svg {

// Text made safe for XML character data and attribute values: & < > " ' as entities, characters
// XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) left out, invalid UTF-8
// replaced by U+FFFD.
std::string escape(std::string_view text);

// A coordinate with at most two decimals and no trailing zeros: "810", "12.5", "-6".
std::string number(double value);

struct SvgOptions {
  std::string title = "dipcal timeline";
};

std::string write_timeline(const Timeline& timeline, const TimelineLayout& layout, const SvgOptions& options = {});

}  // namespace dipcal::svg
