//! Writes one SVG per chart kind (plus a few edge cases) and a `page.html`
//! that shows them with their tables, for a visual check in a browser:
//!
//! ```sh
//! cargo run --example charts_preview -- /tmp/charts-preview
//! chromium --headless --screenshot=/tmp/x.png --window-size=375,4000 \
//!     file:///tmp/charts-preview/page.html
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;

use minhbach::charts::{
    BudgetBars, BudgetRow, CHART_CSS, Chart, CommuneComparison, CommuneValue, Comparison, DtiRow,
    DtiScale, DtiScores, HistoryLine, HistoryPoint, MoneyUnit, PillarCounts, PillarSummary,
    TargetItem, TargetProgress, TaskCounts, TaskGroup, TaskStates, budget_bars, commune_comparison,
    dti_scores, history_line, pillar_summary, target_progress, task_states,
};
use minhbach::text::escape::html;

fn target(label: &str, value: Option<f64>, target: f64, unit: &str) -> TargetItem {
    TargetItem {
        label: label.into(),
        value,
        target,
        unit: unit.into(),
        ..TargetItem::default()
    }
}

fn charts() -> Vec<Chart> {
    let progress = target_progress(&TargetProgress {
        id: "chi-tieu".into(),
        title: "Kết quả thực hiện chỉ tiêu chuyển đổi số năm 2025".into(),
        items: vec![
            target(
                "Tỷ lệ phủ sóng 4G trên địa bàn phường",
                Some(100.0),
                100.0,
                "%",
            ),
            target(
                "Tỷ lệ người dân trưởng thành có điện thoại thông minh",
                Some(99.2),
                100.0,
                "%",
            ),
            target(
                "Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng trên toàn địa bàn \
                 phường, kể cả các tổ dân phố vùng ven và khu dân cư mới",
                Some(99.8),
                95.0,
                "%",
            ),
            target(
                "Số lớp tập huấn kỹ năng số cho người dân",
                Some(5.0),
                6.0,
                "lớp",
            ),
            target("Số tổ công nghệ số cộng đồng", Some(27.0), 27.0, "tổ"),
            target("Tỷ lệ hồ sơ trực tuyến toàn trình", None, 80.0, "%"),
            TargetItem {
                comparison: Comparison::Rank,
                ..target("Xếp hạng DTI trong tỉnh", Some(7.0), 5.0, "")
            },
            TargetItem {
                comparison: Comparison::YesNo,
                ..target("Phủ sóng 5G tại trung tâm phường", Some(1.0), 1.0, "")
            },
            TargetItem {
                comparison: Comparison::AtMost,
                ..target(
                    "Thời gian trả lời phản ánh, kiến nghị",
                    Some(36.0),
                    48.0,
                    "giờ",
                )
            },
        ],
        ..Default::default()
    });
    let quarters = [
        ("Quý I/2025", Some(62.0)),
        ("Quý II/2025", Some(70.5)),
        ("Quý III/2025", None),
        ("Quý IV/2025", Some(88.25)),
        ("Quý I/2026", Some(95.5)),
    ];
    let history = history_line(&HistoryLine {
        id: "lich-su".into(),
        title: "Tỷ lệ hồ sơ trực tuyến theo quý".into(),
        unit: "%".into(),
        target: Some(100.0),
        points: quarters
            .iter()
            .map(|(p, v)| HistoryPoint {
                period: (*p).into(),
                value: *v,
            })
            .collect(),
        ..Default::default()
    });
    let history_many = history_line(&HistoryLine {
        id: "lich-su-thang".into(),
        title: "Số hồ sơ trực tuyến theo tháng".into(),
        unit: "hồ sơ".into(),
        target: Some(1500.0),
        points: (0..36)
            .map(|i| HistoryPoint {
                period: format!("Tháng {}/{}", i % 12 + 1, 2023 + i / 12),
                value: Some(400.0 + f64::from(i) * 35.0 + f64::from(i % 5) * 60.0),
            })
            .collect(),
        ..Default::default()
    });
    let pillars = pillar_summary(&PillarSummary {
        id: "tru-cot".into(),
        title: "Chỉ tiêu năm 2025 theo trụ cột".into(),
        pillars: vec![
            PillarCounts {
                label: "Chính quyền số".into(),
                met: 6,
                not_met: 2,
                no_data: 1,
            },
            PillarCounts {
                label: "Kinh tế số".into(),
                met: 2,
                not_met: 3,
                no_data: 0,
            },
            PillarCounts {
                label: "Xã hội số".into(),
                met: 4,
                not_met: 0,
                no_data: 2,
            },
            PillarCounts {
                label: "Hạ tầng số".into(),
                met: 3,
                not_met: 0,
                no_data: 0,
            },
        ],
        ..Default::default()
    });
    let counts = |done, in_progress, overdue, late| TaskCounts {
        done,
        in_progress,
        overdue,
        done_late: late,
        not_started: 1,
        paused: u32::from(overdue > 1),
        not_reported: 0,
        due_unreported: 0,
    };
    let tasks_one = task_states(&TaskStates {
        words: Default::default(),
        id: "nhiem-vu".into(),
        title: "Nhiệm vụ năm 2025 theo trạng thái".into(),
        groups: vec![TaskGroup {
            label: String::new(),
            counts: counts(12, 5, 2, 3),
        }],
    });
    let tasks = task_states(&TaskStates {
        words: Default::default(),
        id: "nhiem-vu-don-vi".into(),
        title: "Nhiệm vụ theo đơn vị chủ trì".into(),
        groups: vec![
            TaskGroup {
                label: "Văn phòng HĐND và UBND".into(),
                counts: counts(5, 2, 1, 1),
            },
            TaskGroup {
                label: "Phòng Văn hóa - Xã hội".into(),
                counts: counts(4, 3, 2, 0),
            },
            TaskGroup {
                label: "Trung tâm Phục vụ hành chính công".into(),
                counts: counts(3, 1, 0, 2),
            },
            TaskGroup {
                label: "Công an phường".into(),
                counts: counts(2, 0, 0, 0),
            },
        ],
    });
    let budget = budget_bars(&BudgetBars {
        words: Default::default(),
        id: "kinh-phi".into(),
        title: "Kinh phí chuyển đổi số".into(),
        unit: MoneyUnit::Auto,
        rows: vec![
            BudgetRow {
                label: "2024".into(),
                planned: Some(2_000_000_000.0),
                disbursed: Some(1_552_020_000.0),
            },
            BudgetRow {
                label: "2025".into(),
                planned: Some(3_000_000_000.0),
                disbursed: Some(2_665_000_000.0),
            },
            BudgetRow {
                label: "2026".into(),
                planned: Some(3_500_000_000.0),
                disbursed: None,
            },
        ],
    });
    let dti = dti_scores(&DtiScores {
        words: Default::default(),
        id: "dti".into(),
        title: "Điểm DTI năm 2025 theo trụ cột".into(),
        scale: DtiScale::Points,
        previous_label: "Năm 2024".into(),
        rows: vec![
            DtiRow {
                label: "Chính quyền số".into(),
                score: Some(120.5),
                max: 160.0,
                previous: Some(110.25),
            },
            DtiRow {
                label: "Kinh tế số".into(),
                score: Some(40.0),
                max: 75.0,
                previous: Some(45.0),
            },
            DtiRow {
                label: "Xã hội số".into(),
                score: Some(28.75),
                max: 35.0,
                previous: None,
            },
        ],
    });
    let dti_index = dti_scores(&DtiScores {
        words: Default::default(),
        id: "dti-chi-so".into(),
        title: "Chỉ số DTI năm 2025 (chuẩn hóa)".into(),
        scale: DtiScale::Index,
        previous_label: String::new(),
        rows: vec![
            DtiRow {
                label: "DTI".into(),
                score: Some(0.8241),
                max: 1.0,
                previous: Some(0.8002),
            },
            DtiRow {
                label: "Chính quyền số".into(),
                score: Some(0.9012),
                max: 1.0,
                previous: Some(0.85),
            },
            DtiRow {
                label: "Kinh tế số".into(),
                score: Some(0.5333),
                max: 1.0,
                previous: None,
            },
            DtiRow {
                label: "Xã hội số".into(),
                score: None,
                max: 1.0,
                previous: Some(0.61),
            },
        ],
    });
    let names = [
        "Phường Sông Trí",
        "Xã Kỳ Hoa",
        "Phường Hoành Sơn",
        "Xã Kỳ Lạc",
        "Xã Đông Hòa",
        "Xã Ân Thi",
        "Phường Kỳ Anh",
        "Xã Kỳ Xuân và các thôn vùng bãi ngang ven biển",
        "Xã Bình Minh",
    ];
    let values = [
        Some(91.25),
        Some(72.5),
        Some(85.0),
        None,
        Some(72.5),
        Some(64.0),
        Some(99.0),
        Some(78.0),
        Some(0.0),
    ];
    let communes = commune_comparison(&CommuneComparison {
        words: Default::default(),
        id: "so-sanh".into(),
        title: "Tỷ lệ hồ sơ trực tuyến theo xã, phường năm 2025".into(),
        unit: "%".into(),
        target: Some(80.0),
        comparison: Comparison::AtLeast,
        highlight: Some("Phường Sông Trí".into()),
        rows: names
            .iter()
            .zip(values)
            .map(|(n, v)| CommuneValue {
                name: (*n).into(),
                value: v,
            })
            .collect(),
    });
    let hostile = commune_comparison(&CommuneComparison {
        id: "nguy-hiem".into(),
        title: "Nhãn nguy hiểm <script>alert(1)</script> & \"x\"".into(),
        unit: "%".into(),
        target: Some(50.0),
        rows: vec![
            CommuneValue {
                name: "<script>alert(1)</script>".into(),
                value: Some(40.0),
            },
            CommuneValue {
                name: "A & B \"quote\" 'apos'".into(),
                value: Some(-12.5),
            },
            CommuneValue {
                name: "Xã tỷ đồng".into(),
                value: Some(3e9),
            },
        ],
        ..CommuneComparison::default()
    });
    let many = commune_comparison(&CommuneComparison {
        id: "so-sanh-50".into(),
        title: "50 xã, phường".into(),
        unit: "%".into(),
        target: Some(70.0),
        rows: (0..50)
            .map(|i| CommuneValue {
                name: format!(
                    "{} {}",
                    if i % 3 == 0 { "Phường" } else { "Xã" },
                    names[i % 9]
                ),
                value: if i % 11 == 5 {
                    None
                } else {
                    Some(f64::from((i * 37 % 100) as u32))
                },
            })
            .collect(),
        ..CommuneComparison::default()
    });
    let odd = target_progress(&TargetProgress {
        id: "gia-tri-la".into(),
        title: "Giá trị lạ: rất lớn, âm, bằng không".into(),
        items: vec![
            target(
                "Vốn đầu tư hạ tầng số",
                Some(1_552_020_000_000.0),
                2e12,
                "đồng",
            ),
            target(
                "Tăng trưởng doanh thu thương mại điện tử",
                Some(-12.5),
                10.0,
                "%",
            ),
            target("Số sự cố an toàn thông tin", Some(0.0), 0.0, "sự cố"),
            target("NaN", Some(f64::NAN), 5.0, ""),
        ],
        ..Default::default()
    });
    let empty = budget_bars(&BudgetBars {
        id: "trong".into(),
        title: "Biểu đồ không có số liệu".into(),
        ..BudgetBars::default()
    });
    vec![
        progress,
        history,
        history_many,
        pillars,
        tasks_one,
        tasks,
        budget,
        dti,
        dti_index,
        communes,
        hostile,
        many,
        odd,
        empty,
    ]
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/charts-preview".into()),
    );
    std::fs::create_dir_all(&dir).expect("create the output folder");
    let mut page = format!(
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Xem thử biểu đồ</title><style>body{{font-family:sans-serif;margin:1rem;\
         max-width:48rem}} figure{{margin:0 0 2rem}} {CHART_CSS}</style>\n"
    );
    for chart in charts() {
        let file = dir.join(format!("{}.svg", chart.id));
        std::fs::write(&file, &chart.svg).expect("write the SVG");
        println!("{:>6} B  {}", chart.svg.len(), file.display());
        let _ = writeln!(
            page,
            "<figure><h2>{}</h2>{}<figcaption>{}</figcaption>\
             <details open><summary>Bảng số liệu</summary>{}</details></figure>",
            html(&chart.title),
            chart.svg,
            html(&chart.desc),
            chart.table_html
        );
    }
    page.push_str("</html>\n");
    std::fs::write(dir.join("page.html"), page).expect("write page.html");
}
