// Measures what a reader downloads for the first search query, for the
// minhbach index (tim-kiem/) and, when present, a Pagefind index
// (pagefind/) of the same built site. See docs/decisions/0006-search.md.
//
// Usage: node search-size.mjs OUT_DIR [query …]
//   OUT_DIR is a built site (minhbach build --output OUT_DIR); if
//   OUT_DIR/pagefind/ exists (npx pagefind --site OUT_DIR) it is measured
//   with the same queries through Pagefind's own JS API.
//
// "Transfer" counts each requested file once: text files (.js .json .html
// .css) gzip-compressed at level 6 — what any web server with gzip sends —
// and binary files (Pagefind's .pf_* and .pagefind, already compressed) as
// they are on disk. The page HTML and CSS are left out (the same for both).

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const [out, ...given] = process.argv.slice(2);
if (!out) { console.error('usage: node search-size.mjs OUT_DIR [query …]'); process.exit(2); }
const queries = given.length ? given : ['chuyen doi so', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'vneid', 'dương'];

function wire(file) {
  const bytes = fs.readFileSync(file);
  return /\.(js|json|html|css)$/.test(file) ? zlib.gzipSync(bytes, { level: 6 }).length : bytes.length;
}
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
function totals(dir) {
  const files = walk(dir);
  let raw = 0, gz = 0;
  for (const f of files) { raw += fs.statSync(f).size; gz += wire(f); }
  return { files: files.length, raw, gz };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function measure(browser, origin, url, prefix, run) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = new Set();
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith(prefix)) seen.add(decodeURIComponent(u.pathname));
  });
  await page.goto(url);
  const t0 = Date.now();
  const count = await run(page);
  const ms = Date.now() - t0;
  await context.close();
  let bytes = 0;
  for (const p of seen) bytes += wire(path.join(out, p.slice(1) + (p.endsWith('/') ? 'index.html' : '')));
  return { count, ms, requests: seen.size, bytes };
}

async function main() {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', out], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${origin}/`)).ok) break; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const own = totals(path.join(out, 'tim-kiem/chi-muc'));
    console.log(`minhbach index: ${own.files} files, ${kb(own.raw)} raw, ${kb(own.gz)} gzip; search.js ${kb(wire(path.join(out, 'search.js')))} gzip`);
    console.log('| query | engine | results | requests | first-query transfer (gzip) | time |');
    console.log('|---|---|---:|---:|---:|---:|');
    const hasPf = fs.existsSync(path.join(out, 'pagefind'));
    for (const q of queries) {
      const m = await measure(browser, origin, `${origin}/tim-kiem/?q=${encodeURIComponent(q)}`, '/', async (page) => {
        await page.waitForFunction(() => /kết quả/.test(document.querySelector('.search-status').textContent), null, { timeout: 60000 });
        const s = await page.textContent('.search-status');
        return (s.match(/Có ([\d.]+)/) || [0, '0'])[1];
      });
      // The page itself and its CSS are the same for every engine.
      console.log(`| ${q} | minhbach | ${m.count} | ${m.requests} | ${kb(m.bytes - wire(path.join(out, 'tim-kiem/index.html')) - wire(path.join(out, 'style.css')))} | ${m.ms} ms |`);
      if (hasPf) {
        const p = await measure(browser, origin, `${origin}/tim-kiem/`, '/pagefind/', async (page) => page.evaluate(async (query) => {
          const pf = await import('/pagefind/pagefind.js');
          const r = await pf.search(query);
          await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
          return String(r.results.length);
        }, q));
        console.log(`| ${q} | Pagefind | ${p.count} | ${p.requests} | ${kb(p.bytes)} | ${p.ms} ms |`);
      }
    }
    if (hasPf) {
      const pf = totals(path.join(out, 'pagefind'));
      console.log(`Pagefind index: ${pf.files} files, ${kb(pf.raw)} on disk, ${kb(pf.gz)} as sent`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
