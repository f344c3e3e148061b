//! The table layouts narcostat reads, and their detection from the header.

use crate::substance::normalize;
use serde::{Deserialize, Serialize};

/// Which column holds what, for generic tables. Each field names a header
/// (matched case-, space- and punctuation-insensitively).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMap {
    /// The substance name (required).
    pub substance: String,
    /// The quantity: a number, or a number with its unit ("12 kg").
    pub quantity: String,
    /// The unit, when in its own column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit for every row, when there is no unit column nor unit in the quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_unit: Option<String>,
    /// A date (YYYY-MM-DD) or any period text narcostat reads (`2021-02`, `FY2024`, `SH1399`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A wide national table: `Year`, a place column, one `<Drug>_<Unit>` column per drug and unit.
    Wide,
    /// Any table, through a column mapping.
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
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "unodc-annual" | "unodc" => Self::UnodcAnnual,
            "unodc-subregional" => Self::UnodcSubregional,
            "cbp" => Self::Cbp,
            "wide" => Self::Wide,
            "json" => Self::Json,
            "ndjson" | "jsonl" => Self::Ndjson,
            _ => return None,
        })
    }

    /// Detects the format from the header fields.
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
        if has("year") && h.iter().filter(|x| wide_unit(x).is_some()).count() >= 2 {
            return Some(Self::Wide);
        }
        None
    }
}

/// The unit suffix of a wide column (normalised name), e.g. `heroinkg` -> kg.
pub(crate) fn wide_unit(normalized: &str) -> Option<(&str, &'static str)> {
    const SUFFIXES: [(&str, &str); 6] = [
        ("kg", "kg"),
        ("litre", "l"),
        ("no", "units"),
        ("blots", "blots"),
        ("bottle", "bottles"),
        ("bottles", "bottles"),
    ];
    if normalized.starts_with("total") {
        return None;
    }
    SUFFIXES
        .iter()
        .find_map(|(suffix, unit)| normalized.strip_suffix(suffix).filter(|d| !d.is_empty()).map(|d| (d, *unit)))
}
