//! The fixed wording of the periodic reports (`bao-cao/`, written by
//! `render::data::report`): titles, summaries, section titles, lead
//! sentences, verdicts and task details, Vietnamese by default. Like every
//! chart key, each has its English in the theme's `i18n/en.toml`, so an
//! English site's reports speak English.

/// Every report key with its Vietnamese wording.
pub(super) const REPORT: &[(&str, &str)] = &[
    ("chart_rep_title", "Báo cáo kết quả chuyển đổi số {period}"),
    (
        "chart_rep_title_unit",
        "Báo cáo kết quả chuyển đổi số {period} của {unit}",
    ),
    ("chart_rep_as_of", "{title} (tính đến ngày {date})"),
    (
        "chart_rep_sum_targets_no_data",
        "{n} chỉ tiêu, chưa có số liệu kết quả",
    ),
    (
        "chart_rep_sum_targets",
        "{met} chỉ tiêu đạt trên {measured} chỉ tiêu có số liệu",
    ),
    ("chart_rep_sum_indicators", "{n} chỉ số đo lường"),
    (
        "chart_rep_sum_tasks",
        "{done} nhiệm vụ hoàn thành, {overdue} quá hạn",
    ),
    (
        "chart_rep_sum_unreported",
        "{n} nhiệm vụ hết hạn chưa báo cáo",
    ),
    ("chart_rep_sum_budget", "kế hoạch kinh phí năm {amount}"),
    ("chart_rep_sum_from_to", "Từ {from} đến {to}"),
    (
        "chart_rep_sum_open",
        "Kỳ chưa kết thúc, số liệu tính đến ngày {date}",
    ),
    ("chart_rep_targets", "Kết quả thực hiện các chỉ tiêu"),
    (
        "chart_rep_targets_none",
        "Trong kỳ không có chỉ tiêu đến hạn và chưa có số liệu kết quả của chỉ tiêu nào.",
    ),
    (
        "chart_rep_targets_lead",
        "Trong kỳ có {due} chỉ tiêu đến hạn; {measured} chỉ tiêu có số liệu kết quả, trong đó {met} chỉ tiêu đạt mục tiêu.",
    ),
    (
        "chart_rep_targets_no_data",
        "{n} chỉ tiêu chưa có số liệu kết quả trong kỳ.",
    ),
    ("chart_rep_not_met_yet", "Chưa đạt (chưa đến hạn)"),
    ("chart_rep_not_comparable", "Không so sánh được"),
    ("chart_rep_units_met", "{met}/{n} địa phương có số liệu đạt"),
    (
        "chart_rep_chart_targets",
        "Kết quả so với mục tiêu, {period}",
    ),
    ("chart_rep_budget", "Kinh phí thực hiện"),
    (
        "chart_rep_budget_none",
        "Chưa có số liệu kinh phí năm {year}.",
    ),
    (
        "chart_rep_budget_yearly",
        "Kinh phí được ghi theo năm, chưa tách theo kỳ báo cáo: số liệu dưới đây là của cả năm {year}.",
    ),
    ("chart_rep_planned_year", "Kế hoạch kinh phí năm {year}"),
    (
        "chart_rep_disbursed_partly",
        "{amount}{mark} (chưa có số liệu của {unknown} trên {lines} khoản)",
    ),
    (
        "chart_rep_rate_unknown",
        "chưa tính được (thiếu số liệu giải ngân)",
    ),
    ("chart_rep_dti", "Chỉ số chuyển đổi số (DTI)"),
    (
        "chart_rep_dti_yearly",
        "Chỉ số DTI được chấm theo năm: xem báo cáo năm {year}.",
    ),
    ("chart_rep_dti_none", "Chưa có điểm DTI năm {year}."),
    ("chart_rep_dti_total", "Tổng điểm năm {year}{whose}"),
    ("chart_rep_dti_whose", " của {unit}"),
    ("chart_rep_dti_source", "Nguồn điểm"),
    ("chart_rep_dti_official", "điểm chính thức"),
    ("chart_rep_dti_self", "có điểm tự đánh giá"),
    ("chart_rep_news", "Thông tin, văn bản trong kỳ"),
    (
        "chart_rep_news_none",
        "Trong kỳ trang không đăng tin bài hay văn bản nào.",
    ),
    (
        "chart_rep_news_lead",
        "Trong kỳ trang đăng {posts} tin bài và {documents} văn bản.",
    ),
    ("chart_rep_localities", "Kết quả theo địa phương"),
    (
        "chart_rep_localities_lead",
        "Mỗi dòng là số liệu riêng của một đơn vị; dòng cuối là tổng hợp chung của tất cả các dòng. Chỉ tiêu: số kết quả đạt trên số kết quả có trong kỳ.",
    ),
    (
        "chart_rep_overdue_unreported",
        "{n} (và {m} hết hạn chưa báo cáo)",
    ),
    ("chart_rep_combined", "Tổng hợp chung"),
    ("chart_rep_commentary", "Nhận xét, đánh giá"),
    ("chart_rep_tasks", "Tình hình thực hiện nhiệm vụ"),
    ("chart_rep_completed_on", "hoàn thành ngày {date}"),
    ("chart_rep_overdue_days", "quá hạn {n} ngày"),
    (
        "chart_rep_unreported_days",
        "hết hạn {n} ngày, chưa báo cáo",
    ),
    ("chart_rep_not_due", "chưa đến hạn"),
    (
        "chart_rep_done_undated",
        "báo cáo hoàn thành, không ghi ngày",
    ),
    ("chart_rep_until_end", "hết ngày {date}"),
    ("chart_rep_until", "ngày {date}"),
    (
        "chart_rep_tasks_none",
        "Trong kỳ không có nhiệm vụ đến hạn, hoàn thành hay quá hạn (chưa có số liệu).",
    ),
    (
        "chart_rep_tasks_lead",
        "Trong kỳ hoàn thành {done} nhiệm vụ ({on_time} đúng hạn, {late} trễ hạn); tính đến {until}, {overdue} nhiệm vụ quá hạn{unreported}{open}.",
    ),
    (
        "chart_rep_tasks_unreported",
        ", {n} nhiệm vụ hết hạn chưa báo cáo (không rõ đã xong hay chưa)",
    ),
    (
        "chart_rep_tasks_open",
        "; {n} nhiệm vụ đến hạn trong kỳ chưa đến hạn",
    ),
    (
        "chart_rep_tasks_undated",
        "{n} nhiệm vụ đến hạn trong kỳ được báo cáo hoàn thành nhưng không ghi ngày hoàn thành, nên không xác định được hoàn thành đúng hạn hay trễ hạn.",
    ),
    ("chart_rep_group_done", "Nhiệm vụ hoàn thành đúng hạn"),
    ("chart_rep_group_late", "Nhiệm vụ hoàn thành trễ hạn"),
    ("chart_rep_group_overdue", "Nhiệm vụ quá hạn"),
    (
        "chart_rep_group_unreported",
        "Nhiệm vụ hết hạn chưa báo cáo",
    ),
    (
        "chart_rep_group_open",
        "Nhiệm vụ đến hạn trong kỳ, chưa đến hạn",
    ),
    (
        "chart_rep_group_undated",
        "Nhiệm vụ báo cáo hoàn thành, không ghi ngày",
    ),
    (
        "chart_rep_chart_tasks",
        "Nhiệm vụ trong kỳ theo tình trạng, tính đến {until}{note}",
    ),
    (
        "chart_rep_chart_tasks_undated",
        " (không kể nhiệm vụ không ghi ngày hoàn thành)",
    ),
];
