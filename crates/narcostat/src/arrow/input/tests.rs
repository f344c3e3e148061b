//! Arrow input: the same rows, records and rejections as the CSV readers.

use super::*;
use crate::query::{GroupKey, Query};
use crate::read::{ReadOptions, read_table};
use crate::{Granularity, Seizure};
use arrow_array::{Date32Array, Float64Array, Int64Array, StringArray, TimestampSecondArray};
use proptest::prelude::*;

fn reference(file: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file)
}

/// A CSV file's cells as an Arrow batch of strings, `numeric` columns as
/// float64 (as pandas reads them; `NULL` and empty cells become nulls).
fn csv_as_batch(path: &std::path::Path, delimiter: u8, numeric: &[&str]) -> RecordBatch {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_path(path).unwrap();
    let header: Vec<String> =
        reader.headers().unwrap().iter().map(|h| h.trim_start_matches('\u{feff}').to_owned()).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let columns = header.iter().enumerate().map(|(c, name)| {
        let cells = rows.iter().map(|r| r.get(c).unwrap_or(""));
        let array: ArrayRef = if numeric.contains(&name.as_str()) {
            Arc::new(cells.map(|v| v.parse::<f64>().ok()).collect::<Float64Array>())
        } else {
            Arc::new(cells.map(Some).collect::<StringArray>())
        };
        (name.clone(), array)
    });
    RecordBatch::try_from_iter(columns).unwrap()
}

fn rows(table: &SeizureTable) -> Vec<Seizure> {
    (0..table.len()).map(|i| table.row(i).unwrap()).collect()
}

fn through_csv(file: &str, options: &ReadOptions) -> (SeizureTable, ReadReport) {
    let f = std::fs::File::open(reference(file)).unwrap();
    let (table, _, report) = read_table(f, file, options, &mut |_| {}).unwrap();
    (table, report)
}

/// Issue 11, defect 13: UNODC plant rows were kilograms through Arrow and
/// plants through CSV (cannabis-type 2018: 9,602,875 vs 5,738,806 kg).
#[test]
fn unodc_through_arrow_is_unodc_through_csv() {
    let file = "unodc-annual-1970-2019.csv";
    let (csv_table, csv_report) = through_csv(file, &ReadOptions::default());
    for numeric in [&[][..], &["KG Equivalent", "Year"][..]] {
        let batch = csv_as_batch(&reference(file), b',', numeric);
        // Split in two batches, as pyarrow hands them over.
        let half = batch.num_rows() / 2;
        let parts = [batch.slice(0, half), batch.slice(half, batch.num_rows() - half)];
        let (arrow_table, report) = table_from_batches(&parts, file, &ReadOptions::default(), None).unwrap();
        assert_eq!(report.format, "arrow (unodc-annual)");
        assert_eq!(
            (report.rows_read, report.rows_accepted, report.flagged, report.missing_quantities),
            (csv_report.rows_read, csv_report.rows_accepted, csv_report.flagged, csv_report.missing_quantities)
        );
        assert_eq!(rows(&arrow_table), rows(&csv_table), "numeric columns {numeric:?}");
        let q = Query::by(&[GroupKey::DrugGroup, GroupKey::Time(Granularity::Year)])
            .period(crate::Period::parse("2018").unwrap());
        let (a, c) = (arrow_table.aggregate(&q).unwrap(), csv_table.aggregate(&q).unwrap());
        assert_eq!(a, c);
        let cannabis = a.groups.iter().find(|g| g.label().starts_with("Cannabis-type")).unwrap();
        assert_eq!(cannabis.measures.mass.value_in(Unit::Kilogram).round(0).to_string(), "5738806");
    }
}

#[test]
fn cbp_and_wide_through_arrow_are_the_same_as_through_csv() {
    let india = ReadOptions { country: crate::CountryCode::resolve("IND"), ..ReadOptions::default() };
    for (file, numeric, options) in [
        ("cbp-nationwide-fy23-fy26-dec.csv", &["Sum Qty (lbs)", "Count of Event"][..], ReadOptions::default()),
        ("india-ncb-by-state-2018-2024-wide.csv", &["Heroin_Kg", "Ganja_Kg", "Year", "Total_Kg"][..], india),
    ] {
        let (csv_table, csv_report) = through_csv(file, &options);
        let batch = csv_as_batch(&reference(file), b',', numeric);
        let (arrow_table, totals, report) = read_batches(&[batch], file, &options, None).unwrap();
        assert_eq!(rows(&arrow_table), rows(&csv_table), "{file}");
        assert_eq!((report.rows_accepted, report.totals), (csv_report.rows_accepted, csv_report.totals), "{file}");
        assert_eq!(totals.len() as u64, report.totals);
        assert_eq!(report.unread_columns, csv_report.unread_columns);
    }
}

