// Headless-Chromium test under a strict Content-Security-Policy (issue #19).
//
// Builds the example sites (the data-rich fixture tests/fixtures/data-demo,
// the root example and every vi-du/*/) under a sub-path,
// serves it with `Content-Security-Policy: default-src 'self'` (what many
// government hosts send), and opens one page of every kind (the first page
// under each top-level folder of the output, plus the home page — generated
// from the output, never a fixed list). On each: no CSP violation is
// reported (securitypolicyviolation events and console "Refused to …"
// messages). On the pages with a print button: the button shows, and
// clicking it calls window.print().
//
// Run: cd tools/browser && npm ci && node csp-test.mjs
// Env: MINHBACH_BIN (default ../../target/debug/minhbach), CHROMIUM,
// SITE_ROOT (one site instead of the examples).

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const bin = process.env.MINHBACH_BIN || path.join(repo, 'target/debug/minhbach');
const CSP = "default-src 'self'";
const BASE = '/chuyen-doi-so/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.xml': 'application/xml', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf',
};

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
}

function serve(dir) {
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(BASE)) { res.writeHead(404); return res.end(); }
    p = path.normalize(p.slice(BASE.length)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(dir, p);
    try { if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html'); } catch { /* 404 */ }
    const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' };
    try {
      const body = fs.readFileSync(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.readFileSync(path.join(dir, '404.html')));
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/// The home page and the first page (sorted) under each top-level folder.
function pageKinds(dir) {
  const pages = [''];
  for (const name of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, name);
    if (!fs.statSync(sub).isDirectory()) continue;
    if (fs.existsSync(path.join(sub, 'index.html'))) pages.push(`${name}/`);
    const child = fs.readdirSync(sub).sort()
      .find((n) => fs.existsSync(path.join(sub, n, 'index.html')));
    if (child) pages.push(`${name}/${child}/`);
  }
  return pages;
}

const roots = process.env.SITE_ROOT ? [process.env.SITE_ROOT] : [path.join(repo, 'tests/fixtures/data-demo'), repo, ...(fs.existsSync(path.join(repo, 'vi-du'))
  ? fs.readdirSync(path.join(repo, 'vi-du')).sort().map((n) => path.join(repo, 'vi-du', n))
    .filter((r) => fs.existsSync(path.join(r, 'minhbach.toml')))
  : [])];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-csp-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [i, root] of roots.entries()) {
    const out = path.join(tmp, `site-${i}`);
    execFileSync(bin, ['build', '--root', root, '--date', '2026-11-25', '--output', out,
      '--base-url', `http://127.0.0.1${BASE}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const server = await serve(out);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const page = await browser.newPage();
    const refused = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
    await page.addInitScript(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
      document.addEventListener('securitypolicyviolation', (e) => {
        console.log(`Refused to ${e.effectiveDirective}: ${e.blockedURI || 'inline'} (CSP)`);
      });
    });
    let buttons = 0;
    const kinds = pageKinds(out);
    for (const rel of kinds) {
      refused.length = 0;
      await page.goto(`${origin}${BASE}${rel}`, { waitUntil: 'load' });
      await page.waitForTimeout(50);
      check(refused.length === 0, `${path.relative(repo, root) || '.'}: /${rel} — không vi phạm CSP`, refused.slice(0, 3).join(' | '));
      const button = page.locator('[data-print]');
      if (await button.count()) {
        buttons += 1;
        const visible = await button.isVisible();
        if (visible) await button.click();
        const printed = await page.evaluate(() => window.__printed);
        check(visible && printed === 1, `/${rel} — nút “In” hiện và gọi window.print()`, `visible=${visible} printed=${printed}`);
      }
    }
    check(buttons > 0, `${kinds.length} kiểu trang, ${buttons} trang có nút In`);
    await page.close();
    server.close();
  }
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failures ? `${failures} lỗi` : 'CSP: đạt');
process.exit(failures ? 1 : 0);
