#!/usr/bin/env python3
"""Deterministic benchmark corpus for minhbach (and Hugo).

Writes one site folder that both generators can build:

* ``minhbach.toml`` and ``hugo.toml`` + ``layouts/`` (equivalent minimal
  Hugo templates: paginated lists by 10, tag pages, feeds, sitemap);
* ``content/_index.md``, ``content/tin-tuc/_index.md`` and N news posts
  with TOML ``+++`` front matter (title, date, description, tags), 400–800
  words of Vietnamese with headings, lists, a table and links;
* with ``--data``: province-scale data in ``content/du-lieu/`` (100 units,
  2,000 targets, 20,000 results, 5,000 tasks, 300 budget lines, a DTI tree
  with 10 years of scores) in the CSV formats of docs/decisions/0002.

Same arguments, same bytes: every random choice comes from one seeded
``random.Random``.

Usage: gen.py OUT_DIR --posts N [--data]
"""

import argparse
import csv
import datetime as dt
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

TAGS = [
    "dịch vụ công trực tuyến", "chữ ký số", "VNeID", "an toàn thông tin",
    "kỹ năng số", "xã hội số", "kinh tế số", "chính quyền số", "hạ tầng số",
    "thanh toán không dùng tiền mặt", "y tế số", "giáo dục số", "nông nghiệp số",
    "thương mại điện tử", "du lịch thông minh", "dữ liệu mở", "cơ sở dữ liệu",
    "Đề án 06", "tổ công nghệ số cộng đồng", "bình dân học vụ số", "camera an ninh",
    "wifi công cộng", "sổ sức khỏe điện tử", "hồ sơ điện tử", "một cửa điện tử",
    "hội nghị trực tuyến", "chuyển đổi số doanh nghiệp", "nền tảng số",
    "thanh niên tình nguyện", "người cao tuổi", "học sinh", "phụ nữ",
    "tập huấn", "kiểm tra, giám sát", "sơ kết", "tổng kết",
]

SUBJECTS = [
    "Ủy ban nhân dân phường", "Tổ công nghệ số cộng đồng", "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ", "Phòng Văn hóa - Xã hội", "Bộ phận một cửa",
    "Công an xã", "Trạm y tế", "Trường tiểu học", "Hợp tác xã nông nghiệp",
    "Ban Chỉ đạo chuyển đổi số", "Hội Người cao tuổi", "Bưu điện văn hóa xã",
]
VERBS = [
    "đã tổ chức", "phối hợp triển khai", "hướng dẫn người dân", "kiểm tra tiến độ",
    "tiếp tục đẩy mạnh", "hoàn thành việc", "ra quân hỗ trợ", "tuyên truyền về",
    "đánh giá kết quả", "xây dựng kế hoạch", "rà soát, cập nhật", "nhân rộng mô hình",
]
OBJECTS = [
    "dịch vụ công trực tuyến toàn trình", "cài đặt và kích hoạt tài khoản VNeID mức 2",
    "thanh toán không dùng tiền mặt tại chợ", "chữ ký số cá nhân cho cán bộ",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "sổ sức khỏe điện tử",
    "kỹ năng số cơ bản cho người cao tuổi", "an toàn thông tin trên không gian mạng",
    "đưa sản phẩm OCOP lên sàn thương mại điện tử", "hệ thống camera giám sát an ninh",
    "mạng wifi miễn phí tại nhà văn hóa", "cơ sở dữ liệu dân cư", "học bạ điện tử",
    "chi trả an sinh xã hội qua tài khoản", "hội nghị trực tuyến đến thôn, tổ dân phố",
]
TAILS = [
    "trên địa bàn", "trong tháng này", "theo kế hoạch năm", "tại các tổ dân phố",
    "với sự tham gia của đông đảo người dân", "đạt kết quả tích cực",
    "góp phần nâng cao chỉ số chuyển đổi số", "bảo đảm đúng tiến độ đề ra",
    "theo chỉ đạo của Ủy ban nhân dân tỉnh", "nhằm phục vụ người dân tốt hơn",
]
PLACES = ["Tổ dân phố 1", "Tổ dân phố 2", "thôn Đông", "thôn Bắc", "khu phố Chợ",
          "xóm Bãi", "thôn Trung", "khu tái định cư", "thôn Nam", "tổ dân phố 7"]
HEADINGS = ["Kết quả nổi bật", "Cách làm", "Những khó khăn", "Kế hoạch thời gian tới",
            "Ý kiến người dân", "Số liệu", "Hướng dẫn chi tiết", "Bài học kinh nghiệm"]
LINKS = ["https://dichvucong.gov.vn/", "https://vneid.gov.vn/", "https://binhdanhocvuso.gov.vn/",
         "https://mic.gov.vn/", "https://chinhphu.vn/", "https://thongtinchinhphu.vn/"]
