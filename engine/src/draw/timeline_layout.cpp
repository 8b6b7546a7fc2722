#include "dipcal/draw/timeline_layout.h"

#include "dipcal/reasoning/graph.h"
#include "dipcal/query/days.h"
#include "dipcal/text/utf8.h"
#include "dipcal/model/timeline.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace dipcal {

namespace {

using std::chrono::seconds;
using M = LayoutMetrics;

constexpr seconds kHour{3600};
constexpr seconds kDay{86400};

// Advance widths in em of the printable ASCII characters: the larger of DejaVu Sans and Liberation
// Sans (Arial's metrics), read from the fonts' hmtx tables and rounded up.
constexpr std::array<double, 95> kAsciiEm{
    0.32, 0.41, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.50, 0.84, 0.32, 0.37, 0.32, 0.34,  //  !"#$%&'()*+,-./
    0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.56,  // 0123456789:;<=>?
    1.02, 0.69, 0.69, 0.73, 0.77, 0.67, 0.62, 0.78, 0.76, 0.30, 0.50, 0.67, 0.56, 0.87, 0.75, 0.79,  // @ABCDEFGHIJKLMNO
    0.67, 0.79, 0.73, 0.67, 0.62, 0.74, 0.69, 0.99, 0.69, 0.67, 0.69, 0.39, 0.34, 0.39, 0.84, 0.56,  // PQRSTUVWXYZ[\]^_
    0.50, 0.62, 0.64, 0.56, 0.64, 0.62, 0.36, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98, 0.64, 0.62,  // `abcdefghijklmno
    0.64, 0.64, 0.42, 0.53, 0.40, 0.64, 0.60, 0.82, 0.60, 0.60, 0.53, 0.64, 0.34, 0.64, 0.84,        // pqrstuvwxyz{|}~
};

// One code point of UTF-8 and its length in bytes; a byte that starts no well-formed sequence reads
// as U+FFFD, one byte long, as svg::escape will draw it.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  if (auto cp = text::next_code_point(s, i)) return {cp->value, cp->length};
  return {0xFFFD, 1};
}

double em_of(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return kAsciiEm[c - 0x20];
  // East Asian wide and full-width characters (Hangul, CJK, kana, full-width forms) take a full em.
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || c >= 0x1F000)
    return 1.0;
  if (c == 0x2014 || c == 0x2026) return 1.0;  // em dash, ellipsis
  return 0.78;  // accented Latin, Greek, Cyrillic, dashes and quotes: no wider than an upper-case letter
}

constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string month_text(CivilDate d, bool with_year) {
  auto ymd = d.ymd();
  auto name = kMonths[static_cast<unsigned>(ymd.month()) - 1];
  return with_year ? fmt::format("{} {}", name, static_cast<int>(ymd.year())) : std::string{name};
}

Label make_label(std::string text, double anchor, double y, double x_min, double x_max) {
  Label l;
  l.text = std::move(text);
  l.anchor_x = anchor;
  l.box.width = label_width(l.text);
  l.box.height = M::label_height;
  l.box.y = y;
  l.box.x = std::max(x_min, std::min(anchor, x_max - l.box.width));
  return l;
}

Instant local_instant(const Zone& zone, CivilDate day, seconds time_of_day) {
  if (time_of_day == seconds{0}) return zone.start_of_day(day);
  return zone.resolve(CivilDateTime{day, time_of_day}).earliest_valid();
}

// Day or hour ticks, and their labels in the axis's second row.
void lay_out_ticks(TimelineLayout& layout) {
  const auto& axis = layout.axis;
  const auto& zone = layout.zone;
  double px_per_second = (axis.plot_x1 - axis.plot_x0) / static_cast<double>((axis.end - axis.start).count());
  auto first_day = zone.to_civil(axis.start).date(), last_day = zone.to_civil(axis.end).date();

  // The finest step whose labels fit between two ticks.
  const double hour_room = label_width("00:00") + 8, day_room = label_width("30") + 6;
  seconds step{0};
  for (auto hours : {1, 3, 6, 12})
    if (step == seconds{0} && static_cast<double>((kHour * hours).count()) * px_per_second >= hour_room) step = kHour * hours;
  if (step == seconds{0} && static_cast<double>(kDay.count()) * px_per_second >= day_room) step = kDay;
  if (step == seconds{0} && static_cast<double>((kDay * 7).count()) * px_per_second >= day_room) step = kDay * 7;

  struct Candidate {
    AxisTick tick;
    std::string text;
  };
  std::vector<Candidate> candidates;
  for (auto d = first_day; d <= last_day; d = d.plus_days(1)) {
    bool month_start = static_cast<unsigned>(d.ymd().day()) == 1;
    auto day_number = fmt::format("{}", static_cast<unsigned>(d.ymd().day()));
    if (step > seconds{0} && step < kDay) {
      for (seconds h{0}; h < kDay; h += step) {
        auto at = local_instant(zone, d, h);
        auto hour = std::chrono::duration_cast<std::chrono::hours>(h).count();
        candidates.push_back({{at, 0, h == seconds{0}}, h == seconds{0} ? day_number : fmt::format("{:02}:00", hour)});
      }
      continue;
    }
    bool labelled = step == kDay || (step == kDay * 7 && d.weekday() == date::Monday);
    if (labelled || month_start) candidates.push_back({{zone.start_of_day(d), 0, month_start}, labelled ? day_number : ""});
  }
  double last_right = -1e9;
  for (auto& c : candidates) {
    if (c.tick.at < axis.start || c.tick.at > axis.end) continue;
    c.tick.x = axis.x_of(c.tick.at);
    layout.ticks.push_back(c.tick);
    if (c.text.empty()) continue;
    auto label = make_label(c.text, c.tick.x + 2, layout.axis_top + 22, axis.plot_x0, 1e9);
    if (label.box.right() > axis.plot_x1 || label.box.x < last_right + 2) continue;
    last_right = label.box.right();
    layout.axis_labels.push_back(std::move(label));
  }
}

