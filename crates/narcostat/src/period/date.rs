//! Calendar dates as day numbers.

use serde::{Deserialize, Serialize};

/// A date in the proleptic Gregorian calendar, held as the number of days since
/// 1970-01-01 (so it sorts, subtracts and buckets as an integer).
///
/// The serde form is the ISO 8601 date string, `"2021-02-28"`.
///
/// ```
/// use narcostat::Date;
/// let d = Date::from_ymd(2021, 2, 28).unwrap();
/// assert_eq!(d.to_string(), "2021-02-28");
/// assert_eq!(d.ymd(), (2021, 2, 28));
/// assert_eq!("2021-01-30".parse::<Date>().unwrap().days_until(d), 29);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(i32);

/// A date that does not exist, does not parse, or lies outside the supported
/// range ([`Date::MIN`] to [`Date::MAX`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not a date, or names a day its month does not have.
    #[error("invalid date {text:?}")]
    Invalid {
        /// The date as given.
        text: String,
    },
    /// A real Gregorian date outside the supported range.
    #[error("date {text:?} is outside the supported range {}..{}{}", Date::MIN, Date::MAX, super::range::calendar_hint(*.year))]
    OutOfRange {
        /// The date as given.
        text: String,
        /// Its year.
        year: i32,
    },
}

impl Date {
    /// The earliest supported date, 1583-01-01 (see [`crate::period`] for why).
    pub const MIN: Date = Date(days_from_civil(super::range::FIRST_YEAR, 1, 1));
    /// The latest supported date, 2999-12-31.
    pub const MAX: Date = Date(days_from_civil(super::range::LAST_YEAR, 12, 31));

    /// The date `days` days after 1970-01-01, unchecked: it may lie outside
    /// the supported range (which [`Period::new`](super::Period::new) checks).
    pub const fn from_days(days: i32) -> Self {
        Self(days)
    }

    /// Days since 1970-01-01.
    pub const fn days(self) -> i32 {
        self.0
    }

    /// Whether the date lies in the supported range, [`Date::MIN`] to [`Date::MAX`].
    pub const fn is_supported(self) -> bool {
        Self::MIN.0 <= self.0 && self.0 <= Self::MAX.0
    }

    /// The date of a Gregorian year, month (1-12) and day (1-31), within the
    /// supported range.
    ///
    /// ```
    /// use narcostat::{Date, period::DateError};
    /// assert!(Date::from_ymd(2021, 2, 29).is_err());
    /// assert!(matches!(Date::from_ymd(9999, 1, 1), Err(DateError::OutOfRange { year: 9999, .. })));
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let text = || format!("{year:04}-{month:02}-{day:02}");
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(DateError::Invalid { text: text() });
        }
        if !super::range::year_supported(year) {
            return Err(DateError::OutOfRange { text: text(), year });
        }
        Ok(Self(days_from_civil(year, month, day)))
    }

    /// The date of a Gregorian year, month and day without the range check,
    /// for calendar arithmetic near the edges of the range. The caller keeps
    /// `year` within a few thousand years of today and `month`, `day` valid.
    pub(crate) const fn from_ymd_unchecked(year: i32, month: u32, day: u32) -> Self {
        Self(days_from_civil(year, month, day))
    }

    /// Year, month (1-12) and day (1-31).
    pub const fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The Gregorian year.
    pub const fn year(self) -> i32 {
        self.ymd().0
    }

    /// The number of days from `self` to `other` (negative if `other` is earlier).
    pub const fn days_until(self, other: Date) -> i32 {
        other.0.saturating_sub(self.0)
    }

    /// The next day (the last representable day stays itself).
    pub const fn succ(self) -> Self {
        Self(self.0.saturating_add(1))
    }

    /// The previous day (the first representable day stays itself).
    pub const fn pred(self) -> Self {
        Self(self.0.saturating_sub(1))
    }

    /// ISO weekday, 1 = Monday ... 7 = Sunday.
    pub const fn iso_weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.0 + 3).rem_euclid(7) as u32 + 1
    }
}

/// Whether a Gregorian year is a leap year.
pub const fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a Gregorian month.
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Hand-written (Howard Hinnant's `days_from_civil` / `civil_from_days`) rather
// than through icu_calendar because bucketing 10M rows calls it per distinct
// day in the hot path; it is checked against icu_calendar day by day in tests.
// Computed in i64 so that every i32 day number (and every year such a day
// falls in) converts without overflow; results outside i32 saturate.
const fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = ((m + 9) % 12) as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    if days > i32::MAX as i64 {
        i32::MAX
    } else if days < i32::MIN as i64 {
        i32::MIN
    } else {
        days as i32
    }
}

const fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z as i64 + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    // |y| <= 5,879,611 for any i32 day number: it fits.
    ((if m <= 2 { y + 1 } else { y }) as i32, m as u32, d as u32)
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`) within the supported range.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || DateError::Invalid { text: s.to_owned() };
        let mut parts = s.trim().split(['-', '/']);
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(invalid());
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return Err(invalid());
        }
        let (y, m, d) =
            (y.parse().map_err(|_| invalid())?, m.parse().map_err(|_| invalid())?, d.parse().map_err(|_| invalid())?);
        Self::from_ymd(y, m, d).map_err(|e| match e {
            DateError::OutOfRange { year, .. } => DateError::OutOfRange { text: s.to_owned(), year },
            DateError::Invalid { .. } => invalid(),
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
