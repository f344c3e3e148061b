//! The substance vocabulary written out in a result format: what
//! `narcostat drugs` prints, whatever the front end.

use super::{UnknownSubstance, catalogue, resolve_word};
use crate::result::ResultTable;
use crate::vocabulary::OutputFormat;

/// The catalogue of drugs or, given a `word`, what it matches, in `format`:
/// JSON is their serde form (nested), CSV and the table one row per drug.
///
/// ```
/// use narcostat::{substance::render, vocabulary::OutputFormat};
/// assert!(render(None, OutputFormat::Csv).unwrap().starts_with("group,family,drug,slug,names\n"));
/// let json: serde_json::Value = serde_json::from_str(&render(Some("crack"), OutputFormat::Json).unwrap()).unwrap();
/// assert_eq!(json["level"], "drug");
/// assert!(render(Some("cocaien"), OutputFormat::Table).unwrap_err().to_string().contains("Cocaine"));
/// ```
pub fn render(word: Option<&str>, format: OutputFormat) -> Result<String, UnknownSubstance> {
    // The serde forms are plain data and cannot fail to serialise.
    Ok(match (word, format) {
        (None, OutputFormat::Json) => serde_json::to_string_pretty(&catalogue()).unwrap_or_default(),
        (Some(w), OutputFormat::Json) => serde_json::to_string_pretty(&resolve_word(w)?).unwrap_or_default(),
        (None, _) => ResultTable::catalogue(&catalogue()).render(format),
        (Some(w), _) => ResultTable::word_match(&resolve_word(w)?).render(format),
    })
}
