//! Issue 11, defects 8, 10 and 12 through the CLI: out-of-range and reversed
//! periods, silent empties and dropped filters, unsafe CSV and terminal output.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::path::PathBuf;

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

/// Runs a command; its exit code, stdout and stderr.
fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// Writes `content` to a file of its own for this test.
fn file(test: &str, name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("narcostat-periods-output-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

const UNODC_HEADER: &str = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n";
const CBP_HEADER: &str =
    "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";

/// A UNODC annual table of (country code, drug, year, kg) rows.
fn unodc(rows: &[(&str, &str, i32, u64)]) -> String {
    let mut text = UNODC_HEADER.to_owned();
    for (iso, drug, year, kg) in rows {
        text.push_str(&format!("Asia,{iso},{iso},Opioids,{drug},{year},{kg}\n"));
    }
    text
}

fn path_str(p: &std::path::Path) -> String {
    p.display().to_string()
}

#[test]
fn out_of_range_and_reversed_periods_are_usage_errors_everywhere() {
    let data = path_str(&file("ranges", "u.csv", &unodc(&[("IRN", "Opium", 2018, 100)])));
    for period in ["10000", "9999", "FY3000", "1582", "3000-01", "2021..2020", "2018-03-01..2018-02-28"] {
        let commands: Vec<Vec<&str>> = vec![
            vec!["bulletin", "--period", period],
            vec!["summary", &data, "--period", period],
            vec!["top", &data, "--period", period],
            vec!["trend", &data, "--period", period],
            vec!["compare", &data, "--period", period, "--vs", "2017"],
            vec!["compare", &data, "--period", "2018", "--vs", period],
        ];
        for args in commands {
            let (code, out, err) = run(narcostat().args(&args));
            assert_eq!(code, Some(2), "{args:?}: {out}{err}");
            assert!(out.is_empty(), "{args:?}: {out}");
            assert!(err.contains(&format!("{period:?}")) || err.contains("reversed"), "{args:?}: {err}");
            let why = if period.contains("..") { "is reversed: it ends before it starts" } else { "supported range" };
            assert!(err.contains(why), "{args:?}: {err}");
            assert!(!err.contains("1969") && !err.contains("65,536"), "{args:?}: {err}");
        }
    }
}

#[test]
fn the_supported_range_ends_are_accepted() {
    let data = path_str(&file("ends", "u.csv", &unodc(&[("IRN", "Opium", 1583, 3), ("IRN", "Opium", 2999, 4)])));
    let (code, out, err) =
        run(narcostat().args(["summary", &data, "--by", "year", "--period", "1583..2999", "--format", "csv"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("\n1583,3,") && out.contains("\n2999,4,"), "{out}");
}

#[test]
fn a_year_outside_the_range_is_a_rejected_row_with_its_reason() {
    let rows = [
        ("IRN", "Opium", 2018, 100),
        ("IRN", "Heroin", 9999, 50),
        ("AFG", "Opium", 2018, 7),
        ("IRN", "Opium", 1399, 9),
    ];
    let data = path_str(&file("row", "bad-years.csv", &unodc(&rows)));
    // Strict: the first bad row stops the command, with file, line, column and reason.
    let (code, _, err) = run(narcostat().args(["summary", &data]));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("bad-years.csv:3:6") && err.contains("\"9999\""), "{err}");
    assert!(err.contains("outside the supported range 1583-01-01..2999-12-31"), "{err}");
    // Lenient: the other rows are summed, exactly as a naive sum over the supported years.
    let expected: u64 = rows.iter().filter(|r| (1583..=2999).contains(&r.2)).map(|r| r.3).sum();
    let (code, out, err) = run(narcostat().args(["summary", "--lenient", &data, "--by", "", "--format", "csv"]));
    assert_eq!(code, Some(0), "{err}");
    let total: u64 = out.lines().nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
    assert_eq!(total, expected, "{out}");
    assert!(err.contains("2 of 4 rows rejected"), "{err}");
    // check lists both rows, the 1399 one with a hint at the Solar Hijri calendar.
    let (code, out, err) = run(narcostat().args(["check", "--lenient", &data]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("4 rows read = 2 accepted + 2 rejected"), "{out}");
    let sh = out.lines().find(|l| l.contains("bad-years.csv:5:6")).unwrap();
    assert!(sh.contains("Solar Hijri") && sh.contains("SH1399"), "{sh}");
}

#[test]
fn a_reversed_or_out_of_range_period_in_json_is_an_error_at_its_line() {
    let seed = include_str!("../../narcostat/data/bulletin-2021-02.json");
    let original = "\"period\": { \"start\": \"2021-01-30\", \"end\": \"2021-02-28\" }";
    let line = seed.lines().position(|l| l.contains(original)).unwrap() + 1;
    for (name, period, why) in [
        ("reversed.json", "\"period\": { \"start\": \"2021-02-28\", \"end\": \"2021-01-30\" }", "reversed"),
        ("beyond.json", "\"period\": { \"start\": \"2021-02-28\", \"end\": \"9999-01-30\" }", "supported range"),
    ] {
        let path = file("json-period", name, &seed.replacen(original, period, 1));
        for args in [vec!["convert", &path_str(&path), "--to", "csv"], vec!["bulletin", "--data", &path_str(&path)]] {
            let (code, out, err) = run(narcostat().args(&args));
            assert_eq!(code, Some(1), "{args:?}: {out}{err}");
            assert!(err.contains(&format!("{name}:{line}:")) && err.contains(why), "{err}");
        }
    }
}

#[test]
fn json_without_records_or_with_a_misspelt_key_is_an_error() {
    for (name, text, expected) in [
        ("empty.json", "{}", "has no \"seizures\", \"reported_totals\" or \"activities\" key"),
        ("sources.json", "{\"sources\": []}", "has no \"seizures\""),
        (
            "misspelt.json",
            "{\"seizure\": [{\"substance\": {\"drug\": \"opium\", \"name\": \"Opium\"}}]}",
            "unknown top-level key \"seizure\" (did you mean \"seizures\"?)",
        ),
    ] {
        let path = path_str(&file("json-keys", name, text));
        for args in [vec!["summary", &path], vec!["bulletin", "--data", &path], vec!["check", &path]] {
            let (code, out, err) = run(narcostat().args(&args));
            assert_eq!(code, Some(1), "{args:?}: {out}{err}");
            assert!(err.contains(name) && err.contains(expected), "{args:?}: {err}");
            assert!(out.is_empty(), "{out}");
        }
    }
}

#[test]
fn a_filter_without_a_value_is_a_usage_error_not_a_dropped_filter() {
    let data = path_str(&file("filter", "u.csv", &unodc(&[("IRN", "Opium", 2018, 100)])));
    for filter in ["drug=", "drug=|", "country=IRN,drug= "] {
        for args in [
            vec!["summary", &data, "--where", filter],
            vec!["compare", &data, "--period", "2018", "--vs", "2017", "--where", filter],
        ] {
            let (code, out, err) = run(narcostat().args(&args));
            assert_eq!(code, Some(2), "{args:?}: {out}{err}");
            assert!(err.contains("has no value"), "{err}");
        }
    }
}

#[test]
fn comparing_months_on_yearly_data_says_every_record_straddles() {
    let rows = [
        ("IRN", "Opium", 2018, 100),
        ("IRN", "Heroin", 2018, 20),
        ("AFG", "Opium", 2018, 7),
        ("IRN", "Opium", 2017, 90),
        ("IRN", "Opium", 2016, 80),
    ];
    let data = path_str(&file("straddle", "yearly.csv", &unodc(&rows)));
    let (code, out, err) =
        run(narcostat().args(["compare", &data, "--period", "2018-03", "--vs", "2018-02", "--format", "csv"]));
    assert_eq!(code, Some(0), "{err}");
    // The total is its own row, last, flagged by is_total (its keys empty).
    let total = out.lines().last().unwrap();
    assert!(total.starts_with(",0,0,0,") && total.ends_with(",true"), "{out}");
    // Naively: a year overlaps a month of it without lying inside it.
    let in_2018 = rows.iter().filter(|r| r.2 == 2018).count();
    let others = rows.len() - in_2018;
    for which in ["current period", "previous period"] {
        let note = format!(
            "{which}: {} rows: 0 aggregated, {others} outside the period, {in_2018} straddling the period's edges (not added)",
            rows.len()
        );
        assert!(err.contains(&note), "{note}\n{err}");
    }
    // Whole years attribute everything and need no note.
    let (code, out, err) =
        run(narcostat().args(["compare", &data, "--period", "2018", "--vs", "2017", "--format", "csv"]));
    assert_eq!(code, Some(0), "{err}");
    let expected: u64 = rows.iter().filter(|r| r.2 == 2018).map(|r| r.3).sum();
    assert!(out.lines().last().unwrap().starts_with(&format!(",{expected},90,")), "{out}");
    assert!(!err.contains("straddling"), "{err}");
}

/// A CBP table whose text cells are formulas, with FY2023 10 lb and FY2024 5 lb.
fn formula_cbp() -> String {
    format!(
        "{CBP_HEADER}2023,OCT,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",X,Y,@SUM(1+1),Methamphetamine,1,10\n\
         2024,OCT,+cmd,X,Y,-2+3,Methamphetamine,1,5\n"
    )
}

#[test]
fn csv_output_neutralises_formulas_in_text_cells_only() {
    let data = path_str(&file("formula", "cbp.csv", &formula_cbp()));
    let dangerous = |cell: &str| cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    for args in [
        vec!["summary", &data, "--by", "agency,locality", "--format", "csv"],
        vec!["convert", &data, "--to", "csv"],
        vec!["top", &data, "--by", "locality", "--format", "csv"],
    ] {
        let (code, out, err) = run(narcostat().args(&args));
        assert_eq!(code, Some(0), "{args:?}: {err}");
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let cells: Vec<String> =
            reader.records().flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>()).collect();
        assert!(!cells.iter().any(|c| dangerous(c)), "{args:?}: {out}");
        for neutralised in ["'@SUM(1+1)", "'-2+3"] {
            assert!(cells.iter().any(|c| c == neutralised), "{args:?}: {neutralised} in {out}");
        }
    }
    let (_, out, _) = run(narcostat().args(["convert", &data, "--to", "csv"]));
    assert!(out.contains("'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")") && out.contains(",'+cmd,"), "{out}");
    // A negative number stays a number: the change from FY2023 to FY2024, 5 lb less.
    let (code, out, err) = run(narcostat().args(["trend", &data, "--by", "fiscal-year", "--format", "csv"]));
    assert_eq!(code, Some(0), "{err}");
    let change: f64 = out.lines().nth(2).unwrap().split(',').nth(2).unwrap().parse().unwrap();
    assert!((change - (5.0 - 10.0) * 0.453_592_37).abs() < 1e-9, "{out}");
}

#[test]
fn control_characters_from_data_do_not_reach_the_terminal() {
    let evil_office = "EVIL\u{1b}]0;pwned\u{7}\u{1b}[2J OFFICE";
    let cbp = format!(
        "{CBP_HEADER}2024,OCT,OFO\u{9b}31m,X,Y,{evil_office},Methamphetamine,1,5\n2024,OCT,OFO,X,Y,A\u{202e}B,Heroin,1,2\n"
    );
    let data = path_str(&file("terminal", "cbp.csv", &cbp));
    let raw = |text: &str| text.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}');
    for args in [
        vec!["summary", &data, "--by", "agency,locality"],
        vec!["top", &data, "--by", "locality"],
        vec!["check", &data],
    ] {
        let (code, out, err) = run(narcostat().args(&args));
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(!raw(&out) && !raw(&err), "{args:?}: {out:?}");
    }
    let (_, out, _) = run(narcostat().args(["summary", &data, "--by", "locality"]));
    assert!(out.contains("EVIL\\u{1b}]0;pwned\\u{7}\\u{1b}[2J OFFICE") && out.contains("A\\u{202e}B"), "{out}");
    // The table stays aligned: every line of it is as wide as the rule under the header.
    let (_, out, _) = run(narcostat().args(["summary", &data, "--by", "locality,drug", "--format", "table"]));
    let rule = out.lines().nth(1).unwrap();
    assert!(out.lines().skip(2).all(|l| l.chars().count() <= rule.chars().count()), "{out}");
    // The bulletin of a dataset whose names carry escape sequences.
    let seed = include_str!("../../narcostat/data/bulletin-2021-02.json");
    let json = seed.replacen("\"name\": \"Opium\"", "\"name\": \"Opium\\u001b[8m hidden\"", 1);
    let path = path_str(&file("terminal", "month.json", &json));
    for format in ["text", "markdown", "html"] {
        let (code, out, err) = run(narcostat().args(["bulletin", "--data", &path, "--format", format]));
        assert_eq!(code, Some(0), "{err}");
        assert!(!raw(&out) && out.contains("Opium\\u{1b}[8m hidden"), "{format}: {out}");
    }
}
