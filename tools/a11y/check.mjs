// Accessibility check of a built site in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core): axe-core on the key pages
// at desktop and phone widths, keyboard navigation (skip link first and
// visible, visible focus), and screenshots for a person to look at.
//
// Usage: node check.mjs <built-site-dir> <screenshot-dir>
// Serves the folder on 127.0.0.1 only, under /chuyen-doi-so/.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [siteDir, shotDir] = process.argv.slice(2);
if (!siteDir || !shotDir) {
  console.error('usage: node check.mjs <built-site-dir> <screenshot-dir>');
  process.exit(2);
}
const BASE = '/chuyen-doi-so/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.xml': 'application/xml', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf',
};

function serve(dir) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(BASE)) { res.writeHead(404); return res.end(); }
    path = normalize(path.slice(BASE.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try { if (statSync(file).isDirectory()) file = join(file, 'index.html'); } catch { /* 404 below */ }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(join(dir, '404.html')));
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/// Every HTML page of the build (generated from the output, never a fixed
/// list), except redirect stubs (aliases), which only point elsewhere.
function allPages(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) { out.push(...allPages(dir, path)); continue; }
    if (extname(name) !== '.html') continue;
    if (/http-equiv="refresh"/i.test(readFileSync(join(dir, path), 'utf8').slice(0, 2000))) { redirects += 1; continue; }
    out.push(name === 'index.html' ? path.slice(0, -'index.html'.length) : path);
  }
  return out;
}
let redirects = 0;
const pages = allPages(siteDir);
/// One screenshot per page kind (first folder of the path), for a person.
const shotKinds = new Set();
const kindOf = (rel) => (rel.split('/')[0] || 'trang-chu').replace(/\.html$/, '');
const viewports = [
  ['may-tinh', { width: 1280, height: 900 }],
  ['dien-thoai', { width: 375, height: 812 }],
];

const server = await serve(siteDir);
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), 'minhbach-a11y-'));
mkdirSync(shotDir, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
const fail = (msg) => { failures += 1; console.log(`  LỖI: ${msg}`); };
try {
  const page = context.pages()[0] || await context.newPage();
  // Pages are checked WORKERS at a time, each in its own tab of one browser.
  const WORKERS = Number(process.env.A11Y_WORKERS || 4);
  const tabs = [page];
  while (tabs.length < WORKERS) tabs.push(await context.newPage());
  let violations = 0;
  for (const [vpName, vp] of viewports) {
    const started = Date.now();
    await Promise.all(tabs.map((t) => t.setViewportSize(vp)));
    let next = 0;
    await Promise.all(tabs.map(async (tab) => {
      while (next < pages.length) {
        const rel = pages[next++];
        const url = `${origin}${BASE}${rel}`;
        // A loaded machine can be slow: one retry before the page counts as failed.
        let resp = null;
        for (let attempt = 0; attempt < 2 && !resp; attempt += 1) {
          resp = await tab.goto(url, { waitUntil: 'load', timeout: 120000 }).catch(() => null);
        }
        if (!resp || resp.status() !== 200) { fail(`${url}: HTTP ${resp && resp.status()}`); continue; }
        const kind = kindOf(rel);
        if (!shotKinds.has(`${kind}-${vpName}`)) {
          shotKinds.add(`${kind}-${vpName}`);
          await tab.screenshot({ path: join(shotDir, `${kind}-${vpName}.png`), fullPage: true });
        }
        // Open every "Xem bảng số liệu" so the chart data tables are checked too.
        await tab.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        await tab.addScriptTag({ content: AXE });
        const result = await tab.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        }));
        for (const v of result.violations) {
          violations += 1;
          fail(`${rel || '/'} [${vpName}] ${v.id} (${v.impact}): ${v.help}`);
          for (const n of v.nodes.slice(0, 5)) console.log(`      ${n.target.join(' ')} — ${n.failureSummary.replace(/\n/g, ' ')}`);
        }
      }
    }));
    console.log(`${vpName}: axe trên ${pages.length} trang (bỏ qua ${redirects} trang chuyển hướng) trong ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // Keyboard: the first Tab reaches the skip link, which becomes visible.
    await page.goto(`${origin}${BASE}`, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { cls: el.className, href: el.getAttribute('href'), x: r.x, y: r.y, w: r.width, h: r.height,
        vw: window.innerWidth, bg: getComputedStyle(el).backgroundColor };
    });
    if (skip.cls !== 'skip-link') fail(`[${vpName}] Tab đầu tiên không tới liên kết “bỏ qua”: ${JSON.stringify(skip)}`);
    else if (skip.x < 0 || skip.y < 0 || skip.w < 10 || skip.h < 10 || skip.x + skip.w > skip.vw) fail(`[${vpName}] liên kết “bỏ qua” không hiện khi có tiêu điểm: ${JSON.stringify(skip)}`);
    else console.log(`${vpName}: Tab 1 → liên kết bỏ qua, hiện ở (${skip.x}, ${skip.y}) ${skip.w}×${skip.h}`);
    await page.screenshot({ path: join(shotDir, `ban-phim-bo-qua-${vpName}.png`) });
    await page.keyboard.press('Enter');
    const afterSkip = await page.evaluate(() => document.activeElement.id);
    if (afterSkip !== 'noi-dung') fail(`[${vpName}] Enter trên liên kết bỏ qua không chuyển tiêu điểm tới nội dung (đang ở “${afterSkip}”)`);
    // Every stop of the next 25 Tabs shows a visible focus indicator.
    let checked = 0;
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
          && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor);
        return { tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40), outline, shadow: s.boxShadow !== 'none', bg: s.backgroundColor };
      });
      if (!f) break;
      checked += 1;
      if (!f.outline && !f.shadow) fail(`[${vpName}] tiêu điểm không thấy được trên <${f.tag}> “${f.text}”`);
      if (i === 3) await page.screenshot({ path: join(shotDir, `ban-phim-tieu-diem-${vpName}.png`) });
    }
    console.log(`${vpName}: ${checked} điểm dừng Tab có viền tiêu điểm`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures ? `${failures} lỗi trợ năng (${violations} vi phạm axe)` : `axe: 0 vi phạm trên ${pages.length} trang × ${viewports.length} khổ màn hình; bàn phím: đạt`);
process.exit(failures ? 1 : 0);
