//! The calendar of a table's date cells.

use crate::vocabulary::word::{Entry, table_word, word_serde};

/// The calendar date cells are written in.
///
/// ```
/// use narcostat::period::Calendar;
/// assert_eq!("jalali".parse::<Calendar>().unwrap(), Calendar::SolarHijri);
/// assert_eq!(Calendar::default().to_string(), "gregorian");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Calendar {
    /// The Gregorian calendar (the default).
    #[default]
    Gregorian,
    /// The Solar Hijri (Persian) calendar: `1399/12/30`, `۳۰ اسفند ۱۳۹۹`.
    SolarHijri,
}

const CALENDARS: &[Entry<Calendar>] =
    &[(Calendar::Gregorian, "gregorian", &[]), (Calendar::SolarHijri, "solar-hijri", &["persian", "jalali", "shamsi"])];

table_word!(Calendar, "calendar", CALENDARS);
word_serde!(Calendar);
