//! An unknown word, with "did you mean" suggestions: one suggestion function for every word.

use crate::substance::normalize;
use serde::Serialize;

/// A word of the vocabulary that narcostat does not know.
///
/// ```
/// use narcostat::GroupKey;
/// let err = "contry".parse::<GroupKey>().unwrap_err();
/// assert_eq!(err.suggestions, ["country"]);
/// assert!(err.to_string().starts_with("unknown dimension \"contry\": did you mean \"country\"?"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("unknown {kind} {given:?}{} (expected one of: {})", did_you_mean(.suggestions), .expected.join(", "))]
pub struct UnknownWord {
    /// What kind of word was expected (`dimension`, `unit`, ...).
    pub kind: &'static str,
    /// The word as given.
    pub given: String,
    /// The closest known words, best first (may be empty).
    pub suggestions: Vec<String>,
    /// Every canonical word of that kind.
    pub expected: Vec<String>,
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(": did you mean {one:?}?"),
        many => format!(": did you mean {}?", many.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(" or ")),
    }
}

impl UnknownWord {
    /// The error for `given`, a word of `kind`, with suggestions from
    /// `names` (each a name or alias and the canonical word it stands for)
    /// and `expected` the canonical words.
    pub fn new<'a>(
        kind: &'static str,
        given: &str,
        names: impl IntoIterator<Item = (&'a str, &'a str)>,
        expected: Vec<&str>,
    ) -> Self {
        Self {
            kind,
            given: given.to_owned(),
            suggestions: suggest(given, names),
            expected: expected.into_iter().map(str::to_owned).collect(),
        }
    }
}

/// How many suggestions an unknown word gets at most.
const MAX_SUGGESTIONS: usize = 3;

/// The canonical words whose names are closest to `given`, best first: by
/// optimal string alignment distance on normalised names (a typo of one
/// letter is distance 1), ties broken by Jaro-Winkler similarity; names
/// further than a third of their length (at least 1, 2 from 4 letters) are
/// not suggested.
///
/// ```
/// use narcostat::vocabulary::suggest;
/// let names = [("country", "country"), ("county", "country"), ("region", "region")];
/// assert_eq!(suggest("cuntry", names), ["country"]);
/// assert!(suggest("xyz", names).is_empty());
/// ```
pub fn suggest<'a>(given: &str, names: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let key = normalize(given);
    if key.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, f64, &str)> = names
        .into_iter()
        .filter_map(|(name, word)| {
            let name = normalize(name);
            let distance = strsim::osa_distance(&key, &name);
            let len = key.chars().count().max(name.chars().count());
            let limit = (len / 3).max(if len >= 4 { 2 } else { 1 });
            (distance <= limit).then(|| (distance, strsim::jaro_winkler(&key, &name), word))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, word) in scored {
        if out.len() == MAX_SUGGESTIONS {
            break;
        }
        if !out.iter().any(|w| w == word) {
            out.push(word.to_owned());
        }
    }
    out
}