PILLARS = ["Chính quyền số", "Kinh tế số", "Xã hội số", "Hạ tầng số"]


def sentence(r):
    s = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}"
    if r.random() < 0.3:
        s += f", tập trung tại {r.choice(PLACES)}"
    return s + "."


def paragraph(r, n):
    return " ".join(sentence(r) for _ in range(n))


def words(text):
    return len(text.split())


def post_body(r, i, n_posts):
    """400–800 words with headings, lists, a table and links."""
    goal = r.randint(400, 800)
    parts = [paragraph(r, 3)]
    parts.append("")
    k = 0
    while words("\n".join(parts)) < goal:
        parts.append(f"## {HEADINGS[(i + k) % len(HEADINGS)]}")
        parts.append("")
        parts.append(paragraph(r, r.randint(2, 4)))
        parts.append("")
        if k == 0:
            for _ in range(r.randint(3, 5)):
                parts.append(f"- {r.choice(VERBS).capitalize()} {r.choice(OBJECTS)};")
            parts.append("")
            parts.append(f"Xem thêm tại [Cổng dịch vụ công quốc gia]({r.choice(LINKS)}) "
                         f"và [trang hướng dẫn]({r.choice(LINKS)}).")
            parts.append("")
        elif k == 1:
            parts.append("| Nội dung | Kế hoạch | Đã thực hiện | Tỷ lệ |")
            parts.append("|---|---:|---:|---:|")
            for _ in range(r.randint(3, 5)):
                plan = r.randint(50, 900)
                done = r.randint(plan // 3, plan)
                parts.append(f"| {r.choice(OBJECTS).capitalize()} | {plan} | {done} | "
                             f"{done * 100 // plan} % |")
            parts.append("")
        elif k == 2:
            for n in range(1, r.randint(3, 6)):
                parts.append(f"{n}. {r.choice(VERBS).capitalize()} {r.choice(OBJECTS)}.")
            parts.append("")
        k += 1
    return "\n".join(parts) + "\n"


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def gen_posts(out, n, r):
    write(os.path.join(out, "content", "_index.md"),
          '+++\ntitle = "Chuyển đổi số tỉnh Sông Trí"\n+++\n\n'
          "Chuyên mục công khai kế hoạch, chỉ tiêu, kết quả và tin tức chuyển đổi số.\n")
    write(os.path.join(out, "content", "tin-tuc", "_index.md"),
          '+++\ntitle = "Tin tức"\n+++\n\nTin hoạt động chuyển đổi số của tỉnh.\n')
    end = dt.date(2026, 11, 24)
    span_days = 10 * 365
    for i in range(n):
        # Newest first; spread evenly over ten years, several per day at 10k.
        day = end - dt.timedelta(days=(i * span_days) // n)
        obj = r.choice(OBJECTS)
        title = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {obj} ({i + 1})"
        slug = f"bai-{i + 1:05d}"
        tags = r.sample(TAGS, r.randint(2, 4))
        desc = sentence(r)
        fm = (
            "+++\n"
            f"title = {toml_str(title)}\n"
            f"date = {day.isoformat()}\n"
            f"description = {toml_str(desc)}\n"
            f"tags = [{', '.join(toml_str(t) for t in tags)}]\n"
            "+++\n\n"
        )
        write(os.path.join(out, "content", "tin-tuc", f"{day.isoformat()}-{slug}.md"),
              fm + post_body(r, i, n))


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def vn_dec(x):
    return f"{x:.1f}".replace(".", ",")


def gen_data(out, r):
    d = os.path.join(out, "content", "du-lieu")
    units = []
    for i in range(10):
        units.append((f"PB{i + 1:02d}", f"Sở ngành số {i + 1}", "phòng ban", f"Sở {i + 1}"))
    for i in range(90):
        kind = "phường" if i % 3 == 0 else "xã"
        units.append((f"X{i + 1:03d}", f"UBND {kind} Sông Trí {i + 1}", kind, f"{kind.capitalize()} ST{i + 1}"))
    write_csv(os.path.join(d, "don-vi.csv"), ["Mã", "Tên", "Loại", "Tên viết tắt"], units)
    communes = [u[1] for u in units[10:]]

    targets = []
    for i in range(2000):
        target = r.randint(50, 100)
        targets.append((f"CT-{i + 1:04d}", PILLARS[i % 4],
                        f"Tỷ lệ {r.choice(OBJECTS)} {r.choice(TAILS)} ({i + 1})",
                        "%", "tối thiểu", target, r.randint(0, 40),
                        r.choice(["2026", "2027", "31/12/2026"]), "",
                        units[i % 100][0]))
    write_csv(os.path.join(d, "chi-tieu.csv"),
              ["Mã", "Trụ cột", "Chỉ tiêu", "Đơn vị tính", "So sánh", "Mục tiêu",
               "Giá trị gốc", "Thời hạn", "Văn bản", "Đơn vị chủ trì"], targets)

    results = []
    for t in targets:
        v = float(t[6])
        for year in range(2019, 2027):  # 8 yearly results of the unit itself
            v = min(100.0, v + r.uniform(0, 12))
            results.append((t[0], str(year), vn_dec(v), "", "Báo cáo năm"))
        for c in r.sample(communes, 2):  # 2 commune results of 2026
            results.append((t[0], "Quý III/2026", vn_dec(r.uniform(20, 100)), c, ""))
    write_csv(os.path.join(d, "ket-qua.csv"),
              ["Mã chỉ tiêu", "Kỳ", "Giá trị", "Xã/phường", "Nguồn"], results)

    statuses = ["chưa bắt đầu", "đang thực hiện", "hoàn thành", "tạm dừng"]
    tasks = []
    for i in range(5000):
        status = r.choice(statuses)
        deadline = dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, 1400))
        done = ""
        if status == "hoàn thành":
            done = (deadline - dt.timedelta(days=r.randint(-30, 60))).strftime("%d/%m/%Y")
        tasks.append((f"NV-{i + 1:04d}", f"{r.choice(VERBS).capitalize()} {r.choice(OBJECTS)} ({i + 1})",
                      PILLARS[i % 4], units[r.randrange(100)][0],
                      f"{units[r.randrange(100)][0]}; {units[r.randrange(100)][0]}",
                      deadline.strftime("%d/%m/%Y"), str(r.randint(1, 500) * 1_000_000),
                      status, done, ""))
    write_csv(os.path.join(d, "nhiem-vu.csv"),
              ["Mã", "Nhiệm vụ", "Trụ cột", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
               "Kinh phí", "Trạng thái", "Ngày hoàn thành", "Văn bản"], tasks)

    sources = ["Ngân sách tỉnh", "Ngân sách xã", "Xã hội hóa", "Ngân sách trung ương"]
    budget = []
    for i in range(300):
        plan = r.randint(10, 5000) * 1_000_000
        budget.append((str(2022 + i % 5), sources[i % 4], f"Hạng mục {r.choice(OBJECTS)} ({i + 1})",
                       PILLARS[i % 4], str(plan), str(plan * r.randint(0, 100) // 100)))
    write_csv(os.path.join(d, "kinh-phi.csv"),
              ["Năm", "Nguồn vốn", "Hạng mục", "Trụ cột", "Kế hoạch", "Đã giải ngân"], budget)

    # DTI tree: 4 pillars × 5 groups × 5 indicators (2 points each).
    tree = []
    leaves = []
    roman = ["I", "II", "III", "IV"]
    for p in range(4):
        tree.append((roman[p], PILLARS[p], "50", "", PILLARS[p], ""))
        for g in range(5):
            code = f"{roman[p]}.{g + 1}"
            tree.append((code, f"Nhóm chỉ số {code}: {r.choice(OBJECTS)}", "10", "", "", ""))
            for k in range(5):
                leaf = f"{code}.{k + 1}"
                leaves.append(leaf)
                tree.append((leaf, f"Chỉ số {leaf}: {r.choice(OBJECTS)}", "2",
                             units[r.randrange(10)][0], "", "Có: 2 điểm; không: 0 điểm"))
    write_csv(os.path.join(d, "chi-so-dti.csv"),
              ["Mã", "Tên chỉ số", "Điểm tối đa", "Đơn vị chủ trì", "Trụ cột", "Cách chấm"], tree)
    scores = []
    for year in range(2017, 2027):
        for leaf in leaves:
            scores.append((leaf, str(year), vn_dec(r.choice([0, 0.5, 1, 1.5, 2])), "tự đánh giá"))
    write_csv(os.path.join(d, "diem-dti.csv"), ["Mã", "Năm", "Điểm", "Loại"], scores)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, required=True)
    ap.add_argument("--data", action="store_true")
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    r = random.Random(20261125 + a.posts)
    gen_posts(a.out, a.posts, r)
    if a.data:
        gen_data(a.out, random.Random(6))
    write(os.path.join(a.out, "minhbach.toml"),
          'title = "Chuyển đổi số tỉnh Sông Trí"\n'
          'description = "Tin tức và số liệu chuyển đổi số"\n'
          'unit = "UBND tỉnh Sông Trí"\nlevel = "tỉnh"\nprovince = "Sông Trí"\n'
          'base_url = "https://example.gov.vn/chuyen-doi-so/"\nlanguage = "vi"\npaginate_by = 10\n')
    shutil.copytree(os.path.join(HERE, "hugo"), a.out, dirs_exist_ok=True)


if __name__ == "__main__":
    main()
