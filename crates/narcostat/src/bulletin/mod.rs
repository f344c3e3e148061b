//! Bulletins: a period's seizures ranked with shares, its programme
//! activities with their figures, and every inconsistency the data shows.

mod activity_item;
mod render;

use crate::aggregate::AggregateError;
use crate::check::{RecordError, Report, TableDataset, Tolerance, check_totals, conflicts, duplicates, outliers};
use crate::compare::{Comparison, compare};
use crate::period::Period;
use crate::quantity::{Decimal, group_thousands};
use crate::query::{GroupKey, Query};
use crate::rank::{Measure, Ranking};
use crate::record::Dataset;
use serde::{Deserialize, Serialize};

pub use render::BulletinFormat;

/// The seizure section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeizureSection {
    /// Seizure records in the period.
    pub records: usize,
    /// The total mass in kg (exact).
    pub total_kg: Decimal,
    /// The ranking by mass, by substance as the source names it.
    pub ranking: Ranking,
    /// The "followed by" sentence.
    pub sentence: String,
    /// Totals in other dimensions, as sentences ("12,000 tablets").
    pub other_totals: Vec<String>,
    /// The comparison with the previous period, when the data has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// The previous period compared with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_period: Option<Period>,
}

/// One activity, with its figures as label/value pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityItem {
    /// The source's heading.
    pub title: String,
    /// When.
    pub period: Period,
    /// Where, as labels.
    pub places: Vec<String>,
    /// The figures the source gives.
    pub figures: Vec<(String, String)>,
    /// Figures derived from them (e.g. rials per beneficiary).
    pub derived: Vec<(String, String)>,
    /// Remarks.
    pub notes: Vec<String>,
}

/// The activities of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySection {
    /// The kind (`cooperation`, `training`, ...).
    pub kind: String,
    /// The section heading.
    pub heading: String,
    /// The activities.
    pub items: Vec<ActivityItem>,
}

/// A data-quality finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What kind: `stated-total`, `conflict`, `duplicate`, `outlier`, `period`.
    pub kind: String,
    /// The finding in one sentence.
    pub message: String,
}

/// A bulletin for one period.
///
/// ```
/// use narcostat::bulletin::{Bulletin, BulletinFormat};
/// let b = Bulletin::build(&narcostat::seed::bulletin_2021_02(), None).unwrap();
/// assert_eq!(b.seizures.total_kg.to_string(), "58207");
/// assert!(b.data_quality.iter().any(|f| f.message.contains("difference 176 kg")));
/// assert!(b.render(BulletinFormat::Markdown).contains("| 1 | Opium | 47,767 | 82.06% |"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bulletin {
    /// The title (the source's, or a generated one).
    pub title: String,
    /// The period covered.
    pub period: Period,
    /// Seizures.
    pub seizures: SeizureSection,
    /// Activities, one section per kind.
    pub activities: Vec<ActivitySection>,
    /// Every inconsistency found.
    pub data_quality: Vec<Finding>,
}

fn heading(kind: &str) -> &'static str {
    match kind {
        "cooperation" => "International cooperation",
        "memorandum" => "Memoranda of cooperation",
        "training" => "Training",
        "treatment_centre" => "Treatment and rehabilitation",
        "funding" => "Funding for recovering users",
        "prevention" => "Prevention",
        "national_plan" => "National plans",
        _ => "Regulation",
    }
}

fn n(v: impl ToString) -> String {
    group_thousands(&v.to_string())
}

