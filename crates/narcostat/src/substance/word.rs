//! What a word a user types in a drug filter means: the widest natural
//! meaning among group, family and drug.

use super::UnknownSubstance;
use super::drug::Drug;
use super::family::DrugFamily;
use super::group::DrugGroup;
use super::names::{lookup, normalize};
use serde::{Deserialize, Serialize};

/// The level of the taxonomy a word matched at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A UNODC drug group ("opioids").
    Group,
    /// A drug family ("cocaine", "cannabis").
    Family,
    /// A single drug ("crack").
    Drug,
}

/// What a word means in a drug filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordMatch {
    /// The word as given.
    pub word: String,
    /// The level it matched at.
    pub level: Level,
    /// The display name of the group, family or drug it matched.
    pub name: String,
    /// The drugs it covers.
    pub drugs: Vec<Drug>,
}

/// The typed meaning of a matched word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// A group.
    Group(DrugGroup),
    /// A family.
    Family(DrugFamily),
    /// A drug.
    Drug(Drug),
}

/// Resolves a word to its widest natural meaning: a family by its name or
/// alias first ("cocaine" is the cocaine family, not the cocaine-type group
/// with coca leaf), then a group ("opioids"), then a drug by any known name.
///
/// ```
/// use narcostat::substance::{resolve_word, Drug, Level};
/// let cocaine = resolve_word("cocaine").unwrap();
/// assert_eq!(cocaine.level, Level::Family);
/// assert!(cocaine.drugs.contains(&Drug::Crack) && !cocaine.drugs.contains(&Drug::CocaLeaf));
/// assert_eq!(resolve_word("opioids").unwrap().level, Level::Group);
/// assert_eq!(resolve_word("hashish").unwrap().drugs, [Drug::CannabisResin]);
/// assert_eq!(resolve_word("cocaien").unwrap_err().suggestions[0], "Cocaine");
/// ```
pub fn resolve_word(word: &str) -> Result<WordMatch, UnknownSubstance> {
    let meaning = meaning_of(word)?;
    let (level, name, drugs) = match meaning {
        Meaning::Group(g) => (Level::Group, g.name(), Drug::ALL.iter().copied().filter(|d| d.group() == g).collect()),
        Meaning::Family(f) => (Level::Family, f.name(), f.drugs().to_vec()),
        Meaning::Drug(d) => (Level::Drug, d.name(), vec![d]),
    };
    Ok(WordMatch { word: word.to_owned(), level, name: name.to_owned(), drugs })
}

/// The typed meaning of a word (as [`resolve_word`]), or the error with suggestions.
pub fn meaning_of(word: &str) -> Result<Meaning, UnknownSubstance> {
    let found = if normalize(word).is_empty() {
        None
    } else {
        DrugFamily::resolve(word)
            .map(Meaning::Family)
            .or_else(|| DrugGroup::resolve(word).map(Meaning::Group))
            .or_else(|| lookup(word).map(Meaning::Drug))
    };
    found.ok_or_else(|| UnknownSubstance { name: word.to_owned(), suggestions: word_suggestions(word, 3) })
}

/// The closest known words to `word` among group, family and drug names
/// (best first, at most `n`).
pub fn word_suggestions(word: &str, n: usize) -> Vec<String> {
    let key = normalize(word);
    let families = DrugFamily::ALL.iter().flat_map(|f| [f.name(), f.slug()]);
    let groups = DrugGroup::ALL.iter().flat_map(|g| [g.name(), g.slug()]);
    // Families and groups first, so that on a tie the wider word wins (the sort is stable).
    let mut scored: Vec<(f64, &str)> = families
        .chain(groups)
        .map(|name| (score(&key, &normalize(name)), name))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.extend(super::names::scored(word).into_iter().map(|(s, d)| (s, d.name())));
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<String> = Vec::new();
    for (score, name) in scored {
        if out.len() == n || score < 0.6 {
            break;
        }
        if !out.iter().any(|o| normalize(o) == normalize(name)) {
            out.push(name.to_owned());
        }
    }
    out
}

/// Jaro-Winkler similarity, plus 0.2 when one contains the other and the
/// shorter has at least five letters (so "coca" does not win for "cocaien").
fn score(key: &str, name: &str) -> f64 {
    let long_enough = key.chars().count().min(name.chars().count()) >= 5;
    let bonus = if long_enough && (name.contains(key) || key.contains(name)) { 0.2 } else { 0.0 };
    strsim::jaro_winkler(key, name) + bonus
}
