//! The fixed wording of the charts (state words, goal wording, legends,
//! descriptions, table headers), Vietnamese by default. The caller may
//! replace any of it — the site renderer fills it from the theme's UI
//! strings (`i18n/<lang>.toml`, keys `chart_…`), so an English site's
//! charts speak English. `{name}` placeholders are filled by [`Words::fmt`].

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// Every key with its Vietnamese wording.
const VIETNAMESE: &[(&str, &str)] = &[
    ("chart_no_data", "Chưa có số liệu"),
    ("chart_met", "Đạt"),
    ("chart_not_met", "Chưa đạt"),
    ("chart_due_soon", "Sắp đến hạn"),
    ("chart_yes", "Đã có"),
    ("chart_no", "Chưa có"),
    ("chart_rank_value", "hạng {n}"),
    ("chart_goal_at_least", "tối thiểu {n}"),
    ("chart_goal_above", "trên {n}"),
    ("chart_goal_at_most", "tối đa {n}"),
    ("chart_goal_below", "dưới {n}"),
    ("chart_goal_equal", "bằng {n}"),
    ("chart_goal_rank", "nhóm {n} đứng đầu"),
    ("chart_goal_yes", "có"),
    ("chart_goal_is_yes", "Có"),
    ("chart_goal_is_no", "Chưa có"),
    ("chart_desc_targets_met", "Đạt {met}/{total} chỉ tiêu"),
    ("chart_desc_not_met", "chưa đạt: {n}"),
    ("chart_desc_no_data", "chưa có số liệu: {n}"),
    ("chart_desc_highest", "cao nhất: {label} {value}"),
    ("chart_col_target", "Chỉ tiêu"),
    ("chart_col_result", "Kết quả"),
    ("chart_col_goal", "Mục tiêu"),
    ("chart_col_state", "Tình trạng"),
    ("chart_no_targets", "Chưa có chỉ tiêu"),
    ("chart_total", "tổng: {n}"),
    (
        "chart_desc_pillars",
        "Đạt {met}/{total} chỉ tiêu ở {pillars} trụ cột",
    ),
    ("chart_desc_none_met", "chưa có chỉ tiêu nào đạt"),
    (
        "chart_desc_best_pillar",
        "tỷ lệ đạt cao nhất: {label} ({met}/{total})",
    ),
    ("chart_col_pillar", "Trụ cột"),
    ("chart_col_total", "Tổng"),
    ("chart_grand_total", "Tổng cộng"),
    ("chart_gap_top", "chưa có"),
    ("chart_gap_bottom", "số liệu"),
    ("chart_result", "Kết quả"),
    ("chart_result_unit", "Kết quả ({unit})"),
    ("chart_goal_line", "Mục tiêu: {value}"),
    ("chart_desc_history", "Từ {from} đến {to}: {first} → {last}"),
    ("chart_desc_goal", "mục tiêu: {value}"),
    ("chart_desc_missing_periods", "{n} kỳ chưa có số liệu"),
    ("chart_col_value", "Giá trị"),
    ("chart_col_value_unit", "Giá trị ({unit})"),
    ("chart_col_period", "Kỳ"),
    ("chart_illustrative", "Số liệu minh họa"),
    ("chart_marked", " (minh họa)"),
    ("chart_title_budget_by_year", "Kinh phí theo năm"),
    ("chart_title_budget_by_source", "Kinh phí theo nguồn vốn"),
    (
        "chart_title_pillars",
        "Kết quả thực hiện chỉ tiêu theo trụ cột",
    ),
    ("chart_title_tasks", "Tình trạng thực hiện nhiệm vụ"),
    ("chart_unclassified", "Chưa phân loại"),
    (
        "chart_title_leads_top_and_late",
        "Tình trạng nhiệm vụ theo đơn vị chủ trì: {top} đơn vị chủ trì nhiều nhiệm vụ nhất và mọi đơn vị có nhiệm vụ quá hạn hoặc hết hạn chưa báo cáo",
    ),
    (
        "chart_title_leads_top",
        "Tình trạng nhiệm vụ của {top} đơn vị chủ trì nhiều nhiệm vụ nhất",
    ),
    (
        "chart_title_leads",
        "Tình trạng nhiệm vụ theo đơn vị chủ trì",
    ),
    ("chart_show_table", "Xem bảng số liệu"),
    ("chart_embed_chart", "Nhúng biểu đồ vào trang khác"),
    (
        "chart_embed_iframe",
        "Dán mã sau vào trang web khác (khung nhúng, có bảng số liệu):",
    ),
    ("chart_embed_img", "Hoặc chèn như một ảnh SVG:"),
    ("chart_open_chart", "Mở biểu đồ riêng"),
    ("chart_svg_file", "Tệp SVG"),
    ("chart_period_baseline", "{period} (gốc)"),
    ("chart_period_after", "{period} (sau hạn)"),
    ("chart_title_history", "Kết quả chỉ tiêu {id} qua các kỳ"),
    (
        "chart_title_by_locality_some",
        "Kết quả chỉ tiêu {id} theo địa phương: {note}",
    ),
    (
        "chart_title_by_locality",
        "Kết quả chỉ tiêu {id} theo địa phương",
    ),
    ("chart_title_target", "Chỉ tiêu {id}"),
    (
        "chart_title_pillar_targets",
        "Kết quả chỉ tiêu trụ cột {pillar}",
    ),
    (
        "chart_title_pillar_tasks",
        "Tình trạng nhiệm vụ trụ cột {pillar}",
    ),
    (
        "chart_title_unit_tasks",
        "Tình trạng nhiệm vụ do {unit} chủ trì",
    ),
    ("chart_days", "{n} ngày"),
    ("chart_title_illustrative", "{title} (số liệu minh họa)"),
    (
        "chart_illustrative_note",
        " Số liệu ghi “minh họa” là số liệu minh họa, không phải số liệu thật.",
    ),
    (
        "chart_disbursed_partly",
        "{amount} (còn {unknown}/{lines} dòng chưa có số liệu)",
    ),
    (
        "chart_planned_disbursed",
        "kế hoạch {planned}; đã giải ngân: {disbursed}",
    ),
    ("chart_localities_met", "{met}/{n} địa phương đạt"),
    (
        "chart_title_own_unit",
        "{title} (của đơn vị, không gồm các địa phương)",
    ),
    ("chart_recurs", "Lặp lại: {rule}"),
    ("chart_next_occurrence", "Kỳ tới: {period} (hạn {due})"),
    (
        "chart_missed_occurrence",
        "{period} (hạn {due}, quá {days} ngày)",
    ),
    ("chart_missed", "Chưa báo cáo: {list}"),
    ("chart_status_given", "ghi trong tệp"),
    ("chart_status_computed", "tính theo hạn và ngày hoàn thành"),
    ("chart_kind_targets", "chỉ tiêu"),
    ("chart_kind_results", "kết quả"),
    ("chart_kind_tasks", "nhiệm vụ"),
    ("chart_kind_budget", "kinh phí"),
    ("chart_kind_dti_index", "bộ chỉ số DTI"),
    ("chart_kind_dti_scores", "điểm DTI"),
    ("chart_kind_units", "đơn vị"),
    ("chart_kind_indicators", "chỉ số đo lường"),
    ("chart_kind_criteria", "tiêu chí"),
    ("chart_period_year", "năm {year}"),
    ("chart_period_quarter", "Quý {roman}/{year}"),
    ("chart_period_month", "tháng {month}/{year}"),
    ("chart_ongoing", "Thường xuyên"),
    ("chart_occurrence_on_time", "Đã báo cáo đúng hạn"),
    ("chart_occurrence_reported", "Đã báo cáo"),
    ("chart_occurrence_late", "Báo cáo trễ hạn"),
    ("chart_occurrence_missed", "Chưa báo cáo (quá hạn)"),
    ("chart_report_quarter", "quý {roman} năm {year}"),
    ("chart_report_first_half", "6 tháng đầu năm {year}"),
    ("chart_report_second_half", "6 tháng cuối năm {year}"),
    ("chart_report_year", "năm {year}"),
    ("chart_points_of", "{points} / {max} điểm"),
    ("chart_previous_year", "Năm trước"),
    ("chart_dti_index", "Chỉ số"),
    ("chart_dti_score", "Điểm đạt"),
    ("chart_dti_index_max", "Tối đa (1)"),
    ("chart_dti_max", "Điểm tối đa"),
    ("chart_unchanged", "không đổi"),
    ("chart_desc_items_no_data", "{n} mục chưa có số liệu"),
    ("chart_col_pillar_index", "Trụ cột / chỉ số"),
    ("chart_col_points", "Điểm"),
    ("chart_light_green", "Xanh"),
    ("chart_light_yellow", "Vàng"),
    ("chart_light_red", "Đỏ"),
    ("chart_no_criteria", "Không có tiêu chí"),
    ("chart_desc_criteria", "{n} tiêu chí: {parts}"),
    (
        "chart_desc_all_green",
        "{n}/{total} đơn vị có mọi tiêu chí Xanh",
    ),
    ("chart_col_criteria", "Số tiêu chí"),
    (
        "chart_desc_best_worst",
        "Tốt nhất: {first}; kém nhất: {last}",
    ),
    (
        "chart_desc_highest_lowest",
        "Cao nhất: {first}; thấp nhất: {last}",
    ),
    (
        "chart_desc_units_met",
        "{met}/{total} đơn vị đạt mục tiêu {goal}",
    ),
    ("chart_desc_units_no_data", "{n} đơn vị chưa có số liệu"),
    ("chart_money_dong", "đồng"),
    ("chart_money_million", "triệu đồng"),
    ("chart_money_billion", "tỷ đồng"),
    ("chart_planned", "Kế hoạch"),
    ("chart_disbursed", "Đã giải ngân"),
    ("chart_money_unit", "Đơn vị: {unit}"),
    ("chart_no_data_short", "chưa có số liệu"),
    ("chart_rate_line", "Tỷ lệ giải ngân: {rate}"),
    ("chart_desc_planned", "kế hoạch {amount}"),
    ("chart_desc_disbursed", "đã giải ngân {amount}"),
    ("chart_desc_budget", "Tổng {parts}"),
    ("chart_desc_rate", " (tỷ lệ giải ngân {rate})"),
    ("chart_col_year_source", "Năm / nguồn"),
    ("chart_col_planned", "Kế hoạch ({unit})"),
    ("chart_col_disbursed", "Đã giải ngân ({unit})"),
    ("chart_col_rate", "Tỷ lệ giải ngân"),
    ("chart_task_done", "Hoàn thành"),
    ("chart_task_done_late", "Hoàn thành trễ hạn"),
    ("chart_task_in_progress", "Đang thực hiện"),
    ("chart_task_not_started", "Chưa bắt đầu"),
    ("chart_task_overdue", "Quá hạn"),
    ("chart_task_due_unreported", "Hết hạn chưa báo cáo"),
    ("chart_task_paused", "Tạm dừng"),
    ("chart_task_not_reported", "Chưa cập nhật"),
    ("chart_no_tasks", "Không có nhiệm vụ"),
    ("chart_desc_tasks", "Tổng {n} nhiệm vụ: {parts}"),
    (
        "chart_desc_most_overdue",
        "quá hạn nhiều nhất: {name} ({n})",
    ),
    ("chart_col_status", "Trạng thái"),
    ("chart_col_tasks", "Số nhiệm vụ"),
    ("chart_col_share", "Tỷ lệ"),
    ("chart_col_unit", "Đơn vị"),
];