/// Why a bulletin cannot be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BulletinError {
    /// A seizure record cannot enter the table the bulletin is computed from.
    #[error("cannot make the bulletin: {0}")]
    Record(#[from] RecordError),
    /// The ranking or the comparison cannot be computed.
    #[error("cannot make the bulletin: {0}")]
    Aggregate(#[from] AggregateError),
    /// No period was given and the data has no dated record to take one from.
    #[error("cannot make the bulletin: the data has no dated records or activities; give a period")]
    NoPeriod,
}

/// The days from the first to the last day of the records, else of the activities.
fn span_of(data: &TableDataset) -> Option<Period> {
    let join = |a: Period, b: Period| Period { start: a.start.min(b.start), end: a.end.max(b.end) };
    let seizures = data.periods().reduce(join);
    seizures.or_else(|| data.activities.iter().map(|a| a.period).reduce(join))
}

/// The seizure section: the ranking by mass of the records in `scope`, and
/// the comparison with the previous period when the data has records in it.
fn seizure_section(data: &TableDataset, scope: &TableDataset, period: Period) -> Result<SeizureSection, BulletinError> {
    let by_name = scope.table().aggregate(&Query::by(&[GroupKey::Name]))?;
    let ranking = by_name.rank(Measure::Mass, None);
    let mut other_totals = Vec::new();
    let g = by_name.grand_total();
    if !g.volume.is_empty() {
        other_totals.push(format!("{} l", n(g.volume.value_in(crate::Unit::Litre))));
    }
    // Each kind of item apart: tablets and plants are never added together.
    for (kind, t) in &g.counts {
        other_totals.push(format!("{} {kind}", n(t.value_in(kind.unit()))));
    }
    let previous = period.previous();
    let prev_table = data.table_within(previous);
    let comparison = if prev_table.is_empty() {
        None
    } else {
        let q = Query::by(&[GroupKey::Drug]);
        Some(compare(&scope.table().aggregate(&q)?, &prev_table.aggregate(&q)?, Measure::Mass))
    };
    Ok(SeizureSection {
        records: scope.len(),
        total_kg: ranking.total,
        sentence: ranking.sentence(),
        ranking,
        other_totals,
        previous_period: comparison.as_ref().map(|_| previous),
        comparison,
    })
}

/// The activities overlapping `period`, one section per kind in order of first appearance.
fn activity_sections(data: &TableDataset, period: Period) -> Vec<ActivitySection> {
    let mut activities: Vec<ActivitySection> = Vec::new();
    for a in data.activities.iter().filter(|a| a.period.overlaps(period)) {
        let kind = a.kind.name();
        let item = activity_item::activity_item(a);
        match activities.iter_mut().find(|s| s.kind == kind) {
            Some(s) => s.items.push(item),
            None => activities.push(ActivitySection {
                kind: kind.to_owned(),
                heading: heading(kind).to_owned(),
                items: vec![item],
            }),
        }
    }
    activities
}

fn finding(kind: &str, message: String) -> Finding {
    Finding { kind: kind.to_owned(), message }
}

/// The period's share of the data checked as `narcostat check` checks a
/// file, each finding naming its records; conflicts are over the whole data.
fn data_quality(data: &TableDataset, scope: &TableDataset, period: Period) -> Vec<Finding> {
    let mut out = Vec::new();
    let totals = check_totals(scope, Tolerance::default());
    for (t, _) in totals.iter().zip(&scope.reported_totals).filter(|(_, stated)| stated.period.overlaps(period)) {
        match t.check() {
            Some(c) if c.difference == "0" => {}
            Some(_) => {
                out.push(finding("stated-total", format!("The stated total and its items differ: {}.", t.describe())))
            }
            None => out.push(finding("stated-total", format!("A stated total cannot be checked: {}.", t.describe()))),
        }
    }
    for c in &conflicts(&data.sources, &data.activities) {
        let kind = if c.fact.starts_with("period") { "period" } else { "conflict" };
        out.push(finding(kind, format!("Conflicting figures for the {}.", Report::describe_conflict(c))));
    }
    let outside = scope.periods().filter(|p| !period.covers(*p)).count();
    if outside > 0 {
        out.push(finding(
            "period",
            format!("{outside} seizure records also cover days outside {period}; they are included whole."),
        ));
    }
    for d in &duplicates(scope) {
        out.push(finding(
            "duplicate",
            format!("Likely the same seizure reported more than once: {}.", d.describe(scope)),
        ));
    }
    for o in &outliers(scope, 100.0) {
        out.push(finding(
            "outlier",
            format!("Over 100 times the median of its drug in its country: {}.", o.describe(scope)),
        ));
    }
    out
}

impl Bulletin {
    /// Builds the bulletin of `period` (by default, the span of the seizure
    /// records). Records overlapping the period are included; those that
    /// also cover days outside it are listed in the data-quality section.
    /// A record the table cannot hold is an error, never a silent zero.
    pub fn build(dataset: &Dataset, period: Option<Period>) -> Result<Self, BulletinError> {
        Self::from_table(&TableDataset::from_dataset(dataset)?, period)
    }

    /// Like [`Bulletin::build`], from records in columns (what
    /// [`TableDataset::read`] reads a file into, in bounded memory).
    pub fn from_table(data: &TableDataset, period: Option<Period>) -> Result<Self, BulletinError> {
        let period = match period {
            Some(p) => p,
            None => span_of(data).ok_or(BulletinError::NoPeriod)?,
        };
        // The period's records; no copy when the period touches them all (the default).
        let copy;
        let scope = if data.periods().all(|p| p.overlaps(period)) {
            data
        } else {
            copy = data.overlapping(period);
            &copy
        };
        let seizures = seizure_section(data, scope, period)?;
        let activities = activity_sections(data, period);
        let data_quality = data_quality(data, scope, period);
        let title = data
            .sources
            .first()
            .map_or_else(|| format!("Drug seizures and programme activities, {period}"), |s| s.title.clone());
        Ok(Self { title, period, seizures, activities, data_quality })
    }

    /// Renders the bulletin.
    pub fn render(&self, format: BulletinFormat) -> String {
        render::render(self, format)
    }
}

#[cfg(test)]
mod tests;
