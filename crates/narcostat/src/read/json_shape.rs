//! The top level of a JSON dataset: every key is one narcostat knows, and at
//! least one list of records is there. Without this check a misspelt key
//! (`"seizure"`) or an empty object read as an empty dataset, and every figure
//! computed from it was a silent zero.

use super::error::ReadError;
use std::collections::BTreeMap;

/// The top-level keys of the [`Dataset`](crate::Dataset) shape.
const DATASET_KEYS: [&str; 4] = ["sources", "seizures", "reported_totals", "activities"];

/// The keys that hold records (`sources` alone holds none).
const RECORD_KEYS: [&str; 3] = ["seizures", "reported_totals", "activities"];

/// How alike a key must be to a known one to be suggested (Jaro-Winkler).
const SUGGESTION_SIMILARITY: f64 = 0.8;

/// Checks the top-level keys of the JSON object in `text`. Text that is not
/// an object passes: the dataset parser then says what is wrong with it.
pub(crate) fn check_top_level(text: &str, file: &str) -> Result<(), ReadError> {
    let Ok(keys) = serde_json::from_str::<BTreeMap<String, serde::de::IgnoredAny>>(text) else {
        return Ok(());
    };
    if let Some(key) = keys.keys().find(|k| !DATASET_KEYS.contains(&k.as_str())) {
        return Err(ReadError::UnknownJsonKey { file: file.to_owned(), key: key.clone(), suggestion: suggestion(key) });
    }
    if !keys.keys().any(|k| RECORD_KEYS.contains(&k.as_str())) {
        return Err(ReadError::NoJsonRecords { file: file.to_owned() });
    }
    Ok(())
}

/// The known key most like `key`, if any is close.
fn suggestion(key: &str) -> Option<String> {
    let key = key.trim().to_lowercase();
    DATASET_KEYS
        .iter()
        .map(|k| (strsim::jaro_winkler(&key, k), *k))
        .filter(|(score, _)| *score >= SUGGESTION_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ReadError {
        check_top_level(text, "d.json").unwrap_err()
    }

    #[test]
    fn a_misspelt_key_is_named_with_a_suggestion() {
        let e = err(r#"{"seizure": [{"a": 1}]}"#);
        assert!(
            matches!(&e, ReadError::UnknownJsonKey { key, suggestion: Some(s), .. } if key == "seizure" && s == "seizures")
        );
        assert_eq!(
            e.to_string(),
            "d.json: unknown top-level key \"seizure\" (did you mean \"seizures\"?); a dataset has the keys sources, seizures, reported_totals and activities"
        );
        let e = err(r#"{"seizures": [], "Reported_Totals": []}"#);
        assert!(matches!(&e, ReadError::UnknownJsonKey { suggestion: Some(s), .. } if s == "reported_totals"));
        let e = err(r#"{"seizures": [], "colour": "red"}"#);
        assert!(matches!(&e, ReadError::UnknownJsonKey { key, suggestion: None, .. } if key == "colour"), "{e:?}");
    }

    #[test]
    fn an_object_without_records_is_an_error() {
        for text in ["{}", " { } ", r#"{"sources": []}"#] {
            assert!(matches!(err(text), ReadError::NoJsonRecords { .. }), "{text}");
        }
        assert!(err("{}").to_string().contains("\"seizures\""));
    }

    #[test]
    fn the_documented_shape_passes() {
        for text in [
            r#"{"seizures": []}"#,
            r#"{"activities": []}"#,
            r#"{"sources": [], "seizures": [], "reported_totals": [], "activities": []}"#,
            "[1, 2]",
            "{not json",
        ] {
            assert!(check_top_level(text, "d.json").is_ok(), "{text}");
        }
        assert!(check_top_level(crate::seed::BULLETIN_2021_02_JSON, "seed.json").is_ok());
    }
}
