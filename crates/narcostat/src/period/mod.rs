//! Dates, periods and calendars: Gregorian day numbers, inclusive periods,
//! bucketing by day, ISO week, month, quarter, year, fiscal year and the Solar
//! Hijri calendar.
//!
//! # Supported dates
//!
//! Dates run from **1583-01-01 to 2999-12-31** ([`Date::MIN`], [`Date::MAX`]).
//! 1583 is the first full year of the Gregorian calendar, so an earlier year
//! in a table is a typing error or another calendar: a year between 1300 and
//! 1500 is most likely Solar Hijri, and the error says so. 2999 leaves room
//! for projections while rejecting missing-value codes such as 9999. A date,
//! period or bucket outside the range is an error, never a guess: parsing
//! fails ([`DateError::OutOfRange`], [`PeriodError::OutOfRange`]), a data row
//! is rejected with the reason, and a reversed period is its own error
//! ([`PeriodError::Reversed`]).

mod calendar;
mod date;
mod granularity;
mod parse;
mod range;
mod solar_hijri;
mod solar_hijri_text;
mod span;

pub use calendar::Calendar;
pub use date::{Date, DateError, days_in_month, is_leap};
pub use granularity::{Granularity, UnknownGranularity};
pub(crate) use range::range_note;
pub use range::{FIRST_YEAR, LAST_YEAR};
pub use solar_hijri::{MONTH_NAMES as SOLAR_HIJRI_MONTHS, SolarHijri};
pub use solar_hijri_text::{PERSIAN_MONTH_NAMES, parse_solar_hijri};
pub use span::{Period, PeriodError};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn gregorian_round_trip(days in Date::MIN.days()..=Date::MAX.days()) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, dd).unwrap(), d);
            prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
        }

        #[test]
        fn gregorian_matches_icu(days in Date::MIN.days() - 1000..=Date::MAX.days() + 1000) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, dd).is_ok(), d.is_supported());
            let icu = icu_calendar::Date::try_new_iso(y, m as u8, dd as u8).unwrap();
            let epoch = icu_calendar::Date::try_new_iso(1970, 1, 1).unwrap();
            prop_assert_eq!(icu.to_rata_die() - epoch.to_rata_die(), i64::from(days));
        }

        #[test]
        fn every_day_number_converts_without_overflow(days in any::<i32>()) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Date::from_ymd_unchecked(y, m, dd), d);
            prop_assert_eq!(d.to_string().parse::<Date>().is_ok(), d.is_supported());
        }

        #[test]
        fn solar_hijri_round_trip(days in -30_000i32..60_000) {
            let d = Date::from_days(days);
            let sh = SolarHijri::from_date(d).unwrap();
            prop_assert_eq!(sh.to_date(), Some(d));
        }
    }
}
