// `dipcal export html` and `export svg` on the bundled fixtures, in Debian's chromium.
//
//   node timeline.test.js --dipcal build/cli/dipcal --out build/tests/browser
//
// The page is written with --tz UTC and --now 2025-10-26T12:00+08:00 and viewed from a browser in
// America/New_York with an en-GB locale. Every expected instant below is worked out by hand from the
// fixture's local dates (Kuala Lumpur is UTC+08, Seoul UTC+09, New York UTC−04 until 2 Nov 2025);
// positions are compared through ratios of time spans, so no number is taken from dipcal itself.
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

const t = runner();
const requests = [];
const consoleErrors = [];
let browser;
let page;

async function open(url = pageUrl) {
  await page.goto(url);
  if (url === pageUrl) await page.waitForSelector('svg.dipcal-timeline[data-ready="true"]');
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
  const others = requests.filter((u) => u !== pageUrl && u !== svgUrl);
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
