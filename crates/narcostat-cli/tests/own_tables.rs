//! Users' own tables through the CLI: many files and glob patterns of mixed
//! layouts, `--column`, `--input-unit` and `--calendar`.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

fn reference(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file)
}

/// A fresh directory of this test (process and name).
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("narcostat-own-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs and returns (stdout, stderr), the run having succeeded.
fn run(cmd: &mut Command) -> (String, String) {
    let out = cmd.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

/// Exact micrograms of a `mass_kg` cell (`2228.295197245`): no floats.
fn micrograms(kg: &str) -> i128 {
    let (whole, frac) = kg.split_once('.').unwrap_or((kg, ""));
    assert!(frac.len() <= 9, "{kg}");
    whole.parse::<i128>().unwrap() * 1_000_000_000 + format!("{frac:0<9}").parse::<i128>().unwrap()
}

/// drug -> (micrograms, records) of a `summary --by drug --format csv` output.
fn by_drug(csv: &str) -> BTreeMap<String, (i128, u64)> {
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (drug, mass, records) = (col("drug"), col("mass_kg"), col("records"));
    rows.records()
        .map(|r| {
            let r = r.unwrap();
            let kg = if r[mass].is_empty() { 0 } else { micrograms(&r[mass]) };
            (r[drug].to_owned(), (kg, r[records].parse().unwrap()))
        })
        .collect()
}

/// Data rows of a text file (lines after the header that are not empty).
fn data_rows(path: &Path) -> u64 {
    std::fs::read_to_string(path).unwrap().lines().skip(1).filter(|l| !l.trim().is_empty()).count() as u64
}

fn summary_csv(files: &[&str], extra: &[&str]) -> (String, String) {
    run(narcostat().arg("summary").args(files).args(["--by", "drug", "--format", "csv"]).args(extra))
}

#[test]
fn a_glob_of_a_unodc_and_a_cbp_table_sums_the_runs_of_each() {
    let d = dir("mixed");
    let (unodc, cbp) = (d.join("a-unodc.csv"), d.join("b-cbp.csv"));
    std::fs::copy(reference("unodc-annual-2012-2016.csv"), &unodc).unwrap();
    std::fs::copy(reference("cbp-amo-fy19-fy22.csv"), &cbp).unwrap();
    // The pattern is passed quoted (no shell here): narcostat expands it.
    let pattern = d.join("*.csv").display().to_string();
    let (both, notes) = summary_csv(&[&pattern], &[]);
    let alone: Vec<_> =
        [&unodc, &cbp].iter().map(|p| by_drug(&summary_csv(&[&p.display().to_string()], &[]).0)).collect();
    let mut expected: BTreeMap<String, (i128, u64)> = BTreeMap::new();
    for (drug, (ug, n)) in alone.iter().flatten() {
        let e = expected.entry(drug.clone()).or_default();
        *e = (e.0 + ug, e.1 + n);
    }
    assert_eq!(by_drug(&both), expected);
    // pandas + Decimal on the raw files: UNODC heroin 406,836 kg plus the 224
    // CBP heroin rows, each lb x 453,592,370 µg rounded half to even to whole
    // µg = 407,618.292616846 kg; 591 + 224 records.
    assert_eq!(by_drug(&both)["Heroin"], (407_618_292_616_846, 591 + 224));
    // Accounting per file and in total, rows counted on the raw files.
    let (u, c) = (data_rows(&unodc), data_rows(&cbp));
    assert!(
        notes.contains(&format!("a-unodc.csv (unodc-subregional): {u} rows read = {u} accepted + 0 rejected")),
        "{notes}"
    );
    assert!(notes.contains(&format!("b-cbp.csv (cbp): {c} rows read = {c} accepted + 0 rejected")), "{notes}");
    let total = u + c;
    assert!(
        notes.contains(&format!(
            "total of 2 files (unodc-subregional+cbp): {total} rows read = {total} accepted + 0 rejected"
        )),
        "{notes}"
    );
}

#[test]
fn several_file_arguments_read_like_the_glob_and_check_reports_each_then_the_totals() {
    let (unodc, cbp) = (reference("unodc-annual-2012-2016.csv"), reference("cbp-amo-fy19-fy22.csv"));
    let files = [unodc.display().to_string(), cbp.display().to_string()];
    let (out, _) = run(narcostat().arg("check").args(&files));
    let (u, c) = (data_rows(&unodc), data_rows(&cbp));
    assert!(out.contains("Rows of the 2 files:"), "{out}");
    assert!(out.contains(&format!("total of 2 files (unodc-subregional+cbp): {} rows read", u + c)), "{out}");
    // convert writes the records of both files, in order.
    let (csv, _) = run(narcostat().arg("convert").args(&files).args(["--to", "csv"]));
    assert_eq!(csv.lines().skip(1).count() as u64, u + c);
}

#[test]
fn a_pattern_matching_nothing_exits_2_naming_it() {
    let pattern = dir("none").join("*.csv").display().to_string();
    let out = narcostat().args(["summary", &pattern]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{pattern}: the pattern matches no file")), "{err}");
}

/// A table no fixed layout and no header word describes; its figures by a naive sum.
const GERMAN: &str =
    "Stoff,Menge,Datum,Land\nHeroin,1.5,2021-03-04,IRN\nOpium,2,2021-03-05,IRN\nOpium,0.25,2021-04-01,AFG\n";

#[test]
fn column_mappings_and_the_input_unit_read_a_table_needing_them() {
    let path = dir("mapping").join("beschlagnahmen.csv");
    std::fs::write(&path, GERMAN).unwrap();
    let file = path.display().to_string();
    let mapping =
        ["--column", "drug=Stoff", "--column", "quantity=Menge", "--column", "date=Datum", "--column", "country=Land"];
    let (kg, _) = summary_csv(&[&file], &[&mapping[..], &["--input-unit", "kg"]].concat());
    let got = by_drug(&kg);
    assert_eq!(got["Opium"], (2_250_000_000, 2));
    assert_eq!(got["Heroin"], (1_500_000_000, 1));
    let (g, _) = summary_csv(&[&file], &[&mapping[..], &["--input-unit", "g"]].concat());
    assert_eq!(by_drug(&g)["Opium"], (2_250_000, 2));
    // A misspelt role is a usage error with the core's suggestion.
    let out = narcostat().args(["summary", &file, "--column", "drgu=Stoff"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("did you mean \"drug\""));
}

#[test]
fn solar_hijri_dates_are_read_with_the_calendar() {
    // Hand-converted: 1399/11/12 = 2021-01-31, 1399/12/10 = 2021-02-28,
    // 1399/12/30 = 2021-03-20, 1400/01/01 = 2021-03-21.
    let text = "date,drug,quantity,unit\n1399/11/12,Opium,10,kg\n1399/12/10,Opium,20,kg\n1399/12/30,Opium,30,kg\n1400/01/01,Opium,40,kg\n";
    let path = dir("hijri").join("iran.csv");
    std::fs::write(&path, text).unwrap();
    let file = path.display().to_string();
    let (out, _) =
        run(narcostat().args(["summary", &file, "--by", "month", "--format", "csv", "--calendar", "solar-hijri"]));
    let months: Vec<(String, String)> = out
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].to_owned(), cells[1].to_owned())
        })
        .collect();
    let expected =
        [("2021-01", "10"), ("2021-02", "20"), ("2021-03", "70")].map(|(m, kg)| (m.to_owned(), kg.to_owned()));
    assert_eq!(months, expected);
}

