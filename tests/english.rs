//! An English site (`language = "en"`) says nothing in Vietnamese on any
//! page the engine writes: the `english` fixture has data of every kind and
//! English content, so any Vietnamese word left in a page's visible text,
//! its attributes (alt, title, aria-label, data-label…), its SVG charts,
//! its feeds or the search index comes from the engine, not the author.
//! Vietnamese is found by its letters: every letter outside ASCII
//! (ă â đ ê ô ơ ư and the tone marks) — English text has none.

mod common;

use std::collections::BTreeMap;

use common::{Site, html_unescape};

/// Vietnamese words that are names, not wording: the number of the plan the
/// criteria checklist comes from (Kế hoạch 02-KH/BCĐTW).
const NAMES: &[&str] = &["02-KH/BCĐTW"];

/// Periodic reports (`bao-cao/`), checked on their own by `english_reports`.
fn is_report(path: &str) -> bool {
    path.starts_with("bao-cao/")
}

/// The visible text of an HTML, SVG or XML document: text between tags and
/// the attributes a reader sees or hears; scripts and styles left out.
fn visible_text(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(lt) = rest.find('<') {
        out.push(html_unescape(&rest[..lt]));
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |i| lt + i + 1);
        let tag = &rest[lt..tag_end];
        for attr in [
            "alt",
            "title",
            "aria-label",
            "placeholder",
            "content",
            "data-label",
        ] {
            let key = format!(" {attr}=\"");
            if let Some(i) = tag.find(&key) {
                let value = &tag[i + key.len()..];
                let value = &value[..value.find('"').unwrap_or(value.len())];
                out.push(html_unescape(value));
            }
        }
        rest = &rest[tag_end..];
        for skipped in ["script", "style"] {
            if tag.starts_with(&format!("<{skipped}")) {
                let close = format!("</{skipped}>");
                rest = rest.find(&close).map_or("", |i| &rest[i..]);
            }
        }
    }
    out.push(html_unescape(rest));
    out.into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The pieces of `texts` that hold a Vietnamese letter (names allowed).
fn vietnamese(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter(|t| {
            let mut t = t.to_string();
            for name in NAMES {
                t = t.replace(name, "");
            }
            t.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
        })
        .cloned()
        .collect()
}

/// The pieces of `texts` with a number written the Vietnamese way: a
/// decimal comma ("95,5"), thousands grouped by dots ("320.000") or a space
/// before "%" ("95 %"). An English page writes 95.5, 320,000 and 95%. Dates
/// (25/11/2026), codes (T-01, 15/KH-UBND) and periods (Q3 2026) never match.
fn vietnamese_numbers(texts: &[String]) -> Vec<String> {
    let patterns = [
        regex::Regex::new(r"\d,\d{1,2}(?:\D|$)").unwrap(),
        regex::Regex::new(r"\d\.\d{3}(?:\D|$)").unwrap(),
        regex::Regex::new(r"\d[ \u{a0}]%").unwrap(),
    ];
    texts
        .iter()
        .filter(|t| patterns.iter().any(|p| p.is_match(t)))
        .cloned()
        .collect()
}

/// Every string of a JSON document (the search index), as visible text.
fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.extend(visible_text(s)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| json_strings(x, out)),
        _ => {}
    }
}

/// Vietnamese found in each page the reader sees (path → pieces).
fn findings(
    tree: &BTreeMap<String, Vec<u8>>,
    keep: impl Fn(&str) -> bool,
) -> Vec<(String, String)> {
    findings_of(tree, keep, vietnamese)
}

