// `dipcal export html` and `export svg` on the bundled fixtures, in Debian's chromium.
//
//   node timeline.test.js --dipcal build/cli/dipcal --out build/tests/browser
//
// The page is written with --tz UTC and --now 2025-10-26T12:00+08:00 and viewed from a browser in
// America/New_York with an en-GB locale. Every expected instant below is worked out by hand from the
// fixture's local dates (Kuala Lumpur is UTC+08, Seoul UTC+09, New York UTC−04 until 2 Nov 2025);
// positions are compared through ratios of time spans, so no number is taken from dipcal itself.
// A second calendar, fixtures/ukraine-2025.yaml, holds the shapes the seed lacks: an EDTF window
// ("November or December"), undated events placed by relations, events with several actors. Its
// weekdays come from a printed calendar of 2025 (1 Nov is a Saturday, 31 Dec a Wednesday, 18 Aug a
// Monday, 25 Nov a Tuesday).
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launch, runner, assert, near, readPng } = require('./harness');

function argument(name) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) {
    console.error(`usage: node timeline.test.js --dipcal PATH --out DIR`);
    process.exit(2);
  }
  return path.resolve(process.argv[i + 1]);
}

const dipcal = argument('--dipcal');
const out = argument('--out');
fs.mkdirSync(out, { recursive: true });
const NOW = ['--tz', 'UTC', '--now', '2025-10-26T12:00+08:00'];
const run = (...args) => execFileSync(dipcal, args, { encoding: 'utf8' });

const HOUR = 3600e3;
const DAY = 24 * HOUR;

const pagePath = path.join(out, 'seed.html');
const svgPath = path.join(out, 'seed.svg');
run('export', 'html', ...NOW, '-o', pagePath);
run('export', 'svg', ...NOW, '-o', svgPath);
const pageUrl = pathToFileURL(pagePath).href;
const svgUrl = pathToFileURL(svgPath).href;
const listed = JSON.parse(run('list', '--json', ...NOW));

const UKRAINE = ['--fixtures', path.join(__dirname, 'fixtures', 'ukraine-2025.yaml'), '--now', '2025-10-26T12:00Z'];
const ukrainePath = path.join(out, 'ukraine.html');
const ukraineSvgPath = path.join(out, 'ukraine.svg');
run('export', 'html', ...UKRAINE, '--tz', 'UTC', '--from', '2025-08-01', '--to', '2025-12-31', '--lanes', 'actor', '-o', ukrainePath);
run('export', 'svg', ...UKRAINE, '--tz', 'America/New_York', '--from', '2025-08-01', '--to', '2025-12-31',
  '--title', 'Russia–Ukraine diplomacy 2025', '-o', ukraineSvgPath);
const ukraineUrl = pathToFileURL(ukrainePath).href;
const ukraineSvgUrl = pathToFileURL(ukraineSvgPath).href;

const t = runner();
const requests = [];
const consoleErrors = [];
let browser;
let page;

async function open(url = pageUrl) {
  await page.goto(url);
  if (url.endsWith('.html')) await page.waitForSelector('svg.dipcal-timeline[data-ready="true"]');
}

// Where an instant lies on the drawing, in its own units, from the axis mapping the SVG states.
function xOfInstant(iso) {
  return page.$eval('svg.dipcal-timeline', (s, at) => {
    const d = s.dataset;
    const base = Number(d.plotX0) + (Date.parse(at) - Date.parse(d.axisStartUtc)) / (Date.parse(d.axisEndUtc) - Date.parse(d.axisStartUtc)) * (Number(d.plotX1) - Number(d.plotX0));
    return Number(d.plotX0) + (base - Number(d.plotX0)) * Number(d.zoom || 1) - Number(d.pan || 0);
  }, iso);
}

