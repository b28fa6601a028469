// Screenshots of every page kind, for people to look at (issue #17).
//
// Builds the example sites (tests/fixtures/data-demo, the root site and
// vi-du/*/; or SITE_ROOT), serves each under a sub-path and writes, into
// OUT (default /tmp/minhbach-anh, outside the repository):
//   <site>/<page>-375.png and -1280.png  full-page screenshots of the home page
//                                        and one page of every kind;
//   <site>/<page>-a4.pdf                 Chromium's A4 print of a post and of
//                                        the data pages (targets, tasks, budget);
//   figures.tsv                          page heights at 375/1280 px, header
//                                        height, page scroll width, PDF pages.
//
// Run: cd tools/browser && npm ci && node screenshots.mjs [OUT]
// Env: MINHBACH_BIN, CHROMIUM, SITE_ROOT.

import fs from 'node:fs';
import path from 'node:path';
import {
  repo, exampleRoots, build, serve, pageKinds, printSamples, launch, pdfPages, printA4, BASE,
} from './site-lib.mjs';

const OUT = path.resolve(process.argv[2] || '/tmp/minhbach-anh');
if (path.relative(repo, OUT) === '' || !path.relative(repo, OUT).startsWith('..')) {
  console.error(`OUT (${OUT}) phải nằm ngoài kho mã`);
  process.exit(2);
}
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const roots = process.env.SITE_ROOT ? [path.resolve(process.env.SITE_ROOT)] : exampleRoots();
const rows = [['site', 'page', 'height375', 'height1280', 'header375', 'scrollWidth375', 'pdfPages']];
const slug = (rel) => rel.replace(/\/?index\.html$/, '').replace(/\/$/, '').replace(/\//g, '_') || 'trang-chu';

const browser = await launch();
try {
  for (const root of roots) {
    const name = (path.relative(repo, root) || 'goc').replace(/[/\\]/g, '_');
    const out = path.join(OUT, name, 'site');
    build(root, out);
    const shots = path.join(OUT, name);
    const { server, origin } = await serve(out);
    const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { post, data } = printSamples(out);
    const printed = new Set([post, ...data].filter(Boolean).map((p) => p.replace(/index\.html$/, '')));
    const kinds = [...new Set([...pageKinds(out), ...printed])];
    for (const rel of kinds) {
      const url = `${origin}${BASE}${rel}`;
      await phone.goto(url, { waitUntil: 'load' });
      const m = await phone.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        header: Math.round(document.querySelector('.site-header')?.getBoundingClientRect().bottom || 0),
        scrollWidth: document.documentElement.scrollWidth,
      }));
      await phone.screenshot({ path: path.join(shots, `${slug(rel)}-375.png`), fullPage: true });
      await desk.goto(url, { waitUntil: 'load' });
      const h1280 = await desk.evaluate(() => document.documentElement.scrollHeight);
      await desk.screenshot({ path: path.join(shots, `${slug(rel)}-1280.png`), fullPage: true });
      let pages = '';
      if (printed.has(rel)) {
        const pdf = await printA4(desk);
        fs.writeFileSync(path.join(shots, `${slug(rel)}-a4.pdf`), pdf);
        pages = pdfPages(pdf);
      }
      rows.push([name, `/${rel}`, m.height, h1280, m.header, m.scrollWidth, pages]);
    }
    await phone.close();
    await desk.close();
    server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
fs.writeFileSync(path.join(OUT, 'figures.tsv'), rows.map((r) => r.join('\t')).join('\n') + '\n');
console.log(rows.map((r) => r.join('\t')).join('\n'));
console.log(`Ảnh và PDF: ${OUT}`);
