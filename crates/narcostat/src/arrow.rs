//! Arrow in and out: seizure tables from Arrow record batches (pyarrow,
//! polars, pandas, DuckDB results through the Python binding) read through
//! the same layouts as CSV (see [`read_batches`]), results as record batches
//! with exact decimal measures.

mod input;

pub use input::{read_batches, table_from_batches};

use crate::aggregate::Aggregate;
use crate::period::Date;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use std::sync::Arc;

/// A result as an Arrow record batch: one utf8 column per grouping key, then
/// the aggregate measures (see [`crate::result::ResultTable::aggregate`])
/// with exact types: `mass_kg` and `volume_l` as decimal128(38, 9) (µg and
/// nl exact), one `count_<kind>` column per kind of item counted
/// (`count_tablets`, `count_plants`, ...) as decimal128(38, 3), counts as
/// uint64, days as date32, `share_of_mass` as float64, `attributable` as boolean.
pub fn aggregate_to_batch(agg: &Aggregate) -> Result<RecordBatch, String> {
    use arrow_array::builder::{
        BooleanBuilder, Date32Builder, Decimal128Builder, Float64Builder, StringBuilder, UInt64Builder,
    };
    let groups: Vec<(&crate::Group, bool)> =
        agg.groups.iter().map(|g| (g, true)).chain(agg.unattributed.iter().map(|g| (g, false))).collect();
    let mut fields: Vec<Field> = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (i, k) in agg.query.by.iter().enumerate() {
        let mut b = StringBuilder::new();
        for (g, _) in &groups {
            let l = g.key.get(i).map(crate::KeyValue::label).unwrap_or_default();
            if l.is_empty() { b.append_null() } else { b.append_value(l) }
        }
        fields.push(Field::new(k.name(), DataType::Utf8, true));
        arrays.push(Arc::new(b.finish()));
    }
    // base units -> scaled integer of the decimal type
    let dec = |name: &str,
               scale: i8,
               per_base: i128,
               f: &dyn Fn(&crate::Measures) -> Option<i128>,
               fields: &mut Vec<Field>,
               arrays: &mut Vec<ArrayRef>|
     -> Result<(), String> {
        let mut b = Decimal128Builder::new().with_precision_and_scale(38, scale).map_err(|e| e.to_string())?;
        for (g, _) in &groups {
            match f(&g.measures) {
                Some(v) => b.append_value(v.checked_mul(per_base).ok_or("overflow")?),
                None => b.append_null(),
            }
        }
        fields.push(Field::new(name, DataType::Decimal128(38, scale), true));
        arrays.push(Arc::new(b.finish()));
        Ok(())
    };
    let present = |t: &crate::aggregate::Total| (!t.is_empty()).then_some(t.sum);
    // 1 µg = 1e-9 kg: scale 9 means the mantissa is in µg already.
    dec("mass_kg", 9, 1, &|m| present(&m.mass), &mut fields, &mut arrays)?;
    dec("volume_l", 9, 1, &|m| present(&m.volume), &mut fields, &mut arrays)?;
    for kind in agg.count_units() {
        dec(kind.column(), 3, 1, &|m| present(m.count(kind)), &mut fields, &mut arrays)?;
    }
    let mut u64col = |name: &str, f: &dyn Fn(&crate::Measures) -> Option<u64>| {
        let mut b = UInt64Builder::new();
        for (g, _) in &groups {
            b.append_option(f(&g.measures));
        }
        fields.push(Field::new(name, DataType::UInt64, true));
        arrays.push(Arc::new(b.finish()) as ArrayRef);
    };
    u64col("seizures", &|m| (m.seizures_reported > 0).then_some(m.seizures));
    u64col("records", &|m| Some(m.records));
    u64col("records_without_quantity", &|m| Some(m.no_quantity));
    dec("min_mass_kg", 9, 1, &|m| m.mass.min.map(i128::from), &mut fields, &mut arrays)?;
    dec("max_mass_kg", 9, 1, &|m| m.mass.max.map(i128::from), &mut fields, &mut arrays)?;
    for (name, first) in [("first_day", true), ("last_day", false)] {
        let mut b = Date32Builder::new();
        for (g, _) in &groups {
            b.append_option(if first { g.measures.first } else { g.measures.last }.map(Date::days));
        }
        fields.push(Field::new(name, DataType::Date32, true));
        arrays.push(Arc::new(b.finish()));
    }
    let total_mass = agg.grand_total().mass.sum;
    let mut share = Float64Builder::new();
    let mut attributable = BooleanBuilder::new();
    for (g, a) in &groups {
        share.append_option(
            (*a && total_mass > 0 && !g.measures.mass.is_empty())
                .then(|| g.measures.mass.sum as f64 / total_mass as f64),
        );
        attributable.append_value(*a);
    }
    fields.push(Field::new("share_of_mass", DataType::Float64, true));
    arrays.push(Arc::new(share.finish()));
    fields.push(Field::new("attributable", DataType::Boolean, false));
    arrays.push(Arc::new(attributable.finish()));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SeizureTable;
    use arrow_array::cast::AsArray;

    #[test]
    fn result_batch_is_exact() {
        let month = crate::seed::bulletin_2021_02();
        let t = SeizureTable::from_seizures(&month.seizures).unwrap();
        let agg = t.aggregate(&crate::Query::by(&[crate::GroupKey::DrugGroup])).unwrap();
        let b = aggregate_to_batch(&agg).unwrap();
        assert_eq!(b.num_rows(), 4);
        let mass = b.column(1).as_primitive::<arrow_array::types::Decimal128Type>();
        assert_eq!(mass.value(0), 51_215_000_000_000);
        assert_eq!(b.schema().field(1).name(), "mass_kg");
    }
}
