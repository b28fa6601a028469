#!/usr/bin/env bash
# Valid and accessible, checked for real, on every example site: the
# data-rich test fixture tests/fixtures/data-demo (every page kind), the
# document-with-appendices fixture tests/fixtures/phu-luc, the English
# fixture tests/fixtures/english (language = "en", every data kind), the
# root example and every vi-du/*/ example with a minhbach.toml. For each:
#   1. builds it (release binary, or $MINHBACH_BIN);
#   2. Nu HTML Checker (vnu, Java 17+) on every HTML page, CSS and SVG:
#      0 errors required;
#   3. axe-core in headless Debian Chromium on EVERY HTML page of the build
#      (listed from the output; redirect stubs skipped) at 1280 px and
#      375 px: 0 violations; keyboard: the first Tab reaches the skip link,
#      which shows; focus is visible at every Tab stop;
#   4. one screenshot per page kind in $SHOTS/<n>/ (default target/a11y-anh/).
# Needs: java, node/npm, /usr/bin/chromium (apt-get install chromium);
# `npm ci` in tools/a11y is run when node_modules is missing.
# A11Y_WORKERS (default 4): pages checked at once, each in a tab.
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

roots=("$ROOT/tests/fixtures/data-demo" "$ROOT/tests/fixtures/phu-luc" "$ROOT/tests/fixtures/english" "$ROOT")
for d in "$ROOT"/vi-du/*/; do
  [ -f "$d/minhbach.toml" ] && roots+=("${d%/}")
done
rm -rf "$SHOTS"
n=0
for root in "${roots[@]}"; do
  n=$((n + 1))
  out="$SITE-$n"
  name="${root#"$ROOT"}"; name="${name#/}"; name="${name:-.}"
  echo "== a11y: dựng trang ví dụ $name"
  "$BIN" build --root "$root" --date 2026-11-25 --output "$out" >/dev/null
  pages=$(find "$out" -name '*.html' | wc -l)

  echo "== a11y: Nu HTML Checker trên $pages trang HTML (+ CSS, SVG)"
  java -jar "$HERE/node_modules/vnu-jar/build/dist/vnu.jar" \
    --errors-only --skip-non-html --also-check-css --also-check-svg --format gnu "$out"
  echo "vnu: 0 lỗi"

  echo "== a11y: axe-core trên mọi trang và bàn phím trong Chromium; ảnh chụp ở $SHOTS/$n"
  node "$HERE/check.mjs" "$out" "$SHOTS/$n"
done