// Every arrow against every event label: the points of the drawn path, every 2 px along it, that
// fall inside a label's box (less a pixel at each edge, in the drawing's units).
async function arrowsThroughLabels() {
  return page.$$eval('svg.dipcal-timeline', ([s]) => {
    const boxes = Array.from(s.querySelectorAll('g.event text.label')).map((t) => ({ text: t.textContent, b: t.getBBox() }));
    const hits = [];
    for (const a of s.querySelectorAll('path.arrow')) {
      const n = a.getTotalLength();
      for (let l = 0; l <= n; l += 2) {
        const p = a.getPointAtLength(l);
        const box = boxes.find(({ b }) => p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1);
        if (box) {
          hits.push(`${a.id} crosses '${box.text}' at ${p.x.toFixed(1)},${p.y.toFixed(1)}`);
          break;
        }
      }
    }
    return hits;
  });
}

// The client rectangle of an element, as plain numbers.
async function rect(selector) {
  const box = await page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  });
  return box;
}
const centre = (r) => (r.left + r.right) / 2;

// Every drawn label's client box, with the width the layout reserved for it.
async function labelBoxes() {
  return page.$$eval('svg.dipcal-timeline text', (texts) => texts.map((e) => {
    const r = e.getBoundingClientRect();
    return {
      text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
      drawn: e.getComputedTextLength(), reserved: e.dataset.width === undefined ? null : Number(e.dataset.width),
      visible: getComputedStyle(e).visibility !== 'hidden',
    };
  }));
}
function checkNoOverlaps(boxes) {
  const slack = 0.5;
  const shown = boxes.filter((b) => b.visible && b.text !== '');
  for (let i = 0; i < shown.length; i += 1)
    for (let j = i + 1; j < shown.length; j += 1) {
      const a = shown[i];
      const b = shown[j];
      const overlap = a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
      assert(!overlap, `labels '${a.text}' and '${b.text}' overlap`);
    }
}

