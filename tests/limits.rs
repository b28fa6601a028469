//! Broken and extreme input: empty files, binary junk, invalid UTF-8,
//! huge files, deep nesting, very long lines, thousands of keys. Each case
//! runs the real binary with a timeout and must end in a correct page or a
//! clear located error — never a panic, a hang or a crash.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Run, Site, TODAY};

/// Builds `site` in a subprocess, killing it after `limit`.
#[track_caller]
fn build_within(site: &Site, limit: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args([
            "build",
            "--root",
            site.root.to_str().unwrap(),
            "--date",
            TODAY,
        ])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("build did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && matches!(run.code, 0 | 1),
        "crash (exit {}):\n{}",
        run.code,
        run.stderr
    );
    run
}

const LIMIT: Duration = Duration::from_secs(60);

/// A post file with front matter `extra` and `body`.
fn post(extra: &str, body: &str) -> String {
    format!("+++\ntitle = \"Bài thử\"\ndate = 2026-08-20\n{extra}+++\n\n{body}")
}

/// Exit 1 with an error naming `file` (and, when given, `line`).
#[track_caller]
fn located_error(r: &Run, file: &str, line: Option<usize>) {
    r.assert_code(1);
    let at = match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_owned(),
    };
    assert!(
        r.stderr.contains(&at),
        "error not located at {at}:\n{}",
        r.stderr
    );
    assert!(r.stderr.contains("gợi ý"), "no hint:\n{}", r.stderr);
}

#[test]
fn empty_files_build_or_fail_clearly() {
    let s = Site::fixture("basic");
    s.write("content/tin-tuc/2026-08-20-rong.md", "");
    s.write("content/du-lieu/chi-tieu.csv", "");
    s.write("content/du-lieu/ket-qua.xlsx", "");
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/du-lieu/ket-qua.xlsx", None);
    r.assert_stderr_has(&["content/du-lieu/chi-tieu.csv"]);
    assert!(
        !s.out("index.html").exists(),
        "nothing written after an error"
    );
}

#[test]
fn binary_junk_and_invalid_utf8_are_located() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let s = Site::fixture("basic");
    let mut md = post("", "Dòng một\nDòng hai ").into_bytes();
    md.extend_from_slice(&[0xff, 0xfe, b'x']);
    s.write("content/tin-tuc/2026-08-20-hong.md", md);
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/tin-tuc/2026-08-20-hong.md", Some(7));
    r.assert_stderr_has(&["UTF-8"]);

    let s = Site::fixture("basic");
    s.write("content/tin-tuc/2026-08-20-rac.md", &junk);
    s.write("content/du-lieu/nhiem-vu.xlsx", &junk);
    s.write("content/du-lieu/chi-tieu.json", &junk);
    let r = build_within(&s, LIMIT);
    r.assert_code(1);
    for f in ["2026-08-20-rac.md", "nhiem-vu.xlsx", "chi-tieu.json"] {
        assert!(r.stderr.contains(f), "{f} not named:\n{}", r.stderr);
    }

    let s = Site::fixture("basic");
    let mut cfg = std::fs::read(s.path("minhbach.toml")).unwrap();
    cfg.extend_from_slice(b"\n# ch\xfa th\xedch\n");
    s.write("minhbach.toml", cfg);
    let r = build_within(&s, LIMIT);
    located_error(&r, "minhbach.toml", Some(15));
}

