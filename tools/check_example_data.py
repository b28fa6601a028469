#!/usr/bin/env python3
"""Check the example site's data files in content/du-lieu/ against the data contract
(docs/decisions/0002-data-files.md) and against each other.

What it checks:
  * each file's encoding, BOM, separator and headers (headers folded as the contract says:
    case, diacritics, spaces, "_", "-" and a trailing "(…)" note); required columns; no
    unknown columns;
  * ids unique; results point at existing targets; every unit name used anywhere (lead,
    partners, commune) is a unit's Tên or Tên viết tắt;
  * values: Vietnamese numbers ("95,5", never an ambiguous "1.234"), comparisons,
    deadlines, periods, statuses, yes/no targets;
  * the DTI index tree: every parent exists and equals the sum of its children; the leaf
    sums per pillar (inherited from the top-level row) are Chính quyền số 160, Kinh tế số 75,
    Xã hội số 35 (total 270);
  * DTI scores: every leaf has a score for every year, 0 ≤ points ≤ max; the cp1258 file
    decodes (and, when the source is present, round-trips to it exactly after NFC);
  * budget: the Châu Thành total is 1.552.020.000 đồng.

It prints every problem (it does not stop at the first), a summary, and exits 1 if any.
Usage: python3 tools/check_example_data.py [data-dir]   (needs openpyxl)
"""
import csv
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content" / "du-lieu"
SRC = ROOT / "tools" / "example-data-src"

ILLUSTRATIVE = "Số liệu minh họa (ví dụ)"
EXPECTED_PILLARS = {"Chính quyền số": 160, "Kinh tế số": 75, "Xã hội số": 35}

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


# ---------------------------------------------------------------- contract

def fold(s):
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s.strip())
    s = s.replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    s = re.sub(r"[\s_\-]+", " ", s.lower()).strip()
    return s


# kind -> list of (canonical name, aliases..., required?)
CONTRACT = {
    "targets": [(("Mã", "Mã chỉ tiêu", "id"), True), (("Trụ cột", "Lĩnh vực", "pillar"), False),
                (("Chỉ tiêu", "Nội dung", "statement"), True), (("Đơn vị tính", "ĐVT", "unit"), False),
                (("So sánh", "Loại", "comparison"), False), (("Mục tiêu", "Chỉ tiêu giao", "target"), True),
                (("Giá trị gốc", "Cơ sở", "baseline"), False), (("Thời hạn", "Năm", "deadline"), False),
                (("Văn bản", "Số văn bản", "document"), False), (("Đơn vị chủ trì", "Chủ trì", "lead"), False)],
    "results": [(("Mã chỉ tiêu", "target"), True), (("Kỳ", "Thời gian", "period"), True),
                (("Giá trị", "Kết quả", "value"), True), (("Xã/phường", "Địa bàn", "commune"), False),
                (("Nguồn", "source"), False), (("Ghi chú", "note"), False)],
    "tasks": [(("Mã", "id"), True), (("Nhiệm vụ", "Nội dung", "statement"), True),
              (("Trụ cột", "pillar"), False), (("Đơn vị chủ trì", "Chủ trì", "lead"), True),
              (("Đơn vị phối hợp", "Phối hợp", "partners"), False), (("Thời hạn", "deadline"), False),
              (("Kinh phí", "budget"), False), (("Trạng thái", "status"), False),
              (("Ngày hoàn thành", "completed"), False), (("Văn bản", "document"), False)],
    "budget": [(("Năm",), True), (("Nguồn vốn",), True), (("Hạng mục",), True), (("Trụ cột",), False),
               (("Kế hoạch",), True), (("Đã giải ngân",), False), (("Ghi chú",), False)],
    "index": [(("Mã",), True), (("Tên chỉ số",), True), (("Điểm tối đa",), True),
              (("Đơn vị chủ trì",), False), (("Trụ cột",), False), (("Cách chấm",), False)],
    "scores": [(("Mã",), True), (("Năm",), True), (("Điểm",), False), (("Chỉ số",), False),
               (("Loại",), False), (("Kiểm chứng",), False), (("Ghi chú",), False)],
    "units": [(("Mã",), True), (("Tên",), True), (("Loại",), False), (("Tên viết tắt",), False),
              (("Địa chỉ",), False), (("Điện thoại",), False), (("Thư điện tử",), False)],
}


