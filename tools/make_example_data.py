#!/usr/bin/env python3
"""Build the example site's data files in content/du-lieu/ from the UTF-8 sources in
tools/example-data-src/.

The sources are pipe-separated text (``*.psv``: first non-comment line is the header,
lines starting with ``#`` are comments) so that every value can be reviewed in a diff.
This script writes each dataset in the format an officer's Excel would produce, one
format per file so the generator's readers are all exercised:

  chi-tieu.csv            UTF-8 with BOM, comma, CRLF        (Excel "CSV UTF-8")
  nhiem-vu.csv            UTF-8 with BOM, semicolon, CRLF    (Excel, Vietnamese locale)
  ket-qua.xlsx            workbook, one sheet "Kết quả"      (openpyxl)
  kinh-phi.json           JSON array of objects
  chi-so-dti.csv          UTF-16 LE with BOM, TAB, CRLF      (Excel "Unicode text")
  diem-dti.cp1258.csv     Windows-1258, comma, CRLF          (legacy Vietnamese code page)
  don-vi.csv              UTF-8 without BOM, comma, LF

It does not validate the data; tools/check_example_data.py does.

Usage:
  python3 tools/make_example_data.py              # rebuild content/du-lieu/*
  python3 tools/make_example_data.py --tao-diem   # (re)generate the illustrative DTI
                                                  # scores source, then rebuild
Needs openpyxl (pip install openpyxl).
"""
import csv
import hashlib
import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tools" / "example-data-src"
OUT = ROOT / "content" / "du-lieu"

ILLUSTRATIVE = "Số liệu minh họa (ví dụ)"


# ---------------------------------------------------------------- reading sources

