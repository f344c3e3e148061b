//! A total as a source states it, to be checked against its items.

use crate::drug_list::DrugList;
use crate::period::Period;
use crate::place::Place;
use crate::quantity::{Quantity, QuantityError};
use serde::{Deserialize, Serialize};

/// How a source qualifies a stated figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as exact.
    #[default]
    Exact,
    /// "about", "approximately", "some", "nearly", "around".
    About,
    /// "at least", "more than", "over".
    AtLeast,
    /// "at most", "less than", "under", "up to".
    AtMost,
}

impl Qualifier {
    /// The English word(s) for output.
    pub const fn word(self) -> &'static str {
        match self {
            Self::Exact => "exactly",
            Self::About => "about",
            Self::AtLeast => "at least",
            Self::AtMost => "at most",
        }
    }
}

/// A total that a source states ("About 58383 kg of various types of narcotic
/// drugs ... were seized"), kept so that it can be checked against the sum of
/// the items the source also gives.
///
/// ```
/// use narcostat::{ReportedTotal, record::Qualifier};
/// let (q, amount) = ReportedTotal::parse_stated("about 58383 kg").unwrap();
/// assert_eq!(q, Qualifier::About);
/// assert_eq!(amount.to_string(), "58383 kg");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedTotal {
    /// The stated amount.
    pub stated: Quantity,
    /// How the source qualifies it.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The period it covers.
    pub period: Period,
    /// Where.
    #[serde(default)]
    pub place: Place,
    /// Which drugs it covers; absent means every drug in that period and place.
    #[serde(default, skip_serializing_if = "DrugList::is_all")]
    pub drugs: DrugList,
    /// The source's own words for what it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Where the statement comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ReportedTotal {
    /// Parses a stated figure with its qualifier: "about 58383 kg", "more than
    /// 2 t", "58,383 kg".
    pub fn parse_stated(text: &str) -> Result<(Qualifier, Quantity), QuantityError> {
        let lower = text.trim().to_lowercase();
        const WORDS: [(&str, Qualifier); 14] = [
            ("approximately", Qualifier::About),
            ("about", Qualifier::About),
            ("around", Qualifier::About),
            ("nearly", Qualifier::About),
            ("almost", Qualifier::About),
            ("some", Qualifier::About),
            ("~", Qualifier::About),
            ("at least", Qualifier::AtLeast),
            ("more than", Qualifier::AtLeast),
            ("over", Qualifier::AtLeast),
            ("at most", Qualifier::AtMost),
            ("less than", Qualifier::AtMost),
            ("under", Qualifier::AtMost),
            ("up to", Qualifier::AtMost),
        ];
        for (word, qualifier) in WORDS {
            if let Some(rest) = lower.strip_prefix(word) {
                return Ok((qualifier, Quantity::parse(rest)?));
            }
        }
        Ok((Qualifier::Exact, Quantity::parse(&lower)?))
    }
}
