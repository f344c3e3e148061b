//! UNODC drug groups.

use serde::{Deserialize, Serialize};

/// A drug group as UNODC reports seizures (World Drug Report / ARQ), plus the
/// "any drugs" aggregate that some UNODC tables carry.
///
/// ```
/// use narcostat::DrugGroup;
/// assert_eq!(DrugGroup::resolve("Solvents and Inhallants"), Some(DrugGroup::SolventsAndInhalants));
/// assert_eq!(DrugGroup::Ats.name(), "Amphetamine-type stimulants");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrugGroup {
    /// Opium, heroin, morphine, pharmaceutical opioids, poppy.
    Opioids,
    /// Cannabis herb, resin, oil, plants and seeds.
    CannabisType,
    /// Coca leaf, coca paste, cocaine base and salts, crack.
    CocaineType,
    /// Amphetamine-type stimulants: amphetamine, methamphetamine, ecstasy, captagon.
    Ats,
    /// Sedatives and tranquillizers: benzodiazepines, barbiturates, GHB, methaqualone.
    SedativesAndTranquillizers,
    /// LSD and other hallucinogens.
    Hallucinogens,
    /// New psychoactive substances and other substances not under international control.
    NotUnderInternationalControl,
    /// Precursor chemicals: acetic anhydride, ephedrine, pseudoephedrine, APAAN.
    Precursors,
    /// Solvents and inhalants.
    SolventsAndInhalants,
    /// Other miscellaneous substances (alcohol, steroids, caffeine, ...).
    Other,
    /// Substances the source does not specify.
    NonSpecified,
    /// An aggregate of any illicit drugs (UNODC "Any drugs"): never add to the other groups.
    AnyDrugs,
}

impl DrugGroup {
    /// Every group, in UNODC's reporting order.
    pub const ALL: [Self; 12] = [
        Self::Opioids,
        Self::CannabisType,
        Self::CocaineType,
        Self::Ats,
        Self::SedativesAndTranquillizers,
        Self::Hallucinogens,
        Self::NotUnderInternationalControl,
        Self::Precursors,
        Self::SolventsAndInhalants,
        Self::Other,
        Self::NonSpecified,
        Self::AnyDrugs,
    ];

    /// The display name of the group.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Opioids => "Opioids",
            Self::CannabisType => "Cannabis-type",
            Self::CocaineType => "Cocaine-type",
            Self::Ats => "Amphetamine-type stimulants",
            Self::SedativesAndTranquillizers => "Sedatives and tranquillizers",
            Self::Hallucinogens => "Hallucinogens",
            Self::NotUnderInternationalControl => "Substances not under international control",
            Self::Precursors => "Precursors",
            Self::SolventsAndInhalants => "Solvents and inhalants",
            Self::Other => "Other miscellaneous",
            Self::NonSpecified => "Non-specified",
            Self::AnyDrugs => "Any drugs",
        }
    }

    /// The stable machine name (the serde form), e.g. `cannabis_type`.
    pub const fn slug(self) -> &'static str {
        match self {
            Self::Opioids => "opioids",
            Self::CannabisType => "cannabis_type",
            Self::CocaineType => "cocaine_type",
            Self::Ats => "ats",
            Self::SedativesAndTranquillizers => "sedatives_and_tranquillizers",
            Self::Hallucinogens => "hallucinogens",
            Self::NotUnderInternationalControl => "not_under_international_control",
            Self::Precursors => "precursors",
            Self::SolventsAndInhalants => "solvents_and_inhalants",
            Self::Other => "other",
            Self::NonSpecified => "non_specified",
            Self::AnyDrugs => "any_drugs",
        }
    }

    /// Resolves a group name as UNODC writes it (including its misspelling
    /// "Solvents and Inhallants"), or a slug. Case-, space- and punctuation-insensitive.
    pub fn resolve(name: &str) -> Option<Self> {
        let key = super::names::normalize(name);
        let found = match key.as_str() {
            "opioids" | "opiates" => Self::Opioids,
            "cannabistype" | "cannabis" => Self::CannabisType,
            "cocainetype" | "cocaine" => Self::CocaineType,
            "ats" | "amphetaminetypestimulants" => Self::Ats,
            "sedativesandtranquillizers" | "sedativesandtranquilizers" => Self::SedativesAndTranquillizers,
            "hallucinogens" => Self::Hallucinogens,
            "substancesnotunderinternationalcontrol" | "notunderinternationalcontrol" | "nps" => {
                Self::NotUnderInternationalControl
            }
            "precursors" => Self::Precursors,
            "solventsandinhalants" | "solventsandinhallants" => Self::SolventsAndInhalants,
            "othermiscellaneous" | "other" => Self::Other,
            "nonspecified" => Self::NonSpecified,
            "anydrugs" => Self::AnyDrugs,
            _ => return None,
        };
        Some(found)
    }
}

impl std::fmt::Display for DrugGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
