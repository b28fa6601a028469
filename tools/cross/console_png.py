#!/usr/bin/env python3
"""Draws a console transcript (text captured from the real binary, e.g.
under wine by tools/cross/check.sh) as a small PNG that looks like a
Windows console window, for the guide (docs/img/). Needs Pillow and the
Liberation Mono font (Debian: python3-pil, fonts-liberation2).

    tools/cross/console_png.py TRANSCRIPT.txt OUT.png "Window title"
"""
import sys
import textwrap

from PIL import Image, ImageDraw, ImageFont

import os

# Liberation Mono has every precomposed Vietnamese letter (DejaVu Sans Mono
# lacks some, e.g. "ầ", and they came out with stray marks); Debian:
# fonts-liberation2. DejaVu is the fallback.
FONT = next(
    (f for f in ("/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf")
     if os.path.exists(f)),
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
)
COLS = 92


def main() -> None:
    src, out, title = sys.argv[1], sys.argv[2], sys.argv[3]
    text = open(src, encoding="utf-8", errors="replace").read()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.rstrip("\n").split("\n"):
        lines.extend(textwrap.wrap(line, COLS, replace_whitespace=False,
                                   drop_whitespace=False) or [""])
    font = ImageFont.truetype(FONT, 15)
    bar = ImageFont.truetype(FONT, 14)
    step = 20
    width = 16 + COLS * 9 + 16
    height = 34 + 12 + step * len(lines) + 12
    img = Image.new("RGB", (width, height), (12, 12, 12))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, width, 30], fill=(240, 240, 240))
    d.text((12, 7), title, font=bar, fill=(0, 0, 0))
    y = 34 + 12
    for line in lines:
        color = (204, 204, 204)
        if line.startswith("lỗi"):
            color = (231, 72, 86)
        elif line.startswith("cảnh báo"):
            color = (249, 241, 165)
        d.text((16, y), line, font=font, fill=color)
        y += step
    img = img.quantize(colors=16)
    img.save(out, optimize=True)


if __name__ == "__main__":
    main()