/// The pieces of visible text `check` picks, in each page the reader sees
/// (path → pieces).
fn findings_of(
    tree: &BTreeMap<String, Vec<u8>>,
    keep: impl Fn(&str) -> bool,
    check: fn(&[String]) -> Vec<String>,
) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, bytes) in tree {
        if !keep(path) {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        let texts = if path.ends_with(".html") || path.ends_with(".svg") {
            visible_text(&text)
        } else if path.ends_with(".xml") {
            // Feeds carry their HTML escaped: read it as the reader's app does.
            visible_text(&html_unescape(&text))
        } else if path.starts_with("tim-kiem/chi-muc/d/") {
            // `minhbachSearch("d/0", [...])`: the entries a result shows.
            let json = text
                .split_once(',')
                .and_then(|(_, j)| j.trim_end().strip_suffix(");"))
                .unwrap_or_else(|| panic!("{path}: not a search chunk"));
            let entries: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
            let mut out = Vec::new();
            for entry in entries {
                // [title, kind, date, address, text]; reports are left out.
                if keep(entry[3].as_str().unwrap_or_default()) {
                    json_strings(&entry, &mut out);
                }
            }
            out
        } else {
            // Open-data files keep the data files' own column names, and
            // images have no text to read here.
            continue;
        };
        found.extend(check(&texts).into_iter().map(|t| (path.clone(), t)));
    }
    found
}

/// The pieces of `texts` where the number 1 is followed by a plural noun
/// ("1 tasks", "0 of 1 targets met"): English says "1 task". A fraction's
/// second number ("1/1 criterion") and decimals ("0.1 points") are not
/// looked at.
fn one_with_a_plural(texts: &[String]) -> Vec<String> {
    let pattern = regex::Regex::new(
        r"(?:^|[^\d.,/])1 (?:targets|tasks|days|posts|statuses|units|localities|periods|items|lines|rows|datasets|points|results|pillars|criteria|documents|news posts|target results)\b",
    )
    .unwrap();
    texts
        .iter()
        .filter(|t| pattern.is_match(t))
        .cloned()
        .collect()
}

/// Fails listing what was found (the first 60 pieces), said as `what`.
#[track_caller]
fn assert_none(found: &[(String, String)], what: &str) {
    let shown: Vec<String> = found
        .iter()
        .take(60)
        .map(|(p, t)| format!("{p}: {t}"))
        .collect();
    assert!(
        found.is_empty(),
        "{} {what}:\n{}",
        found.len(),
        shown.join("\n")
    );
}

/// A page's text with entities decoded and non-breaking spaces as spaces.
fn page_text(tree: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    html_unescape(&String::from_utf8_lossy(&tree[path])).replace('\u{a0}', " ")
}

fn built() -> (Site, BTreeMap<String, Vec<u8>>) {
    let site = Site::fixture("english");
    site.build_ok(&[]);
    let tree = site.public_tree();
    (site, tree)
}

#[test]
fn the_check_sees_vietnamese_and_not_english() {
    let page = "<p title=\"Quá hạn\">Overdue</p><script>var a = 'Đạt';</script>\
                <td data-label=\"Mã\">T-01</td><svg><text>Tuần 47</text></svg>";
    let found = vietnamese(&visible_text(page));
    assert_eq!(found, ["Quá hạn", "Mã", "Tuần 47"]);
    assert!(vietnamese(&visible_text("<p>Plan 02-KH/BCĐTW, 95,5 % → 100 %</p>")).is_empty());
}

#[test]
fn the_number_check_sees_vietnamese_formats_only() {
    let page = "<p>95,5 % met</p><td>320.000.000 VND</td><svg><text>84 %</text></svg>\
                <p>95.5% of 320,000,000 VND on 25/11/2026, Q3 2026, plan 15/KH-UBND, T-01, 0.8240</p>";
    let found = vietnamese_numbers(&visible_text(page));
    assert_eq!(found, ["95,5 % met", "320.000.000 VND", "84 %"]);
}

/// Every number on an English site's pages (text, tables, charts, feeds,
/// search) is written the English way: 95.5%, 320,000,000 VND. Open-data
/// CSV/JSON files are machine formats and are not looked at (they keep a
/// plain decimal point and no grouping on every site).
#[test]
fn english_numbers_on_english_pages() {
    let (_site, tree) = built();
    let found = findings_of(&tree, |_| true, vietnamese_numbers);
    assert_none(
        &found,
        "numbers written the Vietnamese way on an English site",
    );
    let page = |p: &str| page_text(&tree, p);
    let budget = page("kinh-phi/index.html");
    assert!(budget.contains("320,000,000 VND"), "{budget}");
    let target = page("chi-tieu/t-01/index.html");
    assert!(target.contains("91%"), "{target}");
}

