//! The Thọ Xuân example (seed 003, the DTI index): its figures and its test.

use crate::checks::{Expect, check_site};

/// Seed 003: Plan 179/KH-UBND of Thọ Xuân district (2021), the DTI index.
pub const THO_XUAN: Expect = Expect {
    dir: "vi-du/tho-xuan",
    // The plan has no score for any year: no DTI tile, no score anywhere.
    tiles: &[],
    targets: &[],
    tasks: &[],
    indicators: &[],
    shows: &[
        ("chi-so-dti/", "I Chính quyền số – điểm: – / 160"), // 003:260
        ("chi-so-dti/", "II Kinh tế số – điểm: – / 75"),     // 003:453
        ("chi-so-dti/", "III Xã hội số – điểm: – / 35"),     // 003:594
        ("", "huyện Thọ Xuân không còn là đơn vị hành chính"),
        ("", "Văn bản không có điểm của huyện cho năm nào"),
    ],
    foreign: &[
        "Sông Trí",
        "Hà Tĩnh",
        "Đông Sơn",
        "Châu Thành",
        "Bến Tre",
        "Vĩnh Phúc",
    ],
    illustrative_rows: 0,
};

#[test]
fn tho_xuan_example_shows_only_its_dti_index() {
    check_site(&THO_XUAN);
}
