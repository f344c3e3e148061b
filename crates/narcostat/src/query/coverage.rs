//! What a drug filter covered in a table: a warning when it matches nothing,
//! or only "non-specified" buckets, and a note naming the drugs it covered.

use super::{Filter, Query};
use crate::substance::Drug;
use crate::table::SeizureTable;

/// The words of the warning for a filter that covers no drug present.
const NO_ROWS: &str = "matched no rows in this table";
/// The words of the warning for a filter that covers only non-specified buckets.
const ONLY_NON_SPECIFIED: &str = "matched only non-specified rows in this table";

/// What a drug filter covered in a table ([`Query::coverage`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// The filter matched nothing, or only non-specified buckets: a small or
    /// zero figure that would otherwise pass for an answer.
    pub warnings: Vec<String>,
    /// Which drugs the filter covered that occur in the table.
    pub notes: Vec<String>,
}

impl Query {
    /// A warning or a note about what the query's drug filter covers in
    /// `table`, among the rows of the places the filter keeps and wholly inside
    /// the query's period:
    /// - "drug=X matched no rows in this table" when it covers no drug present;
    /// - a warning when every drug it covers there is a non-specified bucket
    ///   (the source does not say which form or substance it seized);
    /// - otherwise one note naming the drugs covered that occur.
    ///
    /// Empty when the query has no drug filter.
    ///
    /// ```
    /// use narcostat::{Query, SeizureTable, seed};
    /// let table = SeizureTable::from_seizures(&seed::bulletin_2021_02().seizures).unwrap();
    /// let q = Query::parse("drug", "drug=opiates", None).unwrap();
    /// assert!(q.coverage(&table).notes[0].starts_with("drug=Opiates covered: "));
    /// let q = Query::parse("drug", "drug=cocaine", None).unwrap();
    /// assert_eq!(q.coverage(&table).warnings, ["drug=Cocaine matched no rows in this table"]);
    /// ```
    pub fn coverage(&self, table: &SeizureTable) -> Coverage {
        self.coverage_of(&self.drugs_present(table))
    }

    /// Which drugs occur in `table` in rows of places the filter keeps,
    /// wholly inside the query's period, by index into [`Drug::ALL`]: what
    /// [`Query::coverage_of`] needs, merged across partitions with a logical or.
    pub fn drugs_present(&self, table: &SeizureTable) -> Vec<bool> {
        drugs_present(table, self)
    }

    /// [`Query::coverage`] from the drugs present ([`Query::drugs_present`],
    /// of one table or or-ed over many).
    pub fn coverage_of(&self, present: &[bool]) -> Coverage {
        let f = &self.filter;
        if f.drugs.is_empty() && f.families.is_empty() && f.groups.is_empty() {
            return Coverage::default();
        }
        let words = filter_words(f);
        let present = |i: usize| present.get(i).copied().unwrap_or(false);
        let covered: Vec<Drug> = Drug::ALL.iter().copied().filter(|&d| f.keeps_drug(d) && present(index(d))).collect();
        let names = covered.iter().map(|d| d.name()).collect::<Vec<_>>().join(", ");
        let warning = |text: String| Coverage { warnings: vec![text], notes: Vec::new() };
        if covered.is_empty() {
            let within = if self.period.is_some() { " within the period" } else { "" };
            warning(format!("drug={words} {NO_ROWS}{within}"))
        } else if covered.iter().all(|d| d.is_non_specified()) {
            warning(format!(
                "drug={words} {ONLY_NON_SPECIFIED} ({names}): the source does not say which substance or form was seized"
            ))
        } else {
            Coverage { warnings: Vec::new(), notes: vec![format!("drug={words} covered: {names}")] }
        }
    }
}

/// The filter's substance words as the user could have typed them.
fn filter_words(f: &Filter) -> String {
    let groups = f.groups.iter().map(|g| g.name());
    let families = f.families.iter().map(|x| x.name());
    let drugs = f.drugs.iter().map(|d| d.name());
    groups.chain(families).chain(drugs).collect::<Vec<_>>().join("|")
}

fn index(d: Drug) -> usize {
    usize::from(crate::table::drug_index(d))
}

/// Which drugs occur in rows of places the filter keeps, wholly inside the
/// query's period (by index into [`Drug::ALL`]).
fn drugs_present(table: &SeizureTable, q: &Query) -> Vec<bool> {
    let mut present = vec![false; Drug::ALL.len()];
    let places: Vec<bool> = table.places.values().iter().map(|p| q.filter.keeps_place(p)).collect();
    let (first, last) = q.period.map_or((i32::MIN, i32::MAX), |p| (p.start.days(), p.end.days()));
    let rows = table.drug.iter().zip(&table.place).zip(table.start.iter().zip(&table.span));
    for ((&drug, &place), (&start, &span)) in rows {
        let inside = start >= first && start.saturating_add(i32::from(span)) <= last;
        if inside && places.get(place as usize).copied().unwrap_or(false) {
            if let Some(slot) = present.get_mut(usize::from(drug)) {
                *slot = true;
            }
        }
    }
    present
}
