// Saves a PNG of a page as tall as the page, in Debian's chromium: the tool behind scripts/screenshot.
//
//   node screenshot.js PAGE.html OUT.png WIDTH
'use strict';

const path = require('path');
const { pathToFileURL } = require('url');
const { launch } = require('./harness');

(async () => {
  const [page, out, width] = process.argv.slice(2);
  if (!page || !out || !Number(width)) {
    console.error('usage: node screenshot.js PAGE.html OUT.png WIDTH');
    process.exit(2);
  }
  const browser = await launch({ viewport: { width: Number(width), height: 200 }, deviceScaleFactor: 1 });
  try {
    const tab = await browser.context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await tab.goto(pathToFileURL(path.resolve(page)).href);
    await tab.waitForSelector('svg.dipcal-timeline[data-ready="true"]');
    if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
    await tab.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(`screenshot: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
