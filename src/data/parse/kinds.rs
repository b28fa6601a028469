//! One builder per dataset kind: a row's cells → a model item. Each reads
//! every cell first (so all problems of the row are reported), then returns
//! the item only if the row had no error.

use super::cells::RowCtx;
use crate::data::model::{
    BudgetLine, Indicator, Measurement, Observation, Quantity, Score, Target, Task, Unit,
};
use crate::data::schema::Field;
use crate::data::table::Value;
use crate::data::values::{
    Comparison, NumberStyle, ScoreKind, TaskStatus, ValueError, parse_comparison, parse_number,
    parse_score_kind, parse_status, parse_yes_no, split_list, split_units,
};
use crate::text::fold;

pub fn target(c: &mut RowCtx) -> Option<Target> {
    let id = c.required_text(Field::Id);
    let statement = c.required_text(Field::Statement);
    let written = c.word(Field::Comparison, parse_comparison);
    let (comparison, target) = target_value(c, written);
    let baseline = c.number(Field::Baseline);
    let start = c.period(Field::Start);
    let deadline = c.deadline(Field::Deadline);
    if let (Some(s), Some(d)) = (start, deadline.and_then(|d| d.date()))
        && s.start() > d
    {
        c.fail(
            Field::Start,
            crate::data::values::ValueError::new(
                format!(
                    "kỳ bắt đầu {} sau thời hạn {}",
                    s.label(),
                    crate::text::dates::short(d)
                ),
                "kỳ bắt đầu phải trước thời hạn; kiểm tra lại hai cột",
            ),
        );
    }
    let loc = c.loc(Field::Id);
    Some(Target {
        id: id?,
        pillar: c.text(Field::Pillar),
        statement: statement?,
        unit: c.text(Field::Unit),
        comparison,
        target: target?,
        baseline,
        start,
        deadline,
        document: c.text(Field::Document),
        lead: c.text(Field::Lead),
        locality: c.text(Field::Locality),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        loc,
        lead_loc: c.loc(Field::Lead),
    })
    .filter(|_| c.ok)
}

/// The target value and the comparison: `có`/`không` implies yes/no and
/// `top 5` a rank when no comparison is written (an extension of the contract).
fn target_value(c: &mut RowCtx, written: Option<Comparison>) -> (Comparison, Option<Quantity>) {
    let Some(cell) = c.cell(Field::Target) else {
        c.missing(Field::Target);
        return (written.unwrap_or(Comparison::AtLeast), None);
    };
    let text = cell.value.as_text();
    let folded = fold(&text);
    if matches!(written, None | Some(Comparison::Rank)) {
        for prefix in ["top", "xep hang", "hang", "thu"] {
            if let Some(rest) = folded.strip_prefix(prefix)
                && let Ok(n) = parse_number(rest.trim(), NumberStyle::Plain)
            {
                return (Comparison::Rank, Some(Quantity::Number(n)));
            }
        }
    }
    let yes_no = match &cell.value {
        Value::Bool(b) => Some(*b),
        Value::Text(t) if !t.trim().starts_with(|ch: char| ch.is_ascii_digit()) => {
            parse_yes_no(t).ok()
        }
        _ => None,
    };
    match (written, yes_no) {
        (Some(Comparison::YesNo), _) => {
            let v = match &cell.value {
                Value::Bool(b) => Ok(*b),
                other => parse_yes_no(&other.as_text()),
            };
            match v {
                Ok(b) => (Comparison::YesNo, Some(Quantity::YesNo(b))),
                Err(e) => {
                    c.fail(Field::Target, e);
                    (Comparison::YesNo, None)
                }
            }
        }
        (None, Some(b)) => (Comparison::YesNo, Some(Quantity::YesNo(b))),
        (w, _) => {
            let cmp = w.unwrap_or(Comparison::AtLeast);
            match super::cells::number(&cell.value, NumberStyle::Plain) {
                Ok(n) => (cmp, Some(Quantity::Number(n))),
                Err(mut e) => {
                    if yes_no.is_some() {
                        e.hint = Some(format!(
                            "chỉ tiêu so sánh “{}” cần một số; nếu là chỉ tiêu có/không, ghi “có/không” ở cột “{}”",
                            cmp.label(),
                            c.header(Field::Comparison)
                        ));
                    }
                    c.fail(Field::Target, e);
                    (cmp, None)
                }
            }
        }
    }
}

pub fn result(c: &mut RowCtx) -> Option<Measurement> {
    let target_id = c.required_text(Field::TargetRef);
    let period = c.required_period(Field::Period);
    let value = c.required_quantity(Field::Value);
    let loc = c.loc(Field::TargetRef);
    let m = Measurement {
        target_id: target_id?,
        period: period?,
        value: value?,
        commune: c.text(Field::Locality),
        source: c.text(Field::Source),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        loc,
    };
    c.ok.then_some(m)
}

pub fn task(c: &mut RowCtx) -> Option<Task> {
    let id = c.required_text(Field::Id);
    let statement = c.required_text(Field::Statement);
    let lead = c.required_text(Field::Lead);
    let deadline = c.deadline(Field::Deadline);
    let budget = c.money(Field::Budget);
    let status = c.word(Field::Status, parse_status);
    let completed = c.date(Field::Completed);
    let status = match (status, completed) {
        (None, Some(_)) => Some(TaskStatus::Completed),
        (s, _) => s,
    };
    let (recurrence, start, reports) = super::criteria::task_recurrence(c);
    let loc = c.loc(Field::Id);
    let t = Task {
        id: id?,
        statement: statement?,
        pillar: c.text(Field::Pillar),
        lead: lead?,
        partners: c
            .text(Field::Partners)
            .map(|p| split_units(&p))
            .unwrap_or_default(),
        partners_text: c.text(Field::Partners),
        deadline,
        budget,
        status,
        completed,
        document: c.text(Field::Document),
        locality: c.text(Field::Locality),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        recurrence,
        start,
        reports,
        reports_text: c.text(Field::Reported),
        loc,
        lead_loc: c.loc(Field::Lead),
        partners_loc: c.loc(Field::Partners),
    };
    c.ok.then_some(t)
}