/// The wording of the charts: Vietnamese, or another language's strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    map: BTreeMap<&'static str, String>,
}

impl Default for Words {
    fn default() -> Words {
        Words::with(|_| None)
    }
}

impl Words {
    /// The Vietnamese wording, shared.
    pub fn vietnamese() -> Arc<Words> {
        static VI: OnceLock<Arc<Words>> = OnceLock::new();
        VI.get_or_init(|| Arc::new(Words::default())).clone()
    }

    /// The wording with each key looked up in `lookup` first (Vietnamese
    /// where it has none).
    pub fn with(lookup: impl Fn(&str) -> Option<String>) -> Words {
        Words {
            map: VIETNAMESE
                .iter()
                .map(|&(key, vi)| (key, lookup(key).unwrap_or_else(|| vi.to_owned())))
                .collect(),
        }
    }

    /// Every key the charts use.
    pub fn keys() -> impl Iterator<Item = &'static str> {
        VIETNAMESE.iter().map(|&(key, _)| key)
    }

    /// The wording for `key` (the key itself if unknown: a visible hint).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The wording for `key` with each `{name}` replaced.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(key).to_owned();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_overrides_and_vietnamese_fills_the_rest() {
        let en = Words::with(|k| (k == "chart_met").then(|| "Met".to_owned()));
        assert_eq!(en.get("chart_met"), "Met");
        assert_eq!(en.get("chart_not_met"), "Chưa đạt");
        assert_eq!(
            en.fmt("chart_desc_targets_met", &[("met", "3"), ("total", "5")]),
            "Đạt 3/5 chỉ tiêu"
        );
        assert_eq!(*Words::vietnamese(), Words::default());
        let keys: Vec<&str> = Words::keys().collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "duplicate key");
    }

    /// The default theme carries every chart key in both languages, and its
    /// Vietnamese is the built-in wording.
    #[test]
    fn the_theme_speaks_every_chart_key() {
        let load = |text: &str| -> BTreeMap<String, String> { toml::from_str(text).unwrap() };
        let vi = load(include_str!("../../themes/default/i18n/vi.toml"));
        let en = load(include_str!("../../themes/default/i18n/en.toml"));
        for &(key, wording) in VIETNAMESE {
            assert_eq!(vi.get(key).map(String::as_str), Some(wording), "{key}");
            let english = en
                .get(key)
                .unwrap_or_else(|| panic!("{key} missing from en.toml"));
            assert_ne!(english, wording, "{key}");
        }
    }
}