// Months (or years) in the axis's first row, at local midnight of each first of the month.
void lay_out_months(TimelineLayout& layout) {
  const auto& axis = layout.axis;
  const auto& zone = layout.zone;
  double month_px = (axis.plot_x1 - axis.plot_x0) / static_cast<double>((axis.end - axis.start).count()) *
                    static_cast<double>((kDay * 28).count());
  enum class Form { month_year, month, year } form = Form::year;
  if (month_px >= label_width("May 2025") + 10) form = Form::month_year;
  else if (month_px >= label_width("May") + 8) form = Form::month;

  auto first_day = zone.to_civil(axis.start).date(), last_day = zone.to_civil(axis.end).date();
  struct Candidate {
    CivilDate day;
    bool at_axis_start;
  };
  std::vector<Candidate> candidates{{first_day, true}};
  for (auto d = first_day.plus_days(1); d <= last_day; d = d.plus_days(1)) {
    auto ymd = d.ymd();
    if (static_cast<unsigned>(ymd.day()) != 1) continue;
    if (form == Form::year && static_cast<unsigned>(ymd.month()) != 1) continue;
    candidates.push_back({d, false});
  }
  std::vector<Label> kept;
  bool kept_axis_start = false;
  for (const auto& c : candidates) {
    auto at = c.at_axis_start ? axis.start : zone.start_of_day(c.day);
    if (at >= axis.end) continue;
    bool january = static_cast<unsigned>(c.day.ymd().month()) == 1;
    std::string text = form == Form::year            ? fmt::format("{}", static_cast<int>(c.day.ymd().year()))
                       : form == Form::month_year     ? month_text(c.day, true)
                       : c.at_axis_start              ? month_text(c.day, true)
                       : january                      ? fmt::format("{}", static_cast<int>(c.day.ymd().year()))
                                                      : month_text(c.day, false);
    auto label = make_label(text, axis.x_of(at) + 3, layout.axis_top + 4, axis.plot_x0, 1e9);
    if (label.box.right() > axis.plot_x1) continue;
    if (!kept.empty() && label.box.x < kept.back().box.right() + 4) {
      // A month's own label wins over the partial month the axis starts in.
      if (!(kept.size() == 1 && kept_axis_start)) continue;
      kept.pop_back();
    }
    kept_axis_start = kept.empty() && c.at_axis_start;
    kept.push_back(std::move(label));
  }
  for (auto& l : kept) layout.axis_labels.push_back(std::move(l));
}

// The lane an event goes in: what identifies it, and its name (the first event's wording).
struct LaneKey {
  std::string key;
  std::string name;
};

LaneKey lane_key(const Event& e, LaneGrouping grouping) {
  switch (grouping) {
    case LaneGrouping::kind: return {std::string{to_string(e.kind)}, std::string{to_string(e.kind)}};
    case LaneGrouping::actor: {
      if (e.actors.empty()) return {"", "(no actor)"};
      // A group is a set: the same actors listed in another order share the lane.
      auto sorted = e.actors;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      return {fmt::format("{}", fmt::join(sorted, "\n")), fmt::format("{}", fmt::join(e.actors, ", "))};
    }
    case LaneGrouping::location: break;
  }
  std::string name = !e.location.city.empty() ? e.location.city : !e.location.name.empty() ? e.location.name : e.zone.name();
  return {name, name};
}

// `text` in at most `max_lines` lines no wider than `width`, broken between words; the last line ends
// with "…" when the text does not fit. The bool says whether anything was cut.
std::pair<std::vector<std::string>, bool> wrap_words(std::string_view text, double width, std::size_t max_lines) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < text.size();) {
    auto j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) words.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  std::vector<std::string> lines;
  std::size_t w = 0;
  while (w < words.size() && lines.size() < max_lines) {
    std::string line = words[w++];
    while (w < words.size() && label_width(line + " " + words[w]) <= width) line += " " + words[w++];
    lines.push_back(std::move(line));
  }
  bool cut = w < words.size();
  if (cut) {
    for (; w < words.size(); ++w) lines.back() += " " + words[w];
    lines.back() += " ";  // so that fit_label cuts it even when the rest would just fit
  }
  for (auto& line : lines) {
    auto fitted = fit_label(line, width);
    cut = cut || fitted != line;
    line = std::move(fitted);
  }
  return {lines, cut};
}

// "2025-10-26 13:00 KST": an instant on the axis zone's clock, as the now-line and the header read it.
std::string clock_text(const Zone& zone, Instant t) {
  auto local = zone.to_civil(t);
  auto hms = date::hh_mm_ss<seconds>{local.time_of_day()};
  return fmt::format("{} {:02}:{:02} {}", to_string(local.date()), hms.hours().count(), hms.minutes().count(), zone.at(t).abbrev);
}

// Whether a straight horizontal or vertical segment passes through a label's box (its interior, less
// half a pixel, so that a segment along an edge does not count).
bool crosses(double x1, double y1, double x2, double y2, const Box& b) {
  const double e = 0.5;
  double lo_x = std::min(x1, x2), hi_x = std::max(x1, x2), lo_y = std::min(y1, y2), hi_y = std::max(y1, y2);
  return lo_x < b.right() - e && hi_x > b.x + e && lo_y < b.bottom() - e && hi_y > b.y + e;
}

