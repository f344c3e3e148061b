//! Reading single cells: quantities, substances, years, countries.

use super::csv_driver::{CellError, Row};
use super::error::RowError;
use super::options::{Missing, ReadOptions};
use crate::period::{Date, Period};
use crate::place::CountryCode;
use crate::quantity::{Decimal, DecimalMark, Quantity, QuantityError, Unit};
use crate::substance::Substance;

/// Whether a cell stands for "no value".
pub(crate) fn is_missing(v: &str) -> bool {
    let t = v.trim();
    t.is_empty()
        || t.eq_ignore_ascii_case("null")
        || t.eq_ignore_ascii_case("na")
        || t.eq_ignore_ascii_case("n/a")
        || t == "-"
        || t == "..."
}

/// A number cell in `unit`; `Ok(None)` for a missing value kept by the options.
pub(crate) fn quantity(
    row: &Row<'_>,
    col: usize,
    unit: Unit,
    mark: DecimalMark,
    opts: &ReadOptions,
) -> Result<Option<Quantity>, CellError> {
    let v = row.get(col);
    if is_missing(v) {
        return match opts.missing {
            Missing::Keep => Ok(None),
            Missing::Reject => Err(CellError::at(col, v, RowError::Missing)),
        };
    }
    let d = Decimal::parse(v, mark).map_err(|_| CellError::at(col, v, RowError::BadNumber { value: v.to_owned() }))?;
    quantity_of(d, unit).map(Some).map_err(|e| CellError::at(col, v, quantity_error(v, e)))
}

pub(crate) fn quantity_of(d: Decimal, unit: Unit) -> Result<Quantity, QuantityError> {
    Quantity::new(d, unit)
}

pub(crate) fn quantity_error(v: &str, e: QuantityError) -> RowError {
    match e {
        QuantityError::Negative { .. } => RowError::Negative { value: v.to_owned() },
        QuantityError::UnknownUnit { unit } => RowError::UnknownUnit { value: unit },
        QuantityError::Number { .. } => RowError::BadNumber { value: v.to_owned() },
        QuantityError::BelowResolution { .. } => RowError::BelowResolution { value: v.to_owned() },
        _ => RowError::OutOfRange { value: v.to_owned() },
    }
}

/// A decimal mark for files whose convention is "comma if there is no point".
pub(crate) fn comma_unless_point(v: &str) -> DecimalMark {
    if v.contains('.') { DecimalMark::Point } else { DecimalMark::Comma }
}

/// Substance names resolved so far: tables repeat a few names millions of
/// times, so each distinct name is normalised and looked up once.
#[derive(Default)]
pub(crate) struct Names(rustc_hash::FxHashMap<String, Result<Substance, RowError>>);

impl Names {
    /// A substance cell.
    pub(crate) fn substance(&mut self, row: &Row<'_>, col: usize, opts: &ReadOptions) -> Result<Substance, CellError> {
        let v = row.get(col);
        let resolved = match self.0.get(v) {
            Some(r) => r.clone(),
            None => {
                let r = Substance::resolve_with(v, opts.resolution)
                    .map_err(|e| RowError::UnknownSubstance { name: e.name, suggestions: e.suggestions });
                self.0.insert(v.to_owned(), r.clone());
                r
            }
        };
        resolved.map_err(|reason| CellError::at(col, v, reason))
    }
}

/// The text with Persian (`۱۳۹۸`) and Arabic-Indic (`١٣٩٨`) digits written
/// as ASCII digits; other characters as they are.
pub(crate) fn ascii_digits(v: &str) -> String {
    v.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).unwrap_or(c),
            '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A year cell (`2018`, `۲۰۱۸`), as the calendar year.
pub(crate) fn year(row: &Row<'_>, col: usize) -> Result<Period, CellError> {
    let v = row.get(col);
    let bad = || CellError::at(col, v, RowError::BadDate { value: v.to_owned() });
    let ascii = ascii_digits(v.trim());
    // Some tables write years as floats ("2018.0").
    let digits = ascii.strip_suffix(".0").unwrap_or(&ascii);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    if looks_solar_hijri(digits) {
        return Err(CellError::at(col, v, RowError::SolarHijriDate { value: v.to_owned() }));
    }
    let period = Period::parse(digits).map_err(|_| bad())?;
    fits_table(period, col, v)
}

