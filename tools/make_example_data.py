#!/usr/bin/env python3
"""Build the data files of every example site from the UTF-8 sources in
tools/example-data-src/<site>/.

The sources are pipe-separated text (``*.psv``: first non-comment line is the header,
lines starting with ``#`` are comments, which cite the seed document each row comes
from) so that every value can be reviewed in a diff. This script writes each dataset in
a format an officer's Excel would produce, one format per file (see SITES below) so the
generator's readers are all exercised: Excel "CSV UTF-8" (BOM, comma, CRLF), Excel in a
Vietnamese locale (BOM, semicolon), plain UTF-8 CSV, Excel "Unicode text" (UTF-16 LE,
TAB), the legacy Windows-1258 code page, a workbook (openpyxl) and JSON.

Sites: song-tri (the repository root, content/du-lieu/) and vi-du/<site>/content/du-lieu/.
It does not validate the data; tools/check_example_data.py and tests/examples/ do.

Usage:
  python3 tools/make_example_data.py              # rebuild every site's data
  python3 tools/make_example_data.py dong-son     # only the named site(s)
Needs openpyxl (pip install openpyxl).
"""
import csv
import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tools" / "example-data-src"


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
    save_workbook(wb, path, "minhbach (dữ liệu ví dụ)", datetime.datetime(2025, 11, 14, 8, 0, 0))


def save_workbook(wb, path, creator, fixed):
    """Save an openpyxl workbook with a fixed author and fixed times, so that
    rebuilding gives identical bytes."""
    wb.properties.creator = creator
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


# ---------------------------------------------------------------- datasets

# Every example site: its source folder under tools/example-data-src/, its data folder,
# and each dataset's output file and format. One format per file across the sites, so
# the generator's readers are all exercised by published examples.
SITES = {
    "song-tri": (ROOT / "content" / "du-lieu", {
        "chi-tieu": ("chi-tieu.csv", "csv-bom-comma"),
        "nhiem-vu": ("nhiem-vu.csv", "csv-bom-semicolon"),
        "don-vi": ("don-vi.csv", "csv-comma"),
        "chi-so": ("chi-so.json", "json"),
        "tieu-chi": ("tieu-chi.xlsx", "xlsx"),
    }),
    "dong-son": (ROOT / "vi-du" / "dong-son" / "content" / "du-lieu", {
        "chi-tieu": ("chi-tieu.xlsx", "xlsx"),
    }),
    "tho-xuan": (ROOT / "vi-du" / "tho-xuan" / "content" / "du-lieu", {
        "chi-so-dti": ("chi-so-dti.csv", "tsv-utf16"),
        "don-vi": ("don-vi.cp1258.csv", "csv-cp1258"),
    }),
    "chau-thanh": (ROOT / "vi-du" / "chau-thanh" / "content" / "du-lieu", {
        "chi-tieu": ("chi-tieu.csv", "csv-bom-comma"),
        "nhiem-vu": ("nhiem-vu.csv", "csv-bom-semicolon"),
        # The plan gives the total only and no disbursed amount: "Đã giải ngân" is
        # empty, and the pages show it as "chưa có số liệu" (never 0 đồng).
        "kinh-phi": ("kinh-phi.json", "json"),
        "don-vi": ("don-vi.csv", "csv-comma"),
    }),
    "vinh-phuc": (ROOT / "vi-du" / "vinh-phuc" / "content" / "du-lieu", {
        "chi-tieu": ("chi-tieu.csv", "csv-bom-comma"),
    }),
}

SHEET_TITLES = {"chi-tieu": "Chỉ tiêu", "ket-qua": "Kết quả", "nhiem-vu": "Nhiệm vụ",
                "tieu-chi": "Tiêu chí"}
INTEGER_KEYS = ("Năm", "Kế hoạch", "Đã giải ngân")


# Delimited formats: (delimiter, encoding, byte-order mark, line ending),
# as Excel and other tools write them.
DELIMITED = {
    "csv-bom-comma": (",", "utf-8", b"\xef\xbb\xbf", "\r\n"),
    "csv-bom-semicolon": (";", "utf-8", b"\xef\xbb\xbf", "\r\n"),
    "csv-comma": (",", "utf-8", b"", "\n"),
    "tsv-utf16": ("\t", "utf-16-le", b"\xff\xfe", "\r\n"),
    "csv-cp1258": (",", "cp1258", b"", "\r\n"),
}


def write_dataset(path, kind, fmt, header, rows):
    if fmt in DELIMITED:
        delimiter, encoding, bom, newline = DELIMITED[fmt]
        write_delimited(path, header, rows, delimiter=delimiter, encoding=encoding,
                        bom=bom, newline=newline)
    elif fmt == "xlsx":
        write_xlsx(path, SHEET_TITLES.get(kind, kind), header, rows)
    elif fmt == "json":
        objs = []
        for r in rows:
            obj = {}
            for k in header:
                if r[k] == "":
                    continue
                if k in INTEGER_KEYS:
                    obj[k] = int(r[k])
                elif k == "Giá trị" and vn_number(r[k]) is not None:
                    obj[k] = vn_number(r[k])  # a JSON number: 99.2, not "99,2"
                else:
                    obj[k] = r[k]
            objs.append(obj)
        path.write_text(json.dumps(objs, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    else:
        sys.exit(f"định dạng lạ: {fmt}")


def write_dti_notes_page(path, rows):
    """The Thọ Xuân index's maximum points the OCR lost, as a page readers see:
    each inferred or assumed value with its reason, assumed ones marked "minh họa"."""
    lines = [
        "+++",
        'title = "Điểm tối đa suy ra và giả định"',
        'description = "Những điểm tối đa của Bộ chỉ số không đọc được trong bản quét Kế hoạch 179/KH-UBND: '
        'giá trị suy ra từ tổng của mục cha, và giá trị giả định (minh họa)."',
        "+++",
        "",
        "Bản quét Kế hoạch 179/KH-UBND mất hoặc in sai một số điểm tối đa. Trang chỉ số DTI dùng các "
        "giá trị dưới đây. **Suy ra**: chắc chắn, tính từ ràng buộc mục cha bằng tổng các mục con và "
        "tổng của trụ cột (160, 75, 35). **Giả định (minh họa)**: chỉ biết tổng của nhóm, cách chia "
        "cho từng mục là của chúng tôi — không phải số của văn bản.",
        "",
        "| Mã | Điểm tối đa dùng | Loại | Ghi chú |",
        "|---|---:|---|---|",
    ]
    for r in rows:
        note = r["Cách chấm"]
        if "Ghi chú dữ liệu" not in note:
            continue
        kind = "giả định (minh họa)" if "giả định" in note.lower() else "suy ra"
        note = note.replace("Ghi chú dữ liệu: ", "").replace("|", "/")
        lines.append(f"| {r['Mã']} | {r['Điểm tối đa']} | {kind} | {note} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(only=None):
    for site, (out, datasets) in SITES.items():
        if only and site not in only:
            continue
        out.mkdir(parents=True, exist_ok=True)
        for kind, (name, fmt) in datasets.items():
            header, rows = read_psv(f"{site}/{kind}.psv")
            write_dataset(out / name, kind, fmt, header, rows)
            if site == "tho-xuan" and kind == "chi-so-dti":
                write_dti_notes_page(out.parent / "diem-toi-da.md", rows)
        print(f"Đã ghi dữ liệu ví dụ {site} vào {out.relative_to(ROOT)}/")


if __name__ == "__main__":
    build(set(sys.argv[1:]) or None)
