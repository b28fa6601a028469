//! Markdown chart shortcodes in posts: charts drawn, the English alias, escaping,
//! errors that name the line and the nearest name, a shortcode without data.

use crate::common::html_unescape;
use crate::{BASE, example_site, small_site};

#[test]
fn shortcodes_draw_charts_in_posts() {
    let site = example_site();
    site.build_ok(&[]);
    let post = html_unescape(&site.read_out("tin-tuc/kiem-diem-tien-do-quy-iii-2026/index.html"));
    // The three shortcodes of the example post: a target's history, a
    // pillar's targets and a unit's tasks, each a figure with its table.
    assert_eq!(post.matches("<figure class=\"chart-figure\">").count(), 3);
    assert!(post.contains("Kết quả chỉ tiêu ST26-05 qua các kỳ</title>"));
    assert!(post.contains("Kết quả chỉ tiêu trụ cột Xã hội số</title>"));
    assert!(post.contains("Tình trạng nhiệm vụ do Phòng Văn hóa - Xã hội chủ trì</title>"));
    assert!(post.contains("href=\"../../chi-tieu/st26-05/\""));
    assert!(post.contains("href=\"../../tru-cot/xa-hoi-so/\""));
    assert!(post.contains("href=\"../../don-vi/phong-van-hoa-xa-hoi/\""));
    assert!(post.contains(&format!("<iframe src=\"{BASE}bieu-do/lich-su-st26-05/\"")));
    assert!(!post.contains("{{"), "a shortcode was left in the page");
    assert!(!post.contains("MINHBACHSHORTCODE"));
}

#[test]
fn shortcode_english_alias_and_escaping() {
    let site =
        small_site("{{ target_chart(id=\"CT-01\") }}\n\n{{ unit_tasks(unit=\"phong van hoa\") }}");
    site.build_ok(&[]);
    let post = site.read_out("tin-tuc/bai/index.html");
    assert_eq!(post.matches("<figure class=\"chart-figure\">").count(), 2);
    assert!(post.contains("role=\"img\""));
    // The statement's markup is text, never HTML.
    assert!(!post.contains("<b>toàn trình</b>"));
    assert!(
        post.contains("&lt;b&gt;toàn trình&lt;&#x2F;b&gt;")
            || post.contains("&lt;b&gt;toàn trình&lt;/b&gt;")
    );
    assert!(post.contains("Số hóa hồ sơ"));
}

#[test]
fn shortcode_errors_name_the_line_and_the_nearest_name() {
    let site = small_site(
        "{{ bieu_do_chi_tieux(ma=\"CT-01\") }}\n\n{{ bieu_do_chi_tieu(ma=\"CT-1\") }}\n\n{{ bieu_do_tru_cot(tru_cot=\"Chinh quyen so\", loai=\"x\") }}\n\n{{ nhiem_vu_don_vi(don_vi=\"Phòng Văn hoá\") }}\n\n{{ bieu_do_tru_cot(tru_cot=\"Kinh tế số\") }}",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "content/tin-tuc/2026-11-02-bai.md:7",
        "không có mã chèn “bieu_do_chi_tieux”; có phải ý bạn là “bieu_do_chi_tieu”?",
        "content/tin-tuc/2026-11-02-bai.md:9",
        "không có chỉ tiêu mã “CT-1”; có phải ý bạn là “CT-01”?",
        "content/tin-tuc/2026-11-02-bai.md:11",
        "không có tham số “loai”",
        "content/tin-tuc/2026-11-02-bai.md:15",
        "không có trụ cột “Kinh tế số”",
    ]);
    assert!(!site.out("index.html").exists());
}

#[test]
fn shortcode_without_data_is_an_error() {
    let site = small_site("{{ bieu_do_tru_cot() }}");
    std::fs::remove_dir_all(site.path("content/du-lieu")).unwrap();
    site.build(&[])
        .assert_code(1)
        .assert_stderr_has(&["2026-11-02-bai.md:7", "chưa có tệp dữ liệu"]);
}