// How many of the boxes the curve the SVG draws without a route (a cubic from (x1, y1) to (x2, y2)
// with horizontal tangents, svg/timeline_svg.cpp) passes through, sampled every few pixels. Only the
// labels that meet the box around the curve's control points (which holds the curve) are tried.
std::size_t curve_crossings(const DependencyArrow& a, const std::vector<const Label*>& all_labels) {
  double c = std::max(12.0, std::abs(a.x2 - a.x1) / 2);
  std::array<double, 4> px{a.x1, a.x1 + c, a.x2 - c, a.x2}, py{a.y1, a.y1, a.y2, a.y2};
  auto [x_lo, x_hi] = std::minmax_element(px.begin(), px.end());
  Box hull{*x_lo, std::min(a.y1, a.y2), *x_hi - *x_lo, std::abs(a.y2 - a.y1)};
  std::vector<const Label*> labels;
  for (const auto* l : all_labels)
    if (crosses(hull.x, hull.y, hull.right(), hull.bottom(), l->box)) labels.push_back(l);
  if (labels.empty()) return 0;
  auto steps = static_cast<int>(std::clamp((std::abs(a.x2 - a.x1) + std::abs(a.y2 - a.y1)) / 2, 16.0, 2000.0));
  std::set<const Label*> hit;
  for (int i = 0; i <= steps; ++i) {
    double t = static_cast<double>(i) / steps, u = 1 - t;
    double w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
    double x = w0 * px[0] + w1 * px[1] + w2 * px[2] + w3 * px[3];
    double y = w0 * py[0] + w1 * py[1] + w2 * py[2] + w3 * py[3];
    for (const auto* l : labels)
      if (crosses(x, y, x, y, l->box)) hit.insert(l);
  }
  return hit.size();
}

// A route around the labels for an arrow whose curve crosses some: out of the prerequisite to a
// vertical line, along it to a channel (a free strip between rows of items), along the channel to a
// second vertical line and into the dependent. Each vertical line is the stub's end or just past a
// label that blocks it (so it stays clear when zoomed: it keeps its distance to that label's anchor);
// of the routes that cross no label, the shortest. Empty when every one crosses a label.
//
// `budget` counts the label tests left for the whole drawing (each route tries every channel against
// every label); when it runs out the arrow keeps its curve, so that a drawing of thousands of events
// is still made in seconds, and the same input still gives the same drawing.
std::vector<RoutePoint> route_around(const DependencyArrow& a, const std::vector<const Label*>& labels,
                                     const std::vector<double>& channels, std::size_t& budget) {
  const double stub = M::arrow_stub, clear = 4;
  if (budget < channels.size() * labels.size() * 6) {
    budget = 0;
    return {};
  }
  budget -= channels.size() * labels.size() * 6;
  auto free = [&](double x1, double y1, double x2, double y2) {
    return std::none_of(labels.begin(), labels.end(), [&](const Label* l) { return crosses(x1, y1, x2, y2, l->box); });
  };
  // Where a vertical from (x, y_from) to y_to may stand, moving in `direction` from x past blockers
  // (each step passes one more label; a few steps is the rule, the budget pays for the rest).
  auto vertical = [&](RoutePoint p, double y_from, double y_to, int direction) -> std::optional<RoutePoint> {
    for (std::size_t guard = 0; guard <= labels.size(); ++guard) {
      if (guard > 0) {
        if (budget < labels.size()) return std::nullopt;
        budget -= labels.size();
      }
      const Label* blocker = nullptr;
      for (const auto* l : labels)
        if (crosses(p.x(), y_from, p.x(), y_to, l->box) &&
            (!blocker || (direction > 0 ? l->box.right() > blocker->box.right() : l->box.x < blocker->box.x)))
          blocker = l;
      if (!blocker) return p;
      double x = direction > 0 ? blocker->box.right() + clear : blocker->box.x - clear;
      p = {blocker->anchor_x, x - blocker->anchor_x, 0};
    }
    return std::nullopt;
  };
  std::vector<RoutePoint> best;
  double best_length = 0;
  for (double yc : channels) {
    auto out = vertical({a.anchor1, a.x1 + stub - a.anchor1, 0}, a.y1, yc, +1);
    auto in = vertical({a.anchor2, a.x2 - stub - a.anchor2, 0}, yc, a.y2, -1);
    if (!out || !in) continue;
    double xa = out->x(), xb = in->x();
    if (!free(a.x1, a.y1, xa, a.y1) || !free(xa, yc, xb, yc) || !free(xb, a.y2, a.x2, a.y2)) continue;
    double length = std::abs(xa - a.x1) + std::abs(yc - a.y1) + std::abs(xb - xa) + std::abs(a.y2 - yc) + std::abs(a.x2 - xb);
    if (!best.empty() && length >= best_length) continue;
    out->y = a.y1;
    in->y = a.y2;
    RoutePoint down = *out, across = *in;
    down.y = yc;
    across.y = yc;
    best = {*out, down, across, *in};
    best_length = length;
  }
  return best;
}

struct Extent {
  Shape shape = Shape::unplaced;
  std::optional<Instant> start;
  std::optional<Instant> end;
};

