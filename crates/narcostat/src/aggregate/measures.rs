//! The measures kept per group.

use crate::period::Date;
use crate::quantity::{CountUnit, Decimal, Quantity, Unit};
use crate::rank::Measure;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The sum, extremes and record count of one dimension's quantities in a group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Total {
    /// The exact sum in base units (µg, nl or thousandths of an item).
    pub sum: i128,
    /// How many records added to it.
    pub records: u64,
    /// The smallest single quantity, in base units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// The largest single quantity, in base units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

impl Total {
    /// Whether any record added to it.
    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// The exact sum in `unit`, shortest decimal form.
    pub fn value_in(&self, unit: Unit) -> Decimal {
        let (num, den) = unit.factor();
        sum_to_unit(self.sum, num, den)
    }

    /// The sum as `f64` in `unit`, for ratios and charts only.
    pub fn to_f64(&self, unit: Unit) -> f64 {
        let (num, den) = unit.factor();
        self.sum as f64 * den as f64 / num as f64
    }

    /// The sum as a [`Quantity`] in `unit`; `None` if it is beyond a quantity's range.
    pub fn quantity(&self, unit: Unit) -> Option<Quantity> {
        Quantity::from_base(i64::try_from(self.sum).ok()?, unit).ok()
    }

    pub(crate) fn merge(&mut self, other: &Self) -> Option<()> {
        self.sum = self.sum.checked_add(other.sum)?;
        self.records = self.records.checked_add(other.records)?;
        self.min = min_opt(self.min, other.min);
        self.max = max_opt(self.max, other.max);
        Some(())
    }
}

/// `sum` base units in a unit of factor `num/den`: exact if it terminates,
/// else the shortest decimal that converts back to `sum`.
fn sum_to_unit(sum: i128, num: i128, den: i128) -> Decimal {
    let mut decimals = 0;
    loop {
        let Some(d) = Decimal::from_ratio(sum, num, den, decimals) else {
            return Decimal::from_int(0);
        };
        if d.mul_ratio_round(num, den) == Some(sum) || 10i128.pow(decimals) * den >= num * 2 {
            return d;
        }
        decimals += 1;
    }
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn max_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The total of no record: what a count of a kind absent from a group reads as.
const NO_TOTAL: Total = Total { sum: 0, records: 0, min: None, max: None };

/// What a group adds up to. Mass, volume and each kind of counted item are
/// kept apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measures {
    /// Mass.
    pub mass: Total,
    /// Volume.
    pub volume: Total,
    /// Counted items, one total per kind (tablets, plants, bottles, ...):
    /// never added together. Kinds no record counted are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<CountUnit, Total>,
    /// Records with no quantity (UNODC's `NULL`): counted, never as zero.
    pub no_quantity: u64,
    /// Records in the group.
    pub records: u64,
    /// The sum of seizure events, over the records that report it.
    pub seizures: u64,
    /// How many records report a number of seizure events.
    pub seizures_reported: u64,
    /// The first day covered by a record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Date>,
    /// The last day covered by a record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Date>,
}

impl Measures {
    /// The total of one kind of counted item (empty when no record counted it).
    pub fn count(&self, unit: CountUnit) -> &Total {
        self.counts.get(&unit).unwrap_or(&NO_TOTAL)
    }

    /// Mean quantity per seizure event in the measure's reporting unit, when
    /// every record of the group also reports its events.
    pub fn mean_per_event(&self, measure: Measure) -> Option<f64> {
        let t = measure.total(self)?;
        let unit = measure.unit()?;
        (self.seizures > 0 && self.seizures_reported == self.records && !t.is_empty())
            .then(|| t.to_f64(unit) / self.seizures as f64)
    }

    /// Adds another group's measures; `None` on overflow.
    pub fn merge(&mut self, other: &Self) -> Option<()> {
        self.mass.merge(&other.mass)?;
        self.volume.merge(&other.volume)?;
        for (unit, t) in &other.counts {
            self.counts.entry(*unit).or_default().merge(t)?;
        }
        self.no_quantity = self.no_quantity.checked_add(other.no_quantity)?;
        self.records = self.records.checked_add(other.records)?;
        self.seizures = self.seizures.checked_add(other.seizures)?;
        self.seizures_reported = self.seizures_reported.checked_add(other.seizures_reported)?;
        self.first = match (self.first, other.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last = match (self.last, other.last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        Some(())
    }
}
