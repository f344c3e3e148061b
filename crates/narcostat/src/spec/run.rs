//! Running a query spec: the one path from what a front end asks of a table
//! to the result table it shows. Front ends pick an [`Operation`], deserialise
//! their options into a [`QuerySpec`] and render what [`QuerySpec::run`] gives.

use super::warnings;
use super::{QuerySpec, SpecError};
use crate::aggregate::Aggregate;
use crate::equivalent::Equivalents;
use crate::error::Error;
use crate::quantity::CountUnit;
use crate::query::Query;
use crate::result::{OutputUnits, ResultTable};
use crate::table::SeizureTable;
use serde::{Deserialize, Serialize};

/// What to compute from a table (the CLI's subcommands, the Python and JS methods).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Operation {
    /// Every group's measures (`summary`, `aggregate`).
    Summary,
    /// Groups ranked by the measure, with shares (`top`).
    Top,
    /// The measure over one time granularity, with changes (`trend`).
    Trend,
    /// `period` against `vs`, group by group, the total apart (`compare`).
    Compare,
    /// Opiates or ATS as equivalents (`equivalents`).
    Equivalents,
}

impl QuerySpec {
    /// Runs `operation` on `table`: the result in the units asked, with a note
    /// saying which drugs a drug filter covered (or a warning when it matched
    /// only a non-specified bucket, or nothing) and where the rows went.
    ///
    /// ```
    /// use narcostat::{SeizureTable, spec::{Operation, QuerySpec}};
    /// let table = SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).unwrap();
    /// let spec: QuerySpec = serde_json::from_str(r#"{"by": "drug", "where": {"drug": "cocaine"}}"#).unwrap();
    /// let result = spec.run(Operation::Summary, &table).unwrap();
    /// assert_eq!(result.warnings, ["drug=Cocaine matched no rows in this table"]);
    /// ```
    ///
    /// ```
    /// use narcostat::{SeizureTable, spec::{Operation, QuerySpec}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let table = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let spec: QuerySpec = serde_json::from_str(r#"{"by": "drug", "n": 1, "unit": "t"}"#).unwrap();
    /// let top = spec.run(Operation::Top, &table).unwrap();
    /// assert!(top.to_csv().starts_with("rank,drug,mass_t,share_of_mass\n1,Opium,47.767,"));
    /// ```
    pub fn run(&self, operation: Operation, table: &SeizureTable) -> Result<ResultTable, Error> {
        self.partial(operation, table)?.finish()
    }

    /// The result table of `operation` from its merged aggregates (`first`,
    /// and a comparison's previous period `second`) and the kinds of items
    /// the rows count: the one place results are made, for a single table
    /// and for merged partitions ([`super::Partial::finish`]).
    pub(super) fn finish(
        &self,
        operation: Operation,
        first: &Aggregate,
        second: Option<&Aggregate>,
        count_units: &[CountUnit],
        units: OutputUnits,
    ) -> Result<ResultTable, Error> {
        let query = self.query()?;
        Ok(match operation {
            Operation::Summary => ResultTable::aggregate(first, units).with_accounting(first),
            Operation::Top | Operation::Trend => self.series(operation, first, units)?,
            Operation::Compare => {
                let previous = second.ok_or(SpecError::MissingPeriod { option: "vs" })?;
                self.compare(first, previous, count_units, &query, units)?
            }
            Operation::Equivalents => {
                let eq = Equivalents::of(first, self.basis, self.factors()?);
                ResultTable::equivalents(&eq, &query.by, units)
            }
        })
    }

    /// A ranking or a trend, with warnings for records it leaves out and for
    /// a measure the data does not give.
    fn series(&self, operation: Operation, agg: &Aggregate, units: OutputUnits) -> Result<ResultTable, Error> {
        let measure = self.measure.resolve(&agg.count_units())?;
        self.check_unit(operation, Some(measure))?;
        let (mut result, what) = if operation == Operation::Trend {
            (ResultTable::trend(agg, measure, units)?, "trend")
        } else {
            (ResultTable::ranking(agg, measure, self.n, &self.within()?, units)?, "ranking")
        };
        result.warnings.extend(warnings::left_out(agg, what).into_iter().chain(warnings::no_values(agg, measure)));
        Ok(result.with_accounting(agg))
    }

    fn compare(
        &self,
        cur: &Aggregate,
        prev: &Aggregate,
        count_units: &[CountUnit],
        query: &Query,
        units: OutputUnits,
    ) -> Result<ResultTable, Error> {
        let (current, previous) = self.periods()?;
        let measure = self.measure.resolve(count_units)?;
        self.check_unit(Operation::Compare, Some(measure))?;
        let c = crate::compare::compare(cur, prev, measure);
        let aggregated = c.current_accounting.aggregated + c.previous_accounting.aggregated;
        if c.rows.is_empty() && aggregated > 0 {
            let (current, previous) = (current.to_string(), previous.to_string());
            return Err(SpecError::NoValues { measure: measure.column().to_owned(), current, previous }.into());
        }
        let mut result = ResultTable::comparison(&c, &query.by, current, previous, units);
        result.accounting.extend([c.current_accounting, c.previous_accounting]);
        Ok(result)
    }
}

impl Operation {
    /// The operation's name as the CLI's subcommand.
    pub fn word(self) -> &'static str {
        match self {
            Self::Summary => "summary",
            Self::Top => "top",
            Self::Trend => "trend",
            Self::Compare => "compare",
            Self::Equivalents => "equivalents",
        }
    }
}

impl ResultTable {
    /// The table with where the rows of `agg` went.
    fn with_accounting(mut self, agg: &crate::aggregate::Aggregate) -> Self {
        self.accounting.push(agg.accounting);
        self
    }
}
