//! The periodic reports (`bao-cao/`) of the examples, against the seeds.

use crate::built::{build, repo};
use crate::common::plain_text;

/// The periodic reports (`bao-cao/`) of the examples, figure by figure from
/// the seeds (vi-du/README.md, "Báo cáo định kỳ"): Sông Trí's year 2025 from
/// the measured results of Part I of 001 plus the officer's commentary, its
/// 2026 reports partial on the build date; Châu Thành's half-year and year
/// 2025 from the task deadlines of 004 (none reported done).
#[test]
fn example_reports_carry_the_seed_figures() {
    let st = build(repo());
    let y25 = plain_text(&st.page("bao-cao/nam-2025/"));
    for needle in [
        "Báo cáo kết quả chuyển đổi số năm 2025 của phường Sông Trí",
        "Số liệu tính đến hết ngày 31/12/2025.",
        "Trong kỳ không có chỉ tiêu đến hạn",
        "Chỉ số đo lường trong kỳ (22)",
        "Tỷ lệ dân số trưởng thành có điện thoại thông minh 99,2 % năm 2025", // 001:95
        "Tổ chuyển đổi số cộng đồng tại các tổ dân phố 27 tổ năm 2025",       // 001:46-47
        "Lượt dự thi Cuộc thi tìm hiểu Nghị quyết số 57-NQ/TW 203.324 lượt",  // 001:225-226
        "Chưa có số liệu kinh phí năm 2025.", // 001:234 is spending, not a budget line
        "Trong kỳ trang đăng 10 tin bài và 1 văn bản.",
        "V. Nhận xét, đánh giá",
        "2.665 triệu đồng", // the commentary, 001:234
    ] {
        assert!(
            y25.contains(needle),
            "Sông Trí 2025 report lacks {needle:?}"
        );
    }
    // No figure of it is illustrative (a news title may say "minh họa").
    let y25_html = st.page("bao-cao/nam-2025/");
    assert!(!y25_html.contains("badge-minh-hoa") && !y25.contains("Số liệu ghi “minh họa”"));
    // The commentary file is merged, not published on its own.
    assert!(!st.files.keys().any(|k| k.contains("nhan-xet")));
    // 2026 is not over on 25/11/2026: labelled partial, out of the feed.
    let y26 = plain_text(&st.page("bao-cao/nam-2026/"));
    assert!(y26.contains("năm 2026 của phường Sông Trí (tính đến ngày 25/11/2026)"));
    assert!(y26.contains("Trong kỳ có 17 chỉ tiêu đến hạn; 0 chỉ tiêu có số liệu kết quả"));
    let feed = &st.files["bao-cao/atom.xml"];
    assert!(feed.contains("bao-cao/nam-2025/") && !feed.contains("bao-cao/nam-2026/"));
    assert!(st.files["sitemap.xml"].contains("bao-cao/nam-2026/"));

    let ct = build(&repo().join("vi-du/chau-thanh"));
    let h1 = plain_text(&ct.page("bao-cao/6-thang-dau-nam-2025/"));
    for needle in [
        "Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2025 của huyện Châu Thành",
        "Kỳ báo cáo: từ ngày 01/01/2025 đến ngày 30/06/2025.",
        // 004:122 — two tasks due Quý I/2025, past their deadline from
        // 01/04/2025; no status was ever reported, so not "quá hạn" (0022).
        "tính đến hết ngày 30/06/2025, 0 nhiệm vụ quá hạn, 2 nhiệm vụ hết hạn chưa báo cáo",
        "Nhiệm vụ hết hạn chưa báo cáo (2)",
        "Quý I/2025 hết hạn 92 ngày, chưa báo cáo",
        "Trong kỳ không có chỉ tiêu đến hạn",
    ] {
        assert!(h1.contains(needle), "Châu Thành H1 2025 lacks {needle:?}");
    }
    let year = plain_text(&ct.page("bao-cao/nam-2025/"));
    for needle in [
        "Báo cáo kết quả chuyển đổi số năm 2025 của huyện Châu Thành",
        // 23 targets due 2025 (004:38-107), no result reported.
        "Trong kỳ có 23 chỉ tiêu đến hạn; 0 chỉ tiêu có số liệu kết quả",
        // 14 tasks past their deadline at the end of 2025 (004:122, 140, 157, 216, 236, 277)
        // and the quarterly report duty of 2025 (004:329–331), none reported.
        "tính đến hết ngày 31/12/2025, 0 nhiệm vụ quá hạn, 15 nhiệm vụ hết hạn chưa báo cáo",
        "Quý I/2025 hết hạn 276 ngày, chưa báo cáo",
        "30/11/2025 hết hạn 32 ngày, chưa báo cáo",
        "31/12/2025 hết hạn 1 ngày, chưa báo cáo",
    ] {
        assert!(year.contains(needle), "Châu Thành 2025 lacks {needle:?}");
    }
    assert_eq!(year.matches("31/12/2025 hết hạn 1 ngày").count(), 8);
    assert_eq!(year.matches("30/11/2025 hết hạn 32 ngày").count(), 4);
}