def check_header(where, kind, header):
    """Return {canonical: column index}; report unknown / missing / duplicate columns."""
    known = {}
    for names, _req in CONTRACT[kind]:
        for n in names:
            known[fold(n)] = names[0]
    cols = {}
    for i, h in enumerate(header):
        canon = known.get(fold(h))
        if canon is None:
            problem(where, f"cột không có trong hợp đồng dữ liệu: {h!r}")
        elif canon in cols:
            problem(where, f"cột {canon!r} xuất hiện hai lần")
        else:
            cols[canon] = i
    for names, req in CONTRACT[kind]:
        if req and names[0] not in cols:
            problem(where, f"thiếu cột bắt buộc {names[0]!r}")
    return cols


def rows_as_dicts(header, cols, rows):
    out = []
    for r in rows:
        out.append({canon: (r[i].strip() if i < len(r) and r[i] is not None else "")
                    for canon, i in cols.items()})
    return out


# ---------------------------------------------------------------- value formats

NUM = re.compile(r"^\d+(,\d+)?$")
YEAR = re.compile(r"^(19|20)\d\d$")
DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
QUARTER = re.compile(r"^Quý (I|II|III|IV)/(\d{4})$")
MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")


def vn_num(s):
    return float(s.replace(",", ".")) if NUM.match(s) else None


def valid_date(s):
    m = DATE.match(s)
    return bool(m) and 1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12


def valid_period(s):
    return bool(YEAR.match(s) or QUARTER.match(s) or valid_date(s)
                or (MONTH.match(s) and 1 <= int(MONTH.match(s)[1]) <= 12))


COMPARISONS = {"tối thiểu", "ít nhất", "≥", "trên", ">", "tối đa", "không quá", "≤", "dưới", "<",
               "đạt", "bằng", "=", "xếp hạng", "top", "có/không"}
STATUSES = {"chưa bắt đầu", "đang thực hiện", "hoàn thành", "tạm dừng"}


# ---------------------------------------------------------------- readers

def read_text_table(name, *, encoding, bom, delimiter):
    path = DATA / name
    if not path.exists():
        problem(name, "không có tệp")
        return None, []
    raw = path.read_bytes()
    if bom:
        if not raw.startswith(bom):
            problem(name, f"thiếu BOM {bom!r}")
        raw = raw[len(bom):]
    elif raw.startswith(b"\xef\xbb\xbf") or raw.startswith(b"\xff\xfe"):
        problem(name, "có BOM nhưng không được có")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        problem(name, f"không giải mã được bằng {encoding}: {e}")
        return None, []
    text = unicodedata.normalize("NFC", text)
    sniffed = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    if sniffed != delimiter:
        problem(name, f"ký tự ngăn cột đoán được là {sniffed!r}, cần {delimiter!r}")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return rows[0], rows[1:]


# ---------------------------------------------------------------- units

def check_units():
    name = "don-vi.csv"
    header, rows = read_text_table(name, encoding="utf-8", bom=b"", delimiter=",")
    if header is None:
        return set(), {}
    units = rows_as_dicts(header, check_header(name, "units", header), rows)
    names = {}
    for n, u in enumerate(units, 2):
        for key in ("Tên", "Tên viết tắt"):
            v = u.get(key, "")
            if not v:
                continue
            if v in names and names[v] != u["Mã"]:
                problem(f"{name}:{n}", f"tên {v!r} trùng với đơn vị {names[v]}")
            names[v] = u["Mã"]
    for m, c in Counter(u["Mã"] for u in units).items():
        if c > 1:
            problem(name, f"mã đơn vị {m!r} lặp {c} lần")
    by_id = {u["Mã"]: u for u in units}
    return set(names) | set(by_id), by_id


def check_unit_ref(where, value, known, *, used_names):
    if value and value not in known:
        problem(where, f"đơn vị {value!r} không có trong don-vi.csv (Mã, Tên hoặc Tên viết tắt)")
    used_names.add(value)


# ---------------------------------------------------------------- targets

