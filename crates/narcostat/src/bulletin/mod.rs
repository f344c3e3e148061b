//! Bulletins: a period's seizures ranked with shares, its programme
//! activities with their figures, and every inconsistency the data shows.

mod render;

use crate::check::{Report, Tolerance, conflicts, report};
use crate::compare::{Comparison, compare};
use crate::period::Period;
use crate::quantity::{Decimal, group_thousands};
use crate::query::{GroupKey, Query};
use crate::rank::{Measure, Ranking};
use crate::record::{Activity, ActivityKind, Contact, Dataset, Seizure};
use crate::table::SeizureTable;
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
/// let b = Bulletin::build(&narcostat::seed::bulletin_2021_02(), None);
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

fn activity_item(a: &Activity) -> ActivityItem {
    let mut figures: Vec<(String, String)> = Vec::new();
    let mut derived = Vec::new();
    let mut f = |k: &str, v: String| figures.push((k.to_owned(), v));
    match &a.kind {
        ActivityKind::Cooperation { partner_country, partner_agency, own_agency, contact, fields, intentions } => {
            if let Some(c) = partner_country {
                f("partner country", c.info().map_or_else(|| c.to_string(), |i| i.name.to_owned()));
            }
            if let Some(p) = partner_agency {
                f("partner", p.clone());
            }
            if let Some(o) = own_agency {
                f("represented by", o.clone());
            }
            let contact = match contact {
                Contact::VideoConference => "video conference",
                Contact::VisitReceived => "visit received",
                Contact::VisitAbroad => "visit abroad",
                Contact::Meeting => "meeting",
                Contact::Agreement => "agreement",
            };
            f("contact", contact.to_owned());
            f("fields of cooperation", fields.len().to_string());
            for field in fields {
                f("field", field.clone());
            }
            for i in intentions {
                f("intention", i.clone());
            }
        }
        ActivityKind::Memorandum { parties, purpose, commitments } => {
            f("parties", parties.join("; "));
            if let Some(p) = purpose {
                f("purpose", p.clone());
            }
            for c in commitments {
                f("commitment", c.clone());
            }
        }
        ActivityKind::Training { organiser, programme, participants, audience, topics } => {
            if let Some(o) = organiser {
                f("organiser", o.clone());
            }
            if let Some(p) = programme {
                f("programme", p.clone());
            }
            for p in participants {
                let at = p.stated_in.as_deref().map_or(String::new(), |s| format!(" ({s})"));
                f("participants", format!("{}{at}", n(p.value)));
            }
            if let Some(a) = audience {
                f("audience", a.clone());
            }
            if !topics.is_empty() {
                f("topics", topics.join("; "));
            }
        }
        ActivityKind::TreatmentCentre { centre_type, target_group, ordinal_in_province, first_of_kind } => {
            f("type", centre_type.clone());
            if let Some(t) = target_group {
                f("for", t.clone());
            }
            if *first_of_kind {
                f("first of its kind", "yes".to_owned());
            }
            if let Some(o) = ordinal_in_province {
                f("centres of this type in the province", format!("{o} (this one included)"));
            }
        }
        ActivityKind::Funding { amount, beneficiaries, beneficiary_group, purpose } => {
            f("amount", format!("{} {}", n(amount.amount), amount.currency));
            if let Some(b) = beneficiaries {
                f("beneficiaries", n(b));
                if *b > 0 {
                    let per =
                        Decimal::from_ratio(amount.amount.mantissa, *b as i128 * 10i128.pow(amount.amount.scale), 1, 0)
                            .unwrap_or(Decimal::from_int(0));
                    derived.push(("per beneficiary".to_owned(), format!("{} {}", n(per), amount.currency)));
                }
            }
            if let Some(g) = beneficiary_group {
                f("beneficiary group", g.clone());
            }
            if let Some(p) = purpose {
                f("purpose", p.clone());
            }
        }
        ActivityKind::Prevention { people_reached, setting, target_group } => {
            if let Some(p) = people_reached {
                f("people reached", n(p));
            }
            if let Some(s) = setting {
                f("setting", s.clone());
            }
            if let Some(t) = target_group {
                f("target group", t.clone());
            }
        }
        ActivityKind::NationalPlan { name, lead, provinces_covered, target_group } => {
            f("plan", name.clone());
            if let Some(l) = lead {
                f("lead", l.clone());
            }
            if let Some(p) = provinces_covered {
                f("provinces covered", p.to_string());
                derived
                    .push(("share of Iran's 31 provinces".to_owned(), format!("{:.0}%", 100.0 * f64::from(*p) / 31.0)));
            }
            if let Some(t) = target_group {
                f("target group", t.clone());
            }
        }
        ActivityKind::Regulatory { step, regulator, status, composition } => {
            f("step", step.clone());
            if let Some(r) = regulator {
                f("regulator", r.clone());
            }
            if let Some(s) = status {
                f("status", s.clone());
            }
            for c in composition {
                let q = c.qualifier.as_deref().map_or(String::new(), |q| format!("{q} "));
                f("composition", format!("{q}{}% {}", c.percent, c.name));
            }
        }
    }
    ActivityItem {
        title: a.title.clone(),
        period: a.period,
        places: a.places.iter().map(crate::Place::label).collect(),
        figures,
        derived,
        notes: a.notes.clone(),
    }
}

