//! The measure a user names, before the data says which kinds it counts.

use super::word::word_serde;
use super::{UnknownWord, Word};
use crate::quantity::CountUnit;
use crate::rank::{Measure, MeasureError};

/// A measure as a user names it: `mass`, `volume`, `count` (resolved
/// against the kinds the data counts), a kind of counted item (`tablets`),
/// `seizures` or `records`.
///
/// ```
/// use narcostat::CountUnit;
/// use narcostat::rank::Measure;
/// use narcostat::vocabulary::MeasureWord;
/// let count: MeasureWord = "count".parse().unwrap();
/// assert_eq!(count.resolve(&[CountUnit::Plants]).unwrap(), Measure::Count(CountUnit::Plants));
/// assert!(count.resolve(&[CountUnit::Plants, CountUnit::Tablets]).is_err());
/// assert_eq!("Tablet".parse::<MeasureWord>().unwrap(), MeasureWord::Count(Some(CountUnit::Tablets)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MeasureWord {
    /// Total mass.
    #[default]
    Mass,
    /// Total volume.
    Volume,
    /// Total items: of one kind, or (`None`) the one kind the data counts.
    Count(Option<CountUnit>),
    /// Seizure events.
    Seizures,
    /// Records.
    Records,
}

/// The words that are not kinds of items: value, word, aliases.
const MEASURES: &[(MeasureWord, &str, &[&str])] = &[
    (MeasureWord::Mass, "mass", &["weight", "kg"]),
    (MeasureWord::Volume, "volume", &["l", "litres"]),
    (MeasureWord::Count(None), "count", &[]),
    (MeasureWord::Seizures, "seizures", &["events"]),
    (MeasureWord::Records, "records", &["rows"]),
];

impl MeasureWord {
    /// The measure for data that counts the kinds `counted`: a bare `count`
    /// is the one kind counted (units when none), an error when several.
    pub fn resolve(self, counted: &[CountUnit]) -> Result<Measure, MeasureError> {
        Ok(match self {
            Self::Mass => Measure::Mass,
            Self::Volume => Measure::Volume,
            Self::Count(Some(c)) => Measure::Count(c),
            Self::Count(None) => match counted {
                [] => Measure::Count(CountUnit::Units),
                [one] => Measure::Count(*one),
                many => {
                    let kinds = many.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ");
                    return Err(MeasureError::AmbiguousCount { kinds });
                }
            },
            Self::Seizures => Measure::Seizures,
            Self::Records => Measure::Records,
        })
    }
}

impl Word for MeasureWord {
    const KIND: &'static str = "measure";
    fn words() -> Vec<&'static str> {
        MEASURES.iter().map(|m| m.1).chain(CountUnit::ALL.iter().map(|c| c.name())).collect()
    }
}

impl std::str::FromStr for MeasureWord {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(m) = super::word::lookup(Self::KIND, MEASURES, s) {
            return Ok(m);
        }
        s.parse::<CountUnit>().map(|c| Self::Count(Some(c))).map_err(|_| {
            let counts = CountUnit::ALL.iter().map(|c| (c.name(), c.name()));
            UnknownWord::new(Self::KIND, s, super::word::names(MEASURES).into_iter().chain(counts), Self::words())
        })
    }
}

impl std::fmt::Display for MeasureWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Count(Some(c)) => c.fmt(f),
            other => f.write_str(super::word::word_of(MEASURES, other).unwrap_or("?")),
        }
    }
}

word_serde!(MeasureWord);
