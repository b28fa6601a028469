//! The root example, phường Sông Trí (seed 001): its figures and its test.

use crate::checks::{Expect, check_site};

pub const SONG_TRI_FOREIGN: &[&str] = &[
    "Đông Sơn",
    "Thọ Xuân",
    "Châu Thành",
    "Vĩnh Phúc",
    "Bến Tre",
    "Thanh Hóa",
];

/// Seed 001 (Plan 1126/KH-UBND of phường Sông Trí, 14/11/2025).
pub const SONG_TRI: Expect = Expect {
    dir: "",
    tiles: &[
        // 17 targets (001:297–337), none with a 2026 result in any source.
        ("0/17", "Chỉ tiêu đã đạt", "17 chỉ tiêu chưa có số liệu"),
        // 11 tasks of section V (001:536–590); the plan gives no deadline.
        ("0", "Nhiệm vụ quá hạn", "trên tổng số 11 nhiệm vụ"),
        // 8 results of 2025 (001:98–175) shown as a checklist; the plan gives
        // no 02-KH/BCĐTW criterion or status, so every row is illustrative.
        ("7/8", "tiêu chí Xanh", "Vàng 1, Đỏ 0"),
    ],
    targets: &[
        ("ST26-01", "bằng 100 %", "năm 2026"),     // 001:297
        ("ST26-02", "bằng 100 %", "năm 2026"),     // 001:299–300
        ("ST26-03", "trên 80 %", "năm 2026"),      // 001:302–303
        ("ST26-04", "trên 65 %", "năm 2026"),      // 001:305
        ("ST26-05", "trên 90 %", "năm 2026"),      // 001:306
        ("ST26-06", "trên 70 %", "năm 2026"),      // 001:308–309 "lớn hơn 70%"
        ("ST26-07", "bằng 100 %", "năm 2026"),     // 001:311–312
        ("ST26-08", "trên 85 %", "năm 2026"),      // 001:314
        ("ST26-09", "trên 75 %", "năm 2026"),      // 001:316–317
        ("ST26-10", "bằng 100 %", "năm 2026"),     // 001:319–323
        ("ST26-11", "trên 95 %", "năm 2026"),      // 001:324
        ("ST26-12", "trên 90 %", "năm 2026"),      // 001:326–327
        ("ST26-13", "trên 95 %", "năm 2026"),      // 001:329–330
        ("ST26-14", "tối thiểu 95 %", "năm 2026"), // 001:332
        ("ST26-15", "tối thiểu 95 %", "năm 2026"), // 001:333
        ("ST26-16", "bằng 100 %", "năm 2026"),     // 001:335
        ("ST26-17", "trên 30 %", "năm 2026"),      // 001:337
    ],
    tasks: &[
        ("ST26-NV01", ""), // 001:539 Phòng Văn hóa - Xã hội
        ("ST26-NV02", ""), // 001:543
        ("ST26-NV03", ""), // 001:548
        ("ST26-NV04", ""), // 001:554 Văn phòng HĐND và UBND
        ("ST26-NV05", ""), // 001:559
        ("ST26-NV06", ""), // 001:565 Phòng Kinh tế, Hạ tầng và Đô thị
        ("ST26-NV07", ""), // 001:569
        ("ST26-NV08", ""), // 001:574 Trung tâm Phục vụ hành chính công
        ("ST26-NV09", ""), // 001:578
        ("ST26-NV10", ""), // 001:581 các cơ quan, đơn vị
        ("ST26-NV11", ""), // 001:585 Mặt trận Tổ quốc (đề nghị)
    ],
    // Part I of the plan: every result of 2025, measured, with no target.
    indicators: &[
        (
            "Tỷ lệ phủ sóng di động 4G trên địa bàn khu dân cư",
            "2025",
            "100",
        ), // 001:94–95
        (
            "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
            "2025",
            "99.2",
        ), // 001:95
        (
            "Tỷ lệ hộ gia đình có kết nối Internet băng rộng hoặc cáp quang",
            "2025",
            "99.8",
        ), // 001:95–96
        (
            "Hệ thống mạng truyền số liệu chuyên dùng tại UBND phường",
            "2025",
            "có",
        ), // 001:98
        (
            "Phòng họp hội nghị trực tuyến kết nối hai chiều từ Trung ương đến địa phương",
            "2025",
            "3",
        ), // 001:109–110
        (
            "Lớp tập huấn về chuyển đổi số cho cán bộ và các Tổ chuyển đổi số",
            "2025",
            "5",
        ), // 001:115
        (
            "Cán bộ, công chức, viên chức, người lao động đăng ký học chuyển đổi số trên hatinh.mobiedu.vn và nền tảng Bình dân học vụ số",
            "2025",
            "100",
        ), // 001:120–122
        (
            "Hồ sơ thủ tục hành chính, hồ sơ công việc điện tử được số hóa",
            "2025",
            "100",
        ), // 001:137
        (
            "Hồ sơ an toàn hệ thống thông tin cấp độ 2 đã xây dựng, trình Công an tỉnh thẩm định, phê duyệt",
            "2025",
            "có",
        ), // 001:147–148
        (
            "Máy tính tại cơ quan Đảng, chính quyền và Mặt trận Tổ quốc phường cài phần mềm phòng chống mã độc quản trị tập trung",
            "2025",
            "100",
        ), // 001:144–145
        (
            "Văn bản đi, đến (trừ văn bản mật) lưu trữ, xử lý trên phần mềm Hồ sơ công việc",
            "2025",
            "100",
        ), // 001:166–168
        (
            "Văn bản được ký số khi gửi đi trên môi trường mạng",
            "2025",
            "100",
        ), // 001:169
        ("Tỷ lệ hồ sơ dịch vụ công trực tuyến", "2025", "100"), // 001:172
        (
            "Hồ sơ thủ tục hành chính được số hóa và tái sử dụng",
            "2025",
            "100",
        ), // 001:172–173
        ("Tỷ lệ thanh toán phí, lệ phí", "2025", "100"),        // 001:173
        (
            "Tỷ lệ cập nhật, công khai minh bạch thông tin lên Trang thông tin điện tử phường",
            "2025",
            "100",
        ), // 001:174–175
        ("Doanh nghiệp sử dụng hóa đơn điện tử", "2025", "100"), // 001:186–187
        (
            "Hộ gia đình thanh toán tiền điện, tiền nước không dùng tiền mặt",
            "2025",
            "100",
        ), // 001:190–191
        (
            "Trường học triển khai sổ liên lạc điện tử, phần mềm quản lý học sinh, phổ cập giáo dục",
            "2025",
            "100",
        ), // 001:197–198
        (
            "Tổ chuyển đổi số cộng đồng tại các tổ dân phố",
            "2025",
            "27",
        ), // 001:47
        (
            "Lượt dự thi Cuộc thi tìm hiểu Nghị quyết số 57-NQ/TW",
            "2025",
            "203324",
        ), // 001:225–226
        (
            "Tổng kinh phí chi cho hoạt động chuyển đổi số",
            "2025",
            "2665",
        ), // 001:234
    ],
    shows: &[
        // Results of 2025, Part I of the plan, each with its label.
        (
            "ket-qua-nam-2025/",
            "Tỷ lệ phủ sóng di động 4G trên địa bàn khu dân cư 100 %",
        ), // 001:94–95
        (
            "ket-qua-nam-2025/",
            "Tỷ lệ dân số trưởng thành có điện thoại thông minh 99,2 %",
        ), // 001:95
        (
            "ket-qua-nam-2025/",
            "Internet băng rộng hoặc cáp quang 99,8 %",
        ), // 001:96
        (
            "ket-qua-nam-2025/",
            "mạng truyền số liệu chuyên dùng tại UBND phường đã triển khai",
        ), // 001:98
        (
            "ket-qua-nam-2025/",
            "Hồ sơ an toàn hệ thống thông tin cấp độ 2 đã xây dựng, trình Công an tỉnh thẩm định, phê duyệt",
        ), // 001:147–148
        ("ket-qua-nam-2025/", "hai chiều 03 phòng"), // 001:109–110
        ("ket-qua-nam-2025/", "01 / 01 / 05 / 09 / 08 / 06"), // 001:105–107
        ("ket-qua-nam-2025/", "Tổ chuyển đổi số 05 lớp"), // 001:115
        ("ket-qua-nam-2025/", "tại các tổ dân phố 27 tổ"), // 001:46–47
        ("ket-qua-nam-2025/", "02 giải cá nhân) 203.324 lượt"), // 001:225–226
        (
            "ket-qua-nam-2025/",
            "Tổng kinh phí chi cho hoạt động chuyển đổi số 2.665 triệu đồng",
        ), // 001:234
        ("ket-qua-nam-2025/", "không tính tỷ lệ giải ngân"),
        ("", "tính đến ngày 25/11/2026"),
        // The same results as measured indicators, never judged.
        (
            "chi-so/",
            "không có mục tiêu nên không đánh giá đạt hay chưa đạt",
        ),
        (
            "chi-so/",
            "Tỷ lệ dân số trưởng thành có điện thoại thông minh năm 2025 Đơn vị Giá trị Nguồn UBND phường Sông Trí 99,2 %",
        ),
        (
            "chi-so/",
            "mạng truyền số liệu chuyên dùng tại UBND phường năm 2025 Đơn vị Giá trị Nguồn UBND phường Sông Trí Có",
        ),
        // 001:147–148: submitted for approval, not yet approved → not done, no deadline → Vàng.
        (
            "tieu-chi/",
            "ST-TC05 Hệ thống thông tin được phê duyệt an toàn thông tin cấp độ 2 (đã xây dựng, trình Công an tỉnh thẩm định) ▲ Vàng minh họa",
        ),
        ("tieu-chi/", "Tổng hợp: 7/8 tiêu chí Xanh (minh họa)"),
    ],
    foreign: SONG_TRI_FOREIGN,
    illustrative_rows: 8,
};

#[test]
fn root_example_song_tri_shows_only_plan_1126() {
    check_site(&SONG_TRI);
}