t.test('the page loads with no console error and no network request', async () => {
  await open();
  const others = requests.filter((u) => u !== pageUrl);
  assert(requests.includes(pageUrl), 'the page itself was not requested');
  assert(others.length === 0, `requests other than the page: ${others.join(', ')}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
});

t.test('one element per event, with its instants, zone, title and tabindex', async () => {
  const events = await page.$$eval('g.event', (gs) => gs.map((g) => ({
    id: g.dataset.id, start: g.dataset.startUtc, end: g.dataset.endUtc, zone: g.dataset.zone,
    title: g.querySelector(':scope > title') ? g.querySelector(':scope > title').textContent : '', tabindex: g.getAttribute('tabindex'),
  })));
  const ids = events.map((e) => e.id).sort();
  const expected = listed.map((e) => e.id).sort();
  assert(JSON.stringify(ids) === JSON.stringify(expected), `event elements ${ids} differ from the listed events ${expected}`);
  for (const e of events) {
    assert(e.tabindex === '0', `${e.id} is not focusable`);
    assert(e.title.length > 0, `${e.id} has no title`);
    assert(e.zone.length > 0, `${e.id} has no zone`);
  }
  // Busan: 30 Oct 11:00 KST = 02:00Z, 1 h 40 min long.
  const busan = events.find((e) => e.id === 'busan-trump-xi');
  assert(busan.start === '2025-10-30T02:00:00Z' && busan.end === '2025-10-30T03:40:00Z' && busan.zone === 'Asia/Seoul', `Busan: ${JSON.stringify(busan)}`);
  // The KL talks, all day 25–26 Oct in Kuala Lumpur: 24 Oct 16:00Z to 26 Oct 16:00Z.
  const kl = events.find((e) => e.id === 'kl-trade-talks');
  assert(kl.start === '2025-10-24T16:00:00Z' && kl.end === '2025-10-26T16:00:00Z', `KL talks: ${JSON.stringify(kl)}`);
});

t.test('the KL talks bar overlaps the ASEAN summit as the dates say, the announcement inside both', async () => {
  // KL talks: 25 and 26 Oct (2 days); ASEAN summit: 26–28 Oct (3 days), both in Kuala Lumpur's days.
  // So the summit starts one day into the talks (half their length), and the talks end one day into
  // the summit (a third of its length).
  const kl = await rect('#event-kl-trade-talks rect.bar');
  const asean = await rect('#event-asean-summit-47 rect.bar');
  const consensus = await rect('#event-kl-consensus-announced rect.bar');
  assert(kl.left < asean.left && asean.left < kl.right && kl.right < asean.right, `bars: KL ${JSON.stringify(kl)}, ASEAN ${JSON.stringify(asean)}`);
  near((asean.left - kl.left) / kl.width, 1 / 2, 0.02, 'the summit starts half-way through the talks');
  near((kl.right - asean.left) / asean.width, 1 / 3, 0.02, 'the talks end a third into the summit');
  near(asean.width / kl.width, 3 / 2, 0.02, 'the summit is 3/2 the talks');
  // The announcement (26 Oct) is drawn inside the talks' bar, over the summit's first day.
  assert(consensus.left >= kl.left - 0.01 && consensus.right <= kl.right + 0.01, 'the announcement is not inside the talks');
  assert(consensus.top >= kl.top && consensus.bottom <= kl.bottom, 'the announcement is not inside the talks, vertically');
  near(consensus.left, asean.left, 0.05, 'the announcement starts with the summit');
});

t.test('an arrow leads from the KL talks to Busan', async () => {
  const arrows = await page.$$eval('path.arrow[data-to="busan-trump-xi"]', (ps) => ps.map((p) => {
    const end = p.getPointAtLength(p.getTotalLength());
    const m = p.getScreenCTM();
    return { id: p.id, from: p.dataset.from, x: end.x * m.a + m.e, y: end.y * m.d + m.f };
  }));
  const fromKl = arrows.find((a) => a.from === 'kl-trade-talks');
  assert(fromKl, `no arrow from kl-trade-talks to Busan among ${JSON.stringify(arrows)}`);
  assert(fromKl.id === 'arrow-kl-trade-talks-to-busan-trump-xi', `arrow id ${fromKl.id}`);
  const busan = await rect('#event-busan-trump-xi path.mark');
  near(fromKl.x, busan.left, 1, 'the arrow ends at the diamond\'s left corner (x)');
  near(fromKl.y, (busan.top + busan.bottom) / 2, 1, 'the arrow ends at the diamond\'s left corner (y)');
});

t.test('an event on 30 Oct lies right of one on 26 Oct by the right proportion', async () => {
  // The announcement starts 26 Oct 00:00 in Kuala Lumpur = 25 Oct 16:00Z; Busan is at 30 Oct 11:00
  // KST = 30 Oct 02:00Z; the APEC leaders' meeting starts 31 Oct 00:00 KST = 30 Oct 15:00Z.
  // Busan − announcement = 4 days 10 h = 106 h; APEC − Busan = 13 h: a ratio of 106/13.
  const consensus = await rect('#event-kl-consensus-announced rect.bar');
  const busan = centre(await rect('#event-busan-trump-xi path.mark'));
  const apec = (await rect('#event-apec-leaders-2025 rect.bar')).left;
  assert(busan > consensus.left, 'Busan is not right of the 26 Oct announcement');
  near((busan - consensus.left) / (apec - busan), 106 / 13, 0.05 * 106 / 13, 'distance ratio');
  // And against the axis: 106 h at the page's scale, from the axis's own span (9 May – 30 Nov in UTC,
  // 205 days, over the plot area).
  const plot = await page.$eval('svg.dipcal-timeline', (s) => {
    const m = s.getScreenCTM();
    return { x0: Number(s.dataset.plotX0) * m.a + m.e, x1: Number(s.dataset.plotX1) * m.a + m.e, start: s.dataset.axisStartUtc, end: s.dataset.axisEndUtc };
  });
  assert(plot.start === '2025-05-09T00:00:00Z' && plot.end === '2025-11-30T00:00:00Z', `axis ${plot.start} – ${plot.end}`);
  near(busan - consensus.left, (plot.x1 - plot.x0) * 106 / (205 * 24), 0.05, '106 hours on the axis');
});

t.test('focus and hover show the time in the event\'s zone and in the viewer\'s', async () => {
  await page.locator('#event-busan-trump-xi').focus();
  const tip = page.locator('#tooltip');
  assert(await tip.isVisible(), 'no tooltip on focus');
  const text = await tip.innerText();
  // 11:00–12:40 in Seoul; 22:00–23:40 on 29 Oct in New York (EDT, UTC−4).
  for (const part of ['Trump–Xi meeting, Busan', 'Asia/Seoul', '11:00', '12:40', 'America/New_York', '22:00', '23:40', '29 Oct', 'Korea JoongAng Daily'])
    assert(text.includes(part), `tooltip lacks '${part}': ${text}`);
  await page.keyboard.press('Escape');
  assert(!(await tip.isVisible()), 'Escape does not hide the tooltip');
  await page.locator('#event-kl-trade-talks rect.bar').hover();
  const hover = await tip.innerText();
  for (const part of ['Kuala Lumpur', 'Asia/Kuala_Lumpur', '26 Oct 2025', 'all day', 'The Star (Malaysia)', 'thestar.com.my'])
    assert(hover.includes(part), `hover tooltip lacks '${part}': ${hover}`);
  // Sat 25 – Sun 26 Oct 2025 in Kuala Lumpur; in New York it starts Fri 24 Oct at 12:00 (EDT).
  assert(/25\D[^\n]*26 Oct 2025/.test(hover), `hover tooltip lacks the two days: ${hover}`);
  assert(/24 Oct 2025, 12:00/.test(hover), `hover tooltip lacks the start in New York: ${hover}`);
  await page.mouse.move(5, 5);
});

t.test('Tab reaches every event', async () => {
  await open();
  await page.locator('#zoom-reset').focus();
  const seen = new Set();
  for (let i = 0; i < listed.length; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null));
    assert(id, `Tab ${i + 1} did not reach an event`);
    seen.add(id);
  }
  assert(seen.size === listed.length, `Tab reached ${seen.size} of ${listed.length} events`);
});

t.test('+ and − change the scale, arrows pan, 0 resets, and the axis is redrawn', async () => {
  await open();
  const distance = async () => centre(await rect('#event-busan-trump-xi path.mark')) - (await rect('#event-kl-consensus-announced rect.bar')).left;
  const months = () => page.$$eval('g.axis text', (ts) => ts.map((x) => x.textContent).join(' '));
  const before = await distance();
  const axisBefore = await months();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('+');
  near((await distance()) / before, 1.5, 0.01, 'one + zooms by 1.5');
  assert((await page.locator('#zoom-level').innerText()) === '150%', 'zoom level not shown');
  await page.keyboard.press('+');
  near((await distance()) / before, 2.25, 0.01, 'two + zoom by 2.25');
  assert((await months()) !== axisBefore, 'the axis was not redrawn');
  const x = centre(await rect('#event-busan-trump-xi path.mark'));
  await page.keyboard.press('ArrowRight');
  assert(centre(await rect('#event-busan-trump-xi path.mark')) < x, 'ArrowRight does not pan');
  near((await distance()) / before, 2.25, 0.01, 'panning keeps the scale');
  await page.keyboard.press('-');
  near((await distance()) / before, 1.5, 0.01, '− zooms out');
  await page.locator('#zoom-in').click();
  near((await distance()) / before, 2.25, 0.01, 'the + button zooms');
  await page.keyboard.press('0');
  near((await distance()) / before, 1, 0.001, '0 resets');
});

t.test('labels drawn by the browser fit their boxes and never overlap, zoomed or not', async () => {
  await open();
  const boxes = await labelBoxes();
  assert(boxes.length > 30, `only ${boxes.length} labels`);
  for (const b of boxes)
    if (b.reserved !== null) assert(b.drawn <= b.reserved + 0.5, `'${b.text}' is ${b.drawn} px wide; the layout reserved ${b.reserved}`);
  checkNoOverlaps(boxes);
  await page.locator('#event-busan-trump-xi').focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('+');
  checkNoOverlaps(await labelBoxes());
});

t.test('the zone selector redraws the axis at that zone\'s midnights', async () => {
  await open();
  // Zoom to whole-day ticks around Busan: 1.5^4 ≈ 5 times the page's 6 px a day.
  await page.locator('#event-busan-trump-xi').focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('+');
  await page.keyboard.press('Escape');
  // The now-line (26 Oct 04:00Z) is in view, and its label stays centred on it.
  // (The label's box is the width the layout reserved for it, data-width, in the drawing's units.)
  const now = await page.evaluate(() => {
    const line = document.querySelector('line.now');
    const label = document.querySelector('text.now-label');
    return { line: Number(line.getAttribute('x1')), label: Number(label.getAttribute('x')) + Number(label.dataset.width) / 2 };
  });
  near(now.label, now.line, 0.05, 'the now label follows the now line');
  // Where an instant is drawn now, from the axis mapping the page states.
  const xOf = (iso) => page.$eval('svg.dipcal-timeline', (s, at) => {
    const d = s.dataset;
    const base = Number(d.plotX0) + (Date.parse(at) - Date.parse(d.axisStartUtc)) / (Date.parse(d.axisEndUtc) - Date.parse(d.axisStartUtc)) * (Number(d.plotX1) - Number(d.plotX0));
    return Number(d.plotX0) + (base - Number(d.plotX0)) * Number(d.zoom) - Number(d.pan);
  }, iso);
  const ticksAt = async (x) => page.$$eval('g.axis line.tick', (ls, at) => ls.filter((l) => Math.abs(Number(l.getAttribute('x1')) - at) < 0.05).length, x);
  const labelAt = async (x) => page.$$eval('g.axis text.day', (ts, at) => {
    const t = ts.find((e) => Math.abs(Number(e.getAttribute('x')) - (at + 2)) < 0.05);
    return t ? t.textContent : null;
  }, x);
  // In UTC, 30 Oct starts at 2025-10-30T00:00Z.
  const utcMidnight = await xOf('2025-10-30T00:00:00Z');
  assert((await ticksAt(utcMidnight)) === 1 && (await labelAt(utcMidnight)) === '30', 'no UTC midnight tick for 30 Oct');
  await page.selectOption('#zone', 'Asia/Seoul');
  // In Seoul (UTC+9), 30 Oct starts at 29 Oct 15:00Z.
  const seoulMidnight = await xOf('2025-10-29T15:00:00Z');
  assert((await ticksAt(seoulMidnight)) === 1, 'no tick at Seoul\'s midnight of 30 Oct');
  assert((await labelAt(seoulMidnight)) === '30', 'Seoul\'s 30 Oct is not labelled 30');
  assert((await ticksAt(utcMidnight)) === 0, 'the UTC midnight tick is still drawn');
});

t.test('no arrow runs through a label, in the seed and in a calendar of crowded lanes', async () => {
  for (const url of [pageUrl, ukraineUrl]) {
    await open(url);
    const hits = await arrowsThroughLabels();
    assert(hits.length === 0, `${url}: ${hits.join('; ')}`);
    // Zoomed in, the routes move with their anchors and still reach their ends.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('+');
    const ends = await page.$$eval('path.arrow', (ps) => ps.map((p) => {
      const end = p.getPointAtLength(p.getTotalLength());
      return { id: p.id, x: end.x, y: end.y, x2: Number(p.dataset.x2), y2: Number(p.dataset.y2), to: p.dataset.to };
    }));
    assert(ends.length > 0, `${url}: no arrows`);
    for (const e of ends) near(e.y, e.y2, 0.01, `${e.id} ends at its dependent's middle line`);
  }
  // The Anchorage summit's label runs under the diamond far to the right: the arrow to the White House
  // meeting, a lane below three days later, is routed (straight segments), not the curve through it.
  await open(ukraineUrl);
  const route = await page.$eval('#arrow-alaska-summit-to-washington-meeting', (p) => p.dataset.route || '');
  assert(route.split(' ').length >= 2, `the Anchorage → Washington arrow has no route: '${route}'`);
});

