#!/usr/bin/env bash
# The Windows and static-Linux builds, checked for real:
#
#  1. cross-compiles x86_64-pc-windows-gnu (mingw-w64) and
#     x86_64-unknown-linux-musl (static), dev profile (fast to compile);
#  2. builds the example site with the Linux binary, the static musl binary
#     and the Windows binary under wine: every output file must be
#     byte-identical (diff -r);
#  3. packages the Windows archive (tools/release/package.sh), unzips it and
#     runs its "Dung trang.bat" under wine's cmd, from another folder, as a
#     double-click would: the site must build, the console text must be
#     Vietnamese and free of \\?\ paths.
#
# Debian's wine 8 lacks bcryptprimitives.dll: a stand-in built from
# tools/cross/wine-stub/ goes into the temporary wine prefix (never into
# the product). Honours CARGO_TARGET_DIR. Installs what it needs (apt: gcc-mingw-w64-x86-64, musl-tools, wine64;
# rustup targets). Writes the wine console transcripts to
# target/wine-console/ for the guide. Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
# Debian's wine64 package puts its loader in /usr/lib/wine (the `wine`
# wrapper package is not needed).
find_wine() { command -v wine64 || command -v wine || { test -x /usr/lib/wine/wine64 && echo /usr/lib/wine/wine64; }; }
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v musl-gcc >/dev/null || need+=(musl-tools)
find_wine >/dev/null || need+=(wine64)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi
# The targets come from the Rust download server, which is not a package
# registry: on a machine that cannot reach it and lacks the targets, say so
# loudly and skip (MINHBACH_CROSS_REQUIRED=1 makes that a failure).
if ! rustup target add x86_64-pc-windows-gnu x86_64-unknown-linux-musl >/dev/null 2>&1; then
  echo "!! BỎ QUA kiểm tra bản Windows/musl: rustup không cài được target x86_64-pc-windows-gnu, x86_64-unknown-linux-musl (máy không tới được máy chủ tải Rust)." >&2
  echo "!! cross check SKIPPED: the rustup targets could not be installed on this machine." >&2
  if [ "${MINHBACH_CROSS_REQUIRED:-0}" = 1 ]; then exit 1; fi
  exit 0
fi

WINE=$(find_wine)
WINESERVER=$(command -v wineserver || echo /usr/lib/wine/wineserver)
t0=$(date +%s)
lap() { echo "   ($(( $(date +%s) - t0 )) s since the start)"; }

echo "-- cross-compiling (Windows, static Linux)"
cargo build --locked --target x86_64-pc-windows-gnu
lap
cargo build --locked --target x86_64-unknown-linux-musl
lap
cargo build --locked
lap
tdir=${CARGO_TARGET_DIR:-target}
exe=$tdir/x86_64-pc-windows-gnu/debug/minhbach.exe
musl=$tdir/x86_64-unknown-linux-musl/debug/minhbach
native=$tdir/debug/minhbach

# Static: no dynamic section asking for a loader or shared libraries.
if command -v readelf >/dev/null && readelf -d "$musl" 2>/dev/null | grep -q NEEDED; then
  echo "the musl binary is not static:" >&2
  readelf -d "$musl" | grep NEEDED >&2
  exit 1
fi
if command -v file >/dev/null && ! file "$musl" | grep -Eq 'static(-pie)? linked|statically linked'; then
  file "$musl" >&2
  echo "the musl binary is not static" >&2
  exit 1
fi
# ldd says "not a dynamic executable" (or "statically linked") and fails.
if command -v ldd >/dev/null && ldd "$musl" 2>&1 | grep -q '=>'; then
  ldd "$musl" >&2
  echo "the musl binary links shared libraries" >&2
  exit 1
fi
echo "static: $(file -b "$musl" 2>/dev/null | cut -d, -f1-4)"

work=$(mktemp -d)
# wine's server outlives the commands for a few seconds: end it (and wait)
# before removing its prefix.
trap '"$WINESERVER" -k >/dev/null 2>&1 || true; "$WINESERVER" -w >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -R content minhbach.toml "$site/"
date=2026-11-25

