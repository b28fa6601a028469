//! `serve` rebuilds incrementally (cached content, body-only edits, pages
//! rendered on request); what it serves after an edit must be exactly what
//! a clean build of the edited site gives, byte for byte, for every file.

mod common;

use std::path::{Path, PathBuf};

use minhbach::serve::Snapshot;
use minhbach::serve::rebuild::{Changed, Incremental, rebuild};

#[path = "support/served.rs"]
mod served;
use served::{HOST, assert_same_as_clean_build, edit, options};

#[test]
fn served_pages_after_edits_equal_a_clean_build() {
    let site = common::Site::fixture("basic");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert_same_as_clean_build(&root, &snap);

    let post = root.join("content/tin-tuc/2026-11-05-ban-do-so.md");
    let step = |paths: Vec<PathBuf>, snap: &mut Snapshot, state: &mut Incremental| {
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, _) = rebuild(&opts, HOST, snap, state, Some(changed));
        *snap = next;
        assert_same_as_clean_build(&root, snap);
    };

    // A body edit: the fast path.
    edit(&post, |t| {
        format!("{t}\nĐoạn mới thêm vào cuối bài để kiểm tra xem trước.\n")
    });
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(state.body_edits(), 1);
    let page =
        String::from_utf8(snap.output.read("tin-tuc/ban-do-so/index.html").unwrap()).unwrap();
    assert!(page.contains("Đoạn mới thêm vào cuối bài"));

    // The first paragraph is the summary, shown in lists and feeds.
    edit(&post, |t| {
        let (fm, body) = t.split_at(t.rfind("+++").or(t.rfind("---")).unwrap() + 3);
        format!("{fm}\n\nMở đầu mới của bài, hiện trong danh sách tin.\n{body}")
    });
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(state.body_edits(), 2);

    // A title change moves the post in lists: the cached rebuild.
    edit(&post, |t| {
        t.replace(
            "title = \"Bản đồ số các điểm du lịch\"",
            "title = \"Ấp Bắc: bản đồ số\"",
        )
    });
    step(vec![post.clone()], &mut snap, &mut state);

    // A new post and a removed one.
    let new = root.join("content/tin-tuc/2026-11-21-bai-moi.md");
    std::fs::write(
        &new,
        "+++\ntitle = \"Bài mới\"\ndate = 2026-11-21\ntags = [\"Chuyển đổi số\"]\n+++\n\nNội dung bài mới.\n",
    )
    .unwrap();
    step(vec![new.clone()], &mut snap, &mut state);
    std::fs::remove_file(&new).unwrap();
    step(vec![new], &mut snap, &mut state);

    // Back to a body edit after structural ones.
    edit(&post, |t| format!("{t}\nThêm một câu nữa.\n"));
    step(vec![post], &mut snap, &mut state);
    assert_eq!(state.body_edits(), 3);

    // An old post: not on the home page nor in the feeds' latest entries,
    // which are kept as they were.
    let old = root.join("content/tin-tuc/2026-08-12-huong-dan-vneid.md");
    edit(&old, |t| {
        let (fm, body) = t.split_at(t.rfind("+++").or(t.rfind("---")).unwrap() + 3);
        format!("{fm}\n\nMở đầu mới của bài cũ.\n{body}")
    });
    step(vec![old], &mut snap, &mut state);
    assert_eq!((state.body_edits(), state.derived_edits()), (4, 4));
}