t.test('the tooltip gives a window\'s first and last day as the CLI does, and the axis agrees', async () => {
  await open(ukraineUrl);
  const tip = page.locator('#tooltip');
  // Budapest, "2025-11/2025-12": possibly from Sat 1 Nov to Wed 31 Dec 2025, not to 1 Jan 2026.
  await page.locator('#event-budapest-summit').focus();
  let text = await tip.innerText();
  assert(/Sat,? 1 Nov 2025 … Wed,? 31 Dec 2025/.test(text), `Budapest tooltip: ${text}`);
  assert(!/2026/.test(text), `Budapest tooltip names 2026: ${text}`);
  assert(text.includes('Europe/Budapest'), `Budapest tooltip lacks its zone: ${text}`);
  // `list` gives the same range.
  const budapest = JSON.parse(run('list', '--json', ...UKRAINE, '--tz', 'UTC')).find((e) => e.id === 'budapest-summit');
  assert(budapest && budapest.window.earliest_start === '2025-11-01' && budapest.window.latest_end === '2025-12-31',
    `list --json gives Budapest's window as ${JSON.stringify(budapest && budapest.window)}`);
  // The window's box ends at Budapest's midnight after 31 Dec (UTC+1): 31 Dec 23:00Z, inside 31 Dec
  // of the UTC axis, whose end is the midnight after --to 2025-12-31.
  const box = await page.$eval('#event-budapest-summit rect.window', (r) => ({ x0: Number(r.getAttribute('x')), x1: Number(r.getAttribute('x')) + Number(r.getAttribute('width')) }));
  near(box.x1, await xOfInstant('2025-12-31T23:00:00Z'), 0.05, 'the window ends at Budapest\'s midnight after 31 Dec');
  near(box.x0, await xOfInstant('2025-10-31T23:00:00Z'), 0.05, 'the window starts at Budapest\'s midnight of 1 Nov');
  // The call during the White House meeting: pinned by relations to 18 Aug, 13:15–17:30 EDT.
  await page.locator('#event-putin-call').focus();
  text = await tip.innerText();
  assert(/Mon,? 18 Aug 2025 … Mon,? 18 Aug 2025/.test(text), `call tooltip: ${text}`);
  // It may start at 13:15 EDT: the viewer's zone is New York too, so no second row; the window's own
  // zone is America/New_York.
  assert(text.includes('America/New_York'), `call tooltip lacks its zone: ${text}`);
  // Witkoff in Moscow, after the Abu Dhabi talks (25 Nov, all day in Dubai, UTC+4): from Dubai's
  // midnight after the 25th, 25 Nov 20:00Z = 23:00 in Moscow (UTC+3), still Tue 25 Nov there; no end.
  await page.locator('#event-moscow-follow-up').focus();
  text = await tip.innerText();
  assert(/Tue,? 25 Nov 2025 … open/.test(text), `Moscow tooltip: ${text}`);
  // The UN week, all day 23–29 Sep in New York: the tooltip's last day is the 29th.
  await page.locator('#event-unga-week').focus();
  text = await tip.innerText();
  assert(/23\D[^\n]*29 Sept? 2025/.test(text) && !/30 Sept? 2025/.test(text.split('\n').find((l) => l.includes('all day')) || ''),
    `UN week tooltip: ${text}`);
  await page.keyboard.press('Escape');
});

