//! An activity as the bulletin lists it: its figures as labelled text, and
//! the figures derived from them (per beneficiary, share of provinces).

use super::{ActivityItem, n};
use crate::quantity::Decimal;
use crate::record::{Activity, ActivityKind, Contact, Money};

/// The labelled figures of one activity, built up field by field.
#[derive(Default)]
struct Figures {
    stated: Vec<(String, String)>,
    derived: Vec<(String, String)>,
}

impl Figures {
    fn add(&mut self, label: &str, value: String) {
        self.stated.push((label.to_owned(), value));
    }

    fn some(&mut self, label: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.add(label, v.clone());
        }
    }

    fn each(&mut self, label: &str, values: &[String]) {
        for v in values {
            self.add(label, v.clone());
        }
    }

    fn derive(&mut self, label: &str, value: String) {
        self.derived.push((label.to_owned(), value));
    }
}

/// The bulletin's item for an activity.
pub(super) fn activity_item(a: &Activity) -> ActivityItem {
    let mut f = Figures::default();
    figures(&a.kind, &mut f);
    ActivityItem {
        title: a.title.clone(),
        period: a.period,
        places: a.places.iter().map(crate::Place::label).collect(),
        figures: f.stated,
        derived: f.derived,
        notes: a.notes.clone(),
    }
}

fn figures(kind: &ActivityKind, f: &mut Figures) {
    match kind {
        ActivityKind::Cooperation { partner_country, partner_agency, own_agency, contact, fields, intentions } => {
            if let Some(c) = partner_country {
                f.add("partner country", c.info().map_or_else(|| c.to_string(), |i| i.name.to_owned()));
            }
            f.some("partner", partner_agency);
            f.some("represented by", own_agency);
            f.add("contact", contact_text(contact).to_owned());
            f.add("fields of cooperation", fields.len().to_string());
            f.each("field", fields);
            f.each("intention", intentions);
        }
        ActivityKind::Memorandum { parties, purpose, commitments } => {
            f.add("parties", parties.join("; "));
            f.some("purpose", purpose);
            f.each("commitment", commitments);
        }
        ActivityKind::Training { organiser, programme, participants, audience, topics } => {
            f.some("organiser", organiser);
            f.some("programme", programme);
            for p in participants {
                let at = p.stated_in.as_deref().map_or(String::new(), |s| format!(" ({s})"));
                f.add("participants", format!("{}{at}", n(p.value)));
            }
            f.some("audience", audience);
            if !topics.is_empty() {
                f.add("topics", topics.join("; "));
            }
        }
        ActivityKind::TreatmentCentre { centre_type, target_group, ordinal_in_province, first_of_kind } => {
            f.add("type", centre_type.clone());
            f.some("for", target_group);
            if *first_of_kind {
                f.add("first of its kind", "yes".to_owned());
            }
            if let Some(o) = ordinal_in_province {
                f.add("centres of this type in the province", format!("{o} (this one included)"));
            }
        }
        ActivityKind::Funding { amount, beneficiaries, beneficiary_group, purpose } => {
            funding(amount, *beneficiaries, f);
            f.some("beneficiary group", beneficiary_group);
            f.some("purpose", purpose);
        }
        ActivityKind::Prevention { people_reached, setting, target_group } => {
            if let Some(p) = people_reached {
                f.add("people reached", n(p));
            }
            f.some("setting", setting);
            f.some("target group", target_group);
        }
        ActivityKind::NationalPlan { name, lead, provinces_covered, target_group } => {
            f.add("plan", name.clone());
            f.some("lead", lead);
            if let Some(p) = provinces_covered {
                f.add("provinces covered", p.to_string());
                f.derive("share of Iran's 31 provinces", format!("{:.0}%", 100.0 * f64::from(*p) / 31.0));
            }
            f.some("target group", target_group);
        }
        ActivityKind::Regulatory { step, regulator, status, composition } => {
            f.add("step", step.clone());
            f.some("regulator", regulator);
            f.some("status", status);
            for c in composition {
                let q = c.qualifier.as_deref().map_or(String::new(), |q| format!("{q} "));
                f.add("composition", format!("{q}{}% {}", c.percent, c.name));
            }
        }
    }
}

fn contact_text(contact: &Contact) -> &'static str {
    match contact {
        Contact::VideoConference => "video conference",
        Contact::VisitReceived => "visit received",
        Contact::VisitAbroad => "visit abroad",
        Contact::Meeting => "meeting",
        Contact::Agreement => "agreement",
    }
}

/// The amount, the beneficiaries and, exactly, the amount per beneficiary.
fn funding(amount: &Money, beneficiaries: Option<u64>, f: &mut Figures) {
    f.add("amount", format!("{} {}", n(amount.amount), amount.currency));
    let Some(b) = beneficiaries else { return };
    f.add("beneficiaries", n(b));
    if b > 0 {
        let per = 10i128
            .checked_pow(amount.amount.scale)
            .and_then(|scale| scale.checked_mul(i128::from(b)))
            .and_then(|den| Decimal::from_ratio(amount.amount.mantissa, den, 1, 0));
        let per = per.map_or_else(|| "beyond the exact range".to_owned(), |p| format!("{} {}", n(p), amount.currency));
        f.derive("per beneficiary", per);
    }
}
