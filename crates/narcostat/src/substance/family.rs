//! Drug families: the level analysts use between the UNODC drug group and the
//! drug, following the World Drug Report's usage ("cocaine" is salts,
//! base/paste, crack and non-specified cocaine; coca leaf and bush are apart;
//! "cannabis" is herb, resin, oil and non-specified cannabis; plants apart).
//!
//! Every drug belongs to exactly one family, and every family to one group
//! (so "synthetic cannabinoids" under international control and those not
//! under it are two families, in two groups).

use super::drug::Drug;
use super::group::DrugGroup;
use super::names::normalize;
use serde::{Deserialize, Serialize};

macro_rules! families {
    ($( $(#[$doc:meta])* $variant:ident = $slug:literal, $name:literal, $group:ident, [$($alias:literal),*], [$($drug:ident),+ $(,)?]; )*) => {
        /// A drug family (World Drug Report usage). The serde form is the slug.
        ///
        /// ```
        /// use narcostat::substance::{Drug, DrugFamily};
        /// assert_eq!(Drug::Crack.family(), DrugFamily::Cocaine);
        /// assert_eq!(Drug::CocaLeaf.family(), DrugFamily::Coca);
        /// assert!(DrugFamily::Cannabis.drugs().contains(&Drug::CannabisResin));
        /// assert_eq!(DrugFamily::resolve("opiates"), Some(DrugFamily::Opiates));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum DrugFamily { $( $(#[$doc])* $variant, )* }

        impl DrugFamily {
            /// Every family, in table order.
            pub const ALL: &'static [DrugFamily] = &[ $( DrugFamily::$variant, )* ];

            /// The stable machine name (the serde form).
            pub const fn slug(self) -> &'static str { match self { $( DrugFamily::$variant => $slug, )* } }

            /// The display name.
            pub const fn name(self) -> &'static str { match self { $( DrugFamily::$variant => $name, )* } }

            /// The UNODC drug group the family belongs to.
            pub const fn group(self) -> DrugGroup { match self { $( DrugFamily::$variant => DrugGroup::$group, )* } }

            /// Other names of the family (besides its name and slug).
            pub const fn aliases(self) -> &'static [&'static str] { match self { $( DrugFamily::$variant => &[$($alias),*], )* } }

            /// The drugs of the family.
            pub const fn drugs(self) -> &'static [Drug] { match self { $( DrugFamily::$variant => &[$(Drug::$drug),+], )* } }
        }
    };
}

families! {
    /// Opiates: opium, heroin, morphine.
    Opiates = "opiates", "Opiates", Opioids, ["Opiate"], [Opium, Heroin, Morphine, OtherIllicitOpiates];
    /// Pharmaceutical opioids, fentanyl among them.
    PharmaceuticalOpioids = "pharmaceutical_opioids", "Pharmaceutical opioids", Opioids, [], [Codeine, CodeineCoughSyrup, Tramadol, Fentanyl, PharmaceuticalOpioids];
    /// Other and non-specified opioids.
    OtherOpioids = "other_opioids", "Other and non-specified opioids", Opioids, [], [OtherIllicitOpioids, NonSpecifiedOpioids];
    /// Opium poppy: plants, seed, straw.
    OpiumPoppy = "opium_poppy", "Opium poppy", Opioids, ["Poppy"], [PoppyPlants, PoppySeed, PoppyStraw];

    /// Cannabis: herb, resin, oil, other and non-specified (plants apart).
    Cannabis = "cannabis", "Cannabis", CannabisType, [], [CannabisHerb, CannabisResin, CannabisOil, OtherCannabis, NonSpecifiedCannabis];
    /// Cannabis plants and seed.
    CannabisPlantsAndSeed = "cannabis_plants_and_seed", "Cannabis plants and seed", CannabisType, [], [CannabisPlants, CannabisSeed];
    /// Synthetic cannabinoids under international control.
    ControlledSyntheticCannabinoids = "controlled_synthetic_cannabinoids", "Controlled synthetic cannabinoids", CannabisType, [], [ControlledSyntheticCannabinoids];

    /// Cocaine: salts, base/paste, crack, non-specified (coca leaf and bush apart).
    Cocaine = "cocaine", "Cocaine", CocaineType, ["Cocaine"], [CocaineSalts, CocaineBase, Crack, CocaineBasePasteSalts, CocaineSaltAndCrack, Cocaine, OtherCocaType];
    /// Coca: leaf, bush, seed.
    Coca = "coca", "Coca", CocaineType, ["Coca leaf and bush"], [CocaLeaf, CocaBush, CocaSeed];

    /// Amphetamines (amphetamine, captagon).
    Amphetamines = "amphetamines", "Amphetamines", Ats, [], [Amphetamine, Captagon];
    /// Methamphetamine in every form.
    Methamphetamine = "methamphetamine", "Methamphetamine", Ats, ["Methamphetamine", "Methamphetamines", "Meth"], [Methamphetamine, CrystallineMethamphetamine];
    /// "Ecstasy"-type substances.
    Ecstasy = "ecstasy", "Ecstasy", Ats, ["Ecstasy"], [Ecstasy];
    /// Other and non-specified amphetamine-type stimulants.
    OtherAts = "other_ats", "Other and non-specified ATS", Ats, [], [Pma, PrescriptionStimulants, OtherStimulants, NonSpecifiedAts];

    /// Benzodiazepines under international control.
    Benzodiazepines = "benzodiazepines", "Benzodiazepines", SedativesAndTranquillizers, ["Benzodiazepines"], [Benzodiazepines];
    /// GHB.
    Ghb = "ghb", "GHB", SedativesAndTranquillizers, [], [Ghb];
    /// Other and non-specified sedatives and tranquillizers.
    OtherSedatives = "other_and_non_specified_sedatives", "Other and non-specified sedatives", SedativesAndTranquillizers, [], [Barbiturates, Depressants, Methaqualone, OtherSedatives, NonSpecifiedSedatives];

    /// LSD.
    Lsd = "lsd", "LSD", Hallucinogens, [], [Lsd];
    /// Other and non-specified hallucinogens.
    OtherHallucinogens = "other_and_non_specified_hallucinogens", "Other and non-specified hallucinogens", Hallucinogens, [], [OtherHallucinogens, NonSpecifiedHallucinogens];

    /// New synthetic opioids: nitazenes, brorphine and other opioids not under control.
    NewSyntheticOpioids = "new_synthetic_opioids", "New synthetic opioids", NotUnderInternationalControl, ["NSO", "Novel synthetic opioids", "NPS opioids"], [Nitazenes, UncontrolledOpioids];
    /// Synthetic cathinones.
    SyntheticCathinones = "synthetic_cathinones", "Synthetic cathinones", NotUnderInternationalControl, ["Synthetic cathinones"], [SyntheticCathinones];
    /// Synthetic cannabinoids not under international control.
    SyntheticCannabinoids = "synthetic_cannabinoids", "Synthetic cannabinoids", NotUnderInternationalControl, ["Synthetic cannabinoids", "Synthetic cannabinoid receptor agonists", "SCRA"], [SyntheticCannabinoids];
    /// Benzodiazepine-type NPS.
    BenzodiazepineNps = "benzodiazepine_nps", "Benzodiazepine-type NPS", NotUnderInternationalControl, [], [DesignerBenzodiazepines];
    /// Plant-based NPS: kratom, khat, salvia and others.
    PlantBasedNps = "plant_based_nps", "Plant-based NPS", NotUnderInternationalControl, ["Plant-based NPS", "Plant-based substances"], [PlantBasedNps, Khat, OtherPlantBased];
    /// Ketamine and phencyclidine-type substances.
    Ketamine = "ketamine", "Ketamine-type substances", NotUnderInternationalControl, [], [Ketamine];
    /// GHB precursors: GBL and 1,4-butanediol.
    GhbPrecursors = "ghb_precursors", "GHB precursors (GBL, 1,4-BD)", NotUnderInternationalControl, ["GHB precursors"], [Gbl, Butanediol];
    /// Xylazine and other veterinary sedatives found as adulterants.
    Xylazine = "xylazine", "Xylazine", NotUnderInternationalControl, [], [Xylazine];
    /// Other NPS: aminoindanes, phenethylamines, piperazines, tryptamines, other.
    OtherNps = "other_nps_types", "Other NPS types", NotUnderInternationalControl, [], [Aminoindanes, Phenethylamines, Piperazines, Tryptamines, OtherNps];
    /// Other substances not under international control.
    OtherUncontrolled = "other_uncontrolled_substances", "Other uncontrolled substances", NotUnderInternationalControl, [], [OtherPrescriptionMedicines, OtherUncontrolled];

    /// Precursors of amphetamine-type stimulants.
    AtsPrecursors = "ats_precursors", "ATS precursors", Precursors, ["Precursors of ATS", "Amphetamine precursors"], [Ephedrine, Pseudoephedrine, Apaan, Phenylacetone, Apaa, Mapa, Safrole, Pmk];
    /// Precursors of heroin.
    HeroinPrecursors = "heroin_precursors", "Heroin precursors", Precursors, [], [AceticAnhydride];
    /// Other and non-specified precursors.
    OtherPrecursors = "other_and_non_specified_precursors", "Other and non-specified precursors", Precursors, [], [AnthranilicAcid, OtherPrecursors, NonSpecifiedPrecursors];

    /// Solvents and inhalants.
    SolventsAndInhalants = "solvents_and_inhalants", "Solvents and inhalants", SolventsAndInhalants, [], [SolventsAndInhalants];
    /// Miscellaneous substances (alcohol, steroids, caffeine, mixtures).
    Miscellaneous = "miscellaneous", "Miscellaneous substances", Other, [], [Alcohol, AnabolicSteroids, Caffeine, MultipleDrugs, OtherMiscellaneous];
    /// Non-specified substances.
    NonSpecified = "non_specified_substances", "Non-specified substances", NonSpecified, [], [NonSpecified, PsychotropicSubstances, OtherDrugs, Unclassified];
    /// Any illicit drugs (an aggregate row).
    AnyIllicitDrugs = "any_illicit_drugs", "Any illicit drugs", AnyDrugs, [], [AnyIllicitDrugs];
}

impl DrugFamily {
    /// Resolves a family by name, slug or alias, case-, space- and
    /// punctuation-insensitively.
    pub fn resolve(name: &str) -> Option<Self> {
        let key = normalize(name);
        if key.is_empty() {
            return None;
        }
        Self::ALL
            .iter()
            .copied()
            .find(|f| [f.name(), f.slug()].into_iter().chain(f.aliases().iter().copied()).any(|n| normalize(n) == key))
    }

    /// The families of a group.
    pub fn of_group(group: DrugGroup) -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(move |f| f.group() == group)
    }
}

impl Drug {
    /// The drug's family.
    ///
    /// ```
    /// use narcostat::substance::{Drug, DrugFamily};
    /// assert_eq!(Drug::Heroin.family(), DrugFamily::Opiates);
    /// assert_eq!(Drug::CannabisPlants.family(), DrugFamily::CannabisPlantsAndSeed);
    /// ```
    pub fn family(self) -> DrugFamily {
        DrugFamily::ALL.iter().copied().find(|f| f.drugs().contains(&self)).unwrap_or(DrugFamily::NonSpecified)
    }

    /// Whether the drug is a "non-specified" bucket of its group (a source
    /// that does not say which form or substance it seized).
    pub fn is_non_specified(self) -> bool {
        matches!(
            self,
            Drug::Cocaine
                | Drug::NonSpecifiedOpioids
                | Drug::NonSpecifiedCannabis
                | Drug::NonSpecifiedAts
                | Drug::NonSpecifiedSedatives
                | Drug::NonSpecifiedHallucinogens
                | Drug::NonSpecifiedPrecursors
                | Drug::NonSpecified
                | Drug::PsychotropicSubstances
                | Drug::OtherDrugs
                | Drug::Unclassified
        )
    }
}

impl std::fmt::Display for DrugFamily {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
