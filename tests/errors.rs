//! One test per mistake an officer makes: `build` exits 1, stderr names the
//! file, `line:column`, says what is wrong in Vietnamese and how to fix it,
//! and the previous good `public/` is left byte-identical.
//!
//! Each test copies `basic`, builds it, writes one bad file into the copy,
//! rebuilds, and compares the whole output tree with the good one. The
//! expected blocks below are the exact text users see today; a change to
//! any of them should be deliberate.

mod common;

use common::{Run, Site, assert_same_tree};

const FAILED_1: &str =
    "Không dựng được trang: 1 lỗi, 0 cảnh báo. Thư mục đầu ra cũ được giữ nguyên.\n";

/// Builds `basic`, applies `breakage`, rebuilds: asserts exit 1, every
/// block of `expected` in stderr, and `public/` unchanged. Returns the run.
#[track_caller]
fn fails_keeping_output(breakage: impl FnOnce(&Site), expected: &[&str]) -> Run {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let good = site.public_tree();
    assert!(good.contains_key("index.html"));
    breakage(&site);
    let run = site.build(&[]);
    run.assert_code(1).assert_stderr_has(expected);
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
    assert_same_tree(&good, &site.public_tree());
    // No staging folder left beside public/.
    let names: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("minhbach-tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    run
}

#[test]
fn unterminated_front_matter_fence() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-01-a.md",
                "+++\ntitle = \"A\"\ndate = 2026-08-01\n\nThân bài.\n",
            )
        },
        &[
            "lỗi: phần thông tin đầu trang (front matter) mở bằng “+++” nhưng không có dòng “+++” đóng lại
  --> content/tin-tuc/2026-08-01-a.md:1:1
  |
1 | +++
  | ^
  = gợi ý: thêm một dòng chỉ có “+++” ngay sau dòng khoá cuối cùng, trước nội dung bài
",
            FAILED_1,
        ],
    );
}

#[test]
fn unterminated_yaml_fence() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-01-a.md",
                "---\ntitle: A\n\nThân bài.\n",
            )
        },
        &[
            "mở bằng “---” nhưng không có dòng “---” đóng lại\n  --> content/tin-tuc/2026-08-01-a.md:1:1\n",
            "= gợi ý: thêm một dòng chỉ có “---” ngay sau dòng khoá cuối cùng",
        ],
    );
}

#[test]
fn wrong_type_for_draft() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-01-a.md",
                "+++\ntitle = \"A\"\ndate = 2026-08-01\ndraft = \"có\"\n+++\n\nThân.\n",
            )
        },
        &[
            "lỗi: khoá “draft” phải là true hoặc false
  --> content/tin-tuc/2026-08-01-a.md:4:1
  |
4 | draft = \"có\"
  | ^
  = gợi ý: ví dụ: draft = true
",
            FAILED_1,
        ],
    );
}

#[test]
fn date_that_does_not_exist() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/a.md",
                "+++\ntitle = \"A\"\ndate = \"31/02/2026\"\n+++\n\nThân.\n",
            )
        },
        &["lỗi: “31/02/2026” ở khoá “date” không phải là ngày hợp lệ
  --> content/tin-tuc/a.md:3:1
  |
3 | date = \"31/02/2026\"
  | ^
  = gợi ý: viết ngày dạng năm-tháng-ngày, ví dụ date = 2026-08-05 (hoặc “05/08/2026”), kiểm tra ngày có tồn tại trong tháng
"],
    );
}

#[test]
fn month_thirteen() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/a.md",
                "+++\ntitle = \"A\"\ndate = \"2026-13-01\"\n+++\n\nThân.\n",
            )
        },
        &[
            "lỗi: “2026-13-01” ở khoá “date” không phải là ngày hợp lệ\n  --> content/tin-tuc/a.md:3:1\n",
        ],
    );
}

#[test]

fn invalid_date_is_reported_once() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/a.md",
                "+++\ntitle = \"A\"\ndate = \"31/02/2026\"\n+++\n\nThân.\n",
            )
        },
        &["không phải là ngày hợp lệ", FAILED_1],
    );
    assert!(!run.stderr.contains("chưa có ngày đăng"), "{}", run.stderr);
}

