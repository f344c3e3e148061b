//! Partial query results: what one partition (a file, a Dask partition, a
//! chunk) contributes to a query, merged exactly with the others and finished
//! into the same result table a single pass gives.

use super::{Operation, QuerySpec, SpecError};
use crate::aggregate::{Aggregate, AggregateError};
use crate::equivalent::Equivalents;
use crate::error::Error;
use crate::quantity::CountUnit;
use crate::query::GroupKey;
use crate::read::ReadReport;
use crate::result::{OutputUnits, ResultTable};
use crate::table::SeizureTable;
use serde::{Deserialize, Serialize};

/// Where the rows of one input went when it was read: `rows_read =
/// rows_accepted + rows_rejected`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRows {
    /// The input's name (a file, a partition).
    pub file: String,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows read into records.
    pub rows_accepted: u64,
    /// Rows rejected.
    pub rows_rejected: u64,
}

impl From<&ReadReport> for SourceRows {
    fn from(r: &ReadReport) -> Self {
        Self {
            file: r.file.clone(),
            rows_read: r.rows_read,
            rows_accepted: r.rows_accepted,
            rows_rejected: r.rows_rejected,
        }
    }
}

/// What one partition contributes to a query ([`QuerySpec::partial`]):
/// partial aggregates (one; a comparison's current and previous periods),
/// which drugs occur (for the filter's coverage note), the kinds of items
/// counted, and where each input's rows went. Partials of the same operation
/// and spec merge exactly, in any order and grouping, and
/// [`Partial::finish`] makes the result table — the single-machine
/// [`QuerySpec::run`] is `partial` then `finish`, so the two cannot drift.
///
/// ```
/// use narcostat::{SeizureTable, spec::{Operation, Partial, QuerySpec}};
/// let seizures = narcostat::seed::bulletin_2021_02().seizures;
/// let (a, b) = seizures.split_at(5);
/// let spec: QuerySpec = serde_json::from_str(r#"{"by": "drug"}"#).unwrap();
/// let part = |s: &[narcostat::Seizure]| spec.partial(Operation::Top, &SeizureTable::from_seizures(s).unwrap()).unwrap();
/// let mut merged = Partial::from_bytes(&part(a).to_bytes().unwrap()).unwrap();
/// merged.merge(&part(b)).unwrap();
/// let whole = spec.run(Operation::Top, &SeizureTable::from_seizures(&seizures).unwrap()).unwrap();
/// assert_eq!(merged.finish().unwrap(), whole);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    /// The operation the partial is for.
    pub operation: Operation,
    /// The options of the query.
    pub spec: QuerySpec,
    /// The partial aggregates: one, or a comparison's current and previous periods.
    pub aggregates: Vec<Aggregate>,
    /// Which drugs occur within the filter's places and the period, by index
    /// into [`crate::Drug::ALL`] ([`crate::Query::drugs_present`]).
    pub drugs_present: Vec<bool>,
    /// The kinds of items the partition's quantities count, in [`CountUnit::ALL`] order.
    pub count_units: Vec<CountUnit>,
    /// Where the rows of each input went when read (empty when not read from files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRows>,
}

impl QuerySpec {
    /// The part of `operation` that `table` contributes, to merge with the
    /// parts of other tables ([`Partial::merge`]) and [`Partial::finish`].
    pub fn partial(&self, operation: Operation, table: &SeizureTable) -> Result<Partial, Error> {
        let query = self.query()?;
        Self::check_keys(operation, &query.by)?;
        let aggregates = match operation {
            Operation::Summary => {
                self.check_unit(operation, None)?;
                vec![table.aggregate(&query)?]
            }
            Operation::Top | Operation::Trend => vec![table.aggregate(&query)?],
            Operation::Compare => {
                let (current, previous) = self.periods()?;
                let mut q = query.clone();
                q.period = None;
                q.by.retain(|k| !matches!(k, GroupKey::Time(_)));
                vec![table.aggregate(&q.clone().period(current))?, table.aggregate(&q.period(previous))?]
            }
            Operation::Equivalents => {
                self.check_unit(operation, None)?;
                self.factors()?;
                vec![table.aggregate(&Equivalents::query(&query))?]
            }
        };
        Ok(Partial {
            operation,
            spec: self.clone(),
            aggregates,
            drugs_present: query.drugs_present(table),
            count_units: table.count_units(),
            sources: Vec::new(),
        })
    }

    /// The periods a comparison compares: `period`, then `vs`.
    pub(super) fn periods(&self) -> Result<(crate::Period, crate::Period), SpecError> {
        let current = self.period.ok_or(SpecError::MissingPeriod { option: "period" })?;
        let previous = self.vs.ok_or(SpecError::MissingPeriod { option: "vs" })?;
        Ok((current, previous))
    }
}

impl Partial {
    /// The partial with where the rows of the input it was read from went.
    pub fn with_source(mut self, source: SourceRows) -> Self {
        self.sources.push(source);
        self
    }

    /// Merges the partial of another partition of the same query into this one.
    pub fn merge(&mut self, other: &Partial) -> Result<(), AggregateError> {
        if self.operation != other.operation || self.spec != other.spec {
            return Err(AggregateError::Incompatible { left: self.describe(), right: other.describe() });
        }
        for (mine, theirs) in self.aggregates.iter_mut().zip(&other.aggregates) {
            mine.merge(theirs)?;
        }
        self.drugs_present.resize(self.drugs_present.len().max(other.drugs_present.len()), false);
        for (mine, theirs) in self.drugs_present.iter_mut().zip(&other.drugs_present) {
            *mine |= *theirs;
        }
        let units: std::collections::BTreeSet<CountUnit> =
            self.count_units.iter().chain(&other.count_units).copied().collect();
        self.count_units = units.into_iter().collect();
        self.sources.extend(other.sources.iter().cloned());
        Ok(())
    }

    /// The operation and spec, for messages.
    fn describe(&self) -> String {
        let spec = serde_json::to_string(&self.spec).unwrap_or_else(|e| format!("a spec that cannot be shown ({e})"));
        format!("{} {spec}", self.operation.word())
    }

    /// The result table of the merged partials: the same as
    /// [`QuerySpec::run`] on all their rows at once.
    pub fn finish(&self) -> Result<ResultTable, Error> {
        let query = self.spec.query()?;
        let units = self.spec.unit.map_or_else(OutputUnits::default, OutputUnits::with);
        let [first, rest @ ..] = self.aggregates.as_slice() else {
            return Err(AggregateError::Incompatible { left: self.describe(), right: "no aggregate".to_owned() }.into());
        };
        let mut result = self.spec.finish(self.operation, first, rest.first(), &self.count_units, units)?;
        let labels: &[&str] =
            if self.operation == Operation::Compare { &["current period: ", "previous period: "] } else { &[""] };
        let empty = result.accounting.iter().zip(labels);
        let empty: Vec<String> = empty.filter_map(|(a, label)| super::warnings::nothing_aggregated(a, label)).collect();
        let mut coverage = query.coverage_of(&self.drugs_present);
        if coverage.warnings.is_empty() {
            coverage.warnings = empty;
        }
        result.warnings.splice(0..0, coverage.warnings);
        result.notes.splice(0..0, coverage.notes);
        result.notes.extend(super::warnings::sources_read(&self.sources));
        Ok(result)
    }
}
