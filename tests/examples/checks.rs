//! What every example site must satisfy, from its `Expect` (its seed): the
//! dashboard tiles, every target and task, the measured indicators, no other
//! locality, illustrative rows marked, the README summary, placeholder contacts,
//! unique page titles and, for a DTI index, its leaf sums.

use std::collections::BTreeMap;
use std::path::Path;

use crate::built::{Built, build, csv_rows, dd, repo, tiles};
use crate::common::plain_text;

/// What one example site must show, from its seed.
pub struct Expect {
    /// Folder relative to the repository ("" = the root example).
    pub dir: &'static str,
    /// Dashboard tiles in order: (value, label, note).
    pub tiles: &'static [(&'static str, &'static str, &'static str)],
    /// Every target: (code, goal as shown, deadline as shown).
    pub targets: &'static [(&'static str, &'static str, &'static str)],
    /// Every task: (code, deadline as written in the source, "" when none).
    pub tasks: &'static [(&'static str, &'static str)],
    /// Every measured indicator without a target (`chi-so` open data):
    /// (name, period, value as exported).
    pub indicators: &'static [(&'static str, &'static str, &'static str)],
    /// Text that must appear on a page: (page, text).
    pub shows: &'static [(&'static str, &'static str)],
    /// Names of other localities: none may appear in any file of the site.
    pub foreign: &'static [&'static str],
    /// Rows the site's open data marks illustrative ("Minh họa" = có).
    pub illustrative_rows: usize,
}

pub fn check_site(e: &Expect) {
    let root = repo().join(e.dir);
    let site = build(&root);
    let name = if e.dir.is_empty() { "gốc" } else { e.dir };
    check_names(&site, name);

    // Dashboard tiles, exactly.
    let home = site.page("");
    let got = tiles(&home);
    let want: Vec<(String, String, String)> = e
        .tiles
        .iter()
        .map(|(v, l, n)| (v.to_string(), l.to_string(), n.to_string()))
        .collect();
    assert_eq!(got, want, "{name}: dashboard tiles");

    // Every target: the set of pages, each goal and deadline.
    let target_pages: Vec<&String> = site
        .files
        .keys()
        .filter(|k| {
            k.starts_with("chi-tieu/") && k.ends_with("/index.html") && k.matches('/').count() == 2
        })
        .collect();
    assert_eq!(
        target_pages.len(),
        e.targets.len(),
        "{name}: number of targets {target_pages:?}"
    );
    for (code, goal, deadline) in e.targets {
        let page = site.page(&format!("chi-tieu/{}/", code.to_lowercase()));
        assert_eq!(
            dd(&page, "Mục tiêu").as_deref(),
            Some(*goal),
            "{name} {code}: goal"
        );
        let want = Some(*deadline).filter(|d| !d.is_empty());
        assert_eq!(
            dd(&page, "Thời hạn").as_deref(),
            want,
            "{name} {code}: deadline"
        );
    }

    // Every task: deadline as the source writes it; no status the source lacks.
    let tasks = site
        .files
        .get("du-lieu/nhiem-vu.csv")
        .map(|t| csv_rows(t))
        .unwrap_or_default();
    assert_eq!(tasks.len(), e.tasks.len(), "{name}: number of tasks");
    for (row, (code, deadline)) in tasks.iter().zip(e.tasks) {
        assert_eq!(row["Mã"], *code, "{name}: task order");
        assert_eq!(row["Thời hạn"], *deadline, "{name} {code}: deadline");
        assert_eq!(
            row["Trạng thái"], "",
            "{name} {code}: no source gives a status"
        );
        assert_eq!(
            row["Ngày hoàn thành"], "",
            "{name} {code}: no source gives a date"
        );
    }

    // Measured indicators (no target, so no đạt/chưa đạt): every one, exactly.
    let observed: Vec<(String, String, String)> = site
        .files
        .get("du-lieu/chi-so.csv")
        .map(|t| csv_rows(t))
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            assert_eq!(
                r["Minh họa"], "không",
                "{name}: {} is not illustrative",
                r["Chỉ số"]
            );
            assert_eq!(
                r["Địa phương"], "",
                "{name}: {} is the site's own",
                r["Chỉ số"]
            );
            (r["Chỉ số"].clone(), r["Kỳ"].clone(), r["Giá trị"].clone())
        })
        .collect();
    let want: Vec<(String, String, String)> = e
        .indicators
        .iter()
        .map(|(n, p, v)| (n.to_string(), p.to_string(), v.to_string()))
        .collect();
    assert_eq!(observed, want, "{name}: measured indicators");

    for (page, text) in e.shows {
        let shown = plain_text(&site.page(page));
        assert!(shown.contains(text), "{name}: {page} should show {text:?}");
    }

    // No other locality anywhere: nothing of theirs, so nothing summed with them.
    // Each site publishes its one document's summary PDF; its metadata is
    // decoded (the author proves it) and checked with the pages.
    assert_eq!(site.pdf_info.len(), 1, "{name}: PDFs");
    for (file, info) in &site.pdf_info {
        assert!(
            info.contains("minhbach (trang ví dụ)"),
            "{name}: {file} metadata {info:?}"
        );
    }
    for (file, text) in site.files.iter().chain(&site.pdf_info) {
        for other in e.foreign {
            assert!(!text.contains(other), "{name}: {file} names {other}");
        }
    }

    check_illustrative(e, &site, name);
    check_contact(&root, &site, name);
    check_readme_lists_the_dashboard(e, &home, name);
    if site.files.contains_key("du-lieu/chi-so-dti.csv") {
        check_dti_index(&site, name);
    }
}

