// Where each event of a timeline goes on a drawing: the computation behind `dipcal export svg` and
// `export html`. The layout decides every position; formats (svg.h) only write it out.
//
// Time runs left to right, linearly on the UTC line, across the plot area [plot_x0, plot_x1]:
//
//   x(t) = plot_x0 + (t − axis.start) / (axis.end − axis.start) · (plot_x1 − plot_x0)
//
// where axis.start is local midnight (in the axis zone) of LayoutOptions::first_day, else of the day
// the earliest event starts, and axis.end local midnight after last_day, else after the day the latest
// one ends. Above the axis a header names the drawing, the axis's zone and the time it is drawn as of.
// Events sit in lanes (one per location, kind or group of actors), one below the other; within a lane each event is an item — its bar or mark,
// the bars of the events `during` it nested inside, and their labels stacked below — and items are
// packed greedily into rows so that no two items of a row overlap. Every label therefore has a box
// of its own: no label overlaps another, whatever the data.
//
// Labels keep their width when a viewer zooms in along the axis (timeline.js): only their anchor x
// moves, by x' = plot_x0 + (x − plot_x0)·k with k ≥ 1, so two items that did not overlap at k = 1
// never overlap at any k ≥ 1 (their distance grows by k, their labels do not).
//
//   LayoutOptions o;  o.width = 1180;  o.zone = utc;              // plot area 160 … 1160 px
//   auto layout = layout_timeline(timeline, indexes, nullptr, o);
//   layout.axis.x_of(busan_start)  -> 810 for 26 Oct 12:00Z on a 20–29 Oct axis (100 px a day)
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/reasoning/network.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

class Timeline;

// What puts events in the same lane: their location (city, else place name, else zone), their kind,
// or their group of actors: the events with the same set of actors share a lane (named by the actors
// in the order the first of them lists them), so that each event is drawn once and sits with every
// one of its actors; the legend says so.
enum class LaneGrouping { location, kind, actor };
std::string_view to_string(LaneGrouping g);
std::optional<LaneGrouping> parse_lane_grouping(std::string_view text);

struct LayoutOptions {
  double width = 1400;         // of the whole drawing
  double lane_header_width = 160;  // lane names, left of the plot area
  double margin_right = 20;
  Zone zone;                   // the axis's zone: day ticks and months at its midnights
  std::optional<Instant> now;  // drawn as a line when it falls on the axis; the header's "as of"
  LaneGrouping lanes = LaneGrouping::location;
  // The axis's first and last civil day in `zone` (inclusive; --from and --to). Unset: the days of
  // the earliest start and the latest end. Shapes outside them run off the plot area.
  std::optional<CivilDate> first_day;
  std::optional<CivilDate> last_day;
  std::string title;  // the header's first line; none when empty
};

// Sizes the layout uses, in px; public so that writers and tests share them.
struct LayoutMetrics {
  static constexpr double font_size = 12;       // labels
  static constexpr double label_height = 15;    // one label row
  static constexpr double bar_height = 16;
  static constexpr double child_height = 7;     // a `during` event inside its parent's bar
  static constexpr double mark_radius = 6;      // half the diagonal of a timed event's diamond
  static constexpr double item_gap = 10;        // between two items of a row
  static constexpr double row_gap = 8;          // below each row
  static constexpr double axis_height = 44;     // below TimelineLayout::axis_top
  static constexpr double header_line = 16;     // a line of the header above the axis
  static constexpr double arrow_stub = 8;       // an arrow routed around labels leaves and enters horizontally this far
  static constexpr double max_label_width = 480;
};

// The width a label takes at LayoutMetrics::font_size, estimated from per-character widths a little
// above those of DejaVu Sans (Debian's default sans-serif; Verdana is alike), so that the text a
// browser draws fits the box the layout reserved.
double label_width(std::string_view text);
// `text` cut at a character boundary and ended with "…" so that label_width() ≤ max_width.
std::string fit_label(std::string_view text, double max_width);

struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  [[nodiscard]] double right() const { return x + width; }
  [[nodiscard]] double bottom() const { return y + height; }
};
// Whether two boxes share interior points (touching edges do not count).
bool overlaps(const Box& a, const Box& b);

struct Label {
  std::string text;
  Box box;              // text from box.x, baseline at box.bottom() − 3
  double anchor_x = 0;  // the axis position the label follows when zoomed; box.x − anchor_x is kept
};

struct TimeAxis {
  Instant start;
  Instant end;
  double plot_x0 = 0;
  double plot_x1 = 0;
  [[nodiscard]] double x_of(Instant t) const;
};

