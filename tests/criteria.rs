//! End-to-end tests of the criteria checklist (Kế hoạch 02-KH/BCĐTW) and of
//! recurring task deadlines: `tests/fixtures/tieu-chi` (a fictional ward and
//! three communes) built at the boundary dates, output inspected.

mod common;

use common::Site;

/// Builds the fixture on `date` (YYYY-MM-DD).
fn built_on(date: &str) -> Site {
    let site = Site::fixture("tieu-chi");
    let root = site.root.to_str().unwrap().to_owned();
    site.run(&["build", "--root", &root, "--date", date])
        .assert_ok();
    site
}

/// A page's main text: tags dropped, entities decoded, spaces squeezed.
fn text(site: &Site, rel: &str) -> String {
    let html = site.read_out(rel);
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    let no_svg = regex::Regex::new(r"(?s)<svg.*?</svg>")
        .unwrap()
        .replace_all(main, "");
    let plain = regex::Regex::new(r"<[^>]+>")
        .unwrap()
        .replace_all(&no_svg, " ");
    common::html_unescape(&plain)
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The table row of `page` whose text starts with `code` and contains `needle`.
fn row<'a>(page: &'a str, needle: &str) -> &'a str {
    let at = page
        .find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in {page}"));
    let end = page[at..].find(" TC-").map_or(page.len(), |e| at + e);
    &page[at..end]
}

#[test]
fn statuses_at_the_deadline_day_and_the_day_after() {
    // TC-02 is due 25/11/2026, TC-03 24/11/2026; neither is done.
    let on = built_on("2026-11-24");
    let p = text(&on, "tieu-chi/index.html");
    assert!(
        row(&p, "TC-02 Hạn hôm nay").contains("▲ Vàng tính toán"),
        "{p}"
    );
    assert!(
        row(&p, "TC-03 Hạn hôm qua").contains("▲ Vàng tính toán"),
        "{p}"
    );
    let due = built_on("2026-11-25");
    let p = text(&due, "tieu-chi/index.html");
    assert!(row(&p, "TC-02 Hạn hôm nay").contains("▲ Vàng"), "{p}");
    assert!(
        row(&p, "TC-03 Hạn hôm qua").contains("24/11/2026 (quá 1 ngày) ✕ Đỏ tính toán"),
        "{p}"
    );
    let after = built_on("2026-11-26");
    let p = text(&after, "tieu-chi/index.html");
    assert!(
        row(&p, "TC-02 Hạn hôm nay").contains("(quá 1 ngày) ✕ Đỏ"),
        "{p}"
    );
    // Done before its deadline, with a link to the evidence: Xanh.
    assert!(row(&p, "TC-01 Có chuyên mục").contains("✓ Xanh tính toán: hoàn thành 15/09/2026"));
    // A written status wins ("XANH" in capitals), and says so.
    assert!(row(&p, "TC-04").contains("✓ Xanh đơn vị báo cáo Báo cáo số 12/BC-UBND"));
}

