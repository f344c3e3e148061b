//! The measure columns of an aggregate, built in this one place: `mass_<unit>`,
//! `volume_<unit>`, one `count_<kind>` per kind of item counted (kinds are
//! never added together), `seizures`, `records`, `records_without_quantity`,
//! `min_mass_<unit>`, `max_mass_<unit>`, `first_day`, `last_day`,
//! `share_of_mass` and `attributable`.

use super::column::{Column, Role};
use super::ratio::{SHARE_DIGITS, share};
use super::units::OutputUnits;
use super::values::Values;
use crate::aggregate::{Group, Total};
use crate::quantity::{CountUnit, Unit};

/// One group of an aggregate and whether it is attributable to a time bucket.
pub(crate) struct Row<'a> {
    pub group: &'a Group,
    pub attributable: bool,
}

/// The measure columns of `rows`; shares are of `total_mass` (base units).
pub(crate) fn measure_columns(
    rows: &[Row<'_>],
    kinds: &[CountUnit],
    units: OutputUnits,
    total_mass: i128,
) -> Vec<Column> {
    let quantity = |name: String, unit: Unit, total: &dyn Fn(&Row<'_>) -> Total| {
        let values = rows.iter().map(|r| {
            let t = total(r);
            (!t.is_empty()).then(|| t.value_in(unit))
        });
        Column::new(name, Role::Measure, Values::decimals_at(unit.result_scale(), values.collect()))
    };
    let int = |name: &str, f: &dyn Fn(&Row<'_>) -> Option<u64>| {
        Column::new(
            name,
            Role::Measure,
            Values::Int(rows.iter().map(|r| f(r).and_then(|v| i64::try_from(v).ok())).collect()),
        )
    };
    let (mass, volume) = (units.mass.symbol(), units.volume.symbol());
    let mut columns = vec![
        quantity(format!("mass_{mass}"), units.mass, &|r| r.group.measures.mass),
        quantity(format!("volume_{volume}"), units.volume, &|r| r.group.measures.volume),
    ];
    for &kind in kinds {
        columns.push(quantity(kind.column().to_owned(), kind.unit(), &|r| *r.group.measures.count(kind)));
    }
    columns.push(int("seizures", &|r| {
        let m = &r.group.measures;
        (m.seizures_reported > 0).then_some(m.seizures)
    }));
    columns.push(int("records", &|r| Some(r.group.measures.records)));
    columns.push(int("records_without_quantity", &|r| Some(r.group.measures.no_quantity)));
    columns.extend(extremes(rows, units.mass));
    columns.extend(days(rows));
    columns.push(shares(rows, total_mass));
    columns.push(Column::new(
        "attributable",
        Role::Info,
        Values::Bool(rows.iter().map(|r| Some(r.attributable)).collect()),
    ));
    columns
}

/// `min_mass_<unit>` and `max_mass_<unit>`: the smallest and largest single record.
fn extremes(rows: &[Row<'_>], unit: Unit) -> [Column; 2] {
    let column = |name: &str, pick: &dyn Fn(&Total) -> Option<i64>| {
        let values = rows.iter().map(|r| {
            pick(&r.group.measures.mass).map(|b| Total { sum: i128::from(b), ..Default::default() }.value_in(unit))
        });
        Column::new(
            format!("{name}_{}", unit.symbol()),
            Role::Measure,
            Values::decimals_at(unit.result_scale(), values.collect()),
        )
    };
    [column("min_mass", &|t| t.min), column("max_mass", &|t| t.max)]
}

/// `first_day` and `last_day` covered by a record of the group.
fn days(rows: &[Row<'_>]) -> [Column; 2] {
    [
        Column::new("first_day", Role::Info, Values::Date(rows.iter().map(|r| r.group.measures.first).collect())),
        Column::new("last_day", Role::Info, Values::Date(rows.iter().map(|r| r.group.measures.last).collect())),
    ]
}

/// `share_of_mass`: of the attributable total, for attributable groups with a mass.
fn shares(rows: &[Row<'_>], total_mass: i128) -> Column {
    let values = rows.iter().map(|r| {
        let m = &r.group.measures.mass;
        if r.attributable && !m.is_empty() { share(m.sum, total_mass) } else { None }
    });
    Column::new("share_of_mass", Role::Measure, Values::decimals_at(SHARE_DIGITS, values.collect()))
}
