//! The embedded default dataset: the February 2021 bulletin of Iran's Drug
//! Control Headquarters, transcribed into the model (the source text is in
//! `data/reference/bulletin-2021-02.txt` at the repository root).
//!
//! Nothing is invented: where the bulletin gives no figure, the record has
//! none. Its inconsistencies are kept as stated — the heading's period
//! (31 January - 25 February) beside the text's (30 January - 28 February), the
//! heading's 120 trainees beside the text's 122, the stated total "about 58383
//! kg" beside items that add up to 58207 kg — for the checks to find.

use crate::record::Dataset;

/// The JSON text of the embedded month, in the documented [`Dataset`] shape.
pub const BULLETIN_2021_02_JSON: &str = include_str!("../data/bulletin-2021-02.json");

/// The embedded month as a [`Dataset`].
///
/// ```
/// let month = narcostat::seed::bulletin_2021_02();
/// assert_eq!(month.seizures.len(), 7);
/// assert_eq!(month.reported_totals.len(), 1);
/// assert_eq!(month.activities.len(), 11);
/// ```
pub fn bulletin_2021_02() -> Dataset {
    // The embedded text is checked by the tests below; should it ever fail to
    // parse, an empty dataset is returned rather than a panic.
    serde_json::from_str(BULLETIN_2021_02_JSON).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Drug, Unit};

    #[test]
    fn embedded_json_parses_and_round_trips() {
        let d: Dataset = serde_json::from_str(BULLETIN_2021_02_JSON).unwrap();
        let again: Dataset = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d);
    }

    #[test]
    fn items_match_the_bulletin_text() {
        let text = include_str!("../../../data/reference/bulletin-2021-02.txt");
        let month = bulletin_2021_02();
        let mut sum = crate::Quantity::whole(0, Unit::Kilogram).unwrap();
        for s in &month.seizures {
            let q = s.quantity.unwrap();
            let kg = q.value_in(Unit::Kilogram).unwrap().to_string();
            // every figure and every name as written appears in the bulletin
            assert!(text.contains(&format!("{kg} kg")), "{kg}");
            assert!(text.contains(&s.substance.name), "{}", s.substance.name);
            assert_eq!(crate::Substance::resolve(&s.substance.name).unwrap().drug, s.substance.drug);
            sum = sum.checked_add(q).unwrap();
        }
        assert_eq!(sum.value_in(Unit::Kilogram).unwrap().to_string(), "58207");
        assert!(text.contains("About 58383 kg"));
        assert_eq!(month.seizures[0].substance.drug, Drug::Opium);
    }
}
