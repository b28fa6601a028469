// Shared helpers of the reader tests (screenshots.mjs, reader-test.mjs):
// build an example site, serve it on 127.0.0.1 under a sub-path, list one
// page of every kind, launch Debian's Chromium, count the pages of a PDF.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const bin = process.env.MINHBACH_BIN || path.join(repo, 'target/debug/minhbach');
export const BASE = '/chuyen-doi-so/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.xml': 'application/xml', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf',
};

/// The example sites: the data-rich fixture tests/fixtures/data-demo, the root site, then every vi-du/*/ with a minhbach.toml.
export function exampleRoots() {
  const vidu = path.join(repo, 'vi-du');
  return [path.join(repo, 'tests/fixtures/data-demo'), path.join(repo, 'tests/fixtures/english'), repo, ...(fs.existsSync(vidu)
    ? fs.readdirSync(vidu).sort().map((n) => path.join(vidu, n))
      .filter((r) => fs.existsSync(path.join(r, 'minhbach.toml')))
    : [])];
}

/// `minhbach build` of `root` into `out`, for the sub-path BASE on 127.0.0.1.
export function build(root, out) {
  if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '--quiet'], { cwd: repo, stdio: 'inherit' });
  execFileSync(bin, ['build', '--root', root, '--date', '2026-11-25', '--output', out,
    '--base-url', `http://127.0.0.1${BASE}`], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/// Serves `dir` under BASE, with `headers` on every response; resolves to
/// { server, origin }.
export function serve(dir, headers = {}) {
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(BASE)) { res.writeHead(404); return res.end(); }
    p = path.normalize(p.slice(BASE.length)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(dir, p);
    try { if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html'); } catch { /* 404 */ }
    try {
      const body = fs.readFileSync(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.readFileSync(path.join(dir, '404.html')));
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    server, origin: `http://127.0.0.1:${server.address().port}`,
  })));
}

/// The home page and the first page (sorted) under each top-level folder;
/// redirect stubs left out unless `redirects` is true.
export function pageKinds(dir, { redirects = false } = {}) {
  const pages = [''];
  for (const name of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, name);
    if (!fs.statSync(sub).isDirectory()) continue;
    if (fs.existsSync(path.join(sub, 'index.html'))) pages.push(`${name}/`);
    const child = fs.readdirSync(sub).sort()
      .find((n) => fs.existsSync(path.join(sub, n, 'index.html')));
    if (child) pages.push(`${name}/${child}/`);
  }
  return redirects ? pages : pages.filter((p) => !isRedirect(path.join(dir, p, 'index.html')));
}

/// Every HTML page of the output (relative paths, `/` separators), redirect stubs left out.
export function allPages(dir, rel = '') {
  const found = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const full = path.join(dir, r);
    if (fs.statSync(full).isDirectory()) found.push(...allPages(dir, r));
    else if (name.endsWith('.html') && !isRedirect(full)) found.push(r);
  }
  return found;
}

function isRedirect(file) {
  try { return /http-equiv="refresh"/i.test(fs.readFileSync(file, 'utf8').slice(0, 2000)); } catch { return false; }
}

/// A post written by people (the one with the most charts, then the longest)
/// and the data pages with charts and tables, as paths relative to the output.
/// Posts are found wherever the site's news section is (`tin-tuc/`, `news/`,
/// `[sections] news = …`): a post's page is the only kind that carries
/// `article:published_time` (post.html); generated bulletins (`ban-tin/`) are
/// posts too and are left out.
export function printSamples(dir) {
  const posts = allPages(dir).filter((p) => /\/index\.html$/.test(p) && !p.startsWith('ban-tin/')).flatMap((p) => {
    const html = fs.readFileSync(path.join(dir, p), 'utf8');
    if (!/<meta property="article:published_time"/.test(html)) return [];
    return [[p, (html.match(/class="chart-block"/g) || []).length, html.length]];
  });
  const post = posts.sort((a, b) => b[1] - a[1] || b[2] - a[2])[0]?.[0];
  const data = ['chi-tieu/index.html', 'nhiem-vu/index.html', 'kinh-phi/index.html']
    .filter((p) => fs.existsSync(path.join(dir, p)));
  return { post, data };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// Pages in a PDF made by Chromium (one `/Type /Page` object per page).
export function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

/// A4 print of the page open in `page`, as Chromium's "save as PDF" does it.
export async function printA4(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}
