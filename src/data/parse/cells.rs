//! Reading typed values out of one row's cells, with located messages:
//! "cột “Mục tiêu”: “95,5x” không phải là số".

use jiff::civil::Date;

use crate::data::header::HeaderMap;
use crate::data::kind::Kind;
use crate::data::model::{Dong, Quantity};
use crate::data::schema::Field;
use crate::data::table::{Cell, Loc, Row, Value};
use crate::data::values::{
    Deadline, NumberStyle, Period, ValueError, excel_serial_to_date, parse_date, parse_deadline,
    parse_number, parse_period, parse_yes_no,
};
use crate::diagnostics::Diagnostics;

/// One row being parsed: looks cells up by field and reports problems.
pub struct RowCtx<'a> {
    pub kind: Kind,
    header: &'a HeaderMap,
    pub row: &'a Row,
    pub diags: &'a mut Diagnostics,
    /// False once any cell of the row had an error.
    pub ok: bool,
}

impl<'a> RowCtx<'a> {
    pub fn new(
        kind: Kind,
        header: &'a HeaderMap,
        row: &'a Row,
        diags: &'a mut Diagnostics,
    ) -> Self {
        Self {
            kind,
            header,
            row,
            diags,
            ok: true,
        }
    }

    /// The non-empty cell of `field`, if the column exists and has a value.
    pub fn cell(&self, field: Field) -> Option<&'a Cell> {
        let i = self.header.index_of(field)?;
        self.row.cells.get(i).filter(|c| !c.value.is_empty())
    }

    /// Where `field` is in this row (the row start when the column is missing).
    pub fn loc(&self, field: Field) -> Loc {
        match self.header.index_of(field) {
            Some(i) => self
                .row
                .cells
                .get(i)
                .map_or_else(|| self.row.loc.with_column(i), |c| c.loc.clone()),
            None => self.row.loc.clone(),
        }
    }

    pub fn header(&self, field: Field) -> String {
        self.header.text_of(self.kind, field)
    }

    /// Reports a value that cannot be read.
    pub fn fail(&mut self, field: Field, err: ValueError) {
        let mut d = self
            .loc(field)
            .error(format!("cột “{}”: {}", self.header(field), err.message));
        if let Some(h) = err.hint {
            d = d.hint(h);
        }
        self.diags.push(d);
        self.ok = false;
    }

    /// Reports an empty required value.
    pub fn missing(&mut self, field: Field) {
        self.ok = false;
        if self.header.index_of(field).is_none() {
            return; // the missing column is reported once, at the header
        }
        let header = self.header(field);
        self.diags.push(
            self.loc(field)
                .error(format!("thiếu giá trị bắt buộc ở cột “{header}”"))
                .hint(format!(
                    "nhập {header} cho dòng này, hoặc xoá cả dòng nếu không dùng"
                )),
        );
        self.ok = false;
    }

    pub fn text(&self, field: Field) -> Option<String> {
        self.cell(field).map(|c| c.value.as_text())
    }

    pub fn required_text(&mut self, field: Field) -> Option<String> {
        let t = self.text(field);
        if t.is_none() {
            self.missing(field);
        }
        t
    }

    /// Reads a cell with `read`, reporting errors; `None` when empty or bad.
    fn read<T>(
        &mut self,
        field: Field,
        read: impl FnOnce(&Value) -> Result<T, ValueError>,
    ) -> Option<T> {
        let cell = self.cell(field)?;
        match read(&cell.value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.fail(field, e);
                None
            }
        }
    }

    fn required<T>(
        &mut self,
        field: Field,
        read: impl FnOnce(&Value) -> Result<T, ValueError>,
    ) -> Option<T> {
        if self.cell(field).is_none() {
            self.missing(field);
            return None;
        }
        self.read(field, read)
    }

    pub fn number(&mut self, field: Field) -> Option<f64> {
        self.read(field, |v| number(v, NumberStyle::Plain))
    }

    pub fn required_number(&mut self, field: Field) -> Option<f64> {
        self.required(field, |v| number(v, NumberStyle::Plain))
    }

    pub fn money(&mut self, field: Field) -> Option<Dong> {
        self.read(field, money)
    }

    pub fn required_money(&mut self, field: Field) -> Option<Dong> {
        self.required(field, money)
    }

    pub fn required_year(&mut self, field: Field) -> Option<i16> {
        self.required(field, year)
    }

    pub fn date(&mut self, field: Field) -> Option<Date> {
        self.read(field, date)
    }

    pub fn required_period(&mut self, field: Field) -> Option<Period> {
        self.required(field, period)
    }

    pub fn deadline(&mut self, field: Field) -> Option<Deadline> {
        self.read(field, deadline)
    }

    /// Reads a text cell with a word parser (status, comparison…).
    pub fn word<T>(&mut self, field: Field, parse: fn(&str) -> Result<T, ValueError>) -> Option<T> {
        self.read(field, |v| parse(&v.as_text()))
    }

    pub fn period(&mut self, field: Field) -> Option<Period> {
        self.read(field, period)
    }

    /// A yes/no mark such as `Minh họa`: `có`, `x`, `true`, `1` → yes;
    /// empty, `không` → no; anything else is an error.
    pub fn flag(&mut self, field: Field) -> bool {
        self.read(field, |v| match v {
            Value::Bool(b) => Ok(*b),
            Value::Number(n) if *n == 1.0 || *n == 0.0 => Ok(*n == 1.0),
            other => parse_yes_no(&other.as_text()),
        })
        .unwrap_or(false)
    }

    pub fn required_quantity(&mut self, field: Field) -> Option<Quantity> {
        self.required(field, quantity)
    }
}