#[test]
fn near_miss_keys_suggest_the_real_ones() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-01-a.md",
                "+++\ntitel = \"A\"\nngay = 2026-08-01\n+++\n\nThân.\n",
            )
        },
        &[
            "lỗi: khoá “titel” không được hỗ trợ
  --> content/tin-tuc/2026-08-01-a.md:2:1
  |
2 | titel = \"A\"
  | ^
  = gợi ý: có phải ý bạn là “title”? Sửa tên khoá thành “title”
",
            "lỗi: khoá “ngay” không được hỗ trợ
  --> content/tin-tuc/2026-08-01-a.md:3:1
  |
3 | ngay = 2026-08-01
  | ^
  = gợi ý: có phải ý bạn là “date”? Sửa tên khoá thành “date”
",
        ],
    );
}

#[test]
fn missing_template_fails_the_build() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/trang-rieng.md",
                "+++\ntitle = \"A\"\ntemplate = \"khong-co.html\"\n+++\n\nThân.\n",
            )
        },
        &["khong-co.html", FAILED_1],
    );
}

#[test]

fn missing_template_points_at_the_page() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/trang-rieng.md",
                "+++\ntitle = \"A\"\ntemplate = \"khong-co.html\"\n+++\n\nThân.\n",
            )
        },
        &[
            "--> content/trang-rieng.md:3:1",
            "3 | template = \"khong-co.html\"",
            "không tìm thấy mẫu giao diện “khong-co.html”",
            "= gợi ý:",
        ],
    );
}

#[test]
fn broken_internal_link() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/trang-rieng.md",
                "+++\ntitle = \"A\"\n+++\n\nDòng một.\n\nXem [văn bản](van-ban/khong-co.md) nhé.\n",
            )
        },
        &[
            "lỗi: liên kết hỏng: không tìm thấy “van-ban/khong-co.md”
  --> content/trang-rieng.md:7:5
  |
7 | Xem [văn bản](van-ban/khong-co.md) nhé.
  |     ^
  = gợi ý: kiểm tra tên tệp và đường dẫn tương đối (tính từ thư mục của tệp này), ví dụ ../van-ban/ke-hoach-1126-kh-ubnd.md
",
            FAILED_1,
        ],
    );
}

#[test]
fn broken_image_and_missing_cover() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-01-a.md",
                "+++\ntitle = \"A\"\ncover = \"anh-bia.jpg\"\n+++\n\n![ảnh](anh.png)\n",
            )
        },
        &[
            "lỗi: không tìm thấy tệp “anh-bia.jpg” (khoá cover)\n  --> content/tin-tuc/2026-08-01-a.md:3:1\n",
            "lỗi: liên kết hỏng: không tìm thấy “anh.png”\n  --> content/tin-tuc/2026-08-01-a.md:6:1\n",
            "Không dựng được trang: 2 lỗi, 0 cảnh báo.",
        ],
    );
}

#[test]
fn two_pages_claim_one_url() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-02-khac.md",
                "+++\ntitle = \"A\"\nslug = \"bai\"\n+++\n\nThân.\n",
            )
        },
        &[
            "lỗi: hai trang cùng dùng địa chỉ “/tin-tuc/bai/”: “content/tin-tuc/2026-08-02-khac.md” và “content/tin-tuc/2026-08-05-bai.md”
  --> content/tin-tuc/2026-08-05-bai.md:1:1
  = gợi ý: đổi tên một tệp hoặc đặt khoá slug khác nhau cho hai trang
",
            FAILED_1,
        ],
    );
}

#[test]
fn alias_that_takes_a_page_url() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-02-khac.md",
                "+++\ntitle = \"A\"\naliases = [\"/gioi-thieu/\"]\n+++\n\nThân.\n",
            )
        },
        &[
            "hai trang cùng dùng địa chỉ “/gioi-thieu/”",
            "= gợi ý: xoá bí danh (aliases) trùng với địa chỉ của trang khác",
        ],
    );
}

#[test]
fn file_that_is_not_utf8() {
    // "Chuyển đổi số" as a legacy Vietnamese code page would store it.
    let bytes: &[u8] = b"+++\ntitle = \"Chuy\xea\xf2n \xf0\xf4\xec s\xf4\xec\"\n+++\n\nTh\xe2n.\n";
    fails_keeping_output(
        |s| s.write("content/tin-tuc/2026-08-01-a.md", bytes),
        &[
            "lỗi: tệp không phải văn bản UTF-8
  --> content/tin-tuc/2026-08-01-a.md:2:14
  = gợi ý: mở tệp bằng trình soạn thảo (Notepad, VS Code…) và lưu lại với bảng mã “UTF-8”
",
            FAILED_1,
        ],
    );
}

