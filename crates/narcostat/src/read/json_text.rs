//! A dataset from narcostat's JSON text, the shape `embedded_month` and the
//! bindings' dataset dicts have.

use super::{Format, ReadError, ReadOptions, read_str};
use crate::Dataset;

/// Reads `text` as narcostat's JSON dataset (strict: the first bad record is an error).
///
/// ```
/// let data = narcostat::read::read_json_text(narcostat::seed::BULLETIN_2021_02_JSON).unwrap();
/// assert!(!data.seizures.is_empty());
/// assert!(narcostat::read::read_json_text("{\"seizures\": 3}").is_err());
/// ```
pub fn read_json_text(text: &str) -> Result<Dataset, ReadError> {
    let options = ReadOptions { format: Some(Format::Json), ..ReadOptions::default() };
    read_str(text, "json", &options).map(|(data, _)| data)
}