fn batch(drugs: Vec<&str>, qty: Vec<Option<f64>>) -> RecordBatch {
    let n = drugs.len();
    RecordBatch::try_from_iter([
        ("Drug Type", Arc::new(StringArray::from(drugs)) as ArrayRef),
        ("Sum Qty (lbs)", Arc::new(Float64Array::from(qty)) as ArrayRef),
        ("date", Arc::new(Date32Array::from(vec![18_000; n])) as ArrayRef),
        ("seizures", Arc::new(Int64Array::from(vec![1; n])) as ArrayRef),
    ])
    .unwrap()
}

#[test]
fn floats_nan_negative_null_and_below_a_microgram() {
    let b = batch(
        vec!["Fentanyl", "Fentanyl", "Fentanyl", "Fentanyl", "Heroinn", "Fentanyl"],
        vec![Some(147.04832875399998), None, Some(f64::NAN), Some(-1.0), Some(1.0), Some(1e-20)],
    );
    let (t, r) = table_from_batches(std::slice::from_ref(&b), "df", &ReadOptions::lenient(), None).unwrap();
    assert_eq!((r.rows_read, r.rows_accepted, r.rows_rejected), (6, 2, 4));
    assert_eq!(t.row(0).unwrap().quantity.unwrap().base(), 66_699_999_944);
    assert_eq!(r.missing_quantities, 1);
    assert_eq!(r.rejections[0].reason, RowError::BadNumber { value: "NaN".into() });
    assert_eq!(r.rejections[0].column.as_deref(), Some("Sum Qty (lbs)"));
    assert_eq!(r.rejections[1].reason, RowError::Negative { value: "-1.0".into() });
    assert!(matches!(r.rejections[2].reason, RowError::UnknownSubstance { .. }));
    // Issue 11: 1e-20 was rounded to 0 without a word.
    assert_eq!(
        (r.rejections[3].line, &r.rejections[3].reason),
        (6, &RowError::BelowResolution { value: "1e-20".into() })
    );
    let err = table_from_batches(&[b], "df", &ReadOptions::default(), None).unwrap_err();
    // Issue 12: a data frame has rows, not lines: the 0-based index pandas shows.
    assert!(err.to_string().starts_with("row 2 (column \"Sum Qty (lbs)\")"), "{err}");
    assert_eq!(err.rejection().map(|r| r.row), Some(Some(2)));
}

#[test]
fn missing_columns_are_named() {
    let b = RecordBatch::try_from_iter([("colour", Arc::new(StringArray::from(vec!["red"])) as ArrayRef)]).unwrap();
    let err = table_from_batches(&[b], "df", &ReadOptions::default(), None).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("df: no drug column: name one \"substance\", \"drug\", \"drugtype\""), "{text}");
    assert!(text.ends_with("the columns are [\"colour\"]"), "{text}");
    let quantity =
        RecordBatch::try_from_iter([("drug", Arc::new(StringArray::from(vec!["Opium"])) as ArrayRef)]).unwrap();
    let text = table_from_batches(&[quantity], "df", &ReadOptions::default(), None).unwrap_err().to_string();
    assert!(
        text.contains("no quantity column: name one \"quantity\", \"amount\", \"value\", \"qty\", \"kg\""),
        "{text}"
    );
}

#[test]
fn start_and_end_timestamps_and_kept_columns() {
    let b = RecordBatch::try_from_iter([
        ("drug", Arc::new(StringArray::from(vec!["Opium", "Opium"])) as ArrayRef),
        ("kg", Arc::new(Int64Array::from(vec![5, 7])) as ArrayRef),
        ("start", Arc::new(TimestampSecondArray::from(vec![1_612_137_600, 1_612_137_600])) as ArrayRef),
        ("end", Arc::new(StringArray::from(vec![Some("2021-02-28"), None])) as ArrayRef),
        ("colour", Arc::new(StringArray::from(vec!["red", "blue"])) as ArrayRef),
    ])
    .unwrap();
    let (t, r) = table_from_batches(&[b], "df", &ReadOptions::lenient(), None).unwrap();
    assert_eq!(t.row(0).unwrap().period.to_string(), "2021-02-01..2021-02-28");
    // A null end is a period of the start day alone, as an empty end cell of a CSV table.
    assert!(r.rejections.is_empty(), "{:?}", r.rejections);
    assert_eq!(t.row(1).unwrap().period.to_string(), "2021-02-01..2021-02-01");
    assert!(r.unread_columns.is_empty(), "{:?}", r.unread_columns);
    // The unmapped column is kept; the end column, read into the period, is not.
    assert_eq!(t.row(0).unwrap().columns, [("colour".to_owned(), "red".to_owned())]);
    assert_eq!(t.column_names(), ["colour"]);
}

