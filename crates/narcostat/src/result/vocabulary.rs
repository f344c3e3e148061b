//! The vocabulary of substances as result tables: the catalogue, and what one
//! word matches, so that front ends render them like any result.

use super::column::{Column, Role};
use super::values::Values;
use super::{ResultKind, ResultTable};
use crate::substance::{CatalogueEntry, Level, WordMatch};

/// A text column of `rows` values.
fn text<T>(name: &str, role: Role, rows: &[T], value: impl Fn(&T) -> String) -> Column {
    Column::new(name, role, Values::Text(rows.iter().map(|r| Some(value(r))).collect()))
}

impl ResultTable {
    /// The catalogue ([`crate::substance::catalogue`]): `group`, `family`,
    /// `drug`, `slug` and `names` (every known name, `; `-separated).
    ///
    /// ```
    /// use narcostat::result::ResultTable;
    /// let t = ResultTable::catalogue(&narcostat::substance::catalogue());
    /// assert_eq!(t.column_names(), ["group", "family", "drug", "slug", "names"]);
    /// assert!(t.to_csv().contains("\nCocaine-type,Cocaine,Crack"));
    /// ```
    pub fn catalogue(entries: &[CatalogueEntry]) -> Self {
        let columns = vec![
            text("group", Role::Key, entries, |e| e.group.clone()),
            text("family", Role::Key, entries, |e| e.family.clone()),
            text("drug", Role::Key, entries, |e| e.drug.clone()),
            text("slug", Role::Info, entries, |e| e.slug.clone()),
            text("names", Role::Info, entries, |e| e.names.join("; ")),
        ];
        Self::new(ResultKind::Vocabulary, columns, entries.len())
    }

    /// What a word matches ([`crate::substance::resolve_word`]): one row per
    /// drug covered, with the `level` matched (group, family, drug) and the
    /// `matched` name.
    ///
    /// ```
    /// use narcostat::result::ResultTable;
    /// let t = ResultTable::word_match(&narcostat::substance::resolve_word("crack").unwrap());
    /// assert_eq!(t.to_csv(), "level,matched,drug,family,group\ndrug,Crack cocaine,Crack cocaine,Cocaine,Cocaine-type\n");
    /// ```
    pub fn word_match(m: &WordMatch) -> Self {
        let level = match m.level {
            Level::Group => "group",
            Level::Family => "family",
            Level::Drug => "drug",
        };
        let columns = vec![
            text("level", Role::Info, &m.drugs, |_| level.to_owned()),
            text("matched", Role::Info, &m.drugs, |_| m.name.clone()),
            text("drug", Role::Key, &m.drugs, |d| d.name().to_owned()),
            text("family", Role::Key, &m.drugs, |d| d.family().name().to_owned()),
            text("group", Role::Key, &m.drugs, |d| d.group().name().to_owned()),
        ];
        Self::new(ResultKind::Vocabulary, columns, m.drugs.len())
    }
}
