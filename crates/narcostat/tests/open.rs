//! `read::open_table` / `read::open_dataset`: the one place that picks a
//! reader for a path, checked against a second path (records read one by
//! one, then tabled) and against the raw files counted with the csv crate.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers fail the test on a bad case")]

use narcostat::read::{ReadError, open_dataset, open_table};
use narcostat::spec::{ReadSpec, SpecError};
use narcostat::{Granularity, GroupKey, Query, SeizureTable};
use std::path::PathBuf;

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data").join(path)
}

/// Data rows of a CSV file, counted by the csv crate (BOM and delimiter by hand).
fn csv_rows(path: &PathBuf) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    let header = text.lines().next().unwrap();
    let delimiter = if header.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    reader.records().filter(|r| r.as_ref().is_ok_and(|r| r.iter().any(|f| !f.trim().is_empty()))).count() as u64
}

#[test]
fn every_reference_table_opens_alike_by_both_paths() {
    let by = Query::by(&[GroupKey::Drug, GroupKey::Country, GroupKey::Time(Granularity::Year)]);
    let mut checked = 0;
    for entry in std::fs::read_dir(data("reference")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        let spec = ReadSpec { lenient: true, ..ReadSpec::default() };
        let mut progress_calls = 0;
        let (table, totals, report) = open_table(&path, &spec, &mut |_| progress_calls += 1).unwrap();
        let (dataset, report2) = open_dataset(&path, &spec).unwrap();
        assert!(report.balanced(), "{}", path.display());
        assert_eq!(report.rows_read, csv_rows(&path), "{}", path.display());
        assert_eq!(
            (report.rows_read, report.rows_accepted, report.seizures, &report.format),
            (report2.rows_read, report2.rows_accepted, report2.seizures, &report2.format),
            "{}",
            path.display()
        );
        // Tables keep no sources; the totals are otherwise the same.
        let unsourced: Vec<_> =
            dataset.reported_totals.iter().cloned().map(|t| narcostat::ReportedTotal { source: None, ..t }).collect();
        assert_eq!(totals, unsourced, "{}", path.display());
        let second = SeizureTable::from_seizures(&dataset.seizures).unwrap();
        assert_eq!(table.aggregate(&by).unwrap().groups, second.aggregate(&by).unwrap().groups, "{}", path.display());
        assert!(progress_calls > 0, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 7, "{checked} reference tables");
}

#[test]
fn a_spreadsheet_opens_by_its_extension_and_matches_the_csv_it_came_from() {
    let (table, _, report) =
        open_table(data("fixtures/cbp-fy24-fentanyl.xlsx"), &ReadSpec::default(), &mut |_| {}).unwrap();
    assert_eq!(report.format, "cbp");
    // The raw CSV's FY2024 fentanyl rows, and their events, by the csv crate.
    let csv = data("reference/cbp-nationwide-fy23-fy26-dec.csv");
    let mut reader = csv::Reader::from_path(csv).unwrap();
    let (mut rows, mut events) = (0u64, 0u64);
    for r in reader.records() {
        let r = r.unwrap();
        if r[0].trim() == "2024" && r[6].trim().eq_ignore_ascii_case("fentanyl") {
            rows += 1;
            events += r[7].trim().parse::<u64>().unwrap();
        }
    }
    assert!(rows > 0);
    assert_eq!(report.rows_read, rows);
    let total = table.aggregate(&Query::default()).unwrap();
    assert_eq!(total.groups.len(), 1);
    assert_eq!(total.groups[0].measures.seizures, events);
    let (dataset, _) = open_dataset(data("fixtures/cbp-fy24-fentanyl.xlsx"), &ReadSpec::default()).unwrap();
    assert_eq!(dataset.seizures.len() as u64, report.seizures);
}

#[test]
fn the_sheet_is_chosen_by_the_spec() {
    let path = data("fixtures/iran-sample.xlsx");
    // As a JS options object or a Python dict would give it.
    let spec: ReadSpec = serde_json::from_str(
        r#"{"sheet": "Iran", "country": "Iran", "format": {"generic": {"substance": "drug", "quantity": "amount",
            "unit": "unit", "date": "date", "province": "province"}}}"#,
    )
    .unwrap();
    let (dataset, report) = open_dataset(&path, &spec).unwrap();
    assert_eq!(report.rows_read, 3, "three made-up rows on the sheet \"Iran\"");
    assert_eq!(dataset.seizures.len(), 3);
    assert_eq!(dataset.seizures[2].place.province.as_deref(), Some("IR-13"));
    let (table, _, _) = open_table(&path, &spec, &mut |_| {}).unwrap();
    assert_eq!(table.len(), 3);
    // The first sheet is empty: nothing to detect.
    assert!(open_dataset(&path, &ReadSpec::default()).is_err());
    let missing = ReadSpec { sheet: Some("Nowhere".into()), ..spec };
    let err = open_table(&path, &missing, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("Nowhere"), "{err}");
}

#[test]
fn json_opens_as_records_and_bad_options_or_paths_are_errors() {
    let dir = std::env::temp_dir().join(format!("narcostat-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = narcostat::seed::bulletin_2021_02();
    let path = dir.join("bulletin.json");
    std::fs::write(&path, narcostat::write::dataset_json(&seed)).unwrap();
    let (table, _, report) = open_table(&path, &ReadSpec::default(), &mut |_| {}).unwrap();
    assert_eq!(report.seizures, seed.seizures.len() as u64);
    let expected = SeizureTable::from_seizures(&seed.seizures).unwrap();
    let by = Query::by(&[GroupKey::Drug]);
    assert_eq!(table.aggregate(&by).unwrap().groups, expected.aggregate(&by).unwrap().groups);
    std::fs::remove_dir_all(&dir).unwrap();

    let bad = ReadSpec { delimiter: Some('é'), ..ReadSpec::default() };
    let err = open_table(data("reference/unodc-annual-2012-2016.csv"), &bad, &mut |_| {}).unwrap_err();
    assert!(matches!(err, ReadError::Options { source: SpecError::Delimiter { value: 'é' }, .. }), "{err:?}");
    let err = open_dataset(data("reference/no-such-file.csv"), &ReadSpec::default()).unwrap_err();
    assert!(matches!(err, ReadError::Io { .. }), "{err:?}");
}
