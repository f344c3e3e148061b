//! Key columns: one typed column per grouping key (two for places: code and name).

use super::column::{Column, Role};
use super::values::Values;
use crate::aggregate::KeyValue;
use crate::period::{Date, Granularity};
use crate::query::GroupKey;

/// The key columns of rows keyed by `keys` (one value per key of `by`):
/// calendar years as integers, days as dates, other buckets as periods,
/// countries (also origin and destination) as a code and a name column,
/// everything else as its label. Missing values are empty.
pub(crate) fn key_columns(by: &[GroupKey], keys: &[&[KeyValue]]) -> Vec<Column> {
    let mut columns = Vec::new();
    for (i, key) in by.iter().enumerate() {
        let values = || keys.iter().map(move |k| k.get(i).filter(|v| **v != KeyValue::Missing));
        let name = key.name();
        match key {
            GroupKey::Time(g) => columns.push(Column::new(name, Role::Key, time_values(*g, values()))),
            GroupKey::Country | GroupKey::Origin | GroupKey::Destination => {
                columns.push(Column::new(
                    name.clone(),
                    Role::Key,
                    Values::Text(values().map(|v| v.map(KeyValue::label)).collect()),
                ));
                let names = values().map(|v| v.and_then(country_name)).collect();
                columns.push(Column::new(format!("{name}_name"), Role::Key, Values::Text(names)));
            }
            _ => columns.push(Column::new(
                name,
                Role::Key,
                Values::Text(values().map(|v| v.map(KeyValue::label)).collect()),
            )),
        }
    }
    columns
}

fn bucket(v: Option<&KeyValue>) -> Option<i32> {
    match v {
        Some(KeyValue::Bucket { index, .. }) => Some(*index),
        _ => None,
    }
}

fn time_values<'a>(g: Granularity, values: impl Iterator<Item = Option<&'a KeyValue>>) -> Values {
    match g {
        Granularity::Year => Values::Int(values.map(|v| bucket(v).map(i64::from)).collect()),
        Granularity::Day => Values::Date(values.map(|v| bucket(v).map(Date::from_days)).collect()),
        other => Values::Period {
            granularity: other,
            values: values.map(|v| bucket(v).and_then(|i| other.bucket_period(i))).collect(),
        },
    }
}

fn country_name(v: &KeyValue) -> Option<String> {
    match v {
        KeyValue::Country(c) => c.info().map(|info| info.name.to_owned()),
        _ => None,
    }
}
