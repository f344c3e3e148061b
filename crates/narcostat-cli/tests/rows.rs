//! Row interpretation through the CLI (issue 11, defects 5, 9 and 11): wide
//! tables read every column or report it, total rows are stated totals, a bad
//! row counts once, garbage cells are errors that quote the value.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

/// A file in a directory of this test run.
fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("narcostat-rows-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(args: &[&str], path: &PathBuf) -> (bool, String, String) {
    let out = narcostat().args(args).arg(path).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn ok(args: &[&str], path: &PathBuf) -> String {
    let (success, stdout, stderr) = run(args, path);
    assert!(success, "{stderr}");
    stdout
}

/// `summary --by drug --format csv` as drug -> (mass_kg, volume_l, counts), where
/// counts is `kind=value` for each count column (`count_plants`, ...) the drug has.
fn summary_by_drug(path: &PathBuf) -> BTreeMap<String, (String, String, String)> {
    let out = ok(&["summary", "--by", "drug", "--format", "csv"], path);
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (mass, volume) = (col("mass_kg"), col("volume_l"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let counts: Vec<String> = header
                .iter()
                .zip(&f)
                .filter(|(h, v)| h.starts_with("count_") && !v.is_empty())
                .map(|(h, v)| format!("{}={v}", &h["count_".len()..]))
                .collect();
            (f[0].to_owned(), (f[mass].to_owned(), f[volume].to_owned(), counts.join(";")))
        })
        .collect()
}

const WIDE: &str = "Year,State,Heroin_Kg,Ganja_Kg,Cannabis_Plants,Alprazolam_Tablets,Codeine_L,Total_Kg\n";

#[test]
fn a_wide_table_reads_every_unit_and_does_not_sum_its_total_row() {
    let states = "2020,Punjab,10,5,400,1200,3.5,15\n2020,Assam,1,0,0,30,0,1\n";
    let path = write("wide.csv", format!("{WIDE}{states}2020,Total,11,5,400,1230,3.5,16\n").as_bytes());
    // Oracle: each drug column summed over the state rows, by hand from the text.
    let mut want = [0f64; 5];
    for line in states.lines() {
        for (k, cell) in line.split(',').skip(2).take(5).enumerate() {
            want[k] += cell.parse::<f64>().unwrap();
        }
    }
    let got = summary_by_drug(&path);
    let num = |s: &str| s.parse::<f64>().unwrap();
    // Issue 11: the plants, tablets and litre columns were dropped; the total row doubled heroin.
    assert_eq!(num(&got["Heroin"].0), want[0]);
    assert_eq!(num(&got["Cannabis herb"].0), want[1]);
    // Plants and tablets each in their own count column, never added together.
    assert_eq!(got["Cannabis plants"].2, format!("plants={}", want[2]));
    assert_eq!(got["Benzodiazepines"].2, format!("tablets={}", want[3]));
    assert_eq!(num(&got["Codeine"].1), want[4]);
    let check = ok(&["check"], &path);
    assert!(check.contains("3 rows read = 3 accepted + 0 rejected"), "{check}");
    assert!(check.contains("7 seizure records, 8 stated totals"), "{check}");
    assert!(check.contains("0 of 8 stated totals differ"), "{check}");
}

#[test]
fn a_flagged_total_row_is_checked_and_unread_columns_are_kept() {
    let text = "Year,State,Heroin_Kg,Ganja_Kg,Is_Total_Row,Total_Arrested\n\
                2020,Punjab,10,5,False,3\n2020,Assam,1,0,False,2\n2020,India,12,5,True,5\n";
    let path = write("flag.csv", text.as_bytes());
    let check = ok(&["check"], &path);
    // Issue 11: a flagged row's drug cells were discarded instead of checked.
    assert!(check.contains("1 of 2 stated totals differ"), "{check}");
    assert!(check.contains("stated exactly 12 kg, items 11 kg"), "{check}");
    // The column no field reads is kept with the records (`column:NAME`), not reported as unread.
    assert!(!check.contains("columns not read"), "{check}");
    let (_, out, stderr) = run(&["summary", "--by", "column:Total_Arrested", "--format", "csv"], &path);
    assert!(!stderr.contains("columns not read"), "{stderr}");
    assert!(out.contains("\n3,15,") && out.contains("\n2,1,"), "{out}");
    assert_eq!(summary_by_drug(&path)["Heroin"].0, "11");
}

#[test]
fn a_bad_wide_row_is_one_row_with_each_bad_cell_listed() {
    let path =
        write("bad-wide.csv", format!("{WIDE}2020,Punjab,ten,5,-4,1200,x,15\n2020,Assam,1,0,0,30,0,1\n").as_bytes());
    let check = ok(&["check", "--lenient"], &path);
    assert!(check.contains("2 rows read = 1 accepted + 1 rejected"), "{check}");
    assert!(check.contains(":2: 3 bad cells: column 3 (\"Heroin_Kg\"): cannot read \"ten\" as a number; column 5 (\"Cannabis_Plants\"): negative quantity \"-4\"; column 7 (\"Codeine_L\")"), "{check}");
    let (success, _, stderr) = run(&["summary", "--lenient", "--by", "drug"], &path);
    assert!(success);
    assert!(stderr.contains("1 of 2 rows rejected"), "{stderr}");
    let (success, _, stderr) = run(&["summary", "--by", "drug"], &path);
    assert!(!success && stderr.contains("bad-wide.csv:2: 3 bad cells"), "{stderr}");
}

const UNODC: &str = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n";
const CBP: &str =
    "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";

#[test]
fn garbage_cells_are_errors_naming_file_line_column_and_value() {
    for (name, text, expected) in [
        (
            "space.csv",
            format!("{UNODC}Asia,Iran,IRN,Opioids,Heroin,2018,12 5\n"),
            "space.csv:2:7 (column \"KG Equivalent\"): cannot read \"12 5\" as a number",
        ),
        (
            "quote.csv",
            format!("{CBP}2024,OCT,OFO,SW,Land,EL PASO,Fentanyl,1,1'2\n"),
            "quote.csv:2:9 (column \"Sum Qty (lbs)\"): cannot read \"1'2\" as a number",
        ),
        (
            "tiny.csv",
            format!("{UNODC}Asia,Iran,IRN,Opioids,Heroin,2018,1e-20\n"),
            "tiny.csv:2:7 (column \"KG Equivalent\"): quantity \"1e-20\" is not zero but below the smallest amount held",
        ),
        (
            "fy.csv",
            format!("{CBP}2024abc,OCT,OFO,SW,Land,EL PASO,Fentanyl,1,2\n"),
            "fy.csv:2:1 (column \"FY\"): invalid date or period \"2024abc\"",
        ),
        (
            "fyx.csv",
            format!("{CBP}20X4,OCT,OFO,SW,Land,EL PASO,Fentanyl,1,2\n"),
            "fyx.csv:2:1 (column \"FY\"): invalid date or period \"20X4\"",
        ),
        (
            "month.csv",
            format!("{CBP}2024,Octopus,OFO,SW,Land,EL PASO,Fentanyl,1,2\n"),
            "month.csv:2:2 (column \"Month (abbv)\"): invalid date or period \"Octopus\"",
        ),
        (
            "iso.csv",
            format!("{UNODC}Asia,,ZZZ,Opioids,Heroin,2018,5\n"),
            "iso.csv:2:3 (column \"ISO Code\"): unknown country \"ZZZ\"",
        ),
    ] {
        let path = write(name, text.as_bytes());
        for command in ["summary", "check"] {
            let (success, stdout, stderr) = run(&[command], &path);
            assert!(!success, "{name} {command}: accepted\n{stdout}");
            assert!(stderr.contains(expected), "{name} {command}: {stderr}");
        }
    }
}

#[test]
fn real_thousands_separators_and_month_names_still_read() {
    let path = write("ok.csv", format!("{UNODC}Asia,Iran,IRN,Opioids,Heroin,2018,\"1,234,567.5\"\n").as_bytes());
    assert_eq!(summary_by_drug(&path)["Heroin"].0, "1234567.5");
    let path = write("fytd.csv", format!("{CBP}2026 (FYTD),October,OFO,SW,Land,EL PASO,Fentanyl,1,2\n").as_bytes());
    let out = ok(&["summary", "--by", "month", "--format", "csv"], &path);
    assert!(out.lines().nth(1).unwrap().starts_with("2025-10,"), "{out}");
}

fn ndjson() -> String {
    let dataset = narcostat::seed::bulletin_2021_02();
    dataset.seizures.iter().map(|s| serde_json::to_string(s).unwrap() + "\n").collect()
}

#[test]
fn json_with_a_bom_and_ndjson_without_a_format_read() {
    let month = include_str!("../../narcostat/data/bulletin-2021-02.json");
    let bom = write("bom.json", format!("\u{feff}{month}").as_bytes());
    let plain = write("plain.json", month.as_bytes());
    let nd = write("month.ndjson", ndjson().as_bytes());
    let want = summary_by_drug(&plain);
    assert_eq!(want["Opium"].0, "47767");
    // Issue 11: a BOM before JSON was rejected; NDJSON needed --input-format.
    assert_eq!(summary_by_drug(&bom), want);
    assert_eq!(summary_by_drug(&nd), want);
    let check = ok(&["check"], &nd);
    assert!(check.contains("(ndjson): 7 rows read = 7 accepted + 0 rejected"), "{check}");
}

#[test]
fn a_line_of_invalid_utf8_is_one_rejected_ndjson_row() {
    let mut bytes = ndjson().into_bytes();
    bytes.extend_from_slice(b"{\"substance\": \"\xff\"}\n");
    bytes.extend_from_slice(ndjson().lines().next().unwrap().as_bytes());
    let path = write("bad.ndjson", &bytes);
    // Issue 11: one invalid line aborted a lenient read.
    let check = ok(&["check", "--lenient"], &path);
    assert!(check.contains("9 rows read = 8 accepted + 1 rejected"), "{check}");
    assert!(
        check.contains("rejected ") && check.contains("bad.ndjson:8:16: malformed row: invalid UTF-8 at byte 16"),
        "{check}"
    );
    let (success, _, stderr) = run(&["summary", "--lenient"], &path);
    assert!(success && stderr.contains("1 of 9 rows rejected"), "{stderr}");
}

/// `--country` takes a code or a name (the core's `CountryCode::from_str`) for
/// rows that name none; an unknown one is a usage error naming it.
#[test]
fn the_country_of_a_wide_table_is_a_code_or_a_name() {
    let path = write("india.csv", format!("{WIDE}2020,Punjab,10,5,400,1200,3.5,15\n").as_bytes());
    for country in ["IND", "india"] {
        let out = ok(&["summary", "--by", "country", "--format", "csv", "--country", country], &path);
        assert!(out.lines().nth(1).unwrap().starts_with("IND,India,"), "{out}");
    }
    let (success, _, stderr) = run(&["summary", "--country", "Atlantis"], &path);
    assert!(!success && stderr.contains("unknown country \"Atlantis\""), "{stderr}");
}