t.test('the axis starts on --from and ends on --to, in --tz', async () => {
  await open(ukraineUrl);
  // --tz UTC: 1 Aug 00:00Z to the midnight after 31 Dec, though the first event after 1 Aug is on 15 Aug.
  let axis = await page.$eval('svg.dipcal-timeline', (s) => [s.dataset.axisStartUtc, s.dataset.axisEndUtc]);
  assert(axis[0] === '2025-08-01T00:00:00Z' && axis[1] === '2026-01-01T00:00:00Z', `UTC axis ${axis}`);
  const first = await page.$$eval('g.axis text.month', (ts) => ts.map((t) => t.textContent));
  assert(first[0] === 'Aug 2025', `months ${first}`);
  // The Istanbul talks (23 Jul) are before --from: not drawn.
  assert((await page.locator('#event-istanbul-talks').count()) === 0, 'the Istanbul talks of 23 Jul are drawn');
  // In New York: 1 Aug 00:00 EDT (UTC−4) is 04:00Z; the midnight after 31 Dec is 1 Jan 00:00 EST (UTC−5), 05:00Z.
  await open(ukraineSvgUrl);
  axis = await page.$eval('svg.dipcal-timeline', (s) => [s.dataset.axisStartUtc, s.dataset.axisEndUtc]);
  assert(axis[0] === '2025-08-01T04:00:00Z' && axis[1] === '2026-01-01T05:00:00Z', `New York axis ${axis}`);
});

