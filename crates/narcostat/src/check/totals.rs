//! Stated totals checked against the sum of their items.

use super::table_dataset::{TableDataset, measure_of, measure_of_code};
use crate::place::{CountryCode, Place};
use crate::quantity::{Quantity, QuantityError};
use crate::record::{Qualifier, ReportedTotal, Seizure};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// How far a qualified total may be from its items and still be consistent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Tolerance {
    /// Relative tolerance for "about" totals (default 0.5%: a figure rounded
    /// to two or three significant digits).
    pub about: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Self { about: 0.005 }
    }
}

/// A stated total checked against the sum of its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalCheck {
    /// The stated total.
    pub stated: Quantity,
    /// Its qualifier.
    pub qualifier: Qualifier,
    /// The sum of the items, in the stated unit.
    pub items: Quantity,
    /// How many items were summed.
    pub item_count: usize,
    /// `stated - items` in the stated unit, exact (negative when the items exceed it).
    pub difference: String,
    /// `(stated - items) / stated`.
    pub relative: f64,
    /// Whether the difference is within what the qualifier allows.
    pub consistent: bool,
    /// The tolerance applied.
    pub tolerance: Tolerance,
}

impl TotalCheck {
    /// A one-line description: "stated about 58,383 kg, items 58,207 kg: difference 176 kg (0.30%)".
    pub fn describe(&self) -> String {
        let unit = self.stated.unit();
        let g = |q: Quantity| {
            q.value_in(unit).map_or_else(|e| format!("({e})"), |d| crate::quantity::group_thousands(&d.to_string()))
        };
        format!(
            "stated {} {} {unit}, items {} {unit} ({} items): difference {} {unit} ({:.2}%){}",
            self.qualifier.word(),
            g(self.stated),
            g(self.items),
            self.item_count,
            crate::quantity::group_thousands(&self.difference),
            self.relative * 100.0,
            if self.consistent { "" } else { ", beyond what the qualifier allows" }
        )
    }
}

/// Compares a stated figure with items (all of the stated figure's dimension).
///
/// ```
/// use narcostat::{Quantity, check::{check_stated, Tolerance}};
/// let items: Vec<Quantity> = ["47767 kg", "5637 kg", "2304 kg", "1144 kg", "764 kg", "304 kg", "287 kg"]
///     .iter().map(|s| Quantity::parse(s).unwrap()).collect();
/// let check = check_stated("about 58383 kg", &items, Tolerance::default()).unwrap();
/// assert_eq!(check.difference, "176");
/// assert_eq!(format!("{:.2}%", check.relative * 100.0), "0.30%");
/// assert!(check.consistent); // within 0.5% of an "about" figure
/// ```
pub fn check_stated(stated: &str, items: &[Quantity], tolerance: Tolerance) -> Result<TotalCheck, QuantityError> {
    let (qualifier, stated) = ReportedTotal::parse_stated(stated)?;
    check_quantities(stated, qualifier, items, tolerance)
}

fn check_quantities(
    stated: Quantity,
    qualifier: Qualifier,
    items: &[Quantity],
    tolerance: Tolerance,
) -> Result<TotalCheck, QuantityError> {
    let mut sum = Quantity::from_base(0, stated.unit())?;
    for q in items {
        sum = sum.checked_add(*q)?;
    }
    check_sum(stated, qualifier, i128::from(sum.base()), items.len(), tolerance)
}

/// Compares a stated figure with the exact sum of `item_count` items in its base unit.
pub(crate) fn check_sum(
    stated: Quantity,
    qualifier: Qualifier,
    sum: i128,
    item_count: usize,
    tolerance: Tolerance,
) -> Result<TotalCheck, QuantityError> {
    let items = Quantity::from_base(i64::try_from(sum).map_err(|_| QuantityError::Overflow)?, stated.unit())?;
    let diff = i128::from(stated.base()) - sum;
    let difference = crate::aggregate::Total { sum: diff.abs(), ..Default::default() }.value_in(stated.unit());
    let relative = if stated.base() == 0 { 0.0 } else { diff as f64 / stated.base() as f64 };
    let consistent = match qualifier {
        Qualifier::Exact => diff == 0,
        Qualifier::About => relative.abs() <= tolerance.about,
        Qualifier::AtLeast => diff <= 0,
        Qualifier::AtMost => diff >= 0,
    };
    Ok(TotalCheck {
        stated,
        qualifier,
        items,
        item_count,
        difference: if diff < 0 { format!("-{difference}") } else { difference.to_string() },
        relative,
        consistent,
        tolerance,
    })
}