def check_targets(units, used):
    name = "chi-tieu.csv"
    header, rows = read_text_table(name, encoding="utf-8", bom=b"\xef\xbb\xbf", delimiter=",")
    if header is None:
        return {}
    targets = rows_as_dicts(header, check_header(name, "targets", header), rows)
    for m, c in Counter(t["Mã"] for t in targets).items():
        if c > 1:
            problem(name, f"mã chỉ tiêu {m!r} lặp {c} lần")
    for n, t in enumerate(targets, 2):
        w = f"{name}:{n} ({t['Mã']})"
        cmp_ = t.get("So sánh", "") or "tối thiểu"
        if cmp_ not in COMPARISONS:
            problem(w, f"So sánh không hợp lệ: {cmp_!r}")
        goal = t["Mục tiêu"]
        if cmp_ == "có/không":
            if goal not in ("có", "không"):
                problem(w, f"chỉ tiêu có/không cần Mục tiêu 'có' hoặc 'không', gặp {goal!r}")
        elif vn_num(goal) is None:
            problem(w, f"Mục tiêu không phải số kiểu Việt Nam: {goal!r}")
        base = t.get("Giá trị gốc", "")
        if base and vn_num(base) is None:
            problem(w, f"Giá trị gốc không phải số: {base!r}")
        dl = t.get("Thời hạn", "")
        if dl and not (YEAR.match(dl) or valid_date(dl)):
            problem(w, f"Thời hạn không hợp lệ: {dl!r}")
        check_unit_ref(w, t.get("Đơn vị chủ trì", ""), units, used_names=used)
    ids = [t["Mã"] for t in targets]
    for prefix, want in (("DS-", 30), ("ST26-", 17)):
        got = sum(1 for i in ids if i.startswith(prefix))
        if got != want:
            problem(name, f"có {got} chỉ tiêu {prefix}…, cần {want}")
    return {t["Mã"]: t for t in targets}


# ---------------------------------------------------------------- results

def check_results(targets, units, used):
    name = "ket-qua.xlsx"
    path = DATA / name
    if not path.exists():
        problem(name, "không có tệp")
        return 0
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True, data_only=True)
    if wb.sheetnames != ["Kết quả"]:
        problem(name, f"cần đúng một trang tính tên 'Kết quả', gặp {wb.sheetnames}")
    ws = wb[wb.sheetnames[0]]
    raw = [list(r) for r in ws.iter_rows(values_only=True)]
    header = [str(h) for h in raw[0]]
    cols = check_header(name, "results", header)
    seen = Counter()
    count = 0
    for n, r in enumerate(raw[1:], 2):
        count += 1
        get = lambda k: r[cols[k]] if k in cols and cols[k] < len(r) else None
        tid, period, value = get("Mã chỉ tiêu"), get("Kỳ"), get("Giá trị")
        commune, source = get("Xã/phường") or "", get("Nguồn") or ""
        w = f"{name}:{n} ({tid})"
        t = targets.get(tid)
        if t is None:
            problem(w, f"Mã chỉ tiêu {tid!r} không có trong chi-tieu.csv")
        ps = str(period) if isinstance(period, int) else (period or "")
        if not valid_period(ps):
            problem(w, f"Kỳ không hợp lệ: {period!r}")
        if t is not None and t.get("So sánh") == "có/không":
            if value not in ("có", "không"):
                problem(w, f"chỉ tiêu có/không cần giá trị 'có'/'không', gặp {value!r}")
        elif not isinstance(value, (int, float)) or isinstance(value, bool):
            problem(w, f"Giá trị không phải số: {value!r}")
        if commune:
            check_unit_ref(w, commune, units, used_names=used)
        if (ps.startswith("Quý") and ps.endswith("2026")) or commune:
            if source != ILLUSTRATIVE:
                problem(w, f"dòng minh họa cần Nguồn = {ILLUSTRATIVE!r}")
        key = (tid, ps, commune)
        seen[key] += 1
        if seen[key] == 2:
            problem(w, f"kết quả lặp cho {key}")
    return count


# ---------------------------------------------------------------- tasks

def check_tasks(units, used):
    name = "nhiem-vu.csv"
    header, rows = read_text_table(name, encoding="utf-8", bom=b"\xef\xbb\xbf", delimiter=";")
    if header is None:
        return []
    tasks = rows_as_dicts(header, check_header(name, "tasks", header), rows)
    for m, c in Counter(t["Mã"] for t in tasks).items():
        if c > 1:
            problem(name, f"mã nhiệm vụ {m!r} lặp {c} lần")
    for n, t in enumerate(tasks, 2):
        w = f"{name}:{n} ({t['Mã']})"
        check_unit_ref(w, t["Đơn vị chủ trì"], units, used_names=used)
        for p in filter(None, (x.strip() for x in re.split(r"[;,]", t.get("Đơn vị phối hợp", "")))):
            check_unit_ref(w, p, units, used_names=used)
        dl = t.get("Thời hạn", "")
        if dl and not (dl == "Thường xuyên" or valid_period(dl)):
            problem(w, f"Thời hạn không hợp lệ: {dl!r}")
        st = t.get("Trạng thái", "")
        if st and st not in STATUSES:
            problem(w, f"Trạng thái không hợp lệ: {st!r}")
        done = t.get("Ngày hoàn thành", "")
        if st == "hoàn thành" and not valid_date(done):
            problem(w, "nhiệm vụ hoàn thành cần Ngày hoàn thành dạng dd/mm/yyyy")
        if st != "hoàn thành" and done:
            problem(w, "chỉ nhiệm vụ hoàn thành mới có Ngày hoàn thành")
        kp = t.get("Kinh phí", "")
        if kp and not re.match(r"^\d{1,3}(\.\d{3})*$|^\d+$", kp):
            problem(w, f"Kinh phí không hợp lệ: {kp!r}")
    return tasks