#[test]
fn a_solar_hijri_date_is_not_gregorian() {
    let b = RecordBatch::try_from_iter([
        ("drug", Arc::new(StringArray::from(vec!["Opium"])) as ArrayRef),
        ("kg", Arc::new(Int64Array::from(vec![5])) as ArrayRef),
        ("date", Arc::new(StringArray::from(vec!["1399/12/30"])) as ArrayRef),
    ])
    .unwrap();
    let err = table_from_batches(&[b], "df", &ReadOptions::default(), None).unwrap_err();
    assert!(err.to_string().contains("Solar Hijri"), "{err}");
}

#[test]
fn batches_with_other_columns_are_an_error() {
    let a = batch(vec!["Fentanyl"], vec![Some(1.0)]);
    let b = RecordBatch::try_from_iter([
        ("drug", Arc::new(StringArray::from(vec!["Opium"])) as ArrayRef),
        ("kg", Arc::new(Int64Array::from(vec![5])) as ArrayRef),
        ("year", Arc::new(Int64Array::from(vec![2021])) as ArrayRef),
    ])
    .unwrap();
    assert!(table_from_batches(&[a, b], "df", &ReadOptions::default(), None).is_err());
}

fn generic_row() -> impl Strategy<Value = (usize, String, usize, u32, usize)> {
    (
        0..4usize,
        prop_oneof!["[0-9]{1,6}", "[0-9]{1,4}\\.[0-9]{1,6}", Just(String::new()), "-[0-9]{1,3}", "1e-[0-9]{1,2}"],
        0..4usize,
        0..3000u32,
        0..3usize,
    )
}

proptest! {
    /// A mapped table reads the same from CSV text and from Arrow columns:
    /// the same records, rejections (line, column, reason) and accounting.
    #[test]
    fn arrow_and_csv_read_a_mapped_table_alike(table in proptest::collection::vec(generic_row(), 1..40)) {
        const DRUGS: [&str; 4] = ["Opium", "Hashish", "Heroinn", "Cannabis plants"];
        const UNITS: [&str; 4] = ["kg", "g", "plants", "parsecs"];
        const COUNTRIES: [&str; 3] = ["IRN", "ZZZ", ""];
        let mut csv_text = String::from("drug,quantity,unit,date,country\n");
        let day = |d: u32| crate::Date::from_days(18_000 + d as i32).to_string();
        for (d, q, u, when, c) in &table {
            csv_text.push_str(&format!("{},{q},{},{},{}\n", DRUGS[*d], UNITS[*u], day(*when), COUNTRIES[*c]));
        }
        let map = ColumnMap {
            substance: "drug".into(),
            quantity: "quantity".into(),
            unit: Some("unit".into()),
            date: Some("date".into()),
            country: Some("country".into()),
            ..ColumnMap::default()
        };
        let options = ReadOptions { format: Some(Format::Generic(map)), ..ReadOptions::lenient() };
        let (csv_table, _, csv_report) = read_table(csv_text.as_bytes(), "t", &options, &mut |_| {}).unwrap();
        let batch = RecordBatch::try_from_iter([
            ("drug", Arc::new(table.iter().map(|r| Some(DRUGS[r.0])).collect::<StringArray>()) as ArrayRef),
            ("quantity", Arc::new(table.iter().map(|r| Some(r.1.as_str())).collect::<StringArray>()) as ArrayRef),
            ("unit", Arc::new(table.iter().map(|r| Some(UNITS[r.2])).collect::<StringArray>()) as ArrayRef),
            ("date", Arc::new(table.iter().map(|r| Some(18_000 + r.3 as i32)).collect::<Date32Array>()) as ArrayRef),
            ("country", Arc::new(table.iter().map(|r| (r.4 < 2).then_some(COUNTRIES[r.4])).collect::<StringArray>()) as ArrayRef),
        ]).unwrap();
        let (arrow_table, report) = table_from_batches(&[batch], "t", &ReadOptions::lenient(), None).unwrap();
        prop_assert_eq!(rows(&arrow_table), rows(&csv_table));
        prop_assert!(report.balanced());
        prop_assert_eq!(
            (report.rows_read, report.rows_accepted, report.rows_rejected),
            (csv_report.rows_read, csv_report.rows_accepted, csv_report.rows_rejected)
        );
        // CSV lines count the header; Arrow rows do not.
        let csv_rejections: Vec<_> = csv_report.rejections.iter().map(|r| (r.line - 1, r.column.clone(), r.reason.clone())).collect();
        let arrow_rejections: Vec<_> = report.rejections.iter().map(|r| (r.line, r.column.clone(), r.reason.clone())).collect();
        prop_assert_eq!(arrow_rejections, csv_rejections);
    }
}