def read_psv(name):
    """Return (header, rows) of a pipe-separated source; rows are dicts, values stripped."""
    header, rows = None, []
    text = (SRC / name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            sys.exit(f"{name}:{lineno}: {len(cells)} cột, tiêu đề có {len(header)} cột")
        rows.append(dict(zip(header, cells)))
    # Sources are typed in NFC; make sure nothing decomposed slipped in.
    for r in rows:
        for k, v in r.items():
            r[k] = unicodedata.normalize("NFC", v)
    return header, rows


# ---------------------------------------------------------------- writers

def write_delimited(path, header, rows, *, delimiter, encoding, bom, newline):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline,
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([r[h] for h in header])
    text = buf.getvalue()
    if encoding == "cp1258":
        data = encode_cp1258(text)
    else:
        data = text.encode(encoding)
    if bom:
        data = bom + data
    path.write_bytes(data)


# cp1258 has precomposed letters for the base vowels (â ă ê ô ơ ư đ …) and a few toned
# letters, and five combining tone marks. Vietnamese letters it lacks are written as base
# letter + combining tone mark, as Windows itself does.
CP1258_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = nfd[0] + "".join(m for m in nfd[1:] if m not in CP1258_TONES)
        tones = "".join(m for m in nfd[1:] if m in CP1258_TONES)
        out += unicodedata.normalize("NFC", base).encode("cp1258")  # raises if truly absent
        out += tones.encode("cp1258")
    decoded = unicodedata.normalize("NFC", bytes(out).decode("cp1258"))
    if decoded != unicodedata.normalize("NFC", text):
        sys.exit("cp1258: mã hóa không khứ hồi được")
    return bytes(out)


def vn_number(s):
    """'99,2' -> 99.2, '100' -> 100; anything else -> None."""
    t = s.replace(",", ".")
    try:
        f = float(t)
    except ValueError:
        return None
    return int(f) if f.is_integer() and "." not in t else f


def write_xlsx(path, sheet_title, header, rows):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    import datetime

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        cells = []
        for h in header:
            v = r[h]
            if h == "Kỳ" and v.isdigit():
                cells.append(int(v))          # a year typed into a cell is a number
            elif h == "Giá trị" and vn_number(v) is not None:
                cells.append(vn_number(v))
            else:
                cells.append(v if v != "" else None)
        ws.append(cells)
    widths = {"Mã chỉ tiêu": 13, "Kỳ": 13, "Giá trị": 10, "Xã/phường": 22, "Nguồn": 40, "Ghi chú": 70}
    for i, h in enumerate(header):
        ws.column_dimensions[chr(ord("A") + i)].width = widths.get(h, 15)
    ws.freeze_panes = "A2"
    fixed = datetime.datetime(2025, 11, 14, 8, 0, 0)
    wb.properties.creator = "minhbach (dữ liệu ví dụ)"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    tmp = io.BytesIO()
    wb.save(tmp)
    path.write_bytes(reproducible_zip(tmp.getvalue(), fixed))


def reproducible_zip(data, when):
    """Rewrite a zip with fixed member timestamps so rebuilding gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the time of saving; pin it.
                stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            dst.writestr(zi, body)
    return out.getvalue()


# ---------------------------------------------------------------- illustrative scores

def leaves_of(index_rows):
    codes = [r["Mã"] for r in index_rows]
    parents = {c.rsplit(".", 1)[0] for c in codes if "." in c}
    return [r for r in index_rows if r["Mã"] not in parents]


def fmt_points(x):
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def make_scores_source():
    """Write tools/example-data-src/diem-dti.psv: plausible self-assessed points per leaf
    for 2023–2025, deterministic (from a hash of the code), never above the maximum."""
    _, index_rows = read_psv("chi-so-dti.psv")
    lines = [
        "# Nguồn (UTF-8) của content/du-lieu/diem-dti.cp1258.csv. SỐ LIỆU MINH HỌA, do",
        "# tools/make_example_data.py --tao-diem sinh ra (tất định); không phải điểm thật của huyện Thọ Xuân.",
        "Mã|Năm|Điểm|Loại|Ghi chú",
    ]
    base = {"I": 0.55, "II": 0.42, "III": 0.45}
    for year_i, year in enumerate((2023, 2024, 2025)):
        first = True
        for r in leaves_of(index_rows):
            code, mx = r["Mã"], float(r["Điểm tối đa"].replace(",", "."))
            h = int(hashlib.sha256(code.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
            ratio = base[code.split(".")[0]] + 0.35 * h + 0.09 * year_i
            ratio = max(0.0, min(1.0, ratio))
            step = 0.25 if mx >= 2 else 0.5
            pts = round(mx * ratio / step) * step
            note = ILLUSTRATIVE if first else ""
            if year == 2025 and first:
                note = ILLUSTRATIVE + "; cấp huyện không còn từ 01/7/2025"
            first = False
            lines.append(f"{code}|{year}|{fmt_points(pts)}|tự đánh giá|{note}")
    (SRC / "diem-dti.psv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- datasets

def build():
    OUT.mkdir(parents=True, exist_ok=True)

    h, rows = read_psv("chi-tieu.psv")
    write_delimited(OUT / "chi-tieu.csv", h, rows, delimiter=",", encoding="utf-8",
                    bom=b"\xef\xbb\xbf", newline="\r\n")

    h, rows = read_psv("nhiem-vu.psv")
    write_delimited(OUT / "nhiem-vu.csv", h, rows, delimiter=";", encoding="utf-8",
                    bom=b"\xef\xbb\xbf", newline="\r\n")

    h, rows = read_psv("don-vi.psv")
    write_delimited(OUT / "don-vi.csv", h, rows, delimiter=",", encoding="utf-8",
                    bom=b"", newline="\n")

    h, rows = read_psv("chi-so-dti.psv")
    write_delimited(OUT / "chi-so-dti.csv", h, rows, delimiter="\t", encoding="utf-16-le",
                    bom=b"\xff\xfe", newline="\r\n")

    h, rows = read_psv("diem-dti.psv")
    write_delimited(OUT / "diem-dti.cp1258.csv", h, rows, delimiter=",", encoding="cp1258",
                    bom=b"", newline="\r\n")

    h, rows = read_psv("ket-qua.psv")
    write_xlsx(OUT / "ket-qua.xlsx", "Kết quả", h, rows)

    h, rows = read_psv("kinh-phi.psv")
    objs = []
    for r in rows:
        o = {}
        for k in h:
            v = r[k]
            if v == "":
                continue
            o[k] = int(v) if k in ("Năm", "Kế hoạch", "Đã giải ngân") else v
        objs.append(o)
    (OUT / "kinh-phi.json").write_text(
        json.dumps(objs, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--tao-diem" in sys.argv[1:]:
        make_scores_source()
    build()
    print(f"Đã ghi dữ liệu ví dụ vào {OUT.relative_to(ROOT)}/")