#[test]
fn a_100_mb_data_file_is_refused_before_reading() {
    let s = Site::fixture("basic");
    s.write("content/du-lieu/chi-tieu.csv", "Mã,Chỉ tiêu\n");
    let f = std::fs::OpenOptions::new()
        .append(true)
        .open(s.path("content/du-lieu/chi-tieu.csv"))
        .unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: no 100 MB write
    let start = Instant::now();
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/du-lieu/chi-tieu.csv", None);
    r.assert_stderr_has(&["100 MB, tối đa 50 MB"]);
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn an_oversized_markdown_file_is_refused() {
    let s = Site::fixture("basic");
    s.write("content/tin-tuc/2026-08-20-lon.md", post("", "x"));
    let f = std::fs::OpenOptions::new()
        .append(true)
        .open(s.path("content/tin-tuc/2026-08-20-lon.md"))
        .unwrap();
    f.set_len(11 * 1024 * 1024).unwrap();
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/tin-tuc/2026-08-20-lon.md", None);
    r.assert_stderr_has(&["tối đa 10 MB"]);
}

#[test]
fn deep_nesting_and_long_lines_give_correct_pages() {
    let s = Site::fixture("basic");
    let nested = format!("{}đáy\n", "- ".repeat(10_000));
    s.write("content/tin-tuc/2026-08-20-long.md", post("", &nested));
    let quotes = format!(
        "{}trích\n\n{}x{}\n",
        "> ".repeat(10_000),
        "*".repeat(5000),
        "*".repeat(5000)
    );
    s.write("content/tin-tuc/2026-08-21-trich.md", post("", &quotes));
    let line = "chữ ".repeat(1024 * 1024 / 6);
    s.write(
        "content/tin-tuc/2026-08-22-dai.md",
        post("", &format!("{line}cuối\n")),
    );
    // Deeply nested TOML/YAML values hit the parsers' recursion limits.
    let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    s.write("content/tin-tuc/2026-08-23-sau.md", post(&deep, "x"));
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/tin-tuc/2026-08-23-sau.md", Some(4));
    s.remove("content/tin-tuc/2026-08-23-sau.md");
    build_within(&s, LIMIT).assert_ok();
    let page = s.read_out("tin-tuc/long/index.html");
    assert!(
        page.matches("<ul>").count() >= 10_000,
        "lists were flattened"
    );
    assert!(page.contains("đáy"));
    assert!(s.read_out("tin-tuc/trich/index.html").contains("trích"));
    assert!(
        s.read_out("tin-tuc/dai/index.html")
            .contains("chữ chữ chữ cuối")
    );
}

#[test]
fn ten_thousand_front_matter_keys_give_a_page_and_a_short_report() {
    let s = Site::fixture("basic");
    let keys: String = (0..10_000).map(|i| format!("khoa{i} = {i}\n")).collect();
    s.write(
        "content/tin-tuc/2026-08-20-khoa.md",
        post(&keys, "Nội dung."),
    );
    let r = build_within(&s, LIMIT);
    r.assert_ok();
    assert!(s.out("tin-tuc/khoa/index.html").is_file());
    r.assert_stderr_has(&["còn 9980 khoá không chuẩn khác"]);
    assert!(
        r.stderr.matches("cảnh báo:").count() <= 25,
        "too many warnings"
    );
}

/// A targets workbook: one good row, then `extra` cells written as text.
fn targets_workbook(extra: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Chỉ tiêu").unwrap();
    for (c, h) in ["Mã", "Chỉ tiêu", "Mục tiêu"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_string(1, 0, "CT-01").unwrap();
    s.write_string(1, 1, "Tỷ lệ hồ sơ trực tuyến").unwrap();
    s.write_number(1, 2, 90.0).unwrap();
    for &(row, col, text) in extra {
        s.write_string(row, col, text).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_stray_cell_at_the_last_excel_cell_reads_as_a_sparse_sheet() {
    // The sheet's dimension becomes A1:XFD1048576 (17 billion cells): read as
    // a rectangle it aborted the build ("memory allocation … failed").
    let s = Site::fixture("basic");
    s.write(
        "content/du-lieu/chi-tieu.xlsx",
        targets_workbook(&[(1_048_575, 16_383, "x")]),
    );
    let r = build_within(&s, LIMIT);
    // Only the stray row is wrong: it has no code. The good row is read.
    located_error(&r, "content/du-lieu/chi-tieu.xlsx", None);
    r.assert_stderr_has(&["[trang tính “Chỉ tiêu”, ô A1048576]"]);
    assert!(!r.stderr.contains("ô A2]"), "{}", r.stderr);
    // Removing the stray cell builds the page.
    s.write("content/du-lieu/chi-tieu.xlsx", targets_workbook(&[]));
    build_within(&s, LIMIT).assert_ok();
}

#[test]
fn cells_spread_too_far_are_a_located_error() {
    // 200 rows with a cell in the last column: 3,3 million cells from column A.
    let far: Vec<(u32, u16, &str)> = (10..210).map(|r| (r, 16_383, "x")).collect();
    let s = Site::fixture("basic");
    s.write("content/du-lieu/chi-tieu.xlsx", targets_workbook(&far));
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/du-lieu/chi-tieu.xlsx", None);
    r.assert_stderr_has(&[
        "ô XFD133 ở trang tính “Chỉ tiêu” nằm quá xa phần dữ liệu",
        "Ctrl+End",
    ]);
}

#[test]
fn a_workbook_unpacking_past_the_limit_is_refused() {
    use std::io::Write as _;
    // A real workbook plus 300 MB of zeros (deflated to ~3 MB).
    let good = targets_workbook(&[]);
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        out.raw_copy_file(src.by_index_raw(i).unwrap()).unwrap();
    }
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    out.start_file("xl/media/image1.bin", opts).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..300 {
        out.write_all(&zeros).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    assert!(bytes.len() < 4 * 1024 * 1024, "{}", bytes.len());
    let s = Site::fixture("basic");
    s.write("content/du-lieu/chi-tieu.xlsx", bytes);
    let r = build_within(&s, LIMIT);
    located_error(&r, "content/du-lieu/chi-tieu.xlsx", None);
    r.assert_stderr_has(&["sổ tính Excel giải nén ra hơn 301 MB (giới hạn 256 MB)"]);
}

/// A targets CSV with one target, and a results CSV of `rows` rows whose
/// every value is `value`.
fn results_site(rows: usize, value: &str) -> Site {
    let s = Site::fixture("basic");
    s.write(
        "content/du-lieu/chi-tieu.csv",
        "Mã,Chỉ tiêu,Mục tiêu\nCT-01,Tỷ lệ hồ sơ trực tuyến,90\n",
    );
    let mut csv = String::from("Mã chỉ tiêu,Kỳ,Giá trị\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "CT-01,{:02}/{},{value}\n",
            i % 12 + 1,
            2000 + i / 12
        ));
    }
    s.write("content/du-lieu/ket-qua.csv", csv);
    s
}

#[test]
fn a_results_file_past_the_row_limit_stops_at_once_with_the_line() {
    let s = results_site(200_001, "50");
    let r = build_within(&s, LIMIT);
    // Line 200.001 is the first past the limit (the header is a row too).
    located_error(&r, "content/du-lieu/ket-qua.csv:200001", None);
    r.assert_stderr_has(&[
        "tệp có hơn 200.000 dòng — giới hạn của một bảng dữ liệu",
        "ket-qua-2025.csv",
        ": 1 lỗi",
    ]);
}

#[test]
fn one_systematic_mistake_prints_ten_errors_and_a_count() {
    let s = results_site(50, "năm mươi");
    let r = build_within(&s, LIMIT);
    r.assert_code(1);
    let shown = r.stderr.matches("\nlỗi: ").count() + usize::from(r.stderr.starts_with("lỗi: "));
    assert_eq!(shown, 11, "{}", r.stderr);
    r.assert_stderr_has(&["lỗi: … và 40 lỗi tương tự ở tệp content/du-lieu/ket-qua.csv (như: "]);
    assert!(
        r.stderr.contains("50 lỗi"),
        "the count is of every error:\n{}",
        r.stderr
    );
}
