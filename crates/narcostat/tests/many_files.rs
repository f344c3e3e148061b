//! Many files read as one table: the same rows, in order, as each file read
//! alone; one report per file; patterns expanded or refused by name.

use narcostat::read::{ReadReport, expand_paths, open_datasets, open_table, open_tables};
use narcostat::spec::ReadSpec;
use narcostat::{Seizure, SeizureTable};
use std::path::PathBuf;

fn reference(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file)
}

#[test]
fn mixed_layouts_read_together_are_each_file_alone_in_order() {
    let paths = [
        reference("unodc-annual-2012-2016.csv"),
        reference("cbp-amo-fy19-fy22.csv"),
        reference("cbp-amo-fy23-fy26-dec.csv"),
    ];
    let spec = ReadSpec::default();
    let (table, _, reports) = open_tables(&paths, &spec, &mut |_| {}).unwrap();
    let alone: Vec<_> = paths.iter().map(|p| open_table(p, &spec, &mut |_| {}).unwrap()).collect();
    let expected: Vec<Seizure> = alone.iter().flat_map(|(t, _, _)| t.rows()).collect();
    assert_eq!(table.rows().collect::<Vec<_>>(), expected);
    assert_eq!(reports, alone.iter().map(|(_, _, r)| r.clone()).collect::<Vec<_>>());
    let total = ReadReport::total(&reports);
    assert!(total.balanced() && reports.iter().all(ReadReport::balanced));
    assert_eq!(total.rows_read, reports.iter().map(|r| r.rows_read).sum::<u64>());
    assert_eq!(total.format, "unodc-subregional+cbp");
    // concat of the tables read alone is the same table again.
    let parts: Vec<SeizureTable> = alone.into_iter().map(|(t, _, _)| t).collect();
    assert_eq!(SeizureTable::concat(&parts).unwrap().rows().collect::<Vec<_>>(), expected);
    // The records path (convert) gives as many records.
    let (data, _) = open_datasets(&paths, &spec).unwrap();
    assert_eq!(data.seizures.len(), table.len());
}

#[test]
fn the_first_file_that_fails_is_the_error_naming_it() {
    let paths = [reference("cbp-amo-fy19-fy22.csv"), reference("absent.csv")];
    let e = open_tables(&paths, &ReadSpec::default(), &mut |_| {}).unwrap_err();
    assert_eq!(e.kind(), "io");
    assert!(e.file().ends_with("absent.csv"), "{e}");
}

#[test]
fn patterns_expand_in_name_order_and_bad_ones_are_named() {
    let dir = reference("");
    let cbp = expand_paths(&[format!("{}cbp-*.csv", dir.display())]).unwrap();
    let names: Vec<_> = cbp.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let mut listed: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cbp-") && n.ends_with(".csv"))
        .collect();
    listed.sort();
    assert_eq!(names, listed);
    let bad = expand_paths(&["data/[.csv"]).unwrap_err();
    assert_eq!(bad.kind(), "bad_pattern");
    assert!(bad.to_string().starts_with("data/[.csv: invalid file pattern"), "{bad}");
    let none = expand_paths(&["nowhere/*.csv"]).unwrap_err();
    assert_eq!(none.to_string(), "nowhere/*.csv: the pattern matches no file");
    assert_eq!(narcostat::Error::from(none).kind(), narcostat::ErrorKind::Query);
}