t.test('the standalone SVG draws its title, its axis zone and the time it is as of', async () => {
  await open(ukraineSvgUrl);
  const header = await page.$$eval('svg.dipcal-timeline g.header text', (ts) => ts.map((t) => {
    const r = t.getBoundingClientRect();
    return { cls: t.getAttribute('class'), text: t.textContent, width: r.width, height: r.height, visible: getComputedStyle(t).visibility !== 'hidden' };
  }));
  const title = header.find((h) => h.cls === 'drawing-title');
  const subtitle = header.find((h) => h.cls === 'subtitle');
  assert(title && title.text === 'Russia–Ukraine diplomacy 2025' && title.visible && title.width > 100, `title ${JSON.stringify(title)}`);
  // --now 12:00Z on 26 Oct is 08:00 EDT (New York keeps UTC−4 until 2 Nov).
  assert(subtitle && subtitle.text === 'Axis in America/New_York · as of 2025-10-26 08:00 EDT' && subtitle.visible && subtitle.width > 100,
    `subtitle ${JSON.stringify(subtitle)}`);
  // Above the axis: the header ends before the first month label starts.
  const monthTop = await page.$eval('g.axis text.month', (t) => t.getBoundingClientRect().top);
  const headerBottom = await page.$eval('svg.dipcal-timeline text.subtitle', (t) => t.getBoundingClientRect().bottom);
  assert(headerBottom <= monthTop, `the header (bottom ${headerBottom}) runs into the axis (top ${monthTop})`);
});

