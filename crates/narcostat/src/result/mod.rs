//! One typed result table for every result: aggregates, rankings,
//! comparisons, trends and equivalents are built as a [`ResultTable`] of typed
//! columns (years as integers, days as dates, other time buckets as periods,
//! exact decimal measures with their unit in the column name, booleans as
//! booleans), and CSV, JSON, the terminal table and Arrow all render from it.
//! Numbers are never text in between.
//!
//! ```
//! use narcostat::{GroupKey, Query, SeizureTable, result::{OutputUnits, ResultTable, Values}};
//! let month = narcostat::seed::bulletin_2021_02();
//! let t = SeizureTable::from_seizures(&month.seizures).unwrap();
//! let agg = t.aggregate(&Query::by(&[GroupKey::DrugGroup])).unwrap();
//! let table = ResultTable::aggregate(&agg, OutputUnits::default());
//! let Values::Decimal { scale, values } = &table.column("mass_kg").unwrap().values else { panic!() };
//! assert_eq!((values[0], *scale), (Some(51_215_000_000_000), 9)); // Opioids, 51,215 kg exactly, to the µg
//! assert!(table.to_csv().starts_with("drug-group,mass_kg,volume_l,seizures,records,"));
//! ```

mod aggregate;
mod cell;
mod column;
mod comparison;
mod csv;
mod document;
mod equivalents;
mod html;
mod json;
mod keys;
mod measures;
mod ranking;
mod ratio;
#[cfg(feature = "arrow")]
mod record_batch;
mod records;
mod render;
mod terminal;
mod text;
mod trend;
mod units;
mod values;
mod vocabulary;

pub use column::{Column, Role};
#[cfg(feature = "arrow")]
pub use record_batch::{GRANULARITY_METADATA, ROLE_METADATA};
pub(crate) use records::kept_names;
pub use terminal::{escape_terminal, escape_terminal_keeping_lines};
pub use units::OutputUnits;
pub use values::Values;

use serde::{Deserialize, Serialize};

/// What a [`ResultTable`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResultKind {
    /// Groups and their measures ([`ResultTable::aggregate`]).
    Aggregate,
    /// Groups ranked by a measure ([`ResultTable::ranking`]).
    Ranking,
    /// Two periods compared ([`ResultTable::comparison`]).
    Comparison,
    /// A series with its changes ([`ResultTable::trend`]).
    Trend,
    /// Quantities as equivalents ([`ResultTable::equivalents`]).
    Equivalents,
    /// Words of the vocabulary ([`ResultTable::catalogue`], [`ResultTable::word_match`]).
    Vocabulary,
    /// Records as read, one row each ([`ResultTable::records`]).
    Records,
}

/// A result: typed columns of equal length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultTable {
    /// What the table holds.
    pub kind: ResultKind,
    /// The columns, keys first.
    pub columns: Vec<Column>,
    /// The number of rows (every column has this many values).
    pub rows: usize,
    /// Warnings: a drug filter that matched only a non-specified bucket, or
    /// nothing, so that a small or zero figure does not pass for an answer
    /// (the CLI prints them on stderr, Python issues a `CoverageWarning`).
    pub warnings: Vec<String>,
    /// Notes for the reader: which drugs a drug filter covered, the periods
    /// compared, gaps.
    pub notes: Vec<String>,
    /// Where the input rows went, one entry per aggregation run (a
    /// comparison's current period, then its previous one); empty when the
    /// table was built from a result directly.
    pub accounting: Vec<crate::aggregate::Accounting>,
}

/// A result that cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResultError {
    /// A `within` dimension that the result is not grouped by.
    #[error("cannot take shares within {key:?}: the result is not grouped by it (add it to the dimensions)")]
    WithinNotGrouped {
        /// The dimension's name.
        key: String,
    },
    /// A total beyond what 128 bits hold.
    #[error("the total of {column} is beyond 2^127 base units")]
    Overflow {
        /// The column whose total overflows.
        column: String,
    },
}

impl ResultTable {
    /// The column of this name, if any.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The names of the columns, in order.
    pub fn column_names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    fn new(kind: ResultKind, columns: Vec<Column>, rows: usize) -> Self {
        Self { kind, columns, rows, warnings: Vec::new(), notes: Vec::new(), accounting: Vec::new() }
    }
}
