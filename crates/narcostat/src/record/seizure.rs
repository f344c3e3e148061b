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
/// let kept: Seizure = serde_json::from_str(r#"{
///   "substance": {"drug": "heroin", "name": "Heroin"},
///   "period": {"start": "2018-01-01", "end": "2018-12-31"},
///   "columns": {"Region": "Europe", "SubRegion": "South-Eastern Europe"}
/// }"#).unwrap();
/// assert_eq!(kept.columns[1], ("SubRegion".to_owned(), "South-Eastern Europe".to_owned()));
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
    /// The source's own columns that map to no field, in the file's order:
    /// (column name as written in the header, value as written). Empty cells
    /// are left out. Serde form: a JSON object, `{"Region": "Europe"}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::kept_columns_serde")]
    pub columns: Vec<(String, String)>,
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
            columns: Vec::new(),
        }
    }

    /// The value of the kept source column `name` (matched case-insensitively), if any.
    ///
    /// ```
    /// use narcostat::Seizure;
    /// let mut s = narcostat::seed::bulletin_2021_02().seizures[0].clone();
    /// s.columns.push(("Region".into(), "Asia".into()));
    /// assert_eq!(s.column("region"), Some("Asia"));
    /// assert_eq!(s.column("District"), None);
    /// ```
    pub fn column(&self, name: &str) -> Option<&str> {
        self.columns.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The value of the kept source column named exactly `name`, if any.
    pub(crate) fn column_exact(&self, name: &str) -> Option<&str> {
        self.columns.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}
