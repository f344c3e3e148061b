//! Periods: inclusive date ranges.

use super::date::{Date, DateError};
use serde::{Deserialize, Serialize};

/// An inclusive range of days that a record covers: a day, a month-long
/// bulletin ("30 January to 28 February 2021"), a UNODC year, a CBP fiscal month.
///
/// The serde form is `{"start": "2021-01-30", "end": "2021-02-28"}`.
///
/// ```
/// use narcostat::{Date, Period};
/// let p = Period::new(Date::from_ymd(2021, 1, 30).unwrap(), Date::from_ymd(2021, 2, 28).unwrap()).unwrap();
/// assert_eq!(p.days(), 30);
/// assert_eq!(p.to_string(), "2021-01-30..2021-02-28");
/// assert_eq!(Period::parse("2021-02").unwrap().to_string(), "2021-02-01..2021-02-28");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "PeriodFields")]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day (inclusive).
    pub end: Date,
}

/// A period that cannot be built or parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The end is before the start.
    #[error("period {start}..{end} is reversed: it ends before it starts")]
    Reversed {
        /// The start.
        start: Date,
        /// The end.
        end: Date,
    },
    /// The text is not a period narcostat understands.
    #[error(
        "invalid period {text:?}: expected 2021, 2021-02, 2021-02-03, 2021-Q1, 2021-W05, FY2024, SH1399, SH1399-11 or START..END"
    )]
    Invalid {
        /// The text as given.
        text: String,
    },
    /// A date inside the period is invalid or out of range.
    #[error(transparent)]
    Date(#[from] DateError),
    /// The period reaches outside the supported dates ([`Date::MIN`] to [`Date::MAX`]).
    #[error("period {text:?} reaches outside the supported range {}..{}{}", Date::MIN, Date::MAX, super::range::calendar_hint(*.year))]
    OutOfRange {
        /// The period as given.
        text: String,
        /// The year as written (Gregorian, fiscal or Solar Hijri).
        year: i32,
    },
}

/// The serde form of a [`Period`] before it is checked.
#[derive(Deserialize)]
struct PeriodFields {
    start: Date,
    end: Date,
}

impl TryFrom<PeriodFields> for Period {
    type Error = PeriodError;
    fn try_from(p: PeriodFields) -> Result<Self, Self::Error> {
        Self::new(p.start, p.end)
    }
}

impl Period {
    /// The period from `start` to `end`, both included: an error if it is
    /// reversed or reaches outside the supported range.
    ///
    /// ```
    /// use narcostat::{Date, Period, period::PeriodError};
    /// let (a, b) = (Date::from_ymd(2021, 1, 1).unwrap(), Date::from_ymd(2020, 1, 1).unwrap());
    /// assert!(matches!(Period::new(a, b), Err(PeriodError::Reversed { .. })));
    /// assert!(matches!(Period::new(a, Date::from_days(1_000_000)), Err(PeriodError::OutOfRange { .. })));
    /// ```
    pub fn new(start: Date, end: Date) -> Result<Self, PeriodError> {
        Self { start, end }.check()
    }

    /// The period itself if it is well formed (its fields are public, so a
    /// period built by hand may not be): not reversed, within the supported range.
    pub fn check(self) -> Result<Self, PeriodError> {
        if self.end < self.start {
            return Err(PeriodError::Reversed { start: self.start, end: self.end });
        }
        let outside = [self.start, self.end].into_iter().find(|d| !d.is_supported());
        if let Some(d) = outside {
            return Err(PeriodError::OutOfRange { text: self.to_string(), year: d.year() });
        }
        Ok(self)
    }

    /// A single day.
    pub const fn day(date: Date) -> Self {
        Self { start: date, end: date }
    }

    /// The number of days covered.
    pub const fn days(self) -> i32 {
        self.end.days().saturating_sub(self.start.days()).saturating_add(1)
    }

    /// Whether `date` is inside.
    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether `other` lies wholly inside `self`.
    pub fn covers(self, other: Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(self, other: Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The period of the same length just before this one (for "previous
    /// period" comparisons); a calendar month/quarter/year gives the previous
    /// calendar month/quarter/year. It may lie before [`Date::MIN`] (no
    /// record can then fall in it).
    pub fn previous(self) -> Self {
        let (sy, sm, sd) = self.start.ymd();
        let (ey, em, _) = self.end.ymd();
        let whole_months = sd == 1 && self.end.succ().ymd().2 == 1;
        if whole_months {
            let months = (ey * 12 + em as i32) - (sy * 12 + sm as i32) + 1;
            let start_index = sy * 12 + sm as i32 - 1 - months;
            let start = month_start(start_index);
            let end = self.start.pred();
            return Self { start, end };
        }
        let len = self.days();
        Self { start: Date::from_days(self.start.days().saturating_sub(len)), end: self.start.pred() }
    }

    /// Parses a period: see [`PeriodError::Invalid`] for the accepted forms.
    /// `FY` years are US federal fiscal years (October to September, named by
    /// the year they end in); `SH` years and months are Solar Hijri.
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        super::parse::parse_period(text)
    }
}

/// The first day of month index `y * 12 + (m - 1)`, unchecked (for
/// arithmetic that may step just outside the supported range).
pub(crate) fn month_start(index: i32) -> Date {
    let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    Date::from_ymd_unchecked(y, m, 1)
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl std::str::FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