impl Bulletin {
    /// Builds the bulletin of `period` (by default, the span of the seizure
    /// records). Records overlapping the period are included; those that
    /// also cover days outside it are listed in the data-quality section.
    pub fn build(dataset: &Dataset, period: Option<Period>) -> Self {
        let span = dataset
            .seizures
            .iter()
            .map(|s| s.period)
            .reduce(|a, b| Period { start: a.start.min(b.start), end: a.end.max(b.end) });
        let period = period.or(span).unwrap_or(Period::day(crate::Date::from_days(0)));
        let in_period: Vec<Seizure> = dataset.seizures.iter().filter(|s| s.period.overlaps(period)).cloned().collect();
        let table = SeizureTable::from_seizures(&in_period).unwrap_or_default();
        let by_name = table.aggregate(&Query::by(&[GroupKey::Name])).ok();
        let ranking = by_name.as_ref().map_or_else(
            || Ranking { measure: Measure::Mass, entries: Vec::new(), total: Decimal::from_int(0), groups: 0 },
            |a| a.rank(Measure::Mass, None),
        );
        let mut other_totals = Vec::new();
        if let Some(a) = &by_name {
            let g = a.grand_total();
            if !g.volume.is_empty() {
                other_totals.push(format!("{} l", n(g.volume.value_in(crate::Unit::Litre))));
            }
            // Each kind of item apart: tablets and plants are never added together.
            for (kind, t) in &g.counts {
                other_totals.push(format!("{} {kind}", n(t.value_in(kind.unit()))));
            }
        }
        // The previous period, when the data has records in it.
        let previous = period.previous();
        let prev_rows: Vec<&Seizure> = dataset.seizures.iter().filter(|s| previous.covers(s.period)).collect();
        let comparison = if prev_rows.is_empty() {
            None
        } else {
            let prev_table = SeizureTable::from_seizures(prev_rows).unwrap_or_default();
            let q = Query::by(&[GroupKey::Drug]);
            match (table.aggregate(&q), prev_table.aggregate(&q)) {
                (Ok(cur), Ok(prev)) => Some(compare(&cur, &prev, Measure::Mass)),
                _ => None,
            }
        };
        let seizures = SeizureSection {
            records: in_period.len(),
            total_kg: ranking.total,
            sentence: ranking.sentence(),
            ranking,
            other_totals,
            previous_period: comparison.as_ref().map(|_| previous),
            comparison,
        };

        let mut activities: Vec<ActivitySection> = Vec::new();
        for a in dataset.activities.iter().filter(|a| a.period.overlaps(period)) {
            let kind = a.kind.name();
            let item = activity_item(a);
            match activities.iter_mut().find(|s| s.kind == kind) {
                Some(s) => s.items.push(item),
                None => activities.push(ActivitySection {
                    kind: kind.to_owned(),
                    heading: heading(kind).to_owned(),
                    items: vec![item],
                }),
            }
        }

        // The period's share of the data, checked as `narcostat check` checks a file.
        let scope = Dataset {
            sources: dataset.sources.clone(),
            seizures: in_period.clone(),
            reported_totals: dataset.reported_totals.iter().filter(|t| t.period.overlaps(period)).cloned().collect(),
            activities: Vec::new(),
        };
        let mut checks = report(&scope, Tolerance::default(), 100.0);
        checks.conflicts = conflicts(dataset);
        let mut data_quality = Vec::new();
        for (_, c) in checks.totals.iter().filter(|(_, c)| c.difference != "0") {
            data_quality.push(Finding {
                kind: "stated-total".to_owned(),
                message: format!("The stated total and its items differ: {}.", c.describe()),
            });
        }
        for c in &checks.conflicts {
            let kind = if c.fact.starts_with("period") { "period" } else { "conflict" };
            data_quality.push(Finding {
                kind: kind.to_owned(),
                message: format!("Conflicting figures for the {}.", Report::describe_conflict(c)),
            });
        }
        let outside = in_period.iter().filter(|s| !period.covers(s.period)).count();
        if outside > 0 {
            data_quality.push(Finding {
                kind: "period".to_owned(),
                message: format!(
                    "{outside} seizure records also cover days outside {period}; they are included whole."
                ),
            });
        }
        for d in &checks.duplicates {
            data_quality.push(Finding {
                kind: "duplicate".to_owned(),
                message: format!(
                    "Records {} and {} look like the same seizure reported twice ({}).",
                    d.first + 1,
                    d.second + 1,
                    in_period[d.first].substance.name
                ),
            });
        }
        for o in &checks.outliers {
            data_quality.push(Finding {
                kind: "outlier".to_owned(),
                message: format!(
                    "Record {} ({}) is {:.0} times the median of its drug.",
                    o.index + 1,
                    o.quantity,
                    o.ratio
                ),
            });
        }
        let title = dataset
            .sources
            .first()
            .map_or_else(|| format!("Drug seizures and programme activities, {period}"), |s| s.title.clone());
        Self { title, period, seizures, activities, data_quality }
    }

    /// Renders the bulletin.
    pub fn render(&self, format: BulletinFormat) -> String {
        render::render(self, format)
    }
}

#[cfg(test)]
mod tests;
