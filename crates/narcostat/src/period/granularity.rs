//! Time buckets: the granularities a result can be grouped by.

use super::date::Date;
use super::solar_hijri::SolarHijri;
use super::span::{Period, month_start};

/// How finely to bucket dates.
///
/// The serde form is the word in the shared vocabulary (`"month"`,
/// `"fiscal-year"`, `"solar-hijri-year"`, ...); a fiscal year starting in
/// another month than October is `"fiscal-year-7"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    /// One bucket per day.
    Day,
    /// ISO 8601 weeks (Monday to Sunday), labelled `2021-W05`.
    Week,
    /// Calendar months, labelled `2021-02`.
    Month,
    /// Calendar quarters, labelled `2021-Q1`.
    Quarter,
    /// Calendar years, labelled `2021`.
    Year,
    /// Fiscal years starting in the given month (1-12), named by the calendar
    /// year they end in, labelled `FY2024`. The US federal year starts in October.
    FiscalYear(u8),
    /// Solar Hijri months, labelled `SH1399-11`.
    SolarHijriMonth,
    /// Solar Hijri years (Nowruz to Nowruz), labelled `SH1399`.
    SolarHijriYear,
}

/// A granularity name that narcostat does not know (with suggestions).
pub type UnknownGranularity = crate::vocabulary::UnknownWord;

impl Granularity {
    /// The US federal fiscal year (October to September).
    pub const US_FISCAL_YEAR: Self = Self::FiscalYear(10);

