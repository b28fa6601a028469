// Headless-Chromium test of the site search (issue #7).
//
// Builds the example site and tests/fixtures/search under sub-paths,
// serves them on 127.0.0.1 with python3's http.server, and checks as a
// reader would: typing "chuyen doi so" without diacritics finds the
// "Ngày Chuyển đổi số quốc gia" post with the words in <mark>; the three
// spellings give the same results; "dương" ranks "Dương Liễu" above
// "đường"; content is shown as text (no HTML injection); the keyboard
// works (↓/↑/Esc/Enter); without JavaScript the page offers the
// browse list; and a portable build works from file://.
//
// Run: cd tools/browser && npm ci && node search-test.mjs
// Env: MINHBACH_BIN (default ../../target/debug/minhbach, built if
// missing), CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const bin = process.env.MINHBACH_BIN || path.join(repo, 'target/debug/minhbach');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const DATE = '2026-11-25';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
}

function build(root, out, baseUrl) {
  const args = ['build', '--root', root, '--date', DATE, '--output', out];
  if (baseUrl) args.push('--base-url', baseUrl);
  execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${url}`);
}

/** Results as [{title, href, marks: [..]}]. */
async function results(page) {
  return page.$$eval('#search-results > li', (lis) => lis.map((li) => {
    const a = li.querySelector('a');
    return {
      title: a.textContent,
      href: a.getAttribute('href'),
      marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
      meta: li.querySelector('.meta').textContent,
    };
  }));
}

async function search(page, q) {
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  // The status names the query once its results are shown.
  await page.waitForFunction((want) => document.querySelector('.search-status').textContent.includes(want), `“${q.trim()}”`);
  return results(page);
}

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

async function main() {
  if (!fs.existsSync(bin)) {
    execFileSync('cargo', ['build', '--quiet'], { cwd: repo, stdio: 'inherit' });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-browser-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const fixture = path.join(repo, 'tests/fixtures/search');
  build(repo, path.join(tmp, 'www/chuyen-doi-so'), `${origin}/chuyen-doi-so/`);
  build(fixture, path.join(tmp, 'www/thu-tim'), `${origin}/thu-tim/`);
  // A portable copy, opened from disk.
  const portableSrc = path.join(tmp, 'portable-src');
  fs.cpSync(fixture, portableSrc, { recursive: true });
  fs.appendFileSync(path.join(portableSrc, 'minhbach.toml'), '\nportable = true\n');
  build(portableSrc, path.join(tmp, 'portable-out'));

  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1',
    '--directory', path.join(tmp, 'www')], { stdio: 'ignore' });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-chromium-'));
  let context;
  try {
    await waitForServer(`${origin}/chuyen-doi-so/`);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ARGS,
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
    const offsite = [];
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith('file:') && !u.startsWith('data:')) offsite.push(u);
    });

    // 1. From the header box on the home page, without diacritics.
    await page.goto(`${origin}/chuyen-doi-so/`);
    await page.fill('#tim-nhanh', 'chuyen doi so');
    await page.press('#tim-nhanh', 'Enter');
    await page.waitForURL(/\/chuyen-doi-so\/tim-kiem\/\?q=chuyen/);
    await page.waitForSelector('#search-results > li');
    await page.waitForFunction(() => /kết quả/.test(document.querySelector('.search-status').textContent));
    const status = await page.textContent('.search-status');
    check(/^Có \d+ kết quả cho “chuyen doi so”\.$/.test(status), 'result count announced in the live region', status);
    const plain = await results(page);
    const want = 'Phường Sông Trí hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025';
    const hit = plain.find((r) => r.title === want);
    check(!!hit, `“${want}” is found by “chuyen doi so”`, JSON.stringify(plain.slice(0, 5)));
    check(hit && ['Chuyển', 'đổi', 'số'].every((w) => hit.marks.includes(w)), 'its title and snippet mark Chuyển, đổi, số', JSON.stringify(hit));
    check(hit && hit.meta.startsWith('tin bài · '), 'the result shows its kind and date', hit && hit.meta);
    check(fold(plain[0].title).includes('chuyen doi so'), 'the first result has the phrase in its title', plain[0].title);
    if (hit) {
      const res = await fetch(new URL(hit.href, page.url()));
      check(res.ok, 'the result link resolves under the sub-path', hit.href);
    }
    const live = await page.getAttribute('.search-status', 'aria-live');
    check(live === 'polite', 'status is aria-live');
    const label = await page.textContent('label[for=q]');
    check(label.trim().length > 0, 'the search box has a label');

    // 2. Three spellings, same results.
    const sets = [];
    for (const q of ['chuyen doi so', 'chuyển đổi số', 'CHUYỂN ĐỔI SỐ']) {
      await page.goto(`${origin}/chuyen-doi-so/tim-kiem/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#search-results > li');
      const st = await page.textContent('.search-status');
      // Rank may differ (an exact spelling ranks first), so compare every
      // result, not only the first page: show them all with "Xem thêm".
      while (await page.$('.search-more')) {
        const shown = await page.$$eval('#search-results > li', (li) => li.length);
        await page.click('.search-more');
        await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, shown);
      }
      sets.push([st.match(/\d[\d.]*/)[0], (await results(page)).map((r) => r.href).sort().join(' ')]);
    }
    check(sets[1][0] === sets[0][0] && sets[2][0] === sets[0][0], 'same number of results for the three spellings', JSON.stringify(sets.map((s) => s[0])));
    check(sets[1][1] === sets[0][1] && sets[2][1] === sets[0][1], 'same results for the three spellings');

    // 3. Keyboard.
    await page.goto(`${origin}/chuyen-doi-so/tim-kiem/`);
    await page.focus('#q');
    await page.keyboard.type('tuyen', { delay: 20 });
    await page.waitForSelector('#search-results > li:nth-child(2)');
    const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute('href'));
    const links = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')));
    await page.keyboard.press('ArrowDown');
    check(await focused() === links[0], '↓ from the box focuses the first result');
    await page.keyboard.press('ArrowDown');
    check(await focused() === links[1], '↓ moves to the next result');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    check(await focused() === 'q', '↑ from the first result returns to the box');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL((u) => u.href !== `${origin}/chuyen-doi-so/tim-kiem/?q=tuyen`), page.keyboard.press('Enter')]);
    check(page.url() === new URL(links[0], `${origin}/chuyen-doi-so/tim-kiem/`).href, 'Enter opens the focused result', page.url());

    // 4. Diacritics rank: “dương” finds Dương Liễu first, đường below.
    await page.goto(`${origin}/thu-tim/tim-kiem/`);
    const duong = await search(page, 'dương');
    const titles = duong.map((r) => r.title);
    const iExact = titles.indexOf('Điểm hỗ trợ số tại thôn Dương Liễu');
    const iFold = titles.indexOf('Hoàn thành sửa đường liên thôn');
    check(iExact === 0 && iFold > iExact, '“dương” ranks the exact spelling first and “đường” below', JSON.stringify(titles));
    const plainDuong = (await search(page, 'duong ')).map((r) => r.title);
    check(plainDuong.includes('Điểm hỗ trợ số tại thôn Dương Liễu') && plainDuong.includes('Hoàn thành sửa đường liên thôn'), '“duong” finds both');

    // A word still being typed matches as a prefix; whole words do not.
    const partial = await search(page, 'vnei');
    check(partial.some((r) => r.title === 'Xã Thử Tìm hưởng ứng Ngày Chuyển đổi số quốc gia' && r.marks.includes('VNeID')), '“vnei” (still typing) finds VNeID', JSON.stringify(partial));
    const whole = await search(page, 'so');
    check(whole.every((r) => !r.marks.some((m) => fold(m) !== 'so')), 'a whole word is not also matched as a prefix (“so” does not mark “sông”)', JSON.stringify(whole.map((r) => r.marks)));

    // 5. Content is text, never HTML.
    const meo = await search(page, 'meo');
    check(meo.length > 0 && meo[0].title === 'Mẹo <an toàn> & cảnh giác khi nhận tin nhắn lạ', 'titles are shown as text', JSON.stringify(meo[0]));
    const injected = await page.$$eval('#search-results an, #search-results script', (e) => e.length);
    check(injected === 0, 'no element from content is created');
    const kinds = await search(page, 'tap huan');
    check(kinds.some((r) => r.meta.startsWith('nhiệm vụ')), 'tasks are searchable (kind “nhiệm vụ”)', JSON.stringify(kinds));
    const units = await search(page, 'doan thanh nien');
    check(units.some((r) => r.meta.startsWith('đơn vị')), 'units are searchable (kind “đơn vị”)', JSON.stringify(units));
    const targets = await search(page, 'cap quang');
    check(targets.some((r) => r.meta.startsWith('chỉ tiêu')), 'targets are searchable (kind “chỉ tiêu”)', JSON.stringify(targets));

    check(errors.length === 0, 'no script errors or dialogs', errors.join('\n'));
    check(offsite.length === 0, 'no request leaves the site', offsite.join('\n'));

    // 6. Without JavaScript: the page explains and offers the browse list.
    const plainBrowser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ARGS });
    try {
      const noJs = await plainBrowser.newContext({ javaScriptEnabled: false });
      const np = await noJs.newPage();
      await np.goto(`${origin}/thu-tim/tim-kiem/?q=chuyen`);
      const browse = await np.$$eval('.search-browse a', (as) => as.map((a) => a.textContent));
      check(browse.includes('Tất cả tin bài') && browse.includes('Văn bản') && browse.includes('Bản tin'), 'without JavaScript the page lists where to browse', JSON.stringify(browse));
      check(/tắt JavaScript/.test(await np.innerText('main')), 'without JavaScript the page says why search does not work');
    } finally {
      await plainBrowser.close();
    }

    // 7. Portable build from disk (file://).
    const fileUrl = pathToFileURL(path.join(tmp, 'portable-out/tim-kiem/index.html')).href;
    await page.goto(`${fileUrl}?q=${encodeURIComponent('chuyen doi so')}`);
    await page.waitForSelector('#search-results > li');
    const fromDisk = await results(page);
    check(fromDisk.some((r) => r.title === 'Xã Thử Tìm hưởng ứng Ngày Chuyển đổi số quốc gia' && r.href.endsWith('index.html')), 'search works from file:// with portable links', JSON.stringify(fromDisk));
  } finally {
    if (context) await context.close();
    server.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(failures ? `\n${failures} check(s) failed` : '\nall checks passed');
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
