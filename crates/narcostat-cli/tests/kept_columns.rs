//! `column:NAME` through the CLI: the UNODC table's own `Region` in `--by`
//! and `--where`, an unknown column's error, and `convert` writing the kept
//! columns. The expected figures are pandas' on the raw file:
//! `b[(b.Year == 2018) & (b.Drug == "Heroin")].groupby("Region")["KG Equivalent"].sum()`
//! gives Europe 29382.555064999 and Asia 52831.8759006 (summed as `Decimal`).
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::path::PathBuf;

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

fn reference(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file).display().to_string()
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn summary(by: &str, filter: &str) -> String {
    let unodc = reference("unodc-annual-1970-2019.csv");
    let args = ["summary", &unodc, "--by", by, "--where", filter, "--period", "2018", "--format", "csv"];
    stdout(narcostat().args(args))
}

#[test]
fn by_the_files_region_heroin_2018_matches_pandas() {
    let csv = summary("column:Region", "drug=heroin");
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("column:Region,mass_kg,"), "{csv}");
    let kg = |region: &str| {
        let row = csv.lines().find(|l| l.starts_with(&format!("{region},"))).unwrap();
        row.split(',').nth(1).unwrap().to_owned()
    };
    assert_eq!(kg("Europe"), "29382.555064999");
    assert_eq!(kg("Asia"), "52831.8759006");
}

#[test]
fn where_on_the_files_region_keeps_its_rows() {
    let csv = summary("drug", "drug=heroin,column:region=Europe");
    let row = csv.lines().find(|l| l.starts_with("Heroin,")).unwrap();
    assert_eq!(row.split(',').nth(1).unwrap(), "29382.555064999", "{csv}");
}

#[test]
fn an_unknown_column_names_the_kept_ones() {
    let unodc = reference("unodc-annual-1970-2019.csv");
    let out = narcostat().args(["summary", &unodc, "--by", "column:Regio"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"Regio\"") && err.contains("did you mean Region") && err.contains("Drug Group"), "{err}");
}

#[test]
fn convert_writes_the_kept_columns() {
    let unodc = reference("unodc-annual-2012-2016.csv");
    let csv = stdout(narcostat().args(["convert", &unodc, "--to", "csv"]));
    let header = csv.lines().next().unwrap();
    // UNODC's DrugGroup is named like the record column drug_group: written with the kept-column prefix.
    assert!(header.ends_with(",destination,Region,SubRegion,column:DrugGroup"), "{header}");
    let afghan = csv.lines().nth(1).unwrap();
    assert!(afghan.ends_with(",Asia,Near and Middle East/ South-West Asia,Opioids"), "{afghan}");
}
