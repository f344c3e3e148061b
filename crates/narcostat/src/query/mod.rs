//! What to aggregate: grouping keys, filters, the period and the rule for
//! records that span several time buckets.

use crate::period::{Granularity, Period};
use crate::place::{CountryCode, Region, SubRegion, UnodcRegion, UnodcSubRegion};
use crate::substance::{Drug, DrugFamily, DrugGroup, Meaning};
use serde::{Deserialize, Serialize};

mod coverage;
pub use coverage::Coverage;
mod place_match;

/// A dimension to group by, in the vocabulary shared by the Rust, Python and
/// JS APIs and the CLI: `drug`, `drug-family`, `drug-group`, `name`, `country`,
/// `region`, `sub-region`, `unodc-region`, `unodc-sub-region`, `province`, `agency`, `origin`, `destination`, and the time
/// granularities `day`, `week`, `month`, `quarter`, `year`, `fiscal-year`,
/// `solar-hijri-month`, `solar-hijri-year`.
///
/// A source column kept from the file is `column:NAME` (the name as
/// written in the file's header, matched case-insensitively when the query runs).
///
/// Its serde form is the word (`"year"`, `"drug-group"`, `"column:Region"`); see [`crate::vocabulary`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// The classified drug.
    Drug,
    /// The UNODC drug group.
    DrugGroup,
    /// The drug family (World Drug Report usage).
    DrugFamily,
    /// The substance name as written in the source.
    Name,
    /// The country.
    Country,
    /// The UN M49 region of the country.
    Region,
    /// The UN M49 sub-region of the country.
    SubRegion,
    /// The region of the country as UNODC groups countries.
    UnodcRegion,
    /// The sub-region of the country as UNODC groups countries.
    UnodcSubRegion,
    /// The province (first-level subdivision).
    Province,
    /// The locality (CBP field office or branch, port, city).
    Locality,
    /// The reporting agency or component.
    Agency,
    /// The origin country.
    Origin,
    /// The destination country.
    Destination,
    /// A time bucket.
    Time(Granularity),
    /// A source column kept from the file (`column:Region`), by its header name.
    Column(String),
}

/// A grouping key name that narcostat does not know (with suggestions).
pub type UnknownKey = crate::vocabulary::UnknownWord;

impl GroupKey {
    /// Parses a name of the shared vocabulary (see [`crate::vocabulary`]).
    ///
    /// ```
    /// use narcostat::{GroupKey, Granularity};
    /// assert_eq!(GroupKey::parse("drug-group").unwrap(), GroupKey::DrugGroup);
    /// assert_eq!(GroupKey::parse("fiscal-year").unwrap(), GroupKey::Time(Granularity::US_FISCAL_YEAR));
    /// assert!(GroupKey::parse("colour").is_err());
    /// assert_eq!(GroupKey::parse("column:Region").unwrap(), GroupKey::Column("Region".into()));
    /// ```
    pub fn parse(name: &str) -> Result<Self, UnknownKey> {
        name.parse()
    }

    /// Parses a comma-separated list (`"drug,year"`).
    pub fn parse_list(names: &str) -> Result<Vec<Self>, UnknownKey> {
        names.split(',').filter(|n| !n.trim().is_empty()).map(Self::parse).collect()
    }

    /// The name in the shared vocabulary (also the column name in output):
    /// `fiscal-year` whatever month the fiscal year starts in, `column:Region`
    /// for a kept source column.
    pub fn name(&self) -> String {
        match self {
            Self::Time(g) => g.name().to_owned(),
            Self::Column(name) => format!("{}{name}", crate::vocabulary::COLUMN_PREFIX),
            other => crate::vocabulary::dimension_word(other).to_owned(),
        }
    }
}

/// Which rows to keep. Every list that is non-empty must match (an empty
/// list matches everything); within a list, any value matches. The substance
/// lists (`drugs`, `families`, `groups`) are one condition: a row matches
/// when its drug is listed, or its family, or its group (so `drug=cocaine|heroin`
/// keeps the cocaine family and heroin).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Drugs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drugs: Vec<Drug>,
    /// Drug families.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<DrugFamily>,
    /// Drug groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<DrugGroup>,
    /// Names as written (compared after normalisation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<CountryCode>,
    /// Regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// Sub-regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subregions: Vec<SubRegion>,
    /// UNODC regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unodc_regions: Vec<UnodcRegion>,
    /// UNODC sub-regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unodc_subregions: Vec<UnodcSubRegion>,
    /// Provinces as given (an ISO 3166-2 code or a name); a name matches a
    /// province of the row's own country (Iran's names only Iranian rows).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provinces: Vec<String>,
    /// Localities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localities: Vec<String>,
    /// Agencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    /// Origin countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<CountryCode>,
    /// Destination countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<CountryCode>,
    /// Kept source columns: (column name, the values any of which matches,
    /// compared exactly, surrounding spaces aside, as grouping compares them) — `column:Region=Europe`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<(String, Vec<String>)>,
}