/// A post without a `description` is listed with its first paragraph: after
/// a body edit that changes it, every list, tag page and neighbour's
/// previous/next link shows the new one, although the first generation's
/// list entries were already built (they are shared between pages and
/// kept across body edits, decision 0036).
#[test]
fn served_lists_follow_a_new_summary() {
    let site = common::Site::fixture("basic");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let post = root.join("content/tin-tuc/2026-11-05-ban-do-so.md");
    edit(&post, |t| {
        t.replace(
            "description = \"Tóm tắt: Bản đồ số các điểm du lịch.\"\n",
            "",
        )
    });
    let opts = options(&root);
    let mut state = Incremental::new();
    let (snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    // Reads (so renders) every page, the lists with this post among them.
    assert_same_as_clean_build(&root, &snap);
    let list = String::from_utf8(snap.output.read("tin-tuc/index.html").unwrap()).unwrap();
    assert!(list.contains("Nội dung bài “Bản đồ số các điểm du lịch”"));

    edit(&post, |t| {
        let (fm, body) = t.split_at(t.rfind("+++").unwrap() + 3);
        format!("{fm}\n\nMở đầu mới, hiện trong danh sách tin.\n{body}")
    });
    let paths = vec![post.clone()];
    let changed = Changed {
        root: &root,
        paths: &paths,
    };
    let (snap, _) = rebuild(&opts, HOST, &snap, &mut state, Some(changed));
    assert_eq!(state.body_edits(), 1, "a body edit: the fast path");
    let list = String::from_utf8(snap.output.read("tin-tuc/index.html").unwrap()).unwrap();
    assert!(
        list.contains("Mở đầu mới, hiện trong danh sách tin."),
        "{list}"
    );
    assert_same_as_clean_build(&root, &snap);
}

/// On a site with data, bodies may call chart shortcodes and weekly
/// bulletins quote posts' summaries: the preview must still equal a clean
/// build after a body edit, a summary edit and a data edit.
#[test]
fn served_data_site_after_edits_equals_a_clean_build() {
    let site = common::Site::fixture("search");
    let config = site.path("minhbach.toml");
    edit(&config, |t| {
        t.replace("bulletin.enabled = false", "bulletin.enabled = true")
    });
    let root = std::fs::canonicalize(&site.root).unwrap();
    let chart_post = root.join("content/tin-tuc/2026-11-18-tien-do.md");
    std::fs::write(
        &chart_post,
        "+++\ntitle = \"Tiến độ chỉ tiêu\"\ndate = 2026-11-18\n+++\n\nMở đầu.\n\n{{ bieu_do_chi_tieu(ma=\"TT-01\") }}\n",
    )
    .unwrap();
    // A second post in the week of 07/10: a week with one post only has no
    // bulletin, and the summary edit below must show in one.
    std::fs::write(
        root.join("content/tin-tuc/2026-10-09-ra-quan.md"),
        "+++\ntitle = \"Ra quân tổ công nghệ số\"\ndate = 2026-10-09\n+++\n\nNội dung.\n",
    )
    .unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert_same_as_clean_build(&root, &snap);
    let step = |paths: Vec<PathBuf>, snap: &mut Snapshot, state: &mut Incremental| {
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, _) = rebuild(&opts, HOST, snap, state, Some(changed));
        *snap = next;
        assert_same_as_clean_build(&root, snap);
    };

    // Past the summary: the fast path.
    let post = root.join("content/tin-tuc/2026-10-07-ngay-chuyen-doi-so-quoc-gia.md");
    edit(&post, |t| format!("{t}\nĐoạn cuối mới.\n"));
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(state.body_edits(), 1);

    // A new first paragraph changes the bulletin that lists the post.
    edit(&post, |t| {
        let (fm, body) = t.split_at(t.rfind("+++").or(t.rfind("---")).unwrap() + 3);
        format!("{fm}\n\nTóm tắt mới của bài, hiện trong bản tin tuần.\n{body}")
    });
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(
        state.body_edits(),
        1,
        "a summary edit is not body-only here"
    );
    let bulletin = snap
        .output
        .files
        .keys()
        .filter(|k| k.starts_with("ban-tin/tuan-") && k.ends_with("index.html"))
        .find(|k| {
            String::from_utf8(snap.output.read(k).unwrap())
                .unwrap()
                .contains("Tóm tắt mới của bài")
        });
    assert!(bulletin.is_some(), "no bulletin quotes the new summary");

    // New data redraws the chart the post embeds.
    let read = |snap: &Snapshot| {
        String::from_utf8(snap.output.read("tin-tuc/tien-do/index.html").unwrap()).unwrap()
    };
    assert!(read(&snap).contains("81\u{a0}%") && !read(&snap).contains("87\u{a0}%"));
    let results = root.join("content/du-lieu/ket-qua.csv");
    edit(&results, |t| t.replace("TT-01,2026,81,", "TT-01,2026,87,"));
    // As the watcher says after a data file alone changed: the content
    // folder is not walked again, the shortcode body is rendered again.
    state.data_only();
    step(vec![results.clone()], &mut snap, &mut state);
    assert!(
        read(&snap).contains("87\u{a0}%"),
        "the shortcode chart shows the new value"
    );

    // A body edit after the data edit keeps the data pages of the new
    // data (the kept data plan is the one planned after the data edit).
    let target = |snap: &Snapshot| {
        String::from_utf8(snap.output.read("chi-tieu/tt-01/index.html").unwrap()).unwrap()
    };
    assert!(target(&snap).contains("87\u{a0}%"));
    edit(&post, |t| {
        format!("{t}\nMột câu nữa sau khi sửa số liệu.\n")
    });
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(state.body_edits(), 2);
    assert!(target(&snap).contains("87\u{a0}%"));
    edit(&post, |t| format!("{t}\nVà thêm một câu.\n"));
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(state.body_edits(), 3);

    // Data edits after a body edit: the content kept from the last load
    // (decision 0040) never holds an old body, and the chart post is the
    // only body rendered again.
    let mut value = 89;
    let mut kept_after = Vec::new();
    for round in 0..2 {
        edit(&post, |t| format!("{t}\nCâu thêm ở vòng {round}.\n"));
        step(vec![post.clone()], &mut snap, &mut state);
        for _ in 0..2 {
            let kept = state.contents_kept();
            edit(&results, |t| {
                let start = t.find("TT-01,2026,").unwrap() + "TT-01,2026,".len();
                let end = start + t[start..].find(',').unwrap();
                format!("{}{value}{}", &t[..start], &t[end..])
            });
            state.data_only();
            step(vec![results.clone()], &mut snap, &mut state);
            assert!(read(&snap).contains(&format!("{value}\u{a0}%")));
            assert_eq!(state.bodies_rendered(), 1, "the chart post only");
            let page = snap
                .output
                .read("tin-tuc/ngay-chuyen-doi-so-quoc-gia/index.html");
            let page = String::from_utf8(page.unwrap()).unwrap();
            assert!(page.contains(&format!("Câu thêm ở vòng {round}.")));
            kept_after.push(state.contents_kept() - kept);
            value += 1;
        }
    }
    // The first data edit after a body edit loads the content again; the
    // next one takes it whole.
    assert_eq!(kept_after, [0, 1, 0, 1]);
}