Extent extent_of(const Event& e, const EventWindow* window) {
  if (const auto* t = std::get_if<Timed>(&e.time)) return {Shape::mark, t->start, t->end};
  if (std::holds_alternative<AllDay>(e.time)) return {Shape::bar, e.start_utc(), e.end_utc()};
  const auto& w = std::get<Window>(e.time);
  Extent x{Shape::window, {}, {}};
  if (window) {
    x.start = window->start.earliest;
    x.end = window->end.latest ? window->end.latest : window->start.latest;
  } else {
    if (w.earliest_first) x.start = e.zone.start_of_day(*w.earliest_first);
    if (w.latest_last) x.end = e.zone.start_of_day(w.latest_last->plus_days(1));
    else if (w.latest_first) x.end = e.zone.start_of_day(w.latest_first->plus_days(1));
  }
  if (x.start && x.end && *x.end < *x.start) x.end = x.start;
  if (!x.start && !x.end) x.shape = Shape::unplaced;
  return x;
}

// The header above the axis: the title, when given, then the axis's zone and the time the drawing is
// as of, so that a drawing printed or passed on still says which clock and which moment it shows.
void lay_out_header(TimelineLayout& layout, const LayoutOptions& options) {
  double header_y = 4;
  if (!options.title.empty()) {
    layout.title = make_label(fit_label(options.title, options.width - 16), 8, header_y, 8, options.width - 8);
    header_y += M::header_line;
  }
  auto subtitle = fmt::format("Axis in {}", options.zone.name());
  layout.as_of = options.now;
  if (options.now) subtitle += fmt::format(" \u00B7 as of {}", clock_text(options.zone, *options.now));
  layout.subtitle = make_label(fit_label(subtitle, options.width - 16), 8, header_y, 8, options.width - 8);
  layout.axis_top = header_y + M::header_line + 2;
}

// The given events in chronological order, the order of TimelineLayout::events, each with its extent
// on the UTC line and the civil days it is on in its own zone.
struct Chronology {
  std::vector<std::size_t> order;           // Timeline indexes
  std::map<std::size_t, std::size_t> slot;  // Timeline index -> index into order (and layout.events)
  std::vector<Extent> extents;
  std::vector<DayRange> own_days;
};

Chronology chronology_of(const Timeline& timeline, std::span<const std::size_t> events,
                         const std::vector<EventWindow>* windows) {
  Chronology c;
  std::set<std::size_t> given(events.begin(), events.end());
  for (auto i : chronological_order(timeline, windows))
    if (given.count(i)) c.order.push_back(i);
  for (auto i : c.order) {
    const EventWindow* w = windows && i < windows->size() ? &(*windows)[i] : nullptr;
    c.slot[i] = c.extents.size();
    c.extents.push_back(extent_of(timeline.at(i), w));
    c.own_days.push_back(days_of(timeline.at(i), w, timeline.at(i).zone));
  }
  return c;
}

// The axis's span: local midnight (in the axis's zone) before the earliest start to local midnight
// after the latest end, or the days --from and --to ask for. Whole days, so that the axis begins and
// ends on a day tick; with no dated event it is the day of now (else a fixed day: the same input
// gives the same drawing).
void choose_span(TimeAxis& axis, const std::vector<Extent>& extents, const LayoutOptions& options) {
  std::optional<Instant> lo, hi;
  for (const auto& x : extents)
    for (auto t : {x.start, x.end})
      if (t) {
        lo = lo ? std::min(*lo, *t) : *t;
        hi = hi ? std::max(*hi, *t) : *t;
      }
  if (!lo) lo = hi = options.now ? *options.now : options.zone.start_of_day(*CivilDate::from_ymd(2000, 1, 1));
  auto first_day = options.first_day ? *options.first_day : options.zone.to_civil(*lo).date();
  auto last_day = options.last_day ? *options.last_day : options.zone.to_civil(*hi > *lo ? *hi - seconds{1} : *hi).date();
  if (last_day < first_day) {
    // One bound given and every event beyond it: the axis is that one day.
    if (options.first_day) last_day = first_day;
    else first_day = last_day;
  }
  axis.start = options.zone.start_of_day(first_day);
  axis.end = options.zone.start_of_day(last_day.plus_days(1));
}

// One shape per event at its extent on the axis, on a line of its own for now (lanes and rows come
// later): a bar, a diamond centred on a timed event's start (it keeps its size when zoomed), or a
// window, which runs to the edge of the axis on a side it is unbounded.
void place_shapes(TimelineLayout& layout, const Chronology& chronology) {
  const auto& axis = layout.axis;
  const auto& extents = chronology.extents;
  const auto& own_days = chronology.own_days;
  for (std::size_t k = 0; k < chronology.order.size(); ++k) {
    EventShape s;
    s.event = chronology.order[k];
    s.shape = extents[k].shape;
    s.open_start = s.shape == Shape::window && !extents[k].start;
    s.open_end = s.shape == Shape::window && !extents[k].end;
    s.start = extents[k].start.value_or(axis.start);
    s.end = extents[k].end.value_or(s.shape == Shape::window ? axis.end : s.start);
    double x0 = axis.x_of(s.start), x1 = axis.x_of(s.end);
    if (s.shape == Shape::mark) {
      x0 -= M::mark_radius;
      x1 = x0 + 2 * M::mark_radius;
    }
    s.box = {x0, 0, x1 - x0, s.shape == Shape::mark ? 2 * M::mark_radius : M::bar_height};
    if (own_days[k].placed) {
      s.first_day = own_days[k].first;
      s.last_day = own_days[k].last;
    }
    layout.events.push_back(std::move(s));
  }
}

