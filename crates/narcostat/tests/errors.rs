//! Each cause of a reading error is produced by the matching bad input,
//! carries the file in its message and has the right `kind` (issue 12,
//! typed errors).
#![cfg(all(feature = "arrow", feature = "xlsx"))]

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use narcostat::read::{
    BatchError, ColumnMap, Format, ReadError, ReadOptions, RowError, SpreadsheetError, read_path, read_spreadsheet,
    read_str,
};
use narcostat::{Error, ErrorKind};
use std::error::Error as _;
use std::sync::Arc;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/fixtures").join(name)
}

/// The kinds of a reading error, through the crate-level error.
fn kinds(e: ReadError) -> (ErrorKind, &'static str, String) {
    let e = Error::from(e);
    (e.kind(), e.reason(), e.to_string())
}

#[test]
fn a_missing_file_is_io_not_found() {
    let e = read_path("/no/such/dir/seizures.csv", &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, ReadError::Io { .. }), "{e:?}");
    assert_eq!(e.kind(), "io");
    assert!(e.source().is_some());
    let (kind, reason, message) = kinds(e);
    assert_eq!((kind, reason), (ErrorKind::NotFound, "io"));
    assert!(message.contains("/no/such/dir/seizures.csv"), "{message}");
}

#[test]
fn a_corrupt_spreadsheet_is_a_spreadsheet_error_not_io() {
    // A real workbook cut in half: the zip's central directory is gone.
    let bytes = std::fs::read(fixture("cbp-fy24-fentanyl.xlsx")).unwrap();
    let e = read_spreadsheet(&bytes[..bytes.len() / 2], "cut.xlsx", None, &ReadOptions::default()).unwrap_err();
    assert!(matches!(&e, ReadError::Spreadsheet { source: SpreadsheetError::Workbook(_), .. }), "{e:?}");
    assert_eq!(e.kind(), "spreadsheet");
    assert_eq!(e.file(), "cut.xlsx");
    let (kind, reason, message) = kinds(e);
    assert_eq!((kind, reason), (ErrorKind::Parse, "spreadsheet"));
    assert!(message.contains("cut.xlsx"), "{message}");
}

