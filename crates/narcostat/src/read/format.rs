//! The table layouts narcostat reads, and their detection from the header.

use crate::quantity::Unit;
use crate::substance::normalize;
use serde::{Deserialize, Serialize};

/// Which column holds what, for generic tables. Each field names a header
/// (matched case-, space- and punctuation-insensitively).
///
/// A mapping is usually detected from the header words (see
/// [`Format::detect`] and the module docs of [`read`](super)); the
/// explicit [`ReadOptions::columns`](super::ReadOptions::columns) names
/// the columns detection cannot tell. The unit of a quantity cell is, in
/// order: the unit column's cell, the unit the quantity's header carries
/// (`Weight (kg)`, `qty_lbs`, `grams`), `default_unit`, then
/// [`ReadOptions::unit`](super::ReadOptions::unit); a bare number with none
/// of these is a row error. The serde form is unchanged by the optional
/// fields: `{"generic": {"substance": "Drug", "quantity": "kg", "date": "Date"}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMap {
    /// The substance name (required).
    pub substance: String,
    /// The quantity: a number, or a number with its unit ("12 kg").
    pub quantity: String,
    /// Further quantity columns, each named with its unit (`tablets`,
    /// `litres`): every one is a separate measure, read like a wide table's
    /// cells (one record per non-empty, non-zero cell; zeros counted in
    /// [`ReadReport::zero_cells`](super::ReadReport::zero_cells)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
    /// The unit, when in its own column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit for every row, when there is no unit column nor unit in the quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_unit: Option<String>,
    /// A date (YYYY-MM-DD) or any period text narcostat reads (`2021-02`, `FY2024`, `SH1399`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The end of the period the date column starts (`start`, `end`):
    /// each row's period is `date..end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// A year column, when there is no date column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// The country (code or name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The locality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// The agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The number of seizure events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seizures: Option<String>,
    /// The origin country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The destination country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

/// A table layout.
///
/// The serde form is the word (`"cbp"`), or `{"generic": {...}}` with the column mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(target_pointer_width = "64", expect(clippy::large_enum_variant, reason = "a format is built once per read"))]
pub enum Format {
    /// UNODC annual seizures, `Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent`.
    UnodcAnnual,
    /// UNODC annual seizures with sub-region and specific drug name,
    /// `Region;SubRegion;Country;CountryCode;Year;DrugGroup;Drug;SpecificDrugName;KgEquivalent;Comment`.
    UnodcSubregional,
    /// CBP drug seizures: `FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility|Branch,Drug Type,Count of Event,Sum Qty (lbs)`.
    Cbp,
    /// A wide national table: `Year`, a place column, one `<Drug>_<Unit>`
    /// column per drug and unit (any unit narcostat knows: `Heroin_Kg`,
    /// `Cannabis_Plants`, `Alprazolam_Tablets`, `Codeine_L`), `Total_<Unit>`
    /// columns and an optional `Is_Total_Row` flag. A row flagged as a total,
    /// or whose place is "Total", "Grand Total" or "All India", states totals
    /// that are checked against the other rows, never summed with them.
    /// Columns the layout does not read are listed in
    /// [`ReadReport::unread_columns`](super::ReadReport::unread_columns).
    Wide,
    /// Any other table, through a column mapping: given, or detected from
    /// the header words when the header is none of the layouts above (see
    /// [`ColumnMap`] and [`ReadOptions::columns`](super::ReadOptions::columns)).
    Generic(ColumnMap),
    /// The JSON [`Dataset`](crate::Dataset) shape.
    Json,
    /// One JSON [`Seizure`](crate::Seizure) per line.
    Ndjson,
}

impl Format {
    /// The format's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::UnodcAnnual => "unodc-annual",
            Self::UnodcSubregional => "unodc-subregional",
            Self::Cbp => "cbp",
            Self::Wide => "wide",
            Self::Generic(_) => "generic",
            Self::Json => "json",
            Self::Ndjson => "ndjson",
        }
    }

    /// Parses a format name (not `generic`, which needs a mapping).
    pub fn parse(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    /// Detects a fixed layout (UNODC, CBP, wide) from the header fields;
    /// `None` for any other table, which the readers then map by its header
    /// words (a [`Format::Generic`] mapping).
    ///
    /// ```
    /// use narcostat::read::Format;
    /// let h = ["Region", "country", "ISO Code", "Drug Group", "Drug", "Year", "KG Equivalent"];
    /// assert_eq!(Format::detect(&h), Some(Format::UnodcAnnual));
    /// ```
    pub fn detect(header: &[&str]) -> Option<Self> {
        let h: Vec<String> = header.iter().map(|s| normalize(s)).collect();
        let has = |name: &str| h.iter().any(|x| x == name);
        if has("kgequivalent") && has("isocode") && has("drug") {
            return Some(Self::UnodcAnnual);
        }
        if has("kgequivalent") && has("countrycode") && has("specificdrugname") {
            return Some(Self::UnodcSubregional);
        }
        if has("fy") && has("monthabbv") && has("drugtype") && has("sumqtylbs") {
            return Some(Self::Cbp);
        }
        // A long table names its drug in a column; a wide one in its headers.
        let long = has("drug") || has("substance") || has("drugtype");
        if has("year") && !long && header.iter().filter(|x| wide_column(x).is_some()).count() >= 2 {
            return Some(Self::Wide);
        }
        None
    }
}

/// The drug name and unit of a wide column: `Heroin_Kg`, `Cannabis_Plants`,
/// `Alprazolam_Tablets`, `Codeine_L`, `LSD_Blots`, `Heroin (kg)`: any unit
/// narcostat knows after the last underscore or in closing parentheses.
/// `Total_...` columns are not drug columns (see [`total_column`]).
pub(crate) fn wide_column(header: &str) -> Option<(String, Unit)> {
    let h = header.trim();
    if normalize(h).starts_with("total") {
        return None;
    }
    let (drug, unit) = match h.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
        Some((drug, unit)) => (drug, unit),
        None => h.rsplit_once('_')?,
    };
    let drug = drug.trim().trim_end_matches('_').replace('_', " ");
    if normalize(&drug).is_empty() {
        return None;
    }
    Unit::parse(unit).map(|u| (drug, u))
}

/// The unit of a `Total_<Unit>` column (`Total_Kg`, `Total_Litre`,
/// `Total_Units`): a total each row states over every drug.
pub(crate) fn total_column(header: &str) -> Option<Unit> {
    let norm = normalize(header);
    norm.strip_prefix("total").filter(|u| !u.is_empty()).and_then(Unit::parse)
}
