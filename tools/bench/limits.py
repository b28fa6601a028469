#!/usr/bin/env python3
"""Re-measures the three oversized inputs of issue #19 against a minhbach
binary: the example workbook with one stray cell at XFD1048576, a 3 MB
workbook whose sheet unpacks to 3 GB, and a 1,000,000-row results CSV (once
with good values, once with one systematic mistake) and 199,999 rows
with that mistake (under the row limit, so every row is validated). Each case is a copy of
tests/fixtures/data-demo with the file swapped in, built under
/usr/bin/time -v; prints exit code, wall and CPU time, peak memory, the
number of lines the build printed, of errors among them, and the first
one (the data-demo site also prints its own 10 warnings, ~44 lines).

  python3 tools/bench/limits.py [BINARY]   (default target/release/minhbach)

Writes into bench-out/limits/ (git-ignored)."""
import os, re, shutil, subprocess, sys, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "tests", "fixtures", "data-demo")
BOOK = os.path.join(DEMO, "content", "du-lieu", "ket-qua.xlsx")
OUT = os.path.join(ROOT, "bench-out", "limits")
SHEET = "xl/worksheets/sheet1.xml"


def site(name):
    path = os.path.join(OUT, name)
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(DEMO, path)
    return path


def rewrite_book(dest, edit_sheet, big=None):
    """Copies the example workbook to dest with its sheet XML edited; `big`
    (a generator of byte chunks) is streamed into the sheet before its rows."""
    src = zipfile.ZipFile(BOOK)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name in src.namelist():
            data = src.read(name)
            if name != SHEET:
                out.writestr(name, data)
                continue
            text = edit_sheet(data.decode())
            if big is None:
                out.writestr(name, text)
                continue
            head, tail = text.split("<sheetData>", 1)
            with out.open(name, "w", force_zip64=True) as f:
                f.write((head + "<sheetData>").encode())
                for chunk in big():
                    f.write(chunk)
                f.write(tail.encode())


def stray_cell(sheet):
    sheet = re.sub(r'<dimension ref="[^"]*" ?/>', '<dimension ref="A1:XFD1048576"/>', sheet)
    return sheet.replace(
        "</sheetData>",
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )


def spaces_3gb():
    chunk = b" " * (1 << 24)
    for _ in range(3 * 1024 // 16):
        yield chunk


def results_csv(path, rows, value):
    with open(path, "w", encoding="utf-8") as f:
        f.write("Mã chỉ tiêu,Kỳ,Giá trị,Nguồn\n")
        for i in range(rows):
            f.write(f"DS-A01,{i % 12 + 1:02}/{2000 + i // 12},{value},Báo cáo của UBND xã\n")


def run(binary, name, path):
    cmd = ["/usr/bin/time", "-v", binary, "build", "--root", path, "--date", "2026-11-25"]
    p = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
    err = p.stderr
    stats = dict(re.findall(r"^\s*(.+?): (.+)$", err, re.M))
    own = err[: err.rfind("\tCommand being timed")]
    lines = own.count("\n")
    errors = sum(1 for l in own.splitlines() if l.startswith("lỗi"))
    first = next((l for l in own.splitlines() if l.startswith("lỗi")), "")
    user, sys_ = float(stats["User time (seconds)"]), float(stats["System time (seconds)"])
    rss = int(stats["Maximum resident set size (kbytes)"]) // 1024
    print(f"| {name} | {p.returncode} | {stats['Elapsed (wall clock) time (h:mm:ss or m:ss)']} "
          f"| {user + sys_:.2f} s | {rss} MB | {lines} | {errors} | {first[:110]} |")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "minhbach")
    os.makedirs(OUT, exist_ok=True)
    cases = []
    s = site("stray-cell")
    rewrite_book(os.path.join(s, "content", "du-lieu", "ket-qua.xlsx"), stray_cell)
    cases.append(("workbook + one cell at XFD1048576", s))
    s = site("unpacks-3gb")
    rewrite_book(os.path.join(s, "content", "du-lieu", "ket-qua.xlsx"), lambda x: x, spaces_3gb)
    size = os.path.getsize(os.path.join(s, "content", "du-lieu", "ket-qua.xlsx"))
    cases.append((f"workbook of {size / 1e6:.1f} MB unpacking to 3 GB", s))
    for name, rows, value in (
        ("1,000,000-row results CSV", 1_000_000, "50"),
        ("same, one systematic mistake", 1_000_000, "5O"),
        ("199,999 rows (under the row limit), one systematic mistake", 199_999, "5O"),
    ):
        s = site(f"rows-{rows}-{value}")
        os.remove(os.path.join(s, "content", "du-lieu", "ket-qua.xlsx"))
        csv = os.path.join(s, "content", "du-lieu", "ket-qua.csv")
        results_csv(csv, rows, value)
        cases.append((f"{name} ({os.path.getsize(csv) / 1e6:.0f} MB)", s))
    print("| case | exit | wall | CPU (user+sys) | peak memory | lines printed | errors shown | first error |")
    print("|---|---|---|---|---|---|---|---|")
    for name, path in cases:
        run(binary, name, path)


if __name__ == "__main__":
    main()
