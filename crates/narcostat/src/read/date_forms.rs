//! Date cells in the other forms analysts write: a day with a time of day
//! (`2021-02-03 10:00`), `03.02.2021`, `3 Feb 2021`, `Feb 2021`, `Q1 2021`;
//! and the forms that cannot be read without a guess (`1/2/21`) or are not
//! dates narcostat reads (`20210203`), each with its own error.

use super::error::RowError;
use super::layouts::month_number;
use crate::period::{Date, Period};

/// The period of a date cell in one of the forms above; `None` when `v` is
/// in none of them (the caller's error stands).
pub(crate) fn other_date_form(v: &str) -> Option<Result<Period, RowError>> {
    let t = v.trim();
    if let Some(reason) = unread_date_form(v) {
        return Some(Err(reason));
    }
    if let Some(day) = day_with_time(t) {
        return Some(Ok(Period::day(day)));
    }
    dotted_day(t).or_else(|| named_month(t)).or_else(|| quarter(t)).map(Ok)
}

/// Why `v` is not read as a date, when it is a form read by no rule:
/// `1/2/21` (day/month or month/day), `20210203` (eight digits).
pub(crate) fn unread_date_form(v: &str) -> Option<RowError> {
    let t = v.trim();
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(RowError::UnreadDateForm { value: v.to_owned() });
    }
    slash_day(t).then(|| RowError::AmbiguousDate { value: v.to_owned() })
}

/// `2021-02-03 10:00`, `2021-02-03T10:00:00Z`: the day; the time of day is dropped.
fn day_with_time(t: &str) -> Option<Date> {
    let (day, time) = (t.get(..10)?, t.get(10..)?);
    let time = time.strip_prefix(['T', ' '])?;
    let clock = time.get(..5)?;
    let is_clock =
        clock.as_bytes().get(2) == Some(&b':') && clock.bytes().enumerate().all(|(i, b)| i == 2 || b.is_ascii_digit());
    is_clock.then(|| day.parse::<Date>().ok()).flatten()
}

/// `1/2/21`, `13/04/2021`: day and month in an order a cell cannot tell.
fn slash_day(t: &str) -> bool {
    let parts: Vec<&str> = t.split('/').collect();
    let digits =
        |p: &str, n: std::ops::RangeInclusive<usize>| n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    matches!(parts.as_slice(), [a, b, y] if digits(a, 1..=2) && digits(b, 1..=2) && (y.len() == 2 || y.len() == 4) && digits(y, 2..=4))
}

/// `03.02.2021`: day, month, year.
fn dotted_day(t: &str) -> Option<Period> {
    let parts: Vec<&str> = t.split('.').collect();
    let [d, m, y] = parts.as_slice() else { return None };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok().map(Period::day)
}

/// `3 Feb 2021` (a day) or `Feb 2021`, `February 2021` (a month).
fn named_month(t: &str) -> Option<Period> {
    let parts: Vec<&str> = t.split_whitespace().collect();
    let year = |y: &str| (y.len() == 4).then(|| y.parse::<i32>().ok()).flatten();
    match parts.as_slice() {
        [d, m, y] => Date::from_ymd(year(y)?, month_number(m)?, d.parse().ok()?).ok().map(Period::day),
        [m, y] => Period::parse(&format!("{:04}-{:02}", year(y)?, month_number(m)?)).ok(),
        _ => None,
    }
}

/// `Q1 2021`, `2021 Q1`, `2021-Q1`: a quarter.
fn quarter(t: &str) -> Option<Period> {
    let upper = t.to_ascii_uppercase();
    let parts: Vec<&str> = upper.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    let (q, y) = match parts.as_slice() {
        [q, y] if q.starts_with('Q') => (*q, *y),
        [y, q] if q.starts_with('Q') => (*q, *y),
        _ => return None,
    };
    (y.len() == 4).then(|| Period::parse(&format!("{y}-{q}")).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let day = |s: &str| Period::day(s.parse::<Date>().ok().unwrap_or_else(|| panic!("{s}")));
        assert_eq!(other_date_form("2021-02-03 10:00"), Some(Ok(day("2021-02-03"))));
        assert_eq!(other_date_form("2021-02-03T10:00:00"), Some(Ok(day("2021-02-03"))));
        assert_eq!(other_date_form("03.02.2021"), Some(Ok(day("2021-02-03"))));
        assert_eq!(other_date_form("3 Feb 2021"), Some(Ok(day("2021-02-03"))));
        assert_eq!(other_date_form("Feb 2021"), Period::parse("2021-02").ok().map(Ok));
        assert_eq!(other_date_form("Q1 2021"), Period::parse("2021-Q1").ok().map(Ok));
        assert!(matches!(other_date_form("1/2/21"), Some(Err(RowError::AmbiguousDate { .. }))));
        assert!(matches!(other_date_form("13/04/2021"), Some(Err(RowError::AmbiguousDate { .. }))));
        assert!(matches!(other_date_form("20210203"), Some(Err(RowError::UnreadDateForm { .. }))));
        assert_eq!(other_date_form("soon"), None);
    }
}