/// Every HTML page (redirects aside) has its own `<title>` and a non-empty
/// meta description: a target page and its chart's embed page are told apart.
fn check_names(site: &Built, name: &str) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (path, text) in &site.files {
        if !path.ends_with(".html") || text.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let title = text
            .split_once("<title>")
            .and_then(|(_, t)| t.split_once("</title>"))
            .map(|(t, _)| t.to_owned())
            .unwrap_or_else(|| panic!("{name}: {path} has no <title>"));
        // A target's page is titled by its statement, then its code.
        if path.starts_with("chi-tieu/") && path.matches('/').count() == 2 {
            assert!(
                title.contains(" – Chỉ tiêu ") && !title.starts_with("Chỉ tiêu "),
                "{name}: {path} is titled “{title}”"
            );
        }
        if let Some(other) = seen.insert(title.clone(), path) {
            panic!("{name}: {path} and {other} share the title “{title}”");
        }
        let description = text
            .split_once("<meta name=\"description\" content=\"")
            .and_then(|(_, t)| t.split_once('"'))
            .map(|(d, _)| d.trim().to_owned())
            .unwrap_or_default();
        assert!(
            !description.is_empty(),
            "{name}: {path} has no meta description"
        );
    }
}

/// Seed 003's index: the leaves add up to 160 / 75 / 35 (003:260, 453, 594);
/// no score exists (the plan gives none); every maximum the OCR lost and we
/// assumed is listed as "giả định (minh họa)" on the notes page and carries
/// "minh họa" beside its figure on the index page.
fn check_dti_index(site: &Built, name: &str) {
    let rows = csv_rows(&site.files["du-lieu/chi-so-dti.csv"]);
    let codes: Vec<&str> = rows.iter().map(|r| r["Mã"].as_str()).collect();
    let is_leaf = |c: &str| !codes.iter().any(|o| o.starts_with(&format!("{c}.")));
    let mut sums: BTreeMap<&str, f64> = BTreeMap::new();
    for r in rows.iter().filter(|r| is_leaf(&r["Mã"])) {
        let top = r["Mã"].split('.').next().unwrap();
        *sums.entry(top).or_default() += r["Điểm tối đa"].replace(',', ".").parse::<f64>().unwrap();
    }
    let want: BTreeMap<&str, f64> = [("I", 160.0), ("II", 75.0), ("III", 35.0)].into();
    assert_eq!(sums, want, "{name}: leaf sums per pillar");
    assert!(
        !site.files.keys().any(|k| k.starts_with("du-lieu/diem-dti")),
        "{name}: no source gives a DTI score"
    );
    let notes = plain_text(&site.page("diem-toi-da/"));
    let tree = plain_text(&site.page("chi-so-dti/"));
    let mut assumed = 0;
    for r in &rows {
        if r["Cách chấm"].to_lowercase().contains("giả định") {
            assumed += 1;
            let row = format!("{} {} giả định (minh họa)", r["Mã"], r["Điểm tối đa"]);
            assert!(
                notes.contains(&row),
                "{name}: assumed maximum not marked: {row}"
            );
            // …and on the index page itself, right beside the figure.
            let shown = format!(
                "{} {} – điểm: – / {}",
                r["Mã"], r["Tên chỉ số"], r["Điểm tối đa"]
            );
            assert!(
                r["Tên chỉ số"].ends_with("(điểm tối đa giả định — minh họa)")
                    && tree.contains(&shown),
                "{name}: assumed maximum not marked on the DTI page: {shown}"
            );
        }
    }
    assert_eq!(assumed, 24, "{name}: assumed maxima");
}

