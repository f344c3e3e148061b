//! What a query asks, as the CLI flags, Python keywords and JS options carry it.

use super::{SpecError, forms};
use crate::equivalent::{Basis, Factors};
use crate::period::{Granularity, Period};
use crate::quantity::Unit;
use crate::query::{Filter, GroupKey, Query, SpanRule};
use crate::vocabulary::MeasureWord;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every option of a query, in the shapes users naturally write: each
/// front end deserialises its options into this and does nothing else.
///
/// ```
/// use narcostat::spec::QuerySpec;
/// let spec: QuerySpec = serde_json::from_str(
///     r#"{"by": "country,fiscal-year", "where": {"drug": ["cocaine", "heroin"]}, "period": 2018, "fiscal_start": 7}"#,
/// ).unwrap();
/// let q = spec.query().unwrap();
/// assert_eq!(q.by[1].to_string(), "fiscal-year-7");
/// assert_eq!(q.period.unwrap().to_string(), "2018-01-01..2018-12-31");
/// let js: QuerySpec = serde_json::from_str(r#"{"fiscalStart": 7, "spanRule": "by-start"}"#).unwrap();
/// assert_eq!((js.fiscal_start, js.span_rule.to_string().as_str()), (Some(7), "by-start"));
/// let err = serde_json::from_str::<QuerySpec>(r#"{"n": -1}"#).unwrap_err();
/// assert!(err.to_string().contains("n must be 1 or more, not -1"), "{err}");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuerySpec {
    /// The keys to group by: `"drug,year"` or `["drug", "year"]`.
    #[serde(deserialize_with = "forms::keys")]
    pub by: Vec<GroupKey>,
    /// The filter (`where`): `{"drug": "cocaine", "country": ["COL", "PER"]}`
    /// or `"drug=cocaine,country=COL|PER"`: key -> alternatives.
    #[serde(rename = "where", alias = "filter", deserialize_with = "forms::conditions")]
    pub filter: BTreeMap<String, Vec<String>>,
    /// The period: `2018`, `"2018"`, `"2018-Q1"`, `"FY2024"`, `"2012..2016"`.
    #[serde(deserialize_with = "forms::period", serialize_with = "forms::period_text")]
    pub period: Option<Period>,
    /// The period compared with (`compare`).
    #[serde(deserialize_with = "forms::period", serialize_with = "forms::period_text")]
    pub vs: Option<Period>,
    /// The month fiscal years start in (1-12; the US year, 10, when absent).
    /// JavaScript's `fiscalStart` is accepted too.
    #[serde(alias = "fiscalStart")]
    pub fiscal_start: Option<u8>,
    /// What to do with records spanning several time buckets (`spanRule` too).
    #[serde(alias = "spanRule")]
    pub span_rule: SpanRule,
    /// What to rank, compare or trend by.
    pub measure: MeasureWord,
    /// How many rows of a ranking (all when absent); negative is an error.
    #[serde(deserialize_with = "forms::count")]
    pub n: Option<usize>,
    /// Keys within which shares and ranks are computed (each one of `by`).
    #[serde(deserialize_with = "forms::keys")]
    pub within: Vec<GroupKey>,
    /// The unit results are given in (its dimension's; kg and l by default).
    pub unit: Option<Unit>,
    /// The equivalence basis (`equivalents`).
    pub basis: Basis,
    /// Conversion factors by name (`mg-per-tablet`: `"30"` or `30`).
    #[serde(deserialize_with = "forms::factors")]
    pub factors: BTreeMap<String, String>,
}

impl QuerySpec {
    /// The query: keys with the fiscal start applied to fiscal-year keys,
    /// the filter resolved, checked.
    pub fn query(&self) -> Result<Query, SpecError> {
        let by = self.keys(&self.by)?;
        for key in self.keys(&self.within)? {
            if !by.contains(&key) {
                let by = by.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
                return Err(SpecError::Within { key: key.to_string(), by });
            }
        }
        let mut filter = Filter::default();
        for (key, values) in &self.filter {
            filter.add(key, &values.join("|"))?;
        }
        let query = Query { by, filter, period: self.period, span_rule: self.span_rule };
        query.validate()?;
        Ok(query)
    }

    /// The `within` keys, with the fiscal start applied.
    pub fn within(&self) -> Result<Vec<GroupKey>, SpecError> {
        self.keys(&self.within)
    }

    /// The conversion factors: the defaults with those given set.
    pub fn factors(&self) -> Result<Factors, SpecError> {
        let mut factors = Factors::default();
        for (name, value) in &self.factors {
            if !factors.set(name, value) {
                return Err(SpecError::Factor { name: name.clone(), value: value.clone() });
            }
        }
        Ok(factors)
    }

    /// `keys` with the fiscal start (checked) applied to fiscal-year keys.
    fn keys(&self, keys: &[GroupKey]) -> Result<Vec<GroupKey>, SpecError> {
        let Some(start) = self.fiscal_start else {
            return Ok(keys.to_vec());
        };
        if !(1..=12).contains(&start) {
            return Err(SpecError::FiscalStart { value: start });
        }
        Ok(keys
            .iter()
            .map(|k| match k {
                GroupKey::Time(Granularity::FiscalYear(_)) => GroupKey::Time(Granularity::FiscalYear(start)),
                other => other.clone(),
            })
            .collect())
    }
}
