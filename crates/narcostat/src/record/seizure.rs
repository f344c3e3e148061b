//! A seizure record.

use crate::period::Period;
use crate::place::{CountryCode, Place};
use crate::quantity::Quantity;
use crate::substance::Substance;
use serde::{Deserialize, Serialize};

/// One reported seizure figure: a substance, a quantity (or none, when the
/// source leaves it empty), how many seizure events it sums (when the source
/// says), over which period, where, and by whom.
///
/// A record may be a single event (a day) or a sum over a period and place
/// (a UNODC country-year, a CBP fiscal month, a bulletin's month).
///
/// The JSON shape (fields absent when empty):
/// ```
/// use narcostat::Seizure;
/// let s: Seizure = serde_json::from_str(r#"{
///   "substance": {"drug": "opium", "name": "Opium"},
///   "quantity": "47767 kg",
///   "period": {"start": "2021-01-30", "end": "2021-02-28"},
///   "place": {"country": "IRN"},
///   "agency": "Drug Control Headquarters"
/// }"#).unwrap();
/// assert_eq!(s.quantity.unwrap().to_string(), "47767 kg");
/// assert_eq!(s.seizures, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seizure {
    /// What was seized.
    pub substance: Substance,
    /// How much; `None` when the source gives no figure (UNODC's `NULL`), which
    /// is never the same as zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// The number of seizure events this record sums (CBP's `Count of Event`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seizures: Option<u64>,
    /// The days the record covers.
    pub period: Period,
    /// Where.
    #[serde(default)]
    pub place: Place,
    /// The reporting agency or component (e.g. "Office of Field Operations").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Where the record comes from: a file and line, a document, a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The country the drugs came from, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<CountryCode>,
    /// The country the drugs were bound for, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<CountryCode>,
    /// Remarks on the record: a source's comment, or a flag a reader raised
    /// (e.g. "cannabis plants reported in the kg column: read as plants").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Seizure {
    /// A seizure of `quantity` of `substance` over `period` at `place`, with no
    /// other details.
    pub fn new(substance: Substance, quantity: Quantity, period: Period, place: Place) -> Self {
        Self {
            substance,
            quantity: Some(quantity),
            seizures: None,
            period,
            place,
            agency: None,
            source: None,
            origin: None,
            destination: None,
            notes: Vec::new(),
        }
    }
}