/// A filter condition that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FilterError {
    /// Not `key=value`.
    #[error("invalid filter {text:?}: expected key=value[|value...]")]
    Syntax {
        /// The condition.
        text: String,
    },
    /// The key is not a dimension one can filter on.
    #[error(
        "cannot filter on {key:?}: filter on drug, drug-family, drug-group, name, country, region, sub-region, unodc-region, unodc-sub-region, province, locality, agency, origin, destination or column:NAME (time is chosen with the period)"
    )]
    Key {
        /// The key.
        key: String,
    },
    /// The condition names a key but no value (`drug=`), which would
    /// otherwise drop the filter.
    #[error("filter {text:?} has no value: give one, e.g. {key}=value, or leave the condition out")]
    EmptyValue {
        /// The key.
        key: String,
        /// The condition as given.
        text: String,
    },
    /// The value does not resolve for that key.
    #[error("unknown {key} {value:?}{}", crate::substance::did_you_mean_text(.suggestions))]
    Value {
        /// The key.
        key: String,
        /// The value.
        value: String,
        /// The closest known values, best first.
        suggestions: Vec<String>,
    },
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Adds one condition `key=value`, where value may list alternatives
    /// separated by `|` (`drug=opium|heroin`). Keys: drug, drug-family,
    /// drug-group, name, country, region, sub-region, unodc-region,
    /// unodc-sub-region, province, locality, agency, origin, destination, and
    /// `column:NAME` for a source column kept from the file (`column:Region=Europe`).
    ///
    /// A `drug` word takes its widest natural meaning (see
    /// [`resolve_word`](crate::substance::resolve_word)): "cocaine" is the
    /// cocaine family, "opioids" the group, "hashish" the drug.
    ///
    /// ```
    /// use narcostat::{Drug, DrugFamily, DrugGroup, Filter};
    /// let mut f = Filter::default();
    /// f.add("drug", "cocaine|opioids|Hashish").unwrap();
    /// f.add("country", "Iran").unwrap();
    /// assert_eq!(f.families, [DrugFamily::Cocaine]);
    /// assert_eq!(f.groups, [DrugGroup::Opioids]);
    /// assert_eq!(f.drugs, [Drug::CannabisResin]);
    /// assert_eq!(f.countries[0].as_str(), "IRN");
    /// let err = f.add("drug", "heroine|cocaien").unwrap_err();
    /// assert!(err.to_string().contains("did you mean Cocaine"), "{err}");
    /// ```
    ///
    /// A value with no alternative in it (`drug=`, `drug=|`) is an error, not
    /// a filter that keeps everything.
    pub fn add(&mut self, key: &str, value: &str) -> Result<(), FilterError> {
        let k = GroupKey::parse(key).map_err(|_| FilterError::Key { key: key.to_owned() })?;
        if value.split('|').all(|v| v.trim().is_empty()) {
            return Err(FilterError::EmptyValue { key: key.to_owned(), text: format!("{key}={value}") });
        }
        if let GroupKey::Time(_) = k {
            return Err(FilterError::Key { key: key.to_owned() });
        }
        for v in value.split('|').map(str::trim).filter(|v| !v.is_empty()) {
            self.add_value(&k, v)?;
        }
        Ok(())
    }

    fn add_value(&mut self, k: &GroupKey, v: &str) -> Result<(), FilterError> {
        let bad = |suggestions: Vec<String>| FilterError::Value { key: k.name(), value: v.to_owned(), suggestions };
        let country = || CountryCode::resolve(v).ok_or_else(|| bad(Vec::new()));
        match k {
            GroupKey::Drug => self.add_word(v).map_err(|e| bad(e.suggestions))?,
            GroupKey::DrugFamily => {
                self.families.push(DrugFamily::resolve(v).ok_or_else(|| bad(crate::substance::word_suggestions(v, 3)))?)
            }
            GroupKey::DrugGroup => {
                self.groups.push(DrugGroup::resolve(v).ok_or_else(|| bad(crate::substance::word_suggestions(v, 3)))?)
            }
            GroupKey::Name => self.names.push(v.to_owned()),
            GroupKey::Country => self.countries.push(country()?),
            GroupKey::Region => self.regions.push(
                [Region::Africa, Region::Americas, Region::Asia, Region::Europe, Region::Oceania]
                    .into_iter()
                    .find(|r| r.name().eq_ignore_ascii_case(v))
                    .ok_or_else(|| bad(Vec::new()))?,
            ),
            GroupKey::SubRegion => self.subregions.push(SubRegion::resolve(v).ok_or_else(|| bad(Vec::new()))?),
            GroupKey::UnodcRegion => self.unodc_regions.push(UnodcRegion::resolve(v).ok_or_else(|| bad(Vec::new()))?),
            GroupKey::UnodcSubRegion => {
                self.unodc_subregions.push(UnodcSubRegion::resolve(v).ok_or_else(|| bad(Vec::new()))?)
            }
            GroupKey::Province => self.provinces.push(v.to_owned()),
            GroupKey::Locality => self.localities.push(v.to_owned()),
            GroupKey::Agency => self.agencies.push(v.to_owned()),
            GroupKey::Origin => self.origins.push(country()?),
            GroupKey::Destination => self.destinations.push(country()?),
            GroupKey::Time(_) => return Err(FilterError::Key { key: k.name() }),
            GroupKey::Column(name) => match self.columns.iter_mut().find(|(n, _)| n == name) {
                Some((_, values)) => values.push(v.to_owned()),
                None => self.columns.push((name.clone(), vec![v.to_owned()])),
            },
        }
        Ok(())
    }

    /// Adds a drug word at its widest natural meaning.
    fn add_word(&mut self, word: &str) -> Result<(), crate::substance::UnknownSubstance> {
        match crate::substance::meaning_of(word)? {
            Meaning::Group(g) => self.groups.push(g),
            Meaning::Family(f) => self.families.push(f),
            Meaning::Drug(d) => self.drugs.push(d),
        }
        Ok(())
    }

    /// Whether the substance condition keeps `drug` (any of the drug,
    /// family and group lists; everything when all three are empty).
    pub fn keeps_drug(&self, drug: Drug) -> bool {
        (self.drugs.is_empty() && self.families.is_empty() && self.groups.is_empty())
            || self.drugs.contains(&drug)
            || self.families.contains(&drug.family())
            || self.groups.contains(&drug.group())
    }

    /// Parses comma-separated conditions: `drug=opium,country=IRN`.
    pub fn parse(text: &str) -> Result<Self, FilterError> {
        let mut f = Self::default();
        for cond in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let (k, v) = cond.split_once('=').ok_or_else(|| FilterError::Syntax { text: cond.to_owned() })?;
            f.add(k.trim(), v.trim())?;
        }
        Ok(f)
    }
}

