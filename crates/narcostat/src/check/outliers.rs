//! Outliers: records far above the median of their drug in their country.

use super::table_dataset::{TableDataset, measure_of_code};
use crate::place::CountryCode;
use crate::quantity::Quantity;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// A record far above the others of its drug, country and measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outlier {
    /// The record (index into the table).
    pub row: usize,
    /// Its quantity.
    pub quantity: Quantity,
    /// The median quantity of its drug, country and measure, in the same unit.
    pub median: Quantity,
    /// quantity / median.
    pub ratio: f64,
    /// How many records with a quantity the median is taken over.
    pub group_size: usize,
}

impl Outlier {
    /// The outlier in one sentence, with where it is.
    pub fn describe(&self, data: &TableDataset) -> String {
        let what = data.record(self.row).map_or_else(String::new, |s| {
            let country = s.place.country.map_or_else(|| "no country".to_owned(), |c| c.to_string());
            format!("{} in {country}, {}", s.substance.name, s.period)
        });
        format!(
            "{}: {what}: {} is {:.0} times the median {} of {} records",
            data.locate(self.row),
            self.quantity,
            self.ratio,
            self.median,
            self.group_size
        )
    }
}

/// The group a record's quantity is compared within: drug, country, measure.
type GroupKey = (u8, Option<CountryCode>, u16);

/// Records more than `factor` times the median of their drug, country (as
/// their place names it; records naming none form one group) and measure
/// (mass, volume, each kind of counted item), in groups of at least three
/// records with a positive median. With an even number of records the median
/// is the upper middle one. Ordered by record.
pub fn outliers(data: &TableDataset, factor: f64) -> Vec<Outlier> {
    let t = data.table();
    let countries: Vec<Option<CountryCode>> = t.places.values().iter().map(|p| p.country).collect();
    let key = |r: usize| -> Option<GroupKey> {
        let measure = measure_of_code(t.unit[r]);
        (measure != u16::MAX).then(|| (t.drug[r], countries.get(t.place[r] as usize).copied().flatten(), measure))
    };
    let mut amounts: HashMap<GroupKey, Vec<i64>> = HashMap::default();
    for r in 0..data.len() {
        if let Some(k) = key(r) {
            amounts.entry(k).or_default().push(t.amount[r]);
        }
    }
    let medians: HashMap<GroupKey, (i64, usize)> = amounts
        .into_iter()
        .filter(|(_, v)| v.len() >= 3)
        .map(|(k, mut v)| {
            let middle = v.len() / 2;
            let (_, &mut median, _) = v.select_nth_unstable(middle);
            (k, (median, v.len()))
        })
        .filter(|(_, (median, _))| *median > 0)
        .collect();
    let mut out = Vec::new();
    for r in 0..data.len() {
        let Some(&(median, group_size)) = key(r).and_then(|k| medians.get(&k)) else { continue };
        let ratio = t.amount[r] as f64 / median as f64;
        if ratio > factor {
            // Rows with a key have a quantity, and a positive median is a quantity.
            let Some(quantity) = data.quantity(r) else { continue };
            let Ok(median) = Quantity::from_base(median, quantity.unit()) else { continue };
            out.push(Outlier { row: r, quantity, median, ratio, group_size });
        }
    }
    out
}
