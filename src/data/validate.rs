//! Cross-reference checks over the whole [`DataSet`] once every file is
//! parsed: duplicate ids, results of unknown targets, DTI codes without a
//! parent, scores of unknown codes, unit names that match no unit, missing
//! evidence files. Also finishes the model: pillar inheritance in the DTI
//! tree and yes/no results written as 1/0.

use std::collections::HashMap;
use std::path::Path;

use super::header::nearest;
use super::model::{DataSet, Quantity, Unit};
use super::table::Loc;
use super::values::{Comparison, Period};
use crate::diagnostics::Diagnostics;
use crate::text::fold;

/// Runs every check and finishing step. `data_dir` (absolute) is used to
/// check that evidence files exist.
pub fn validate(data: &mut DataSet, data_dir: Option<&Path>, diags: &mut Diagnostics) {
    duplicates(data, diags);
    inherit_pillars(data);
    results(data, diags);
    dti(data, data_dir, diags);
    unit_refs(data, diags);
}

/// `du-lieu/chi-tieu.csv [ô A2]`, for "already defined at" messages.
fn place(loc: &Loc) -> String {
    loc.error("").location_label()
}

fn check_unique<'a>(
    items: impl Iterator<Item = (String, &'a Loc)>,
    what: &str,
    hint: &str,
    warn: bool,
    diags: &mut Diagnostics,
) {
    check_unique_by(items, |k| k.clone(), what, hint, warn, diags);
}

/// [`check_unique`] over keys of any kind, written out (`show`) only in
/// the message about a repeated one: a results file has 20,000 rows.
fn check_unique_by<'a, K: Eq + std::hash::Hash>(
    items: impl Iterator<Item = (K, &'a Loc)>,
    show: impl Fn(&K) -> String,
    what: &str,
    hint: &str,
    warn: bool,
    diags: &mut Diagnostics,
) {
    let mut seen: HashMap<K, &Loc> = HashMap::new();
    for (key, loc) in items {
        match seen.get(&key) {
            Some(first) => {
                let message = format!("{what} “{}” bị trùng: đã có ở {}", show(&key), place(first));
                let d = if warn {
                    loc.warning(message)
                } else {
                    loc.error(message)
                };
                diags.push(d.hint(hint));
            }
            None => {
                seen.insert(key, loc);
            }
        }
    }
}

fn duplicates(data: &DataSet, diags: &mut Diagnostics) {
    check_unique(
        data.targets.iter().map(|t| (t.id.clone(), &t.loc)),
        "mã chỉ tiêu",
        "mỗi chỉ tiêu cần một mã riêng",
        false,
        diags,
    );
    check_unique(
        data.tasks.iter().map(|t| (t.id.clone(), &t.loc)),
        "mã nhiệm vụ",
        "mỗi nhiệm vụ cần một mã riêng",
        false,
        diags,
    );
    check_unique(
        data.criteria.iter().map(|c| {
            let place = c
                .locality
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            (format!("{}{place}", c.id), &c.loc)
        }),
        "mã tiêu chí",
        "mỗi tiêu chí của một đơn vị cần một mã riêng (các đơn vị khác nhau dùng chung mã được)",
        false,
        diags,
    );
    check_unique(
        data.units.iter().map(|u| (u.id.clone(), &u.loc)),
        "mã đơn vị",
        "mỗi đơn vị cần một mã riêng",
        false,
        diags,
    );
    check_unique(
        data.indicators.iter().map(|i| (i.code.clone(), &i.loc)),
        "mã chỉ số DTI",
        "mỗi chỉ số cần một mã riêng",
        false,
        diags,
    );
    check_unique(
        data.scores.iter().map(|s| {
            (
                format!(
                    "{} năm {} ({}){}",
                    s.code,
                    s.year,
                    s.kind.label(),
                    s.locality
                        .as_deref()
                        .map(|l| format!(", {l}"))
                        .unwrap_or_default()
                ),
                &s.loc,
            )
        }),
        "điểm của chỉ số",
        "mỗi chỉ số chỉ có một điểm mỗi năm cho mỗi loại (tự đánh giá, chính thức)",
        false,
        diags,
    );
    // A period's label names it alone (`Period::label` is one-to-one), so
    // periods compare as values.
    let row_key = |(id, period, place): &(&str, Period, Option<&str>)| {
        let place = place.map(|c| format!(", {c}")).unwrap_or_default();
        format!("{id} – {}{place}", period.label())
    };
    check_unique_by(
        data.results.iter().map(|r| {
            (
                (r.target_id.as_str(), r.period, r.commune.as_deref()),
                &r.loc,
            )
        }),
        row_key,
        "kết quả",
        "giữ một dòng cho mỗi chỉ tiêu và kỳ; dòng sau cùng trong tệp được dùng",
        true,
        diags,
    );
    check_unique_by(
        data.observations.iter().map(|o| {
            (
                (o.indicator.as_str(), o.period, o.locality.as_deref()),
                &o.loc,
            )
        }),
        row_key,
        "giá trị chỉ số",
        "giữ một dòng cho mỗi chỉ số, kỳ và địa phương; dòng sau cùng trong tệp được dùng",
        true,
        diags,
    );
}