t.test('the heading and the subtitle follow the zone selector', async () => {
  await open(ukraineUrl);
  const summary = () => page.locator('header .summary').innerText();
  assert((await summary()).includes('axis in UTC'), `heading before: ${await summary()}`);
  await page.selectOption('#zone', 'Asia/Dubai');
  const after = await summary();
  assert(after.includes('axis in Asia/Dubai') && !after.includes('UTC'), `heading after the change: ${after}`);
  // --now 2025-10-26T12:00Z is 16:00 in Abu Dhabi (UTC+4, no daylight time).
  const sub = await page.locator('svg.dipcal-timeline text.subtitle').textContent();
  assert(sub.startsWith('Axis in Asia/Dubai · as of 2025-10-26 16:00'), `subtitle after the change: ${sub}`);
  const nowText = await page.locator('svg.dipcal-timeline text.now-label').textContent();
  assert(nowText.startsWith('now 2025-10-26 16:00'), `now label after the change: ${nowText}`);
  await page.selectOption('#zone', 'UTC');
  assert((await summary()).includes('axis in UTC'), `heading back: ${await summary()}`);
});

t.test('--lanes actor puts each event once, in the lane of its group of actors, and says so', async () => {
  await open(ukraineUrl);
  // Each event of 1 Aug – 31 Dec once (the Istanbul talks of 23 Jul are out of range).
  const ids = await page.$$eval('g.event', (gs) => gs.map((g) => g.dataset.id).sort());
  const expected = ['abu-dhabi-talks', 'alaska-summit', 'budapest-summit', 'geneva-talks', 'moscow-follow-up', 'putin-call', 'unga-week', 'washington-meeting'];
  assert(JSON.stringify(ids) === JSON.stringify(expected), `events ${ids}`);
  // The lane of each: the band its shape's middle lies in. Anchorage, the call and Budapest list
  // Trump and Putin; the White House meeting and the UN week Trump and Zelensky.
  const lanes = await page.$$eval('g.event', (gs) => {
    const bands = Array.from(document.querySelectorAll('rect.lane-band')).map((r) => r.getBBox());
    const out = {};
    for (const g of gs) {
      const shape = g.querySelector('rect.bar, rect.window, path.mark').getBBox();
      const m = g.querySelector('path.mark');
      const y = m ? Number(m.dataset.y) : shape.y + shape.height / 2;
      out[g.dataset.id] = bands.findIndex((b) => y >= b.y && y < b.y + b.height);
    }
    return out;
  });
  assert(lanes['alaska-summit'] === lanes['putin-call'] && lanes['putin-call'] === lanes['budapest-summit'], `lanes ${JSON.stringify(lanes)}`);
  assert(lanes['washington-meeting'] === lanes['unga-week'] && lanes['washington-meeting'] !== lanes['alaska-summit'], `lanes ${JSON.stringify(lanes)}`);
  const names = await page.$$eval('g.lanes', ([g]) => g.textContent);
  for (const actor of ['Donald Trump', 'Vladimir Putin', 'Volodymyr Zelensky', 'Steve Witkoff'])
    assert(names.includes(actor), `no lane names ${actor}: ${names}`);
  const note = await page.locator('text.lanes-note').textContent();
  assert(note.includes('group of actors'), `legend: ${note}`);
  checkNoOverlaps(await labelBoxes());
});