// The bar shape k is stated to be during (by its own `during`, else by another's `contains`), when
// that event is a bar drawn here and holds it; its own statements win over the others'.
std::optional<std::size_t> stated_parent(const Timeline& timeline, const std::vector<EventShape>& shapes,
                                         const std::map<std::size_t, std::size_t>& slot, std::size_t k) {
  auto within = [&](std::size_t child, std::size_t p) {
    return shapes[p].shape == Shape::bar && (shapes[child].shape == Shape::bar || shapes[child].shape == Shape::mark) &&
           shapes[p].start <= shapes[child].start && shapes[child].end <= shapes[p].end;
  };
  const auto& own = timeline.at(shapes[k].event).relations;
  for (std::size_t r = 0; r < own.size(); ++r) {
    if (own[r].type != RelationType::during) continue;
    auto it = slot.find(timeline.target_of(shapes[k].event, r));
    if (it != slot.end() && it->second != k && within(k, it->second)) return it->second;
  }
  for (std::size_t p = 0; p < shapes.size(); ++p) {
    if (p == k) continue;
    const auto& others = timeline.at(shapes[p].event).relations;
    for (std::size_t r = 0; r < others.size(); ++r)
      if (others[r].type == RelationType::contains && timeline.target_of(shapes[p].event, r) == shapes[k].event && within(k, p)) return p;
  }
  return std::nullopt;
}

// `during` nesting: an event sits in the bar of the first event it is stated to be during (or that
// states it contains it) when that event is a bar drawn here and holds it; chains nest into their
// outermost bar, so that nesting is one level deep; a cycle of such statements nests nothing.
void nest_during(const Timeline& timeline, std::vector<EventShape>& shapes, const std::map<std::size_t, std::size_t>& slot) {
  std::vector<std::optional<std::size_t>> parent(shapes.size());
  for (std::size_t k = 0; k < shapes.size(); ++k) parent[k] = stated_parent(timeline, shapes, slot, k);
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    std::optional<std::size_t> root = parent[k];
    for (std::size_t steps = 0; root && parent[*root] && steps <= shapes.size(); ++steps) root = parent[*root];
    if (root && (*root == k || parent[*root])) root.reset();  // a cycle
    shapes[k].parent = root;
  }
}

// An item: an event drawn at the top of a lane, with the events nested in its bar. It takes a row of
// its lane as one block: its bar, the children's bars inside it, and the labels of all below.
struct Item {
  std::size_t root;
  std::vector<std::size_t> children;  // by start
  double left = 0, right = 0;         // of the bar and labels together: what must not overlap in a row
  std::size_t row = 0;
};

struct LaneItems {
  std::string name;
  std::vector<Item> items;
};

// Lanes in the order of their first event, each with its items; a nested event goes in its parent's
// lane and item, whatever its own key, so that it is drawn inside the parent's bar.
std::vector<LaneItems> assign_lanes(const Timeline& timeline, std::vector<EventShape>& shapes, LaneGrouping grouping) {
  std::vector<std::string> keys;
  std::vector<LaneItems> lanes;
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    if (shapes[k].shape == Shape::unplaced || shapes[k].parent) continue;
    auto key = lane_key(timeline.at(shapes[k].event), grouping);
    auto it = std::find(keys.begin(), keys.end(), key.key);
    if (it == keys.end()) {
      keys.push_back(key.key);
      lanes.push_back({key.name, {}});
      it = keys.end() - 1;
    }
    shapes[k].lane = static_cast<std::size_t>(it - keys.begin());
    lanes[shapes[k].lane].items.push_back({k, {}, 0, 0, 0});
  }
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    if (!shapes[k].parent) continue;
    auto p = *shapes[k].parent;
    shapes[k].lane = shapes[p].lane;
    for (auto& item : lanes[shapes[p].lane].items)
      if (item.root == p) item.children.push_back(k);
  }
  return lanes;
}

// Rows for an item's children inside the parent's bar, greedily by start: each child takes the first
// row where it starts after the last one (2 px apart, so that zero-length ones stay apart). Returns
// each child's row, and how many rows there are.
std::pair<std::vector<std::size_t>, std::size_t> stack_children(const std::vector<std::size_t>& children,
                                                                const std::vector<EventShape>& shapes) {
  std::vector<double> row_right;
  std::vector<std::size_t> child_row(children.size());
  for (std::size_t c = 0; c < children.size(); ++c) {
    const auto& b = shapes[children[c]].box;
    std::size_t r = 0;
    while (r < row_right.size() && row_right[r] + 2 > b.x) ++r;
    if (r == row_right.size()) row_right.push_back(0);
    row_right[r] = std::max(b.right(), b.x + 2);
    child_row[c] = r;
  }
  return {child_row, row_right.size()};
}

// An event's label at height y: its title, cut to fit, under the start of its shape inside the plot
// area. A label that would run past the plot area ends under the end of its own bar instead, so that
// it stays beside what it names (its distance to the anchor still only grows when zoomed).
Label event_label(const EventShape& s, const Event& e, double y, const TimeAxis& axis) {
  auto text = fit_label(e.title, std::min(M::max_label_width, axis.plot_x1 - axis.plot_x0));
  auto label = make_label(text, std::max(s.box.x, axis.plot_x0), y, axis.plot_x0, axis.plot_x1);
  if (std::max(s.box.x, axis.plot_x0) + label.box.width > axis.plot_x1)
    label.box.x = std::max(axis.plot_x0, std::min(s.box.right(), axis.plot_x1) - label.box.width);
  if (s.shape == Shape::mark) label.anchor_x = axis.x_of(s.start);  // a diamond keeps its size: follow its centre
  return label;
}

