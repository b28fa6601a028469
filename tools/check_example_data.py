#!/usr/bin/env python3
"""Check the example sites' data files against their sources.

For every site in tools/make_example_data.py (the root example and vi-du/<site>/):
  * each data file in content/du-lieu/ is exactly what the sources in
    tools/example-data-src/<site>/ produce (nobody edited a generated file by hand,
    nobody forgot to regenerate), and no other data file lies there;
  * the Thọ Xuân DTI index: every parent equals the sum of its children, and the
    leaves add up to Chính quyền số 160, Kinh tế số 75, Xã hội số 35 (seed 003);
  * no source has an address, phone or e-mail column with a value (the seeds give none).

The figures themselves are checked against the seeds by `cargo test --test examples`,
which builds every site. Prints every problem, exits 1 if any.
Usage: python3 tools/check_example_data.py   (needs openpyxl)
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_example_data as mk  # noqa: E402

PILLARS = {"I": 160, "II": 75, "III": 35}
CONTACT_COLUMNS = ("Địa chỉ", "Điện thoại", "Thư điện tử")

problems = []


def check_generated(site, out, datasets):
    expected = {name for name, _ in datasets.values()} | {"README.md"}
    for f in sorted(out.iterdir()) if out.is_dir() else []:
        if f.name not in expected:
            problems.append(f"{f.relative_to(mk.ROOT)}: tệp không có nguồn trong tools/example-data-src/{site}/")
    with tempfile.TemporaryDirectory() as tmp:
        for kind, (name, fmt) in datasets.items():
            header, rows = mk.read_psv(f"{site}/{kind}.psv")
            for col in CONTACT_COLUMNS:
                if col in header and any(r[col] for r in rows):
                    problems.append(f"{site}/{kind}.psv: cột {col} có giá trị — văn bản nguồn không ghi")
            fresh = Path(tmp) / name
            mk.write_dataset(fresh, kind, fmt, header, rows)
            committed = out / name
            if not committed.is_file():
                problems.append(f"{committed.relative_to(mk.ROOT)}: chưa sinh (chạy tools/make_example_data.py {site})")
            elif fmt != "xlsx" and committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{committed.relative_to(mk.ROOT)}: khác với nguồn (chạy tools/make_example_data.py {site})")


def check_dti(site):
    _, rows = mk.read_psv(f"{site}/chi-so-dti.psv")
    points = {r["Mã"]: float(r["Điểm tối đa"].replace(",", ".")) for r in rows}
    children = {}
    for code in points:
        parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is not None:
            if parent not in points:
                problems.append(f"{site}/chi-so-dti.psv: {code} không có mục cha {parent}")
            children.setdefault(parent, []).append(code)
    for parent, kids in children.items():
        total = sum(points[k] for k in kids)
        if abs(total - points.get(parent, total)) > 1e-9:
            problems.append(f"{site}/chi-so-dti.psv: {parent} = {points[parent]:g} nhưng các mục con cộng lại {total:g}")
    sums = {}
    for code, p in points.items():
        if code not in children:
            top = code.split(".")[0]
            sums[top] = sums.get(top, 0) + p
    if sums != PILLARS:
        problems.append(f"{site}/chi-so-dti.psv: tổng điểm lá theo trụ cột {sums}, văn bản 003: {PILLARS}")


def main():
    for site, (out, datasets) in mk.SITES.items():
        check_generated(site, out, datasets)
        if "chi-so-dti" in datasets:
            check_dti(site)
    for p in problems:
        print(p)
    sites = len(mk.SITES)
    print(f"{sites} trang ví dụ, {len(problems)} vấn đề")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
