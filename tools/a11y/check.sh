#!/usr/bin/env bash
# Valid and accessible, checked for real, on the example sites:
#   1. builds them (release binary, or $MINHBACH_BIN): the data-rich test
#      fixture tests/fixtures/data-demo (every page kind, for axe), the root
#      example and every vi-du/*/ example;
#   2. Nu HTML Checker (vnu, Java 17+) on every HTML page, CSS and SVG of
#      all of them: 0 errors required;
#   3. axe-core in headless Debian Chromium on the home/dashboard, a news
#      post, a target page, the DTI page, the budget page and a tag page,
#      at 1280 px and 375 px: 0 violations; keyboard: the first Tab reaches
#      the skip link, which shows; focus is visible at every Tab stop;
#   4. screenshots of those pages in $SHOTS (default target/a11y-anh/).
# Needs: java, node/npm, /usr/bin/chromium (apt-get install chromium);
# `npm ci` in tools/a11y is run when node_modules is missing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
SHOTS="${SHOTS:-$ROOT/target/a11y-anh}"
SITE="$(mktemp -d)/site"
trap 'rm -rf "$(dirname "$SITE")"' EXIT

if [ ! -d "$HERE/node_modules/vnu-jar" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --ignore-scripts)
fi
BIN="${MINHBACH_BIN:-}"
if [ -z "$BIN" ]; then
  cargo build --release --quiet
  BIN="$ROOT/target/release/minhbach"
fi

echo "== a11y: dựng các trang ví dụ"
# axe needs every page kind (DTI, budget, a target with results): the
# data-rich fixture has them all; the honest examples are checked by vnu.
"$BIN" build --root "$ROOT/tests/fixtures/data-demo" --date 2026-11-25 --output "$SITE" >/dev/null
OTHERS="$(dirname "$SITE")/vi-du"
"$BIN" build --root "$ROOT" --date 2026-11-25 --output "$OTHERS/goc" >/dev/null
for d in "$ROOT"/vi-du/*/; do
  "$BIN" build --root "$d" --date 2026-11-25 --output "$OTHERS/$(basename "$d")" >/dev/null
done
pages=$(find "$SITE" "$OTHERS" -name '*.html' | wc -l)

echo "== a11y: Nu HTML Checker trên $pages trang HTML (+ CSS, SVG)"
java -jar "$HERE/node_modules/vnu-jar/build/dist/vnu.jar" \
  --errors-only --skip-non-html --also-check-css --also-check-svg --format gnu "$SITE" "$OTHERS"
echo "vnu: 0 lỗi"

echo "== a11y: axe-core và bàn phím trong Chromium; ảnh chụp ở $SHOTS"
rm -rf "$SHOTS"
node "$HERE/check.mjs" "$SITE" "$SHOTS"