#[test]
fn checklist_page_counts_groups_and_compares_units() {
    let site = built_on("2026-11-25");
    let html = site.read_out("tieu-chi/index.html");
    let p = text(&site, "tieu-chi/index.html");
    // Own unit: 2 Xanh (TC-01, TC-04), 2 Vàng (TC-02, TC-05), 1 Đỏ (TC-03).
    assert!(p.contains("Tổng hợp: 2/5 tiêu chí Xanh (minh họa)"), "{p}");
    assert!(p.contains("Hạ tầng số: 1/3 tiêu chí Xanh"), "{p}");
    // Statuses are words with a shape, the shape hidden from screen readers.
    assert!(
        html.contains(
            "<span class=\"badge badge-do\"><span aria-hidden=\"true\">✕</span> Đỏ</span>"
        )
    );
    // The illustrative row and every figure it counts in say "minh họa".
    assert!(row(&p, "TC-05").contains("▲ Vàng minh họa"), "{p}");
    assert!(p.contains("2/5 tiêu chí Xanh đã đạt minh họa"), "{p}");
    assert!(html.contains("theo trạng thái (số liệu minh họa)</title>"));
    // Content is escaped.
    assert!(
        html.contains("Trạng thái minh họa &lt;b&gt;đậm&lt;&#x2F;b&gt;")
            || html.contains("Trạng thái minh họa &lt;b&gt;đậm&lt;/b&gt;")
    );
    // Units side by side: own unit first, then best first, Vietnamese order on ties.
    let units = &p[p.find("Đơn vị Xanh Vàng Đỏ Tổng").unwrap()..];
    let order: Vec<usize> = [
        "UBND phường Thử Nghiệm",
        "Xã An Phú",
        "Xã Bình An",
        "Xã Đông Hòa",
    ]
    .iter()
    .map(|n| units.find(n).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{units}");
    assert!(units.contains("Xã Đông Hòa 0 1 1 2"), "{units}");
    // The chart has a title, a description and a data table.
    assert!(html.contains("<title id=") || html.contains("<title>"));
    assert!(
        p.contains("11 tiêu chí: 6/11 Xanh, 3/11 Vàng, 2/11 Đỏ; 2/4 đơn vị có mọi tiêu chí Xanh.")
    );
    // One page per commune, linked, in the sitemap and the menu of data pages.
    let binh_an = text(&site, "tieu-chi/xa-binh-an/index.html");
    assert!(binh_an.contains("Tiêu chí: Xã Bình An"));
    assert!(binh_an.contains("2/2 tiêu chí Xanh"));
    assert!(html.contains("href=\"../tieu-chi/xa-binh-an/\""));
    let sitemap = site.read_out("sitemap.xml");
    assert!(sitemap.contains("https://phuong.example.gov.vn/chuyen-doi-so/tieu-chi/xa-dong-hoa/"));
    // The home dashboard has the tile.
    let home = text(&site, "index.html");
    assert!(home.contains("2/5 tiêu chí Xanh Vàng 2, Đỏ 1"), "{home}");
}

#[test]
fn open_data_marks_the_computed_status() {
    let site = built_on("2026-11-25");
    let csv = site.read_out("du-lieu/tieu-chi.csv");
    assert!(csv.starts_with('\u{feff}'));
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",Trạng thái hiện tại (tính toán),Cách xác định trạng thái (tính toán)"),
        "{header}"
    );
    assert!(csv.lines().any(|l| l.starts_with("TC-03,") && l.ends_with(",Đỏ,tính theo hạn và ngày hoàn thành")), "{csv}");
    let json = site.read_out("du-lieu/tieu-chi.json");
    assert!(json.contains("\"computed_status\": \"Xanh\""));
    assert!(json.contains("\"status_source\": \"ghi trong tệp\""));
    // The published file reads back as input.
    let published = std::fs::read(site.out("du-lieu/tieu-chi.csv")).unwrap();
    site.write("content/du-lieu/tieu-chi.csv", published);
    site.build_ok(&[]);
    // Search has every criterion, as a "tiêu chí" (kind 6) linking to its page.
    let docs: String = std::fs::read_dir(site.out("tim-kiem/chi-muc/d"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        docs.contains("[\"Hạn hôm qua chưa xong\",6,\"24/11/2026\",\"tieu-chi/\",\"Mã TC-03. Trạng thái: Đỏ (tính theo hạn và ngày hoàn thành). Nhóm: Hạ tầng số.\"]"),
        "{docs}"
    );
    assert!(docs.contains("\"tieu-chi/xa-dong-hoa/\""), "{docs}");
    assert!(site.read_out("tim-kiem/index.html").contains("tiêu chí"));
}