// An item's block, with y relative to the top of its bar until it has a row: the bar grows to hold
// the children's rows, each child's bar shrinks into its row, and the labels stack below the bar,
// the item's own first, so that each label has a line of its own. Sets the item's left and right.
void lay_out_item(Item& item, std::vector<EventShape>& shapes, const Timeline& timeline, const TimeAxis& axis) {
  auto& root = shapes[item.root];
  std::sort(item.children.begin(), item.children.end(), [&](std::size_t a, std::size_t b) {
    return std::pair{shapes[a].box.x, a} < std::pair{shapes[b].box.x, b};
  });
  auto [child_row, child_rows] = stack_children(item.children, shapes);
  if (root.shape != Shape::mark) root.box.height = M::bar_height + static_cast<double>(child_rows) * (M::child_height + 2);
  double label_y = root.box.height + 2;
  std::vector<std::size_t> members{item.root};
  members.insert(members.end(), item.children.begin(), item.children.end());
  item.left = root.box.x;
  item.right = std::max(root.box.right(), root.box.x + 2);
  for (std::size_t m = 0; m < members.size(); ++m) {
    auto& s = shapes[members[m]];
    s.label = event_label(s, timeline.at(s.event), label_y + static_cast<double>(m) * M::label_height, axis);
    item.left = std::min(item.left, s.label.box.x);
    item.right = std::max(item.right, s.label.box.right());
    if (m > 0) {  // the child's bar inside the parent's, below its main strip
      s.box.y = M::bar_height + static_cast<double>(child_row[m - 1]) * (M::child_height + 2);
      if (s.shape == Shape::bar) s.box.height = M::child_height;
      else s.box = {s.box.x + M::mark_radius - M::child_height / 2, s.box.y, M::child_height, M::child_height};
    }
  }
}

// Items into rows, greedily from the left: each takes the first row whose last item ends item_gap
// before it, so that no two items of a row overlap (and, labels keeping their width, never will when
// zoomed). Returns the height of each row's tallest block: bar and labels.
std::vector<double> pack_rows(std::vector<Item>& items, const std::vector<EventShape>& shapes) {
  std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) { return std::pair{a.left, a.root} < std::pair{b.left, b.root}; });
  std::vector<double> row_right, blocks;
  for (auto& item : items) {
    std::size_t r = 0;
    while (r < row_right.size() && row_right[r] + M::item_gap > item.left) ++r;
    if (r == row_right.size()) {
      row_right.push_back(0);
      blocks.push_back(0);
    }
    row_right[r] = item.right;
    item.row = r;
    auto labels = static_cast<double>(1 + item.children.size());
    blocks[r] = std::max(blocks[r], shapes[item.root].box.height + 2 + labels * M::label_height);
  }
  return blocks;
}

// The rows' tops one below the other from the lane's top, and above each the strip where routed
// arrows may run (the middle of the 4 + row_gap px between a row's block and the next bar). Returns
// the lane's bottom.
double stack_rows(const std::vector<double>& blocks, double top, std::vector<double>& row_top, std::vector<double>& channels) {
  row_top.assign(blocks.size(), 0);
  for (std::size_t r = 0; r < blocks.size(); ++r) {
    row_top[r] = top;
    channels.push_back(top - 2);
    top += 4 + blocks[r] + M::row_gap;
  }
  if (blocks.empty()) top += 4 + M::bar_height + 2 + M::label_height + M::row_gap;
  return top;
}

// Moves each item's shapes and labels from their bar's top to their row's, a timed event's diamond
// centred on the height of a bar.
void move_into_rows(const std::vector<Item>& items, const std::vector<double>& row_top, std::vector<EventShape>& shapes) {
  for (const auto& item : items) {
    double bar_top = row_top[item.row] + 4;
    auto& root = shapes[item.root];
    double mark_shift = root.shape == Shape::mark ? M::bar_height / 2 - M::mark_radius : 0;
    root.box.y = bar_top + mark_shift;
    root.label.box.y += bar_top;
    for (auto c : item.children) {
      shapes[c].box.y += bar_top;
      shapes[c].label.box.y += bar_top;
    }
  }
}

// A lane's header left of the plot area: its name beside its first row's bars, broken between words
// into as many lines as the lane's height holds, so that a long name never runs into the next lane.
Lane lane_header(std::string name, double top, double bottom, const LayoutOptions& options) {
  Lane l;
  l.name = std::move(name);
  l.y = top;
  l.height = bottom - top;
  double name_y = top + 4 + M::bar_height / 2 - M::label_height / 2;
  auto room = static_cast<std::size_t>(std::max(1.0, std::floor((bottom - name_y - 2) / M::label_height)));
  auto [lines, cut] = wrap_words(l.name, options.lane_header_width - 16, room);
  l.cut = cut;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    auto line = make_label(lines[n], 8, name_y + static_cast<double>(n) * M::label_height, 8, options.lane_header_width - 8);
    if (n == 0) l.label = std::move(line);
    else l.more_lines.push_back(std::move(line));
  }
  return l;
}

// The lanes one below the other from the axis band down, each as tall as its rows. Returns where the
// lanes end; `channels` gets the strips above each row.
double lay_out_lanes(TimelineLayout& layout, const Timeline& timeline, std::vector<LaneItems>& lanes,
                     const LayoutOptions& options, std::vector<double>& channels) {
  double y = layout.axis_top + M::axis_height + 6;
  for (auto& lane : lanes) {
    for (auto& item : lane.items) lay_out_item(item, layout.events, timeline, layout.axis);
    auto blocks = pack_rows(lane.items, layout.events);
    std::vector<double> row_top;
    double bottom = stack_rows(blocks, y, row_top, channels);
    move_into_rows(lane.items, row_top, layout.events);
    layout.lanes.push_back(lane_header(lane.name, y, bottom, options));
    y = bottom;
  }
  return y;
}

