//! Running a query spec: the one path from what a front end asks of a table
//! to the result table it shows. Front ends pick an [`Operation`], deserialise
//! their options into a [`QuerySpec`] and render what [`QuerySpec::run`] gives.

use super::{QuerySpec, SpecError};
use crate::error::Error;
use crate::query::{GroupKey, Query};
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
        let query = self.query()?;
        let units = self.unit.map_or_else(OutputUnits::default, OutputUnits::with);
        let mut result = match operation {
            Operation::Summary => self.summary(table, &query, units)?,
            Operation::Top => self.top(table, &query, units)?,
            Operation::Trend => self.trend(table, &query, units)?,
            Operation::Compare => self.compare(table, query.clone(), units)?,
            Operation::Equivalents => {
                let eq = table.equivalents(&query, self.basis, self.factors()?)?;
                ResultTable::equivalents(&eq, &query.by)
            }
        };
        let coverage = query.coverage(table);
        result.warnings = coverage.warnings;
        result.notes.splice(0..0, coverage.notes);
        Ok(result)
    }

    fn summary(&self, table: &SeizureTable, query: &Query, units: OutputUnits) -> Result<ResultTable, Error> {
        let agg = table.aggregate(query)?;
        let mut result = ResultTable::aggregate(&agg, units);
        result.accounting.push(agg.accounting);
        Ok(result)
    }

    fn top(&self, table: &SeizureTable, query: &Query, units: OutputUnits) -> Result<ResultTable, Error> {
        let agg = table.aggregate(query)?;
        let measure = self.measure.resolve(&agg.count_units())?;
        let mut result = ResultTable::ranking(&agg, measure, self.n, &self.within()?, units)?;
        result.accounting.push(agg.accounting);
        Ok(result)
    }

    fn trend(&self, table: &SeizureTable, query: &Query, units: OutputUnits) -> Result<ResultTable, Error> {
        if !matches!(query.by.as_slice(), [GroupKey::Time(_)]) {
            return Err(SpecError::TrendKeys { by: keys_text(&query.by) }.into());
        }
        let agg = table.aggregate(query)?;
        let measure = self.measure.resolve(&agg.count_units())?;
        let mut result = ResultTable::trend(&agg, measure, units)?;
        result.accounting.push(agg.accounting);
        Ok(result)
    }

    fn compare(&self, table: &SeizureTable, mut query: Query, units: OutputUnits) -> Result<ResultTable, Error> {
        let current = self.period.ok_or(SpecError::MissingPeriod { option: "period" })?;
        let previous = self.vs.ok_or(SpecError::MissingPeriod { option: "vs" })?;
        query.period = None;
        let measure = self.measure.resolve(&table.count_units())?;
        let c = table.compare(&query, current, previous, measure)?;
        let mut result = ResultTable::comparison(&c, &query.by, current, previous, units);
        result.accounting.extend([c.current_accounting, c.previous_accounting]);
        Ok(result)
    }
}

fn keys_text(keys: &[GroupKey]) -> String {
    keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
}
