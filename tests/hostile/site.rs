//! Generates a fixture site whose every user-controlled string carries the
//! hostile payload corpus: config strings, front-matter fields (TOML and
//! YAML, incl. `extra`/`params`), Markdown bodies, file and folder names,
//! and the text cells of CSV and XLSX data files.

use std::path::Path;

/// Payloads that must never survive as markup, script or formula.
pub const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<img/onerror=alert(1) src=x>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "'\"",
    "</script><script>alert(1)</script>",
    "]]><x>",
    "</title><script>alert(1)</script>",
    "</textarea></style></noscript><script>alert(1)</script>",
    // Every C0 control character (U+0000–U+001F), DEL and a C1 control.
    "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}\u{17}\u{18}\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f}\u{7f}\u{85}",
    "\u{202e}fdp.exe",
    "{{ 1234*1000 }} {% raw %}{{ config }}{% endraw %}",
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    " =1+cmd|' /C calc'!A0",
    "\t=1+cmd|' /C calc'!A0",
    "javascript:alert(1)",
];

/// Every payload in one string (for fields that take free text).
pub fn all() -> String {
    PAYLOADS.join(" ")
}

/// Payloads that are legal in a file name (no `/`, no NUL).
pub fn file_name_payload(i: usize) -> String {
    let names = [
        "\"><img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "\u{202e}fdp.exe '\"",
        "{{ 1234*1000 }}",
    ];
    names[i % names.len()].to_owned()
}

/// A TOML basic string literal (control characters as `\uXXXX`).
pub fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML double-quoted scalar (JSON escaping is valid YAML).
pub fn yaml_str(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap()
        .replace('\u{7f}', "\\u007F")
}

fn write(root: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, contents).unwrap();
}

/// The hostile document number every data row refers to.
pub const DOC_NUMBER: &str = "12/KH-UBND<script>alert(1)</script>";

/// `minhbach.toml` with payloads in every string; `raw_html` policy given.
pub fn config(raw_html: &str) -> String {
    let p = toml_str(&all());
    format!(
        r#"title = {p}
description = {p}
unit = {p}
level = "phường"
province = {p}
base_url = "https://thunghiem.example.gov.vn/chuyen-doi-so/"
language = "vi"
paginate_by = 2
menu = [
  {{ name = {p}, url = "" }},
  {{ name = {p}, url = "tin-tuc/" }},
  {{ name = {p}, url = "https://example.org/?q=<script>alert(1)</script>&x=\"'" }},
]

[contact]
address = {p}
phone = {p}
email = {p}
website = "https://example.org/\"><script>alert(1)</script>"

[data]
license = {p}

[markdown]
raw_html = "{raw_html}"

[extra]
note = {p}
"#
    )
}

/// Markdown body with every payload as text, inline code, raw HTML,
/// link text, image alt text, table cell and heading.
pub fn body() -> String {
    let mut b = String::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let one_line = p.replace(['\n', '\r'], " ");
        b.push_str(&format!("## Mục {i} {one_line}\n\n"));
        b.push_str(&format!("Đoạn văn {one_line} và `{one_line}`.\n\n"));
        b.push_str(&format!("{one_line}\n\n"));
        b.push_str(&format!(
            "[nhãn {i} {}](https://example.org/{i} \"{}\")\n\n",
            one_line.replace(['[', ']'], ""),
            one_line.replace('"', "")
        ));
        b.push_str(&format!(
            "![ảnh {i} {}](anh.png)\n\n",
            one_line.replace(['[', ']'], "")
        ));
        b.push_str(&format!(
            "| a | b |\n|---|---|\n| {} | x |\n\n",
            one_line.replace('|', "")
        ));
    }
    b.push_str("<div title=\"x onclick=alert(1)\" onmouseover=\"alert(1)\">khối</div>\n\n");
    b.push_str("<iframe src=\"javascript:alert(1)\"></iframe>\n\n");
    b.push_str(
        "<a href=\"java&#x09;script:alert(1)\">tab</a> <a href=\"JaVaScRiPt:alert(1)\">hoa</a>\n\n",
    );
    b.push_str("<p style=\"background:url(javascript:alert(1))\">kiểu</p>\n\n");
    b.push_str("<!-- more -->\n\nPhần sau.\n");
    b
}

