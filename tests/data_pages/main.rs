//! End-to-end tests of the data pages, one test binary:
//!
//! - `demo`: the data-rich demo site in `tests/fixtures/data-demo/` (its
//!   `minhbach.toml` and `content/`, data in `content/du-lieu/`) built with the
//!   binary, and a small site whose data has an error;
//! - `shortcodes`, `bulletins`, `more_pages`: the second round of data pages —
//!   Markdown chart shortcodes, weekly bulletins, unit and pillar pages, the
//!   data block of document pages, standalone chart embeds and `minhbach new
//!   dataset` — on the demo site or a one-target site;
//! - `whose`, `localities`: data that says whose it is, when it counts and
//!   whether it is real, on `tests/fixtures/nhieu-dia-phuong` (a fictional
//!   province with 14 communes, helpers in `province`) built on 25/11/2026.

#[path = "../common/mod.rs"]
mod common;

mod bulletins;
mod demo;
mod localities;
mod more_pages;
mod province;
mod shortcodes;
mod whose;

use std::path::Path;
use std::sync::OnceLock;

use common::{Site, copy_dir};

pub const BASE: &str = "http://localhost:8080/chuyen-doi-so/";

/// A copy of the data-rich demo site (`tests/fixtures/data-demo`) in a
/// temporary folder.
pub fn example_site() -> Site {
    copy_demo(Site::empty())
}

/// The demo site built once for this binary, shared by the tests that only
/// read its output (a test that edits or rebuilds takes `example_site()`).
pub fn built_demo() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = copy_demo(Site::kept("data_pages-demo"));
        site.build_ok(&[]);
        site
    })
}

fn copy_demo(site: Site) -> Site {
    // The data-rich demo frozen from the round-2 example (many kinds, many units);
    // the published example sites live at the repository root and in vi-du/.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data-demo");
    std::fs::create_dir_all(&site.root).unwrap();
    std::fs::copy(repo.join("minhbach.toml"), site.path("minhbach.toml")).unwrap();
    copy_dir(&repo.join("content"), &site.path("content"));
    site
}

/// A one-target, one-task site whose `extra` post body is written by the test.
pub fn small_site(post_body: &str) -> Site {
    let site = Site::empty();
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n",
    );
    site.write("content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n");
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/2026-11-02-bai.md",
        format!("+++\ntitle = \"Bài có biểu đồ\"\n+++\n\nĐoạn đầu.\n\n{post_body}\n"),
    );
    site.write(
        "content/du-lieu/chi-tieu.csv",
        "Mã,Trụ cột,Chỉ tiêu,Đơn vị tính,So sánh,Mục tiêu,Đơn vị chủ trì\n\
         CT-01,Chính quyền số,Tỷ lệ hồ sơ trực tuyến <b>toàn trình</b>,%,tối thiểu,80,Phòng Văn hóa\n",
    );
    site.write(
        "content/du-lieu/ket-qua.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nCT-01,Quý II/2026,70\nCT-01,Quý III/2026,85\n",
    );
    site.write(
        "content/du-lieu/nhiem-vu.csv",
        "Mã,Nhiệm vụ,Trụ cột,Đơn vị chủ trì,Thời hạn,Trạng thái,Ngày hoàn thành\n\
         NV-01,Số hóa hồ sơ,Chính quyền số,Phòng Văn hóa,30/09/2026,đang thực hiện,\n\
         NV-02,Mở lớp tập huấn,Chính quyền số,Phòng Văn hóa,31/12/2026,hoàn thành,04/11/2026\n\
         NV-03,Lắp wifi,Hạ tầng số,Văn phòng,20/11/2026,đang thực hiện,\n",
    );
    site
}
