//! Reading CSV through the CLI: `summary` (the parallel table reader) and
//! `check` (the one-pass records reader) see the same rows, at the same
//! lines, for the hostile files.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::path::PathBuf;

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

/// Writes `text` to a fresh file named `name` and returns its path.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("narcostat-reader-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// (exit code, stdout, stderr)
fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

/// The rows of `summary --format csv`, each cell by its column's name.
fn summary_rows(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| header.iter().map(str::to_owned).zip(r.unwrap().iter().map(str::to_owned)).collect())
        .collect()
}

const UNODC_HEADER: &str = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent";

/// Issue #11, defect 2: a stray quote in an unquoted field
/// (`Cote d"Ivoire`) made the parallel reader cut inside a later quoted
/// field and print an invented 999 kg of heroin; `summary` and `check`
/// disagreed on the row count.
#[test]
fn summary_and_check_agree_on_the_stray_quote_file() {
    let unit = "Africa,Cote d\"Ivoire,CIV,Cannabis-type,Marijuana (herb),2018,10\n\
                \"x\nAsia,Iran,IRN,Opioids,Heroin,2018,999\ny\",Iran,IRN,Opioids,Heroin,2018,5\n";
    let copies = 2000;
    let path = file("stray-quote.csv", &format!("{UNODC_HEADER}\n{}", unit.repeat(copies)));
    let (code, out, err) = run(narcostat().args(["summary", "--by", "drug", "--format", "csv"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    let rows = summary_rows(&out);
    let heroin = rows.iter().find(|r| r["drug"] == "Heroin").unwrap();
    // The oracle: each copy holds one row of 5 kg of heroin and one of 10 kg of herb.
    assert_eq!(heroin["mass_kg"], (5 * copies).to_string(), "{out}");
    assert_eq!(heroin["max_mass_kg"], "5", "largest heroin seizure: {out}");
    let records: usize = rows.iter().map(|r| r["records"].parse::<usize>().unwrap()).sum();
    assert_eq!(records, 2 * copies);
    let (code, out, err) = run(narcostat().arg("check").arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("{} rows read = {} accepted + 0 rejected", 2 * copies, 2 * copies)), "{out}");
}

/// Issue #11, defect 9: blank lines shifted line numbers (a bad row on line
/// 5 was reported on line 2), and `summary --lenient` pointed to `check`,
/// which then showed nothing. Both now name the row's own line.
#[test]
fn a_bad_row_after_blank_lines_is_reported_on_its_line_by_summary_and_check() {
    let path = file(
        "blank-lines.csv",
        &format!(
            "{UNODC_HEADER}\r\nAsia,Iran,IRN,Opioids,Heroin,2018,1\r\n\r\n\r\nAsia,Iran,IRN,Opioids,Heroin,2018,abc\r\n"
        ),
    );
    let name = path.display().to_string();
    let expected = format!("rejected {name}:5:7 (column \"KG Equivalent\"): cannot read \"abc\" as a number");
    let (code, _, err) = run(narcostat().args(["summary", "--lenient"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 of 2 rows rejected") && err.contains(&expected), "{err}");
    let (code, out, err) = run(narcostat().args(["check", "--lenient"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 rows read = 1 accepted + 1 rejected") && out.contains(&expected), "{out}");
    let (code, _, err) = run(narcostat().arg("summary").arg(&path));
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{name}:5:7")), "{err}");
}

/// Issue #11, defect 9: a row the table cannot hold was reported as
/// `file:0: record N` (N counted within one block) by `summary`, and
/// `check` accepted it. Both now reject it at its line, with the value.
#[test]
fn a_row_the_table_cannot_hold_is_rejected_at_its_line_everywhere() {
    let header =
        "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)";
    let row = |events: &str| {
        format!("2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,{events},10\n")
    };
    let mut text = format!("{header}\n");
    for _ in 0..50 {
        text.push_str(&row("2"));
    }
    text.push_str(&row("5000000000")); // line 52
    let path = file("too-many-events.csv", &text);
    let name = path.display().to_string();
    let expected = format!(
        "rejected {name}:52:8 (column \"Count of Event\"): 5000000000 seizure events in one record is more than the table holds"
    );
    let (code, out, err) =
        run(narcostat().args(["summary", "--lenient", "--by", "drug", "--format", "csv"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 of 51 rows rejected") && err.contains(&expected), "{err}");
    assert_eq!(summary_rows(&out)[0]["records"], "50", "{out}");
    let (code, out, err) = run(narcostat().args(["check", "--lenient"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("51 rows read = 50 accepted + 1 rejected") && out.contains(&expected), "{out}");
    let (code, _, err) = run(narcostat().arg("summary").arg(&path));
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{name}:52:8 ")) && !err.contains(":0:"), "{err}");
}

/// More rejected rows than the note lists: it says how to see them all.
#[test]
fn the_lenient_note_lists_the_first_rejections_and_points_to_check() {
    let mut text = format!("{UNODC_HEADER}\n");
    for _ in 0..8 {
        text.push_str("Asia,Iran,IRN,Opioids,Heroin,2018,abc\n");
    }
    let path = file("many-bad.csv", &text);
    let (code, _, err) = run(narcostat().args(["summary", "--lenient"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("  rejected ").count(), 5, "{err}");
    assert!(err.contains("... and 3 more (run `narcostat check --lenient"), "{err}");
}
