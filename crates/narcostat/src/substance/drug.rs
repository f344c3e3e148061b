//! The drugs narcostat knows, each under one UNODC drug group, with the names
//! sources use for them.
//!
//! One table defines everything: the enum variant, its stable slug (the serde
//! form), the display name, the group and every alias. Aliases are matched after
//! [`normalize`](super::names::normalize), so they are written here as sources write them.
//!
//! Ambiguous words, resolved on purpose:
//! - "Crystal" resolves to crystalline methamphetamine, as the Iranian bulletins
//!   in English use it. In Iranian street usage "crystal" (کریستال) is sometimes a
//!   high-purity heroin product; a source that means that should write "heroin".
//! - The Persian "کراک" (krak) is, in Iran, a heroin product, not cocaine crack:
//!   it resolves to heroin. The English "Crack" (UNODC, EUDA) resolves to cocaine crack.
//! - "Other substances including precursors and psychotropic pills" (the seed
//!   bulletin) and CBP's "Other Drugs**" are unspecified mixtures: [`Drug::OtherDrugs`].

use super::group::DrugGroup;
use serde::{Deserialize, Serialize};

macro_rules! drugs {
    ($( $(#[$doc:meta])* $variant:ident = $slug:literal, $name:literal, $group:ident, [$($alias:literal),* $(,)?]; )*) => {
        /// A drug (or class of drugs) as narcostat classifies it.
        ///
        /// The serde form is the snake_case slug, e.g. `cannabis_resin`.
        ///
        /// ```
        /// use narcostat::{Drug, DrugGroup};
        /// assert_eq!(Drug::CannabisResin.group(), DrugGroup::CannabisType);
        /// assert_eq!(Drug::CannabisResin.slug(), "cannabis_resin");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Drug {
            $( $(#[$doc])* $variant, )*
        }

        impl Drug {
            /// Every drug, in table order.
            pub const ALL: &'static [Drug] = &[ $( Drug::$variant, )* ];

            /// The stable machine name (the serde form).
            pub const fn slug(self) -> &'static str {
                match self { $( Drug::$variant => $slug, )* }
            }

            /// The display name.
            pub const fn name(self) -> &'static str {
                match self { $( Drug::$variant => $name, )* }
            }

            /// The UNODC drug group.
            pub const fn group(self) -> DrugGroup {
                match self { $( Drug::$variant => DrugGroup::$group, )* }
            }

            /// The names under which sources report this drug (besides its name and slug).
            pub const fn aliases(self) -> &'static [&'static str] {
                match self { $( Drug::$variant => &[$($alias),*], )* }
            }
        }
    };
}

