// Headless-Chromium test of how pages read (issue #17), on every example
// site (tests/fixtures/data-demo, the root site and vi-du/*/), built with --date 2026-11-25:
//   1. tables on a phone: on EVERY page with a data table, at 375 px, every
//      cell of every row is inside the screen and no table box scrolls
//      sideways (a task's state and deadline are readable without a swipe),
//      and the page itself does not scroll sideways;
//   2. the header leaves the content on a phone's first screen: at 375×812
//      the header and menu end above 25 % of the screen;
//   3. chart text size in CSS px at 375 and 1280 px, reported and asserted
//      to sit between 80 % of the page's small text and 125 % of its body
//      text at both widths;
//   4. print (A4, Chromium's PDF): the longest post and the data pages print
//      on at most one page more than their content needs (a chart pushed to
//      the next page, leaving half a page blank, fails it), and the print
//      shows no interactive-only text ("Xem bảng số liệu", embed, search,
//      menu) while the data tables are printed open;
//   5. every page's <title> is unique within its site.
// Figures are printed as it goes (they are the issue's before/after figures).
//
// Run: cd tools/browser && npm ci && node reader-test.mjs
// Env: MINHBACH_BIN (default ../../target/debug/minhbach), CHROMIUM,
// SITE_ROOT (one site instead of the examples).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  repo, exampleRoots, build, serve, pageKinds, allPages, printSamples, launch, pdfPages, printA4, BASE,
} from './site-lib.mjs';

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
}
const px = (n) => `${Math.round(n)} px`;

/// In the page: cells outside the screen or inside a box that scrolls sideways.
function tableOverflow() {
  const vw = document.documentElement.clientWidth;
  const bad = [];
  for (const table of document.querySelectorAll('main table')) {
    if (!table.checkVisibility()) continue; // closed <details>
    for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        bad.push(`${table.querySelector('caption')?.textContent.trim() || el.getAttribute('aria-label') || 'bảng'}: hộp cuộn ngang ${el.scrollWidth} > ${el.clientWidth} px`);
        break;
      }
    }
    for (const cell of table.querySelectorAll('tbody td, tbody th')) {
      const r = cell.getBoundingClientRect();
      if (r.width && (r.right > vw + 1 || r.left < -1)) {
        bad.push(`ô “${cell.textContent.trim().slice(0, 30)}” ở x = ${Math.round(r.left)}–${Math.round(r.right)} (màn hình ${vw} px)`);
        break;
      }
    }
  }
  const sw = document.documentElement.scrollWidth;
  if (sw > vw + 1) bad.push(`trang rộng ${sw} px > ${vw} px`);
  return bad;
}

/// In the page: chart text sizes in CSS px, and the page's small and body text.
function textSizes() {
  const sizes = [];
  for (const t of document.querySelectorAll('main svg text')) {
    const ctm = t.getScreenCTM();
    if (!ctm || !t.getClientRects().length) continue;
    sizes.push(parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b));
  }
  const probe = document.querySelector('main .meta, main .chart-desc, main figcaption');
  return {
    chart: sizes,
    small: probe ? parseFloat(getComputedStyle(probe).fontSize) : null,
    body: parseFloat(getComputedStyle(document.querySelector('main p') || document.body).fontSize),
  };
}

