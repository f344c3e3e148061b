//! Dates, periods and calendars: Gregorian day numbers, inclusive periods,
//! bucketing by day, ISO week, month, quarter, year, fiscal year and the Solar
//! Hijri calendar.

mod date;
mod granularity;
mod parse;
mod solar_hijri;
mod span;

pub use date::{Date, DateError, days_in_month, is_leap};
pub use granularity::{Granularity, UnknownGranularity};
pub use solar_hijri::{MONTH_NAMES as SOLAR_HIJRI_MONTHS, SolarHijri};
pub use span::{Period, PeriodError};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn gregorian_round_trip(days in -700_000i32..2_900_000) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, dd).unwrap(), d);
            prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
        }

        #[test]
        fn gregorian_matches_icu(days in -200_000i32..200_000) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.ymd();
            let icu = icu_calendar::Date::try_new_iso(y, m as u8, dd as u8).unwrap();
            let epoch = icu_calendar::Date::try_new_iso(1970, 1, 1).unwrap();
            prop_assert_eq!(icu.to_rata_die() - epoch.to_rata_die(), i64::from(days));
        }

        #[test]
        fn solar_hijri_round_trip(days in -30_000i32..60_000) {
            let d = Date::from_days(days);
            let sh = SolarHijri::from_date(d).unwrap();
            prop_assert_eq!(sh.to_date(), Some(d));
        }
    }
}
