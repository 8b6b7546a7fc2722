// The timeline layout as an SVG document.
#include "dipcal/draw/svg.h"
#include "dipcal/model/timeline.h"

#include "dipcal/text/time_words.h"
#include "dipcal/query/days.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iterator>

namespace dipcal::svg {

namespace {

using M = LayoutMetrics;

// Styles of the drawing itself (no bold: label widths are estimated for the regular face), so that the SVG reads the same alone as inside the HTML page. The
// fonts are the system's: nothing is fetched.
constexpr std::string_view kStyle = R"css(
.dipcal-timeline { font-family: 'DejaVu Sans', Verdana, 'Liberation Sans', Arial, sans-serif; font-size: 12px; }
.dipcal-timeline text { fill: #1d232b; }
.dipcal-timeline .label { paint-order: stroke; stroke: #ffffff; stroke-opacity: 0.85; stroke-width: 3px; stroke-linejoin: round; }
.dipcal-timeline .lane-band { fill: #ffffff; }
.dipcal-timeline .lane-band.odd { fill: #f3f5f8; }
.dipcal-timeline .lane-name { fill: #3b4653; }
.dipcal-timeline .drawing-title { fill: #1d232b; }
.dipcal-timeline .subtitle, .dipcal-timeline .lanes-note { fill: #56606c; }
.dipcal-timeline .tick { stroke: #e1e5ea; stroke-width: 1; }
.dipcal-timeline .tick.major { stroke: #b8c0ca; }
.dipcal-timeline .axis-label { fill: #56606c; }
.dipcal-timeline .axis-label.month { fill: #1d232b; }
.dipcal-timeline .axis-rule { stroke: #56606c; stroke-width: 1; }
.dipcal-timeline .bar { stroke: #1d232b; stroke-opacity: 0.35; stroke-width: 1; }
.dipcal-timeline .child .bar { stroke: #ffffff; stroke-opacity: 1; }
.dipcal-timeline .mark { stroke: #1d232b; stroke-width: 1; }
.dipcal-timeline .span { fill: #1d232b; }
.dipcal-timeline .window { fill: url(#dipcal-hatch); stroke: #8a5a9e; stroke-width: 1; stroke-dasharray: 4 2; }
.dipcal-timeline .status-tentative .bar, .dipcal-timeline .status-tentative .mark { fill-opacity: 0.55; stroke-dasharray: 3 2; stroke-opacity: 1; }
.dipcal-timeline .status-postponed .bar, .dipcal-timeline .status-postponed .mark,
.dipcal-timeline .status-cancelled .bar, .dipcal-timeline .status-cancelled .mark { fill-opacity: 0.35; stroke-dasharray: 3 2; stroke-opacity: 1; }
.dipcal-timeline .status-cancelled .label { text-decoration: line-through; }
.dipcal-timeline .arrow { fill: none; stroke: #4a5563; stroke-width: 1.4; stroke-opacity: 0.8; }
.dipcal-timeline .arrowhead { fill: #4a5563; }
.dipcal-timeline .now { stroke: #c0392b; stroke-width: 1.5; stroke-dasharray: 5 3; }
.dipcal-timeline .now-label { fill: #c0392b; }
.dipcal-timeline .event:focus { outline: none; }
.dipcal-timeline .event:focus .bar, .dipcal-timeline .event:focus .mark, .dipcal-timeline .event:focus .window { stroke: #000000; stroke-width: 2.5; stroke-opacity: 1; }
.dipcal-timeline .event:focus .label { text-decoration: underline; }
.dipcal-timeline .kind-summit { fill: #4e79a7; }
.dipcal-timeline .kind-talks { fill: #f28e2b; }
.dipcal-timeline .kind-bilateral { fill: #e15759; }
.dipcal-timeline .kind-call { fill: #76b7b2; }
.dipcal-timeline .kind-deadline { fill: #9c755f; }
.dipcal-timeline .kind-announcement { fill: #b07aa1; }
.dipcal-timeline .kind-market { fill: #59a14f; }
.dipcal-timeline .kind-visit { fill: #ff9da7; }
.dipcal-timeline .kind-meeting { fill: #edc948; }
.dipcal-timeline .kind-election { fill: #76706b; }
.dipcal-timeline .kind-other { fill: #bab0ac; }
.dipcal-timeline .kind-window { fill: url(#dipcal-hatch); stroke: #8a5a9e; }
.dipcal-timeline .kind-now { fill: #c0392b; }
)css";

// The event's sources as a compact JSON array for the page's script: [{"outlet", "url", "published"}].
std::string sources_json(const Event& e) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& s : e.sources) out.push_back({{"outlet", s.outlet}, {"url", s.url}, {"published", s.published}});
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string place_text(const Event& e) {
  std::string out;
  for (const auto* part : {&e.location.name, &e.location.city, &e.location.country})
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  return out;
}

// The label's text element: its baseline sits 3 px above the bottom of its box; data-width is the
// width the layout reserved, which the text a browser draws must not exceed.
std::string label_text(const Label& l, std::string_view cls) {
  return fmt::format(R"svg(<text class="{}" x="{}" y="{}" data-anchor="{}" data-dx="{}" data-width="{}">{}</text>)svg", cls,
                     number(l.box.x), number(l.box.bottom() - 3), number(l.anchor_x), number(l.box.x - l.anchor_x), number(l.box.width),
                     escape(l.text));
}

void write_event(std::string& out, const Timeline& timeline, const TimelineLayout& layout, const EventShape& s) {
  const auto& e = timeline.at(s.event);
  const auto& axis = layout.axis;
  bool placed = s.shape != Shape::unplaced;
  std::string_view shape = s.shape == Shape::bar ? "bar" : s.shape == Shape::mark ? "mark" : s.shape == Shape::window ? "window" : "unplaced";
  auto id_or_empty = [&](bool have, Instant t) { return have ? to_rfc3339(t) : std::string{}; };
  auto day_or_empty = [](const std::optional<CivilDate>& d) { return d ? to_string(*d) : std::string{}; };
  out += fmt::format(
      R"svg(<g class="event status-{status} shape-{shape}{child}" id="event-{id}" data-id="{id}" data-title="{title}" )svg"
      R"svg(data-kind="{kind}" data-status="{status}" data-start-utc="{start}" data-end-utc="{end}" data-zone="{zone}" )svg"
      R"svg(data-first-day="{first_day}" data-last-day="{last_day}" )svg"
      R"svg(data-all-day="{all_day}" data-undated="{undated}" data-place="{place}" data-sources="{sources}"{parent} tabindex="0">)svg",
      fmt::arg("kind", to_string(e.kind)), fmt::arg("status", to_string(e.status)), fmt::arg("shape", shape),
      fmt::arg("child", s.parent ? " child" : ""), fmt::arg("id", escape(e.id)), fmt::arg("title", escape(e.title)),
      fmt::arg("start", id_or_empty(placed && !s.open_start, s.start)), fmt::arg("end", id_or_empty(placed && !s.open_end, s.end)),
      fmt::arg("zone", escape(e.zone.name())), fmt::arg("first_day", day_or_empty(s.first_day)),
      fmt::arg("last_day", day_or_empty(s.last_day)), fmt::arg("all_day", e.all_day() ? "true" : "false"),
      fmt::arg("undated", e.undated() ? "true" : "false"),
      fmt::arg("place", escape(place_text(e))), fmt::arg("sources", escape(sources_json(e))),
      fmt::arg("parent", s.parent ? fmt::format(R"svg( data-parent="{}")svg", escape(timeline.at(layout.events[*s.parent].event).id)) : ""));
  out += fmt::format("<title>{} — {} ({})</title>", escape(e.title), escape(text::event_dates_text(e)), escape(e.zone.name()));
  auto kind_class = fmt::format("kind-{}", to_string(e.kind));
  switch (s.shape) {
    case Shape::bar:
      out += fmt::format(R"svg(<rect class="bar {}" x="{}" y="{}" width="{}" height="{}" rx="3" data-x0="{}" data-x1="{}"/>)svg", kind_class,
                         number(s.box.x), number(s.box.y), number(std::max(s.box.width, 2.0)), number(s.box.height), number(s.box.x),
                         number(s.box.right()));
      break;
    case Shape::window:
      out += fmt::format(R"svg(<rect class="window" x="{}" y="{}" width="{}" height="{}" data-x0="{}" data-x1="{}"/>)svg", number(s.box.x),
                         number(s.box.y), number(std::max(s.box.width, 2.0)), number(s.box.height), number(s.box.x),
                         number(s.box.right()));
      break;
    case Shape::mark: {
      double cx = axis.x_of(s.start), cy = s.box.y + s.box.height / 2, r = s.box.width / 2;
      if (s.end > s.start) {
        double x1 = axis.x_of(s.end);
        out += fmt::format(R"svg(<rect class="span" x="{}" y="{}" width="{}" height="2" data-x0="{}" data-x1="{}"/>)svg", number(cx),
                           number(cy - 1), number(x1 - cx), number(cx), number(x1));
      }
      out += fmt::format(R"svg(<path class="mark {}" d="M0,{} L{},0 L0,{} L{},0 Z" transform="translate({},{})" data-x="{}" data-y="{}"/>)svg",
                         kind_class, number(-r), number(r), number(r), number(-r), number(cx), number(cy), number(cx), number(cy));
      break;
    }
    case Shape::unplaced: break;
  }
  auto label = label_text(s.label, s.shape == Shape::unplaced ? "label undated" : "label");
  // A label pulled left to end under its bar's end may move back under the bar as a zoom widens it:
  // data-end is where the bar ends (timeline.js).
  if (s.label.box.x < s.label.anchor_x && (s.shape == Shape::bar || s.shape == Shape::window))
    label.insert(label.find(" data-anchor="), fmt::format(R"svg( data-end="{}")svg", number(s.box.right())));
  out += label;
  out += "</g>\n";
}

}  // namespace

std::string write_timeline(const Timeline& timeline, const TimelineLayout& layout, const SvgOptions& options) {
  const auto& axis = layout.axis;
  std::string out;
  out += fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="dipcal-timeline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" )svg"
      R"svg(role="group" aria-labelledby="dipcal-title" data-axis-start-utc="{start}" data-axis-end-utc="{end}" )svg"
      R"svg(data-plot-x0="{x0}" data-plot-x1="{x1}" data-axis-zone="{zone}" data-axis-top="{axis_top}" data-lanes-top="{top}" data-lanes-bottom="{bottom}" )svg"
      R"svg(data-now-utc="{now}">)svg"
      "\n",
      fmt::arg("w", number(layout.width)), fmt::arg("h", number(layout.height)), fmt::arg("start", to_rfc3339(axis.start)),
      fmt::arg("end", to_rfc3339(axis.end)), fmt::arg("x0", number(axis.plot_x0)), fmt::arg("x1", number(axis.plot_x1)),
      fmt::arg("zone", escape(layout.zone.name())), fmt::arg("axis_top", number(layout.axis_top)),
      fmt::arg("top", number(layout.axis_top + M::axis_height)), fmt::arg("bottom", number(layout.lanes_bottom)),
      fmt::arg("now", layout.now ? to_rfc3339(*layout.now) : std::string{}));
  out += fmt::format("<title id=\"dipcal-title\">{}</title>\n", escape(options.title));
  out += fmt::format("<style>{}</style>\n", kStyle);
  out += "<defs>\n";
  out += R"svg(<pattern id="dipcal-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">)svg"
         R"svg(<rect width="6" height="6" fill="#efe6f4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a5a9e" stroke-width="2"/></pattern>)svg"
         "\n";
  out += R"svg(<marker id="dipcal-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">)svg"
         R"svg(<path class="arrowhead" d="M0,0 L10,5 L0,10 Z"/></marker>)svg"
         "\n";
  out += fmt::format(R"svg(<clipPath id="dipcal-plot-clip"><rect x="{}" y="0" width="{}" height="{}"/></clipPath>)svg", number(axis.plot_x0 - M::mark_radius - 1),
                     number(layout.width - axis.plot_x0 + M::mark_radius + 1), number(layout.height));
  out += "\n</defs>\n";

  // The header: title, axis zone and "as of". The subtitle carries what a viewer needs to restate it
  // in another zone (timeline.js).
  out += "<g class=\"header\">\n";
  if (layout.title) out += label_text(*layout.title, "drawing-title") + "\n";
  auto subtitle = label_text(layout.subtitle, "subtitle");
  subtitle.insert(subtitle.find(" x="), fmt::format(R"svg( data-as-of-utc="{}")svg", layout.as_of ? to_rfc3339(*layout.as_of) : std::string{}));
  out += subtitle + "\n";
  out += "</g>\n";

  out += "<g class=\"lanes\">\n";
  for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
    const auto& lane = layout.lanes[i];
    out += fmt::format(R"svg(<rect class="lane-band{}" x="0" y="{}" width="{}" height="{}"/>)svg", i % 2 ? " odd" : "", number(lane.y),
                       number(layout.width), number(lane.height));
    // A lane name cut to fit keeps its whole text as a tooltip.
    std::string lines = label_text(lane.label, "lane-name");
    for (const auto& more : lane.more_lines) lines += label_text(more, "lane-name");
    if (lane.cut) out += fmt::format("<g class=\"lane-name-group\"><title>{}</title>{}</g>\n", escape(lane.name), lines);
    else out += lines + "\n";
  }
  out += "</g>\n";

  out += "<g class=\"axis\" clip-path=\"url(#dipcal-plot-clip)\">\n";
  for (const auto& t : layout.ticks)
    out += fmt::format(R"svg(<line class="tick{}" x1="{}" y1="{}" x2="{}" y2="{}" data-x="{}"/>)svg", t.major ? " major" : "", number(t.x),
                       number(layout.axis_top + M::axis_height - (t.major ? 22 : 6)), number(t.x), number(layout.lanes_bottom), number(t.x)) +
           "\n";
  for (const auto& l : layout.axis_labels)
    out += label_text(l, l.box.y < layout.axis_top + 20 ? "axis-label month" : "axis-label day") + "\n";
  out += "</g>\n";
  out += fmt::format(R"svg(<line class="axis-rule" x1="{}" y1="{}" x2="{}" y2="{}"/>)svg", number(axis.plot_x0),
                     number(layout.axis_top + M::axis_height), number(axis.plot_x1), number(layout.axis_top + M::axis_height)) +
         "\n";

  // Arrows under the events, so that bars and labels (with their halo) stay readable where one crosses.
  out += "<g class=\"plot\" clip-path=\"url(#dipcal-plot-clip)\">\n<g class=\"arrows\">\n";
  for (const auto& a : layout.arrows) {
    // A curve with horizontal tangents, or straight segments through the route's corners
    // (data-route: "anchor,dx,y" for each, as timeline_layout.h's RoutePoint).
    std::string d, route;
    if (a.route.empty()) {
      double c = std::max(12.0, std::abs(a.x2 - a.x1) / 2);
      d = fmt::format("M{},{} C{},{} {},{} {},{}", number(a.x1), number(a.y1), number(a.x1 + c), number(a.y1), number(a.x2 - c), number(a.y2),
                      number(a.x2), number(a.y2));
    } else {
      d = fmt::format("M{},{}", number(a.x1), number(a.y1));
      for (const auto& p : a.route) {
        d += fmt::format(" L{},{}", number(p.x()), number(p.y));
        route += fmt::format("{}{},{},{}", route.empty() ? "" : " ", number(p.anchor), number(p.dx), number(p.y));
      }
      d += fmt::format(" L{},{}", number(a.x2), number(a.y2));
      route = fmt::format(R"svg( data-route="{}")svg", route);
    }
    out += fmt::format(
        R"svg(<path class="arrow" id="{}" data-from="{}" data-to="{}" data-relation="{}" data-x1="{}" data-y1="{}" data-x2="{}" data-y2="{}" )svg"
        R"svg(data-anchor1="{}" data-anchor2="{}"{} d="{}" marker-end="url(#dipcal-arrowhead)"/>)svg",
        escape(a.id), escape(timeline.at(layout.events[a.from].event).id), escape(timeline.at(layout.events[a.to].event).id),
        to_string(a.type), number(a.x1), number(a.y1), number(a.x2), number(a.y2), number(a.anchor1), number(a.anchor2), route, d);
    out += "\n";
  }
  out += "</g>\n<g class=\"events\">\n";
  // Parents first, so that the bars nested in them are drawn on top.
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& s : layout.events)
      if (s.shape != Shape::unplaced && s.parent.has_value() == (pass == 1)) write_event(out, timeline, layout, s);
  out += "</g>\n";
  if (layout.now_x)
    out += fmt::format(R"svg(<line class="now" x1="{}" y1="{}" x2="{}" y2="{}" data-x="{}"/>)svg", number(*layout.now_x), number(M::axis_height),
                       number(*layout.now_x), number(layout.lanes_bottom), number(*layout.now_x)) +
           "\n";
  out += "</g>\n";

  out += "<g class=\"footer\">\n";
  if (layout.now_label) out += label_text(*layout.now_label, "now-label") + "\n";
  for (const auto& entry : layout.legend) {
    out += fmt::format(R"svg(<rect class="swatch kind-{}" x="{}" y="{}" width="{}" height="{}"/>)svg", entry.key, number(entry.swatch.x),
                       number(entry.swatch.y), number(entry.swatch.width), number(entry.swatch.height));
    out += label_text(entry.label, "legend-label") + "\n";
  }
  if (layout.lanes_note) out += label_text(*layout.lanes_note, "lanes-note") + "\n";
  for (const auto& s : layout.events)
    if (s.shape == Shape::unplaced) write_event(out, timeline, layout, s);
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace dipcal::svg