#[test]
fn the_plural_check_sees_one_with_a_plural_only() {
    let page = "<p>1 tasks: done 1</p><svg><desc>0 of 1 targets met</desc></svg>\
                <p>1 task, 11 tasks, 2 targets, 1/1 criteria, 0.1 points, 21 days</p>";
    let found = one_with_a_plural(&visible_text(page));
    assert_eq!(found, ["1 tasks: done 1", "0 of 1 targets met"]);
}

/// A noun after the number 1 is singular on every page of an English site,
/// reports and charts included ("1 task", "0 of 1 target met", "1 day
/// overdue"), and plural after any other number ("2 tasks", "0 tasks").
#[test]
fn english_nouns_agree_with_their_number() {
    let (_site, tree) = built();
    let found = findings_of(&tree, |_| true, one_with_a_plural);
    assert_none(&found, "plural nouns after the number 1 on an English site");
    let page = |p: &str| page_text(&tree, p);
    let unit = page("don-vi/culture-office/index.html");
    assert!(
        unit.contains("Culture Office leads 2 tasks (0 overdue), coordinates on 1 task and"),
        "{unit}"
    );
    let pillar = page("tru-cot/digital-economy/index.html");
    assert!(pillar.contains("0 of 1 target met"), "{pillar}");
    let report = page("bao-cao/quy-2-nam-2026/index.html");
    assert!(report.contains("1 task: completed 1."), "{report}");
    let archive = page("news/luu-tru/index.html");
    assert!(archive.contains("(1 post)"), "{archive}");
}

/// A site's own `i18n/en.toml` keeps working: a string written the old way
/// (no plural choice) is filled as before, and a site may write choices of
/// its own in any key.
#[test]
fn a_sites_own_strings_choose_plurals_too() {
    let site = Site::fixture("english");
    site.write(
        "i18n/en.toml",
        "chart_desc_tasks = \"{n} tasks in all: {parts}\"\n\
         unit_intro = \"{name} heads {led} {led|job|jobs}; helps with {partner} {partner|job|jobs}.\"\n",
    );
    site.build_ok(&[]);
    let tree = site.public_tree();
    let report = page_text(&tree, "bao-cao/quy-2-nam-2026/index.html");
    assert!(report.contains("1 tasks in all: completed 1."), "{report}");
    let unit = page_text(&tree, "don-vi/culture-office/index.html");
    assert!(
        unit.contains("Culture Office heads 2 jobs; helps with 1 job."),
        "{unit}"
    );
}

