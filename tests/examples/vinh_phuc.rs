//! The Vĩnh Phúc example (seed 002): its figures and its test.

use crate::checks::{Expect, check_site};

/// Seed 002: Directive 23-CT/TU of the Vĩnh Phúc province Party Standing Committee (2022).
pub const VINH_PHUC: Expect = Expect {
    dir: "vi-du/vinh-phuc",
    // Four measurable aims of the directive; it reports no result.
    tiles: &[("0/4", "Chỉ tiêu đã đạt", "4 chỉ tiêu chưa có số liệu")],
    targets: &[
        ("VP-01", "nhóm 15 đứng đầu", "năm 2025"), // 002:53–55
        ("VP-02", "bằng 100 %", ""),               // 002:217–218 Mobile Money, no year
        ("VP-03", "tối thiểu 1 xã", ""),           // 002:79–82 one pilot commune per district
        ("VP-04", "Có", ""),                       // 002:93–97 community technology teams
    ],
    tasks: &[],
    indicators: &[],
    shows: &[
        ("", "hợp nhất vào tỉnh Phú Thọ"),
        ("van-ban/chi-thi-23-ct-tu/", "23-CT/TU"),
    ],
    foreign: &[
        "Sông Trí",
        "Hà Tĩnh",
        "Đông Sơn",
        "Thọ Xuân",
        "Thanh Hóa",
        "Châu Thành",
        "Bến Tre",
    ],
    illustrative_rows: 0,
};

#[test]
fn vinh_phuc_example_shows_only_its_directive() {
    check_site(&VINH_PHUC);
}
