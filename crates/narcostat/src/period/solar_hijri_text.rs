//! Solar Hijri dates and months as Iranian tables write them: `1399/12/30`,
//! `1399-12-30`, `۱۳۹۹/۱۲/۳۰`, `30 Esfand 1399`, `۳۰ اسفند ۱۳۹۹`, `1399/12`,
//! `اسفند ۱۳۹۹`, read into Gregorian periods.

use super::solar_hijri::{MONTH_NAMES, SolarHijri};
use super::span::Period;
use crate::substance::normalize;

/// The Solar Hijri month names in Persian, Farvardin first.
pub const PERSIAN_MONTH_NAMES: [&str; 12] =
    ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

/// The years a Solar Hijri date cell may have: a Gregorian year written in
/// a table read as Solar Hijri is refused rather than read 621 years late.
const YEARS: std::ops::RangeInclusive<i32> = 1200..=1500;

/// A Solar Hijri day or month as a Gregorian period; `None` when the text is
/// no such date or the day does not exist (`1399/07/31`).
///
/// ```
/// use narcostat::period::parse_solar_hijri;
/// assert_eq!(parse_solar_hijri("1399/12/30").unwrap().to_string(), "2021-03-20..2021-03-20");
/// assert_eq!(parse_solar_hijri("۳۰ اسفند ۱۳۹۹").unwrap().to_string(), "2021-03-20..2021-03-20");
/// assert_eq!(parse_solar_hijri("Bahman 1399").unwrap().to_string(), "2021-01-20..2021-02-18");
/// assert!(parse_solar_hijri("1399/07/31").is_none());
/// ```
pub fn parse_solar_hijri(text: &str) -> Option<Period> {
    let ascii: String = text.trim().chars().map(ascii_digit).collect();
    let (year, month, day) = numeric(&ascii).or_else(|| named(&ascii))?;
    if !YEARS.contains(&year) {
        return None;
    }
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    match day {
        Some(day) => {
            let date = SolarHijri { year, month, day: u8::try_from(day).ok()? }.to_date()?;
            Some(Period::day(date))
        }
        None => {
            let start = SolarHijri::month_start(year, month)?;
            let next = if month == 12 {
                SolarHijri::month_start(year + 1, 1)
            } else {
                SolarHijri::month_start(year, month + 1)
            };
            Period::new(start, next?.pred()).ok()
        }
    }
}

/// Persian and Arabic-Indic digits as ASCII.
fn ascii_digit(c: char) -> char {
    let d = match c {
        '۰'..='۹' => c as u32 - '۰' as u32,
        '٠'..='٩' => c as u32 - '٠' as u32,
        _ => return c,
    };
    char::from_digit(d, 10).unwrap_or(c)
}

/// `1399/12/30`, `1399-12-30`, `1399.12.30`, `1399/12`.
fn numeric(text: &str) -> Option<(i32, u32, Option<u32>)> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) || parts[0].len() != 4 {
        return None;
    }
    match parts.as_slice() {
        [y, m] => Some((y.parse().ok()?, m.parse().ok()?, None)),
        [y, m, d] => Some((y.parse().ok()?, m.parse().ok()?, Some(d.parse().ok()?))),
        _ => None,
    }
}

/// `30 Esfand 1399`, `۳۰ اسفند ۱۳۹۹`, `Esfand 1399`, `اسفند ۱۳۹۹`.
fn named(text: &str) -> Option<(i32, u32, Option<u32>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [d, m, y] => Some((y.parse().ok()?, month_number(m)?, Some(d.parse().ok()?))),
        [m, y] => Some((y.parse().ok()?, month_number(m)?, None)),
        _ => None,
    }
}

/// The month (1-12) of a Persian or transliterated month name.
fn month_number(name: &str) -> Option<u32> {
    let key = normalize(name);
    let at = |names: &[&str; 12]| names.iter().position(|n| normalize(n) == key);
    let index = at(&PERSIAN_MONTH_NAMES).or_else(|| at(&MONTH_NAMES))?;
    u32::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_day() {
        for t in [
            "1399/12/30",
            "1399-12-30",
            "۱۳۹۹/۱۲/۳۰",
            "١٣٩٩/١٢/٣٠",
            "30 Esfand 1399",
            "۳۰ اسفند ۱۳۹۹",
            "30 esfand 1399",
        ] {
            assert_eq!(parse_solar_hijri(t).map(|p| p.to_string()).as_deref(), Some("2021-03-20..2021-03-20"), "{t}");
        }
    }

    #[test]
    fn months_and_refusals() {
        assert_eq!(parse_solar_hijri("اسفند ۱۳۹۹").unwrap().to_string(), "2021-02-19..2021-03-20");
        assert_eq!(parse_solar_hijri("1399/12").unwrap().to_string(), "2021-02-19..2021-03-20");
        for t in [
            "1399/13/01",
            "1399/07/31",
            "1399/12/32",
            "2021-03-20",
            "1399",
            "Esfand",
            "31 Esfand 1398",
            "1398/12/30",
            "x/y/z",
        ] {
            assert_eq!(parse_solar_hijri(t), None, "{t}");
        }
    }
}
