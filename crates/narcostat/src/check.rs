//! Consistency checks: stated totals against their items, conflicting
//! statements of one fact, likely duplicate records, outliers.

use crate::quantity::{Quantity, QuantityError};
use crate::record::{ActivityKind, Dataset, Qualifier, ReportedTotal, Seizure};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
            crate::quantity::group_thousands(&q.value_in(unit).map(|d| d.to_string()).unwrap_or_default())
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
    let diff = i128::from(stated.base()) - i128::from(sum.base());
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
        items: sum,
        item_count: items.len(),
        difference: if diff < 0 { format!("-{difference}") } else { difference.to_string() },
        relative,
        consistent,
        tolerance,
    })
}

/// Checks a reported total against the seizures it covers: same dimension,
/// period within the total's, same country (and province if the total names
/// one), drug in the total's list.
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
        .filter(|q| q.dimension() == total.stated.dimension())
        .collect();
    check_quantities(total.stated, total.qualifier, &items, tolerance)
}

/// One fact stated with different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What the fact is.
    pub fact: String,
    /// The values with where each is stated.
    pub statements: Vec<(String, String)>,
}

/// Facts a dataset states more than once with different values: training
/// participants (a heading's 120 vs a text's 122), a source's period.
pub fn conflicts(dataset: &Dataset) -> Vec<Conflict> {
    let mut out = Vec::new();
    for src in &dataset.sources {
        let values: Vec<_> = src.period_statements.iter().map(|s| s.value).collect();
        if values.windows(2).any(|w| w[0] != w[1]) {
            out.push(Conflict {
                fact: format!("period covered by \"{}\"", src.title),
                statements: src
                    .period_statements
                    .iter()
                    .map(|s| (s.value.to_string(), s.stated_in.clone().unwrap_or_default()))
                    .collect(),
            });
        }
    }
    for a in &dataset.activities {
        if let ActivityKind::Training { participants, .. } = &a.kind {
            if participants.windows(2).any(|w| w[0].value != w[1].value) {
                out.push(Conflict {
                    fact: format!("participants in \"{}\"", a.title),
                    statements: participants
                        .iter()
                        .map(|s| (s.value.to_string(), s.stated_in.clone().unwrap_or_default()))
                        .collect(),
                });
            }
        }
    }
    out
}

/// Two records that look like the same seizure reported twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Index of the first record.
    pub first: usize,
    /// Index of the second record.
    pub second: usize,
}

/// The document a source reference names, without a `:line` suffix.
fn document(source: Option<&str>) -> Option<&str> {
    source.map(|s| match s.rsplit_once(':') {
        Some((doc, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => doc,
        _ => s,
    })
}

/// Records with the same drug, place, period and quantity that come from
/// different agencies or source documents (likely double reporting). Rows
/// of one document and agency are separate records by design (UNODC rows
/// sharing a country, year and drug are summed).
pub fn duplicates(seizures: &[Seizure]) -> Vec<Duplicate> {
    let mut seen: HashMap<_, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (i, s) in seizures.iter().enumerate() {
        let Some(q) = s.quantity else { continue };
        let key = (s.substance.drug, s.place.clone(), s.period, q.dimension(), q.base());
        let earlier = seen.entry(key).or_default();
        for &j in earlier.iter() {
            let o = &seizures[j];
            if o.agency != s.agency || document(o.source.as_deref()) != document(s.source.as_deref()) {
                out.push(Duplicate { first: j, second: i });
            }
        }
        earlier.push(i);
    }
    out
}

/// A record far above the others of its drug and dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outlier {
    /// Index of the record.
    pub index: usize,
    /// Its quantity.
    pub quantity: Quantity,
    /// The median quantity of its drug and dimension, in the same unit.
    pub median: Quantity,
    /// quantity / median.
    pub ratio: f64,
}

/// Records more than `factor` times the median of their drug, country and
/// dimension (groups of at least three records with a positive median).
pub fn outliers(seizures: &[Seizure], factor: f64) -> Vec<Outlier> {
    let mut groups: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, s) in seizures.iter().enumerate() {
        if let Some(q) = s.quantity {
            groups.entry((s.substance.drug, q.dimension())).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for idx in groups.values() {
        if idx.len() < 3 {
            continue;
        }
        let mut amounts: Vec<i64> = idx.iter().filter_map(|&i| seizures[i].quantity.map(Quantity::base)).collect();
        amounts.sort_unstable();
        let median = amounts[amounts.len() / 2];
        if median <= 0 {
            continue;
        }
        for &i in idx {
            let Some(q) = seizures[i].quantity else {
                continue;
            };
            let ratio = q.base() as f64 / median as f64;
            if ratio > factor {
                let median = Quantity::from_base(median, q.unit()).unwrap_or(q);
                out.push(Outlier { index: i, quantity: q, median, ratio });
            }
        }
    }
    out.sort_by_key(|o| o.index);
    out
}

/// Every check of a dataset at once: what `narcostat check`, the page and the bindings show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Each stated total with its check (place and period labels beside it).
    pub totals: Vec<(String, TotalCheck)>,
    /// Facts stated twice with different values.
    pub conflicts: Vec<Conflict>,
    /// Likely duplicate records.
    pub duplicates: Vec<Duplicate>,
    /// Records over `outlier_factor` times the median of their drug in their country.
    pub outliers: Vec<Outlier>,
}

impl Report {
    /// The stated totals that differ from their items beyond the tolerance.
    pub fn inconsistent_totals(&self) -> impl Iterator<Item = &(String, TotalCheck)> {
        self.totals.iter().filter(|(_, c)| !c.consistent)
    }

    /// A conflict as one line: "participants in ...: 120 (heading) vs 122 (text)".
    pub fn describe_conflict(c: &Conflict) -> String {
        let values: Vec<String> =
            c.statements.iter().map(|(v, at)| if at.is_empty() { v.clone() } else { format!("{v} ({at})") }).collect();
        format!("{}: {}", c.fact, values.join(" vs "))
    }
}

/// Runs every check on a dataset.
///
/// ```
/// let r = narcostat::check::report(&narcostat::seed::bulletin_2021_02(), Default::default(), 100.0);
/// assert_eq!(r.totals[0].1.difference, "176");
/// assert_eq!(r.conflicts.len(), 2);
/// ```
pub fn report(dataset: &Dataset, tolerance: Tolerance, outlier_factor: f64) -> Report {
    Report {
        totals: dataset
            .reported_totals
            .iter()
            .filter_map(|t| {
                check_total(t, &dataset.seizures, tolerance)
                    .ok()
                    .map(|c| (format!("{} {}", t.place.label(), t.period), c))
            })
            .collect(),
        conflicts: conflicts(dataset),
        duplicates: duplicates(&dataset.seizures),
        outliers: outliers(&dataset.seizures, outlier_factor),
    }
}