/// An edited commentary (`content/bao-cao/<kỳ>.md`) shows in its periodic
/// report at once: the report is not the commentary's page, so the edit
/// takes the full path and the preview still equals a clean build.
#[test]
fn served_report_follows_its_commentary() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let note = root.join("content/bao-cao/nam-2026.md");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(
        &note,
        "+++\ntitle = \"Nhận xét\"\n+++\n\nNhận xét đầu tiên.\n",
    )
    .unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert_same_as_clean_build(&root, &snap);
    let report = |snap: &Snapshot| {
        String::from_utf8(snap.output.read("bao-cao/nam-2026/index.html").unwrap()).unwrap()
    };
    assert!(report(&snap).contains("Nhận xét đầu tiên."));
    edit(&note, |t| {
        t.replace("Nhận xét đầu tiên.", "Nhận xét đã sửa.")
    });
    let paths = vec![note.clone()];
    let changed = Changed {
        root: &root,
        paths: &paths,
    };
    let (snap, _) = rebuild(&opts, HOST, &snap, &mut state, Some(changed));
    assert_same_as_clean_build(&root, &snap);
    let text = report(&snap);
    assert!(text.contains("Nhận xét đã sửa.") && !text.contains("Nhận xét đầu tiên."));
    assert!(
        text.contains("Báo cáo kết quả chuyển đổi số năm 2026"),
        "still the report"
    );
}

