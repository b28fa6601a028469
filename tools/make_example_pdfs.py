#!/usr/bin/env python3
"""Generate the small "bản tóm tắt" PDFs of the example site's documents.

Each document page content/van-ban/<slug>.md names its PDF in the `pdf` key of its
front matter. This script reads that front matter (title, number, type, date,
issuer, signer) and writes a one- or two-page summary PDF beside the page, with
the summary text kept below in SUMMARIES.

Needs: pip install reportlab; the DejaVu Sans font (Debian: fonts-dejavu-core).
Usage: python3 tools/make_example_pdfs.py [content-dir]
  (without an argument: the root example's content/ and every vi-du/<site>/content/)
The output is deterministic (reportlab's invariant mode), so re-running it does not
change committed PDFs unless the text changes.
"""
import os
import sys
import tomllib

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
             "/usr/local/share/fonts"]


def find_font(name):
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.isfile(p):
            return p
    sys.exit(f"Không tìm thấy phông {name}: cài gói fonts-dejavu-core")


pdfmetrics.registerFont(TTFont("DejaVu", find_font("DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", find_font("DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold",
                              italic="DejaVu", boldItalic="DejaVu-Bold")

BASE = ParagraphStyle("base", fontName="DejaVu", fontSize=9.5, leading=13)
SMALL = ParagraphStyle("small", parent=BASE, fontSize=8, leading=10.5,
                       textColor=colors.HexColor("#444444"))
TITLE = ParagraphStyle("title", parent=BASE, fontName="DejaVu-Bold", fontSize=13,
                       leading=17, alignment=TA_CENTER, spaceAfter=4)
KICKER = ParagraphStyle("kicker", parent=BASE, fontName="DejaVu-Bold", fontSize=9,
                        alignment=TA_CENTER, textColor=colors.HexColor("#9b1c1c"))
H2 = ParagraphStyle("h2", parent=BASE, fontName="DejaVu-Bold", fontSize=10.5,
                    leading=14, spaceBefore=7, spaceAfter=3,
                    textColor=colors.HexColor("#1f3a5f"))
CELL = ParagraphStyle("cell", parent=BASE, fontSize=8.5, leading=11)
CELL_B = ParagraphStyle("cellb", parent=CELL, fontName="DejaVu-Bold")

# Summary text per PDF: a list of ("p", text) paragraphs, ("h", heading),
# ("ul", [items]) and ("table", [header, rows...], column widths in mm).
SUMMARIES = {
    "ke-hoach-1126-kh-ubnd.pdf": [
        ("p", "Kế hoạch đánh giá kết quả chuyển đổi số năm 2025 và đề ra mục tiêu, "
              "chỉ tiêu, nhiệm vụ năm 2026 trên địa bàn phường Sông Trí, thực hiện "
              "Văn bản số 3063/SKHCN-CPS ngày 23/10/2025 của Sở Khoa học và Công nghệ."),
        ("h", "Kết quả năm 2025"),
        ("table", [["Nội dung", "Kết quả"],
                   ["Phủ sóng di động 4G tại các khu dân cư", "100 %"],
                   ["Dân số trưởng thành có điện thoại thông minh", "99,2 %"],
                   ["Hộ gia đình có Internet băng rộng hoặc cáp quang", "99,8 %"],
                   ["Lớp tập huấn về chuyển đổi số", "05 lớp"],
                   ["Tổ chuyển đổi số cộng đồng tại các tổ dân phố", "27 tổ"],
                   ["Lượt dự thi tìm hiểu Nghị quyết số 57-NQ/TW (giải Nhất tập thể)",
                    "203.324 lượt"],
                   ["Kinh phí chi cho chuyển đổi số", "2.665 triệu đồng"]], [125, 45]),
        ("h", "17 chỉ tiêu năm 2026"),
        ("table", [["TT", "Chỉ tiêu", "Mức"],
                   ["1", "Cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số cơ bản", "100 %"],
                   ["2", "CBCCVC làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành", "100 %"],
                   ["3", "Dân số trưởng thành tiếp cận dịch vụ số (y tế, giáo dục, bảo hiểm, giao thông)", "trên 80 %"],
                   ["4", "Dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử", "trên 65 %"],
                   ["5", "Người dân có hồ sơ sức khỏe điện tử", "trên 90 %"],
                   ["6", "Thủ tục hành chính giải quyết không phụ thuộc địa giới hành chính", "trên 70 %"],
                   ["7", "TTHC về đào tạo, nghiên cứu, sản xuất, kinh doanh thực hiện trực tuyến", "100 %"],
                   ["8", "Giao dịch không dùng tiền mặt", "trên 85 %"],
                   ["9", "Người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến", "trên 75 %"],
                   ["10", "Dịch vụ công trực tuyến toàn trình / TTHC đủ điều kiện", "100 %"],
                   ["11", "Số hóa hồ sơ, kết quả giải quyết TTHC", "trên 95 %"],
                   ["12", "Khai thác, sử dụng lại dữ liệu đã số hóa", "trên 90 %"],
                   ["13", "Thanh toán trực tuyến trong giải quyết TTHC, dịch vụ công", "trên 95 %"],
                   ["14", "Hồ sơ, kết quả giải quyết TTHC được số hóa", "tối thiểu 95 %"],
                   ["15", "Hồ sơ TTHC xử lý trực tuyến", "tối thiểu 95 %"],
                   ["16", "Tạo lập hồ sơ công việc điện tử (trừ văn bản mật)", "100 %"],
                   ["17", "Doanh nghiệp vừa và nhỏ ứng dụng công nghệ số", "trên 30 %"]],
         [10, 125, 35]),
        ("h", "Nhiệm vụ và tổ chức thực hiện"),
        ("p", "Chín nhóm nhiệm vụ: lãnh đạo, chỉ đạo; thể chế số; hạ tầng số; nhân lực số; "
              "dữ liệu số; an toàn thông tin mạng; chính quyền số; kinh tế số và xã hội số; "
              "nâng cao nhận thức, truyền thông. Phòng Văn hóa - Xã hội chủ trì, định kỳ "
              "6 tháng, năm tổng hợp kết quả báo cáo Sở Khoa học và Công nghệ. Kinh phí từ "
              "ngân sách tỉnh hỗ trợ, ngân sách phường và các nguồn hợp pháp khác."),
    ],
    "nghi-quyet-chuyen-doi-so-huyen-dong-son-2023-2025.pdf": [
        ("p", "Nghị quyết của Ban Thường vụ Huyện ủy "
              "Đông Sơn (tỉnh Thanh Hóa) về chuyển đổi số giai đoạn 2023 - 2025, căn cứ "
              "Nghị quyết số 52-NQ/TW, Quyết định số 749/QĐ-TTg và Nghị quyết số 06-NQ/TU "
              "của Ban Thường vụ Tỉnh ủy Thanh Hóa."),
        ("h", "Mục tiêu tổng quát"),
        ("p", "Đến năm 2025, huyện Đông Sơn nằm trong nhóm 5 huyện, thị xã, thành phố dẫn "
              "đầu tỉnh về chuyển đổi số."),
        ("h", "Một số chỉ tiêu đến năm 2025"),
        ("table", [["Lĩnh vực", "Chỉ tiêu", "Mức"],
                   ["Chính quyền số", "TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến mức độ 4", "100 %"],
                   ["Chính quyền số", "Hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", "80 %"],
                   ["Chính quyền số", "Người dân, doanh nghiệp hài lòng", "90 %"],
                   ["Kinh tế số", "Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn", "15 %"],
                   ["Kinh tế số", "Năng suất lao động tăng hằng năm", "tối thiểu 10 %"],
                   ["Kinh tế số", "Sản phẩm OCOP lên sàn thương mại điện tử uy tín", "100 %"],
                   ["Xã hội số", "Hộ gia đình có cáp quang băng thông rộng", "90 %"],
                   ["Xã hội số", "Người dân có tài khoản định danh điện tử", "100 %"],
                   ["Xã hội số", "Hộ gia đình trả tiền điện không dùng tiền mặt", "trên 90 %"],
                   ["Hạ tầng số", "Xã, thị trấn có camera an ninh kết nối UBND, công an xã", "100 %"]],
         [32, 108, 30]),
        ("h", "Nhiệm vụ, giải pháp"),
        ("ul", ["Tăng cường lãnh đạo của cấp ủy, đẩy mạnh tuyên truyền, nâng cao nhận thức.",
                "Huy động nguồn lực phát triển hạ tầng và nhân lực số.",
                "Xây dựng chính quyền số, hình thành đô thị thông minh.",
                "Phát triển kinh tế số; phát triển xã hội số.",
                "Bảo đảm an toàn, an ninh thông tin mạng."]),
    ],
    "chi-thi-23-ct-tu.pdf": [
        ("p", "Chỉ thị của Ban Thường vụ Tỉnh ủy "
              "Vĩnh Phúc về tăng cường công tác lãnh đạo của Đảng đối với quá trình chuyển "
              "đổi số trên địa bàn tỉnh, giai đoạn 2022 - 2025, định hướng đến năm 2030."),
        ("h", "Quan điểm chỉ đạo"),
        ("ul", ["Chuyển đổi số là động lực phát triển toàn diện, vừa cấp bách, vừa lâu dài; "
                "phấn đấu đến năm 2025 tỉnh vào nhóm 15 tỉnh, thành phố dẫn đầu.",
                "Nhận thức đóng vai trò quyết định; người đứng đầu phải vào cuộc quyết liệt.",
                "Nguồn lực nhà nước là quyết định, dẫn dắt; nguồn lực xã hội là quan trọng, đột phá."]),
        ("h", "Nhiệm vụ chủ yếu"),
        ("ul", ["Thành lập Tổ công nghệ số cộng đồng từ tỉnh đến thôn, tổ dân phố.",
                "Phát triển ba trụ cột: chính quyền số, kinh tế số, xã hội số.",
                "Xã hội số với 8 thành phần: phương tiện số, kết nối số, danh tính số, tài "
                "khoản số, chữ ký số, địa chỉ số, kỹ năng số, văn hóa số.",
                "Giải pháp đột phá: hạ tầng số, dữ liệu số, an toàn an ninh mạng, nhân lực số, "
                "thanh toán số (Mobile Money đến 100 % người dân).",
                "Xây dựng cơ chế, chính sách đặc thù thúc đẩy chuyển đổi số."]),
        ("h", "Trách nhiệm thực hiện"),
        ("p", "Ban cán sự đảng UBND tỉnh chỉ đạo tổ chức thực hiện và hằng năm báo cáo "
              "Ban Thường vụ Tỉnh ủy; Đảng đoàn HĐND tỉnh, Mặt trận Tổ quốc, các huyện ủy, "
              "thành ủy và Ban Tuyên giáo Tỉnh ủy thực hiện theo chức năng."),
    ],
    "ke-hoach-179-kh-ubnd.pdf": [
        ("p", "Kế hoạch của UBND huyện Thọ Xuân "
              "(tỉnh Thanh Hóa) triển khai Bộ chỉ số đánh giá chuyển đổi số cấp huyện, xã "
              "theo Quyết định số 3716/QĐ-UBND ngày 23/9/2021 của Chủ tịch UBND tỉnh."),
        ("h", "Điểm tối đa theo trụ cột"),
        ("table", [["Trụ cột", "Điểm tối đa"],
                   ["Chính quyền số", "160"], ["Kinh tế số", "75"], ["Xã hội số", "35"],
                   ["Tổng cộng", "270"]], [120, 50]),
        ("h", "Chỉ số chính của trụ cột Chính quyền số"),
        ("table", [["Mã", "Chỉ số", "Điểm"],
                   ["1", "Chuyển đổi nhận thức", "30"], ["2", "Kiến tạo thể chế", "20"],
                   ["3", "Phát triển hạ tầng và nền tảng số", "15"],
                   ["4", "Hoạt động Chính quyền số", "55"], ["5", "An toàn, an ninh mạng", "20"],
                   ["6", "Đào tạo và phát triển nhân lực", "20"]], [15, 125, 30]),
        ("h", "Phân công nổi bật"),
        ("ul", ["Phòng Văn hóa và Thông tin là cơ quan thường trực, tổng hợp, báo cáo.",
                "Văn phòng HĐND - UBND chủ trì chuyển đổi số nội bộ, dịch vụ công trực tuyến.",
                "Phòng Tài chính - Kế hoạch bố trí kinh phí, dành 10 % cho an toàn thông tin.",
                "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch đăng Kế hoạch, Bộ chỉ số và "
                "hằng tuần đăng tin bài tại chuyên mục \u201cChuyển đổi số\u201d.",
                "Chủ tịch UBND các xã, thị trấn chịu trách nhiệm về kết quả trên địa bàn."]),
    ],
    "ke-hoach-chuyen-doi-so-chau-thanh-2025.pdf": [
        ("p", "Kế hoạch của UBND huyện Châu Thành "
              "(tỉnh Bến Tre) triển khai nhiệm vụ chuyển đổi số năm 2025, với chỉ tiêu theo "
              "ba trụ cột, nhiệm vụ có đơn vị chủ trì và thời hạn."),
        ("h", "Một số chỉ tiêu năm 2025"),
        ("ul", ["100 % thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình và một phần.",
                "90 % hồ sơ công việc cấp huyện và 80 % cấp xã được xử lý trên môi trường mạng.",
                "Tối thiểu 60 % doanh nghiệp nhỏ và vừa sử dụng nền tảng số.",
                "Tối thiểu 50 % dân số trưởng thành được cấp chứng thư chữ ký số.",
                "100 % cơ sở khám chữa bệnh triển khai Sổ sức khỏe điện tử trên VNeID."]),
        ("h", "Nhiệm vụ, đơn vị chủ trì, thời hạn"),
        ("table", [["Nhóm nhiệm vụ", "Chủ trì", "Thời hạn"],
                   ["Lãnh đạo, chỉ đạo; kế hoạch của các đơn vị", "Phòng Văn hóa và Thông tin", "Quý I/2025"],
                   ["Hạ tầng số", "Phòng Văn hóa và Thông tin", "30/11/2025"],
                   ["Nhân lực số", "Phòng Văn hóa và Thông tin", "30/11/2025"],
                   ["Kinh tế số", "Phòng Kinh tế và Hạ tầng", "31/12/2025"],
                   ["Xã hội số", "Công an huyện; Trung tâm Y tế; UBND các xã", "31/12/2025"],
                   ["Nâng cao nhận thức, truyền thông", "Phòng Văn hóa và Thông tin", "31/12/2025"]],
         [70, 70, 30]),
        ("h", "Kinh phí và báo cáo"),
        ("p", "Tổng kinh phí: 1.552.020.000 đồng (Một tỷ năm trăm năm mươi hai triệu không "
              "trăm hai mươi nghìn đồng), từ ngân sách nhà nước kết hợp xã hội hóa. Các đơn vị "
              "báo cáo tiến độ hằng quý, trước ngày 15 của tháng cuối quý."),
    ],
}


def vn_date(d):
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def read_front_matter(path):
    text = open(path, encoding="utf-8").read()
    assert text.startswith("+++\n"), path
    end = text.index("\n+++\n", 3)
    return tomllib.loads(text[4:end + 1])


def table(rows, widths):
    data = [[Paragraph(str(c), CELL_B if i == 0 else CELL) for c in row]
            for i, row in enumerate(rows)]
    t = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def build(page_path, meta, parts, out_path):
    story = [Paragraph("CHUYÊN MỤC CHUYỂN ĐỔI SỐ - UBND PHƯỜNG SÔNG TRÍ", KICKER),
             Spacer(1, 2 * mm),
             Paragraph("BẢN TÓM TẮT VĂN BẢN", TITLE),
             Paragraph(meta["title"], ParagraphStyle("t2", parent=TITLE, fontSize=11,
                                                     leading=14, fontName="DejaVu")),
             Spacer(1, 3 * mm)]
    info = [["Loại văn bản", meta.get("doc_type", "")],
            ["Số, ký hiệu", meta.get("number", "không rõ trong bản sao lưu")],
            ["Ngày ban hành", vn_date(meta["issued"]) if "issued" in meta
             else "không rõ trong bản sao lưu"],
            ["Cơ quan ban hành", meta.get("issuer", "")]]
    if "signer_title" in meta or "signer" in meta:
        info.append(["Người ký", " ".join(x for x in (meta.get("signer_title"),
                                                      meta.get("signer")) if x)])
    t = Table([[Paragraph(a, CELL_B), Paragraph(b, CELL)] for a, b in info],
              colWidths=[40 * mm, 130 * mm])
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8d0d9")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [t, Spacer(1, 2 * mm)]
    for part in parts:
        kind = part[0]
        if kind == "p":
            story.append(Paragraph(part[1], BASE))
            story.append(Spacer(1, 1.5 * mm))
        elif kind == "h":
            story.append(Paragraph(part[1], H2))
        elif kind == "ul":
            for item in part[1]:
                story.append(Paragraph(item, BASE, bulletText="•"))
        elif kind == "table":
            story.append(table(part[1], part[2]))
    story += [Spacer(1, 4 * mm),
              Paragraph("Bản tóm tắt do trang ví dụ của minhbach biên soạn từ văn bản gốc để "
                        "tiện tra cứu; không thay thế văn bản gốc.", SMALL)]
    doc = SimpleDocTemplate(out_path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title=f"Bản tóm tắt: {meta['title']}",
                            author="minhbach (trang ví dụ)", subject=meta.get("description", ""),
                            creator="tools/make_example_pdfs.py")
    doc.build(story)


def content_dirs(argv):
    """The content folders to process: the one given, else every example site's."""
    if len(argv) > 1:
        return [argv[1]]
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    dirs = [os.path.join(repo, "content")]
    vi_du = os.path.join(repo, "vi-du")
    for site in sorted(os.listdir(vi_du)):
        if os.path.isdir(os.path.join(vi_du, site, "content", "van-ban")):
            dirs.append(os.path.join(vi_du, site, "content"))
    return dirs


def main():
    done = 0
    for root in content_dirs(sys.argv):
        docs = os.path.join(root, "van-ban")
        for name in sorted(os.listdir(docs)):
            if not name.endswith(".md") or name == "_index.md":
                continue
            page = os.path.join(docs, name)
            meta = read_front_matter(page)
            pdf = meta.get("pdf")
            if not pdf:
                continue
            if pdf not in SUMMARIES:
                sys.exit(f"{name}: chưa có nội dung tóm tắt cho {pdf}")
            out = os.path.join(docs, pdf)
            build(page, meta, SUMMARIES[pdf], out)
            size = os.path.getsize(out)
            print(f"{out}: {size} bytes")
            if size > 60 * 1024:
                sys.exit(f"{out} lớn hơn 60 KB")
            done += 1
    print(f"{done} PDF")


if __name__ == "__main__":
    main()
