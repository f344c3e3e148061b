//! How to read a file, as the CLI flags, Python keywords and JS options carry it.

use super::SpecError;
use crate::place::CountryCode;
use crate::quantity::Unit;
use crate::read::{Format, Missing, Mode, ReadOptions};
use crate::substance::Resolution;
use serde::{Deserialize, Deserializer, Serialize, de::Error as _};

/// Every reading option, in the shapes users naturally write.
///
/// ```
/// use narcostat::spec::ReadSpec;
/// let spec: ReadSpec = serde_json::from_str(r#"{"format": "unodc", "country": "Iran", "lenient": true}"#).unwrap();
/// let options = spec.options().unwrap();
/// assert_eq!(options.country.unwrap().as_str(), "IRN");
/// assert_eq!(options.format.unwrap().name(), "unodc-annual");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadSpec {
    /// The format (a word, or `{"generic": {...}}` with a column mapping); detected when absent.
    pub format: Option<Format>,
    /// The country of rows that name none: a code or a name.
    #[serde(deserialize_with = "country")]
    pub country: Option<CountryCode>,
    /// Collect bad rows and go on, instead of stopping at the first.
    pub lenient: bool,
    /// What a missing quantity is.
    pub missing: Missing,
    /// The spreadsheet's sheet (the first when absent).
    pub sheet: Option<String>,
    /// The unit of bare quantities in Arrow tables (not used by text formats).
    pub unit: Option<Unit>,
    /// What an unknown substance name is.
    pub resolution: Resolution,
    /// The delimiter; sniffed from the header when absent.
    pub delimiter: Option<char>,
}

/// A country by code or name, with an error naming the value.
fn country<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CountryCode>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|t| CountryCode::resolve(&t).ok_or_else(|| D::Error::custom(format!("unknown country {t:?}"))))
        .transpose()
}

impl ReadSpec {
    /// The reading options.
    pub fn options(&self) -> Result<ReadOptions, SpecError> {
        let delimiter = match self.delimiter {
            None => None,
            Some(c) => Some(u8::try_from(c).ok().filter(u8::is_ascii).ok_or(SpecError::Delimiter { value: c })?),
        };
        Ok(ReadOptions {
            mode: if self.lenient { Mode::Lenient } else { Mode::Strict },
            format: self.format.clone(),
            missing: self.missing,
            resolution: self.resolution,
            country: self.country,
            delimiter,
            ..ReadOptions::default()
        })
    }
}
