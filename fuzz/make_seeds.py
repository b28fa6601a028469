#!/usr/bin/env python3
"""Writes the seed corpus of the `spreadsheet` fuzz target into
fuzz/seeds/spreadsheet/: the example workbook unpacked into the target's
input format (entries `name\\ncontent` separated by `\\n@@entry@@\\n`), with
variants that reach the readers' edges (a far dimension and stray cell, shared
strings, two sheets, dates and formulas), and CSV files prefixed `csv\\n`."""
import os, re, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "seeds", "spreadsheet")
DATA = os.path.join(HERE, "..", "tests", "fixtures", "data-demo", "content", "du-lieu")
BOOK = os.path.join(DATA, "ket-qua.xlsx")
SEP = b"\n@@entry@@\n"


def entries(path):
    z = zipfile.ZipFile(path)
    return {n: z.read(n) for n in z.namelist()}


def write(name, ents):
    data = SEP.join(n.encode() + b"\n" + c for n, c in ents.items())
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def edit_sheet(ents, fn):
    e = dict(ents)
    e["xl/worksheets/sheet1.xml"] = fn(e["xl/worksheets/sheet1.xml"].decode()).encode()
    return e


def first_rows(s, n):
    """Keeps the first n rows of sheetData (a small seed mutates faster)."""
    rows = re.findall(r"<row .*?</row>", s)
    head, tail = s.split("<sheetData>")[0], s.split("</sheetData>")[1]
    return head + "<sheetData>" + "".join(rows[:n]) + "</sheetData>" + tail


def shared_strings(s):
    strings = []
    def to_index(m):
        strings.append(m.group(2))
        return f'<c r="{m.group(1)}" t="s"><v>{len(strings) - 1}</v></c>'
    s = re.sub(r'<c r="([A-Z]+\d+)"[^>]*t="inlineStr"><is><t>(.*?)</t></is></c>', to_index, s)
    return s, strings


os.makedirs(OUT, exist_ok=True)
book = entries(BOOK)
book = {n: c for n, c in book.items() if not n.startswith(("docProps/", "xl/theme/"))}
small = edit_sheet(book, lambda s: first_rows(s, 6))
write("example-small", small)
write("far-dimension", edit_sheet(small, lambda s: re.sub(
    r'<dimension ref="[^"]*" ?/>', '<dimension ref="A1:XFD1048576"/>', s).replace(
    "</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')))
sheet, strings = shared_strings(small["xl/worksheets/sheet1.xml"].decode())
sst = dict(small)
sst["xl/worksheets/sheet1.xml"] = sheet.encode()
sst["xl/sharedStrings.xml"] = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings)) + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>").encode()
sst["xl/_rels/workbook.xml.rels"] = sst["xl/_rels/workbook.xml.rels"].replace(
    b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
write("shared-strings", sst)
write("dates-formulas", edit_sheet(small, lambda s: s.replace(
    "</sheetData>", '<row r="7"><c r="A7" t="inlineStr"><is><t>ST26-01</t></is></c><c r="B7" s="0"><v>46000.5</v></c><c r="C7"><f>SUM(C2:C6)</f><v>3</v></c><c r="D7" t="b"><v>1</v></c><c r="E7" t="e"><v>#N/A</v></c></row></sheetData>')))
for name in ["chi-tieu.csv", "nhiem-vu.csv"]:
    with open(os.path.join(DATA, name), "rb") as f:
        lines = f.read().split(b"\n")[:8]
    with open(os.path.join(OUT, "csv-" + name), "wb") as f:
        f.write(b"csv\n" + b"\n".join(lines))
with open(os.path.join(OUT, "csv-results"), "wb") as f:
    f.write("csv\nMã chỉ tiêu;Kỳ;Giá trị;Xã/phường\nST26-01;Quý III/2026;95,5 %;\nST26-01;2025;\"1.200\";Đông Sơn\n".encode())
