//! Programme activities: the non-seizure work a drug-control bulletin reports.

use crate::period::Period;
use crate::place::{CountryCode, Place};
use crate::quantity::Decimal;
use serde::{Deserialize, Serialize};

/// A figure together with where the source states it, so that one fact
/// stated twice with different values (a heading says 120 experts, the text
/// 122) is kept, not silently resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stated<T> {
    /// The value as stated.
    pub value: T,
    /// Where in the source it is stated ("heading", "text", a page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_in: Option<String>,
}

impl<T> Stated<T> {
    /// A value stated at `stated_in`.
    pub fn at(value: T, stated_in: &str) -> Self {
        Self { value, stated_in: Some(stated_in.to_owned()) }
    }
}

/// An amount of money in a currency (ISO 4217 code, e.g. `IRR` for rials).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// The exact amount.
    pub amount: Decimal,
    /// The ISO 4217 currency code.
    pub currency: String,
}

/// A part of a composition with its share in percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Component {
    /// What the part is.
    pub name: String,
    /// Its share, in percent.
    pub percent: Decimal,
    /// The qualifier the source puts on the share ("about").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// How two sides met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    /// A video conference.
    VideoConference,
    /// The partner visited the reporting country.
    VisitReceived,
    /// The reporting side visited the partner country.
    VisitAbroad,
    /// A meeting of another kind.
    Meeting,
    /// An agreement signed.
    Agreement,
}

/// What kind of activity, with the figures proper to it.
///
/// The serde form is internally tagged by `"kind"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityKind {
    /// Cooperation with a partner country or agency.
    Cooperation {
        /// The partner country.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partner_country: Option<CountryCode>,
        /// The partner agency.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partner_agency: Option<String>,
        /// The reporting side's agency or official.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        own_agency: Option<String>,
        /// How they met.
        contact: Contact,
        /// The fields of cooperation named.
        #[serde(default)]
        fields: Vec<String>,
        /// Intentions stated (e.g. to conclude a memorandum).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        intentions: Vec<String>,
    },
    /// A memorandum of cooperation or understanding between agencies.
    Memorandum {
        /// The parties.
        parties: Vec<String>,
        /// Its purpose.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        purpose: Option<String>,
        /// What the parties committed to.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        commitments: Vec<String>,
    },
    /// Training courses.
    Training {
        /// Who organised them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        organiser: Option<String>,
        /// The framework or programme.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        programme: Option<String>,
        /// Participants, as each part of the source states it.
        #[serde(default)]
        participants: Vec<Stated<u64>>,
        /// Who the participants were.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        audience: Option<String>,
        /// The topics.
        #[serde(default)]
        topics: Vec<String>,
    },
    /// A treatment or rehabilitation centre opened.
    TreatmentCentre {
        /// The type of centre.
        centre_type: String,
        /// Who it serves (e.g. women).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_group: Option<String>,
        /// Its ordinal among centres of its type in its province (16 for the 16th).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ordinal_in_province: Option<u32>,
        /// Whether it is the first of its kind (e.g. the first for women).
        #[serde(default)]
        first_of_kind: bool,
    },
    /// Money provided.
    Funding {
        /// How much.
        amount: Money,
        /// How many people received it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        beneficiaries: Option<u64>,
        /// Who received it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        beneficiary_group: Option<String>,
        /// What for.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        purpose: Option<String>,
    },
    /// A prevention programme.
    Prevention {
        /// How many people it reached.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        people_reached: Option<u64>,
        /// Where it took place (workplace, school, ...).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        setting: Option<String>,
        /// Who it addressed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_group: Option<String>,
    },
    /// A national plan.
    NationalPlan {
        /// The plan's name.
        name: String,
        /// Who leads it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lead: Option<String>,
        /// How many provinces it covers (at its current stage).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        provinces_covered: Option<u32>,
        /// Who it addresses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_group: Option<String>,
    },
    /// A regulatory step (licensing, scheduling, ...).
    Regulatory {
        /// The step.
        step: String,
        /// The regulator.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        regulator: Option<String>,
        /// Its stage ("under way", "granted").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<String>,
        /// A composition the source gives (e.g. 20% narcotic-derived, 80% herbal).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        composition: Vec<Component>,
    },
}

impl ActivityKind {
    /// The kind's name (the serde tag).
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Cooperation { .. } => "cooperation",
            Self::Memorandum { .. } => "memorandum",
            Self::Training { .. } => "training",
            Self::TreatmentCentre { .. } => "treatment_centre",
            Self::Funding { .. } => "funding",
            Self::Prevention { .. } => "prevention",
            Self::NationalPlan { .. } => "national_plan",
            Self::Regulatory { .. } => "regulatory",
        }
    }
}

/// Programme work a source reports: cooperation, memoranda, trainings,
/// treatment centres, funding, prevention, national plans, regulation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The source's heading for it.
    pub title: String,
    /// When it happened (for "over the past year" or "since the beginning of
    /// this year", the period the source implies, with a note).
    pub period: Period,
    /// Where.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// What kind of activity, with its figures.
    #[serde(flatten)]
    pub kind: ActivityKind,
    /// Remarks (e.g. how a period was read from the text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
