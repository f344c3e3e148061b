//! Date and year cells of generic tables, read in the table's calendar.

use super::cells;
use super::csv_driver::{CellError, Row};
use super::error::RowError;
use crate::period::{Calendar, Period, SOLAR_HIJRI_MONTHS, parse_solar_hijri};

/// A date cell in `calendar`. Solar Hijri cells are days (`1399/12/30`,
/// `۳۰ اسفند ۱۳۹۹`) or months (`1399/12`, `اسفند ۱۳۹۹`), or the `SH1399-12`
/// period text; a day the month does not have is a row error.
pub(crate) fn date_in(row: &Row<'_>, col: usize, calendar: Calendar) -> Result<Period, CellError> {
    match calendar {
        Calendar::Gregorian => cells::date(row, col),
        Calendar::SolarHijri => {
            let v = row.get(col);
            let prefixed = v.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("sh"));
            let period = parse_solar_hijri(v)
                .or_else(|| prefixed.then(|| Period::parse(v).ok()).flatten())
                .ok_or_else(|| CellError::at(col, v, RowError::BadSolarHijriDate { value: v.to_owned() }))?;
            cells::fits_table(period, col, v)
        }
    }
}

/// How a year cell is read: a calendar year, a US fiscal year (a column
/// headed `FY` or `Fiscal Year`: FY2024 is October 2023 to September 2024)
/// or a Solar Hijri year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearKind {
    /// A Gregorian calendar year.
    Calendar,
    /// A US federal fiscal year.
    Fiscal,
    /// A Solar Hijri year (`1399`: 20 March 2020 to 20 March 2021).
    SolarHijri,
}

/// A year cell (`2018`, `2018.0`) read as `kind`.
pub(crate) fn year_in(row: &Row<'_>, col: usize, kind: YearKind) -> Result<Period, CellError> {
    let prefix = match kind {
        YearKind::Calendar => return cells::year(row, col),
        YearKind::Fiscal => "FY",
        YearKind::SolarHijri => "SH",
    };
    let v = row.get(col);
    let ascii = cells::ascii_digits(v.trim());
    let digits = ascii.strip_suffix(".0").unwrap_or(&ascii);
    let bad = || CellError::at(col, v, RowError::BadDate { value: v.to_owned() });
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let period = Period::parse(&format!("{prefix}{digits}")).map_err(|_| bad())?;
    cells::fits_table(period, col, v)
}

/// Whether a date header is a month only (`Month`, `ماه`), read with the year column.
pub(crate) fn is_month_header(header: &str) -> bool {
    matches!(crate::substance::normalize(header).as_str(), "month" | "ماه")
}

/// The month of a year column and a month column (`2021` and `2`, `Feb`,
/// `February`; for a Solar Hijri year `12`, `Esfand`, `اسفند`). A fiscal
/// year's October to December fall in the calendar year before it.
pub(crate) fn year_month(row: &Row<'_>, year: (usize, YearKind), month: usize) -> Result<Period, CellError> {
    let (ycol, kind) = year;
    let (y, m) = (row.get(ycol), row.get(month));
    let bad = || CellError::at(month, m, RowError::BadDate { value: format!("{y} {m}") });
    let (y_ascii, m_ascii) = (cells::ascii_digits(y.trim()), cells::ascii_digits(m.trim()));
    let number = m_ascii.strip_suffix(".0").unwrap_or(&m_ascii).parse::<u32>().ok().filter(|n| (1..=12).contains(n));
    let year_number: i32 = y_ascii.strip_suffix(".0").unwrap_or(&y_ascii).parse().map_err(|_| bad())?;
    let period = match kind {
        YearKind::SolarHijri => {
            let named = SOLAR_HIJRI_MONTHS
                .iter()
                .chain(&crate::period::PERSIAN_MONTH_NAMES)
                .position(|n| crate::substance::normalize(n) == crate::substance::normalize(m));
            let month = number.or_else(|| named.and_then(|i| u32::try_from(i % 12 + 1).ok())).ok_or_else(bad)?;
            parse_solar_hijri(&format!("{year_number}/{month}"))
        }
        YearKind::Calendar | YearKind::Fiscal => {
            let month = number.or_else(|| super::layouts::month_number(m)).ok_or_else(bad)?;
            let shift = i32::from(kind == YearKind::Fiscal && month >= 10);
            Period::parse(&format!("{:04}-{month:02}", year_number - shift)).ok()
        }
    };
    cells::fits_table(period.ok_or_else(bad)?, month, m)
}
