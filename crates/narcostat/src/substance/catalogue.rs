//! The vocabulary of substances as a list front ends can show: group, family,
//! drug, slug and every known name.

use super::drug::Drug;
use serde::{Deserialize, Serialize};

/// One drug of the taxonomy with its place in it and the names it resolves from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    /// The UNODC drug group's display name.
    pub group: String,
    /// The drug family's display name.
    pub family: String,
    /// The drug's display name.
    pub drug: String,
    /// The drug's stable machine name.
    pub slug: String,
    /// Every name the drug resolves from: its name, its slug, its aliases.
    pub names: Vec<String>,
}

/// Every drug of the taxonomy, in table order (without the placeholder for
/// unclassified names).
///
/// ```
/// let all = narcostat::substance::catalogue();
/// let crack = all.iter().find(|e| e.slug == "crack").unwrap();
/// assert_eq!((crack.group.as_str(), crack.family.as_str()), ("Cocaine-type", "Cocaine"));
/// assert!(all.iter().any(|e| e.names.iter().any(|n| n == "Isotonitazene")));
/// ```
pub fn catalogue() -> Vec<CatalogueEntry> {
    Drug::ALL
        .iter()
        .filter(|&&d| d != Drug::Unclassified)
        .map(|&d| CatalogueEntry {
            group: d.group().name().to_owned(),
            family: d.family().name().to_owned(),
            drug: d.name().to_owned(),
            slug: d.slug().to_owned(),
            names: distinct([d.name(), d.slug()].into_iter().chain(d.aliases().iter().copied())),
        })
        .collect()
}

/// The names in order, each once ("Crack cocaine" is both a name and an alias).
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    }
    out
}