#[test]
fn an_english_site_says_nothing_in_vietnamese() {
    let (_site, tree) = built();
    // Every kind of page is there to be checked.
    for page in [
        "index.html",
        "404.html",
        "about/index.html",
        "news/index.html",
        "news/trang/2/index.html",
        "news/results/index.html",
        "news/the/index.html",
        "news/the/training/index.html",
        "news/thang/2026-11/index.html",
        "news/luu-tru/index.html",
        "news/atom.xml",
        "documents/index.html",
        "documents/plan-15/index.html",
        "chi-tieu/index.html",
        "chi-tieu/t-01/index.html",
        "nhiem-vu/index.html",
        "kinh-phi/index.html",
        "chi-so-dti/index.html",
        "tru-cot/index.html",
        "tru-cot/digital-society/index.html",
        "don-vi/index.html",
        "don-vi/culture-office/index.html",
        "dia-phuong/index.html",
        "dia-phuong/north-hamlet/index.html",
        "chi-so/index.html",
        "chi-so/applications-filed-online/index.html",
        "tieu-chi/index.html",
        "tieu-chi/north-hamlet/index.html",
        "du-lieu/index.html",
        "ban-tin/index.html",
        "ban-tin/tuan-40-2026/index.html",
        "bieu-do/lich-su-t-01/index.html",
        "bieu-do/lich-su-t-01.svg",
        "bieu-do/nhiem-vu.svg",
        "bieu-do/kinh-phi-nam.svg",
        "bieu-do/tru-cot.svg",
        "tim-kiem/index.html",
        "tim-kiem/chi-muc/d/0.js",
        "sitemap.xml",
    ] {
        assert!(tree.contains_key(page), "{page} missing");
    }
    let found = findings(&tree, |p| !is_report(p));
    assert_none(&found, "pieces of Vietnamese on an English site");
    // And the words are English: a sample of each kind.
    let page = |p: &str| page_text(&tree, p);
    let target = page("chi-tieu/t-01/index.html");
    assert!(
        target.contains("Results of target T-01 by period"),
        "{target}"
    );
    assert!(target.contains("Q3 2026"), "{target}");
    let tasks = page("nhiem-vu/index.html");
    assert!(
        tasks.contains("Overdue") && tasks.contains("Ongoing"),
        "{tasks}"
    );
    // A recurring task's rule written in English is understood: its missed
    // quarter is computed from it (before the 15th of the quarter's last month).
    assert!(
        tasks.contains("Repeats: quarterly, before the 15th of the last month")
            && tasks.contains("Not reported: Q3 2026 (due 14/09/2026, 72 days overdue)"),
        "{tasks}"
    );
    let budget = page("kinh-phi/index.html");
    assert!(
        budget.contains("million VND") && budget.contains("Budget by year"),
        "{budget}"
    );
    let post = page("news/results/index.html");
    assert!(post.contains("Tasks led by Culture Office"), "{post}");
}

#[test]
fn english_reports() {
    let (_site, tree) = built();
    for page in [
        "bao-cao/index.html",
        "bao-cao/nam-2026/index.html",
        "bao-cao/6-thang-dau-nam-2026/index.html",
        "bao-cao/quy-4-nam-2026/index.html",
        "bao-cao/atom.xml",
    ] {
        assert!(tree.contains_key(page), "{page} missing");
    }
    let found = findings(&tree, is_report);
    assert_none(&found, "pieces of Vietnamese in the reports");
    // The report says in English what it is and what it found.
    let page = |p: &str| page_text(&tree, p);
    let half = page("bao-cao/6-thang-dau-nam-2026/index.html");
    for words in [
        "Digital transformation report of Riverside Ward, first half of 2026",
        "Reporting period: from 01/01/2026 to 30/06/2026.",
        "I. Results against targets",
        "Tasks completed on time (1)",
        "completed on 20/06/2026",
        "Budget planned for 2026",
        "All combined",
    ] {
        assert!(half.contains(words), "{words:?} not in {half}");
    }
    // The year not over yet says up to which day its figures go.
    let year = page("bao-cao/nam-2026/index.html");
    assert!(year.contains("(as of 25/11/2026)"), "{year}");
}

/// The sharing images of the whole site and of the DTI page carry words of
/// their own (the band's header, "DTI index 2026"): on an English site they
/// are drawn in English, so the pictures differ from the same site's in
/// Vietnamese (every other word on them — the site's name and description
/// — is the same in both builds).
#[test]
fn sharing_images_are_drawn_in_the_site_language() {
    let (_en, english) = built();
    let vi = Site::fixture("english");
    vi.edit("minhbach.toml", |s| {
        s.replace("language = \"en\"", "language = \"vi\"")
    });
    vi.build_ok(&[]);
    let vietnamese = vi.public_tree();
    // The fixture's DTI scores are illustrative: the card and its alt text say so.
    let dti = page_text(&english, "chi-so-dti/index.html");
    assert!(
        dti.contains("og:image:alt\" content=\"DTI score 2026 by pillar:")
            && dti.contains("70.0/100 (illustrative)\""),
        "{dti}"
    );
    for image in ["chia-se.png", "chi-so-dti/chia-se.png"] {
        assert!(english.contains_key(image), "{image} missing");
        assert_ne!(
            english[image], vietnamese[image],
            "{image} is the same picture in English and Vietnamese"
        );
    }
}
