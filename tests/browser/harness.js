// What the browser test drivers share: Debian's chromium launched through playwright-core with a
// fresh profile and no background traffic, a minimal runner whose last line is "N passed, N failed",
// and a PNG reader to judge screenshots without a browser.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// A browser context on a new, empty profile (Playwright passes it as --user-data-dir), removed on close.
async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dipcal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

function runner() {
  const tests = [];
  return {
    test(name, fn) {
      tests.push({ name, fn });
    },
    // Runs the tests in order; returns the number that failed.
    async run() {
      let passed = 0;
      let failed = 0;
      for (const t of tests) {
        try {
          await t.fn();
          passed += 1;
          console.log(`ok - ${t.name}`);
        } catch (e) {
          failed += 1;
          console.log(`not ok - ${t.name}`);
          console.log('  ' + String((e && e.stack) || e).split('\n').join('\n  '));
        }
      }
      console.log(`${passed} passed, ${failed} failed`);
      return failed;
    },
  };
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function near(actual, expected, tolerance, what) {
  if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

// An 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) as { width, height, channels, pixels }.
function readPng(file) {
  const data = fs.readFileSync(file);
  assert(data.subarray(1, 4).toString('latin1') === 'PNG', `${file} is not a PNG`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString('latin1');
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert(body[8] === 8 && body[12] === 0, 'only 8-bit, non-interlaced PNGs are read');
      channels = { 2: 3, 6: 4 }[body[9]];
      assert(channels, `PNG colour type ${body[9]} is not RGB or RGBA`);
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

module.exports = { launch, runner, assert, near, readPng, CHROMIUM, CHROMIUM_ARGS };
