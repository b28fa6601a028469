//! The fixed wording of the charts (state words, goal wording, legends,
//! descriptions, table headers), Vietnamese by default. The caller may
//! replace any of it — the site renderer fills it from the theme's UI
//! strings (`i18n/<lang>.toml`, keys `chart_…`), so an English site's
//! charts speak English. `{name}` placeholders are filled by [`Words::fmt`],
//! which also makes plural choices (`{n} {n|task|tasks}`).
//! The key `chart_numbers` ("vi" or "en") also decides how numbers are
//! written ([`Words::int`], [`Words::dec`], [`Words::percent`]): "95,5 %"
//! or "95.5%". The periodic reports' wording is in `words/report.rs`.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::text::numbers::NumberStyle;

mod report;

/// Every key with its Vietnamese wording: the charts' and the reports'.
fn all() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    VIETNAMESE.iter().chain(report::REPORT)
}

/// Every key with its Vietnamese wording.
const VIETNAMESE: &[(&str, &str)] = &[
    // How numbers are written: "vi" (1.234,5 and 95,5 %) or "en" (1,234.5
    // and 95.5%); see `Words::numbers`.
    ("chart_numbers", "vi"),
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
    ("chart_si_pillar", "Trụ cột"),
    ("chart_si_document", "Văn bản"),
    ("chart_si_lead", "Chủ trì"),
    ("chart_si_note", "Ghi chú"),
    ("chart_si_group", "Nhóm"),
    ("chart_si_locality", "Địa phương"),
    ("chart_si_evidence", "Minh chứng"),
    ("chart_si_type", "Loại"),
    ("chart_si_short_name", "Tên viết tắt"),
    ("chart_si_address", "Địa chỉ"),
    ("chart_si_phone", "Điện thoại"),
    ("chart_si_email", "Thư điện tử"),
    ("chart_si_partners", "Phối hợp"),
    (
        "chart_si_target",
        "Mã {id}. Mục tiêu: {goal}. Tình trạng: {state}{met}.",
    ),
    (
        "chart_si_task",
        "Mã {id}. Chủ trì: {lead}. Tình trạng: {state}.",
    ),
    (
        "chart_si_criterion",
        "Mã {id}. Trạng thái: {light} ({source}).",
    ),
    ("chart_si_unit", "Mã {id}."),
    ("chart_si_leads", " Chủ trì {n} nhiệm vụ."),
    (
        "chart_dti_alt",
        "Điểm chỉ số DTI năm {year} theo trụ cột: {parts}",
    ),
    (
        "chart_tgt_baseline_result",
        "{value} ({period}, trước kỳ của chỉ tiêu, không tính là đạt)",
    ),
    ("chart_tgt_start", "Bắt đầu"),
    ("chart_tgt_start_default", "{date} (đầu năm của thời hạn)"),
    ("chart_tgt_figures", "Số liệu"),
    (
        "chart_tgt_figures_illustrative",
        "minh họa: chỉ tiêu hoặc kết quả được đánh dấu minh họa, không phải số liệu thật",
    ),
    (
        "chart_tgt_place_before",
        " – giá trị gốc, trước kỳ của chỉ tiêu",
    ),
    ("chart_tgt_place_after", " – sau thời hạn, không tính"),
    ("chart_sc_see_target", "Xem chỉ tiêu {id}: {statement}"),
    ("chart_sc_see_pillars", "Xem các trụ cột"),
    ("chart_sc_see_pillar", "Xem trụ cột {pillar}"),
    ("chart_sc_see_unit", "Xem trang đơn vị {unit}"),
    ("chart_sc_unit_tasks", "Nhiệm vụ do {unit} chủ trì"),
    ("chart_loc_stat_met", "Chỉ tiêu đã đạt"),
    (
        "chart_loc_of_tasks",
        "trên tổng số {n} nhiệm vụ{unreported}",
    ),
    (
        "chart_loc_unreported",
        "; {n} nhiệm vụ hết hạn chưa báo cáo",
    ),
    ("chart_loc_rate_year", "Tỷ lệ giải ngân kinh phí năm {year}"),
    ("chart_loc_vs_previous", "; so với năm trước: {change}"),
    ("chart_loc_own", "Số liệu chuyển đổi số của riêng {name}."),
    ("chart_loc_targets_of", "Chỉ tiêu của {name}"),
    ("chart_col_task", "Nhiệm vụ"),
    ("chart_col_lead", "Chủ trì"),
    ("chart_col_tasks_heading", "Nhiệm vụ"),
    ("chart_loc_tasks_of", "Nhiệm vụ của {name}"),
    ("chart_loc_dti_of", "Chỉ số DTI của {name} qua các năm"),
    ("chart_col_year", "Năm"),
    ("chart_loc_page_title", "{name}: số liệu trên địa bàn"),
    ("chart_loc_dti", "Chỉ số DTI"),
    ("chart_loc_dti_year", "Chỉ số DTI năm {year}"),
    ("chart_loc_disbursed_year", "Giải ngân năm {year}"),
    ("chart_loc_locality", "Địa phương"),
    ("chart_loc_targets_met", "Chỉ tiêu đạt"),
    ("chart_loc_tasks_overdue", "Nhiệm vụ quá hạn"),
    ("chart_loc_dti_rank", "Xếp hạng DTI"),
    ("chart_loc_change", "Thay đổi so với năm trước"),
    (
        "chart_loc_table",
        "Các địa phương: số liệu của riêng từng địa phương",
    ),
    (
        "chart_loc_note",
        "Mỗi dòng là số liệu của riêng địa phương đó; không có dòng tổng cộng vì số liệu các địa phương không được cộng gộp.",
    ),
    ("chart_loc_compare", "So sánh các địa phương"),
    (
        "chart_loc_dti_chart",
        "Chỉ số DTI năm {year} theo địa phương",
    ),
    (
        "chart_loc_intro",
        "Số liệu chuyển đổi số của {n} địa phương, đặt cạnh nhau; mỗi địa phương có trang riêng.{note}",
    ),
    ("chart_loc_title", "Các địa phương"),
    ("chart_loc_letter_caption", "{caption}: chữ {letter}"),
    (
        "chart_loc_grouped_note",
        "{note} {n} địa phương, chia theo chữ cái đầu của tên (bỏ chữ “Xã”, “Phường”…).",
    ),
    ("chart_loc_letter", "Chữ {letter}"),
    ("chart_ind_whole_unit", "Toàn đơn vị"),
    ("chart_ind_by_unit", "{name} {period} theo đơn vị"),
    ("chart_ind_col_source", "Nguồn"),
    ("chart_ind_pillars", "Trụ cột: {list}."),
    (
        "chart_ind_intro",
        "Các chỉ số đo được theo kỳ, không có mục tiêu nên không đánh giá đạt hay chưa đạt: giá trị mới nhất của từng đơn vị.{note}",
    ),
    ("chart_ind_title", "Chỉ số đo lường"),
    ("chart_ind_latest", "Giá trị mới nhất theo đơn vị"),
    ("chart_ind_over_time", "{name}: {unit} qua các kỳ"),
    ("chart_ind_by_period", "Qua các kỳ"),
    (
        "chart_ind_capped",
        "Biểu đồ của {shown} trong {total} đơn vị; bảng dưới có mọi giá trị.",
    ),
    ("chart_ind_all_values", "Mọi giá trị của {name}"),
    ("chart_ind_table", "Bảng số liệu"),
    (
        "chart_ind_one_intro",
        "Chỉ số {name} đo được theo kỳ{unit}; không có mục tiêu nên không đánh giá đạt hay chưa đạt.{note}",
    ),
    ("chart_ind_unit", " (đơn vị tính: {unit})"),
    ("chart_crit_unit", "Đơn vị"),
    ("chart_crit_green_of", "{green}/{total} tiêu chí Xanh"),
    ("chart_crit_green", "tiêu chí Xanh"),
    ("chart_crit_green_note", "đã đạt"),
    ("chart_crit_yellow", "tiêu chí Vàng"),
    ("chart_crit_yellow_note", "đang thực hiện, chưa quá hạn"),
    ("chart_crit_red", "tiêu chí Đỏ"),
    ("chart_crit_red_note", "chưa đạt, đã quá hạn"),
    ("chart_crit_of_unit", "Tiêu chí của {unit} theo trạng thái"),
    ("chart_crit_summary", "Tổng hợp: {text}"),
    ("chart_crit_other", "Tiêu chí khác"),
    ("chart_crit_col_code", "Mã"),
    ("chart_crit_col_criterion", "Tiêu chí"),
    ("chart_crit_col_deadline", "Hạn"),
    ("chart_crit_col_basis", "Cách xác định"),
    ("chart_crit_col_evidence", "Minh chứng"),
    ("chart_crit_late", "{deadline} (quá {days} ngày)"),
    ("chart_crit_computed_done", "tính toán: hoàn thành {date}"),
    ("chart_crit_computed", "tính toán"),
    ("chart_crit_reported", "đơn vị báo cáo"),
    ("chart_crit_note_reported", "Trạng thái do đơn vị báo cáo."),
    (
        "chart_crit_note_computed",
        "{n} trạng thái được tính theo quy tắc: đã hoàn thành → Xanh; chưa hoàn thành, chưa quá hạn → Vàng (ngày đến hạn vẫn là Vàng); chưa hoàn thành, quá hạn → Đỏ (từ ngày sau hạn).",
    ),
    ("chart_crit_see_evidence", "Xem minh chứng {id}"),
    (
        "chart_crit_by_unit",
        "Tiêu chí Xanh / Vàng / Đỏ theo đơn vị",
    ),
    (
        "chart_crit_units_caption",
        "Các đơn vị, tỷ lệ tiêu chí Xanh từ cao đến thấp",
    ),
    ("chart_crit_units", "Các đơn vị"),
    (
        "chart_crit_units_note",
        "Xếp theo tỷ lệ tiêu chí Xanh (cao trước), rồi số tiêu chí Đỏ (ít trước), rồi tên theo thứ tự chữ cái tiếng Việt.",
    ),
    ("chart_crit_whose_one", " của {unit}: {text}."),
    ("chart_crit_whose_many", " của {n} đơn vị."),
    (
        "chart_crit_intro",
        "Danh mục tiêu chí chuyển đổi số, mỗi tiêu chí một trạng thái Xanh (đạt), Vàng (đang thực hiện, chưa quá hạn) hoặc Đỏ (quá hạn, chưa đạt) như cách theo dõi của Kế hoạch 02-KH/BCĐTW{whose}{note}",
    ),
    ("chart_crit_title", "Tiêu chí chuyển đổi số"),
    (
        "chart_crit_unit_intro",
        "Danh mục tiêu chí chuyển đổi số của {unit}, trạng thái Xanh / Vàng / Đỏ như cách theo dõi của Kế hoạch 02-KH/BCĐTW: {text}.{note}",
    ),
    ("chart_crit_unit_title", "Tiêu chí: {unit}"),
    ("chart_crit_section", "Tiêu chí"),
    (
        "chart_crit_section_note",
        "{text}; Vàng {yellow}, Đỏ {red}.",
    ),
    (
        "chart_title_document_targets",
        "Kết quả thực hiện chỉ tiêu của văn bản {number}",
    ),
    (
        "chart_document_summary",
        "Văn bản đặt ra {targets} chỉ tiêu ({met} đã đạt) và {tasks} nhiệm vụ; số liệu tính đến ngày {date}.",
    ),
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
    numbers: NumberStyle,
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
        let map: BTreeMap<&'static str, String> = all()
            .map(|&(key, vi)| (key, lookup(key).unwrap_or_else(|| vi.to_owned())))
            .collect();
        let numbers = NumberStyle::named(map.get("chart_numbers").map_or("", |s| s.as_str()));
        Words { map, numbers }
    }

    /// How numbers are written in this language (`chart_numbers`: "vi",
    /// the default, or "en").
    pub fn numbers(&self) -> NumberStyle {
        self.numbers
    }

    /// An integer, thousands grouped: "1.234" / "1,234".
    pub fn int(&self, n: impl TryInto<i64>) -> String {
        self.numbers.integer(n.try_into().unwrap_or(i64::MAX))
    }

    /// At most `decimals` places: "95,5" / "95.5".
    pub fn dec(&self, value: f64, decimals: usize) -> String {
        self.numbers.decimal(value, decimals)
    }

    /// Exactly `decimals` places: "0,8240" / "0.8240".
    pub fn fixed(&self, value: f64, decimals: usize) -> String {
        self.numbers.fixed(value, decimals)
    }

    /// A percentage: "95,5 %" / "95.5%".
    pub fn percent(&self, value: f64, decimals: usize) -> String {
        self.numbers.percent(value, decimals)
    }

    /// Every key the charts use.
    pub fn keys() -> impl Iterator<Item = &'static str> {
        all().map(|&(key, _)| key)
    }

    /// The wording for `key` (the key itself if unknown: a visible hint).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The wording for `key` with each `{name}` replaced and each plural
    /// choice `{name|one|other}` made (see [`crate::text::fill`]).
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        crate::text::fill(self.get(key), args)
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
        assert_eq!(Words::default().percent(95.5, 1), "95,5\u{a0}%");
        let en = Words::with(|k| (k == "chart_numbers").then(|| "en".to_owned()));
        assert_eq!(en.int(1_234_567_u32), "1,234,567");
        assert_eq!(en.percent(95.5, 1), "95.5%");
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
        for &(key, wording) in all() {
            assert_eq!(vi.get(key).map(String::as_str), Some(wording), "{key}");
            let english = en
                .get(key)
                .unwrap_or_else(|| panic!("{key} missing from en.toml"));
            assert_ne!(english, wording, "{key}");
        }
    }
}
