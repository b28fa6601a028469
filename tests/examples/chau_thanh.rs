//! The Châu Thành example (seed 004, a task plan): its figures, its test and
//! its task deadlines day by day.

use crate::built::{build_at, repo, tiles};
use crate::checks::{Expect, check_site};

/// Seed 004: Châu Thành district (Bến Tre) task plan for 2025.
pub const CHAU_THANH: Expect = Expect {
    dir: "vi-du/chau-thanh",
    tiles: &[
        // 23 targets of section II.2 (004:38–107); no result in any source.
        ("0/23", "Chỉ tiêu đã đạt", "23 chỉ tiêu chưa có số liệu"),
        // 22 tasks; the 14 with a deadline (Quý I/2025 ×2, 30/11/2025 ×4,
        // 31/12/2025 ×8) are past it on 25/11/2026, and no source reports
        // their status: "hết hạn chưa báo cáo", never "quá hạn" (decision 0022);
        // so is the quarterly report (004:329–331), whose four quarters of
        // 2025 have no report in any source.
        (
            "0",
            "Nhiệm vụ quá hạn",
            "trên tổng số 22 nhiệm vụ; 15 nhiệm vụ hết hạn chưa báo cáo",
        ),
        // The plan's total (004:284–285); it reports no disbursement.
        (
            "chưa có số liệu",
            "Tỷ lệ giải ngân kinh phí năm 2025",
            "kế hoạch 1.552.020.000 đồng; đã giải ngân: chưa có số liệu",
        ),
    ],
    targets: &[
        ("CT-A01", "bằng 100 %", "năm 2025"),     // 004:41–43
        ("CT-A02", "Có", "năm 2025"),             // 004:43 IOC
        ("CT-A03", "bằng 100 %", "năm 2025"),     // 004:47–48 văn bản điện tử
        ("CT-A04", "bằng 100 %", "năm 2025"),     // 004:50–52
        ("CT-A05", "bằng 100 %", "năm 2025"),     // 004:54–55
        ("CT-A06", "bằng 100 %", "năm 2025"),     // 004:57–58
        ("CT-A07", "bằng 100 %", "năm 2025"),     // 004:60–63
        ("CT-A08", "tối thiểu 90 %", "năm 2025"), // 004:65
        ("CT-A09", "tối thiểu 90 %", "năm 2025"), // 004:67 hồ sơ công việc cấp huyện
        ("CT-A10", "tối thiểu 80 %", "năm 2025"), // 004:67 cấp xã
        ("CT-A11", "bằng 100 %", "năm 2025"),     // 004:70–71
        ("CT-A12", "Có", "năm 2025"),             // 004:73 thí điểm Hữu Định, Phú Túc
        ("CT-B01", "tối thiểu 80 %", "năm 2025"), // 004:76–77
        ("CT-B02", "tối thiểu 60 %", "năm 2025"), // 004:79 SME trên nền tảng số
        ("CT-B03", "tối thiểu 65 %", "năm 2025"), // 004:81–82
        ("CT-C01", "tối thiểu 50 %", "năm 2025"), // 004:86–87
        ("CT-C02", "tối thiểu 60 %", "năm 2025"), // 004:89–90
        ("CT-C03", "bằng 100 %", "năm 2025"),     // 004:92–93
        ("CT-C04", "bằng 100 %", "năm 2025"),     // 004:93–94
        ("CT-C05", "bằng 100 %", "năm 2025"),     // 004:96–97
        ("CT-C06", "bằng 100 %", "năm 2025"),     // 004:99 học bạ số
        ("CT-C07", "bằng 100 %", "năm 2025"),     // 004:101–102
        ("CT-C08", "bằng 100 %", "năm 2025"),     // 004:106–107
    ],
    tasks: &[
        ("CT25-01", "2025-Q1"),    // 004:114, deadline 004:122
        ("CT25-02", "2025-Q1"),    // 004:119
        ("CT25-03", "2025-11-30"), // 004:125, deadline 004:140
        ("CT25-04", "2025-11-30"), // 004:135
        ("CT25-05", "2025-11-30"), // 004:143, deadline 004:157
        ("CT25-06", "2025-11-30"), // 004:152
        ("CT25-07", ""),           // 004:163 (section 5: no deadline)
        ("CT25-08", ""),           // 004:169
        ("CT25-09", ""),           // 004:175 (section 6: no deadline)
        ("CT25-10", ""),           // 004:180
        ("CT25-11", ""),           // 004:188
        ("CT25-12", "2025-12-31"), // 004:198, deadline 004:216
        ("CT25-13", "2025-12-31"), // 004:206
        ("CT25-14", "2025-12-31"), // 004:218, deadline 004:236
        ("CT25-15", "2025-12-31"), // 004:223
        ("CT25-16", "2025-12-31"), // 004:228
        ("CT25-17", "2025-12-31"), // 004:241, deadline 004:277
        ("CT25-18", "2025-12-31"), // 004:247
        ("CT25-19", "2025-12-31"), // 004:260
        ("CT25-20", ""),           // 004:297–306 (section VI)
        ("CT25-21", ""),           // 004:308
        ("CT25-22", "2025"),       // 004:329–331 quarterly, the 2025 plan
    ],
    indicators: &[],
    shows: &[
        ("", "tổng kinh phí thực hiện kế hoạch là 1.552.020.000 đồng"), // 004:284–285
        (
            "kinh-phi/",
            "tổng kinh phí kế hoạch 1.552.020.000 đồng, đã giải ngân: chưa có số liệu",
        ), // 004:284–285
        ("", "tỷ lệ giải ngân là “chưa có số liệu”"),
        ("", "cấp huyện không còn"),
        ("", "nghĩa là không có báo cáo"),
        // 004:329: quarterly reports "trước ngày 15 của tháng cuối quý".
        (
            "nhiem-vu/",
            "Lặp lại: trước ngày 15 của tháng cuối quý Chưa báo cáo: Quý I/2025 (hạn 14/03/2025, quá 621 ngày)",
        ),
    ],
    foreign: &[
        "Sông Trí",
        "Hà Tĩnh",
        "Đông Sơn",
        "Thọ Xuân",
        "Thanh Hóa",
        "Vĩnh Phúc",
    ],
    illustrative_rows: 0,
};