// The arrow for one dependency: out of the prerequisite's end when the dependent starts after it,
// else out of its start (they overlap), into the dependent's start, at the height of their bars.
// Its ends follow a diamond's centre when zoomed, as labels do, and a bar's edge otherwise.
DependencyArrow arrow_between(const TimelineLayout& layout, std::size_t from, std::size_t to) {
  const auto& a = layout.events[from];
  const auto& b = layout.events[to];
  auto middle = [&](const EventShape& s) { return s.box.y + std::min(s.box.height, M::bar_height) / 2; };
  DependencyArrow arrow;
  arrow.from = from;
  arrow.to = to;
  bool from_end = a.end <= b.start;
  arrow.x1 = from_end ? a.box.right() : a.box.x;
  arrow.anchor1 = a.shape == Shape::mark ? layout.axis.x_of(a.start) : arrow.x1;
  arrow.y1 = middle(a);
  arrow.x2 = b.box.x;
  arrow.anchor2 = b.shape == Shape::mark ? layout.axis.x_of(b.start) : arrow.x2;
  arrow.y2 = middle(b);
  return arrow;
}

// Arrows for the dependency relations (graph.h) between two placed events, except `during` and
// `contains`, which nesting shows. Ids name the pair, numbered when it repeats, so that a page can
// point at one arrow.
void draw_arrows(TimelineLayout& layout, const Timeline& timeline, const std::map<std::size_t, std::size_t>& slot) {
  const auto& shapes = layout.events;
  DependencyGraph graph{timeline};
  std::map<std::string, int> ids;
  for (const auto& link : graph.links()) {
    if (link.type == RelationType::during || link.type == RelationType::contains) continue;
    auto from = slot.find(link.prerequisite), to = slot.find(link.dependent);
    if (from == slot.end() || to == slot.end()) continue;
    if (shapes[from->second].shape == Shape::unplaced || shapes[to->second].shape == Shape::unplaced) continue;
    auto arrow = arrow_between(layout, from->second, to->second);
    auto base = fmt::format("arrow-{}-to-{}", timeline.at(shapes[from->second].event).id, timeline.at(shapes[to->second].event).id);
    int n = ++ids[base];
    arrow.id = n == 1 ? base : fmt::format("{}-{}", base, n);
    arrow.type = link.type;
    layout.arrows.push_back(std::move(arrow));
  }
}

// Arrows whose curve would cross an event's label go around them, through the channels between rows;
// one budget for the whole drawing keeps a crowded one fast (route_around).
void route_arrows(TimelineLayout& layout, const std::vector<double>& channels) {
  std::vector<const Label*> obstacles;
  for (const auto& s : layout.events)
    if (s.shape != Shape::unplaced) obstacles.push_back(&s.label);
  std::size_t budget = 50'000'000;
  for (auto& arrow : layout.arrows)
    if (budget > 0 && curve_crossings(arrow, obstacles) > 0) arrow.route = route_around(arrow, obstacles, channels, budget);
}

// The now-line's label, centred under the line, when now falls on the axis. Returns the footer's next line.
double lay_out_now(TimelineLayout& layout, const LayoutOptions& options, double footer) {
  const auto& axis = layout.axis;
  if (!options.now || *options.now < axis.start || *options.now > axis.end) return footer;
  layout.now = options.now;
  layout.now_x = axis.x_of(*options.now);
  auto text = "now " + clock_text(options.zone, *options.now);
  layout.now_label = make_label(text, *layout.now_x - label_width(text) / 2, footer, axis.plot_x0, axis.plot_x1);
  layout.now_label->anchor_x = *layout.now_x;  // centred on the line, wherever a zoom moves it
  return footer + M::label_height + 6;
}

// The order the legend lists event kinds in, fixed so that two drawings' legends read alike.
constexpr std::array kLegendKinds{EventKind::summit,   EventKind::talks,        EventKind::bilateral, EventKind::call,
                                  EventKind::deadline, EventKind::announcement, EventKind::market,    EventKind::visit,
                                  EventKind::meeting,  EventKind::election,     EventKind::other};

// What the legend explains: only the kinds of the bars and marks drawn, a window if one is, the now-line if drawn.
std::vector<std::string> legend_keys(const TimelineLayout& layout, const Timeline& timeline) {
  const auto& shapes = layout.events;
  std::vector<std::string> keys;
  for (auto kind : kLegendKinds)
    if (std::any_of(shapes.begin(), shapes.end(), [&](const EventShape& s) {
          return s.shape != Shape::unplaced && s.shape != Shape::window && timeline.at(s.event).kind == kind;
        }))
      keys.emplace_back(to_string(kind));
  if (std::any_of(shapes.begin(), shapes.end(), [](const EventShape& s) { return s.shape == Shape::window; })) keys.emplace_back("window");
  if (layout.now_x) keys.emplace_back("now");
  return keys;
}

