//! The data-rich demo site (`tests/fixtures/data-demo/`) built whole: dashboard,
//! targets, tasks, budget, DTI, open data, links and identical rebuilds, phone
//! and paper; a site without data; a data error that fails the build.

use crate::common::{self, LinkCheck, Site, assert_links_resolve, assert_same_tree};
use crate::{built_demo, example_site};

#[test]
fn dashboard_shows_headline_figures_and_charts() {
    let site = built_demo();
    let home = common::html_unescape(&site.read_out("index.html"));
    for needle in [
        "Số liệu chuyển đổi số",
        "Chỉ tiêu đã đạt",
        "Nhiệm vụ quá hạn",
        "Tỷ lệ giải ngân kinh phí",
        "Chỉ số DTI năm 2025",
        "class=\"stat\"",
        "Xem bảng số liệu",
        "tính đến ngày 25/11/2026",
    ] {
        assert!(home.contains(needle), "home lacks {needle:?}");
    }
    let charts = home.matches("<svg").count();
    assert!(charts >= 2, "only {charts} charts on the home page");
    assert!(home.matches("role=\"img\"").count() >= 2);
    assert!(home.contains("<figure class=\"chart-figure\"><svg"));
    // Overdue tasks with their lead unit and days overdue.
    assert!(home.contains("Số ngày quá hạn"));
    assert!(home.contains(" ngày</td>"));
    // Links to the data pages, relative.
    for href in [
        "href=\"chi-tieu/\"",
        "href=\"nhiem-vu/\"",
        "href=\"kinh-phi/\"",
        "href=\"chi-so-dti/\"",
        "href=\"du-lieu/\"",
    ] {
        assert!(home.contains(href), "home lacks {href}");
    }
}