/// Checks a reported total against the seizures it covers: same measure
/// (mass, volume, or the same kind of counted item), period within the
/// total's, same country (and province if the total names one), drug in the
/// total's list.
pub fn check_total(
    total: &ReportedTotal,
    seizures: &[Seizure],
    tolerance: Tolerance,
) -> Result<TotalCheck, QuantityError> {
    let items: Vec<Quantity> = seizures
        .iter()
        .filter(|s| total.period.covers(s.period))
        .filter(|s| total.place.country.is_none() || s.place.country == total.place.country)
        .filter(|s| total.place.province.is_none() || s.place.province == total.place.province)
        .filter(|s| total.drugs.contains(s.substance.drug))
        .filter_map(|s| s.quantity)
        .filter(|q| measure_of(Some(q.unit())) == measure_of(Some(total.stated.unit())))
        .collect();
    check_quantities(total.stated, total.qualifier, &items, tolerance)
}

/// A stated total with where it is stated and what checking it gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalFinding {
    /// The total's place and period ("Iran 2021-01-30..2021-02-28").
    pub label: String,
    /// Where the total is stated (`file:line`, a document), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The check, or why the total could not be checked.
    pub outcome: TotalOutcome,
}

/// What checking a stated total gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TotalOutcome {
    /// The total and its items compared.
    Checked(TotalCheck),
    /// The items' sum is beyond a quantity's range: the total cannot be compared.
    Unchecked {
        /// Why.
        reason: String,
    },
}

impl TotalFinding {
    /// The check, when the total could be checked.
    pub fn check(&self) -> Option<&TotalCheck> {
        match &self.outcome {
            TotalOutcome::Checked(c) => Some(c),
            TotalOutcome::Unchecked { .. } => None,
        }
    }

    /// Whether the total is not shown consistent with its items (beyond
    /// tolerance, or impossible to check).
    pub fn is_inconsistent(&self) -> bool {
        self.check().is_none_or(|c| !c.consistent)
    }

    /// The finding in one line: "Iran 2021-01-30..2021-02-28 (at f.json:3): stated ...".
    pub fn describe(&self) -> String {
        let at = self.at.as_deref().map_or_else(String::new, |a| format!(" (at {a})"));
        match &self.outcome {
            TotalOutcome::Checked(c) => format!("{}{at}: {}", self.label, c.describe()),
            TotalOutcome::Unchecked { reason } => format!("{}{at}: cannot be checked: {reason}", self.label),
        }
    }
}

/// Row indices grouped by place code, to find a total's items without
/// scanning every record for every total.
struct RowsByPlace {
    order: Vec<u32>,
    starts: Vec<usize>,
    by_country: HashMap<Option<CountryCode>, Vec<u32>>,
}

impl RowsByPlace {
    fn new(data: &TableDataset) -> Self {
        let t = data.table();
        let places = t.places.values();
        let mut starts = vec![0usize; places.len() + 1];
        for &p in &t.place {
            starts[p as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut order = vec![0u32; t.place.len()];
        for (row, &p) in t.place.iter().enumerate() {
            order[next[p as usize]] = row as u32;
            next[p as usize] += 1;
        }
        let mut by_country: HashMap<Option<CountryCode>, Vec<u32>> = HashMap::default();
        for (code, place) in places.iter().enumerate() {
            by_country.entry(place.country).or_default().push(code as u32);
        }
        Self { order, starts, by_country }
    }

    /// The rows whose place is within `place` (same country when it names one,
    /// same province when it names one).
    fn rows_in<'a>(&'a self, data: &'a TableDataset, place: &'a Place) -> impl Iterator<Item = usize> + 'a {
        let places = data.table().places.values();
        let candidates: Vec<u32> = match place.country {
            Some(_) => self.by_country.get(&place.country).map_or_else(Vec::new, Vec::clone),
            None => (0..places.len() as u32).collect(),
        };
        candidates
            .into_iter()
            .filter(move |&c| place.province.is_none() || places[c as usize].province == place.province)
            .flat_map(move |c| {
                self.order[self.starts[c as usize]..self.starts[c as usize + 1]].iter().map(|&r| r as usize)
            })
    }
}

/// Checks every stated total of `data` against the records it covers (as
/// [`check_total`] does for records in a slice).
pub fn check_totals(data: &TableDataset, tolerance: Tolerance) -> Vec<TotalFinding> {
    if data.reported_totals.is_empty() {
        return Vec::new();
    }
    let index = RowsByPlace::new(data);
    let t = data.table();
    data.reported_totals
        .iter()
        .map(|total| {
            let measure = measure_of(Some(total.stated.unit()));
            let mut sum: i128 = 0;
            let mut count = 0usize;
            for r in index.rows_in(data, &total.place) {
                if measure_of_code(t.unit[r]) == measure
                    && total.period.covers(data.period(r))
                    && crate::substance::Drug::ALL.get(usize::from(t.drug[r])).is_some_and(|&d| total.drugs.contains(d))
                {
                    sum += i128::from(t.amount[r]);
                    count += 1;
                }
            }
            let outcome = match check_sum(total.stated, total.qualifier, sum, count, tolerance) {
                Ok(c) => TotalOutcome::Checked(c),
                Err(e) => TotalOutcome::Unchecked { reason: e.to_string() },
            };
            TotalFinding {
                label: format!("{} {}", total.place.label(), total.period),
                at: total.source.clone(),
                outcome,
            }
        })
        .collect()
}
