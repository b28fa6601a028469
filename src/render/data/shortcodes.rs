//! Data shortcodes for Markdown pages and posts: a line of its own like
//! `{{ bieu_do_chi_tieu(ma="1.1") }}` becomes the same chart (with its data
//! table and embed snippet) that the data pages show, plus a link to the
//! page it comes from.
//!
//! | shortcode (English alias) | parameters | shows |
//! |---|---|---|
//! | `bieu_do_chi_tieu` (`target_chart`) | `ma` (`id`) | a target's history, or its progress bar |
//! | `bieu_do_tru_cot` (`pillar_chart`) | `tru_cot` (`pillar`), optional | a pillar's targets, or all pillars |
//! | `nhiem_vu_don_vi` (`unit_tasks`) | `don_vi` (`unit`) | a unit's task states and task list |
//!
//! Errors (unknown shortcode, parameter, id, pillar or unit) are Vietnamese
//! messages with the nearest known name; the Markdown renderer locates them
//! at the shortcode's line.

use crate::render::data::wording::Worded;
use std::collections::BTreeMap;

use crate::content::markdown::{ROOT_MARKER, page_link};
use crate::content::shortcodes::Shortcodes;
use crate::render::data::charts::{
    figure_html, last_segment, pillar_targets_chart, target_chart, unit_tasks_chart,
};
use crate::render::data::task_views::task_badge;
use crate::render::data::views::{pillar_chart, target_path};
use crate::site::SiteData;
use crate::site::identities::{find_pillar, find_unit, names_unit, site_pillars, units};
use crate::suggest::nearest;
use crate::text::escape::html;

/// Shortcode names: (Vietnamese, English alias).
pub const NAMES: &[(&str, &str)] = &[
    ("bieu_do_chi_tieu", "target_chart"),
    ("bieu_do_tru_cot", "pillar_chart"),
    ("nhiem_vu_don_vi", "unit_tasks"),
];

/// Renders data shortcodes from the site's data (or explains that the site
/// has none).
pub struct DataShortcodes<'a> {
    pub data: Option<&'a SiteData>,
    /// The site's absolute base URL (ends in `/`), for embed snippets.
    pub base_url: String,
    pub portable: bool,
    /// The periodic reports' pages and files (`bao-cao/nam-2025/`,
    /// `du-lieu/bao-cao.csv`…), so posts can link them.
    pub reports: Vec<String>,
}

/// The one value among `names`, refusing any other parameter.
fn arg<'a>(args: &'a BTreeMap<String, String>, names: &[&str]) -> Result<Option<&'a str>, String> {
    for key in args.keys() {
        if !names.contains(&key.as_str()) {
            let hint = match nearest(key, names, 3) {
                Some(n) => format!("; có phải ý bạn là “{n}”?"),
                None => String::new(),
            };
            return Err(format!(
                "không có tham số “{key}” (dùng {}){hint}",
                names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(" hoặc ")
            ));
        }
    }
    Ok(names
        .iter()
        .find_map(|n| args.get(*n))
        .map(|v| v.trim())
        .filter(|v| !v.is_empty()))
}