/// Every kind of edit an officer makes during a preview, in one sequence on
/// a site with data: body edits of the home page, the latest post (shown on
/// the home page and in feeds) and a document; data edits; a data file
/// removed and put back; a post renamed and deleted; a broken front matter
/// and a broken data value, each fixed afterwards. After every step the
/// preview serves exactly what a clean build of the files gives.
#[test]
fn served_site_after_any_edit_sequence_equals_a_clean_build() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert_same_as_clean_build(&root, &snap);
    let step = |paths: &[&Path], snap: &mut Snapshot, state: &mut Incremental| {
        let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, _) = rebuild(&opts, HOST, snap, state, Some(changed));
        *snap = next;
    };
    let read = |snap: &Snapshot, path: &str| String::from_utf8(snap.output.read(path).unwrap());
    let home = root.join("content/_index.md");
    let post = root.join("content/tin-tuc/2026-10-07-ngay-chuyen-doi-so-quoc-gia.md");
    let document = root.join("content/van-ban/ke-hoach-15.md");
    let results = root.join("content/du-lieu/ket-qua.csv");
    let tasks = root.join("content/du-lieu/nhiem-vu.csv");

    // Body edits: the home page (its dashboard kept), the newest post (on
    // the home page, in the feeds) — both derived from the last plan.
    edit(&home, |t| format!("{t}\nLời chào mới trên trang chủ.\n"));
    step(&[&home], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    edit(&post, |t| {
        format!("{t}\n{}\n", "Thêm một đoạn dài. ".repeat(300))
    });
    step(&[&post], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    assert_eq!(state.derived_edits(), 2, "body edits derive the next plan");
    assert!(read(&snap, "index.html").unwrap().contains("Lời chào mới"));
    assert!(
        read(&snap, "tin-tuc/atom.xml")
            .unwrap()
            .contains("Thêm một đoạn dài.")
    );
    // A document on a site with data: its page is extended by the data
    // pages, so the edit plans again (keeping the data part).
    edit(&document, |t| format!("{t}\nBổ sung một ý cho kế hoạch.\n"));
    step(&[&document], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    assert_eq!((state.body_edits(), state.derived_edits()), (3, 2));

    // Data: a new value, a data file removed (its pages go) and put back.
    // The open-data files and preview images are made on request: read
    // after the edit, they carry the new value (and equal a clean build's,
    // as every file does).
    let bytes = |snap: &Snapshot, path: &str| snap.output.read(path).unwrap();
    let png_before = bytes(&snap, "chi-tieu/tt-02/chia-se.png");
    let csv_before = read(&snap, "du-lieu/ket-qua.csv").unwrap();
    assert!(csv_before.contains("TT-02,2026,92,"), "{csv_before}");
    edit(&results, |t| t.replace("TT-02,2026,92,", "TT-02,2026,93,"));
    step(&[&results], &mut snap, &mut state);
    assert_eq!(
        state.data_files_read(),
        1,
        "only the edited data file is read"
    );
    assert_eq!(
        state.bodies_rendered(),
        0,
        "no Markdown body is rendered again for a data edit"
    );
    let csv_after = read(&snap, "du-lieu/ket-qua.csv").unwrap();
    assert!(csv_after.contains("TT-02,2026,93,"), "{csv_after}");
    assert_ne!(bytes(&snap, "chi-tieu/tt-02/chia-se.png"), png_before);
    assert!(read(&snap, "du-lieu/chi-tieu.json").unwrap().contains("93"));
    assert_same_as_clean_build(&root, &snap);
    let saved = std::fs::read(&tasks).unwrap();
    std::fs::remove_file(&tasks).unwrap();
    step(&[&tasks], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    assert!(snap.output.read("nhiem-vu/index.html").is_none());
    std::fs::write(&tasks, &saved).unwrap();
    step(&[&tasks], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);

    // A post renamed, then deleted.
    let old = root.join("content/tin-tuc/2026-09-02-sua-duong-lang.md");
    let new = root.join("content/tin-tuc/2026-09-02-sua-duong-thon.md");
    std::fs::rename(&old, &new).unwrap();
    step(&[&old, &new], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    assert!(
        snap.output
            .read("tin-tuc/sua-duong-thon/index.html")
            .is_some()
    );
    assert!(
        snap.output
            .read("tin-tuc/sua-duong-lang/index.html")
            .is_none()
    );
    std::fs::remove_file(&new).unwrap();
    step(&[&new], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);

    // A broken front matter: the preview keeps the last good output and
    // shows the error; fixed, it equals a clean build again.
    let good = std::fs::read_to_string(&post).unwrap();
    edit(&post, |t| {
        t.replacen("+++", "+++\ndate = \"không phải ngày\"", 1)
    });
    step(&[&post], &mut snap, &mut state);
    assert!(snap.errors.is_some(), "the broken front matter is reported");
    assert!(
        read(&snap, "tin-tuc/atom.xml")
            .unwrap()
            .contains("Thêm một đoạn dài.")
    );
    std::fs::write(&post, &good).unwrap();
    step(&[&post], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    // The same with a data value that is not a number.
    edit(&results, |t| {
        t.replace("TT-02,2026,93,", "TT-02,2026,chín mươi,")
    });
    step(&[&results], &mut snap, &mut state);
    assert!(snap.errors.is_some(), "the broken data value is reported");
    edit(&results, |t| {
        t.replace("TT-02,2026,chín mươi,", "TT-02,2026,94,")
    });
    step(&[&results], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);

    // And body edits derive from the plan made after all that.
    let derived = state.derived_edits();
    edit(&post, |t| format!("{t}\nCâu cuối cùng.\n"));
    step(&[&post], &mut snap, &mut state);
    assert_same_as_clean_build(&root, &snap);
    assert_eq!(state.derived_edits(), derived + 1);
}

/// `[markdown] highlight` keys the cached bodies: turning it off (or on)
/// while previewing re-renders every body, and a body edit afterwards
/// (the fast path) follows the new setting.
#[test]
fn served_code_follows_the_highlight_setting() {
    let site = common::Site::fixture("basic");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let post = root.join("content/tin-tuc/2026-11-05-ban-do-so.md");
    edit(&post, |t| format!("{t}\n```rust\nfn main() {{}}\n```\n"));
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    let page = |snap: &Snapshot| {
        String::from_utf8(snap.output.read("tin-tuc/ban-do-so/index.html").unwrap()).unwrap()
    };
    assert!(page(&snap).contains("<span class=\"hl-"));
    let config = root.join("minhbach.toml");
    let mut step = |path: &PathBuf| {
        let paths = vec![path.clone()];
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, _) = rebuild(&opts, HOST, &snap, &mut state, Some(changed));
        snap = next;
        assert_same_as_clean_build(&root, &snap);
        page(&snap)
    };
    edit(&config, |t| format!("{t}\n[markdown]\nhighlight = false\n"));
    let off = step(&config);
    assert!(!off.contains("hl-"), "{off}");
    assert!(off.contains("<pre><code class=\"language-rust\">fn main() {}\n</code></pre>"));
    edit(&post, |t| format!("{t}\n```python\nx = 1\n```\n"));
    let edited = step(&post);
    assert!(!edited.contains("hl-"), "{edited}");
    edit(&config, |t| {
        t.replace("highlight = false", "highlight = true")
    });
    let on = step(&config);
    assert!(on.contains("<span class=\"hl-"), "{on}");
}

/// A results edit in `serve` makes again only the periodic reports of the
/// periods holding the changed row (its old and its new version), and the
/// weekly bulletins of the weeks in which they end; the others are the
/// last build's (decision 0035). Every step still serves exactly what a
/// clean build gives, so a report or bulletin reused while a row of its
/// period changed fails here.
#[test]
fn served_reports_after_results_edits_equal_a_clean_build() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    edit(&root.join("minhbach.toml"), |t| {
        t.replace(
            "bulletin.enabled = false",
            "bulletin.enabled = true\nbulletin.since = \"01/01/2026\"\n\
             bao_cao.ky = [\"quy\", \"6-thang\", \"nam\"]",
        )
    });
    let results = root.join("content/du-lieu/ket-qua.csv");
    std::fs::write(
        &results,
        "Mã chỉ tiêu,Kỳ,Giá trị,Nguồn\n\
         TT-01,Quý I/2026,40,Báo cáo quý I\n\
         TT-01,Quý II/2026,55,Báo cáo quý II\n\
         TT-01,Quý III/2026,81,Báo cáo quý III\n\
         TT-02,2026,92,Báo cáo quý III\n",
    )
    .unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert_same_as_clean_build(&root, &snap);
    // Year 2026, both halves, quarters I–III.
    let all = state.reports_made();
    assert_eq!(all, 6, "every report is made at the first build");
    let bulletins = |snap: &Snapshot| {
        snap.output
            .files
            .keys()
            .filter(|k| k.starts_with("ban-tin/tuan-") && k.ends_with("/index.html"))
            .count()
    };
    assert_eq!(state.bulletins_made(), bulletins(&snap));
    // The weeks of 31/03 (quarter I ends) and 30/09 (quarter III).
    let week = |snap: &Snapshot, w: &str| {
        String::from_utf8(
            snap.output
                .read(&format!("ban-tin/tuan-{w}-2026/index.html"))
                .unwrap(),
        )
        .unwrap()
    };
    assert!(week(&snap, "14").contains("40\u{a0}%"));
    let step = |paths: Vec<PathBuf>, snap: &mut Snapshot, state: &mut Incremental| {
        // What the watcher says when only data files changed.
        if paths
            .iter()
            .all(|p| p.starts_with(root.join("content/du-lieu")))
        {
            state.data_only();
        }
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, _) = rebuild(&opts, HOST, snap, state, Some(changed));
        *snap = next;
        assert_same_as_clean_build(&root, snap);
    };
    let report = |snap: &Snapshot, period: &str| {
        String::from_utf8(
            snap.output
                .read(&format!("bao-cao/{period}/index.html"))
                .unwrap(),
        )
        .unwrap()
    };
    assert!(report(&snap, "quy-1-nam-2026").contains("40\u{a0}%"));

    // A value of the first quarter: its quarter, half and year again.
    edit(&results, |t| t.replace("Quý I/2026,40,", "Quý I/2026,47,"));
    step(vec![results.clone()], &mut snap, &mut state);
    assert_eq!(state.reports_made(), 3, "quarter I, first half, year");
    assert!(report(&snap, "quy-1-nam-2026").contains("47\u{a0}%"));
    assert_eq!(state.bulletins_made(), 1, "the week of 31/03");
    assert!(week(&snap, "14").contains("47\u{a0}%"));
    // The sections' feeds list the reports and bulletins with their
    // bodies: made when first read, from this generation's pages (a feed
    // kept from the last one would still say 40 %).
    for feed in ["bao-cao/feed.json", "ban-tin/feed.json", "ban-tin/atom.xml"] {
        let text = String::from_utf8(snap.output.read(feed).unwrap()).unwrap();
        assert!(text.contains("47\u{a0}%"), "{feed} shows the new value");
    }

    // A row moved from the second quarter to the third: both halves, the
    // year and the third quarter (the second has no data left, no report).
    edit(&results, |t| {
        t.replace("TT-01,Quý II/2026,55,", "TT-01,Quý III/2026,55,")
    });
    step(vec![results.clone()], &mut snap, &mut state);
    assert!(
        !snap
            .output
            .files
            .contains_key("bao-cao/quy-2-nam-2026/index.html")
    );
    assert_eq!(state.reports_made(), 4);
    // The week of 30/06 has nothing left; that of 30/09 lists both rows.
    assert!(
        !snap
            .output
            .files
            .contains_key("ban-tin/tuan-27-2026/index.html")
    );
    assert_eq!(state.bulletins_made(), 1);
    assert!(week(&snap, "40").contains("55\u{a0}%"));

    // The same file again, unchanged: nothing made again.
    step(vec![results.clone()], &mut snap, &mut state);
    assert_eq!(state.reports_made(), 0);
    assert_eq!(state.bulletins_made(), 0);

    // A target's goal is read by every report: all made again.
    let targets = root.join("content/du-lieu/chi-tieu.csv");
    edit(&targets, |t| t.replace("tối thiểu,95,", "tối thiểu,96,"));
    step(vec![targets], &mut snap, &mut state);
    assert_eq!(
        state.reports_made(),
        all - 1,
        "all but the second quarter's"
    );

    // A row added: every report again (rows are compared by position).
    edit(&results, |t| {
        format!("{t}TT-02,Quý IV/2026,93,Báo cáo quý IV\n")
    });
    step(vec![results.clone()], &mut snap, &mut state);

    // A news post's title is listed by the reports of its period.
    let post = root.join("content/tin-tuc/2026-10-07-ngay-chuyen-doi-so-quoc-gia.md");
    edit(&post, |t| {
        t.replacen("title = \"", "title = \"Tin mới: ", 1)
    });
    step(vec![post], &mut snap, &mut state);
    assert!(report(&snap, "nam-2026").contains("Tin mới: "));
    assert_eq!(state.bulletins_made(), bulletins(&snap));
    edit(&results, |t| t.replace("Quý I/2026,47,", "Quý I/2026,48,"));
    step(vec![results], &mut snap, &mut state);
    assert_eq!(state.reports_made(), 3);
}

/// The compiled templates are kept between rebuilds only while their
/// sources stay the same: a data edit reuses them, a template override
/// added or edited while previewing shows at once.
#[test]
fn served_pages_follow_an_edited_template() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    let default = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/post.html"),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let post = "tin-tuc/ngay-chuyen-doi-so-quoc-gia/index.html";
    let results = root.join("content/du-lieu/ket-qua.csv");
    for (k, mark) in ["Dấu mẫu thứ nhất", "Dấu mẫu thứ hai"].iter().enumerate() {
        let text = default.replacen(
            "{% block content %}",
            &format!("{{% block content %}}<p>{mark}</p>"),
            1,
        );
        std::fs::write(root.join("templates/post.html"), text).unwrap();
        // As the watcher says for a theme change: no list of paths.
        (snap, _) = rebuild(&opts, HOST, &snap, &mut state, None);
        assert_same_as_clean_build(&root, &snap);
        let page = String::from_utf8(snap.output.read(post).unwrap()).unwrap();
        assert!(page.contains(mark), "{mark}");
        // A data edit afterwards keeps the new template.
        edit(&results, |t| {
            t.replace(
                &format!("TT-02,2026,{},", 92 + k),
                &format!("TT-02,2026,{},", 93 + k),
            )
        });
        state.data_only();
        let paths = vec![results.clone()];
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        (snap, _) = rebuild(&opts, HOST, &snap, &mut state, Some(changed));
        assert_same_as_clean_build(&root, &snap);
        let page = String::from_utf8(snap.output.read(post).unwrap()).unwrap();
        assert!(page.contains(mark), "{mark} after a data edit");
    }
}

/// A post linking to a target that the data does not have yet: a data
/// edit adding that target (and so its page) is data-only, yet the
/// content kept across data edits must not be reused — the link targets
/// changed (decision 0040).
#[test]
fn a_data_edit_adding_a_linked_target_loads_the_content_again() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    std::fs::write(
        root.join("content/tin-tuc/2026-11-19-lien-ket.md"),
        "+++\ntitle = \"Liên kết tới chỉ tiêu mới\"\ndate = 2026-11-19\n+++\n\nXem [chỉ tiêu mới](../chi-tieu/tt-09/).\n",
    )
    .unwrap();
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert!(snap.errors.is_some(), "the link has no page yet");
    let targets = root.join("content/du-lieu/chi-tieu.csv");
    edit(&targets, |t| {
        let row = t.lines().nth(1).unwrap().replacen("TT-01", "TT-09", 1);
        format!("{}\n{row}\n", t.trim_end())
    });
    state.data_only();
    let paths = vec![targets.clone()];
    let changed = Changed {
        root: &root,
        paths: &paths,
    };
    (snap, _) = rebuild(&opts, HOST, &snap, &mut state, Some(changed));
    assert_same_as_clean_build(&root, &snap);
    assert_eq!(state.contents_kept(), 0);
}