/// Children with no pillar of their own take their parent's.
fn inherit_pillars(data: &mut DataSet) {
    let mut order: Vec<usize> = (0..data.indicators.len()).collect();
    order.sort_by_key(|&i| data.indicators[i].code.matches('.').count());
    let mut resolved: HashMap<String, Vec<String>> = HashMap::new();
    for i in order {
        let ind = &mut data.indicators[i];
        if ind.own_pillars.is_empty()
            && let Some(parent) = ind.parent.as_ref().and_then(|p| resolved.get(p))
        {
            ind.pillars = parent.clone();
        }
        resolved.insert(ind.code.clone(), ind.pillars.clone());
    }
}

fn results(data: &mut DataSet, diags: &mut Diagnostics) {
    let ids: Vec<&str> = data.targets.iter().map(|t| t.id.as_str()).collect();
    let comparisons: HashMap<&str, Comparison> = data
        .targets
        .iter()
        .map(|t| (t.id.as_str(), t.comparison))
        .collect();
    let mut fixes = Vec::new();
    for (i, r) in data.results.iter().enumerate() {
        let Some(cmp) = comparisons.get(r.target_id.as_str()) else {
            let hint = match nearest(&r.target_id, ids.iter().copied()) {
                Some(n) => {
                    format!("có phải ý bạn là “{n}”? Nếu là chỉ tiêu mới, thêm nó vào tệp chỉ tiêu")
                }
                None => {
                    "thêm chỉ tiêu này vào tệp chỉ tiêu (chi-tieu), hoặc sửa mã cho khớp".to_owned()
                }
            };
            diags.push(
                r.loc
                    .error(format!(
                        "kết quả của chỉ tiêu “{}” nhưng không có chỉ tiêu nào mang mã này",
                        r.target_id
                    ))
                    .hint(hint),
            );
            continue;
        };
        match (*cmp == Comparison::YesNo, r.value) {
            (true, Quantity::Number(n)) if n == 1.0 || n == 0.0 => {
                fixes.push((i, Quantity::YesNo(n == 1.0)))
            }
            (true, Quantity::Number(_)) => diags.push(
                r.loc
                    .error(format!(
                        "chỉ tiêu “{}” là chỉ tiêu có/không nhưng kết quả là một số",
                        r.target_id
                    ))
                    .hint("ghi kết quả là “có” hoặc “không”"),
            ),
            (false, Quantity::YesNo(_)) => diags.push(
                r.loc
                    .error(format!(
                        "chỉ tiêu “{}” cần kết quả là số nhưng kết quả ghi có/không",
                        r.target_id
                    ))
                    .hint("ghi giá trị đo được, ví dụ 95,5"),
            ),
            _ => {}
        }
    }
    for (i, q) in fixes {
        data.results[i].value = q;
    }
}