/// "không có X “v”; có phải ý bạn là “w”?" with the nearest known value.
fn unknown(what: &str, value: &str, known: &[&str]) -> String {
    let hint = match nearest(value, known, 3.max(value.chars().count() / 3)) {
        Some(n) => format!("; có phải ý bạn là “{n}”?"),
        None if known.is_empty() => "; trang chưa có dữ liệu này".to_owned(),
        None => format!(
            "; các giá trị có: {}",
            known
                .iter()
                .take(8)
                .map(|k| format!("“{k}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("không có {what} “{value}”{hint}")
}

impl DataShortcodes<'_> {
    fn href(&self, path: &str) -> String {
        format!("{ROOT_MARKER}{}", page_link(path, self.portable))
    }

    fn figure(&self, c: &crate::render::data::views::ChartView) -> String {
        let words = self
            .data
            .map_or_else(crate::charts::Words::vietnamese, |d| d.chart_words());
        figure_html(c, &self.base_url, ROOT_MARKER, self.portable, &words)
    }

    fn more(&self, path: &str, text: &str) -> String {
        format!(
            "<p class=\"chart-more\"><a href=\"{}\">{}</a></p>\n",
            self.href(path),
            html(text)
        )
    }

    fn target(&self, data: &SiteData, args: &BTreeMap<String, String>) -> Result<String, String> {
        let id = arg(args, &["ma", "id"])?.ok_or("thiếu mã chỉ tiêu, ví dụ ma=\"1.1\"")?;
        let Some(i) = data.set.targets.iter().position(|t| t.id == id) else {
            let known: Vec<&str> = data.set.targets.iter().map(|t| t.id.as_str()).collect();
            return Err(unknown("chỉ tiêu mã", id, &known));
        };
        let t = &data.set.targets[i];
        Ok(format!(
            "{}{}",
            self.figure(&target_chart(data, i)),
            self.more(
                &target_path(&t.id),
                &data.chart_words().fmt(
                    "chart_sc_see_target",
                    &[("id", &t.id), ("statement", &t.statement)]
                )
            )
        ))
    }

    fn pillar(&self, data: &SiteData, args: &BTreeMap<String, String>) -> Result<String, String> {
        match arg(args, &["tru_cot", "pillar"])? {
            None if data.set.targets.is_empty() => {
                Err("trang chưa có tệp chỉ tiêu nên chưa có biểu đồ trụ cột".to_owned())
            }
            None => Ok(format!(
                "{}{}",
                self.figure(&pillar_chart(data)),
                self.more(
                    crate::site::identities::PILLARS,
                    data.chart_words().get("chart_sc_see_pillars")
                )
            )),
            Some(name) => {
                let Some(p) = find_pillar(data, name) else {
                    let all = site_pillars(data);
                    let known: Vec<&str> = all.iter().map(|p| p.label.as_str()).collect();
                    return Err(unknown("trụ cột", name, &known));
                };
                let chart = pillar_targets_chart(data, &p)
                    .ok_or_else(|| format!("trụ cột “{}” chưa có chỉ tiêu nào", p.label))?;
                Ok(format!(
                    "{}{}",
                    self.figure(&chart),
                    self.more(
                        &p.path,
                        &data
                            .chart_words()
                            .fmt("chart_sc_see_pillar", &[("pillar", &p.label)])
                    )
                ))
            }
        }
    }

    fn unit(&self, data: &SiteData, args: &BTreeMap<String, String>) -> Result<String, String> {
        let w = data.chart_words();
        let name = arg(args, &["don_vi", "unit"])?
            .ok_or("thiếu tên đơn vị, ví dụ don_vi=\"Phòng Văn hóa - Xã hội\"")?;
        let Some(u) = find_unit(data, name) else {
            let all = units(data);
            let known: Vec<&str> = all.iter().map(|u| u.name.as_str()).collect();
            return Err(unknown("đơn vị", name, &known));
        };
        let set = &data.set;
        let idx: Vec<usize> = (0..set.tasks.len())
            .filter(|&i| names_unit(data, &set.tasks[i].lead, &u.key))
            .collect();
        let Some(chart) = unit_tasks_chart(data, &u.key, &u.name, last_segment(&u.path)) else {
            return Err(format!("đơn vị “{}” không chủ trì nhiệm vụ nào", u.name));
        };
        let (h_code, h_task, h_deadline, h_state) = (
            html(w.get("chart_crit_col_code")),
            html(w.get("chart_col_task")),
            html(w.get("chart_crit_col_deadline")),
            html(w.get("chart_col_state")),
        );
        let mut rows = String::new();
        for &i in &idx {
            let t = &set.tasks[i];
            let p = &data.computed.tasks[i];
            let b = task_badge(p.state);
            rows.push_str(&format!(
                "<tr><td class=\"ma card-key\" data-label=\"{h_code}\">{}</td><td class=\"card-main\" data-label=\"{h_task}\">{}</td><td data-label=\"{h_deadline}\">{}</td><td data-label=\"{h_state}\"><span class=\"{}\">{}</span></td></tr>\n",
                html(&t.id),
                html(&t.statement),
                html(&t.deadline.map(|d| d.word(&w)).unwrap_or_default()),
                html(&b.class),
                html(&p.state.word(&w)),
            ));
        }
        Ok(format!(
            "{}<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{caption}\"><table class=\"data-table row-cards\"><caption>{caption}</caption>\
<thead><tr><th scope=\"col\">{h_code}</th><th scope=\"col\">{h_task}</th><th scope=\"col\">{h_deadline}</th><th scope=\"col\">{h_state}</th></tr></thead>\
<tbody>\n{rows}</tbody></table></div>\n{}",
            self.figure(&chart),
            self.more(&u.path, &w.fmt("chart_sc_see_unit", &[("unit", &u.name)])),
            caption = html(&w.fmt("chart_sc_unit_tasks", &[("unit", &u.name)])),
        ))
    }
}

impl Shortcodes for DataShortcodes<'_> {
    fn generated_pages(&self) -> Vec<String> {
        let Some(data) = self.data else {
            return Vec::new();
        };
        let mut out = super::generated_paths(data);
        for kind in crate::data::Kind::ALL {
            if crate::data::export::count(&data.set, kind) > 0 {
                for ext in ["csv", "json"] {
                    out.push(format!("{}{}.{ext}", super::OPEN_DATA, kind.slug()));
                }
            }
        }
        out.extend(self.reports.iter().cloned());
        out
    }

    fn render(&self, name: &str, args: &BTreeMap<String, String>) -> Result<String, String> {
        let Some(&(vi, _)) = NAMES.iter().find(|(vi, en)| *vi == name || *en == name) else {
            let all: Vec<&str> = NAMES.iter().flat_map(|(a, b)| [*a, *b]).collect();
            return Err(unknown("mã chèn", name, &all));
        };
        let Some(data) = self.data else {
            return Err(
                "trang chưa có tệp dữ liệu trong content/du-lieu/ nên chưa vẽ được biểu đồ"
                    .to_owned(),
            );
        };
        match vi {
            "bieu_do_chi_tieu" => self.target(data, args),
            "bieu_do_tru_cot" => self.pillar(data, args),
            _ => self.unit(data, args),
        }
    }
}