t.test('the print stylesheet hides the controls and keeps the timeline', async () => {
  await open();
  await page.emulateMedia({ media: 'print' });
  assert(!(await page.locator('.toolbar').isVisible()), 'the toolbar is printed');
  assert(await page.locator('svg.dipcal-timeline').isVisible(), 'the timeline is not printed');
  await page.emulateMedia({ media: 'screen' });
});

t.test('the standalone SVG parses and holds one element per event', async () => {
  await open(svgUrl);
  const parseErrors = await page.$$eval('parsererror', (e) => e.length);
  assert(parseErrors === 0, 'the SVG is not well-formed XML');
  const n = await page.$$eval('g.event', (gs) => gs.length);
  assert(n === listed.length, `${n} event elements in the SVG`);
});

t.test('the same input and --now give the same bytes', async () => {
  const again = path.join(out, 'seed-again.html');
  run('export', 'html', ...NOW, '-o', again);
  assert(fs.readFileSync(again).equals(fs.readFileSync(pagePath)), 'two runs wrote different pages');
  assert(run('export', 'svg', ...NOW) === fs.readFileSync(svgPath, 'utf8'), 'two runs wrote different SVGs');
});

t.test('a screenshot of the seed timeline is saved and is not blank', async () => {
  await open();
  const shot = path.join(out, 'seed-timeline.png');
  await page.screenshot({ path: shot, fullPage: true });
  const png = readPng(shot);
  assert(png.width >= 1400 && png.height >= 500, `screenshot is ${png.width}×${png.height}`);
  const colours = new Set();
  let inked = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    const [r, g, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
    colours.add((r << 16) | (g << 8) | b);
    if (r + g + b < 600) inked += 1;
  }
  const share = inked / (png.width * png.height);
  assert(colours.size >= 50, `only ${colours.size} colours`);
  assert(share > 0.01 && share < 0.6, `ink covers ${(share * 100).toFixed(1)}% of the picture`);
  console.log(`# screenshot: ${shot} (${png.width}×${png.height}, ${colours.size} colours)`);
});

t.test('no request left the page during the whole run, and no console error', async () => {
  const others = requests.filter((u) => ![pageUrl, svgUrl, ukraineUrl, ukraineSvgUrl].includes(u));
  assert(others.length === 0, `requests: ${others.join(', ')}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
});

(async () => {
  let failed = 1;
  try {
    browser = await launch({ locale: 'en-GB', timezoneId: 'America/New_York' });
    browser.context.on('request', (r) => requests.push(r.url()));
    page = await browser.context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    failed = await t.run();
  } catch (e) {
    console.log(`not ok - the browser could not be driven: ${e && e.stack ? e.stack : e}`);
    console.log('0 passed, 1 failed');
  } finally {
    if (browser) await browser.close();
  }
  process.exit(failed ? 1 : 0);
})();