/// A data edit keeps the site model's index (decision 0043): the pages
/// made again from the data take the same places. An edit that moves a
/// page in the index (a new tag, a new title) indexes it again; the
/// served site equals a clean build after each.
#[test]
fn served_site_index_is_kept_only_while_no_page_moves() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    edit(&root.join("minhbach.toml"), |t| {
        t.replace(
            "bulletin.enabled = false",
            "bulletin.enabled = true\nbulletin.since = \"01/01/2026\"\n\
             bao_cao.ky = [\"quy\", \"nam\"]",
        )
    });
    let opts = options(&root);
    let mut state = Incremental::new();
    let (mut snap, _) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert_same_as_clean_build(&root, &snap);
    assert_eq!(state.sites_kept(), 0);
    let step = |paths: Vec<PathBuf>, snap: &mut Snapshot, state: &mut Incremental| {
        if paths
            .iter()
            .all(|p| p.starts_with(root.join("content/du-lieu")))
        {
            state.data_only();
        }
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, _) = rebuild(&opts, HOST, snap, state, Some(changed));
        *snap = next;
        assert_same_as_clean_build(&root, snap);
    };
    let results = root.join("content/du-lieu/ket-qua.csv");
    let value = |t: String, v: u32| {
        let start = t.find("TT-01,2026,").unwrap() + "TT-01,2026,".len();
        let end = start + t[start..].find(',').unwrap();
        format!("{}{v}{}", &t[..start], &t[end..])
    };

    // One value: the reports and bulletins holding it are made again, in
    // the same places; the index is the last one.
    edit(&results, |t| value(t, 83));
    step(vec![results.clone()], &mut snap, &mut state);
    assert_eq!(state.sites_kept(), 1, "a value edit keeps the index");

    // A new tag on a post: the tag's page and the post's links follow.
    let post = root.join("content/tin-tuc/2026-10-07-ngay-chuyen-doi-so-quoc-gia.md");
    edit(&post, |t| {
        t.replace(
            "tags = [\"Sự kiện\"]",
            "tags = [\"Sự kiện\", \"Lễ hội số\"]",
        )
    });
    step(vec![post.clone()], &mut snap, &mut state);
    assert_eq!(state.sites_kept(), 1, "a new tag indexes the pages again");
    assert!(
        snap.output
            .files
            .contains_key("tin-tuc/the/le-hoi-so/index.html")
    );

    // Data again, after the content edit: kept.
    edit(&results, |t| value(t, 84));
    step(vec![results.clone()], &mut snap, &mut state);
    assert_eq!(state.sites_kept(), 2);

    // A document's number (documents by number, the documents' list).
    let docs: Vec<PathBuf> = std::fs::read_dir(root.join("content/van-ban"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with("_index.md"))
        .collect();
    let doc = docs
        .iter()
        .find(|p| std::fs::read_to_string(p).unwrap().contains("number = \""))
        .expect("a numbered document");
    edit(doc, |t| t.replacen("number = \"", "number = \"9", 1));
    step(vec![doc.clone()], &mut snap, &mut state);
    assert_eq!(
        state.sites_kept(),
        2,
        "a new number indexes the pages again"
    );
    edit(&results, |t| value(t, 85));
    step(vec![results], &mut snap, &mut state);
    assert_eq!(state.sites_kept(), 3);
}
