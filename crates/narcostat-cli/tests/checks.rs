//! `check` and `bulletin --data` as users run them: duplicate groups,
//! outliers per drug in their country, records the table cannot hold.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const CBP: &str =
    "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

fn reference(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file)
}

/// A file in a fresh directory of this test process.
fn write(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("narcostat-checks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail with exit code 1; its stderr.
fn failure(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

fn check(path: &Path) -> String {
    stdout(narcostat().arg("check").arg(path))
}

// ---- defect 3: the bulletin never shows 0 kg for data it could not read ----

#[test]
fn bulletin_data_fails_on_a_record_of_five_billion_events() {
    let good = "2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Heroin,1,100\n";
    let huge = "2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Cocaine,5000000000,7\n";
    let path = write("events.csv", &format!("{CBP}{good}{huge}"));
    let err = failure(narcostat().args(["bulletin", "--data"]).arg(&path));
    let name = path.display().to_string();
    assert!(
        err.contains(&format!(
            "{name}:3:8 (column \"Count of Event\"): 5000000000 seizure events in one record is more than the table holds"
        )),
        "{err}"
    );
    // Lenient checking counts it as rejected, with its line.
    let out = stdout(narcostat().args(["check", "--lenient"]).arg(&path));
    assert!(out.contains("2 rows read = 1 accepted + 1 rejected"), "{out}");
    assert!(
        out.contains(&format!("rejected {name}:3:8 (column \"Count of Event\"): 5000000000 seizure events")),
        "{out}"
    );
}

#[test]
fn bulletin_data_fails_on_a_period_longer_than_the_table_holds() {
    let record = |period: &str| {
        format!(
            r#"{{"substance": {{"drug": "heroin", "name": "Heroin"}}, "quantity": "100 kg", "period": {period}, "place": {{"country": "IRN"}}}}"#
        )
    };
    let json = format!(
        r#"{{"seizures": [{}, {}]}}"#,
        record(r#"{"start": "2020-01-01", "end": "2020-01-31"}"#),
        record(r#"{"start": "1800-01-01", "end": "2020-01-31"}"#)
    );
    let path = write("long.json", &json);
    let err = failure(narcostat().args(["bulletin", "--data"]).arg(&path));
    assert!(err.contains("seizure record 2: period 1800-01-01..2020-01-31"), "{err}");
    assert!(!err.contains("0 kg"), "{err}");
}

// ---- defect 4: duplicate groups, not pairs; bounded time and memory ----

fn twenty_thousand_components() -> PathBuf {
    let mut csv = CBP.to_owned();
    for i in 0..20_000 {
        csv.push_str(&format!("2024,OCT,Component {i},Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,1,10.5\n"));
    }
    write("components.csv", &csv)
}

#[test]
fn check_reports_one_seizure_from_20000_components_as_one_group() {
    let path = twenty_thousand_components();
    let name = path.display().to_string();
    let out = check(&path);
    assert!(out.contains("1 groups of likely duplicate records (20000 records)"), "{out}");
    let line = out.lines().find(|l| l.contains("20000 records from 20000 agencies or documents")).unwrap();
    assert!(line.starts_with("    Fentanyl, EL PASO FIELD OFFICE, 2023-10-01..2023-10-31, 10.5 lb"), "{line}");
    assert!(line.contains(&format!("at {name}:2, {name}:3,")), "{line}");
    assert!(line.ends_with(&format!("{name}:11 and 19990 more")), "{line}");
}

#[test]
fn bulletin_data_on_20000_components_gives_one_duplicate_finding() {
    let path = twenty_thousand_components();
    let out = stdout(narcostat().args(["bulletin", "--data"]).arg(&path));
    assert_eq!(out.matches("Likely the same seizure reported more than once").count(), 1, "{out}");
    assert!(out.contains("20000 records from 20000 agencies or documents"), "{out}");
}

// ---- defect 7: the checks do what their text says ----

#[test]
fn check_lists_the_same_row_twice_as_a_duplicate_group() {
    let row = "Asia,Iran (Islamic Republic of),IRN,Opioids,Heroin,2018,100\n";
    let other = "Asia,Iran (Islamic Republic of),IRN,Opioids,Opium,2018,100\n";
    let path =
        write("twice.csv", &format!("Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n{row}{other}{row}"));
    let name = path.display().to_string();
    let out = check(&path);
    assert!(out.contains("1 groups of likely duplicate records (2 records)"), "{out}");
    assert!(out.contains(&format!("2 identical records at {name}:2, {name}:4")), "{out}");
}

/// The raw rows that occur more than once, as pandas' `duplicated(keep=False)`
/// finds them: (distinct duplicated rows, rows involved), from the csv crate alone.
fn identical_raw_rows(path: &Path, delimiter: u8) -> (usize, usize) {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_path(path).unwrap();
    let mut counts: HashMap<Vec<String>, usize> = HashMap::new();
    for record in reader.records() {
        *counts.entry(record.unwrap().iter().map(str::to_owned).collect()).or_default() += 1;
    }
    let repeated: Vec<usize> = counts.into_values().filter(|&n| n > 1).collect();
    (repeated.len(), repeated.iter().sum())
}

#[test]
fn check_duplicates_are_the_identical_raw_rows_of_the_reference_files() {
    for (file, delimiter) in [
        ("unodc-annual-1970-2019.csv", b','),
        ("unodc-annual-2012-2016.csv", b';'),
        ("cbp-nationwide-fy23-fy26-dec.csv", b','),
        ("cbp-amo-fy19-fy22.csv", b','),
    ] {
        let path = reference(file);
        let (groups, rows) = identical_raw_rows(&path, delimiter);
        let out = check(&path);
        let expected = format!("{groups} groups of likely duplicate records ({rows} records)");
        assert!(out.contains(&expected), "{file}: expected {expected:?}\n{out}");
    }
}

#[test]
fn check_outliers_are_per_drug_in_their_country() {
    let mut csv = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n".to_owned();
    // Iran seizes heroin by the tonne, Afghanistan by the kilogram.
    for (year, kg) in [(2015, 5000), (2016, 4000), (2017, 6000)] {
        csv.push_str(&format!("Asia,Iran,IRN,Opioids,Heroin,{year},{kg}\n"));
    }
    for (year, kg) in [(2015, 2), (2016, 3), (2017, 4), (2018, 5000)] {
        csv.push_str(&format!("Asia,Afghanistan,AFG,Opioids,Heroin,{year},{kg}\n"));
    }
    let path = write("outliers.csv", &csv);
    let name = path.display().to_string();
    let out = check(&path);
    assert!(out.contains("1 records over 100 times the median of their drug in their country"), "{out}");
    assert!(
        out.contains(&format!(
            "{name}:8: Heroin in AFG, 2018-01-01..2018-12-31: 5000 kg is 1250 times the median 4 kg"
        )),
        "{out}"
    );
}

#[test]
fn check_flags_nothing_on_a_clean_cbp_file() {
    let out = check(&reference("cbp-nationwide-fy23-fy26-dec.csv"));
    assert!(out.contains("7895 seizure records, 0 stated totals, 0 without a quantity, 0 flagged"), "{out}");
    assert!(out.contains("0 groups of likely duplicate records (0 records)"), "{out}");
}
