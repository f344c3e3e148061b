//! The mapping a generic table was read with, as the report shows it.

use super::column_role::ColumnRole;
use super::format::ColumnMap;
use crate::substance::normalize;

/// (role word, header as written in the file) for every column the mapping
/// reads, in role order; the quantity columns of several measures are
/// `quantity`, `quantity 2`, ... (each key once, so that the mapping is an
/// object that loses none); the end of a `start..end` period is `end`, last.
pub(crate) fn mapping_of(map: &ColumnMap, header: &[String]) -> Vec<(String, String)> {
    let as_written = |h: &str| {
        let key = normalize(h);
        header.iter().find(|x| normalize(x) == key).cloned().unwrap_or_else(|| h.to_owned())
    };
    let roles: [(ColumnRole, Option<&String>); 11] = [
        (ColumnRole::Drug, Some(&map.substance)),
        (ColumnRole::Quantity, Some(&map.quantity)),
        (ColumnRole::Unit, map.unit.as_ref()),
        (ColumnRole::Date, map.date.as_ref()),
        (ColumnRole::Year, map.year.as_ref()),
        (ColumnRole::Country, map.country.as_ref()),
        (ColumnRole::Province, map.province.as_ref()),
        (ColumnRole::Locality, map.locality.as_ref()),
        (ColumnRole::Agency, map.agency.as_ref()),
        (ColumnRole::Seizures, map.seizures.as_ref()),
        (ColumnRole::Origin, map.origin.as_ref()),
    ];
    let extra = map.measures.iter().map(|h| (ColumnRole::Quantity, Some(h)));
    let mut out: Vec<(ColumnRole, String)> = roles
        .into_iter()
        .chain(extra)
        .chain(std::iter::once((ColumnRole::Destination, map.destination.as_ref())))
        .filter_map(|(role, h)| h.map(|h| (role, as_written(h))))
        .collect();
    out.sort_by_key(|(role, _)| *role);
    let end = map.end.iter().map(|h| ("end".to_owned(), as_written(h)));
    let mut measure = 0;
    let keyed = out.into_iter().map(|(role, h)| {
        if role != ColumnRole::Quantity {
            return (role.to_string(), h);
        }
        measure += 1;
        let key = if measure == 1 { role.to_string() } else { format!("{role} {measure}") };
        (key, h)
    });
    keyed.chain(end).collect()
}