/// The period, or a cell error when a table cannot hold it: the row is then
/// rejected once, where it is read, rather than once per record it gives.
pub(crate) fn fits_table(period: Period, col: usize, v: &str) -> Result<Period, CellError> {
    crate::table::span_of(period)
        .map(|_| period)
        .map_err(|e| CellError::at(col, v, RowError::Unsupported { message: e.to_string() }))
}

/// A date cell: a day (`2021-02-03`, `2021/02/03`) or any period text
/// (`2021-02`, `FY2024`, `SH1399-11`, `2021-01-01..2021-03-31`), or one of
/// the other forms of [`super::date_forms`] (`03.02.2021`, `Feb 2021`). A Gregorian
/// year between 1300 and 1500 is rejected with a hint: such dates in seizure
/// tables are Solar Hijri dates written without their calendar.
pub(crate) fn date(row: &Row<'_>, col: usize) -> Result<Period, CellError> {
    let v = row.get(col);
    if looks_solar_hijri(v) {
        return Err(CellError::at(col, v, RowError::SolarHijriDate { value: v.to_owned() }));
    }
    if let Some(reason) = super::date_forms::unread_date_form(v) {
        return Err(CellError::at(col, v, reason));
    }
    let period = match v.parse::<Date>().map(Period::day).or_else(|_| Period::parse(v)) {
        Ok(p) => p,
        Err(_) => match super::date_forms::other_date_form(v) {
            Some(read) => read.map_err(|reason| CellError::at(col, v, reason))?,
            None => return Err(CellError::at(col, v, RowError::BadDate { value: v.to_owned() })),
        },
    };
    fits_table(period, col, v)
}

/// Whether a date text starts with a year between 1300 and 1500 (in ASCII,
/// Persian or Arabic-Indic digits) followed by nothing or a date separator.
pub(crate) fn looks_solar_hijri(v: &str) -> bool {
    let mut year = 0u32;
    let mut digits = 0;
    let mut rest = v.trim().chars();
    for c in rest.by_ref() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '۰'..='۹' => c as u32 - '۰' as u32,
            '٠'..='٩' => c as u32 - '٠' as u32,
            '-' | '/' | '.' if digits == 4 => return (1300..=1500).contains(&year),
            _ => return false,
        };
        year = year * 10 + d;
        digits += 1;
        if digits > 4 {
            return false;
        }
    }
    digits == 4 && (1300..=1500).contains(&year)
}

/// A non-negative integer count cell (`1`, `12.0`); `None` when missing.
pub(crate) fn count(row: &Row<'_>, col: usize) -> Result<Option<u64>, CellError> {
    let v = row.get(col);
    if is_missing(v) {
        return Ok(None);
    }
    let d = Decimal::parse(v, DecimalMark::Point)
        .map_err(|_| CellError::at(col, v, RowError::BadNumber { value: v.to_owned() }))?;
    let d = d.normalized();
    if d.is_negative() {
        return Err(CellError::at(col, v, RowError::Negative { value: v.to_owned() }));
    }
    if d.scale != 0 {
        return Err(CellError::at(col, v, RowError::BadNumber { value: v.to_owned() }));
    }
    let n =
        u64::try_from(d.mantissa).map_err(|_| CellError::at(col, v, RowError::OutOfRange { value: v.to_owned() }))?;
    crate::table::events_code(Some(n))
        .map_err(|e| CellError::at(col, v, RowError::Unsupported { message: e.to_string() }))?;
    Ok(Some(n))
}

/// A country cell by code or name; `Ok(None)` when empty.
pub(crate) fn country(row: &Row<'_>, col: usize) -> Result<Option<CountryCode>, CellError> {
    let v = row.get(col);
    if is_missing(v) {
        return Ok(None);
    }
    CountryCode::resolve(v)
        .map(Some)
        .ok_or_else(|| CellError::at(col, v, RowError::UnknownCountry { value: v.to_owned() }))
}

/// Finds a column by normalised name.
pub(crate) fn find(header: &[String], names: &[&str]) -> Option<usize> {
    let norm: Vec<String> = header.iter().map(|h| crate::substance::normalize(h)).collect();
    names.iter().find_map(|n| {
        let n = crate::substance::normalize(n);
        norm.iter().position(|h| *h == n)
    })
}