/// What to do with a record whose period spans several buckets of the time
/// granularity grouped by (a month-long bulletin grouped by week, a UNODC
/// year grouped by month).
///
/// Words: `separate`, `by-start`, `by-end` (serde too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpanRule {
    /// Keep it apart, in the result's "not attributable at this granularity" part (the default).
    #[default]
    Separate,
    /// Attribute it to the bucket of its first day.
    ByStart,
    /// Attribute it to the bucket of its last day.
    ByEnd,
}

/// An aggregation query.
///
/// ```
/// use narcostat::{Query, GroupKey, Granularity};
/// let q = Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Year)]);
/// assert_eq!(q.by.len(), 2);
/// let q = Query::parse("drug,year", "country=IRN", Some("2012..2016")).unwrap();
/// assert_eq!(q.period.unwrap().to_string(), "2012-01-01..2016-12-31");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// The grouping keys, in output order (none: one grand-total group).
    pub by: Vec<GroupKey>,
    /// Which rows to keep.
    #[serde(default)]
    pub filter: Filter,
    /// Keep only records wholly inside this period; records that straddle
    /// its edges are counted in the result's accounting, not added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// What to do with records spanning several time buckets.
    #[serde(default)]
    pub span_rule: SpanRule,
}

/// A query that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// A grouping key.
    #[error(transparent)]
    Key(#[from] UnknownKey),
    /// A filter.
    #[error(transparent)]
    Filter(#[from] FilterError),
    /// The period.
    #[error(transparent)]
    Period(#[from] crate::period::PeriodError),
    /// Two time granularities in one query.
    #[error("group by one time granularity at a time (got {first} and {second})")]
    TwoTimeKeys {
        /// The first.
        first: &'static str,
        /// The second.
        second: &'static str,
    },
}

impl Query {
    /// Group by `keys`, no filter.
    pub fn by(keys: &[GroupKey]) -> Self {
        Self { by: keys.to_vec(), ..Self::default() }
    }

    /// Parses the CLI / binding form: keys `"drug,year"`, filter
    /// `"drug=opium,country=IRN"`, optional period text.
    pub fn parse(by: &str, filter: &str, period: Option<&str>) -> Result<Self, QueryError> {
        let q = Self {
            by: GroupKey::parse_list(by)?,
            filter: Filter::parse(filter)?,
            period: period.map(crate::period::Period::parse).transpose()?,
            span_rule: SpanRule::default(),
        };
        q.validate()?;
        Ok(q)
    }

    /// Checks the query: at most one time key, and a period that is not
    /// reversed and lies in the supported range.
    pub fn validate(&self) -> Result<(), QueryError> {
        if let Some(p) = self.period {
            p.check()?;
        }
        let times: Vec<&GroupKey> = self.by.iter().filter(|k| matches!(k, GroupKey::Time(_))).collect();
        if let [GroupKey::Time(a), GroupKey::Time(b), ..] = times.as_slice() {
            return Err(QueryError::TwoTimeKeys { first: a.name(), second: b.name() });
        }
        Ok(())
    }

    /// The time granularity grouped by, if any.
    pub fn granularity(&self) -> Option<Granularity> {
        self.by.iter().find_map(|k| match k {
            GroupKey::Time(g) => Some(*g),
            _ => None,
        })
    }

    /// With a filter.
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self
    }

    /// Restricted to a period.
    pub fn period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// With a span rule.
    pub fn span_rule(mut self, rule: SpanRule) -> Self {
        self.span_rule = rule;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;
    use crate::period::PeriodError;

    #[test]
    fn a_key_without_a_value_is_an_error_not_a_dropped_filter() {
        for text in ["drug=", "drug= ", "drug=|", "drug= | ", "country=IRN,drug="] {
            let err = Filter::parse(text).unwrap_err();
            assert!(matches!(err, FilterError::EmptyValue { ref key, .. } if key == "drug"), "{text}: {err:?}");
            assert!(err.to_string().contains("has no value"), "{err}");
            assert!(Query::parse("drug", text, None).is_err(), "{text}");
        }
        // Empty conditions between commas are not conditions at all.
        assert_eq!(Filter::parse("drug=opium,,").unwrap().drugs.len(), 1);
        assert_eq!(Filter::parse("drug=opium|").unwrap().drugs.len(), 1);
    }

    #[test]
    fn a_hand_built_query_with_a_bad_period_does_not_validate() {
        let (a, b) = (Date::from_ymd(2021, 1, 1).unwrap(), Date::from_ymd(2020, 1, 1).unwrap());
        let reversed = Query { period: Some(Period { start: a, end: b }), ..Query::default() };
        assert!(matches!(reversed.validate(), Err(QueryError::Period(PeriodError::Reversed { .. }))));
        let beyond = Query { period: Some(Period { start: a, end: Date::from_days(i32::MAX) }), ..Query::default() };
        assert!(matches!(beyond.validate(), Err(QueryError::Period(PeriodError::OutOfRange { .. }))));
        let table = crate::SeizureTable::from_seizures(&crate::seed::bulletin_2021_02().seizures).unwrap();
        assert!(table.aggregate(&reversed).is_err());
    }

    #[test]
    fn a_serialized_query_is_checked_when_read_back() {
        let json = r#"{"by": ["drug"], "period": {"start": "2021-02-01", "end": "2021-01-01"}}"#;
        let err = serde_json::from_str::<Query>(json).unwrap_err();
        assert!(err.to_string().contains("reversed"), "{err}");
        let json = r#"{"by": ["drug"], "period": {"start": "2021-02-01", "end": "9999-01-01"}}"#;
        assert!(serde_json::from_str::<Query>(json).is_err());
        let good = Query::parse("drug", "", Some("2021")).unwrap();
        let back: Query = serde_json::from_str(&serde_json::to_string(&good).unwrap()).unwrap();
        assert_eq!(back, good);
    }

    #[test]
    fn out_of_range_and_reversed_periods_fail_to_parse() {
        assert!(matches!(
            Query::parse("drug", "", Some("10000")),
            Err(QueryError::Period(PeriodError::OutOfRange { .. }))
        ));
        assert!(matches!(
            Query::parse("drug", "", Some("2021..2020")),
            Err(QueryError::Period(PeriodError::Reversed { .. }))
        ));
    }
}
