//! Warnings for results that would otherwise pass for answers: an
//! aggregation no row made it into, records left out of a ranking or trend
//! because they span several time buckets, a measure the data does not give.

use crate::aggregate::{Accounting, Aggregate};
use crate::rank::Measure;

/// When no row made it into an aggregation: the filter kept none, or none
/// lies wholly in the period. `label` names the period of a comparison.
pub(super) fn nothing_aggregated(accounting: &Accounting, label: &str) -> Option<String> {
    if accounting.rows == 0 || accounting.aggregated + accounting.unattributed > 0 {
        return None;
    }
    Some(if accounting.filtered_out == accounting.rows {
        format!("{label}the filter kept none of the {} rows", accounting.rows)
    } else {
        let how = accounting.describe().unwrap_or_default();
        format!("{label}no row lies wholly in the period, so every figure is empty or zero ({how})")
    })
}

/// When records spanning several time buckets are left out of `what` (a
/// ranking or a trend lists only attributable groups).
pub(super) fn left_out(agg: &Aggregate, what: &str) -> Option<String> {
    let n = agg.accounting.unattributed;
    (n > 0).then(|| {
        format!(
            "{n} records span several time buckets and are not in this {what}: set the span rule to by-start or by-end, or group by a coarser period"
        )
    })
}

/// When rows were aggregated but none gives a value of `measure` (seizure
/// counts in a table of masses).
pub(super) fn no_values(agg: &Aggregate, measure: Measure) -> Option<String> {
    let any = agg.groups.iter().chain(&agg.unattributed).any(|g| measure.base_value(&g.measures).is_some());
    let rows = agg.accounting.aggregated + agg.accounting.unattributed;
    (!any && rows > 0).then(|| format!("the {rows} rows aggregated give no {} values", measure.column()))
}

/// Where the rows of the inputs read went, summed, when there are several
/// ("3 inputs: 1200 rows read, 1190 accepted, 10 rejected"); the partial keeps them one by one.
pub(super) fn sources_read(sources: &[super::SourceRows]) -> Option<String> {
    if sources.len() < 2 {
        return None;
    }
    let sum = |f: fn(&super::SourceRows) -> u64| sources.iter().map(f).sum::<u64>();
    Some(format!(
        "{} inputs: {} rows read, {} accepted, {} rejected",
        sources.len(),
        sum(|s| s.rows_read),
        sum(|s| s.rows_accepted),
        sum(|s| s.rows_rejected)
    ))
}
