// The script of `dipcal export html`: tooltips, zoom and pan along the axis, and a zone selector that
// redraws the axis. Embedded in the page at build time (cli/assets/CMakeLists.txt); it fetches nothing.
//
// Zooming moves things along the axis only: a base x (the layout's, at zoom 1) goes to
//   x' = plotX0 + (x − plotX0)·k − pan        (k ≥ 1, 0 ≤ pan ≤ (plotX1 − plotX0)(k − 1))
// bars stretch, marks and labels keep their size, and a label keeps its offset from its anchor
// (data-anchor, data-dx), which is why labels laid out without overlap at k = 1 never overlap when
// zoomed in (see engine/include/dipcal/draw/timeline_layout.h). The axis ticks are recomputed with the same
// rules as the engine's layout, in the zone chosen in the selector, which the page's heading, the
// drawing's subtitle and the now label then name.
(function () {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.querySelector('svg.dipcal-timeline');
  if (!svg) return;
  const data = svg.dataset;
  const axisStart = Date.parse(data.axisStartUtc);
  const axisEnd = Date.parse(data.axisEndUtc);
  const plotX0 = Number(data.plotX0);
  const plotX1 = Number(data.plotX1);
  const lanesBottom = Number(data.lanesBottom);
  const axisHeight = Number(data.lanesTop);  // the axis rule: the axis band's bottom
  const axisTop = Number(data.axisTop) || 0;
  const viewBoxWidth = svg.viewBox.baseVal.width;
  const HOUR = 3600e3;
  const DAY = 24 * HOUR;
  const MAX_ZOOM = 400;
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const state = { k: 1, pan: 0, zone: data.axisZone || 'UTC' };

  // ---- Label widths: the engine's per-character estimate (timeline_layout.cpp), at 12 px.
  const ASCII_EM = [
    0.32, 0.41, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.50, 0.84, 0.32, 0.37, 0.32, 0.34,
    0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.56,
    1.02, 0.69, 0.69, 0.73, 0.77, 0.67, 0.62, 0.78, 0.76, 0.30, 0.50, 0.67, 0.56, 0.87, 0.75, 0.79,
    0.67, 0.79, 0.73, 0.67, 0.62, 0.74, 0.69, 0.99, 0.69, 0.67, 0.69, 0.39, 0.34, 0.39, 0.84, 0.56,
    0.50, 0.62, 0.64, 0.56, 0.64, 0.62, 0.36, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98, 0.64, 0.62,
    0.64, 0.64, 0.42, 0.53, 0.40, 0.64, 0.60, 0.82, 0.60, 0.60, 0.53, 0.64, 0.34, 0.64, 0.84,
  ];
  function labelWidth(text) {
    let em = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0);
      if (c >= 0x20 && c < 0x7f) em += ASCII_EM[c - 0x20];
      else if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
               (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || c >= 0x1f000 ||
               c === 0x2014 || c === 0x2026) em += 1.0;
      else em += 0.78;
    }
    return em * 12;
  }

  // ---- Zones, through Intl: civil fields of an instant, and the instant of a civil time.
  const partsFormatters = new Map();
  function civil(ms, zone) {
    let f = partsFormatters.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
      });
      partsFormatters.set(zone, f);
    }
    const p = {};
    for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
    return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, mi: Number(p.minute), s: Number(p.second), wd: p.weekday };
  }
  function offsetAt(ms, zone) {
    const c = civil(ms, zone);
    return Date.UTC(c.y, c.mo - 1, c.d, c.h, c.mi, c.s) - Math.floor(ms / 1000) * 1000;
  }
  // The instant a clock in `zone` shows y-mo-d h:00; in a DST gap the instant the clock jumps past
  // it, in an overlap the first of the two, as the engine's Zone::resolve(...).earliest_valid().
  function zonedToUtc(y, mo, d, h, zone) {
    const local = Date.UTC(y, mo - 1, d, h);
    const before = offsetAt(local - DAY, zone);
    const after = offsetAt(local + DAY, zone);
    const tBefore = local - before;
    const tAfter = local - after;
    const okBefore = offsetAt(tBefore, zone) === before;
    const okAfter = offsetAt(tAfter, zone) === after;
    if (okBefore && okAfter) return Math.min(tBefore, tAfter);
    if (okBefore) return tBefore;
    if (okAfter) return tAfter;
    let lo = Math.min(tBefore, tAfter);
    let hi = Math.max(tBefore, tAfter);
    while (hi - lo > 60e3) {  // transitions fall on whole minutes
      const mid = Math.floor((lo + hi) / 2 / 60e3) * 60e3;
      if (offsetAt(mid, zone) === before) lo = mid; else hi = mid;
    }
    return hi;
  }
  function nextDay(c) {
    const t = new Date(Date.UTC(c.y, c.mo - 1, c.d + 1));
    return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() };
  }
  function sameOrBefore(a, b) { return a.y !== b.y ? a.y < b.y : a.mo !== b.mo ? a.mo < b.mo : a.d <= b.d; }
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // ---- Axis positions.
  const baseX = (ms) => plotX0 + (ms - axisStart) / (axisEnd - axisStart) * (plotX1 - plotX0);
  const view = (x) => plotX0 + (x - plotX0) * state.k - state.pan;
  const timeAtView = (x) => axisStart + ((x - plotX0 + state.pan) / state.k) / (plotX1 - plotX0) * (axisEnd - axisStart);
  const fmt = (n) => String(Math.round(n * 100) / 100);

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The engine's tick rules (lay_out_ticks, lay_out_months) over the visible part of the axis.
  function drawAxis() {
    const group = svg.querySelector('g.axis');
    while (group.firstChild) group.removeChild(group.firstChild);
    const zone = state.zone;
    const t0 = Math.max(axisStart, timeAtView(plotX0));
    const t1 = Math.min(axisEnd, timeAtView(plotX1));
    const pxPerMs = (plotX1 - plotX0) * state.k / (axisEnd - axisStart);
    const hourRoom = labelWidth('00:00') + 8;
    const dayRoom = labelWidth('30') + 6;
    let step = 0;
    for (const hours of [1, 3, 6, 12]) if (!step && hours * HOUR * pxPerMs >= hourRoom) step = hours * HOUR;
    if (!step && DAY * pxPerMs >= dayRoom) step = DAY;
    if (!step && 7 * DAY * pxPerMs >= dayRoom) step = 7 * DAY;

    const first = civil(t0, zone);
    const last = civil(t1, zone);
    const ticks = [];
    for (let c = { y: first.y, mo: first.mo, d: first.d }; sameOrBefore(c, last); c = nextDay(c)) {
      const monthStart = c.d === 1;
      const dayNumber = String(c.d);
      if (step && step < DAY) {
        for (let h = 0; h < 24; h += step / HOUR)
          ticks.push({ at: zonedToUtc(c.y, c.mo, c.d, h, zone), major: h === 0, text: h === 0 ? dayNumber : String(h).padStart(2, '0') + ':00' });
        continue;
      }
      const weekday = new Date(Date.UTC(c.y, c.mo - 1, c.d)).getUTCDay();
      const labelled = step === DAY || (step === 7 * DAY && weekday === 1);
      if (labelled || monthStart) ticks.push({ at: zonedToUtc(c.y, c.mo, c.d, 0, zone), major: monthStart, text: labelled ? dayNumber : '' });
    }
    let lastRight = -1e9;
    for (const t of ticks) {
      if (t.at < t0 || t.at > t1) continue;
      const x = view(baseX(t.at));
      group.appendChild(el('line', { class: t.major ? 'tick major' : 'tick', x1: fmt(x), x2: fmt(x), y1: fmt(axisHeight - (t.major ? 22 : 6)), y2: fmt(lanesBottom) }));
      if (!t.text) continue;
      const w = labelWidth(t.text);
      const lx = x + 2;
      if (lx + w > plotX1 || lx < lastRight + 2) continue;
      lastRight = lx + w;
      group.appendChild(el('text', { class: 'axis-label day', x: fmt(lx), y: fmt(axisTop + 34) }, t.text));
    }

    // Months, or years when months are too narrow to name.
    const monthPx = 28 * DAY * pxPerMs;
    const form = monthPx >= labelWidth('May 2025') + 10 ? 'month-year' : monthPx >= labelWidth('May') + 8 ? 'month' : 'year';
    const candidates = [{ c: first, at: t0, axisStart: true }];
    for (let c = nextDay(first); sameOrBefore(c, last); c = nextDay(c)) {
      if (c.d !== 1 || (form === 'year' && c.mo !== 1)) continue;
      candidates.push({ c, at: zonedToUtc(c.y, c.mo, c.d, 0, zone), axisStart: false });
    }
    const kept = [];
    let keptAxisStart = false;
    for (const cand of candidates) {
      if (cand.at >= t1) continue;
      const { c } = cand;
      const text = form === 'year' ? String(c.y)
        : form === 'month-year' || cand.axisStart ? MONTHS[c.mo - 1] + ' ' + c.y
        : c.mo === 1 ? String(c.y) : MONTHS[c.mo - 1];
      const x = view(baseX(cand.at)) + 3;
      const w = labelWidth(text);
      if (x + w > plotX1) continue;
      if (kept.length && x < kept[kept.length - 1].x + kept[kept.length - 1].w + 4) {
        if (!(kept.length === 1 && keptAxisStart)) continue;
        kept.pop();
      }
      keptAxisStart = kept.length === 0 && cand.axisStart;
      kept.push({ x, w, text });
    }
    for (const k of kept) group.appendChild(el('text', { class: 'axis-label month', x: fmt(k.x), y: fmt(axisTop + 16) }, k.text));
  }

  // ---- Moving everything along the axis.
  const plot = svg.querySelector('g.plot');
  const stretchables = Array.from(plot.querySelectorAll('[data-x0][data-x1]'));
  const marks = Array.from(plot.querySelectorAll('path.mark[data-x]'));
  const labels = Array.from(plot.querySelectorAll('text[data-anchor]'));
  const arrows = Array.from(plot.querySelectorAll('path.arrow'));
  const nowLine = plot.querySelector('line.now');
  const nowLabel = svg.querySelector('text.now-label');
  const zoomLevel = document.getElementById('zoom-level');

  // The curve of svg/timeline_svg.cpp, or straight segments through a route's corners, each kept at
  // its distance dx from its anchor as labels are (data-route: "anchor,dx,y …", timeline_layout.h).
  function arrowPath(x1, y1, x2, y2, route) {
    if (route) {
      let d = `M${fmt(x1)},${fmt(y1)}`;
      for (const p of route.split(' ')) {
        const [anchor, dx, y] = p.split(',').map(Number);
        d += ` L${fmt(view(anchor) + dx)},${fmt(y)}`;
      }
      return d + ` L${fmt(x2)},${fmt(y2)}`;
    }
    const c = Math.max(12, Math.abs(x2 - x1) / 2);
    return `M${fmt(x1)},${fmt(y1)} C${fmt(x1 + c)},${fmt(y1)} ${fmt(x2 - c)},${fmt(y2)} ${fmt(x2)},${fmt(y2)}`;
  }

  function redraw() {
    for (const r of stretchables) {
      const x0 = view(Number(r.dataset.x0));
      const x1 = view(Number(r.dataset.x1));
      const min = r.classList.contains('span') ? 0 : 2;
      r.setAttribute('x', fmt(x0));
      r.setAttribute('width', fmt(Math.max(x1 - x0, min)));
    }
    for (const m of marks) m.setAttribute('transform', `translate(${fmt(view(Number(m.dataset.x)))},${m.dataset.y})`);
    for (const t of labels) {
      const anchor = view(Number(t.dataset.anchor));
      let x = anchor + Number(t.dataset.dx);
      // A label the layout pulled left to end under its bar's end: as the bar widens it slides right,
      // still ending under the bar's end, until it starts where the bar starts. Its left end only moves
      // right of the proven position and its right end stays under its own bar, so it meets no label.
      if (t.dataset.end !== undefined) x = Math.min(Math.max(view(Number(t.dataset.end)) - Number(t.dataset.width), x), anchor);
      t.setAttribute('x', fmt(x));
    }
    for (const a of arrows) {
      const d = a.dataset;
      const x1 = view(Number(d.anchor1)) + Number(d.x1) - Number(d.anchor1);
      const x2 = view(Number(d.anchor2)) + Number(d.x2) - Number(d.anchor2);
      a.setAttribute('d', arrowPath(x1, Number(d.y1), x2, Number(d.y2), d.route));
    }
    if (nowLine) {
      const x = view(Number(nowLine.dataset.x));
      nowLine.setAttribute('x1', fmt(x));
      nowLine.setAttribute('x2', fmt(x));
      if (nowLabel) {
        const w = Number(nowLabel.dataset.width) || labelWidth(nowLabel.textContent);
        const lx = Math.min(Math.max(view(Number(nowLabel.dataset.anchor)) + Number(nowLabel.dataset.dx), plotX0), plotX1 - w);
        nowLabel.setAttribute('x', fmt(lx));
        nowLabel.style.visibility = x < plotX0 || x > plotX1 ? 'hidden' : 'visible';
      }
    }
    svg.dataset.zoom = String(state.k);
    svg.dataset.pan = String(state.pan);
    if (zoomLevel) zoomLevel.textContent = Math.round(state.k * 100) + '%';
    drawAxis();
  }

  function clampPan() {
    state.pan = Math.min(Math.max(state.pan, 0), (plotX1 - plotX0) * (state.k - 1));
  }
  // Zooms by `factor`, keeping the axis position under view x `focus` where it is.
  function zoom(factor, focus) {
    const f = focus === undefined ? (plotX0 + plotX1) / 2 : Math.min(Math.max(focus, plotX0), plotX1);
    const base = plotX0 + (f - plotX0 + state.pan) / state.k;
    state.k = Math.min(Math.max(state.k * factor, 1), MAX_ZOOM);
    state.pan = plotX0 + (base - plotX0) * state.k - f;
    clampPan();
    redraw();
  }
  function panBy(dx) {
    state.pan += dx;
    clampPan();
    redraw();
  }
  function reset() {
    state.k = 1;
    state.pan = 0;
    redraw();
  }
  function toViewX(clientX) {
    const r = svg.getBoundingClientRect();
    return (clientX - r.left) * viewBoxWidth / r.width;
  }
  function eventX(g) {
    const shape = g.querySelector('[data-x0], path.mark[data-x]');
    if (!shape) return null;
    return view(Number(shape.dataset.x0 !== undefined ? shape.dataset.x0 : shape.dataset.x));
  }

  // ---- Tooltip.
  const tooltip = document.getElementById('tooltip');
  const formatters = new Map();
  function formatter(zone, withTime) {
    const key = zone + (withTime ? '|t' : '|d');
    let f = formatters.get(key);
    if (!f) {
      const o = { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
      if (withTime) Object.assign(o, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
      f = new Intl.DateTimeFormat(undefined, o);
      formatters.set(key, f);
    }
    return f;
  }
  // formatRange leaves out what the two ends share: "Thu 30 Oct 2025, 11:00 – 12:40 GMT+9".
  function timeText(start, end, zone, allDay) {
    if (allDay) return formatter(zone, false).formatRange(new Date(start), new Date(end - 1)) + ' (all day)';
    const f = formatter(zone, true);
    if (end === start) return f.format(new Date(start));
    return f.formatRange(new Date(start), new Date(end));
  }
  // A civil date "2025-12-31" as the formatter writes dates ("Wed, 31 Dec 2025"): it names a day,
  // not an instant, so it is formatted at noon UTC in UTC, whatever the zones involved.
  function dayText(iso) {
    const [y, mo, d] = iso.split('-').map(Number);
    return formatter('UTC', false).format(new Date(Date.UTC(y, mo - 1, d, 12)));
  }
  function row(dl, term, value) {
    dl.appendChild(Object.assign(document.createElement('dt'), { textContent: term }));
    const dd = document.createElement('dd');
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function showTooltip(g) {
    const d = g.dataset;
    tooltip.textContent = '';
    tooltip.appendChild(Object.assign(document.createElement('p'), { className: 'tt-title', textContent: d.title }));
    const dl = document.createElement('dl');
    const start = d.startUtc ? Date.parse(d.startUtc) : null;
    const end = d.endUtc ? Date.parse(d.endUtc) : null;
    const isWindow = g.classList.contains('shape-window');
    const allDay = d.allDay === 'true' && !isWindow;
    if (start !== null && end !== null && !isWindow) {
      row(dl, 'In ' + d.zone, timeText(start, end, d.zone, allDay));
      if (viewerZone !== d.zone) row(dl, 'Your zone (' + viewerZone + ')', timeText(start, end, viewerZone, false));
      if (state.zone !== d.zone && state.zone !== viewerZone) row(dl, 'In ' + state.zone, timeText(start, end, state.zone, false));
    } else if (isWindow) {
      // The days it may fall on, in its own zone, as the CLI gives them (query/days.h): the last is
      // the day before the midnight a window of whole days ends at.
      const from = d.firstDay ? dayText(d.firstDay) : 'open';
      const to = d.lastDay ? dayText(d.lastDay) : 'open';
      row(dl, 'Possibly (' + d.zone + ')', from + ' … ' + to);
      // An imprecise all-day event keeps its days in every zone; an undated one may start at an instant.
      if (viewerZone !== d.zone && start !== null && d.undated === 'true')
        row(dl, 'Your zone (' + viewerZone + ')', 'from ' + formatter(viewerZone, true).format(new Date(start)));
    } else {
      row(dl, 'When', 'undated; no relation places it');
    }
    if (d.place) row(dl, 'Where', d.place);
    row(dl, 'Kind', d.kind + ', ' + d.status);
    let sources = [];
    try { sources = JSON.parse(d.sources || '[]'); } catch (e) { sources = []; }
    if (sources.length) {
      const ul = document.createElement('ul');
      for (const s of sources) {
        const li = document.createElement('li');
        li.textContent = s.outlet + (s.published ? ', ' + s.published : '');
        let host = '';
        try { host = s.url ? new URL(s.url).host : ''; } catch (e) { host = ''; }
        if (host) li.appendChild(Object.assign(document.createElement('span'), { className: 'tt-url', textContent: ' (' + host + ')' }));
        ul.appendChild(li);
      }
      row(dl, 'Sources', ul);
    }
    tooltip.appendChild(dl);
    tooltip.hidden = false;
    const r = g.getBoundingClientRect();
    const t = tooltip.getBoundingClientRect();
    let left = Math.min(r.left, window.innerWidth - t.width - 8);
    let top = r.bottom + 8;
    if (top + t.height > window.innerHeight - 8) top = Math.max(8, r.top - t.height - 8);
    tooltip.style.left = Math.max(8, left) + 'px';
    tooltip.style.top = top + 'px';
    g.setAttribute('aria-describedby', 'tooltip');
  }
  function hideTooltip() {
    tooltip.hidden = true;
  }

  const events = Array.from(svg.querySelectorAll('g.event'));
  for (const g of events) {
    g.addEventListener('pointerenter', () => showTooltip(g));
    g.addEventListener('pointerleave', () => { if (document.activeElement !== g) hideTooltip(); });
    g.addEventListener('focus', () => {
      const x = eventX(g);
      if (x !== null && (x < plotX0 || x > plotX1)) {
        state.pan += x - (plotX0 + plotX1) / 2;
        clampPan();
        redraw();
      }
      showTooltip(g);
    });
    g.addEventListener('blur', hideTooltip);
  }

  // ---- The zone the axis is drawn in, wherever the page names it: the heading and the drawing's
  // subtitle ("Axis in ZONE · as of 2025-10-26 13:00 KST"), the "as of" time read on that zone's clock.
  const headingZone = document.getElementById('axis-zone-name');
  const subtitle = svg.querySelector('text.subtitle');
  function clockText(ms, zone) {
    const c = civil(ms, zone);
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName');
    const pad = (n) => String(n).padStart(2, '0');
    return `${c.y}-${pad(c.mo)}-${pad(c.d)} ${pad(c.h)}:${pad(c.mi)}` + (name ? ' ' + name.value : '');
  }
  function showZone() {
    if (headingZone) headingZone.textContent = state.zone;
    if (!subtitle) return;
    const asOf = subtitle.dataset.asOfUtc ? Date.parse(subtitle.dataset.asOfUtc) : null;
    const text = 'Axis in ' + state.zone + (asOf !== null ? ' \u00b7 as of ' + clockText(asOf, state.zone) : '');
    subtitle.textContent = text;
    subtitle.dataset.width = fmt(labelWidth(text));
    // The now-line's label reads the same clock, centred on the line as the layout centred it.
    if (nowLabel && svg.dataset.nowUtc) {
      const now = 'now ' + clockText(Date.parse(svg.dataset.nowUtc), state.zone);
      const w = labelWidth(now);
      nowLabel.dataset.dx = fmt(-w / 2);
      nowLabel.dataset.width = fmt(w);
      nowLabel.textContent = now;
      redraw();
    }
  }

  // ---- Zone selector: the axis's zone, the viewer's, UTC and every event's.
  const select = document.getElementById('zone');
  if (select) {
    const zones = [data.axisZone, viewerZone, 'UTC'];
    for (const g of events) zones.push(g.dataset.zone);
    const seen = new Set();
    const rest = [];
    for (const z of zones) {
      if (!z || seen.has(z)) continue;
      seen.add(z);
      rest.push(z);
    }
    const head = rest.slice(0, 1);
    const tail = rest.slice(1).sort();
    for (const z of head.concat(tail)) {
      const label = z + (z === viewerZone ? ' (yours)' : '') + (z === data.axisZone ? ' (--tz)' : '');
      select.appendChild(Object.assign(document.createElement('option'), { value: z, textContent: label }));
    }
    select.value = state.zone;
    select.addEventListener('change', () => {
      state.zone = select.value;
      svg.dataset.axisZoneShown = state.zone;
      hideTooltip();
      drawAxis();
      showZone();
    });
  }

  // ---- Controls: buttons, keys, wheel, drag.
  const click = (id, f) => { const b = document.getElementById(id); if (b) b.addEventListener('click', f); };
  click('zoom-in', () => zoom(1.5));
  click('zoom-out', () => zoom(1 / 1.5));
  click('zoom-reset', reset);

  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target;
    // A select or a text field keeps its own keys; a button only Enter and Space.
    const tag = target && target.tagName;
    if ((tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA') && e.key !== 'Escape') return;
    if (tag === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
    const focused = target && target.classList && target.classList.contains('event') ? eventX(target) : undefined;
    const panStep = (plotX1 - plotX0) / 8;
    switch (e.key) {
      case '+': case '=': zoom(1.5, focused === null ? undefined : focused); break;
      case '-': case '_': zoom(1 / 1.5, focused === null ? undefined : focused); break;
      case 'ArrowLeft': panBy(-panStep); break;
      case 'ArrowRight': panBy(panStep); break;
      case '0': case 'Home': reset(); break;
      case 'Escape': hideTooltip(); break;
      default: return;
    }
    e.preventDefault();
    if (target && target.classList && target.classList.contains('event') && !tooltip.hidden) showTooltip(target);
  });

  svg.addEventListener('wheel', (e) => {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      zoom(Math.exp(-e.deltaY / 300), toViewX(e.clientX));
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      panBy((e.shiftKey ? e.deltaY : e.deltaX) * viewBoxWidth / svg.getBoundingClientRect().width);
    }
  }, { passive: false });
  svg.addEventListener('dblclick', (e) => zoom(e.shiftKey ? 1 / 2 : 2, toViewX(e.clientX)));

  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || state.k === 1) return;
    drag = { x: e.clientX, pan: state.pan };
    svg.setPointerCapture(e.pointerId);
    svg.classList.add('dragging');
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    state.pan = drag.pan - (e.clientX - drag.x) * viewBoxWidth / svg.getBoundingClientRect().width;
    clampPan();
    redraw();
  });
  const endDrag = () => { drag = null; svg.classList.remove('dragging'); };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);

  svg.dataset.ready = 'true';
})();