echo "-- building the example site: Linux, musl, Windows under wine"
"$native" build --root "$site" -o "$work/linux" --date "$date" -q
"$musl" build --root "$site" -o "$work/musl" --date "$date" -q
export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
"$WINE" wineboot --init >/dev/null 2>&1 || true
# Debian's wine 8 has no bcryptprimitives.dll (Rust's std imports its
# ProcessPrng; Windows 10+ has it): a stand-in in the prefix, test harness
# only — the archive is never touched.
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  tools/cross/wine-stub/bcryptprimitives.c -ladvapi32
"$WINE" "$exe" build --root "Z:$site" -o "Z:$work/windows" --date "$date" -q
diff -r "$work/linux" "$work/musl"
diff -r "$work/linux" "$work/windows"
files=$(find "$work/linux" -type f | wc -l)
echo "identical: $files files (Linux = static musl = Windows under wine)"
lap

echo "-- the Windows archive, double-clicked under wine"
archive=$(tools/release/package.sh x86_64-pc-windows-gnu "$exe" "$work/dist")
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$archive" "$work/unzipped"
folder=$(find "$work/unzipped" -mindepth 1 -maxdepth 1 -type d)
for f in minhbach.exe "Xem truoc.bat" "Dung trang.bat" BAT-DAU.txt LICENSE-MIT LICENSE-APACHE minhbach.toml; do
  test -f "$folder/$f" || { echo "missing in the archive: $f" >&2; exit 1; }
done
mkdir -p target/wine-console
# Run from another folder: the launcher must cd to its own.
winfolder=$(printf 'Z:%s' "$folder" | tr / '\\')
(cd "$work" && echo | "$WINE" cmd /c "$winfolder\\Dung trang.bat") > target/wine-console/dung-trang.txt 2>&1 || true
test -f "$folder/public/index.html" || { cat target/wine-console/dung-trang.txt >&2; echo "Dung trang.bat built nothing" >&2; exit 1; }
# "Xem truoc.bat": the preview server, run by the Windows binary under wine
# (a busy port 1111 moves it to the next: read the address it prints),
# must serve the site's home page; then wine is ended.
rm -rf "$folder/public"
(cd "$work" && exec timeout 120 "$WINE" cmd /c "$winfolder\\Xem truoc.bat" </dev/null) > target/wine-console/xem-truoc.txt 2>&1 &
url=""
for _ in $(seq 1 90); do
  url=$(tr -d '\r' < target/wine-console/xem-truoc.txt | sed -n 's/^Xem trước tại: \(http[^ ]*\).*/\1/p' | head -n1)
  [ -n "$url" ] && break
  sleep 1
done
[ -n "$url" ] || { cat target/wine-console/xem-truoc.txt >&2; echo "Xem truoc.bat printed no address" >&2; exit 1; }
python3 - "$url" <<'PY' || { cat target/wine-console/xem-truoc.txt >&2; exit 1; }
import sys, urllib.request
page = urllib.request.urlopen(sys.argv[1], timeout=30).read().decode("utf-8")
assert "<html" in page and "</html>" in page, page[:500]
print("served by the Windows binary under wine:", sys.argv[1], len(page), "bytes")
PY
"$WINESERVER" -k >/dev/null 2>&1 || true
wait || true
"$WINE" "$exe" --help > target/wine-console/help.txt 2>&1
"$WINE" "$exe" buid > target/wine-console/buid.txt 2>&1 || true
# wine's console writes CRLF; the checks read the text as a person would.
transcript=$(tr -d '\r' < target/wine-console/dung-trang.txt)
echo "$transcript" | grep -q "Đã dựng" || { echo "$transcript" >&2; echo "no Vietnamese result line" >&2; exit 1; }
if echo "$transcript" | grep -q '\\\\?\\'; then
  echo "$transcript" >&2
  echo 'a \\?\ path was printed' >&2
  exit 1
fi
tr -d '\r' < target/wine-console/help.txt | grep -q "Cách dùng: minhbach" || { cat target/wine-console/help.txt >&2; exit 1; }
tr -d '\r' < target/wine-console/buid.txt | grep -q "có phải ý bạn là \`build\`?" || { cat target/wine-console/buid.txt >&2; exit 1; }
lap
echo "cross ok: Windows and static Linux builds equal the Linux build; the archive's launcher builds its site"
