//! `minhbach new dataset`: one file per kind (Excel by default, CSV with
//! `--csv`), required columns marked, drop-down lists and a guidance sheet;
//! a site made by `init` plus a fresh template of every kind passes `check`
//! with no error and no warning.

mod common;

use calamine::{Data, Reader};
use common::Site;

const KINDS: &[&str] = &[
    "chi-tieu",
    "ket-qua",
    "nhiem-vu",
    "kinh-phi",
    "chi-so-dti",
    "diem-dti",
    "don-vi",
];

fn init_site() -> (Site, std::path::PathBuf) {
    let site = Site::empty();
    let dir = site.tmp().join("xa-moi");
    site.run(&["init", dir.to_str().unwrap()]).assert_ok();
    let cfg = std::fs::read_to_string(dir.join("minhbach.toml")).unwrap();
    std::fs::write(
        dir.join("minhbach.toml"),
        cfg.replace("UBND xã …", "UBND xã Tân Phú"),
    )
    .unwrap();
    (site, dir)
}

#[test]
fn fresh_templates_of_every_kind_pass_check() {
    for csv in [false, true] {
        let (site, dir) = init_site();
        let root = dir.to_str().unwrap();
        for kind in KINDS {
            let mut args = vec!["new", "dataset", kind, "--root", root];
            if csv {
                args.push("--csv");
            }
            let r = site.run(&args);
            r.assert_ok();
            let ext = if csv { "csv" } else { "xlsx" };
            let other = if csv { "xlsx" } else { "csv" };
            assert!(
                r.stdout.trim_end().ends_with(&format!(".{ext}")),
                "{}",
                r.stdout
            );
            let files: Vec<_> = std::fs::read_dir(dir.join("content/du-lieu"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            assert!(!files.iter().any(|f| f.ends_with(other)), "{files:?}");
        }
        let r = site.run(&["check", "--root", root]);
        r.assert_ok();
        assert!(
            r.stderr.contains("0 lỗi, 0 cảnh báo"),
            "csv={csv}: {}",
            r.stderr
        );
    }
}

#[test]
fn excel_template_marks_required_columns_and_explains_them() {
    let (site, dir) = init_site();
    let root = dir.to_str().unwrap();
    let r = site.run(&["new", "dataset", "nhiem-vu", "--root", root]);
    r.assert_ok();
    r.assert_stderr_has(&["“Trạng thái” có danh sách chọn"]);
    let path = dir.join("content/du-lieu/nhiem-vu.xlsx");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), vec!["Nhiệm vụ", "Hướng dẫn"]);
    let data = book.worksheet_range("Nhiệm vụ").unwrap();
    let header: Vec<String> = data
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Mã *");
    assert!(header.contains(&"Trạng thái".to_owned()), "{header:?}");
    assert_eq!(data.rows().count(), 1, "no invented example row");
    let guide = book.worksheet_range("Hướng dẫn").unwrap();
    let status = guide
        .rows()
        .find(|r| r.first() == Some(&Data::String("Trạng thái".into())))
        .expect("a guidance row for Trạng thái");
    assert_eq!(
        status[2].to_string(),
        "chưa bắt đầu, đang thực hiện, hoàn thành, tạm dừng"
    );

    // Filled in as an officer would (required columns with their “*”
    // header, a value from the list), it builds.
    std::fs::remove_file(&path).unwrap();
    site.run(&["new", "dataset", "nhiem-vu", "--csv", "--root", root])
        .assert_ok();
    let csv = dir.join("content/du-lieu/nhiem-vu.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("NV-01,Tập huấn kỹ năng số,,Văn phòng UBND,,Quý IV/2026,,đang thực hiện,,,\r\n");
    std::fs::write(&csv, text).unwrap();
    let r = site.run(&["check", "--root", root, "--date", "2026-11-25"]);
    r.assert_ok();
    r.assert_stderr_has(&["0 lỗi"]);
}
