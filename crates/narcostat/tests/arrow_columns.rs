//! Arrow input with an explicit column mapping (`ReadOptions.columns`, Python's
//! `columns=`): renamed data-frame columns read like the canonical names.
#![expect(clippy::unwrap_used, reason = "tests fail on error")]

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use narcostat::Unit;
use narcostat::arrow::table_from_batches;
use narcostat::read::{ColumnRole, ReadOptions};
use std::sync::Arc;

fn batch(names: [&str; 3]) -> RecordBatch {
    RecordBatch::try_from_iter([
        (names[0], Arc::new(StringArray::from(vec!["Opium", "Heroin", "Opium"])) as ArrayRef),
        (names[1], Arc::new(Float64Array::from(vec![1.25, 2.5, 3.0])) as ArrayRef),
        (names[2], Arc::new(Int64Array::from(vec![2020, 2020, 2021])) as ArrayRef),
    ])
    .unwrap()
}

fn totals(table: &narcostat::SeizureTable) -> Vec<narcostat::Seizure> {
    table.rows().collect()
}

#[test]
fn renamed_columns_read_like_the_canonical_ones() {
    let canonical =
        table_from_batches(&[batch(["drug", "quantity", "year"])], "df", &ReadOptions::default(), Some(Unit::Kilogram))
            .unwrap()
            .0;
    let columns = vec![
        (ColumnRole::Drug, "Stoff".to_owned()),
        (ColumnRole::Quantity, "Menge".to_owned()),
        (ColumnRole::Year, "Jahr".to_owned()),
    ];
    let options = ReadOptions { columns, ..ReadOptions::default() };
    let (renamed, report) =
        table_from_batches(&[batch(["Stoff", "Menge", "Jahr"])], "df", &options, Some(Unit::Kilogram)).unwrap();
    assert_eq!(report.rows_accepted, 3);
    assert_eq!(totals(&renamed), totals(&canonical));
    // The naive oracle: opium 1.25 + 3.0 kg over both years.
    let opium: Vec<_> =
        renamed.rows().filter(|s| s.substance.name == "Opium").map(|s| s.quantity.unwrap().to_string()).collect();
    assert_eq!(opium, ["1.25 kg", "3 kg"]);
}

#[test]
fn a_mapping_to_an_absent_column_names_it_and_the_columns() {
    let options = ReadOptions { columns: vec![(ColumnRole::Quantity, "Qty".to_owned())], ..ReadOptions::default() };
    let e = table_from_batches(&[batch(["drug", "Menge", "year"])], "df", &options, None).unwrap_err().to_string();
    assert_eq!(e, "df: the mapping quantity=\"Qty\" names no column; the columns are [\"drug\", \"Menge\", \"year\"]");
}