#[test]
fn a_missing_sheet_is_a_spreadsheet_error_naming_the_sheets() {
    let bytes = std::fs::read(fixture("cbp-fy24-fentanyl.xlsx")).unwrap();
    let e = read_spreadsheet(&bytes, "cbp.xlsx", Some("Nope"), &ReadOptions::default()).unwrap_err();
    let ReadError::Spreadsheet { source: SpreadsheetError::NoSheet { sheet, sheets }, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(sheet, "Nope");
    assert!(!sheets.is_empty());
    assert!(e.to_string().contains("no sheet named \"Nope\""), "{e}");
}

#[test]
fn bad_json_is_a_json_error_with_its_place_and_source() {
    let e = read_str("{\"seizures\": [{\"substance\": }]}", "bad.json", &ReadOptions::default()).unwrap_err();
    let ReadError::Json { line, column, .. } = &e else { panic!("{e:?}") };
    assert_eq!((*line, *column), (1, 29));
    assert_eq!(e.kind(), "json");
    assert!(e.source().is_some_and(|s| s.is::<serde_json::Error>()));
    let (kind, reason, message) = kinds(e);
    assert_eq!((kind, reason), (ErrorKind::Parse, "json"));
    assert!(message.starts_with("bad.json:1:29: "), "{message}");
}

fn batch(drug: &str, kg: f64) -> Result<RecordBatch, arrow_schema::ArrowError> {
    RecordBatch::try_from_iter([
        ("drug", Arc::new(StringArray::from(vec![drug])) as ArrayRef),
        ("kg", Arc::new(Float64Array::from(vec![kg])) as ArrayRef),
        ("year", Arc::new(Int64Array::from(vec![2021])) as ArrayRef),
    ])
}

#[test]
fn batches_that_do_not_fit_together_are_an_arrow_error() {
    let other = RecordBatch::try_from_iter([
        ("drug", Arc::new(StringArray::from(vec!["Opium"])) as ArrayRef),
        ("litres", Arc::new(Float64Array::from(vec![1.0])) as ArrayRef),
        ("year", Arc::new(Int64Array::from(vec![2021])) as ArrayRef),
    ])
    .unwrap();
    let e =
        narcostat::arrow::read_batches(&[batch("Opium", 1.0).unwrap(), other], "frame", &ReadOptions::default(), None)
            .unwrap_err();
    let ReadError::Arrow { source: BatchError::Columns { batch, found, expected }, .. } = &e else { panic!("{e:?}") };
    assert_eq!(*batch, 2);
    assert_eq!(found, &["drug", "litres", "year"]);
    assert_eq!(expected, &["drug", "kg", "year"]);
    let (kind, reason, message) = kinds(e);
    assert_eq!((kind, reason), (ErrorKind::Parse, "arrow"));
    assert!(message.starts_with("frame: batch 2"), "{message}");
}

#[test]
fn a_bad_arrow_row_names_the_frame_row_index() {
    let batches = [batch("Opium", 1.0).unwrap(), batch("Heroin", -2.0).unwrap()];
    let e = narcostat::arrow::read_batches(&batches, "arrow", &ReadOptions::default(), None).unwrap_err();
    let r = e.rejection().unwrap();
    assert_eq!((r.line, r.row), (2, Some(1)));
    assert_eq!(e.kind(), "row");
    assert_eq!(e.reason(), "negative");
    assert!(e.to_string().starts_with("row 1 (column \"kg\"): negative quantity"), "{e}");
}

#[test]
fn a_header_that_is_not_utf8_is_a_csv_error_not_io() {
    let bytes: &[u8] = b"dr\xffug,kg\nOpium,1\n";
    let e = narcostat::read::read_dataset(bytes, "latin1.csv", &ReadOptions::default()).unwrap_err();
    assert!(matches!(&e, ReadError::Csv { .. }), "{e:?}");
    assert_eq!(e.kind(), "csv");
    assert!(e.source().is_some_and(|s| s.is::<csv::Error>()));
    let (kind, reason, message) = kinds(e);
    assert_eq!((kind, reason), (ErrorKind::Parse, "csv"));
    assert!(message.starts_with("latin1.csv: malformed CSV"), "{message}");
}

#[test]
fn a_bad_row_in_strict_mode_gives_its_reason_word() {
    let map = ColumnMap {
        substance: "drug".into(),
        quantity: "qty".into(),
        date: Some("date".into()),
        default_unit: Some("kg".into()),
        ..ColumnMap::default()
    };
    let options = ReadOptions { format: Some(Format::Generic(map)), ..Default::default() };
    let e = read_str("date,drug,qty\n2021-01-01,Opium,five\n", "rows.csv", &options).unwrap_err();
    assert_eq!((e.kind(), e.reason()), ("row", "bad_number"));
    assert_eq!(e.rejection().map(|r| r.reason.kind()), Some("bad_number"));
    let (kind, _, message) = kinds(e);
    assert_eq!(kind, ErrorKind::Parse);
    assert!(message.starts_with("rows.csv:2"), "{message}");
}

#[test]
fn an_unknown_substance_row_is_its_own_kind() {
    let e = Error::from(RowError::UnknownSubstance { name: "nitazenez".into(), suggestions: vec![] });
    assert_eq!((e.kind(), e.reason()), (ErrorKind::UnknownSubstance, "unknown_substance"));
}

#[test]
fn every_kind_has_a_distinct_word() {
    let words: std::collections::BTreeSet<&str> = ErrorKind::ALL.iter().map(|k| k.word()).collect();
    assert_eq!(words.len(), ErrorKind::ALL.len());
    for k in ErrorKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), serde_json::Value::String(k.word().to_owned()));
    }
}
