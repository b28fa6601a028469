//! Hostile input: a site whose every user-controlled string carries a
//! corpus of injection payloads is built, and every output file is checked
//! as a browser, feed reader, JSON parser or spreadsheet would read it.
//! Script URLs in URL fields must be refused with a located error or
//! neutralised.

mod common;
#[path = "hostile/scan.rs"]
mod scan;
#[path = "hostile/site.rs"]
mod site;

use common::Site;

fn hostile_site(raw_html: &str) -> Site {
    let s = Site::empty();
    site::write_site(&s.root, raw_html);
    s
}

/// `allowed`: problems that the raw-HTML policy permits (an `<img src=x>`
/// whose handler was stripped is allowed formatting in "allow" mode).
#[track_caller]
fn assert_clean(s: &Site, allowed: &[&str]) {
    // HOSTILE_KEEP=<dir> keeps a copy of the built site for inspection.
    if let Ok(dir) = std::env::var("HOSTILE_KEEP") {
        common::copy_dir(&s.root, std::path::Path::new(&dir));
    }
    let tree = s.public_tree();
    assert!(tree.len() > 30, "too few files: {:?}", tree.keys());
    let mut problems = scan::scan_tree(&tree);
    problems.retain(|p| !allowed.iter().any(|a| p.ends_with(a)));
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn payloads_in_every_field_never_survive_as_markup_with_raw_html_allowed() {
    let s = hostile_site("allow");
    let r = s.build_ok(&[]);
    // Warnings quote hostile cells; control characters are shown, not sent.
    r.assert_stderr_has(&["cảnh báo"]);
    assert!(
        !r.stderr.contains(['\u{1b}', '\u{0}', '\u{202e}']),
        "raw control characters on the terminal"
    );
    assert_clean(&s, &["injected <img src=x>"]);
    // The data pages and exports exist, so the data cells were really checked.
    for f in [
        "chi-tieu/index.html",
        "chi-tieu/ct-00/index.html",
        "nhiem-vu/index.html",
        "kinh-phi/index.html",
        "chi-so-dti/index.html",
        "du-lieu/chi-tieu.csv",
        "du-lieu/ket-qua.csv",
        "du-lieu/nhiem-vu.json",
        "tin-tuc/atom.xml",
        "sitemap.xml",
    ] {
        assert!(s.out(f).is_file(), "{f} missing");
    }
    // Formatting HTML written by staff passes in "allow" mode.
    let home = s.read_out("index.html");
    assert!(
        home.contains("<div title=\"x onclick=alert(1)\">khối</div>"),
        "allowed formatting HTML was dropped"
    );
    assert!(home.contains("<a>tab</a>"), "script URL kept");
}

#[test]
fn payloads_in_every_field_never_survive_as_markup_with_raw_html_escaped() {
    let s = hostile_site("escape");
    s.build_ok(&[]);
    assert_clean(&s, &[]);
    // In "escape" mode raw HTML is shown as text, visible to the reader.
    let home = s.read_out("index.html");
    assert!(
        home.contains("&lt;div title="),
        "raw HTML not shown as text"
    );
    assert!(
        !home.contains("<div title="),
        "raw HTML passed in escape mode"
    );
}

#[test]
fn published_csv_neutralises_formulas_after_leading_whitespace() {
    let s = hostile_site("escape");
    s.build_ok(&[]);
    let csv = s.read_out("du-lieu/kinh-phi.csv");
    assert!(csv.contains("'=cmd"), "{csv}");
    assert!(scan::csv_problems(csv.as_bytes()).is_empty());
    assert!(
        !scan::csv_problems(b"a,\" =1+1\"\n").is_empty(),
        "the check itself works"
    );
}

/// One URL field set to a script URL: the build refuses it with an error
/// naming the file, or the URL never reaches the output.
#[track_caller]
fn refused_or_neutralised(case: &str, rel: &str, contents: &str) {
    let s = Site::fixture("basic");
    s.write(rel, contents);
    let r = s.build(&[]);
    if r.code == 0 {
        let problems = scan::scan_tree(&s.public_tree());
        assert!(problems.is_empty(), "{case}: {}", problems.join("\n"));
        let all: String = s
            .public_tree()
            .values()
            .map(|b| String::from_utf8_lossy(b).to_lowercase())
            .collect();
        assert!(
            !all.contains("javascript:alert"),
            "{case}: script URL in output"
        );
    } else {
        r.assert_code(1);
        let name = rel.rsplit('/').next().unwrap();
        assert!(
            r.stderr.contains(name) && r.stderr.contains("javascript"),
            "{case}: error must name the file and the URL\n{}",
            r.stderr
        );
    }
}

#[test]
fn script_urls_in_url_fields_are_refused() {
    let fm = |extra: &str| {
        format!("+++\ntitle = \"Bài\"\ndate = 2026-08-20\n{extra}\n+++\n\nNội dung.\n")
    };
    let cases: Vec<(&str, &str, String)> = vec![
        ("markdown link", "content/tin-tuc/2026-08-20-a.md", format!("{}[x](javascript:alert(1))\n", fm(""))),
        ("markdown link, entity", "content/tin-tuc/2026-08-20-a.md", format!("{}[x](&#106;avascript:alert(1))\n", fm(""))),
        ("markdown autolink", "content/tin-tuc/2026-08-20-a.md", format!("{}<javascript:alert(1)>\n", fm(""))),
        ("markdown reference link", "content/tin-tuc/2026-08-20-a.md", format!("{}[x][r]\n\n[r]: javascript:alert(1)\n", fm(""))),
        ("markdown image", "content/tin-tuc/2026-08-20-a.md", format!("{}![x](javascript:alert(1))\n", fm(""))),
        ("cover", "content/tin-tuc/2026-08-20-a.md", fm("cover = \"javascript:alert(1)\"")),
        ("image", "content/tin-tuc/2026-08-20-a.md", fm("image = \"javascript:alert(1)\"")),
        ("images", "content/tin-tuc/2026-08-20-a.md", fm("images = [\"javascript:alert(1)\"]")),
        ("aliases", "content/tin-tuc/2026-08-20-a.md", fm("aliases = [\"javascript:alert(1)\"]")),
        ("pdf", "content/van-ban/a.md", "+++\ntitle = \"VB\"\nnumber = \"9/QĐ\"\nissued = 2026-01-01\npdf = \"javascript:alert(1)\"\n+++\n".into()),
        ("menu url", "minhbach.toml", std::fs::read_to_string(common::fixture_dir("basic").join("minhbach.toml")).unwrap().replace("paginate_by = 10", "paginate_by = 10\nmenu = [{ name = \"x\", url = \"javascript:alert(1)\" }]")),
        ("contact website", "minhbach.toml", std::fs::read_to_string(common::fixture_dir("basic").join("minhbach.toml")).unwrap() + "website = \"javascript:alert(1)\"\n"),
        ("base_url", "minhbach.toml", std::fs::read_to_string(common::fixture_dir("basic").join("minhbach.toml")).unwrap().replace("https://thunghiem.example.gov.vn/chuyen-doi-so/", "javascript:alert(1)//")),
    ];
    for (case, rel, contents) in &cases {
        refused_or_neutralised(case, rel, contents);
    }
}

#[test]
fn aliases_never_write_outside_the_output_or_carry_markup() {
    for alias in [
        "../../thoat-ra.html",
        "/../thu-muc-ngoai/",
        "tin-tuc/../../../x/",
        "\"><script>alert(1)</script>/",
        "cu/{{ 1234*1000 }}/'\"/",
        "https://example.org/",
        "a\\..\\..\\b",
    ] {
        let s = Site::fixture("basic");
        s.build_ok(&[]);
        let before = common::tree(s.tmp());
        s.write(
            "content/tin-tuc/2026-08-20-a.md",
            format!(
                "+++\ntitle = \"A\"\ndate = 2026-08-20\naliases = [{}]\n+++\nx\n",
                site::toml_str(alias)
            ),
        );
        let r = s.build(&[]);
        r.assert_code(1);
        assert!(
            r.stderr.contains("content/tin-tuc/2026-08-20-a.md:4:1")
                && r.stderr.contains("bí danh"),
            "{alias}: {}",
            r.stderr
        );
        let mut after = common::tree(s.tmp());
        after.remove("site/content/tin-tuc/2026-08-20-a.md");
        common::assert_same_tree(&before, &after);
    }
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    // Guards against a scanner that silently passes everything.
    for bad in [
        "<p><script>alert(1)</script></p>",
        "<img src=x onerror=alert(1)>",
        "<img/onerror=alert(1) src=y>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<title></title><script>x</script>",
        "<svg onload=alert(1)>",
        "<p>\u{1}</p>",
    ] {
        assert!(!scan::html_problems(bad).is_empty(), "{bad}");
    }
    assert!(
        scan::html_problems("<p title=\"&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt;</p>")
            .is_empty()
    );
    assert!(!scan::svg_problems("<svg><g onclick=\"x\"/></svg>").is_empty());
    assert!(!scan::svg_problems("<svg><text>&nbsp;</text></svg>").is_empty());
}
