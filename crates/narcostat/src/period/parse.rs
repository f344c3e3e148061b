//! Period text: `2021`, `2021-02`, `2021-02-03`, `2021-Q1`, `2021-W05`, `FY2024`,
//! `SH1399`, `SH1399-11`, and ranges `START..END` of any of these.

use super::date::{Date, DateError};
use super::granularity::Granularity;
use super::span::{Period, PeriodError};

pub(super) fn parse_period(text: &str) -> Result<Period, PeriodError> {
    let t = text.trim();
    if let Some((a, b)) = t.split_once("..") {
        let start = parse_single(a.trim(), text)?.start;
        let end = parse_single(b.trim(), text)?.end;
        return Period::new(start, end);
    }
    parse_single(t, text)
}

fn parse_single(t: &str, original: &str) -> Result<Period, PeriodError> {
    let invalid = || PeriodError::Invalid { text: original.to_owned() };
    let num = |s: &str| -> Result<i32, PeriodError> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        s.parse().map_err(|_| invalid())
    };
    // `year` as written (for the error); `index` computed without overflow.
    let bucket = |g: Granularity, year: i32, index: Option<i32>| {
        index
            .and_then(|i| g.bucket_period(i))
            .ok_or_else(|| PeriodError::OutOfRange { text: original.to_owned(), year })
    };
    let upper = t.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("FY") {
        let y = num(rest.trim())?;
        return bucket(Granularity::US_FISCAL_YEAR, y, Some(y));
    }
    if let Some(rest) = upper.strip_prefix("SH") {
        return match rest.split_once('-') {
            Some((y, m)) => {
                let (y, m) = (num(y)?, num(m)?);
                if !(1..=12).contains(&m) {
                    return Err(invalid());
                }
                bucket(Granularity::SolarHijriMonth, y, month_index(y, 12, m))
            }
            None => {
                let y = num(rest)?;
                bucket(Granularity::SolarHijriYear, y, Some(y))
            }
        };
    }
    if t.contains('/') {
        return parse_day(t, original);
    }
    let parts: Vec<&str> = upper.split('-').collect();
    match parts.as_slice() {
        [y] => {
            let y = num(y)?;
            bucket(Granularity::Year, y, Some(y))
        }
        [y, q] if q.starts_with('Q') => {
            let (y, q) = (num(y)?, num(&q[1..])?);
            if !(1..=4).contains(&q) {
                return Err(invalid());
            }
            bucket(Granularity::Quarter, y, month_index(y, 4, q))
        }
        [y, w] if w.starts_with('W') => {
            let (y, w) = (num(y)?, num(&w[1..])?);
            if !(1..=53).contains(&w) {
                return Err(invalid());
            }
            if !super::range::year_supported(y) {
                return Err(PeriodError::OutOfRange { text: original.to_owned(), year: y });
            }
            let jan4 = Date::from_ymd_unchecked(y, 1, 4);
            let g = Granularity::Week;
            let index = (jan4.days() + 3).div_euclid(7) + w - 1;
            if g.label(index) != format!("{y:04}-W{w:02}") {
                return Err(invalid());
            }
            bucket(g, y, Some(index))
        }
        [y, m] => {
            let (y, m) = (num(y)?, num(m)?);
            if !(1..=12).contains(&m) {
                return Err(invalid());
            }
            bucket(Granularity::Month, y, month_index(y, 12, m))
        }
        [_, _, _] => parse_day(t, original),
        _ => Err(invalid()),
    }
}

/// A single day, `2021-02-03` or `2021/02/03`.
fn parse_day(t: &str, original: &str) -> Result<Period, PeriodError> {
    match t.parse::<Date>() {
        Ok(d) => Ok(Period::day(d)),
        Err(e @ DateError::OutOfRange { .. }) => Err(e.into()),
        Err(DateError::Invalid { .. }) => Err(PeriodError::Invalid { text: original.to_owned() }),
    }
}

/// The index `year * per_year + (n - 1)` of the n-th month or quarter of a
/// year; `None` on overflow (such a year is out of range anyway).
fn month_index(year: i32, per_year: i32, n: i32) -> Option<i32> {
    year.checked_mul(per_year)?.checked_add(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse_period(s).unwrap().to_string()
    }

    #[test]
    fn forms() {
        assert_eq!(p("2021"), "2021-01-01..2021-12-31");
        assert_eq!(p("2020-02"), "2020-02-01..2020-02-29");
        assert_eq!(p("2021-Q1"), "2021-01-01..2021-03-31");
        assert_eq!(p("2021-W05"), "2021-02-01..2021-02-07");
        assert_eq!(p("FY2024"), "2023-10-01..2024-09-30");
        assert_eq!(p("fy2024"), "2023-10-01..2024-09-30");
        assert_eq!(p("SH1399"), "2020-03-20..2021-03-20");
        assert_eq!(p("SH1399-11"), "2021-01-20..2021-02-18");
        assert_eq!(p("2021-01-30..2021-02-28"), "2021-01-30..2021-02-28");
        assert_eq!(p("2012..2016"), "2012-01-01..2016-12-31");
        assert_eq!(p("2021-02-03"), "2021-02-03..2021-02-03");
        assert_eq!(p("2021/02/03"), "2021-02-03..2021-02-03");
    }

    #[test]
    fn errors() {
        for bad in [
            "",
            "21st century",
            "2021-13",
            "2021-Q5",
            "2021-W54",
            "2021-02-30",
            "SH1399-13",
            "2021..2020",
            "FY",
            "1399",
            "2021-W00",
            "+2021",
            "2021-+2",
            "2021-02..",
            "..2021",
            "2021..2022..2023",
        ] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
        assert!(matches!(parse_period("2021..2020"), Err(PeriodError::Reversed { .. })));
        assert!(matches!(parse_period("2021-03-01..2021-02-28"), Err(PeriodError::Reversed { .. })));
        assert_eq!(
            parse_period("2021..2020").unwrap_err().to_string(),
            "period 2021-01-01..2020-12-31 is reversed: it ends before it starts"
        );
    }

    #[test]
    fn huge_numbers_are_out_of_range_not_overflows() {
        for text in
            ["2147483647", "2147483647-12", "2147483647-Q4", "2147483647-W01", "FY2147483647", "SH2147483647-12"]
        {
            assert!(matches!(parse_period(text), Err(PeriodError::OutOfRange { .. })), "{text}");
        }
        assert!(matches!(parse_period("99999999999"), Err(PeriodError::Invalid { .. })));
    }

    #[test]
    fn out_of_range_periods_are_errors_that_say_so() {
        let e = parse_period("10000").unwrap_err();
        assert_eq!(e.to_string(), "period \"10000\" reaches outside the supported range 1583-01-01..2999-12-31");
        assert_eq!(p("2999"), "2999-01-01..2999-12-31");
        assert_eq!(p("FY2999"), "2998-10-01..2999-09-30");
        assert!(parse_period("FY3000").is_err());
        assert_eq!(p("1583..2999"), "1583-01-01..2999-12-31");
    }
}
