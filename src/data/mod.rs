//! The data layer: spreadsheets and data files of targets, results, tasks,
//! budget, the DTI index and units → a validated [`DataSet`] → computed
//! progress and totals, plus open-data exports and fill-in templates.
//!
//! Flow: read (bytes → located cells) → parse (headers, typed values) →
//! model → validate cross-references → compute. The file/column contract is
//! `docs/decisions/0002-data-files.md`.

pub mod cache;
pub mod compute;
pub mod export;
pub mod export_computed;
pub mod export_report;
pub mod header;
pub mod illustrative;
pub mod kind;
pub mod model;
pub mod parse;
pub mod read;
pub mod received;
pub mod schema;
pub mod table;
pub mod template;
pub mod validate;
pub mod values;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};

pub use cache::DataCache;
use cache::FileLoad;
pub use compute::{Computed, compute};
pub use kind::Kind;
pub use model::{
    BudgetLine, Criterion, DataSet, Indicator, Measurement, Quantity, Report, Score, SourceFile,
    Target, Task, Unit,
};

/// Options from the `[data]` table of `minhbach.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataOptions {
    /// Encoding of CSV files without a BOM (e.g. `windows-1258`); UTF-8 when `None`.
    pub encoding: Option<String>,
    /// `minh_hoa`: kinds (`diem-dti`) or files (`diem-dti-2024.csv`, relative
    /// to the data folder) whose every row is illustrative.
    pub illustrative: Vec<String>,
    /// The site's own unit (`unit`): a locality naming it needs no entry in
    /// the units file.
    pub unit: String,
    /// Received spreadsheets and how each maps onto a dataset (`[[data.nguon]]`).
    pub received: Vec<received::Mapping>,
}

/// Loads every data file under `dir` (paths in diagnostics relative to
/// `site_root`). Returns an empty [`DataSet`] when `dir` does not exist.
/// Files are read in path order, so the result is deterministic.
pub fn load_dir(
    site_root: &Path,
    dir: &Path,
    options: &DataOptions,
    diags: &mut Diagnostics,
) -> DataSet {
    load_dir_cached(site_root, dir, options, diags, None)
}

/// [`load_dir`], taking each file's parsed tables from `cache` (kept by
/// `serve` between rebuilds) while the file is unchanged: a data edit reads
/// and parses only the edited file. Checks across files run every time.
pub fn load_dir_cached(
    site_root: &Path,
    dir: &Path,
    options: &DataOptions,
    diags: &mut Diagnostics,
    cache: Option<&mut DataCache>,
) -> DataSet {
    let mut data = DataSet::default();
    if !dir.is_dir() {
        return data;
    }
    if let Some(label) = &options.encoding
        && read::decode::encoding_for("", Some(label)).is_err()
    {
        diags.push(
            Diagnostic::error("minhbach.toml", format!("không biết bảng mã “{label}” (mục [data], khoá encoding)"))
                .hint("dùng \"windows-1258\" cho tệp CSV theo bảng mã tiếng Việt của Windows, hoặc bỏ khoá này để dùng UTF-8"),
        );
    }
    for link in data_symlinks(dir) {
        diags.push(crate::content::load::symlink_skipped(display_path(
            site_root, &link,
        )));
    }
    let mut marked = vec![false; options.illustrative.len()];
    let mut used = vec![false; options.received.len()];
    let files = data_files(dir);
    let mut cache = cache;
    if let Some(c) = cache.as_deref_mut() {
        c.start(options, &files);
    }
    for path in files {
        let load = || {
            crate::timing::phase(&format!("data: read {}", path.display()), || {
                load_file(site_root, dir, &path, options)
            })
        };
        let loaded = match cache.as_deref_mut() {
            Some(c) => c.get_or_load(&path, load),
            None => std::sync::Arc::new(load()),
        };
        data.append(loaded.data.clone());
        diags.extend(loaded.diags.iter().cloned());
        for (m, l) in marked.iter_mut().zip(&loaded.marked) {
            *m |= *l;
        }
        if let Some(i) = loaded.received {
            used[i] = true;
        }
    }
    for (entry, used) in options.illustrative.iter().zip(marked) {
        if !used {
            diags.push(
                Diagnostic::warning("minhbach.toml", format!("mục [data], khoá minh_hoa: “{entry}” không khớp loại dữ liệu hay tệp nào trong thư mục dữ liệu"))
                    .hint("ghi tên loại dữ liệu (ví dụ \"diem-dti\") hoặc đường dẫn tệp trong thư mục dữ liệu (ví dụ \"diem-dti-2024.csv\")"),
            );
        }
    }
    for (m, used) in options.received.iter().zip(used) {
        if !used {
            diags.push(
                Diagnostic::error("minhbach.toml", format!("[[data.nguon]] tep = “{}”: không có tệp này trong thư mục dữ liệu", m.tep))
                    .hint("đặt tệp nhận về vào thư mục dữ liệu (content/du-lieu/) và ghi tên tệp tính từ thư mục đó"),
            );
        }
    }
    crate::timing::phase("data: validate", || {
        validate::validate(&mut data, Some(dir), diags);
        validate::localities(&data, &options.unit, diags);
    });
    data
}

/// Reads and parses one data file on its own: its items (marked
/// illustrative as `minh_hoa` says), its problems, which `minh_hoa`
/// entries and which `[[data.nguon]]` mapping it matched. Parsing never
/// reads items of other files, so the data set is these parts appended in
/// file order.
fn load_file(site_root: &Path, dir: &Path, path: &Path, options: &DataOptions) -> FileLoad {
    let mut diags = Diagnostics::new();
    let mut data = DataSet::default();
    let mut marked = vec![false; options.illustrative.len()];
    let mut received = None;
    let rel = display_path(site_root, path);
    let strict = path.parent() == Some(dir);
    let in_dir = path.strip_prefix(dir).unwrap_or(path);
    let (tables, original) = match received::mapping_for(&options.received, in_dir) {
        Some(m) => {
            received = Some(options.received.iter().position(|x| x == m).unwrap_or(0));
            let raw = read::read_received(path, &rel, options.encoding.as_deref(), &mut diags);
            match (!raw.is_empty())
                .then(|| received::unpivot(m, raw, &mut diags))
                .flatten()
            {
                Some((kt, names)) => (vec![kt], Some(names)),
                None => (Vec::new(), None),
            }
        }
        None => (
            crate::timing::phase("data: cells", || {
                read::read_file(path, &rel, options.encoding.as_deref(), strict, &mut diags)
            }),
            None,
        ),
    };
    for kt in tables {
        let before = illustrative::Counts::of(&data);
        match &original {
            // A received file: messages name its own columns.
            Some(names) => {
                let mut local = Diagnostics::default();
                parse::parse_table(&kt, &mut data, &mut local);
                for d in local.iter() {
                    diags.push(received::in_original_words(d.clone(), names));
                }
            }
            None => parse::parse_table(&kt, &mut data, &mut diags),
        }
        for (i, entry) in options.illustrative.iter().enumerate() {
            if illustrative::matches(entry, kt.kind, in_dir) {
                marked[i] = true;
                before.mark_since(&mut data);
            }
        }
    }
    FileLoad {
        data,
        diags,
        marked,
        received,
    }
}

/// Symlinks under `dir` that look like data files: never followed, but
/// reported (see [`crate::content::load::symlink_skipped`]).
fn data_symlinks(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_symlink())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Data files under `dir`, sorted; hidden files and Excel lock files
/// (`~$…`) are skipped.
fn data_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.file_name().to_string_lossy().starts_with("~$"))
        .filter(|e| read::Format::of(e.path()).is_some())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    files
}