/// A number from a numeric or text cell.
pub fn number(v: &Value, style: NumberStyle) -> Result<f64, ValueError> {
    match v {
        Value::Number(n) => Ok(*n),
        Value::Text(t) => parse_number(t, style),
        other => Err(ValueError::new(
            format!("“{}” không phải là số", other.display()),
            "nhập một số, ví dụ 95,5 hoặc 1.552.020.000",
        )),
    }
}

/// A whole amount in đồng.
pub fn money(v: &Value) -> Result<Dong, ValueError> {
    let n = number(v, NumberStyle::Money)?;
    if n.fract() != 0.0 || n.abs() > 9e15 {
        return Err(ValueError::new(
            format!("“{}” không phải là số tiền nguyên (đồng)", v.display()),
            "ghi số tiền bằng đồng, không có phần lẻ, ví dụ 1.552.020.000",
        ));
    }
    Ok(n as Dong)
}

/// A year: `2025`, `năm 2025`, or the number 2025.
pub fn year(v: &Value) -> Result<i16, ValueError> {
    let err = || {
        ValueError::new(
            format!("“{}” không phải là năm", v.display()),
            "ghi năm bằng 4 chữ số, ví dụ 2025",
        )
    };
    match v {
        Value::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => Ok(*n as i16),
        Value::Text(t) => match parse_period(t) {
            Ok(Period::Year(y)) => Ok(y),
            _ => Err(err()),
        },
        _ => Err(err()),
    }
}

/// A date from a date cell, an Excel serial number or text.
pub fn date(v: &Value) -> Result<Date, ValueError> {
    match v {
        Value::Date(d) => Ok(*d),
        Value::DateTime(dt) => Ok(dt.date()),
        Value::Number(n) => excel_serial_to_date(*n).ok_or_else(|| {
            ValueError::new(
                format!("“{}” không phải là ngày", v.display()),
                "nhập ngày dạng 14/11/2025",
            )
        }),
        Value::Text(t) => parse_date(t),
        _ => Err(ValueError::new(
            format!("“{}” không phải là ngày", v.display()),
            "nhập ngày dạng 14/11/2025",
        )),
    }
}

/// A period; a whole number 1900–2200 is a year, other numbers are Excel dates.
pub fn period(v: &Value) -> Result<Period, ValueError> {
    match v {
        Value::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => {
            Ok(Period::Year(*n as i16))
        }
        Value::Text(t) => parse_period(t),
        other => date(other).map(Period::Day),
    }
}

/// A deadline; numbers as for [`period`].
pub fn deadline(v: &Value) -> Result<Deadline, ValueError> {
    match v {
        Value::Text(t) => parse_deadline(t),
        other => period(other).map(Deadline::from_period).map_err(|_| {
            ValueError::new(
                format!("“{}” không phải là thời hạn", other.display()),
                "viết một ngày (30/11/2025), một quý (Quý I/2025), một tháng (06/2025), một năm (2025) hoặc “Thường xuyên”",
            )
        }),
    }
}

/// A measured value: yes/no when written as a yes/no word, else a number.
pub fn quantity(v: &Value) -> Result<Quantity, ValueError> {
    match v {
        Value::Bool(b) => Ok(Quantity::YesNo(*b)),
        Value::Text(t)
            if !t
                .trim()
                .starts_with(|c: char| c.is_ascii_digit() || c == '-') =>
        {
            parse_yes_no(t).map(Quantity::YesNo).map_err(|_| {
                ValueError::new(
                    format!("“{}” không phải là số hoặc có/không", t.trim()),
                    "nhập một số (95,5) hoặc “có”/“không”",
                )
            })
        }
        other => number(other, NumberStyle::Plain).map(Quantity::Number),
    }
}
