//! Substances: the UNODC-style taxonomy, and the resolution of names as sources
//! write them (English, UNODC, CBP, Indian and Persian names) to it.

mod catalogue;
mod drug;
mod family;
mod group;
mod names;
mod render;
mod word;

pub use catalogue::{CatalogueEntry, catalogue};
pub use drug::Drug;
pub use family::DrugFamily;
pub use group::DrugGroup;
pub use names::{normalize, suggestions};
pub use render::render;
use serde::{Deserialize, Serialize};
pub use word::{Level, Meaning, WordMatch, meaning_of, resolve_word, word_suggestions};

/// A substance as a record reports it: the classified [`Drug`] and the name as
/// the source wrote it (kept verbatim, so "Hashish" and "Hashish (resin)" stay
/// distinguishable while both count as cannabis resin).
///
/// ```
/// use narcostat::{Drug, Substance};
/// let s = Substance::resolve("Hashish").unwrap();
/// assert_eq!(s.drug, Drug::CannabisResin);
/// assert_eq!(s.name, "Hashish");
/// assert_eq!(Substance::resolve("Grass").unwrap().drug, Drug::CannabisHerb);
/// assert_eq!(Substance::resolve("تریاک").unwrap().drug, Drug::Opium);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Substance {
    /// The classified drug.
    pub drug: Drug,
    /// The name as written in the source.
    pub name: String,
    /// A more specific name the source gives beside it (UNODC's
    /// `SpecificDrugName`, e.g. "Raw and prepared" for opium).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific: Option<String>,
}

/// What to do with a name the taxonomy does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    /// An unknown name is an error with suggestions (the default).
    #[default]
    Strict,
    /// An unknown name becomes [`Drug::Unclassified`], keeping the name as written.
    KeepUnclassified,
}

/// A substance name that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown substance {name:?}{}", did_you_mean(.suggestions))]
pub struct UnknownSubstance {
    /// The name as given.
    pub name: String,
    /// The closest known names, best first.
    pub suggestions: Vec<String>,
}

pub(crate) fn did_you_mean_text(suggestions: &[String]) -> String {
    did_you_mean(suggestions)
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() { String::new() } else { format!(" (did you mean {}?)", suggestions.join(", ")) }
}

impl Substance {
    /// A substance of a known drug, with the drug's display name as written name.
    pub fn of(drug: Drug) -> Self {
        Self { drug, name: drug.name().to_owned(), specific: None }
    }

    /// Resolves a name strictly: an unknown name is an error with suggestions.
    ///
    /// ```
    /// use narcostat::Substance;
    /// let err = Substance::resolve("Heroinn").unwrap_err();
    /// assert_eq!(err.suggestions[0], "Heroin");
    /// assert!(err.to_string().starts_with("unknown substance \"Heroinn\""));
    /// ```
    pub fn resolve(name: &str) -> Result<Self, UnknownSubstance> {
        Self::resolve_with(name, Resolution::Strict)
    }

    /// Resolves a name, keeping unknown names as [`Drug::Unclassified`] when
    /// `resolution` says so.
    pub fn resolve_with(name: &str, resolution: Resolution) -> Result<Self, UnknownSubstance> {
        match names::lookup(name) {
            Some(drug) => Ok(Self { drug, name: name.trim().to_owned(), specific: None }),
            None if resolution == Resolution::KeepUnclassified && !normalize(name).is_empty() => {
                Ok(Self { drug: Drug::Unclassified, name: name.trim().to_owned(), specific: None })
            }
            None => Err(UnknownSubstance { name: name.to_owned(), suggestions: suggestions(name, 3) }),
        }
    }

    /// The drug family.
    pub fn family(&self) -> DrugFamily {
        self.drug.family()
    }

    /// The drug group.
    pub fn group(&self) -> DrugGroup {
        self.drug.group()
    }
}

impl Drug {
    /// Resolves a name (or slug) to a drug, case-, space- and punctuation-insensitively.
    ///
    /// ```
    /// use narcostat::Drug;
    /// assert_eq!(Drug::resolve("Khat (Catha Edulis)"), Some(Drug::Khat));
    /// assert_eq!(Drug::resolve("no such drug"), None);
    /// ```
    pub fn resolve(name: &str) -> Option<Self> {
        names::lookup(name)
    }
}

#[cfg(test)]
mod tests;