#[test]
fn targets_list_and_target_page() {
    let site = built_demo();
    let list = common::html_unescape(&site.read_out("chi-tieu/index.html"));
    assert!(list.contains("<title>Chỉ tiêu chuyển đổi số – "));
    assert!(list.contains("<h1>Chỉ tiêu chuyển đổi số</h1>"));
    assert!(list.contains(">ST26-01</a>"));
    assert!(list.contains("href=\"../chi-tieu/st26-01/\""));
    assert!(list.contains("class=\"table-wrap\""));
    assert!(list.contains("badge badge-"));
    assert!(list.matches("<svg").count() >= 2, "a chart per group");

    let page = site.read_out("chi-tieu/st25-01/index.html");
    assert!(page.contains("<h1>Chỉ tiêu ST25-01</h1>"));
    assert!(page.contains("qua các kỳ</title>"), "history chart");
    assert!(page.contains("role=\"img\""));
    assert!(page.contains("results-table"));
    assert!(page.contains("<th scope=\"col\">Kỳ</th>"));
    assert!(page.contains("<th scope=\"col\">Nguồn</th>"));
    // Every target has a page.
    assert!(site.out("chi-tieu/st26-01/index.html").is_file());
    // Per-commune results give a comparison chart.
    let communes = std::fs::read_dir(site.out("chi-tieu"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("index.html").is_file())
        .any(|e| common::read(&e.path().join("index.html")).contains("theo địa phương</title>"));
    assert!(communes, "no commune comparison chart on any target page");
}

#[test]
fn tasks_overdue_first() {
    let site = built_demo();
    let html = site.read_out("nhiem-vu/index.html");
    assert!(html.contains("<h1>Nhiệm vụ chuyển đổi số</h1>"));
    let overdue = html
        .find("<h2 id=\"qua-han\">Quá hạn")
        .expect("overdue group");
    let others = html
        .find("<h2 id=\"dang-thuc-hien\">")
        .expect("in-progress group");
    let done = html
        .find("<h2 id=\"hoan-thanh\">")
        .expect("completed group");
    assert!(overdue < others && others < done);
    assert!(html.contains("badge badge-qua-han\">Quá hạn</span>"));
    assert!(html.matches("<svg").count() >= 1);
}

#[test]
fn budget_page_has_tables_and_chart() {
    let site = built_demo();
    let html = site.read_out("kinh-phi/index.html");
    assert!(html.contains("<h1>Kinh phí chuyển đổi số</h1>"));
    assert!(html.contains("4.217.020.000 đồng"));
    assert!(html.contains("Theo nguồn vốn"));
    assert!(html.contains("<figure class=\"chart-figure\"><svg"));
}

#[test]
fn dti_page_pillar_maxima() {
    let site = built_demo();
    let html = site.read_out("chi-so-dti/index.html");
    for row in [
        "<td class=\"card-key\" data-label=\"Trụ cột\">Chính quyền số</td><td class=\"num\" data-label=\"Điểm\">143,5</td><td class=\"num\" data-label=\"Điểm tối đa\">160</td>",
        "<td class=\"card-key\" data-label=\"Trụ cột\">Kinh tế số</td><td class=\"num\" data-label=\"Điểm\">57,5</td><td class=\"num\" data-label=\"Điểm tối đa\">75</td>",
        "<td class=\"card-key\" data-label=\"Trụ cột\">Xã hội số</td><td class=\"num\" data-label=\"Điểm\">28,25</td><td class=\"num\" data-label=\"Điểm tối đa\">35</td>",
        "<td class=\"num\" data-label=\"Điểm tối đa\">270</td>",
    ] {
        assert!(html.contains(row), "DTI page lacks {row:?}");
    }
    assert!(html.contains("<details><summary><span class=\"dti-code\">"));
    assert!(html.contains("+14,5"), "change from the previous year");
    assert!(html.contains("role=\"img\""));
}

#[test]
fn open_data_files_and_catalogue() {
    let site = built_demo();
    let csv = std::fs::read(site.out("du-lieu/chi-tieu.csv")).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with the UTF-8 BOM"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.out("du-lieu/chi-tieu.json")).unwrap())
            .expect("chi-tieu.json parses");
    assert_eq!(json.as_array().map(Vec::len), Some(71));
    let html = common::html_unescape(&site.read_out("du-lieu/index.html"));
    assert!(html.contains("<h1>Dữ liệu mở</h1>"));
    assert!(html.contains("href=\"../du-lieu/chi-tieu.csv\""));
    assert!(html.contains("href=\"../du-lieu/chi-tieu.json\""));
    assert!(html.contains("Giấy phép dữ liệu mở CC BY 4.0"));
    assert!(html.contains("<td class=\"num\" data-label=\"Số dòng\">71</td>"));
    let sitemap = common::html_unescape(&site.read_out("sitemap.xml"));
    for page in [
        "chi-tieu/",
        "chi-tieu/st26-01/",
        "nhiem-vu/",
        "chi-so-dti/",
        "du-lieu/",
    ] {
        assert!(
            sitemap.contains(&format!(
                "<loc>http://localhost:8080/chuyen-doi-so/{page}</loc>"
            )),
            "sitemap lacks {page}"
        );
    }
}

#[test]
fn every_internal_link_resolves_and_builds_are_identical() {
    let site = example_site();
    site.build_ok(&[]);
    let checked = assert_links_resolve(
        &site.out(""),
        &LinkCheck {
            base_url: "http://localhost:8080/chuyen-doi-so/",
            portable: false,
        },
    );
    assert!(checked > 500, "only {checked} links checked");
    let first = site.public_tree();
    site.build_ok(&[]);
    assert_same_tree(&first, &site.public_tree());
}

#[test]
fn site_without_data_has_no_data_pages() {
    let site = example_site();
    std::fs::remove_dir_all(site.path("content/du-lieu")).unwrap();
    // This post draws charts with data shortcodes, an error without data.
    site.remove("content/tin-tuc/2026-10-28-kiem-diem-tien-do-quy-iii-2026.md");
    site.build_ok(&[]);
    assert!(!site.out("ban-tin").exists(), "bulletins need data");
    assert!(!site.out("bieu-do").exists());
    assert!(!site.out("chi-tieu").exists());
    assert!(!site.out("du-lieu").exists());
    let home = site.read_out("index.html");
    assert!(!home.contains("Số liệu chuyển đổi số"));
    assert!(!home.contains("<svg"));
}

#[test]
fn data_error_fails_the_build_naming_file_and_row() {
    let site = Site::empty();
    site.write("minhbach.toml", "title = \"Thử\"\n");
    site.write("content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n");
    site.write(
        "content/du-lieu/chi-tieu.csv",
        "Mã,Chỉ tiêu,Mục tiêu\nCT-01,Tỷ lệ hồ sơ trực tuyến,80\n",
    );
    site.write(
        "content/du-lieu/ket-qua.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nCT-01,2025,85\nCT-09,2025,1\n",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "không có chỉ tiêu nào mang mã này",
        "CT-09",
        "content/du-lieu/ket-qua.csv [ô A3]",
    ]);
    assert!(!site.out("index.html").exists());
}

