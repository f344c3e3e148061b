//! Stated totals that merge: the items a total is compared with, summed per
//! (country, province, drug, measure, period), so a total stated in one
//! partition is checked against items of every partition.

use crate::check::table_dataset::{measure_of, measure_of_code};
use crate::check::totals::check_sum;
use crate::check::{TableDataset, Tolerance, TotalFinding, TotalOutcome};
use crate::place::CountryCode;
use crate::record::ReportedTotal;
use crate::substance::Drug;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a total selects its items by: country, province, drug, measure, start, span.
pub type ItemKey = (Option<CountryCode>, Option<String>, u8, u16, i32, u16);

/// The exact sum and count of the records of each item key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemSums {
    sums: BTreeMap<ItemKey, (i128, usize)>,
}

impl ItemSums {
    /// Adds record `row` of `data`.
    pub fn add(&mut self, data: &TableDataset, row: usize) {
        let t = data.table();
        let Some(place) = t.places.get(t.place[row]) else { return };
        let key = (
            place.country,
            place.province.clone(),
            t.drug[row],
            measure_of_code(t.unit[row]),
            t.start[row],
            t.span[row],
        );
        let entry = self.sums.entry(key).or_default();
        entry.0 += i128::from(t.amount[row]);
        entry.1 += 1;
    }

    /// Takes in the sums of `other` (of other partitions).
    pub fn merge(&mut self, other: &ItemSums) {
        for (key, (sum, count)) in &other.sums {
            let entry = self.sums.entry(key.clone()).or_default();
            entry.0 += sum;
            entry.1 += count;
        }
    }

    /// `total` checked against the items it covers, as [`crate::check::check_totals`] does.
    pub fn finding(&self, total: &ReportedTotal, tolerance: Tolerance) -> TotalFinding {
        let measure = measure_of(Some(total.stated.unit()));
        let (mut sum, mut count) = (0i128, 0usize);
        for ((country, province, drug, m, start, span), (s, c)) in &self.sums {
            let period = crate::period::Period {
                start: crate::Date::from_days(*start),
                end: crate::Date::from_days(*start + i32::from(*span)),
            };
            if (total.place.country.is_none() || *country == total.place.country)
                && (total.place.province.is_none() || *province == total.place.province)
                && *m == measure
                && total.period.covers(period)
                && Drug::ALL.get(usize::from(*drug)).is_some_and(|&d| total.drugs.contains(d))
            {
                sum += s;
                count += c;
            }
        }
        let outcome = match check_sum(total.stated, total.qualifier, sum, count, tolerance) {
            Ok(c) => TotalOutcome::Checked(c),
            Err(e) => TotalOutcome::Unchecked { reason: e.to_string() },
        };
        TotalFinding { label: format!("{} {}", total.place.label(), total.period), at: total.source.clone(), outcome }
    }
}
