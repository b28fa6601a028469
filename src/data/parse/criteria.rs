//! Rows of the criteria checklist (`tieu-chi…`) and the recurrence cells of
//! tasks (`Lặp lại`, `Bắt đầu`, `Đã báo cáo`).

use super::cells::{RowCtx, date};
use crate::data::model::{Criterion, Report};
use crate::data::schema::Field;
use crate::data::table::Value;
use crate::data::values::{
    Period, Recurrence, ValueError, parse_light, parse_recurrence, parse_reports, parse_yes_no,
};

pub fn criterion(c: &mut RowCtx) -> Option<Criterion> {
    let id = c.required_text(Field::Id);
    let statement = c.required_text(Field::Statement);
    let deadline = c.deadline(Field::Deadline);
    let status = c.word(Field::Status, parse_light);
    let done = done(c);
    let loc = c.loc(Field::Id);
    let item = Criterion {
        id: id?,
        statement: statement?,
        group: c.text(Field::Group),
        locality: c.text(Field::Locality),
        deadline,
        status,
        done: done.is_some_and(|d| d.0),
        completed: done.and_then(|d| d.1),
        evidence: c.text(Field::Evidence),
        illustrative: c.flag(Field::Illustrative),
        note: c.text(Field::Note),
        loc,
    };
    c.ok.then_some(item)
}

/// `Hoàn thành`: a yes/no word or the day it was done (a day means yes).
fn done(c: &mut RowCtx) -> Option<(bool, Option<jiff::civil::Date>)> {
    let cell = c.cell(Field::Completed)?;
    let read = match &cell.value {
        Value::Bool(b) => Ok((*b, None)),
        Value::Text(t) => parse_yes_no(t)
            .map(|b| (b, None))
            .or_else(|_| crate::data::values::parse_date(t).map(|d| (true, Some(d)))),
        other => date(other).map(|d| (true, Some(d))),
    };
    match read {
        Ok(v) => Some(v),
        Err(_) => {
            let text = cell.value.display();
            c.fail(
                Field::Completed,
                ValueError::new(
                    format!("“{text}” không phải là có/không hay một ngày"),
                    "ghi “có”/“x” khi đã hoàn thành (hoặc ngày hoàn thành, ví dụ 15/08/2025), \
                     “không” hay để trống khi chưa",
                ),
            );
            None
        }
    }
}

/// The recurrence cells of a task: the rule, its start and the reports.
pub fn task_recurrence(c: &mut RowCtx) -> (Option<Recurrence>, Option<Period>, Vec<Report>) {
    let rule = c.word(Field::Recurrence, parse_recurrence);
    let start = c.period(Field::Start);
    let reports = match c.cell(Field::Reported).map(|cell| cell.value.clone()) {
        None => Vec::new(),
        Some(Value::Text(t)) => match parse_reports(&t) {
            Ok(r) => r
                .into_iter()
                .map(|(period, date)| Report { period, date })
                .collect(),
            Err(e) => {
                c.fail(Field::Reported, e);
                Vec::new()
            }
        },
        Some(other) => match date(&other) {
            Ok(d) => vec![Report {
                period: None,
                date: Some(d),
            }],
            Err(e) => {
                c.fail(Field::Reported, e);
                Vec::new()
            }
        },
    };
    if rule.is_none() && c.cell(Field::Recurrence).is_none() && !reports.is_empty() {
        let header = c.header(Field::Recurrence);
        c.diags.push(
            c.loc(Field::Reported)
                .warning(format!(
                    "nhiệm vụ không lặp lại nên cột “{}” không được dùng",
                    c.header(Field::Reported)
                ))
                .hint(format!(
                    "ghi quy tắc lặp lại ở cột “{header}”, ví dụ “hằng quý, trước ngày 15 của tháng cuối quý”"
                )),
        );
    }
    (rule, start, reports)
}
