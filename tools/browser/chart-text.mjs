// Measures, in headless Chromium, the rendered size of the text inside the
// inline SVG charts of a built site, at a phone (375 px) and a desktop
// (1280 px) width, next to the page's body and small text (issue #17,
// docs/decisions/0020-sharing-images-and-chart-text.md).
//
// Run (from the repository root, after `minhbach build`):
//   cd tools/browser && npm ci && node chart-text.mjs ../../public
// Prints, per width, the smallest and largest chart text in CSS px and the
// chart widths, and exits non-zero when chart text is under 13 px or above
// the body text. Env: CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || '../../public');
const limit = Number(process.env.PAGES || 1000);
const pages = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.html') && fs.readFileSync(p, 'utf8').includes('class="chart')) pages.push(p);
  }
})(dir);
pages.sort();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
let bad = 0;
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  let min = Infinity, max = 0, minAt = '', maxAt = '', wmin = Infinity, wmax = 0, body = 0, n = 0;
  for (const file of pages.slice(0, limit)) {
    await page.goto('file://' + file);
    const r = await page.evaluate(() => {
      const out = { sizes: [], widths: [], body: parseFloat(getComputedStyle(document.body).fontSize) };
      for (const svg of document.querySelectorAll('svg.chart')) {
        const box = svg.getBoundingClientRect();
        if (box.width === 0) continue;
        out.widths.push(box.width);
        for (const t of svg.querySelectorAll('text')) {
          const b = t.getBoundingClientRect();
          if (b.width === 0) continue;
          // Rendered font size = computed size in user units × the SVG's scale.
          const scale = svg.getScreenCTM().a;
          out.sizes.push(parseFloat(getComputedStyle(t).fontSize) * scale);
        }
      }
      return out;
    });
    body = r.body;
    for (const s of r.sizes) {
      n++;
      if (s < min) { min = s; minAt = file; }
      if (s > max) { max = s; maxAt = file; }
    }
    for (const w of r.widths) { wmin = Math.min(wmin, w); wmax = Math.max(wmax, w); }
  }
  const rel = (f) => path.relative(dir, f);
  console.log(`${width} px: ${n} chart texts on ${Math.min(pages.length, limit)} pages; ` +
    `text ${min.toFixed(1)}–${max.toFixed(1)} px (body ${body} px); charts ${wmin.toFixed(0)}–${wmax.toFixed(0)} px wide`);
  console.log(`   smallest on ${rel(minAt)}, largest on ${rel(maxAt)}`);
  if (min < 13 || max > body) bad++;
  await page.close();
}
await browser.close();
process.exit(bad ? 1 : 0);