fn dti(data: &DataSet, data_dir: Option<&Path>, diags: &mut Diagnostics) {
    let codes: Vec<&str> = data.indicators.iter().map(|i| i.code.as_str()).collect();
    for ind in &data.indicators {
        if let Some(parent) = &ind.parent
            && !codes.contains(&parent.as_str())
        {
            diags.push(
                ind.loc
                    .error(format!(
                        "chỉ số “{}” không có chỉ số cha “{parent}”",
                        ind.code
                    ))
                    .hint(format!(
                        "thêm dòng chỉ số mã “{parent}”, hoặc sửa lại mã “{}”",
                        ind.code
                    )),
            );
        }
    }
    for ind in &data.indicators {
        let children: Vec<f64> = data
            .indicators
            .iter()
            .filter(|c| c.parent.as_deref() == Some(ind.code.as_str()))
            .map(|c| c.max_points)
            .collect();
        let sum: f64 = children.iter().sum();
        if !children.is_empty() && (sum - ind.max_points).abs() > 1e-9 {
            diags.push(
                ind.loc
                    .warning(format!(
                        "điểm tối đa của chỉ số “{}” là {} nhưng tổng điểm tối đa của {} chỉ số con là {}",
                        ind.code,
                        crate::text::format_decimal(ind.max_points, 4),
                        children.len(),
                        crate::text::format_decimal(sum, 4)
                    ))
                    .hint("kiểm tra lại điểm tối đa của chỉ số này và các chỉ số con"),
            );
        }
    }
    for s in &data.scores {
        if !codes.contains(&s.code.as_str()) {
            let hint = match nearest(&s.code, codes.iter().copied()) {
                Some(n) if !codes.is_empty() => {
                    format!("có phải ý bạn là “{n}”? Mã phải có trong bộ chỉ số (chi-so-dti)")
                }
                _ => "thêm chỉ số này vào bộ chỉ số (tệp chi-so-dti), hoặc sửa mã cho khớp"
                    .to_owned(),
            };
            diags.push(
                s.loc
                    .error(format!(
                        "điểm của chỉ số “{}” nhưng bộ chỉ số không có mã này",
                        s.code
                    ))
                    .hint(hint),
            );
        }
        if let (Some(dir), Some(ev)) = (data_dir, &s.evidence)
            && !ev.contains("://")
            && !dir.join(ev).exists()
        {
            diags.push(
                s.loc
                    .warning(format!("không tìm thấy tệp kiểm chứng “{ev}”"))
                    .hint("đường dẫn tính từ thư mục dữ liệu; kiểm tra tên tệp và thư mục con"),
            );
        }
    }
}

/// Units by folded id, name and short name: [`resolve_unit`] for many
/// lookups, without folding every unit's names on every lookup.
pub struct UnitIndex<'a> {
    units: &'a [Unit],
    by_key: HashMap<String, usize>,
}

impl<'a> UnitIndex<'a> {
    pub fn new(units: &'a [Unit]) -> UnitIndex<'a> {
        let mut by_key = HashMap::new();
        // In unit order, so a key names the first unit that has it, as in
        // `resolve_unit`.
        for (i, u) in units.iter().enumerate() {
            let keys = [Some(&u.id), Some(&u.name), u.short_name.as_ref()];
            for k in keys.into_iter().flatten() {
                by_key.entry(fold(k)).or_insert(i);
            }
        }
        UnitIndex { units, by_key }
    }

    /// Same as [`resolve_unit`] over the indexed units.
    pub fn resolve(&self, text: &str) -> Option<&'a Unit> {
        self.by_key.get(&fold(text.trim())).map(|&i| &self.units[i])
    }
}

/// The unit a lead/partner text names: by id, name or short name (folded).
pub fn resolve_unit<'a>(units: &'a [Unit], text: &str) -> Option<&'a Unit> {
    let key = fold(text.trim());
    units.iter().find(|u| {
        fold(&u.id) == key
            || fold(&u.name) == key
            || u.short_name.as_deref().is_some_and(|s| fold(s) == key)
    })
}