/// A post with TOML front matter: every string field carries the payloads.
fn post_toml(date: &str) -> String {
    let p = toml_str(&all());
    let short = toml_str("<script>alert(1)</script>");
    format!(
        r#"+++
title = {p}
date = {date}
updated = {date}
description = {p}
summary = {p}
tags = [{p}, {short}, "\"><img src=x onerror=alert(1)>", "{{{{ 1234*1000 }}}}"]
categories = [{p}]
author = {p}
authors = [{p}, {short}]
cover = "anh.png"
cover_alt = {p}
lang = "vi"
aliases = ["/cu/{date}/bài-cũ/", "cu/{date}.html"]

[extra]
note = {p}
nested = {{ deep = {p} }}

[params]
note = {p}
+++

{body}"#,
        body = body()
    )
}

/// A page with YAML front matter.
fn page_yaml() -> String {
    let p = yaml_str(&all());
    format!(
        "---\ntitle: {p}\ndescription: {p}\ntags: [{p}]\nauthor: {p}\nextra:\n  note: {p}\nparams:\n  note: {p}\n---\n\n{}",
        body()
    )
}

/// A document page whose number, issuer, signer and `based_on` are hostile.
fn document() -> String {
    let p = toml_str(&all());
    let n = toml_str(DOC_NUMBER);
    format!(
        r#"+++
title = {p}
number = {n}
doc_type = {p}
issued = 2026-01-05
issuer = {p}
signer = {p}
signer_title = {p}
description = {p}
tags = [{p}]
pdf = "van-ban.pdf"
based_on = [
  {{ number = {p}, title = {p}, date = 2025-10-23 }},
  {{ number = {n}, title = {p} }},
]
+++

{body}"#,
        body = body()
    )
}

/// A small valid PNG (1×1).
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Writes the whole hostile site under `root`.
pub fn write_site(root: &Path, raw_html: &str) {
    write(root, "minhbach.toml", config(raw_html));
    let p = toml_str(&all());
    write(
        root,
        "content/_index.md",
        format!("+++\ntitle = {p}\ndescription = {p}\n+++\n\n{}", body()),
    );
    write(
        root,
        "content/tin-tuc/_index.md",
        format!("+++\ntitle = {p}\ndescription = {p}\n+++\n\n{}", body()),
    );
    write(
        root,
        "content/van-ban/_index.md",
        format!("+++\ntitle = {p}\n+++\n\n{}", body()),
    );
    // Posts whose file and folder names carry payloads.
    for i in 0..4 {
        let day = 10 + i;
        let name = file_name_payload(i);
        let date = format!("2026-08-{day:02}");
        if i % 2 == 0 {
            write(
                root,
                &format!("content/tin-tuc/{date}-{name}.md"),
                post_toml(&date),
            );
            write(root, "content/tin-tuc/anh.png", PNG);
            write(root, "content/tin-tuc/x", PNG);
        } else {
            write(
                root,
                &format!("content/tin-tuc/{date}-{name}/index.md"),
                post_toml(&date),
            );
            write(root, &format!("content/tin-tuc/{date}-{name}/anh.png"), PNG);
            write(root, &format!("content/tin-tuc/{date}-{name}/x"), PNG);
        }
    }
    write(root, "content/gioi-thieu.md", page_yaml());
    write(root, "content/anh.png", PNG);
    write(root, "content/van-ban/anh.png", PNG);
    // The payloads' `<img src=x>` names a file: raw HTML images are checked
    // like Markdown ones, so a missing `x` would be a broken-image error.
    write(root, "content/x", PNG);
    write(root, "content/van-ban/x", PNG);
    write(root, "content/van-ban/van-ban.md", document());
    write(root, "content/van-ban/van-ban.pdf", b"%PDF-1.4\n%%EOF\n");
    write_data(root);
}

/// CSV text of `rows` (first row = header), comma-separated, quoted as needed.
pub fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| (*s).to_owned()).collect()
}

/// Payload number `i` (rotating, so each column sees many of them).
fn pl(i: usize) -> String {
    PAYLOADS[i % PAYLOADS.len()].to_owned()
}

