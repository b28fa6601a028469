//! The Đông Sơn example (seed 000): its figures and its test.

use crate::checks::{Expect, check_site};

/// Seed 000: resolution of the Đông Sơn district Party Standing Committee, 2023–2025.
pub const DONG_SON: Expect = Expect {
    dir: "vi-du/dong-son",
    // 30 targets (000:70–153, 310, 314); the resolution reports no result.
    tiles: &[("0/30", "Chỉ tiêu đã đạt", "30 chỉ tiêu chưa có số liệu")],
    targets: &[
        ("DS-00", "nhóm 5 đứng đầu", "năm 2025"),  // 000:70–72
        ("DS-A01", "tối thiểu 100 %", "năm 2025"), // 000:78–79
        ("DS-A02", "tối thiểu 100 %", "năm 2025"), // 000:81–83
        ("DS-A03", "tối thiểu 100 %", "năm 2025"), // 000:85–86
        ("DS-A04", "tối thiểu 100 %", "năm 2025"), // 000:88–89
        ("DS-A05", "tối thiểu 40 %", "năm 2025"),  // 000:91–92
        ("DS-A06", "tối thiểu 90 %", "năm 2025"),  // 000:94–95
        ("DS-A07", "tối thiểu 80 %", "năm 2025"),  // 000:97
        ("DS-B01", "tối thiểu 15 %", "năm 2025"),  // 000:101
        ("DS-B02", "tối thiểu 5 %", "năm 2025"),   // 000:103
        ("DS-B03", "tối thiểu 10 %", "năm 2025"),  // 000:105
        ("DS-B04", "trên 80 %", "năm 2025"),       // 000:107–108
        ("DS-B05", "tối thiểu 100 %", "năm 2025"), // 000:110–111
        ("DS-B06", "tối thiểu 100 %", "năm 2025"), // 000:115–117
        ("DS-C01", "tối thiểu 90 %", "năm 2025"),  // 000:121 (hộ gia đình)
        ("DS-C02", "tối thiểu 100 %", "năm 2025"), // 000:121 (xã, thị trấn)
        ("DS-C03", "Có", "năm 2025"),              // 000:123 5G
        ("DS-C04", "Có", "năm 2025"),              // 000:125 điện thoại thông minh
        ("DS-C05", "trên 50 %", "năm 2025"),       // 000:125–126
        ("DS-C06", "tối thiểu 40 %", "năm 2025"),  // 000:126–127
        ("DS-C07", "tối thiểu 100 %", "năm 2025"), // 000:129
        ("DS-C08", "trên 50 %", "năm 2025"),       // 000:131–132
        ("DS-C09", "trên 90 %", "năm 2025"),       // 000:134–135
        ("DS-C10", "tối thiểu 100 %", "năm 2025"), // 000:137–138
        ("DS-C11", "trên 60 %", "năm 2025"),       // 000:140–141
        ("DS-C12", "tối thiểu 100 %", "năm 2025"), // 000:310
        ("DS-C13", "tối thiểu 100 %", "năm 2025"), // 000:314
        ("DS-D01", "tối thiểu 100 %", "năm 2025"), // 000:145–146
        ("DS-D02", "tối thiểu 100 %", "năm 2025"), // 000:148–149
        ("DS-D03", "tối thiểu 100 %", "năm 2025"), // 000:151–153
    ],
    tasks: &[],
    indicators: &[],
    shows: &[
        ("", "cấp huyện không còn"),
        ("", "tính đến ngày 25/11/2026"),
    ],
    foreign: &[
        "Sông Trí",
        "Hà Tĩnh",
        "Thọ Xuân",
        "Châu Thành",
        "Bến Tre",
        "Vĩnh Phúc",
    ],
    illustrative_rows: 0,
};

#[test]
fn dong_son_example_shows_only_its_resolution() {
    check_site(&DONG_SON);
}
