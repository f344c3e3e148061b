//! Dimensions (`GroupKey`) and time granularities: one table each, so a new
//! dimension is one line here.

use super::word::{Entry, canonical, lookup, names, word_of, word_serde};
use super::{UnknownWord, Word};
use crate::period::Granularity;
use crate::query::GroupKey;

/// Every dimension that is not a time bucket: value, word, aliases.
pub(crate) const DIMENSIONS: &[Entry<GroupKey>] = &[
    (GroupKey::Drug, "drug", &["substance"]),
    (GroupKey::DrugGroup, "drug-group", &["group"]),
    (GroupKey::DrugFamily, "drug-family", &["family"]),
    (GroupKey::Name, "name", &[]),
    (GroupKey::Country, "country", &[]),
    (GroupKey::Region, "region", &[]),
    (GroupKey::SubRegion, "sub-region", &[]),
    (GroupKey::UnodcRegion, "unodc-region", &[]),
    (GroupKey::UnodcSubRegion, "unodc-sub-region", &[]),
    (GroupKey::Province, "province", &["state"]),
    (GroupKey::Locality, "locality", &["office"]),
    (GroupKey::Agency, "agency", &["component"]),
    (GroupKey::Origin, "origin", &[]),
    (GroupKey::Destination, "destination", &[]),
];

/// Every time granularity: value, word, aliases (`fiscal-year` is the US
/// year; `fiscal-year-7` starts in July).
pub(crate) const GRANULARITIES: &[Entry<Granularity>] = &[
    (Granularity::Day, "day", &["date"]),
    (Granularity::Week, "week", &["iso-week"]),
    (Granularity::Month, "month", &[]),
    (Granularity::Quarter, "quarter", &[]),
    (Granularity::Year, "year", &[]),
    (Granularity::US_FISCAL_YEAR, "fiscal-year", &["fy"]),
    (Granularity::SolarHijriMonth, "solar-hijri-month", &["sh-month"]),
    (Granularity::SolarHijriYear, "solar-hijri-year", &["sh-year"]),
];

/// The prefix of a kept source column's word: `column:Region`.
pub const COLUMN_PREFIX: &str = "column:";

/// How the kept source columns appear among the dimension words.
const COLUMN_WORD: &str = "column:NAME";

/// The word of a dimension that is not a time bucket.
pub(crate) fn dimension_word(key: &GroupKey) -> &'static str {
    word_of(DIMENSIONS, key).unwrap_or("?")
}

/// `column:NAME` (the prefix in any case): the kept source column `NAME`
/// as written; `Err` with the text when the name is empty.
fn kept_column(text: &str) -> Option<Result<GroupKey, UnknownWord>> {
    let t = text.trim();
    let prefix = t.get(..COLUMN_PREFIX.len()).filter(|p| p.eq_ignore_ascii_case(COLUMN_PREFIX))?;
    let name = t.get(prefix.len()..)?.trim();
    Some(if name.is_empty() {
        Err(UnknownWord::new(GroupKey::KIND, text, [], vec![COLUMN_WORD]))
    } else {
        Ok(GroupKey::Column(name.to_owned()))
    })
}

/// `fiscal-year-7` (or `fiscal-year:7`): a fiscal year starting in month 7.
fn fiscal_year(text: &str) -> Option<Granularity> {
    let t = text.trim().to_ascii_lowercase().replace('_', "-");
    let month = t.strip_prefix("fiscal-year")?.trim_start_matches(['-', ':', ' ']);
    let m: u8 = month.parse().ok()?;
    (1..=12).contains(&m).then_some(Granularity::FiscalYear(m))
}

impl Word for Granularity {
    const KIND: &'static str = "time granularity";
    fn words() -> Vec<&'static str> {
        canonical(GRANULARITIES)
    }
}

impl std::str::FromStr for Granularity {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        fiscal_year(s).map_or_else(|| lookup(Self::KIND, GRANULARITIES, s), Ok)
    }
}

impl std::fmt::Display for Granularity {
    /// The word: `month`, `fiscal-year` (the US year), `fiscal-year-7` for
    /// a fiscal year starting in July.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::FiscalYear(m) if *self != Self::US_FISCAL_YEAR => write!(f, "fiscal-year-{m}"),
            _ => f.write_str(self.name()),
        }
    }
}

impl Word for GroupKey {
    const KIND: &'static str = "dimension";
    fn words() -> Vec<&'static str> {
        canonical(DIMENSIONS).into_iter().chain(canonical(GRANULARITIES)).chain([COLUMN_WORD]).collect()
    }
}

impl std::str::FromStr for GroupKey {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(column) = kept_column(s) {
            return column;
        }
        if let Ok(key) = lookup(Self::KIND, DIMENSIONS, s) {
            return Ok(key);
        }
        s.parse::<Granularity>().map(Self::Time).map_err(|_| {
            let all = || names(DIMENSIONS).into_iter().chain(names(GRANULARITIES)).chain([(COLUMN_WORD, COLUMN_WORD)]);
            let mut err = UnknownWord::new(Self::KIND, s, all(), Self::words());
            // A misspelt prefix (`colum:Region`) is compared as `colum:NAME`.
            if let Some((prefix, _)) = s.split_once(':') {
                err.suggestions = super::suggest(&format!("{prefix}:NAME"), all());
            }
            err
        })
    }
}

impl std::fmt::Display for GroupKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Time(g) => g.fmt(f),
            other => f.write_str(&other.name()),
        }
    }
}

word_serde!(GroupKey, Granularity);