# ---------------------------------------------------------------- budget

def check_budget():
    name = "kinh-phi.json"
    path = DATA / name
    if not path.exists():
        problem(name, "không có tệp")
        return []
    try:
        lines = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        problem(name, f"JSON lỗi: {e}")
        return []
    if not isinstance(lines, list):
        problem(name, "cần một mảng các đối tượng")
        return []
    allowed = {names[0] for names, _ in CONTRACT["budget"]}
    required = {names[0] for names, req in CONTRACT["budget"] if req}
    for n, o in enumerate(lines, 1):
        w = f"{name}[{n}]"
        for k in set(o) - allowed:
            problem(w, f"khóa không có trong hợp đồng: {k!r}")
        for k in required - set(o):
            problem(w, f"thiếu khóa bắt buộc {k!r}")
        for k in ("Năm", "Kế hoạch", "Đã giải ngân"):
            if k in o and (not isinstance(o[k], int) or o[k] < 0):
                problem(w, f"{k} phải là số nguyên không âm")
        if isinstance(o.get("Đã giải ngân"), int) and o["Đã giải ngân"] > o.get("Kế hoạch", 0):
            problem(w, "Đã giải ngân lớn hơn Kế hoạch")
    ct = sum(o.get("Kế hoạch", 0) for o in lines if "Châu Thành" in o.get("Hạng mục", ""))
    if ct != 1_552_020_000:
        problem(name, f"tổng kinh phí Châu Thành là {ct}, văn bản ghi 1.552.020.000")
    return lines


# ---------------------------------------------------------------- DTI index and scores

def check_index(units, used):
    name = "chi-so-dti.csv"
    header, rows = read_text_table(name, encoding="utf-16-le", bom=b"\xff\xfe", delimiter="\t")
    if header is None:
        return {}, {}, {}
    items = rows_as_dicts(header, check_header(name, "index", header), rows)
    by_code = {}
    for n, it in enumerate(items, 2):
        w = f"{name}:{n} ({it['Mã']})"
        if it["Mã"] in by_code:
            problem(w, "mã lặp")
        by_code[it["Mã"]] = it
        if vn_num(it["Điểm tối đa"]) is None:
            problem(w, f"Điểm tối đa không phải số: {it['Điểm tối đa']!r}")
        check_unit_ref(w, it.get("Đơn vị chủ trì", ""), units, used_names=used)
    maxp = {c: vn_num(it["Điểm tối đa"]) or 0 for c, it in by_code.items()}
    children = defaultdict(list)
    for c in by_code:
        if "." in c:
            parent = c.rsplit(".", 1)[0]
            if parent not in by_code:
                problem(name, f"{c}: không có mục cha {parent}")
            children[parent].append(c)
    for parent, kids in children.items():
        s = sum(maxp[k] for k in kids)
        if abs(s - maxp[parent]) > 1e-9:
            problem(name, f"{parent}: điểm tối đa {maxp[parent]:g} ≠ tổng các mục con {s:g}")

    def pillars(code):
        while True:
            p = by_code[code].get("Trụ cột", "")
            if p:
                return [x.strip() for x in p.split(";") if x.strip()]
            if "." not in code:
                return []
            code = code.rsplit(".", 1)[0]

    leaves = [c for c in by_code if c not in children]
    totals = defaultdict(float)
    for c in leaves:
        ps = pillars(c)
        if not ps:
            problem(name, f"{c}: không thuộc trụ cột nào (kể cả kế thừa)")
        for p in ps:
            totals[p] += maxp[c]
    for p, want in EXPECTED_PILLARS.items():
        if abs(totals.get(p, 0) - want) > 1e-9:
            problem(name, f"trụ cột {p}: tổng điểm lá {totals.get(p, 0):g}, cần {want}")
    return by_code, {c: maxp[c] for c in leaves}, dict(totals)


