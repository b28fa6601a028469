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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BASE, build, exampleRoots, launch, pageKinds, repo, serve } from './site-lib.mjs';

const CSP = "default-src 'self'";

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
}

const roots = process.env.SITE_ROOT ? [process.env.SITE_ROOT] : exampleRoots();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-csp-'));
const browser = await launch();
try {
  for (const [i, root] of roots.entries()) {
    const out = path.join(tmp, `site-${i}`);
    build(root, out);
    const { server, origin } = await serve(out, {
      'content-security-policy': CSP, 'x-content-type-options': 'nosniff',
    });
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
    // Redirect stubs too: they must load under the policy as well.
    const kinds = pageKinds(out, { redirects: true });
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