drugs! {
    /// Opium (raw and prepared).
    Opium = "opium", "Opium", Opioids, ["Raw and prepared opium", "تریاک", "افیون", "Teriak", "Taryak"];
    /// Heroin.
    Heroin = "heroin", "Heroin", Opioids, ["هروئین", "هرویین", "هروئين", "Heroine", "Brown sugar", "کراک", "Krak"];
    /// Illicit morphine.
    Morphine = "morphine", "Morphine", Opioids, ["Illicit morphine", "مرفین", "مورفین"];
    /// Codeine.
    Codeine = "codeine", "Codeine", Opioids, ["کدئین"];
    /// Codeine-based cough syrup (India's "CBCS", "Phensidyl").
    CodeineCoughSyrup = "codeine_cough_syrup", "Codeine-based cough syrup", Opioids, ["CBCS", "Phensidyl", "Codeine based cough syrup"];
    /// Fentanyl and its salts.
    Fentanyl = "fentanyl", "Fentanyl", Opioids, ["Fentanyl HCL", "Fentanyl HCl", "Fentanyl hydrochloride", "فنتانیل"];
    /// Tramadol (not under international control, reported with pharmaceutical opioids).
    Tramadol = "tramadol", "Tramadol", Opioids, ["ترامادول"];
    /// Pharmaceutical opioids other than those listed.
    PharmaceuticalOpioids = "pharmaceutical_opioids", "Pharmaceutical opioids", Opioids, ["Methadone", "متادون", "Buprenorphine", "بوپرنورفین", "Oxycodone", "Hydrocodone"];
    /// Other illicit opiates.
    OtherIllicitOpiates = "other_illicit_opiates", "Other illicit opiates", Opioids, [];
    /// Other illicit opioids.
    OtherIllicitOpioids = "other_illicit_opioids", "Other illicit opioids", Opioids, [];
    /// Opioids, type not specified.
    NonSpecifiedOpioids = "non_specified_opioids", "Non-specified opioids", Opioids, ["Opiates", "Opioids"];
    /// Opium poppy plants (a count, not a mass).
    PoppyPlants = "poppy_plants", "Poppy plants", Opioids, ["Opium poppy plants"];
    /// Opium poppy seed.
    PoppySeed = "poppy_seed", "Poppy seed", Opioids, [];
    /// Poppy straw / husk ("doda").
    PoppyStraw = "poppy_straw", "Poppy straw", Opioids, ["Poppy husk", "Poppy husk straw", "Poppy Husk/Straw", "Doda", "Poppy straw concentrate"];

    /// Cannabis herb (marijuana, ganja, grass).
    CannabisHerb = "cannabis_herb", "Cannabis herb", CannabisType, ["Marijuana (herb)", "Marijuana", "Marihuana", "Grass", "Ganja", "Herbal cannabis", "Cannabis herb (marijuana)", "گراس", "ماری جوانا", "ماریجوانا", "علف"];
    /// Cannabis resin (hashish, charas).
    CannabisResin = "cannabis_resin", "Cannabis resin", CannabisType, ["Hashish (resin)", "Hashish", "Hasish", "Charas", "Resin", "حشیش"];
    /// Cannabis oil (hashish oil).
    CannabisOil = "cannabis_oil", "Cannabis oil", CannabisType, ["Hashish oil", "Hash oil", "روغن حشیش"];
    /// Cannabis plants (a count, not a mass).
    CannabisPlants = "cannabis_plants", "Cannabis plants", CannabisType, ["Cannabis plant"];
    /// Cannabis seed.
    CannabisSeed = "cannabis_seed", "Cannabis seed", CannabisType, [];
    /// Other types of cannabis.
    OtherCannabis = "other_cannabis", "Other types of cannabis", CannabisType, [];
    /// Cannabis, type not specified.
    NonSpecifiedCannabis = "non_specified_cannabis", "Non-specified cannabis-type", CannabisType, ["Cannabis-type", "Cannabis"];
    /// Synthetic cannabinoids under international control.
    ControlledSyntheticCannabinoids = "controlled_synthetic_cannabinoids", "Synthetic cannabinoids under international control", CannabisType, [];

    /// Coca leaf.
    CocaLeaf = "coca_leaf", "Coca leaf", CocaineType, ["Coca leaves"];
    /// Coca bush (a count of plants or an area, as sources give it).
    CocaBush = "coca_bush", "Coca bush", CocaineType, [];
    /// Coca seed.
    CocaSeed = "coca_seed", "Coca seed", CocaineType, [];
    /// Coca paste and cocaine base.
    CocaineBase = "cocaine_base", "Coca paste / cocaine base", CocaineType, ["Coca paste/cocaine base", "Cocaine base", "Coca paste", "Basuco", "Paco"];
    /// Cocaine salts (cocaine hydrochloride).
    CocaineSalts = "cocaine_salts", "Cocaine salts", CocaineType, ["Cocaine hydrochloride", "Cocaine HCl"];
    /// Crack cocaine.
    Crack = "crack", "Crack cocaine", CocaineType, ["Crack", "Crack cocaine"];
    /// Cocaine reported as base, paste and salts together.
    CocaineBasePasteSalts = "cocaine_base_paste_salts", "Cocaine (base, paste and salts)", CocaineType, [];
    /// Cocaine reported as salt and crack together.
    CocaineSaltAndCrack = "cocaine_salt_and_crack", "Cocaine (salt and crack)", CocaineType, [];
    /// Cocaine, form not specified.
    Cocaine = "cocaine", "Cocaine", CocaineType, ["Non-specified cocaine", "Non-specified coca/cocaine type", "کوکائین", "کوکایین"];
    /// Other coca / cocaine type.
    OtherCocaType = "other_coca_type", "Other coca/cocaine type", CocaineType, [];

    /// Amphetamine.
    Amphetamine = "amphetamine", "Amphetamine", Ats, ["Amphetamines", "Amfetamine", "آمفتامین"];
    /// Methamphetamine (any form).
    Methamphetamine = "methamphetamine", "Methamphetamine", Ats, ["Metamfetamine", "Meth", "Yaba", "متامفتامین"];
    /// Crystalline methamphetamine ("crystal", "ice", Persian shisheh).
    CrystallineMethamphetamine = "crystalline_methamphetamine", "Crystalline methamphetamine", Ats, ["Crystal", "Crystal meth", "Ice", "شیشه", "کریستال"];
    /// Ecstasy-type substances (MDMA and analogues).
    Ecstasy = "ecstasy", "Ecstasy-type substances", Ats, ["Ecstasy", "MDMA", "اکستازی", "قرص اکستازی"];
    /// Captagon (fenetylline / amphetamine tablets).
    Captagon = "captagon", "Captagon", Ats, ["کپتاگون"];
    /// Para-methoxyamphetamine.
    Pma = "pma", "Para-methoxyamphetamine (PMA)", Ats, [];
    /// Prescription stimulants.
    PrescriptionStimulants = "prescription_stimulants", "Prescription stimulants", Ats, ["Methylphenidate", "Ritalin"];
    /// Other stimulants.
    OtherStimulants = "other_stimulants", "Other stimulants", Ats, [];
    /// ATS, type not specified.
    NonSpecifiedAts = "non_specified_ats", "Non-specified ATS", Ats, ["ATS", "Amphetamine-type stimulants"];

    /// Barbiturates.
    Barbiturates = "barbiturates", "Barbiturates", SedativesAndTranquillizers, [];
    /// Benzodiazepines.
    Benzodiazepines = "benzodiazepines", "Benzodiazepines", SedativesAndTranquillizers, ["Diazepam", "Alprazolam"];
    /// Depressants other than methaqualone.
    Depressants = "depressants", "Depressants (excluding methaqualone)", SedativesAndTranquillizers, ["Depressants (excluding Methaqualone)"];
    /// GHB.
    Ghb = "ghb", "GHB", SedativesAndTranquillizers, ["Gamma-hydroxybutyrate"];
    /// Methaqualone (Mandrax).
    Methaqualone = "methaqualone", "Methaqualone", SedativesAndTranquillizers, ["Mandrax"];
    /// Other sedatives and tranquillizers.
    OtherSedatives = "other_sedatives", "Other sedatives and tranquillizers", SedativesAndTranquillizers, [];
    /// Sedatives and tranquillizers, type not specified.
    NonSpecifiedSedatives = "non_specified_sedatives", "Non-specified sedatives and tranquillizers", SedativesAndTranquillizers, ["Sedatives and tranquillizers", "Sedatives and Tranquilizers"];

    /// LSD.
    Lsd = "lsd", "LSD", Hallucinogens, ["Lysergide", "ال اس دی"];
    /// Other hallucinogens.
    OtherHallucinogens = "other_hallucinogens", "Other hallucinogens", Hallucinogens, ["Mescaline", "Psilocybin", "DMT"];
    /// Hallucinogens, type not specified.
    NonSpecifiedHallucinogens = "non_specified_hallucinogens", "Non-specified hallucinogens", Hallucinogens, ["Hallucinogens"];

    /// Ketamine and phencyclidine-type substances.
    Ketamine = "ketamine", "Ketamine", NotUnderInternationalControl, ["Ketamine and phencyclidine-type substances", "کتامین"];
    /// Khat (Catha edulis).
    Khat = "khat", "Khat", NotUnderInternationalControl, ["Khat (Catha Edulis)", "Catha edulis", "Khat leaves", "Qat"];
    /// GBL.
    Gbl = "gbl", "GBL", NotUnderInternationalControl, ["Gamma-butyrolactone"];
    /// Synthetic cathinones (mephedrone, ...).
    SyntheticCathinones = "synthetic_cathinones", "Synthetic cathinones", NotUnderInternationalControl, ["Mephedrone", "Cathinones", "4-MMC", "3-MMC", "3-CMC", "4-CMC", "alpha-PVP", "α-PVP", "a-PVP", "Flakka", "MDPV", "Methylone", "N-ethylpentedrone", "NEP", "N-ethylhexedrone", "Eutylone", "Bath salts"];
    /// Synthetic cannabinoids ("Spice") not under international control.
    SyntheticCannabinoids = "synthetic_cannabinoids", "Synthetic cannabinoids (Spice)", NotUnderInternationalControl, ["Spice", "K2", "MDMB-4en-PINACA", "ADB-BUTINACA", "5F-MDMB-PICA", "4F-MDMB-BINACA", "5F-ADB", "MDMB-CHMICA", "AB-CHMINACA", "JWH-018", "ADB-4en-PINACA", "MDMB-BUTINACA"];
    /// Aminoindanes.
    Aminoindanes = "aminoindanes", "Aminoindanes", NotUnderInternationalControl, [];
    /// Phenethylamines.
    Phenethylamines = "phenethylamines", "Phenethylamines", NotUnderInternationalControl, [];
    /// Piperazines.
    Piperazines = "piperazines", "Piperazines", NotUnderInternationalControl, [];
    /// Tryptamines.
    Tryptamines = "tryptamines", "Tryptamines", NotUnderInternationalControl, [];
    /// Plant-based NPS (kratom, salvia, ...).
    PlantBasedNps = "plant_based_nps", "Plant-based NPS", NotUnderInternationalControl, ["Kratom", "Mitragyna speciosa", "Mitragynine", "Salvia divinorum", "Salvia", "Kava"];
    /// Other plant-based substances.
    OtherPlantBased = "other_plant_based", "Other plant-based substances", NotUnderInternationalControl, ["Other Plant-based substances"];
    /// Nitazenes (2-benzylbenzimidazole opioids).
    Nitazenes = "nitazenes", "Nitazenes", NotUnderInternationalControl, ["Nitazene", "Isotonitazene", "Metonitazene", "Protonitazene", "Etonitazene", "Etodesnitazene", "Butonitazene", "Flunitazene", "N-pyrrolidino etonitazene", "Etonitazepyne", "N-desethyl isotonitazene", "Protonitazepyne", "Metonitazepyne"];
    /// Other new synthetic opioids not under international control
    /// (brorphine, U-47700, 2-methyl-AP-237, ...).
    UncontrolledOpioids = "uncontrolled_opioids", "Other opioids not under international control", NotUnderInternationalControl, ["Brorphine", "U-47700", "AP-237", "2-methyl-AP-237", "Orphine", "Spirochlorphine", "Other new synthetic opioids"];
    /// Benzodiazepine-type NPS ("designer benzodiazepines").
    DesignerBenzodiazepines = "designer_benzodiazepines", "Benzodiazepine-type NPS", NotUnderInternationalControl, ["Designer benzodiazepines", "New benzodiazepines", "Etizolam", "Flualprazolam", "Bromazolam", "Flubromazolam", "Clonazolam", "Diclazepam", "Phenazepam", "Flubromazepam", "Deschloroetizolam", "Desalkylgidazepam"];
    /// Xylazine (a veterinary sedative found as an adulterant).
    Xylazine = "xylazine", "Xylazine", NotUnderInternationalControl, ["Tranq", "Medetomidine"];
    /// 1,4-butanediol, a precursor of GHB.
    Butanediol = "butanediol", "1,4-Butanediol", NotUnderInternationalControl, ["1,4-BD", "1,4-BDO", "BDO", "Butanediol"];
    /// Other prescription medicines.
    OtherPrescriptionMedicines = "other_prescription_medicines", "Other prescription medicines", NotUnderInternationalControl, [];
    /// Other NPS.
    OtherNps = "other_nps", "Other NPS", NotUnderInternationalControl, ["New psychoactive substances", "NPS"];
    /// Other substances not under international control.
    OtherUncontrolled = "other_uncontrolled", "Other substances not under international control", NotUnderInternationalControl, ["Other substances not under int. control", "Non-specified substances not under int. control", "Non-specified substances not under international control"];

    /// Acetic anhydride.
    AceticAnhydride = "acetic_anhydride", "Acetic anhydride", Precursors, ["انیدرید استیک"];
    /// Anthranilic acid.
    AnthranilicAcid = "anthranilic_acid", "Anthranilic acid", Precursors, ["Anthralic acid"];
    /// Ephedrine.
    Ephedrine = "ephedrine", "Ephedrine", Precursors, ["افدرین"];
    /// Pseudoephedrine.
    Pseudoephedrine = "pseudoephedrine", "Pseudoephedrine", Precursors, ["سودوافدرین"];
    /// APAAN (alpha-phenylacetoacetonitrile).
    Apaan = "apaan", "APAAN", Precursors, ["APAAN (alpha-phenylacetoacetonitrile)", "alpha-phenylacetoacetonitrile"];
    /// Phenylacetone (P-2-P, BMK), the methamphetamine and amphetamine precursor.
    Phenylacetone = "phenylacetone", "Phenylacetone (P-2-P)", Precursors, ["P-2-P", "P2P", "BMK", "Benzyl methyl ketone", "1-Phenyl-2-propanone"];
    /// APAA (alpha-phenylacetoacetamide), a P-2-P pre-precursor.
    Apaa = "apaa", "APAA", Precursors, ["alpha-phenylacetoacetamide", "APAA (alpha-phenylacetoacetamide)"];
    /// MAPA (methyl alpha-phenylacetoacetate), a P-2-P pre-precursor.
    Mapa = "mapa", "MAPA", Precursors, ["methyl alpha-phenylacetoacetate", "MAPA (methyl alpha-phenylacetoacetate)"];
    /// Safrole and safrole-rich oils, MDMA precursors.
    Safrole = "safrole", "Safrole", Precursors, ["Safrole-rich oils", "Isosafrole", "Sassafras oil"];
    /// PMK (3,4-MDP-2-P) and its glycidate, MDMA precursors.
    Pmk = "pmk", "PMK (3,4-MDP-2-P)", Precursors, ["3,4-MDP-2-P", "Piperonyl methyl ketone", "PMK glycidate", "PMK glycidic acid", "Piperonal"];
    /// Other precursors.
    OtherPrecursors = "other_precursors", "Other precursors", Precursors, [];
    /// Precursors, type not specified.
    NonSpecifiedPrecursors = "non_specified_precursors", "Non-specified precursors", Precursors, ["Precursors", "Precursor chemicals", "پیش ساز"];

    /// Solvents and inhalants.
    SolventsAndInhalants = "solvents_and_inhalants", "Solvents and inhalants", SolventsAndInhalants, ["Solvents and Inhallants", "Inhalants", "Solvents"];

    /// Alcohol.
    Alcohol = "alcohol", "Alcohol", Other, [];
    /// Anabolic steroids.
    AnabolicSteroids = "anabolic_steroids", "Anabolic steroids", Other, ["Steroids"];
    /// Caffeine.
    Caffeine = "caffeine", "Caffeine", Other, [];
    /// Several drugs reported together.
    MultipleDrugs = "multiple_drugs", "Multiple drugs", Other, [];
    /// Other miscellaneous substances.
    OtherMiscellaneous = "other_miscellaneous", "Other miscellaneous", Other, ["Not available"];

    /// Non-specified substances.
    NonSpecified = "non_specified", "Non-specified", NonSpecified, ["Unspecified", "Unknown", "Tablets", "Injection", "Injections"];
    /// Psychotropic substances, not specified further.
    PsychotropicSubstances = "psychotropic_substances", "Psychotropic substances", NonSpecified, ["Psychotropic pills", "Psychotropic tablets", "قرص روانگردان", "روانگردان"];
    /// Other drugs: an unspecified mixture (CBP's "Other Drugs**", the seed's
    /// "other substances including precursors and psychotropic pills").
    OtherDrugs = "other_drugs", "Other drugs", NonSpecified, ["Other Drugs**", "Other substances", "Other substances including precursors and psychotropic pills", "Others", "سایر", "سایر مواد"];

    /// Any illicit drugs: an aggregate row (UNODC "Any Illicit drugs").
    AnyIllicitDrugs = "any_illicit_drugs", "Any illicit drugs", AnyDrugs, ["Any Illicit drugs"];

    /// A substance the taxonomy does not know, kept because the caller asked to
    /// ([`Resolution::KeepUnclassified`](crate::Resolution::KeepUnclassified)).
    Unclassified = "unclassified", "Unclassified", NonSpecified, [];
}

impl std::fmt::Display for Drug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
