//! The vocabulary: every word a user types (dimensions, granularities, span
//! rules, measures, units, formats, bases, policies) is a core type with
//! [`FromStr`](std::str::FromStr), [`Display`](std::fmt::Display) and serde
//! as its word, and an unknown word is an [`UnknownWord`] with "did you
//! mean" suggestions.
//!
//! ```
//! use narcostat::{GroupKey, Granularity, Unit};
//! assert_eq!("fiscal-year".parse::<GroupKey>().unwrap(), GroupKey::Time(Granularity::US_FISCAL_YEAR));
//! assert_eq!(serde_json::to_string(&GroupKey::Time(Granularity::Year)).unwrap(), "\"year\"");
//! assert_eq!("lbs".parse::<Unit>().unwrap(), Unit::Pound);
//! ```

mod dimension;
mod format;
mod list;
mod measure;
mod options;
mod output;
mod units;
mod unknown;
pub(crate) mod word;

pub use dimension::COLUMN_PREFIX;
pub(crate) use dimension::dimension_word;
pub use list::Vocabulary;
pub use measure::MeasureWord;
pub use output::OutputFormat;
pub use unknown::{UnknownWord, suggest};
pub use word::Word;