struct AxisTick {
  Instant at;
  double x = 0;
  bool major = false;  // a local midnight when ticks are hours; the first of a month otherwise
};

enum class Shape { bar, mark, window, unplaced };

struct EventShape {
  std::size_t event = 0;  // Timeline index
  Shape shape = Shape::bar;
  std::size_t lane = 0;
  std::optional<std::size_t> parent;  // index into TimelineLayout::events of the bar this one is drawn in
  // The drawn extent on the UTC line: a bar's start and end, a mark's instant (end: the event's end),
  // a window's earliest start to its latest start or end.
  Instant start;
  Instant end;
  bool open_start = false;  // a window unbounded on that side runs to the edge of the axis
  bool open_end = false;
  Box box;                  // a bar or window; for a mark the square around the diamond
  Label label;              // unplaced events: a line in the list below the lanes
  // The civil days of the event's own zone it is on (possibly, for a window), by the rule of
  // query/days.h: what the CLI prints for it. Empty: unbounded on that side, or no place.
  std::optional<CivilDate> first_day;
  std::optional<CivilDate> last_day;
};

// A corner of an arrow routed around labels. At zoom 1 it lies at x = anchor + dx; a viewer that
// zooms moves the anchor along the axis and keeps dx (timeline.js), as it does for labels.
struct RoutePoint {
  double anchor = 0;
  double dx = 0;
  double y = 0;
  [[nodiscard]] double x() const { return anchor + dx; }
};

struct DependencyArrow {
  std::string id;  // "arrow-kl-trade-talks-to-busan-trump-xi" (with "-2", "-3"… for a repeated pair)
  std::size_t from = 0;  // indexes into TimelineLayout::events
  std::size_t to = 0;
  RelationType type = RelationType::before;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // leaves the prerequisite's end (or start), reaches the dependent's start
  // The axis positions the ends follow when zoomed (x − anchor is kept: a mark's edge stays its radius away).
  double anchor1 = 0, anchor2 = 0;
  // Empty: a curve straight from (x1, y1) to (x2, y2), which crosses no label. Else the corners of
  // straight segments from (x1, y1) to (x2, y2) that go around the labels the curve would cross:
  // out of the prerequisite, down or up to a free channel between rows, along it, and into the
  // dependent. A curve that crosses labels is kept only when no such route is free of them.
  std::vector<RoutePoint> route;
};

struct Lane {
  std::string name;
  double y = 0;
  double height = 0;
  Label label;                    // the name's first line
  std::vector<Label> more_lines;  // the rest, broken between words, as many as the lane's height holds
  bool cut = false;               // the lines leave part of the name out (it ends with "…")
};

struct LegendEntry {
  std::string key;  // an event kind ("talks"), "window" or "now"
  Box swatch;
  Label label;
};

struct TimelineLayout {
  double width = 0;
  double height = 0;
  TimeAxis axis;
  Zone zone;
  // The header above the axis: the title (when given) and "Axis in ZONE · as of DATE TIME ABBR".
  std::optional<Label> title;
  Label subtitle;
  std::optional<Instant> as_of;  // LayoutOptions::now, wherever it falls
  double axis_top = 0;  // where the axis band starts, below the header
  std::vector<AxisTick> ticks;
  std::vector<Label> axis_labels;  // day numbers or hours (second row) and months (first row)
  std::vector<Lane> lanes;
  std::vector<EventShape> events;  // in chronological order, one per event given
  std::vector<DependencyArrow> arrows;
  std::optional<Instant> now;  // when it falls on the axis
  std::optional<double> now_x;
  std::optional<Label> now_label;
  std::vector<LegendEntry> legend;
  std::optional<Label> lanes_note;  // what a lane holds, when it is not plain (lanes by actor groups)
  double lanes_bottom = 0;  // where the lanes end and the footer (now, legend, undated list) starts

  // Every label of the drawing: header, axis, lanes, events, now and legend.
  [[nodiscard]] std::vector<const Label*> labels() const;
  // The shape of a Timeline index, or nullptr.
  [[nodiscard]] const EventShape* shape_of(std::size_t event) const;
};

// Lays out the given events (Timeline indexes; the order does not matter). `windows`, by Timeline
// index, places undated events (solve_windows); without it their own EDTF dates do. Arrows are drawn
// for the dependency relations (graph.h) between two given events, except `during` and `contains`,
// which nesting shows.
TimelineLayout layout_timeline(const Timeline& timeline, std::span<const std::size_t> events,
                               const std::vector<EventWindow>* windows, const LayoutOptions& options);

}  // namespace dipcal
