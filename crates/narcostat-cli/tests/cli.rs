//! The CLI, run as users run it.
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

#[test]
fn bulletin_on_the_embedded_month() {
    let text = stdout(narcostat().arg("bulletin"));
    let mut pos = 0;
    for (name, kg) in [
        ("Opium", "47,767"),
        ("Hashish", "5,637"),
        ("Morphine", "2,304"),
        ("Heroin", "1,144"),
        ("Crystal", "764"),
        ("other substances including precursors and psychotropic pills", "304"),
        ("Grass", "287"),
    ] {
        let line_start = text[pos..].find(&format!("  {name} ")).unwrap_or_else(|| panic!("{name}"));
        pos += line_start;
        let line = text[pos..].lines().next().unwrap();
        assert!(line.contains(kg), "{line}");
        pos += line.len();
    }
    assert!(text.contains("difference 176 kg (0.30%)"));
    assert!(text.contains("stated about 58,383 kg, items 58,207 kg"));
    assert!(text.contains("120 (heading) vs 122 (text)"));
}

#[test]
fn bulletin_formats() {
    let md = stdout(narcostat().args(["bulletin", "--format", "markdown"]));
    assert!(md.contains("| 1 | Opium | 47,767 | 82.06% |"));
    let json = stdout(narcostat().args(["bulletin", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["seizures"]["ranking"]["entries"][0]["label"], "Opium");
    let html = stdout(narcostat().args(["bulletin", "--format", "html", "--period", "2021-01-30..2021-02-28"]));
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
}

#[test]
fn bulletin_escapes_a_script_name() {
    let dir = std::env::temp_dir().join(format!("narcostat-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("xss.json");
    let month = include_str!("../../narcostat/data/bulletin-2021-02.json").replacen(
        "\"name\": \"Opium\"",
        "\"name\": \"<script>alert(1)</script>\"",
        1,
    );
    std::fs::write(&path, month).unwrap();
    let html = stdout(narcostat().args(["bulletin", "--format", "html", "--data"]).arg(&path));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let opens = html.matches("<tr>").count();
    assert_eq!(opens, html.matches("</tr>").count());
}

#[test]
fn summary_unodc_opium_2018() {
    let csv = stdout(narcostat().args([
        "summary",
        &reference("unodc-annual-1970-2019.csv"),
        "--by",
        "drug,year",
        "--format",
        "csv",
    ]));
    let mut lines = csv.lines();
    // UNODC counts cannabis plants: one column for them, none for kinds it does not count.
    assert!(lines.next().unwrap().starts_with("drug,year,mass_kg,volume_l,count_plants,seizures,records"));
    let row = csv.lines().find(|l| l.starts_with("Opium,2018,")).unwrap();
    let kg: f64 = row.split(',').nth(2).unwrap().parse().unwrap();
    assert_eq!(kg.round(), 703_605.0);
}

#[test]
fn top_cbp_fy2024_in_the_files_order() {
    // The expected order, computed here from the file with plain floats.
    let mut reader = csv::Reader::from_path(reference("cbp-nationwide-fy23-fy26-dec.csv")).unwrap();
    let mut sums: std::collections::BTreeMap<String, f64> = Default::default();
    for r in reader.records() {
        let r = r.unwrap();
        if &r[0] == "2024" {
            *sums.entry(r[6].to_owned()).or_default() += r[8].parse::<f64>().unwrap();
        }
    }
    let mut expected: Vec<(String, f64)> = sums.into_iter().collect();
    expected.sort_by(|a, b| b.1.total_cmp(&a.1));
    let out = stdout(narcostat().args([
        "top",
        &reference("cbp-nationwide-fy23-fy26-dec.csv"),
        "--by",
        "name",
        "--period",
        "FY2024",
        "-n",
        "20",
        "--format",
        "csv",
    ]));
    let got: Vec<String> = out.lines().skip(1).map(|l| l.split(',').nth(1).unwrap().to_owned()).collect();
    let want: Vec<String> = expected.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(got, want);
    let fentanyl = out.lines().find(|l| l.contains(",Fentanyl,")).unwrap();
    let kg: f64 = fentanyl.split(',').nth(2).unwrap().parse().unwrap();
    assert_eq!(format!("{:.2}", kg / 0.45359237), "21889.21");
}

#[test]
fn trend_compare_check_convert() {
    let unodc = reference("unodc-annual-1970-2019.csv");
    let t = stdout(narcostat().args([
        "trend",
        &unodc,
        "--by",
        "year",
        "--drug",
        "opium",
        "--where",
        "country=IRN",
        "--period",
        "2011..2012",
        "--format",
        "csv",
    ]));
    assert_eq!(t.lines().nth(2).unwrap(), "2012,387606,13788,3.7,");
    let c = stdout(narcostat().args([
        "compare",
        &unodc,
        "--period",
        "2012",
        "--vs",
        "2011",
        "--by",
        "drug",
        "--where",
        "country=IRN,drug=opium",
        "--format",
        "csv",
    ]));
    assert!(c.contains("Opium,387606,373818,13788,3.7,both"), "{c}");
    let k = stdout(narcostat().args(["check", &unodc]));
    assert!(k.contains("51201 rows read = 51201 accepted + 0 rejected"));
    assert!(k.contains("507 without a quantity"));
    let amo = reference("cbp-amo-fy23-fy26-dec.csv");
    let j = stdout(narcostat().args(["convert", &amo, "--to", "json"]));
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert!(v["seizures"].as_array().unwrap().len() > 100);
}

#[test]
fn exit_codes() {
    let unodc = reference("unodc-annual-1970-2019.csv");
    narcostat().args(["summary", &unodc, "--by", "colour"]).assert().code(2);
    narcostat().args(["summary", &unodc, "--period", "2021-13"]).assert().code(2);
    narcostat().args(["frobnicate"]).assert().code(2);
    narcostat().args(["summary", "no-such-file.csv"]).assert().code(1);
    let dir = std::env::temp_dir().join(format!("narcostat-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n2024,OCT,OFO,X,Y,Z,Unobtainium,1,2\n").unwrap();
    let out = narcostat().args(["summary"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("error: ") && err.contains("bad.csv:2:7") && err.contains("unknown substance \"Unobtainium\""),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    // Lenient reading goes on and says how many rows were rejected.
    let out = narcostat().args(["summary", "--lenient"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stderr).unwrap().contains("1 of 1 rows rejected"));
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in ["bulletin", "summary", "top", "trend", "compare", "equivalents", "drugs", "check", "convert"] {
        let help = stdout(narcostat().args([sub, "--help"]));
        assert!(help.contains("Examples:"), "{sub}");
        assert!(help.contains(&format!("narcostat {sub}")), "{sub}");
    }
    // The words flags take, from the core's vocabulary.
    let help = stdout(narcostat().arg("--help"));
    assert!(help.contains("Dimensions (--by, --within, --where keys): ") && help.contains("drug-family"), "{help}");
    assert!(help.contains("Drugs: see `narcostat drugs`."), "{help}");
}

#[test]
fn spreadsheets_read_like_csv() {
    let xlsx = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/fixtures/cbp-fy24-fentanyl.xlsx");
    let out = stdout(narcostat().args(["summary", "--by", "drug,fiscal-year", "--format", "csv"]).arg(&xlsx));
    let row = out.lines().find(|l| l.starts_with("Fentanyl,FY2024,")).unwrap();
    let kg: f64 = row.split(',').nth(2).unwrap().parse().unwrap();
    assert_eq!(format!("{:.2}", kg / 0.45359237), "21889.21");
    narcostat().args(["summary", "--sheet", "Nope"]).arg(&xlsx).assert().code(1);
}