#[test]
fn chau_thanh_example_shows_only_its_2025_plan() {
    check_site(&CHAU_THANH);
}

/// Seed 004's deadlines at their boundaries: a task passes its deadline only
/// from the day after (Quý I/2025 → 31/03/2025; 004:122, 140, 157, 216, 236,
/// 277). The plan reports no status, so a passed task is "hết hạn chưa báo
/// cáo" — listed and counted on the dashboard — and never "quá hạn".
#[test]
fn chau_thanh_deadlines_pass_day_by_day_without_inventing_overdue() {
    let root = repo().join("vi-du/chau-thanh");
    for (date, unreported) in [
        // CT25-22 reports "trước ngày 15 của tháng cuối quý" (004:329): the
        // first quarter is due on 14/03/2025 and passed from 15/03/2025.
        ("2025-03-14", 0),
        ("2025-03-15", 1),
        ("2025-03-31", 1),  // last day of Quý I/2025
        ("2025-04-01", 3),  // the two tasks of section III.1
        ("2025-11-30", 3),  // deadline day of sections III.2–3
        ("2025-12-01", 7),  // + four tasks
        ("2025-12-31", 7),  // deadline day of sections III.7–9
        ("2026-01-01", 15), // + eight tasks
    ] {
        let site = build_at(&root, date);
        let tiles = tiles(&site.page(""));
        let tile = tiles.iter().find(|t| t.1 == "Nhiệm vụ quá hạn").unwrap();
        assert_eq!(tile.0, "0", "overdue tasks on {date}");
        let note = if unreported == 0 {
            "trên tổng số 22 nhiệm vụ".to_owned()
        } else {
            format!("trên tổng số 22 nhiệm vụ; {unreported} nhiệm vụ hết hạn chưa báo cáo")
        };
        assert_eq!(tile.2, note, "on {date}");
        // The list groups them under their own heading, the chart's table
        // counts them, the open data writes the same words.
        let list = site.page("nhiem-vu/");
        assert_eq!(
            list.contains("id=\"het-han-chua-bao-cao\""),
            unreported > 0,
            "nhiem-vu/ on {date}"
        );
        assert!(
            !list.contains("id=\"qua-han\""),
            "no overdue group on {date}"
        );
        let csv = &site.files["du-lieu/nhiem-vu.csv"];
        assert_eq!(
            csv.matches("Hết hạn chưa báo cáo").count(),
            unreported,
            "open data on {date}"
        );
    }
}