fn write_data(root: &Path) {
    let doc = DOC_NUMBER;
    let unit_name = format!("Phòng {}", all());
    let mut units = vec![row(&[
        "Mã",
        "Tên",
        "Loại",
        "Tên viết tắt",
        "Địa chỉ",
        "Điện thoại",
        "Thư điện tử",
    ])];
    units.push(vec![
        "VHXH".into(),
        unit_name.clone(),
        "phòng ban".into(),
        pl(1),
        pl(2),
        pl(3),
        pl(4),
    ]);
    write(root, "content/du-lieu/don-vi.csv", csv(&units));

    let mut targets = vec![row(&[
        "Mã",
        "Trụ cột",
        "Chỉ tiêu",
        "Đơn vị tính",
        "So sánh",
        "Mục tiêu",
        "Giá trị gốc",
        "Thời hạn",
        "Văn bản",
        "Đơn vị chủ trì",
    ])];
    let mut tasks = vec![row(&[
        "Mã",
        "Nhiệm vụ",
        "Trụ cột",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời hạn",
        "Kinh phí",
        "Trạng thái",
        "Ngày hoàn thành",
        "Văn bản",
        "Ghi chú",
    ])];
    let mut budget = vec![row(&[
        "Năm",
        "Nguồn vốn",
        "Hạng mục",
        "Trụ cột",
        "Kế hoạch",
        "Đã giải ngân",
        "Ghi chú",
    ])];
    for (i, _) in PAYLOADS.iter().enumerate() {
        let id = format!("CT-{i:02}");
        targets.push(vec![
            id.clone(),
            format!("{} trụ cột", pl(i)),
            format!("{} chỉ tiêu {}", pl(i), all()),
            pl(i + 3),
            "tối thiểu".into(),
            "90".into(),
            "10".into(),
            "2026".into(),
            doc.into(),
            unit_name.clone(),
        ]);
        tasks.push(vec![
            format!("NV-{i:02}"),
            format!("{} nhiệm vụ", pl(i)),
            pl(i + 1),
            unit_name.clone(),
            pl(i + 2),
            "Quý IV/2026".into(),
            "1.000.000".into(),
            "đang thực hiện".into(),
            String::new(),
            doc.into(),
            pl(i + 5),
        ]);
        budget.push(vec![
            "2026".into(),
            pl(i),
            format!("{} hạng mục", pl(i + 1)),
            pl(i + 2),
            format!("{}000000", i + 1),
            "1000".into(),
            pl(i + 3),
        ]);
    }
    write(root, "content/du-lieu/chi-tieu.csv", csv(&targets));
    write(root, "content/du-lieu/nhiem-vu.csv", csv(&tasks));
    write(root, "content/du-lieu/kinh-phi.csv", csv(&budget));

    let dti = vec![
        row(&[
            "Mã",
            "Tên chỉ số",
            "Điểm tối đa",
            "Đơn vị chủ trì",
            "Trụ cột",
            "Cách chấm",
        ]),
        vec![
            "I".into(),
            format!("Chính quyền số {}", all()),
            "100".into(),
            String::new(),
            pl(0),
            pl(1),
        ],
        vec![
            "I.1".into(),
            pl(2),
            "100".into(),
            unit_name.clone(),
            String::new(),
            pl(3),
        ],
    ];
    write(root, "content/du-lieu/chi-so-dti.csv", csv(&dti));
    let scores = vec![
        row(&["Mã", "Năm", "Điểm", "Loại", "Ghi chú", "Kiểm chứng"]),
        vec![
            "I.1".into(),
            "2025".into(),
            "50".into(),
            "tự đánh giá".into(),
            pl(5),
            pl(6),
        ],
        vec![
            "I.1".into(),
            "2026".into(),
            "60".into(),
            "tự đánh giá".into(),
            pl(7),
            pl(8),
        ],
    ];
    write(root, "content/du-lieu/diem-dti.csv", csv(&scores));
    write_results_xlsx(root);
}

/// `ket-qua.xlsx`: results with hostile sources, notes and communes.
fn write_results_xlsx(root: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = ["Mã chỉ tiêu", "Kỳ", "Giá trị", "Nguồn", "Ghi chú"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, _) in PAYLOADS.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, format!("CT-{i:02}")).unwrap();
        ws.write_string(r, 1, "Quý III/2026").unwrap();
        ws.write_number(r, 2, 40.0 + i as f64).unwrap();
        ws.write_string(r, 3, pl(i)).unwrap();
        ws.write_string(r, 4, pl(i + 7)).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    write(root, "content/du-lieu/ket-qua.xlsx", bytes);
}