// The legend's entries, a swatch and its words, left to right under the plot area, breaking to a new
// line where the next would run past it. Returns the footer's next line.
double lay_out_legend(TimelineLayout& layout, const std::vector<std::string>& keys, double footer) {
  const auto& axis = layout.axis;
  double x = axis.plot_x0;
  for (const auto& key : keys) {
    std::string text = key == "window" ? "window (undated: where it may fall)" : key;
    double w = 14 + label_width(text);
    if (x + w > axis.plot_x1 && x > axis.plot_x0) {
      x = axis.plot_x0;
      footer += M::label_height + 4;
    }
    LegendEntry entry;
    entry.key = key;
    entry.swatch = {x, footer + 3, 10, 10};
    entry.label = make_label(text, x + 14, footer, x + 14, 1e9);
    layout.legend.push_back(std::move(entry));
    x += w + 16;
  }
  if (!keys.empty()) footer += M::label_height + 8;
  return footer;
}

// Lanes by actor group are not what a reader expects (one lane per actor), so the drawing says what
// they are. Returns the footer's next line.
double lay_out_lanes_note(TimelineLayout& layout, const LayoutOptions& options, double footer) {
  if (options.lanes != LaneGrouping::actor) return footer;
  layout.lanes_note = make_label(fit_label("Lanes: one per group of actors; an event is in the lane of exactly its actors", options.width - 16),
                                 layout.axis.plot_x0, footer, 8, options.width - 8);
  return footer + M::label_height + 4;
}

// The events with no place on the axis (undated, with no window), one line each, so that none is
// silently left out of the drawing. Returns the footer's next line.
double list_unplaced(TimelineLayout& layout, const Timeline& timeline, const LayoutOptions& options, double footer) {
  for (auto& s : layout.events) {
    if (s.shape != Shape::unplaced) continue;
    const auto& e = timeline.at(s.event);
    s.label = make_label(fit_label("Undated, no window: " + e.title, options.width - 16), 8, footer, 8, options.width - 8);
    s.box = {8, footer, 0, 0};
    footer += M::label_height + 2;
  }
  return footer;
}

}  // namespace

std::string_view to_string(LaneGrouping g) {
  switch (g) {
    case LaneGrouping::kind: return "kind";
    case LaneGrouping::actor: return "actor";
    case LaneGrouping::location: break;
  }
  return "location";
}

std::optional<LaneGrouping> parse_lane_grouping(std::string_view text) {
  for (auto g : {LaneGrouping::location, LaneGrouping::kind, LaneGrouping::actor})
    if (to_string(g) == text) return g;
  return std::nullopt;
}

double label_width(std::string_view text) {
  double em = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto [c, n] = decode(text, i);
    em += em_of(c);
    i += n;
  }
  return em * M::font_size;
}

std::string fit_label(std::string_view text, double max_width) {
  if (label_width(text) <= max_width) return std::string{text};
  const std::string_view ellipsis = "\u2026";
  double budget = max_width - label_width(ellipsis), used = 0;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto [c, n] = decode(text, i);
    if (used + em_of(c) * M::font_size > budget) break;
    used += em_of(c) * M::font_size;
    i += n;
    cut = i;
  }
  auto head = text.substr(0, cut);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  return std::string{head} + std::string{ellipsis};
}

bool overlaps(const Box& a, const Box& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

double TimeAxis::x_of(Instant t) const {
  auto span = static_cast<double>((end - start).count());
  return plot_x0 + static_cast<double>((t - start).count()) / span * (plot_x1 - plot_x0);
}

std::vector<const Label*> TimelineLayout::labels() const {
  std::vector<const Label*> out;
  if (title) out.push_back(&*title);
  out.push_back(&subtitle);
  for (const auto& l : axis_labels) out.push_back(&l);
  for (const auto& l : lanes) {
    out.push_back(&l.label);
    for (const auto& more : l.more_lines) out.push_back(&more);
  }
  for (const auto& e : events) out.push_back(&e.label);
  if (now_label) out.push_back(&*now_label);
  for (const auto& l : legend) out.push_back(&l.label);
  if (lanes_note) out.push_back(&*lanes_note);
  return out;
}

const EventShape* TimelineLayout::shape_of(std::size_t event) const {
  for (const auto& s : events)
    if (s.event == event) return &s;
  return nullptr;
}

TimelineLayout layout_timeline(const Timeline& timeline, std::span<const std::size_t> events,
                               const std::vector<EventWindow>* windows, const LayoutOptions& options) {
  TimelineLayout layout;
  layout.width = options.width;
  layout.zone = options.zone;
  auto& axis = layout.axis;
  axis.plot_x0 = options.lane_header_width;
  axis.plot_x1 = std::max(options.width - options.margin_right, axis.plot_x0 + 100);

  lay_out_header(layout, options);
  auto chronology = chronology_of(timeline, events, windows);
  choose_span(axis, chronology.extents, options);
  place_shapes(layout, chronology);
  nest_during(timeline, layout.events, chronology.slot);
  auto lanes = assign_lanes(timeline, layout.events, options.lanes);
  std::vector<double> channels;  // free strips between rows, where routed arrows run
  layout.lanes_bottom = lay_out_lanes(layout, timeline, lanes, options, channels);
  channels.push_back(layout.lanes_bottom - 2);
  lay_out_ticks(layout);
  lay_out_months(layout);
  draw_arrows(layout, timeline, chronology.slot);
  route_arrows(layout, channels);

  // The footer, from the lanes down: now, the legend, what a lane holds, the events with no place.
  double footer = layout.lanes_bottom + 6;
  footer = lay_out_now(layout, options, footer);
  footer = lay_out_legend(layout, legend_keys(layout, timeline), footer);
  footer = lay_out_lanes_note(layout, options, footer);
  footer = list_unplaced(layout, timeline, options, footer);
  layout.height = footer + 8;
  return layout;
}

}  // namespace dipcal