def check_scores(leaves, by_code):
    name = "diem-dti.cp1258.csv"
    header, rows = read_text_table(name, encoding="cp1258", bom=b"", delimiter=",")
    if header is None:
        return 0, {}
    src = SRC / "diem-dti.psv"
    if src.exists():
        want = [l for l in src.read_text(encoding="utf-8").splitlines()
                if l.strip() and not l.startswith("#")]
        got = ["|".join(r) for r in [header] + rows]
        if [unicodedata.normalize("NFC", x) for x in want] != got:
            problem(name, "giải mã cp1258 → NFC không khớp với nguồn tools/example-data-src/diem-dti.psv")
    scores = rows_as_dicts(header, check_header(name, "scores", header), rows)
    if scores and ILLUSTRATIVE not in scores[0].get("Ghi chú", ""):
        problem(name, f"dòng đầu cần Ghi chú {ILLUSTRATIVE!r}")
    seen = set()
    per_year = defaultdict(lambda: defaultdict(float))
    for n, s in enumerate(scores, 2):
        w = f"{name}:{n} ({s['Mã']} {s['Năm']})"
        code = s["Mã"]
        if code not in by_code:
            problem(w, "mã không có trong chi-so-dti.csv")
            continue
        if code not in leaves:
            problem(w, "chấm điểm cho mục không phải lá")
        if not YEAR.match(s["Năm"]):
            problem(w, f"Năm không hợp lệ: {s['Năm']!r}")
        pts = vn_num(s.get("Điểm", ""))
        if pts is None:
            problem(w, f"Điểm không phải số: {s.get('Điểm')!r}")
            continue
        if not 0 <= pts <= leaves.get(code, 0):
            problem(w, f"Điểm {pts:g} ngoài [0, {leaves.get(code, 0):g}]")
        if s.get("Loại", "") not in ("", "tự đánh giá", "chính thức"):
            problem(w, f"Loại không hợp lệ: {s['Loại']!r}")
        seen.add((code, s["Năm"]))
        per_year[s["Năm"]][code.split(".")[0]] += pts
    for y in ("2023", "2024", "2025"):
        missing = [c for c in leaves if (c, y) not in seen]
        if missing:
            problem(name, f"năm {y} thiếu điểm cho {len(missing)} chỉ số lá, ví dụ {missing[:3]}")
    return len(scores), per_year


# ---------------------------------------------------------------- main

def main():
    used = set()
    units, by_id = check_units()
    targets = check_targets(units, used)
    n_results = check_results(targets, units, used)
    tasks = check_tasks(units, used)
    budget = check_budget()
    by_code, leaves, totals = check_index(units, used)
    n_scores, per_year = check_scores(leaves, by_code)
    if not (DATA / "README.md").exists():
        problem("README.md", "không có tệp mô tả dữ liệu")
    unused = [m for m, u in by_id.items()
              if m not in used and u["Tên"] not in used and u.get("Tên viết tắt", "") not in used]
    if unused:
        problem("don-vi.csv", f"đơn vị không được dùng ở tệp nào: {', '.join(unused)}")

    print(f"Thư mục dữ liệu: {DATA}")
    print(f"  đơn vị       {len(by_id):4d}")
    print(f"  chỉ tiêu     {len(targets):4d}  (" + ", ".join(
        f"{p}…: {sum(1 for t in targets if t.startswith(p))}" for p in ("DS-", "ST26-", "ST25-")) + ")")
    print(f"  kết quả      {n_results:4d}")
    print(f"  nhiệm vụ     {len(tasks):4d}")
    print(f"  kinh phí     {len(budget):4d}")
    print(f"  bộ chỉ số    {len(by_code):4d}  ({len(leaves)} chỉ số lá)")
    print(f"  điểm DTI     {n_scores:4d}")
    print("Tổng điểm tối đa theo trụ cột (cộng từ các chỉ số lá):")
    for p, v in totals.items():
        print(f"  {p:15s} {v:g}")
    print(f"  {'Tổng':15s} {sum(totals.values()):g}")
    if per_year:
        print("Điểm tự đánh giá (minh họa) theo năm, trụ cột I/II/III:")
        for y in sorted(per_year):
            d = per_year[y]
            print(f"  {y}: " + " / ".join(f"{d.get(k, 0):g}" for k in ("I", "II", "III"))
                  + f"  = {sum(d.values()):g}")
    if problems:
        print(f"\n{len(problems)} vấn đề:")
        for p in problems:
            print("  - " + p)
        return 1
    print("\nKhông có vấn đề nào.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
