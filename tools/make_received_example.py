#!/usr/bin/env python3
"""Writes the example of a spreadsheet received from another system:
tests/fixtures/nguon-nhan-ve/content/du-lieu/dvc-thang-10-2026.xlsx.

It imitates the shape of a public-service portal's monthly export per
commune (title rows, a two-row header with merged group cells, one column
per indicator, a total row at the bottom, a column left empty for one
commune) for a fictional province. Every figure is invented: the site that
uses it marks them "minh họa" (`minh_hoa = true` in its `[[data.nguon]]`).
Nothing is fetched. Rebuilding gives identical bytes.

    python3 tools/make_received_example.py
"""

import datetime
import pathlib
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from make_example_data import save_workbook  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "nguon-nhan-ve" / "content" / "du-lieu" / "dvc-thang-10-2026.xlsx"

# (commune, online files, online %, digitised files, digitised %, data reuse %)
ROWS = [
    ("Xã An Hòa", 412, 96.5, 380, 92.2, 71.0),
    ("Xã Bình Minh", 198, 88.4, 150, 75.8, None),  # no reuse figure reported
    ("Phường Đông Hà", 1034, 99.1, 1001, 96.8, 80.5),
    ("Xã Kim Sơn", 87, 71.3, 60, 69.0, 40.2),
]


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws["A1"] = "HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỈNH THỬ NGHIỆM (VÍ DỤ)"
    ws.merge_cells("A1:G1")
    ws["A2"] = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO ĐƠN VỊ — THÁNG 10/2026"
    ws.merge_cells("A2:G2")
    for c in ("A1", "A2"):
        ws[c].font = bold
        ws[c].alignment = center
    # Two-row header: group cells merged across their columns, single
    # columns merged down both rows.
    ws["A4"], ws["B4"] = "STT", "Đơn vị"
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    ws["C4"] = "Hồ sơ trực tuyến"
    ws.merge_cells("C4:D4")
    ws["C5"], ws["D5"] = "Số hồ sơ", "Tỷ lệ (%)"
    ws["E4"] = "Số hóa hồ sơ"
    ws.merge_cells("E4:F4")
    ws["E5"], ws["F5"] = "Số hồ sơ số hóa", "Tỷ lệ (%)"
    ws["G4"] = "Tỷ lệ tái sử dụng dữ liệu (%)"
    ws.merge_cells("G4:G5")
    for row in ws["A4:G5"]:
        for c in row:
            c.font = bold
            c.alignment = center
    for i, (name, n1, p1, n2, p2, p3) in enumerate(ROWS, start=1):
        ws.append([i, name, n1, p1, n2, p2, p3])
    ws.append([None, "Tổng cộng", sum(r[1] for r in ROWS), None, sum(r[3] for r in ROWS), None, None])
    ws[f"B{ws.max_row}"].font = bold
    for col, width in zip("ABCDEFG", (6, 24, 12, 12, 14, 12, 18)):
        ws.column_dimensions[col].width = width
    OUT.parent.mkdir(parents=True, exist_ok=True)
    save_workbook(wb, OUT, "minhbach (bảng nhận về, ví dụ)", datetime.datetime(2026, 11, 5, 8, 0, 0))
    print(f"Đã ghi {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
