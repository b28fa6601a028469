//! The open-data catalogue `du-lieu/`: every data set with its columns and
//! its CSV and JSON files.

use crate::render::data::wording::Worded;
use crate::render::engine::vars::Context;
use serde::Serialize;

use super::views::capitalize;
use super::{OPEN_DATA, page_context};
use crate::data::Kind;
use crate::data::export::{published_columns, records};
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

#[derive(Debug, Clone, Serialize)]
struct DatasetView {
    name: String,
    rows: String,
    columns: String,
    csv: String,
    json: String,
}

/// The open-data catalogue.
pub fn open_data_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let w = data.chart_words();
    let tr = Tr::new(theme, &site.config.language);
    // Vietnamese pages list the CSV headers; pages in another language the
    // JSON files' English names.
    let vietnamese = site.config.language == "vi";
    let sets: Vec<DatasetView> = Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let n = records(&data.set, kind).len();
            let marked = illustrative_rows(&data.set, kind);
            (n > 0).then(|| DatasetView {
                name: capitalize(&kind.word(&w)),
                rows: if marked > 0 {
                    tr.fmt(
                        "open_data_rows_marked",
                        &[("n", &w.int(n as i64)), ("marked", &w.int(marked as i64))],
                    )
                } else {
                    w.int(n as i64)
                },
                columns: published_columns(&data.set, kind)
                    .iter()
                    .map(|c| if vietnamese { c.header } else { c.key })
                    .chain(
                        crate::data::export_computed::computed_columns(&data.set, kind)
                            .into_iter()
                            .map(|(_, h, key)| if vietnamese { h } else { key }),
                    )
                    .collect::<Vec<_>>()
                    .join(", "),
                csv: format!("{OPEN_DATA}{}.csv", kind.slug()),
                json: format!("{OPEN_DATA}{}.json", kind.slug()),
            })
        })
        .collect();
    let mut sets = sets;
    let kinds = site.config.bao_cao.kinds();
    let report_rows = crate::data::export_report::rows(&data.set, &kinds, site.today).len();
    if report_rows > 0 {
        sets.push(DatasetView {
            name: tr.get("open_data_reports"),
            rows: w.int(report_rows as i64),
            columns: crate::data::export_report::COLUMNS
                .iter()
                .map(|c| if vietnamese { c.0 } else { c.1 })
                .collect::<Vec<_>>()
                .join(", "),
            csv: format!("{OPEN_DATA}bao-cao.csv"),
            json: format!("{OPEN_DATA}bao-cao.json"),
        });
    }
    // The default licence is named in the page's language.
    let license = if site.config.data.license == crate::config::DataConfig::default().license {
        tr.get("default_license")
    } else {
        site.config.data.license.clone()
    };
    let intro = tr.fmt(
        "open_data_intro",
        &[("n", &w.int(sets.len() as i64)), ("license", &license)],
    );
    let title = tr.get("nav_open_data");
    let mut c = page_context(site, theme, OPEN_DATA, &title, &intro, vec![]);
    c.insert("datasets", &sets);
    c.insert("license", &license);
    c
}

/// How many rows of `kind` are marked illustrative.
fn illustrative_rows(set: &crate::data::DataSet, kind: Kind) -> usize {
    match kind {
        Kind::Targets => set.targets.iter().filter(|x| x.illustrative).count(),
        Kind::Results => set.results.iter().filter(|x| x.illustrative).count(),
        Kind::Tasks => set.tasks.iter().filter(|x| x.illustrative).count(),
        Kind::Budget => set.budget.iter().filter(|x| x.illustrative).count(),
        Kind::DtiScores => set.scores.iter().filter(|x| x.illustrative).count(),
        Kind::Indicators => set.observations.iter().filter(|x| x.illustrative).count(),
        Kind::Criteria => set.criteria.iter().filter(|x| x.illustrative).count(),
        Kind::DtiIndex | Kind::Units => 0,
    }
}

/// One group of open-data files, made together: a dataset's CSV and JSON,
/// or the periodic reports' figures (`bao-cao.csv`, `.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFiles {
    Dataset(Kind),
    Reports,
}

/// The open-data files of the site (`du-lieu/chi-tieu.csv`…) and the
/// group each belongs to, without making them: their names only need the
/// counts of rows and the report periods.
pub fn open_data_files(site: &Site) -> Vec<(String, OpenFiles)> {
    let Some(data) = &site.data else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for kind in Kind::ALL {
        if crate::data::export::count(&data.set, kind) > 0 {
            for ext in ["csv", "json"] {
                out.push((
                    format!("{OPEN_DATA}{}.{ext}", kind.slug()),
                    OpenFiles::Dataset(kind),
                ));
            }
        }
    }
    let kinds = site.config.bao_cao.kinds();
    // One row per period at least: files exactly when there is a period.
    if !crate::data::compute::report::periods(&data.set, &kinds, site.today).is_empty() {
        for ext in ["csv", "json"] {
            out.push((format!("{OPEN_DATA}bao-cao.{ext}"), OpenFiles::Reports));
        }
    }
    out
}

/// Makes the files of one group: `(output path, bytes)`.
pub fn make_open_data(
    data: &SiteData,
    kinds: &[crate::config::ReportKind],
    today: jiff::civil::Date,
    which: OpenFiles,
) -> Vec<(String, Vec<u8>)> {
    let files = match which {
        OpenFiles::Dataset(kind) => {
            crate::data::export_computed::export_kind_computed(&data.set, &data.computed, kind)
        }
        OpenFiles::Reports => crate::data::export_report::export(&data.set, kinds, today),
    };
    files
        .into_iter()
        .map(|(name, bytes)| (format!("{OPEN_DATA}{name}"), bytes))
        .collect()
}
