//! Name matching: normalisation, the alias index and suggestions for unknown names.

use super::drug::Drug;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Normalises a name for matching: lower case, Arabic letter forms folded to
/// their Persian forms, Persian/Arabic-Indic digits to ASCII, and everything
/// that is not a letter or a digit (spaces, punctuation, footnote stars, the
/// zero-width non-joiner) removed.
///
/// ```
/// use narcostat::substance::normalize;
/// assert_eq!(normalize("Khat (Catha Edulis)"), "khatcathaedulis");
/// assert_eq!(normalize("Other Drugs**"), "otherdrugs");
/// assert_eq!(normalize("ماری‌جوانا"), normalize("ماری جوانا"));
/// ```
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            'ة' => 'ه',
            'أ' | 'إ' | 'آ' => 'ا',
            '۰'..='۹' => digit(c as u32 - '۰' as u32),
            '٠'..='٩' => digit(c as u32 - '٠' as u32),
            _ => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

/// The alias index: normalised name -> drug. Built once.
pub(crate) fn index() -> &'static HashMap<String, Drug> {
    static INDEX: OnceLock<HashMap<String, Drug>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for &drug in Drug::ALL {
            if drug == Drug::Unclassified {
                continue;
            }
            let names = [drug.name(), drug.slug()].into_iter().chain(drug.aliases().iter().copied());
            for name in names {
                map.entry(normalize(name)).or_insert(drug);
            }
        }
        map
    })
}

/// Looks a name up in the index.
pub(crate) fn lookup(name: &str) -> Option<Drug> {
    index().get(&normalize(name)).copied()
}

/// The closest known names to `name` (display names of drugs, best first, at
/// most `n`), by normalised Jaro-Winkler similarity over every known alias.
pub fn suggestions(name: &str, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (score, drug) in scored(name) {
        if out.len() == n || score < 0.6 {
            break;
        }
        let name = drug.name().to_owned();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Every known alias scored against `name` (normalised Jaro-Winkler, plus
/// 0.2 when one contains the other), best first.
pub(crate) fn scored(name: &str) -> Vec<(f64, Drug)> {
    let key = normalize(name);
    let mut scored: Vec<(f64, Drug)> = index()
        .iter()
        .map(|(alias, &drug)| {
            let mut score = strsim::jaro_winkler(&key, alias);
            if !key.is_empty() && (alias.contains(&key) || key.contains(alias.as_str())) {
                score += 0.2;
            }
            (score, drug)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
}