/// Levels of government a unit's `Loại` may name to make it a locality.
const LOCALITY_LEVELS: [&str; 10] = [
    "xa",
    "phuong",
    "thi tran",
    "dac khu",
    "huyen",
    "quan",
    "thi xa",
    "thanh pho",
    "tinh",
    "dia phuong",
];

/// When the units file lists localities (a unit whose `Loại` is xã,
/// phường, huyện…), every name in a `Địa phương` column must be one of its
/// units (name, short name or id; any case and diacritics), or the site's
/// own unit: otherwise a warning at the first cell, with the nearest
/// locality as a suggestion. A typo would otherwise make a second locality.
pub fn localities(data: &DataSet, own: &str, diags: &mut Diagnostics) {
    let listed: Vec<&Unit> = data
        .units
        .iter()
        .filter(|u| {
            u.kind
                .as_deref()
                .is_some_and(|k| LOCALITY_LEVELS.contains(&fold(k).trim()))
        })
        .collect();
    if listed.is_empty() {
        return;
    }
    let index = UnitIndex::new(&data.units);
    let own = fold(own);
    let names: Vec<&str> = listed
        .iter()
        .flat_map(|u| std::iter::once(u.name.as_str()).chain(u.short_name.as_deref()))
        .collect();
    let mut reported = std::collections::HashSet::new();
    for (text, loc) in &data.locality_refs {
        let key = fold(text);
        let is_own = !own.trim().is_empty() && (key == own || own.ends_with(&format!(" {key}")));
        if is_own || index.resolve(text).is_some() || !reported.insert(key) {
            continue;
        }
        let hint = match nearest(text, names.iter().copied()) {
            Some(n) => format!(
                "có phải ý bạn là “{n}”? Tên địa phương phải khớp tên, tên viết tắt hoặc mã trong tệp đơn vị; nếu là địa phương mới, thêm một dòng vào tệp đơn vị"
            ),
            None => "thêm địa phương này vào tệp đơn vị (don-vi, cột Loại ghi xã, phường…), hoặc ghi đúng tên đã có".to_owned(),
        };
        diags.push(
            loc.warning(format!("địa phương “{text}” không có trong tệp đơn vị"))
                .hint(hint),
        );
    }
}

fn unit_refs(data: &DataSet, diags: &mut Diagnostics) {
    if data.units.is_empty() {
        return;
    }
    let names: Vec<&str> = data
        .units
        .iter()
        .flat_map(|u| {
            std::iter::once(u.name.as_str())
                .chain(u.short_name.as_deref())
                .chain(std::iter::once(u.id.as_str()))
        })
        .collect();
    let index = UnitIndex::new(&data.units);
    // Thousands of rows name the same hundred units: each text is folded
    // and looked up once.
    let mut known: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut check = |text: &str, loc: &Loc| {
        if known.contains(text) {
            return;
        }
        if index.resolve(text).is_some() {
            known.insert(text.to_owned());
            return;
        }
        let hint = match nearest(text, names.iter().copied()) {
            Some(n) => format!("có phải ý bạn là “{n}”? Tên phải khớp mã, tên hoặc tên viết tắt trong tệp đơn vị"),
            None => "thêm đơn vị này vào tệp đơn vị (don-vi), hoặc ghi đúng mã, tên hoặc tên viết tắt đã có".to_owned(),
        };
        diags.push(
            loc.warning(format!("đơn vị “{text}” không có trong danh sách đơn vị"))
                .hint(hint),
        );
    };
    for t in &data.targets {
        if let Some(l) = &t.lead {
            check(l, &t.lead_loc);
        }
    }
    for t in &data.tasks {
        check(&t.lead, &t.lead_loc);
        for p in &t.partners {
            check(p, &t.partners_loc);
        }
    }
    for i in &data.indicators {
        if let Some(l) = &i.lead {
            check(l, &i.lead_loc);
        }
    }
}