    /// The name in the shared vocabulary of the CLI, Python and JS APIs.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
            Self::FiscalYear(_) => "fiscal-year",
            Self::SolarHijriMonth => "solar-hijri-month",
            Self::SolarHijriYear => "solar-hijri-year",
        }
    }

    /// Parses a name of the shared vocabulary (`fiscal-year` is the US year,
    /// `fiscal-year-7` starts in July).
    pub fn parse(name: &str) -> Result<Self, UnknownGranularity> {
        name.parse()
    }

    /// The index of the bucket holding `date`; `None` only for Solar Hijri
    /// dates outside the calendar library's range.
    ///
    /// ```
    /// use narcostat::{Date, Granularity};
    /// let oct_2023 = Date::from_ymd(2023, 10, 15).unwrap();
    /// let fy = Granularity::US_FISCAL_YEAR;
    /// assert_eq!(fy.label(fy.bucket(oct_2023).unwrap()), "FY2024");
    /// let m = Granularity::SolarHijriMonth;
    /// assert_eq!(m.label(m.bucket(Date::from_ymd(2021, 2, 28).unwrap()).unwrap()), "SH1399-12");
    /// ```
    pub fn bucket(self, date: Date) -> Option<i32> {
        let (y, m, _) = date.ymd();
        let m = m as i32;
        Some(match self {
            Self::Day => date.days(),
            // Weeks since the Monday 1969-12-29.
            Self::Week => (date.days() + 3).div_euclid(7),
            Self::Month => y * 12 + m - 1,
            Self::Quarter => y * 4 + (m - 1) / 3,
            Self::Year => y,
            Self::FiscalYear(start) => {
                if start <= 1 || m < i32::from(start) {
                    y
                } else {
                    y + 1
                }
            }
            Self::SolarHijriMonth => {
                let sh = SolarHijri::from_date(date)?;
                sh.year * 12 + i32::from(sh.month) - 1
            }
            Self::SolarHijriYear => SolarHijri::from_date(date)?.year,
        })
    }

    /// The days a bucket spans; `None` when the bucket reaches outside the
    /// supported range ([`Date::MIN`] to [`Date::MAX`]).
    ///
    /// ```
    /// use narcostat::Granularity;
    /// assert_eq!(Granularity::Year.bucket_period(2999).unwrap().to_string(), "2999-01-01..2999-12-31");
    /// assert_eq!(Granularity::Year.bucket_period(9999), None);
    /// assert_eq!(Granularity::Week.bucket_period(i32::MAX), None);
    /// ```
    pub fn bucket_period(self, index: i32) -> Option<Period> {
        // Checked first, so that the arithmetic below stays small.
        if index < self.bucket(Date::MIN)? || index > self.bucket(Date::MAX)? {
            return None;
        }
        let (start, next) = match self {
            Self::Day => (Date::from_days(index), Date::from_days(index + 1)),
            Self::Week => (Date::from_days(index * 7 - 3), Date::from_days(index * 7 + 4)),
            Self::Month => (month_start(index), month_start(index + 1)),
            Self::Quarter => (month_start(index * 3), month_start(index * 3 + 3)),
            Self::Year => (month_start(index * 12), month_start(index * 12 + 12)),
            Self::FiscalYear(start) => {
                let first = if start <= 1 { index * 12 } else { (index - 1) * 12 + i32::from(start) - 1 };
                (month_start(first), month_start(first + 12))
            }
            Self::SolarHijriMonth => {
                let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
                let next = if m == 12 { SolarHijri::month_start(y + 1, 1) } else { SolarHijri::month_start(y, m + 1) };
                (SolarHijri::month_start(y, m)?, next?)
            }
            Self::SolarHijriYear => (SolarHijri::month_start(index, 1)?, SolarHijri::month_start(index + 1, 1)?),
        };
        Period::new(start, next.pred()).ok()
    }

    /// The label of a bucket (`2021-02`, `2021-W05`, `FY2024`, `SH1399-11`, ...).
    pub fn label(self, index: i32) -> String {
        match self {
            Self::Day => Date::from_days(index).to_string(),
            Self::Week => {
                // The ISO year of a week is the year of its Thursday.
                let thursday = Date::from_days(index * 7);
                let year = thursday.year();
                let jan4 = Date::from_ymd_unchecked(year, 1, 4).days();
                let first_week = (jan4 + 3).div_euclid(7);
                format!("{year:04}-W{:02}", index - first_week + 1)
            }
            Self::Month => format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1),
            Self::Quarter => format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1),
            Self::Year => format!("{index:04}"),
            Self::FiscalYear(_) => format!("FY{index:04}"),
            Self::SolarHijriMonth => format!("SH{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1),
            Self::SolarHijriYear => format!("SH{index:04}"),
        }
    }

    /// Where a period falls at this granularity: `Some(bucket)` if it lies
    /// within one bucket, `None` if it spans several (it is then not
    /// attributable at this granularity without a rule).
    pub fn bucket_of_period(self, period: Period) -> Option<i32> {
        let a = self.bucket(period.start)?;
        let b = self.bucket(period.end)?;
        (a == b).then_some(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Granularity; 9] = [
        Granularity::Day,
        Granularity::Week,
        Granularity::Month,
        Granularity::Quarter,
        Granularity::Year,
        Granularity::US_FISCAL_YEAR,
        Granularity::FiscalYear(7),
        Granularity::SolarHijriMonth,
        Granularity::SolarHijriYear,
    ];

    #[test]
    fn every_day_lies_in_its_bucket_period() {
        let start = Date::from_ymd(2015, 12, 20).unwrap().days();
        for days in start..start + 800 {
            let date = Date::from_days(days);
            for g in ALL {
                let b = g.bucket(date).unwrap();
                assert_eq!(g.bucket_of_period(g.bucket_period(b).unwrap()), Some(b));
                let p = g.bucket_period(b).unwrap();
                assert!(p.contains(date), "{g:?} {date} {p}");
                assert_eq!(g.bucket(p.start), Some(b));
                assert_eq!(g.bucket(p.end), Some(b));
                assert_ne!(g.bucket(p.end.succ()), Some(b));
            }
        }
    }

    #[test]
    fn buckets_at_the_range_edges_are_whole_or_none() {
        for g in ALL {
            for edge in [Date::MIN, Date::MAX] {
                let b = g.bucket(edge).unwrap();
                for index in [b - 1, b, b + 1, i32::MIN, i32::MAX] {
                    if let Some(p) = g.bucket_period(index) {
                        assert!(p.start.is_supported() && p.end.is_supported(), "{g:?} {index} {p}");
                        assert_eq!(g.bucket(p.start), Some(index), "{g:?} {index}");
                        assert_eq!(g.bucket(p.end), Some(index), "{g:?} {index}");
                        assert_ne!(g.bucket(p.start.pred()), Some(index), "{g:?} {index}");
                        assert_ne!(g.bucket(p.end.succ()), Some(index), "{g:?} {index}");
                    }
                }
            }
            // A bucket fully inside the range always has its period.
            assert!(g.bucket_period(g.bucket(Date::from_ymd(2021, 6, 15).unwrap()).unwrap()).is_some());
        }
        assert_eq!(Granularity::Year.bucket_period(1583).unwrap().start, Date::MIN);
        assert_eq!(Granularity::Year.bucket_period(2999).unwrap().end, Date::MAX);
        assert_eq!(Granularity::Year.bucket_period(3000), None);
        assert_eq!(Granularity::US_FISCAL_YEAR.bucket_period(1583), None);
    }

    #[test]
    fn labels() {
        let d = Date::from_ymd(2021, 2, 28).unwrap();
        let label = |g: Granularity| g.label(g.bucket(d).unwrap());
        assert_eq!(label(Granularity::Day), "2021-02-28");
        assert_eq!(label(Granularity::Week), "2021-W08");
        assert_eq!(label(Granularity::Month), "2021-02");
        assert_eq!(label(Granularity::Quarter), "2021-Q1");
        assert_eq!(label(Granularity::Year), "2021");
        assert_eq!(label(Granularity::US_FISCAL_YEAR), "FY2021");
        assert_eq!(label(Granularity::SolarHijriMonth), "SH1399-12");
        assert_eq!(label(Granularity::SolarHijriYear), "SH1399");
        // ISO week edge cases: 2021-01-03 is in 2020-W53; 2018-12-31 in 2019-W01.
        let w = Granularity::Week;
        assert_eq!(w.label(w.bucket(Date::from_ymd(2021, 1, 3).unwrap()).unwrap()), "2020-W53");
        assert_eq!(w.label(w.bucket(Date::from_ymd(2018, 12, 31).unwrap()).unwrap()), "2019-W01");
    }

    #[test]
    fn spans() {
        let p = Period::parse("2021-01-30..2021-02-28").unwrap();
        assert_eq!(Granularity::Month.bucket_of_period(p), None);
        assert_eq!(Granularity::Year.bucket_of_period(p), Some(2021));
        assert_eq!(Granularity::SolarHijriYear.bucket_of_period(p), Some(1399));
        assert_eq!(Granularity::SolarHijriMonth.bucket_of_period(p), None);
    }

    #[test]
    fn names_parse() {
        for g in ALL {
            if g != Granularity::FiscalYear(7) {
                assert_eq!(Granularity::parse(g.name()), Ok(g));
            }
        }
        assert!(Granularity::parse("fortnight").is_err());
    }
}