/// The issue's `--unit UNIT` gives bare numbers their unit (and is the
/// output's); `--input-unit` gives them another; `--decimal` and
/// `--delimiter` settle what sniffing cannot. Figures by hand from the cells.
#[test]
fn unit_decimal_and_delimiter_options_read_what_detection_cannot() {
    let d = dir("options");
    let bare = d.join("bare.csv");
    std::fs::write(&bare, "drug,quantity,date\nHeroin,2.5,2021-01-01\nHeroin,1.5,2021-01-02\n").unwrap();
    let s = bare.to_str().unwrap();
    let (csv, _) = summary_csv(&[s], &["--unit", "kg"]);
    assert_eq!(by_drug(&csv)["Heroin"], (micrograms("4"), 2), "{csv}");
    // Read as grams, shown in kg.
    let (csv, _) = summary_csv(&[s], &["--unit", "kg", "--input-unit", "g"]);
    assert_eq!(by_drug(&csv)["Heroin"], (micrograms("0.004"), 2), "{csv}");
    // Without a unit from anywhere: an error naming the flag.
    let out = narcostat().args(["summary", s, "--by", "drug"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--input-unit kg"));
    // 2,125 in a ';' file is ambiguous until the decimal mark is given.
    let semi = d.join("semi.csv");
    std::fs::write(&semi, "substance;weight (kg);year\nheroin;2,125;2019\nheroin;1.000,5;2019\n").unwrap();
    let s = semi.to_str().unwrap();
    let out = narcostat().args(["summary", s, "--by", "drug"]).output().unwrap();
    assert!(!out.status.success(), "an ambiguous 2,125 must not be guessed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2,125"));
    let (csv, _) = summary_csv(&[s], &["--decimal", "comma"]);
    assert_eq!(by_drug(&csv)["Heroin"], (micrograms("1002.625"), 2), "{csv}");
    // A '^'-delimited file reads with --delimiter.
    let caret = d.join("caret.csv");
    std::fs::write(&caret, "drug^quantity^unit^date\nOpium^7^kg^2021-01-01\n").unwrap();
    let (csv, _) = summary_csv(&[caret.to_str().unwrap()], &["--delimiter", "^"]);
    assert_eq!(by_drug(&csv)["Opium"], (micrograms("7"), 1), "{csv}");
}
