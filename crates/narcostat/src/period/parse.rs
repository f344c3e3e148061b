//! Period text: `2021`, `2021-02`, `2021-02-03`, `2021-Q1`, `2021-W05`, `FY2024`,
//! `SH1399`, `SH1399-11`, and ranges `START..END` of any of these.

use super::date::Date;
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
    let upper = t.to_ascii_uppercase();
    let bucket = |g: Granularity, index: i32| g.bucket_period(index).ok_or_else(invalid);
    if let Some(rest) = upper.strip_prefix("FY") {
        return bucket(Granularity::US_FISCAL_YEAR, num(rest.trim())?);
    }
    if let Some(rest) = upper.strip_prefix("SH") {
        return match rest.split_once('-') {
            Some((y, m)) => {
                let (y, m) = (num(y)?, num(m)?);
                if !(1..=12).contains(&m) {
                    return Err(invalid());
                }
                bucket(Granularity::SolarHijriMonth, y * 12 + m - 1)
            }
            None => bucket(Granularity::SolarHijriYear, num(rest)?),
        };
    }
    let parts: Vec<&str> = upper.split('-').collect();
    match parts.as_slice() {
        [y] => bucket(Granularity::Year, num(y)?),
        [y, q] if q.starts_with('Q') => {
            let q = num(&q[1..])?;
            if !(1..=4).contains(&q) {
                return Err(invalid());
            }
            bucket(Granularity::Quarter, num(y)? * 4 + q - 1)
        }
        [y, w] if w.starts_with('W') => {
            let (y, w) = (num(y)?, num(&w[1..])?);
            let jan4 = Date::from_ymd(y, 1, 4).map_err(|_| invalid())?;
            let index = (jan4.days() + 3).div_euclid(7) + w - 1;
            let g = Granularity::Week;
            if w < 1 || g.label(index) != format!("{y:04}-W{w:02}") {
                return Err(invalid());
            }
            bucket(g, index)
        }
        [y, m] => {
            let m = num(m)?;
            if !(1..=12).contains(&m) {
                return Err(invalid());
            }
            bucket(Granularity::Month, num(y)? * 12 + m - 1)
        }
        [_, _, _] => Ok(Period::day(t.parse::<Date>().map_err(|_| invalid())?)),
        _ => Err(invalid()),
    }
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
        ] {
            if bad == "1399" {
                // A bare 1399 is the Gregorian year 1399; Solar Hijri needs the SH prefix.
                assert_eq!(p(bad), "1399-01-01..1399-12-31");
                continue;
            }
            assert!(parse_period(bad).is_err(), "{bad}");
        }
        assert!(matches!(parse_period("2021..2020"), Err(PeriodError::Reversed { .. })));
    }
}
