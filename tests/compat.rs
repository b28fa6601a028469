//! Posts copied unchanged from a Hugo (PaperMod) blog and from a Zola blog
//! build, and show with the right titles, dates, tags and covers.

mod common;

use common::{LinkCheck, Site, assert_links_resolve, child_texts, html_unescape};

fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("<main>");
    let end = html.find("</main>").expect("</main>");
    html_unescape(&html[start..end])
}

#[test]
fn hugo_papermod_posts_build_unchanged() {
    let site = Site::fixture("hugo-blog");
    let run = site.build_ok(&[]);
    // PaperMod's own keys are kept as parameters, with one warning per key
    // for the whole site (ShowToc is in two posts).
    run.assert_stderr_has(&[
        "cảnh báo: khoá “ShowToc” không phải khoá chuẩn (có trong 2 tệp, đây là tệp đầu tiên); được giữ làm tham số cho giao diện (page.params.ShowToc)\n  --> content/tin-tuc/chuyen-doi-so-2024.md:13:1\n",
        "0 lỗi, 3 cảnh báo",
    ]);
    let post = main_of(&site.read_out("tin-tuc/chuyen-doi-so-2024/index.html"));
    assert!(
        post.contains("<h1>Chuyển đổi số năm 2024: nhìn lại</h1>"),
        "{post}"
    );
    assert!(
        post.contains(r#"Thứ Sáu, <time datetime="2024-03-01">01/03/2024</time>"#),
        "{post}"
    );
    assert!(post.contains(" · Ban biên tập"));
    assert!(post.contains(r#"<a href="../../tin-tuc/the/chuyen-doi-so/">Chuyển đổi số</a>"#));
    assert!(post.contains(r#"<a href="../../tin-tuc/the/tong-ket/">Tổng kết</a>"#));
    assert!(post.contains(r#"alt="Ảnh bìa tổng kết""#));
    // The bundle's relative cover.
    let ai = main_of(&site.read_out("tin-tuc/hoi-thao-ai/index.html"));
    assert!(
        ai.contains(r#"<time datetime="2024-04-15">15/04/2024</time>"#),
        "{ai}"
    );
    assert!(
        ai.contains(r#"<img src="../../tin-tuc/hoi-thao-ai/cover.svg" alt="Hội trường""#),
        "{ai}"
    );
    assert!(site.out("tin-tuc/hoi-thao-ai/cover.svg").is_file());
    // `summary` is the description.
    let list = main_of(&site.read_out("tin-tuc/index.html"));
    assert!(
        list.contains("<p>Nhìn lại một năm chuyển đổi số của xã.</p>"),
        "{list}"
    );
    // `draft: false` publishes, `draft: true` does not.
    assert!(!site.out("tin-tuc/ban-nhap-hugo").exists());
    // Feed: newest first, RFC 3339 times kept.
    let feed = site.read_out("tin-tuc/atom.xml");
    let doc = common::parse_xml(&feed);
    let published = child_texts(doc.root_element(), "published");
    assert_eq!(
        published,
        ["2024-04-15T08:30:00+07:00", "2024-03-01T10:00:00+07:00"]
    );
    let cats: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("category"))
        .filter_map(|n| n.attribute("term"))
        .collect();
    assert_eq!(cats, ["AI", "Chuyển đổi số", "Tổng kết"]);
}

#[test]

fn hugo_external_cover_url_is_kept_absolute() {
    let site = Site::fixture("hugo-blog");
    site.build_ok(&[]);
    let post = html_unescape(&site.read_out("tin-tuc/chuyen-doi-so-2024/index.html"));
    assert!(
        post.contains(
            r#"<img src="https://hugo.example.gov.vn/anh/bia-2024.jpg" alt="Ảnh bìa tổng kết""#
        ),
        "{post}"
    );
    assert!(post.contains(
        r#"<meta property="og:image" content="https://hugo.example.gov.vn/anh/bia-2024.jpg">"#
    ));
    // The cover lives on the unit's server outside this build, so the
    // whole-site link check (which treats base_url links as internal) does
    // not apply here; other tests check every internal link.
}

#[test]

fn hugo_cover_from_static_folder() {
    let site = Site::fixture("hugo-blog");
    site.write(
        "static/images/bia.svg",
        std::fs::read(site.path("content/tin-tuc/hoi-thao-ai/cover.svg")).unwrap(),
    );
    site.write(
        "content/tin-tuc/anh-static.md",
        "---\ntitle: \"Ảnh bìa trong static\"\ndate: 2024-05-02T09:00:00+07:00\ncover:\n  image: \"/images/bia.svg\"\n  alt: \"Bìa\"\n---\n\nThân.\n",
    );
    site.build_ok(&[]);
    let post = html_unescape(&site.read_out("tin-tuc/anh-static/index.html"));
    assert!(
        post.contains(r#"<img src="../../images/bia.svg" alt="Bìa""#),
        "{post}"
    );
}

#[test]
fn zola_posts_build_unchanged() {
    let site = Site::fixture("zola-blog");
    let run = site.build_ok(&[]);
    run.assert_stderr_has(&[
        "cảnh báo: khoá “sort_by” không phải khoá chuẩn",
        "0 lỗi, 1 cảnh báo",
    ]);
    // `slug` overrides the file name; the date prefix is dropped.
    let plan = main_of(&site.read_out("tin-tuc/ke-hoach-so-hoa-2024/index.html"));
    assert!(plan.contains("<h1>Kế hoạch số hoá năm 2024</h1>"), "{plan}");
    assert!(plan.contains(r#"<time datetime="2024-02-10">10/02/2024</time>"#));
    assert!(plan.contains(r#"<a href="../../tin-tuc/the/du-lieu-mo/">Dữ liệu mở</a>"#));
    let talk = main_of(&site.read_out("tin-tuc/hoi-thao-du-lieu-mo/index.html"));
    assert!(talk.contains("<h1>Hội thảo dữ liệu mở</h1>"));
    assert!(
        talk.contains(r#"Thứ Sáu, <time datetime="2024-03-01">01/03/2024</time>"#),
        "{talk}"
    );
    assert!(talk.contains("Phần chi tiết chỉ có trong bài đầy đủ."));
    assert!(!talk.contains("more -->"), "the marker is not shown");
    assert!(talk.contains(r#"<a href="../../tin-tuc/the/hoi-thao/">Hội thảo</a>"#));
    // `[taxonomies] tags` make tag pages.
    let tag = main_of(&site.read_out("tin-tuc/the/du-lieu-mo/index.html"));
    assert!(tag.contains("Kế hoạch số hoá năm 2024") && tag.contains("Hội thảo dữ liệu mở"));
    // The list shows the summary cut at <!-- more -->, newest first.
    let list = main_of(&site.read_out("tin-tuc/index.html"));
    assert!(
        list.contains("<p>Đoạn mở đầu của bài hội thảo. Đoạn thứ hai vẫn thuộc tóm tắt.</p>"),
        "{list}"
    );
    assert!(!list.contains("Phần chi tiết"));
    assert!(list.find("Hội thảo dữ liệu mở").unwrap() < list.find("Kế hoạch số hoá").unwrap());
    let feed = site.read_out("tin-tuc/atom.xml");
    let doc = common::parse_xml(&feed);
    let summaries = child_texts(doc.root_element(), "summary");
    assert_eq!(
        summaries,
        [
            "Đoạn mở đầu của bài hội thảo. Đoạn thứ hai vẫn thuộc tóm tắt.",
            "Kế hoạch số hoá hồ sơ."
        ]
    );
    let ids = child_texts(doc.root_element(), "id");
    assert_eq!(
        ids[1..],
        [
            "https://zola.example.gov.vn/cds/tin-tuc/hoi-thao-du-lieu-mo/",
            "https://zola.example.gov.vn/cds/tin-tuc/ke-hoach-so-hoa-2024/"
        ]
    );
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: "https://zola.example.gov.vn/cds/",
            portable: false,
        },
    );
}

#[test]
fn body_images_and_links_resolve_against_static() {
    let site = Site::fixture("hugo-blog");
    let svg = std::fs::read(site.path("content/tin-tuc/hoi-thao-ai/cover.svg")).unwrap();
    site.write("static/images/posts/so-do.svg", &svg);
    site.write("static/files/ke-hoach.pdf", b"%PDF-1.4\n");
    site.write(
        "content/tin-tuc/anh-trong-bai.md",
        "---\ntitle: \"Ảnh trong thân bài\"\ndate: 2024-05-03T09:00:00+07:00\n---\n\n![Sơ đồ](/images/posts/so-do.svg)\n\nTải [kế hoạch](/files/ke-hoach.pdf).\n",
    );
    site.build_ok(&[]);
    let post = site.read_out("tin-tuc/anh-trong-bai/index.html");
    assert!(
        post.contains(r#"src="../../images/posts/so-do.svg""#),
        "{post}"
    );
    assert!(
        post.contains(r#"href="../../files/ke-hoach.pdf""#),
        "{post}"
    );
    assert!(site.out("images/posts/so-do.svg").is_file());
    // The fixture's cover on base_url's server is outside this build: check
    // relative links only.
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: "https://other.invalid/",
            portable: false,
        },
    );
}

#[test]
fn static_links_with_the_sites_sub_path_prefix_resolve() {
    let site = Site::fixture("hugo-blog");
    site.write(
        "minhbach.toml",
        "title = \"Blog\"\nunit = \"UBND xã Hugo\"\nbase_url = \"https://user.github.io/BlogName/\"\n",
    );
    let svg = std::fs::read(site.path("content/tin-tuc/hoi-thao-ai/cover.svg")).unwrap();
    site.write("static/images/a.svg", &svg);
    site.write(
        "content/tin-tuc/tien-to.md",
        "---\ntitle: \"Tiền tố\"\ndate: 2024-05-03T09:00:00+07:00\ncover:\n  image: \"/BlogName/images/a.svg\"\n---\n\n![Ảnh](/BlogName/images/a.svg)\n",
    );
    site.build_ok(&[]);
    let post = site.read_out("tin-tuc/tien-to/index.html");
    assert!(post.contains(r#"src="../../images/a.svg""#), "{post}");
}

#[test]
fn broken_static_link_hint_names_static_and_the_file_found_elsewhere() {
    let site = Site::fixture("hugo-blog");
    let svg = std::fs::read(site.path("content/tin-tuc/hoi-thao-ai/cover.svg")).unwrap();
    site.write("static/img/2024/so-do.svg", &svg);
    site.write(
        "content/tin-tuc/sai-duong-dan.md",
        "---\ntitle: \"Sai đường dẫn\"\ndate: 2024-05-03T09:00:00+07:00\n---\n\n![Sơ đồ](/images/so-do.svg)\n\n![Khác](/images/khong-co.svg)\n",
    );
    let run = site.build(&[]);
    run.assert_code(1).assert_stderr_has(&[
        "liên kết hỏng: không tìm thấy “/images/so-do.svg”",
        "có tệp cùng tên ở static/img/2024/so-do.svg; viết /img/2024/so-do.svg",
        "liên kết hỏng: không tìm thấy “/images/khong-co.svg”",
        "tính từ thư mục static/",
    ]);
}

#[test]
fn every_hugo_shortcode_in_a_post_is_reported_with_a_hugo_hint() {
    let site = Site::fixture("hugo-blog");
    site.write(
        "content/tin-tuc/video.md",
        "---\ntitle: \"Video\"\ndate: 2024-05-03T09:00:00+07:00\n---\n\nMở đầu.\n\n{{< youtube dQw4w9WgXcQ >}}\n\nGiữa.\n\n{{< figure src=\"/a.png\" caption=\"Ảnh\" >}}\n",
    );
    let run = site.build(&[]);
    run.assert_code(1).assert_stderr_has(&[
        "mã chèn “youtube” viết theo cú pháp của Hugo",
        "content/tin-tuc/video.md:8:1",
        "mã chèn “figure” viết theo cú pháp của Hugo",
        "content/tin-tuc/video.md:12:1",
        "minhbach import",
    ]);
    assert!(!run.stderr.contains("bieu_do"), "{}", run.stderr);
}

#[test]
fn a_theme_key_used_in_many_posts_gives_one_warning_for_the_site() {
    let site = Site::fixture("hugo-blog");
    for n in 1..=3 {
        site.write(
            &format!("content/tin-tuc/bai-{n}.md"),
            format!("---\ntitle: \"Bài {n}\"\ndate: 2024-05-0{n}\nhidemeta: true\nShowReadingTime: true\n---\n\nThân.\n"),
        );
    }
    let run = site.check(&[]);
    run.assert_ok();
    assert_eq!(
        run.stderr.matches("khoá “hidemeta”").count(),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("khoá “ShowReadingTime”").count(),
        1,
        "{}",
        run.stderr
    );
    run.assert_stderr_has(&[
        "khoá “hidemeta” không phải khoá chuẩn (có trong 3 tệp, đây là tệp đầu tiên)",
        "--> content/tin-tuc/bai-1.md:4:1",
    ]);
}

#[test]
fn image_paths_with_spaces_resolve_or_are_located() {
    let site = Site::fixture("hugo-blog");
    let svg = std::fs::read(site.path("content/tin-tuc/hoi-thao-ai/cover.svg")).unwrap();
    site.write("content/tin-tuc/lop-hoc/anh lop hoc.svg", &svg);
    site.write(
        "content/tin-tuc/lop-hoc/index.md",
        "---\ntitle: \"Lớp học\"\ndate: 2024-05-03\n---\n\nMở đầu.\n\n![Lớp học số](anh lop hoc.svg)\n",
    );
    site.build_ok(&[]);
    let post = site.read_out("tin-tuc/lop-hoc/index.html");
    assert!(
        post.contains(r#"<img src="../../tin-tuc/lop-hoc/anh-lop-hoc.svg" alt="Lớp học số""#),
        "{post}"
    );
    assert!(!post.contains("](anh"), "{post}");
    // A missing one is a broken link at its own line.
    site.write(
        "content/tin-tuc/lop-hoc/index.md",
        "---\ntitle: \"Lớp học\"\ndate: 2024-05-03\n---\n\nMở đầu.\n\n![Lớp học số](anh lop moi.svg)\n",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "liên kết hỏng: không tìm thấy “anh lop moi.svg”",
        "content/tin-tuc/lop-hoc/index.md:8:1",
    ]);
}

#[test]
fn check_warns_about_markdown_left_as_text() {
    let site = Site::fixture("hugo-blog");
    site.write(
        "content/tin-tuc/ngoac.md",
        "---\ntitle: \"Ngoặc\"\ndate: 2024-05-03\n---\n\nMở đầu.\n\nXem ![ảnh](anh [1].png) nhé.\n\nĐiều 3 [sửa đổi] (nếu có) và `[a](b c)`.\n",
    );
    let run = site.check(&[]);
    run.assert_ok().assert_stderr_has(&[
        "cảnh báo: đoạn văn có cú pháp ảnh/liên kết Markdown không đọc được",
        "content/tin-tuc/ngoac.md:8:1",
        "viết đường dẫn trong <…>",
    ]);
    assert_eq!(
        run.stderr.matches("không đọc được, sẽ hiện").count(),
        1,
        "{}",
        run.stderr
    );
}
