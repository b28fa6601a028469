#!/usr/bin/env bash
# Assembles the archive people download for one target:
#
#   tools/release/package.sh TARGET BINARY OUT_DIR
#
# e.g. tools/release/package.sh x86_64-pc-windows-gnu \
#        target/x86_64-pc-windows-gnu/release/minhbach.exe dist
#
# The archive holds one folder, minhbach-<version>-<platform>/, that is a
# working site (the example site of this repository, with portable = true so
# that public\index.html opens from disk), the binary, LICENSE-MIT,
# LICENSE-APACHE, BAT-DAU.txt (Vietnamese first steps) and the guide
# (huong-dan/). The Windows archive is a .zip with the launchers
# "Xem truoc.bat" and "Dung trang.bat" and CRLF text files; the others are
# .tar.gz. Prints the archive's path. Needs bash and python3 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ $# -ne 3 ]; then
  echo "cách dùng: $0 TARGET BINARY OUT_DIR" >&2
  exit 2
fi
target=$1
binary=$2
out_dir=$3

case "$target" in
  x86_64-pc-windows-*) platform=windows-x86_64 ;;
  x86_64-unknown-linux-*) platform=linux-x86_64 ;;
  aarch64-unknown-linux-*) platform=linux-arm64 ;;
  aarch64-apple-darwin) platform=macos-arm64 ;;
  x86_64-apple-darwin) platform=macos-x86_64 ;;
  *) echo "không biết nền tảng của $target" >&2; exit 2 ;;
esac
windows=0
case "$platform" in windows-*) windows=1 ;; esac

if [ ! -f "$binary" ]; then
  echo "không có tệp chạy $binary" >&2
  exit 1
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
name="minhbach-$version-$platform"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir="$stage/$name"
mkdir -p "$dir"

# The binary.
if [ "$windows" = 1 ]; then
  cp "$binary" "$dir/minhbach.exe"
else
  cp "$binary" "$dir/minhbach"
  chmod 755 "$dir/minhbach"
fi

# A working site: the example, opening from disk (portable = true must come
# before the first [table] of the TOML file, so it goes on top).
cp -R content "$dir/content"
{
  echo "# Bản tải về: liên kết kết thúc bằng index.html để mở thẳng từ ổ đĩa (xem huong-dan/cau-hinh.md)."
  echo "portable = true"
  cat minhbach.toml
} > "$dir/minhbach.toml"

# Licences, first steps, the guide.
cp LICENSE-MIT LICENSE-APACHE "$dir/"
cp packaging/common/BAT-DAU.txt "$dir/BAT-DAU.txt"
mkdir -p "$dir/huong-dan"
cp docs/*.md "$dir/huong-dan/"
if [ -d docs/img ]; then cp -R docs/img "$dir/huong-dan/img"; fi

if [ "$windows" = 1 ]; then
  # cmd needs CRLF; no BOM (it would break "@echo off"), whatever git's
  # line-ending settings of the checkout.
  for f in "Xem truoc.bat" "Dung trang.bat"; do
    python3 - "packaging/windows/$f" "$dir/$f" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read().replace("\r\n", "\n").replace("\n", "\r\n")
open(sys.argv[2], "w", encoding="utf-8", newline="").write(t)
PY
  done
  # Notepad-friendly text: UTF-8 with BOM and CRLF for the files an officer
  # reads first (content files keep their bytes: minhbach reads either).
  for f in BAT-DAU.txt LICENSE-MIT LICENSE-APACHE; do
    python3 - "$dir/$f" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read().replace("\r\n", "\n").replace("\n", "\r\n")
open(p, "w", encoding="utf-8-sig", newline="").write(t)
PY
  done
fi

mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
if [ "$windows" = 1 ]; then
  archive="$out_dir/$name.zip"
  rm -f "$archive"
  python3 - "$stage" "$name" "$archive" <<'PY'
import os, sys, zipfile
stage, name, archive = sys.argv[1:]
with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(os.path.join(stage, name)):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(root, f)
            z.write(path, os.path.relpath(path, stage))
PY
else
  archive="$out_dir/$name.tar.gz"
  tar -C "$stage" -czf "$archive" "$name"
fi
echo "$archive"