#[test]
fn toml_syntax_error_in_front_matter() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/tin-tuc/2026-08-01-a.md",
                "+++\ntitle = \"A\ndate = 2026-08-01\n+++\n\nThân.\n",
            )
        },
        &[
            "lỗi: TOML không hợp lệ: chuỗi chưa được đóng bằng dấu ngoặc kép",
            "  --> content/tin-tuc/2026-08-01-a.md:2:",
            "= gợi ý: thêm dấu \" ở cuối giá trị",
        ],
    );
}

#[test]
fn unknown_key_in_minhbach_toml() {
    fails_keeping_output(
        |s| {
            let cfg = std::fs::read_to_string(s.path("minhbach.toml")).unwrap();
            s.write(
                "minhbach.toml",
                cfg.replace("paginate_by = 10", "paginat_by = 10"),
            );
        },
        &[
            "lỗi: khoá “paginat_by” không có trong cấu hình
  --> minhbach.toml:9:1
  |
9 | paginat_by = 10
  | ^
  = gợi ý: có phải ý bạn là “paginate_by”?
",
            FAILED_1,
        ],
    );
}

#[test]
fn config_value_of_the_wrong_type() {
    fails_keeping_output(
        |s| {
            let cfg = std::fs::read_to_string(s.path("minhbach.toml")).unwrap();
            s.write(
                "minhbach.toml",
                cfg.replace("paginate_by = 10", "paginate_by = \"mười\""),
            );
        },
        &["lỗi: TOML không hợp lệ: giá trị sai kiểu, cần một số nguyên
  --> minhbach.toml:9:15
  |
9 | paginate_by = \"mười\"
  |               ^
"],
    );
}

#[test]
fn missing_configuration_file() {
    let site = Site::fixture("basic");
    site.remove("minhbach.toml");
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "lỗi: không tìm thấy tệp cấu hình “minhbach.toml” trong thư mục trang",
        "= gợi ý: chạy lệnh trong thư mục trang, dùng --root THƯ_MỤC, hoặc tạo trang mới bằng “minhbach init THƯ_MỤC”",
    ]);
    assert!(!site.out("").exists());
}

#[test]
fn errors_in_drafts_and_scheduled_posts_do_not_stop_the_build() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/2026-11-21-nhap-hong.md",
        "+++\ntitle = \"Nháp\"\ndraft = true\n+++\n\n[hỏng](khong-co.md)\n",
    );
    let run = site.build_ok(&[]);
    run.assert_stderr_has(&[
        "cảnh báo: liên kết hỏng: không tìm thấy “khong-co.md”\n  --> content/tin-tuc/2026-11-21-nhap-hong.md:6:1\n",
    ]);
    // With --drafts the same problem is an error again.
    site.build(&["--drafts"])
        .assert_code(1)
        .assert_stderr_has(&["lỗi: liên kết hỏng: không tìm thấy “khong-co.md”"]);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = Site::fixture("basic");
    let dest = site.tmp().join("tai-lieu");
    std::fs::create_dir_all(&dest).unwrap();
    std::fs::write(dest.join("quan-trong.docx"), b"!").unwrap();
    site.build(&["--output", dest.to_str().unwrap()])
        .assert_code(1)
        .assert_stderr_has(&["không phải do minhbach tạo ra; minhbach không ghi đè"]);
    assert_eq!(std::fs::read(dest.join("quan-trong.docx")).unwrap(), b"!");
}

#[test]
fn a_tera_one_macro_in_an_override_is_located_and_explained() {
    // A theme override written for minhbach before Tera 2: `import` and
    // `macro` no longer exist (components replace them).
    fails_keeping_output(
        |s| {
            s.write(
                "templates/page.html",
                "{% extends \"base.html\" %}\n{% import \"macros.html\" as m %}\n{% block content %}{{ page.title }}{% endblock content %}\n",
            )
        },
        &[
            "lỗi: lỗi mẫu giao diện: thẻ {% … %} không có trong Tera 2 (macro và import đã thay bằng component) [Unknown tag]
  --> templates/page.html:2:4
  |
2 | {% import \"macros.html\" as m %}
  |    ^
",
            "= gợi ý: sửa mẫu giao diện (tera 2) theo thông báo",
            FAILED_1,
        ],
    );
}

#[test]
fn an_unknown_variable_in_an_override_points_at_its_line() {
    fails_keeping_output(
        |s| {
            s.write(
                "templates/page.html",
                "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ page.title }}</p>\n<p>{{ khong_co }}</p>\n{% endblock content %}\n",
            )
        },
        &[
            "lỗi mẫu giao diện: biến chưa có trong mẫu này",
            "[Variable `khong_co` is not defined",
            "--> templates/page.html:4:7",
            "4 | <p>{{ khong_co }}</p>",
            FAILED_1,
        ],
    );
}