/// Rows the open data marks illustrative ("Minh họa" = có, from the column or
/// from `[data] minh_hoa`): each is shown with "minh họa" on the page that
/// shows its figure, and on the dashboard when it feeds a tile.
fn check_illustrative(e: &Expect, site: &Built, name: &str) {
    let mut marked = 0;
    for (file, code_col) in [
        ("chi-tieu", Some("Mã")),
        ("ket-qua", Some("Mã chỉ tiêu")),
        ("nhiem-vu", None),
        ("kinh-phi", None),
        ("diem-dti", None),
        ("chi-so", None),
        ("tieu-chi", None),
    ] {
        let Some(text) = site.files.get(&format!("du-lieu/{file}.csv")) else {
            continue;
        };
        for row in csv_rows(text) {
            if row.get("Minh họa").map(String::as_str) != Some("có") {
                continue;
            }
            marked += 1;
            let page = match (file, code_col) {
                (_, Some(col)) => format!("chi-tieu/{}/", row[col].to_lowercase()),
                ("nhiem-vu", _) => "nhiem-vu/".to_string(),
                ("kinh-phi", _) => "kinh-phi/".to_string(),
                ("diem-dti", _) => "chi-so-dti/".to_string(),
                ("tieu-chi", _) => "tieu-chi/".to_string(),
                _ => continue, // measured indicators have no page of their own yet
            };
            assert!(
                site.page(&page).contains("minh họa"),
                "{name}: {page} shows an illustrative {file} row without “minh họa”"
            );
            if file != "ket-qua" {
                assert!(
                    site.page("").contains("minh họa"),
                    "{name}: the dashboard counts an illustrative {file} row without “minh họa”"
                );
            }
        }
    }
    assert_eq!(marked, e.illustrative_rows, "{name}: illustrative rows");
}

/// `vi-du/README.md`'s closing summary lists every tile and chart of the
/// site's dashboard, in the page's words, under the site's heading.
fn check_readme_lists_the_dashboard(e: &Expect, home: &str, name: &str) {
    let readme = std::fs::read_to_string(repo().join("vi-du/README.md")).unwrap();
    let summary = &readme[readme
        .find("## Tóm tắt: mọi con số trên trang chủ")
        .expect("closing summary")..];
    let heading = match e.dir {
        "" => "**Phường Sông Trí",
        "vi-du/dong-son" => "**Huyện Đông Sơn",
        "vi-du/tho-xuan" => "**Huyện Thọ Xuân",
        "vi-du/chau-thanh" => "**Huyện Châu Thành",
        "vi-du/vinh-phuc" => "**Tỉnh Vĩnh Phúc",
        other => panic!("{other}: no summary heading"),
    };
    let part = &summary[summary.find(heading).expect(heading)..];
    let part = &part[..part[2..].find("\n**").map_or(part.len(), |i| i + 2)];
    let flat = part.split_whitespace().collect::<Vec<_>>().join(" ");
    for (value, label, note) in tiles(home) {
        let tile = format!("Ô “{value} {label}” (“{note}”)");
        assert!(flat.contains(&tile), "{name}: README summary lacks {tile}");
    }
    let shown = plain_text(home);
    for title in [
        "Kết quả thực hiện chỉ tiêu theo trụ cột",
        "Tình trạng thực hiện nhiệm vụ",
    ] {
        if shown.contains(title) {
            assert!(
                flat.contains(&format!("Biểu đồ “{title}”")),
                "{name}: README summary lacks the chart {title}"
            );
        }
    }
}

/// Contact data invented for an example is a reserved placeholder, never an
/// address at a real domain.
fn check_contact(root: &Path, site: &Built, name: &str) {
    let toml = std::fs::read_to_string(root.join("minhbach.toml")).unwrap();
    let contact = toml.split("[contact]").nth(1).unwrap_or("");
    let contact = contact.split("\n[").next().unwrap();
    for line in contact.lines().filter(|l| !l.trim_start().starts_with('#')) {
        assert!(
            !line.contains("gov.vn"),
            "{name}: contact at a real domain: {line}"
        );
        if line.trim_start().starts_with("email") || line.trim_start().starts_with("website") {
            assert!(
                line.contains(".invalid"),
                "{name}: contact is not a placeholder: {line}"
            );
        }
        assert!(
            !line.trim_start().starts_with("phone"),
            "{name}: no source gives a phone number"
        );
    }
    let home = site.page("");
    let footer = &home[home.find("<footer").unwrap()..];
    assert!(
        !footer.contains("gov.vn"),
        "{name}: footer names a real domain"
    );
    if let Some(units) = site.files.get("du-lieu/don-vi.csv") {
        for row in csv_rows(units) {
            for col in ["Địa chỉ", "Điện thoại", "Thư điện tử"] {
                assert_eq!(
                    row.get(col).map(String::as_str).unwrap_or(""),
                    "",
                    "{name}: invented {col}"
                );
            }
        }
    }
}
