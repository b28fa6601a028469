//! `minhbach check`: every problem in one run, warnings that do not fail,
//! and nothing written.

mod common;

use common::Site;

#[test]
fn check_lists_every_problem_at_once() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/2026-08-01-a.md",
        "+++\ntitle = \"A\"\n+++\n\nXem [x](../khong-co.md).\n",
    );
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"B\"\ndraft = \"có\"\n+++\n",
    );
    site.write(
        "content/van-ban/khac.md",
        "+++\ntieu_de = \"C\"\nShowToc = true\n+++\n",
    );
    let run = site.check(&[]);
    run.assert_code(1).assert_stderr_has(&[
        "lỗi: khoá “draft” phải là true hoặc false\n  --> content/gioi-thieu.md:3:1\n",
        "lỗi: liên kết hỏng: không tìm thấy “../khong-co.md”\n  --> content/tin-tuc/2026-08-01-a.md:5:5\n",
        "lỗi: khoá “tieu_de” không được hỗ trợ\n  --> content/van-ban/khac.md:2:1\n",
        "= gợi ý: có phải ý bạn là “title”? Sửa tên khoá thành “title”\n",
        "cảnh báo: khoá “ShowToc” không phải khoá chuẩn; được giữ làm tham số cho giao diện (page.params.ShowToc)\n  --> content/van-ban/khac.md:3:1\n",
    ]);
    // The misspelt title is not reported a second time as "no title"; the
    // document also lacks a number and a date (one warning more).
    assert!(
        run.stderr.ends_with("Tìm thấy 3 lỗi, 2 cảnh báo.\n"),
        "{}",
        run.stderr
    );
    // Sorted by file, then position: the same order on every run.
    let order: Vec<usize> = [
        "content/gioi-thieu.md",
        "content/tin-tuc/2026-08-01-a.md",
        "content/van-ban/khac.md:2:1",
        "content/van-ban/khac.md:3:1",
    ]
    .iter()
    .map(|s| run.stderr.find(s).unwrap_or_else(|| panic!("{s}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", run.stderr);
    assert_eq!(site.check(&[]).stderr, run.stderr, "deterministic");
    assert!(!site.out("").exists(), "check writes nothing");
}

#[test]
fn check_warns_about_unknown_keys_without_failing() {
    let site = Site::fixture("basic");
    site.write(
        "content/trang-rieng.md",
        "---\ntitle: Trang riêng\nShowToc: true\n---\n\nThân.\n",
    );
    let run = site.check(&[]);
    run.assert_ok().assert_stderr_has(&[
        "cảnh báo: khoá “ShowToc” không phải khoá chuẩn; được giữ làm tham số cho giao diện (page.params.ShowToc)
  --> content/trang-rieng.md:3:1
  |
3 | ShowToc: true
  | ^
  = gợi ý: bỏ qua nếu giao diện của bạn dùng khoá này; nếu không, có thể xoá
",
    ]);
    assert!(
        run.stderr
            .ends_with("Không có lỗi (37 trang, 0 lỗi, 1 cảnh báo).\n"),
        "{}",
        run.stderr
    );
    assert!(!site.out("").exists(), "check writes nothing");
}

#[test]
fn check_on_a_clean_site() {
    let site = Site::fixture("basic");
    let run = site.check(&[]);
    run.assert_ok();
    assert_eq!(run.stderr, "Không có lỗi (36 trang, 0 lỗi, 0 cảnh báo).\n");
}

#[test]

fn check_reports_content_errors_even_with_a_bad_config_key() {
    let site = Site::fixture("basic");
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write("minhbach.toml", format!("{cfg}\nbogus = 1\n"));
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"B\"\ndraft = \"có\"\n+++\n",
    );
    site.check(&[]).assert_code(1).assert_stderr_has(&[
        "khoá “bogus” không có trong",
        "khoá “draft” phải là true hoặc false",
        "Tìm thấy 2 lỗi",
    ]);
}

#[test]
fn documents_without_number_or_date_are_listed_by_title_and_warned() {
    let site = Site::fixture("basic");
    site.write(
        "content/van-ban/ke-hoach-tham-khao.md",
        "+++\ntitle = \"Kế hoạch tham khảo của xã bạn\"\ndoc_type = \"Kế hoạch\"\n+++\n\nTóm tắt.\n",
    );
    let run = site.check(&[]);
    run.assert_ok().assert_stderr_has(&[
        "cảnh báo: văn bản thiếu số hiệu (number) và ngày ban hành (issued): danh sách văn bản ghi tên văn bản thay cho số hiệu; văn bản đứng cuối danh sách và không có trong nguồn tin RSS/Atom\n  --> content/van-ban/ke-hoach-tham-khao.md\n",
    ]);
    site.build_ok(&[]);
    let list = site.read_out("van-ban/index.html");
    // Listed with its title as the link text (it was an empty link).
    assert!(
        list.contains("<td class=\"card-key\" data-label=\"Số\">–</td><td data-label=\"Ngày ban hành\">–</td><td class=\"card-main\" data-label=\"Trích yếu\"><span class=\"doc-kind-inline\">Kế hoạch</span> <a href=\"../van-ban/ke-hoach-tham-khao/\">Kế hoạch tham khảo của xã bạn</a></td>"),
        "{list}"
    );
    assert!(!list.contains("\"></a>"), "an empty link:\n{list}");
}