#[test]
fn recurring_task_shows_next_and_missed_occurrences() {
    // NV-01: quarterly, "trước ngày 15 của tháng cuối quý" (due the 14th);
    // Q1 and Q2 reported, Q3 (due 14/09/2026) not.
    let site = built_on("2026-09-14");
    let p = text(&site, "nhiem-vu/index.html");
    assert!(p.contains("Kỳ tới: Quý III/2026 (hạn 14/09/2026)"), "{p}");
    assert!(!p.contains("Chưa báo cáo: Quý III/2026"), "{p}");
    let site = built_on("2026-09-15");
    let p = text(&site, "nhiem-vu/index.html");
    assert!(
        p.contains("Kỳ tới: Quý IV/2026 (hạn 14/12/2026) Chưa báo cáo: Quý III/2026 (hạn 14/09/2026, quá 1 ngày) Quá hạn"),
        "{p}"
    );
    let csv = site.read_out("du-lieu/nhiem-vu.csv");
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains("Lặp lại,Bắt đầu,Đã báo cáo")
    );
    assert!(
        csv.lines().any(|l| l.starts_with("NV-01,")
            && l.ends_with(",Quá hạn,1,2026-Q4 (hạn 2026-12-14),2026-Q3 (hạn 2026-09-14)")),
        "{csv}"
    );
    // NV-02: monthly on the 25th, October reported on 20/10: November is
    // due on the build day (25/11) and not yet missed; the next day it is.
    let p = text(&built_on("2026-11-25"), "nhiem-vu/index.html");
    assert!(p.contains("Kỳ tới: tháng 11/2026 (hạn 25/11/2026)"), "{p}");
    let p = text(&built_on("2026-11-26"), "nhiem-vu/index.html");
    assert!(
        p.contains("Chưa báo cáo: tháng 11/2026 (hạn 25/11/2026, quá 1 ngày)"),
        "{p}"
    );
    // After the year ends, NV-01 has no next occurrence.
    let p = text(&built_on("2027-01-05"), "nhiem-vu/index.html");
    assert!(!p.contains("Kỳ tới: Quý I/2027"), "{p}");
    assert!(p.contains("Chưa báo cáo: Quý III/2026 (hạn 14/09/2026, quá 113 ngày); Quý IV/2026 (hạn 14/12/2026, quá 22 ngày)"), "{p}");
}

#[test]
fn sites_without_recurring_tasks_keep_their_open_data() {
    let site = built_on("2026-11-25");
    site.write(
        "content/du-lieu/nhiem-vu.csv",
        "Mã,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\nNV-03,Duy trì,VHXH,Thường xuyên\n",
    );
    site.build_ok(&[]);
    let csv = site.read_out("du-lieu/nhiem-vu.csv");
    assert!(!csv.contains("Lặp lại"), "{csv}");
    assert!(!csv.contains("Kỳ tiếp theo"), "{csv}");
    assert!(text(&site, "nhiem-vu/index.html").contains("Thường xuyên Chưa cập nhật"));
}

#[test]
fn a_hundred_units_stay_readable() {
    let site = Site::fixture("tieu-chi");
    let mut csv = String::from("Mã,Tiêu chí,Địa phương,Trạng thái\n");
    for n in 1..=100 {
        for k in 1..=3 {
            let status = if k <= n % 4 { "Xanh" } else { "Vàng" };
            csv.push_str(&format!("TC-{k},Tiêu chí {k},Xã Số {n:03},{status}\n"));
        }
    }
    site.write("content/du-lieu/tieu-chi.csv", csv);
    site.build_ok(&[]);
    let html = site.read_out("tieu-chi/index.html");
    assert!(html.contains("theo đơn vị: 20 cao nhất và 20 thấp nhất trong 100 đơn vị</title>"));
    let names = common::numbered_communes_in_chart(&html, "theo đơn vị: 20");
    assert_eq!(names.len(), 40, "{names:?}");
    // The table lists all 100, best first: 3/3 Xanh (n % 4 == 3) before 0/3.
    let p = text(&site, "tieu-chi/index.html");
    let table = &p[p.find("Đơn vị Xanh Vàng Đỏ Tổng").unwrap()..];
    assert!(table.matches("Xã Số ").count() >= 100);
    assert!(table.find("Xã Số 003 3 0 0 3").unwrap() < table.find("Xã Số 004 0 3 0 3").unwrap());
    assert!(site.out("tieu-chi/xa-so-100/index.html").exists());
    // Each locality's own page links to its checklist.
    let own = text(&site, "dia-phuong/xa-so-003/index.html");
    assert!(
        own.contains("Tiêu chí 3/3 tiêu chí Xanh; Vàng 0, Đỏ 0."),
        "{own}"
    );
}