pub fn budget(c: &mut RowCtx) -> Option<BudgetLine> {
    let year = c.required_year(Field::Year);
    let source = c.required_text(Field::FundSource);
    let item = c.required_text(Field::Item);
    let planned = c.required_money(Field::Planned);
    let disbursed = c.money(Field::Disbursed);
    let loc = c.loc(Field::Item);
    if let (Some(p), Some(d)) = (planned, disbursed)
        && d > p
    {
        c.diags.push(
            c.loc(Field::Disbursed)
                .warning(format!(
                    "số đã giải ngân ({}) lớn hơn kế hoạch ({})",
                    crate::text::format_integer(d),
                    crate::text::format_integer(p)
                ))
                .hint("kiểm tra lại hai cột, hoặc ghi phần bổ sung thành một dòng kế hoạch riêng"),
        );
    }
    let b = BudgetLine {
        year: year?,
        source: source?,
        item: item?,
        pillar: c.text(Field::Pillar),
        planned: planned?,
        disbursed,
        locality: c.text(Field::Locality),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        loc,
    };
    c.ok.then_some(b)
}

/// Normalises an index code: trims, drops a trailing `.` and spaces.
pub fn index_code(raw: &str) -> String {
    raw.trim()
        .trim_end_matches('.')
        .split_whitespace()
        .collect::<String>()
}

/// The parent of a code: `1.1.3.a` → `1.1.3`; `1` → none.
pub fn parent_code(code: &str) -> Option<String> {
    code.rsplit_once('.').map(|(p, _)| p.to_owned())
}

pub fn indicator(c: &mut RowCtx) -> Option<Indicator> {
    let code = c.required_text(Field::Id).map(|t| index_code(&t));
    let name = c.required_text(Field::Name);
    let max = c.required_number(Field::MaxPoints);
    let loc = c.loc(Field::Id);
    let code = code?;
    let own_pillars = c
        .text(Field::Pillar)
        .map(|p| split_list(&p))
        .unwrap_or_default();
    let i = Indicator {
        parent: parent_code(&code),
        code,
        name: name?,
        max_points: max?,
        lead: c.text(Field::Lead),
        pillars: own_pillars.clone(),
        own_pillars,
        rule: c.text(Field::Rule),
        note: c.text(Field::Note),
        loc,
        lead_loc: c.loc(Field::Lead),
    };
    c.ok.then_some(i)
}

pub fn score(c: &mut RowCtx) -> Option<Score> {
    let code = c.required_text(Field::Id).map(|t| index_code(&t));
    let year = c.required_year(Field::Year);
    let points = c.number(Field::Points);
    let index = c.number(Field::Index);
    if let Some(i) = index
        && !(0.0..=1.0).contains(&i)
    {
        c.fail(
            Field::Index,
            ValueError::new(
                format!("chỉ số {} nằm ngoài khoảng 0–1", crate::text::format_decimal(i, 4)),
                "chỉ số chuẩn hoá là điểm chia cho điểm tối đa, ví dụ 0,8241; nếu là điểm, ghi vào cột “Điểm”",
            ),
        );
    }
    if points.is_none()
        && index.is_none()
        && c.cell(Field::Points).is_none()
        && c.cell(Field::Index).is_none()
    {
        let header = c.header(Field::Points);
        c.diags.push(
            c.loc(Field::Points)
                .error(format!("thiếu điểm: cần cột “{header}” hoặc cột “Chỉ số”"))
                .hint("nhập số điểm (ví dụ 16,5) hoặc chỉ số 0–1 (ví dụ 0,8241)"),
        );
        c.ok = false;
    }
    let kind = c
        .word(Field::ScoreKind, parse_score_kind)
        .unwrap_or(ScoreKind::SelfAssessed);
    let loc = c.loc(Field::Id);
    let s = Score {
        code: code?,
        year: year?,
        points,
        index,
        kind,
        evidence: c.text(Field::Evidence),
        locality: c.text(Field::Locality),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        loc,
    };
    c.ok.then_some(s)
}

pub fn observation(c: &mut RowCtx) -> Option<Observation> {
    let indicator = c.required_text(Field::Name);
    let period = c.required_period(Field::Period);
    let value = c.required_quantity(Field::Value);
    let loc = c.loc(Field::Name);
    let o = Observation {
        indicator: indicator?,
        unit: c.text(Field::Unit),
        locality: c.text(Field::Locality),
        period: period?,
        value: value?,
        pillars: c
            .text(Field::Pillar)
            .map(|p| split_list(&p))
            .unwrap_or_default(),
        source: c.text(Field::Source),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        loc,
    };
    c.ok.then_some(o)
}

pub fn unit(c: &mut RowCtx) -> Option<Unit> {
    let id = c.required_text(Field::Id);
    let name = c.required_text(Field::Name);
    let loc = c.loc(Field::Id);
    let u = Unit {
        id: id?,
        name: name?,
        kind: c.text(Field::UnitType),
        short_name: c.text(Field::ShortName),
        address: c.text(Field::Address),
        phone: c.text(Field::Phone),
        email: c.text(Field::Email),
        note: c.text(Field::Note),
        loc,
    };
    c.ok.then_some(u)
}