/// Issue #17: pages that read on a phone and on paper. Every cell of a
/// card table says which column it is (the phone shows "label: value"), a
/// column none of whose rows has a value (budget, partners, deadline,
/// lead) is not printed, a caption that
/// repeats its heading is hidden from sight (kept for screen readers), no
/// unit tile says "0" about nothing, every chart's table has a print copy,
/// and no two pages share a `<title>` (the unit and the locality of the
/// same name, or the same pillar's chart in two plans, did).
#[test]
fn pages_read_on_a_phone_and_on_paper() {
    let site = built_demo();
    let tree = site.public_tree();
    let mut titles = std::collections::BTreeMap::new();
    for (rel, bytes) in &tree {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
        if let Some(other) = titles.insert(title.to_owned(), rel.clone()) {
            panic!("{rel} and {other} share {title}");
        }
        for table in html.split("<table class=\"data-table row-cards").skip(1) {
            let body = &table[table.find("<tbody>").unwrap()..table.find("</table>").unwrap()];
            assert!(
                !body.contains("<td>") && !body.contains("<td class=\"num\">"),
                "{rel}: a card cell without its label:\n{body}"
            );
            let head = &table[..table.find("</thead>").unwrap()];
            for column in ["Kinh phí", "Phối hợp", "Thời hạn", "Chủ trì"] {
                if head.contains(&format!(">{column}</th>")) {
                    assert!(
                        body.split(&format!("data-label=\"{column}\">"))
                            .skip(1)
                            .any(|c| !c.starts_with("</td>")),
                        "{rel}: an empty “{column}” column"
                    );
                }
            }
        }
        assert_eq!(
            html.matches("<details class=\"chart-data\">").count(),
            html.matches("<div class=\"print-only\" hidden>").count(),
            "{rel}: a chart table without its print copy"
        );
        if rel.starts_with("don-vi/") && rel != "don-vi/index.html" {
            for tile in html.split("<li class=\"stat\">").skip(1) {
                assert!(
                    !tile.starts_with("<span class=\"stat-value\">0</span>")
                        || tile.contains(">Nhiệm vụ quá hạn<"),
                    "{rel}: a zero tile: {}",
                    &tile[..tile.find("</li>").unwrap()]
                );
            }
        }
    }
    assert!(titles.len() > 300, "{}", titles.len());
    // Feeds carry each chart table once (a feed reader may ignore `hidden`).
    let post = site.read_out("tin-tuc/kiem-diem-tien-do-quy-iii-2026/index.html");
    assert!(post.contains("<div class=\"print-only\" hidden><table class=\"chart-table\">"));
    for feed in ["tin-tuc/atom.xml", "tin-tuc/feed.json"] {
        let text = site.read_out(feed);
        assert!(
            text.contains("chart-table") && !text.contains("print-only"),
            "{feed}"
        );
    }
    // The unit that only partners: one tile, no zeros.
    let bcd = site.read_out("don-vi/ban-chi-dao-chuyen-doi-so-huyen-chau-thanh/index.html");
    assert_eq!(bcd.matches("<li class=\"stat\">").count(), 1, "{bcd}");
    // "Quá hạn (6)" above a table captioned "Quá hạn": the caption is for screen readers only.
    let tasks = common::html_unescape(&site.read_out("nhiem-vu/index.html"));
    assert!(tasks.contains("<caption class=\"visually-hidden\">Quá hạn</caption>"));
    assert!(tasks.contains("<h2 id=\"qua-han\">Quá hạn ("), "{tasks}");
}
