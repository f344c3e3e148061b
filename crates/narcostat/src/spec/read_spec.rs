//! How to read a file, as the CLI flags, Python keywords and JS options carry it.

use super::SpecError;
use crate::period::Calendar;
use crate::place::CountryCode;
use crate::quantity::{DecimalMark, Unit};
use crate::read::{ColumnRole, Format, Missing, Mode, ReadOptions};
use crate::substance::Resolution;
use serde::{Deserialize, Deserializer, Serialize, de::Error as _};
use std::collections::BTreeMap;

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
    /// The unit of bare quantities (numbers with no unit), in every format:
    /// a unit column or a unit-named quantity header wins over it.
    pub unit: Option<Unit>,
    /// What an unknown substance name is.
    pub resolution: Resolution,
    /// The delimiter; sniffed from the header when absent.
    pub delimiter: Option<char>,
    /// Explicit column mapping, role word → header (`{"drug": "Drug Type",
    /// "quantity": "Qty"}`), possibly partial: the other roles are detected.
    /// An unknown role word is an error with "did you mean".
    #[serde(skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "columns")]
    pub columns: BTreeMap<ColumnRole, String>,
    /// The calendar of date cells (`gregorian` when absent; `solar-hijri`).
    pub calendar: Option<Calendar>,
    /// The decimal mark of quantity cells: `comma` (`1.234,5`) or `point`
    /// (`1,234.5`). When absent (`auto`), a comma-delimited table has a
    /// decimal point; a `;`, tab or `|` table's columns each take the
    /// convention their cells show, and a cell that fits both (`2,125`) is
    /// a row error until one does.
    pub decimal: Option<DecimalMark>,
}

/// A country by code or name, with an error naming the value.
fn country<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CountryCode>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|t| CountryCode::resolve(&t).ok_or_else(|| D::Error::custom(format!("unknown country {t:?}"))))
        .transpose()
}

/// A column mapping, each role once (`drug` and its alias `substance` are one role).
fn columns<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<ColumnRole, String>, D::Error> {
    let mut out = BTreeMap::new();
    for (role, header) in crate::read::pairs_object::deserialize(d)? {
        let role: ColumnRole = role.parse().map_err(D::Error::custom)?;
        if let Some(before) = out.insert(role, header) {
            return Err(D::Error::custom(format!("the column role {role} is mapped twice (one was {before:?})")));
        }
    }
    Ok(out)
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
            columns: self.columns.iter().map(|(role, header)| (*role, header.clone())).collect(),
            unit: self.unit,
            calendar: self.calendar.unwrap_or_default(),
            decimal_mark: self.decimal.unwrap_or_default(),
            ..ReadOptions::default()
        })
    }

    /// Adds one column mapping written `ROLE=HEADER` (the CLI's
    /// `--column drug="Drug Type"`): split at the first `=`, the role a
    /// word of the vocabulary, the header not empty. A role given twice is
    /// an error.
    ///
    /// ```
    /// use narcostat::{read::ColumnRole, spec::ReadSpec};
    /// let mut spec = ReadSpec::default();
    /// spec.add_column("drug=Drug Type").unwrap();
    /// assert_eq!(spec.columns[&ColumnRole::Drug], "Drug Type");
    /// assert!(spec.add_column("quantiy=Qty").unwrap_err().to_string().contains("did you mean \"quantity\""));
    /// ```
    pub fn add_column(&mut self, text: &str) -> Result<(), SpecError> {
        let (role, header) = text.split_once('=').ok_or_else(|| SpecError::Column {
            given: text.to_owned(),
            why: "expected ROLE=HEADER, e.g. drug=\"Drug Type\"".to_owned(),
        })?;
        let role: ColumnRole = role.trim().parse()?;
        let header = header.trim();
        if header.is_empty() {
            return Err(SpecError::Column { given: text.to_owned(), why: format!("the header for {role} is empty") });
        }
        if let Some(before) = self.columns.get(&role) {
            return Err(SpecError::Column {
                given: text.to_owned(),
                why: format!("{role} is already mapped to {before:?}"),
            });
        }
        self.columns.insert(role, header.to_owned());
        Ok(())
    }
}
