//! The supported date range: 1583-01-01 to 2999-12-31.
//!
//! 1583 is the first full year of the Gregorian calendar: an earlier year in
//! a table of seizures is not a Gregorian date but a typing error or another
//! calendar (a year between 1300 and 1500 is most likely Solar Hijri: 1399 SH
//! began on 20 March 2020). 2999 leaves room for any plan or projection while
//! rejecting the missing-value codes tables use (9999) and years no
//! arithmetic should reach. Dates, periods and buckets outside the range are
//! errors: a usage error for arguments, a rejected row for data.

/// The first supported Gregorian year.
pub const FIRST_YEAR: i32 = 1583;
/// The last supported Gregorian year.
pub const LAST_YEAR: i32 = 2999;

/// The Gregorian years that most likely are Solar Hijri years written in a
/// date column (1300 SH to 1500 SH is 1921 to 2122).
const SOLAR_HIJRI_LOOKALIKES: std::ops::RangeInclusive<i32> = 1300..=1500;

/// Whether a Gregorian year is in the supported range.
pub(crate) const fn year_supported(year: i32) -> bool {
    FIRST_YEAR <= year && year <= LAST_YEAR
}

/// The end of an error sentence about an unsupported `year`: a hint at the
/// Solar Hijri calendar for years that look like one, nothing otherwise.
pub(crate) fn calendar_hint(year: i32) -> String {
    if SOLAR_HIJRI_LOOKALIKES.contains(&year) {
        format!(
            " (a year between 1300 and 1500 suggests the Solar Hijri calendar: write SH{year} for the Solar Hijri year, or convert the dates)"
        )
    } else {
        String::new()
    }
}

/// The end of a row error about an unreadable date or period `text`: the
/// supported range (and a calendar hint) when that is why it was refused,
/// nothing otherwise.
pub(crate) fn range_note(text: &str) -> String {
    use super::{Date, DateError, Period, PeriodError};
    let t = text.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    let year = match (t.parse::<Date>(), Period::parse(t)) {
        (Err(DateError::OutOfRange { year, .. }), _)
        | (_, Err(PeriodError::OutOfRange { year, .. } | PeriodError::Date(DateError::OutOfRange { year, .. }))) => {
            year
        }
        _ => return String::new(),
    };
    format!(": outside the supported range {}..{}{}", Date::MIN, Date::MAX, calendar_hint(year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;
    use crate::period::{DateError, Period, PeriodError};

    #[test]
    fn the_range_ends_are_the_documented_days() {
        assert_eq!(Date::MIN.to_string(), "1583-01-01");
        assert_eq!(Date::MAX.to_string(), "2999-12-31");
        assert!(Date::MIN.is_supported() && Date::MAX.is_supported());
        assert!(!Date::MIN.pred().is_supported() && !Date::MAX.succ().is_supported());
        assert_eq!("1583-01-01".parse::<Date>(), Ok(Date::MIN));
        assert_eq!("2999-12-31".parse::<Date>(), Ok(Date::MAX));
    }

    #[test]
    fn one_day_past_either_end_is_out_of_range() {
        for text in ["1582-12-31", "3000-01-01", "9999-01-01", "0001-01-01"] {
            assert!(matches!(text.parse::<Date>(), Err(DateError::OutOfRange { .. })), "{text}");
        }
        for text in ["1582", "3000", "9999", "10000", "FY3000", "1582-12", "3000-Q1", "SH2400", "0000..2021"] {
            let err = Period::parse(text).unwrap_err();
            assert!(
                matches!(err, PeriodError::OutOfRange { .. } | PeriodError::Date(DateError::OutOfRange { .. })),
                "{text}: {err:?}"
            );
            assert!(err.to_string().contains("1583-01-01..2999-12-31"), "{err}");
        }
    }

    #[test]
    fn solar_hijri_lookalike_years_say_so() {
        for text in ["1399", "1399-12", "1399-12-30", "1399/12/30"] {
            let message = Period::parse(text).unwrap_err().to_string();
            assert!(message.contains("Solar Hijri") && message.contains("SH1399"), "{text}: {message}");
            assert!(range_note(text).contains("Solar Hijri"), "{text}");
        }
        assert!("1399/12/30".parse::<Date>().unwrap_err().to_string().contains("Solar Hijri"));
        let message = Period::parse("1299").unwrap_err().to_string();
        assert!(!message.contains("Solar Hijri"), "{message}");
    }

    #[test]
    fn the_table_refuses_reversed_and_out_of_range_periods() {
        use crate::{SeizureTable, table::TableError};
        let mut s = crate::seed::bulletin_2021_02().seizures[0].clone();
        assert!(s.period.days() > 1);
        s.period = Period { start: s.period.end, end: s.period.start };
        let err = SeizureTable::from_seizures(&[s.clone()]).unwrap_err();
        assert!(matches!(err, TableError::Period(PeriodError::Reversed { .. })), "{err:?}");
        assert!(err.to_string().contains("reversed") && !err.to_string().contains("65,536"), "{err}");
        s.period = Period::day(Date::from_days(1_000_000));
        let err = SeizureTable::from_seizures(&[s]).unwrap_err();
        assert!(matches!(err, TableError::Period(PeriodError::OutOfRange { year: 4707, .. })), "{err:?}");
    }

    #[test]
    fn row_notes_only_for_range_errors() {
        assert_eq!(range_note("9999.0"), ": outside the supported range 1583-01-01..2999-12-31");
        assert_eq!(range_note("3000-01-01"), ": outside the supported range 1583-01-01..2999-12-31");
        for fine_or_garbage in ["2021", "2021-02-30", "Octopus", "", "20X4"] {
            assert_eq!(range_note(fine_or_garbage), "", "{fine_or_garbage}");
        }
    }
}
