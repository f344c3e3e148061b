//! The Solar Hijri (Persian) calendar, as Iran reports statistics, through ICU4X.

use super::date::Date;
use icu_calendar::{Date as IcuDate, Iso, cal::Persian};

/// A Solar Hijri year, month (1-12, Farvardin = 1) and day.
///
/// ```
/// use narcostat::{Date, period::SolarHijri};
/// // 28 February 2021 was 10 Esfand 1399.
/// let sh = SolarHijri::from_date(Date::from_ymd(2021, 2, 28).unwrap()).unwrap();
/// assert_eq!((sh.year, sh.month, sh.day), (1399, 12, 10));
/// assert_eq!(sh.to_date().unwrap(), Date::from_ymd(2021, 2, 28).unwrap());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SolarHijri {
    /// The year (1399 SH began on 20 March 2020).
    pub year: i32,
    /// The month, 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    /// The day of the month.
    pub day: u8,
}

/// The Persian names of the Solar Hijri months, in their usual English spelling.
pub const MONTH_NAMES: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

impl SolarHijri {
    /// The Solar Hijri date of a Gregorian date; `None` outside ICU4X's range.
    pub fn from_date(date: Date) -> Option<Self> {
        let (y, m, d) = date.ymd();
        let iso = IcuDate::try_new_iso(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()?;
        let p = iso.to_calendar(Persian);
        Some(Self { year: p.era_year().year, month: p.month().ordinal, day: p.day_of_month().0 })
    }

    /// The Gregorian date; `None` if the date does not exist.
    pub fn to_date(self) -> Option<Date> {
        let p = IcuDate::try_new_persian(self.year, self.month, self.day).ok()?;
        // Round-trip through the Gregorian date to reject days a month does not have.
        let iso = p.to_calendar(Iso);
        let date = Date::from_ymd(iso.era_year().year, u32::from(iso.month().ordinal), u32::from(iso.day_of_month().0))
            .ok()?;
        (Self::from_date(date)? == self).then_some(date)
    }

    /// The first day of a Solar Hijri month.
    pub fn month_start(year: i32, month: u8) -> Option<Date> {
        Self { year, month, day: 1 }.to_date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_new_years() {
        // Nowruz (1 Farvardin) dates.
        for (sh, g) in [(1399, (2020, 3, 20)), (1400, (2021, 3, 21)), (1300, (1921, 3, 21)), (1403, (2024, 3, 20))] {
            let d = SolarHijri::month_start(sh, 1).unwrap();
            assert_eq!(d.ymd(), g, "{sh}");
        }
    }

    #[test]
    fn every_day_of_1300_to_1500_round_trips_and_is_contiguous() {
        let mut date = SolarHijri::month_start(1300, 1).unwrap();
        let end = SolarHijri::month_start(1501, 1).unwrap();
        let mut prev = SolarHijri::from_date(date.pred()).unwrap();
        let mut days = 0;
        while date < end {
            let sh = SolarHijri::from_date(date).unwrap();
            assert_eq!(sh.to_date(), Some(date));
            // consecutive: next day of the month, or day 1 of the next month/year
            let next_ok = (sh.year == prev.year && sh.month == prev.month && sh.day == prev.day + 1)
                || (sh.year == prev.year && sh.month == prev.month + 1 && sh.day == 1 && prev.day >= 29)
                || (sh.year == prev.year + 1 && sh.month == 1 && sh.day == 1 && prev.month == 12);
            assert!(next_ok, "{prev:?} -> {sh:?}");
            // months 1-6 have 31 days, 7-11 have 30, Esfand 29 or 30
            let max = match sh.month {
                1..=6 => 31,
                7..=11 => 30,
                _ => 30,
            };
            assert!(sh.day <= max);
            prev = sh;
            date = date.succ();
            days += 1;
        }
        assert_eq!(days, 73_414); // 201 years of 365.2424 days on average
        assert_eq!(SolarHijri { year: 1399, month: 7, day: 31 }.to_date(), None);
    }
}