const roots = process.env.SITE_ROOT ? [path.resolve(process.env.SITE_ROOT)] : exampleRoots();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-doc-'));
const browser = await launch();
try {
  for (const [i, root] of roots.entries()) {
    const name = path.relative(repo, root) || '.';
    const out = path.join(tmp, `site-${i}`);
    build(root, out);
    const { server, origin } = await serve(out);
    const pages = allPages(out);
    const url = (rel) => `${origin}${BASE}${rel.replace(/index\.html$/, '')}`;

    // 5. Unique titles (from the files: every page of the site).
    const byTitle = new Map();
    for (const rel of pages) {
      const m = fs.readFileSync(path.join(out, rel), 'utf8').match(/<title>([^<]*)<\/title>/);
      if (!m) continue;
      byTitle.set(m[1], [...(byTitle.get(m[1]) || []), rel]);
    }
    const shared = [...byTitle].filter(([, v]) => v.length > 1);
    check(shared.length === 0, `${name}: ${byTitle.size} <title> khác nhau trên ${pages.length} trang`,
      shared.slice(0, 3).map(([k, v]) => `“${k}”: ${v.slice(0, 3).join(', ')}`).join(' | '));

    const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });

    // 1. Tables at 375 px, on every page with a table.
    const withTables = pages.filter((p) => /<table/.test(fs.readFileSync(path.join(out, p), 'utf8')));
    const overflowing = [];
    for (const rel of withTables) {
      await phone.goto(url(rel), { waitUntil: 'load' });
      const bad = await phone.evaluate(tableOverflow);
      if (bad.length) overflowing.push(`/${rel}: ${bad[0]}`);
    }
    check(overflowing.length === 0,
      `${name}: ${withTables.length} trang có bảng, ở 375 px không ô nào ra ngoài màn hình, không bảng nào cuộn ngang`,
      `${overflowing.length} trang: ${overflowing.slice(0, 4).join(' | ')}`);

    // 2 and 3. Header height and chart text on one page of every kind.
    let header = 0;
    const chart = { 375: [], 1280: [] };
    const small = {};
    for (const rel of pageKinds(out)) {
      for (const [width, page] of [[375, phone], [1280, desk]]) {
        await page.goto(url(rel), { waitUntil: 'load' });
        if (width === 375) {
          header = Math.max(header, await page.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().bottom || 0));
        }
        const s = await page.evaluate(textSizes);
        chart[width].push(...s.chart);
        if (s.small) small[width] = s.small;
        small[`body${width}`] = s.body;
      }
    }
    check(header <= 0.25 * 812, `${name}: đầu trang + menu cao tối đa ${px(header)} ở 375×812 (≤ 25 % màn hình)`);
    for (const w of [375, 1280]) {
      if (!chart[w].length) continue;
      const lo = Math.min(...chart[w]);
      const hi = Math.max(...chart[w]);
      const msg = `${name}: chữ trong biểu đồ ở ${w} px: ${lo.toFixed(1)}–${hi.toFixed(1)} px (chữ nhỏ của trang ${small[w]} px, chữ thường ${small[`body${w}`]} px)`;
      // Between 80 % of the page's small text and 125 % of its body text
      // (before #17: 10.9–13.1 px at 375 px and 17.3–23.3 px at 1280 px).
      check(lo >= 0.8 * small[w] - 0.5 && hi <= small[`body${w}`] * 1.25 + 0.5, msg);
    }

    // 4. Print on A4.
    const { post, data } = printSamples(out);
    for (const rel of [post, ...data].filter(Boolean)) {
      await desk.goto(url(rel), { waitUntil: 'load' });
      await desk.emulateMedia({ media: 'print' });
      await desk.setViewportSize({ width: 680, height: 1000 });
      const shown = await desk.evaluate(() => {
        const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('details:not([open]) > :not(summary)');
        const interactive = [...document.querySelectorAll('summary, .chart-embed, form, .site-nav, [data-print]')]
          .filter(visible).map((el) => el.textContent.trim().slice(0, 40));
        // A table hidden in print counts as printed when a printed table has its caption (its print copy).
        const tables = [...document.querySelectorAll('main table')];
        const caption = (t) => t.querySelector('caption')?.textContent.trim() || '';
        const printed = new Set(tables.filter(visible).map(caption));
        // A chart left out on paper because the table above it says the same
        // (.repeats-table, see print.css) takes its table along.
        const closed = tables
          .filter((t) => !visible(t) && !printed.has(caption(t)) && !t.closest('.repeats-table')).length;
        return { height: document.documentElement.scrollHeight, interactive, tables: tables.length, closed };
      });
      await desk.setViewportSize({ width: 1280, height: 900 });
      await desk.emulateMedia({ media: 'screen' });
      const pdf = await printA4(desk);
      const pages = pdfPages(pdf);
      // A4 less 15 mm margins: 180 × 267 mm = 680 × 1009 CSS px.
      // Rows and charts are never cut and table headers repeat on each page:
      // allow one page more than the content's length, no more.
      const need = Math.max(1, Math.ceil(shown.height / 1009));
      const most = need + 1;
      check(pages <= most, `${name}: in /${rel} trên A4: ${pages} trang (nội dung ${px(shown.height)} ≈ ${need} trang; tối đa ${most})`);
      check(shown.interactive.length === 0, `${name}: bản in /${rel} không có chữ chỉ để bấm`, shown.interactive.slice(0, 4).join(' | '));
      check(shown.closed === 0, `${name}: bản in /${rel} in mở ${shown.tables} bảng`, `${shown.closed} bảng không in`);
    }
    await phone.close();
    await desk.close();
    server.close();
  }
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failures ? `${failures} lỗi` : 'Trang đọc tốt: đạt');
process.exit(failures ? 1 : 0);
