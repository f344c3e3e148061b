//! The words flags take come from the core: misspelt words get "did you
//! mean" and exit 2; `drug=cocaine` is the cocaine family; `--within`,
//! `--unit` and `narcostat drugs`.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::path::PathBuf;

fn unodc() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/reference/unodc-annual-1970-2019.csv")
        .display()
        .to_string()
}

/// Runs narcostat; (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("narcostat").unwrap().args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// A misspelt word for each flag that takes one: a usage error (exit 2) suggesting the word.
#[test]
fn misspelt_words_get_suggestions_and_exit_2() {
    let file = unodc();
    let cases: &[(&[&str], &str)] = &[
        (&["summary", &file, "--by", "contry"], "\"country\""),
        (&["top", &file, "--by", "country,year", "--within", "yaer"], "\"year\""),
        (&["summary", &file, "--span-rule", "by-strat"], "\"by-start\""),
        (&["top", &file, "--measure", "mas"], "\"mass\""),
        (&["summary", &file, "--format", "jsno"], "\"json\""),
        (&["summary", &file, "--unit", "kgg"], "\"kg\""),
        (&["summary", &file, "--input-format", "unodc-anual"], "\"unodc-annual\""),
        (&["summary", &file, "--missing", "rejct"], "\"reject\""),
        (&["bulletin", "--format", "markdwn"], "\"markdown\""),
        (&["equivalents", &file, "--basis", "heroin-equivalnt"], "\"heroin-equivalent\""),
        (&["top", &file, "--where", "drug=cocaien"], "Cocaine"),
        (&["trend", &file, "--by", "yera"], "\"year\""),
    ];
    for (args, suggestion) in cases {
        let (code, _, err) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains("did you mean") && err.contains(suggestion), "{args:?}: {err}");
    }
}

/// UNODC 2017 by country, drug=cocaine: the cocaine family, Colombia first
/// with 489,481.26 kg (then the USA, 223,700 kg), as pandas computes from the
/// raw file; stderr names the drugs covered.
#[test]
fn cocaine_is_the_family_and_colombia_ranks_first() {
    let file = unodc();
    let args = ["top", &file, "--by", "country", "--where", "drug=cocaine", "--period", "2017", "--format", "csv"];
    let (code, out, err) = run(&args);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "rank,country,country_name,mass_kg,share_of_mass");
    assert!(lines[1].starts_with("1,COL,Colombia,489481.26,"), "{out}");
    assert!(lines[2].starts_with("2,USA,United States of America,223700,"), "{out}");
    for drug in ["Cocaine salts", "Crack cocaine", "Coca paste / cocaine base"] {
        assert!(err.contains("drug=Cocaine covered") && err.contains(drug), "{drug}: {err}");
    }
}

/// `--within year`: shares of each year's total and ranks restarting each year
/// (Iran's opium in 2019 is 90.33% of that year, as the issue computes).
#[test]
fn top_within_year_gives_shares_of_each_year() {
    let file = unodc();
    let args = [
        "top",
        &file,
        "--by",
        "year,country",
        "--within",
        "year",
        "-n",
        "1",
        "--where",
        "drug=opium",
        "--period",
        "2018..2019",
        "--format",
        "csv",
    ];
    let (code, out, err) = run(&args);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[1].starts_with("1,2018,IRN,") && lines[2].starts_with("1,2019,IRN,"), "{out}");
    assert!(lines[2].ends_with(",0.903283") || lines[2].contains(",0.9033"), "{out}");
}

/// `--unit lb`: the measure column carries the unit, the value converted exactly.
#[test]
fn unit_lb_converts_the_result() {
    let file = unodc();
    let base = ["top", &file, "--by", "country", "-n", "1", "--where", "drug=cocaine", "--period", "2017"];
    let (code, out, err) = run(&[&base[..], &["--unit", "lb", "--format", "csv"]].concat());
    assert_eq!(code, Some(0), "{err}");
    let row = out.lines().nth(1).unwrap();
    assert_eq!(out.lines().next().unwrap(), "rank,country,country_name,mass_lb,share_of_mass");
    let lb: f64 = row.split(',').nth(3).unwrap().parse().unwrap();
    assert!((lb - 489_481.26 / 0.453_592_37).abs() < 1e-6, "{row}");
}

/// `narcostat drugs` lists the vocabulary (nitazenes included), as a table and as JSON.
#[test]
fn drugs_lists_the_vocabulary() {
    let (code, out, err) = run(&["drugs"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("group") && out.contains("Nitazenes") && out.contains("Isotonitazene"), "{out}");
    let (code, out, _) = run(&["drugs", "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let crack = v.as_array().unwrap().iter().find(|e| e["slug"] == "crack").unwrap();
    assert_eq!((crack["family"].as_str(), crack["group"].as_str()), (Some("Cocaine"), Some("Cocaine-type")));
}

/// `narcostat drugs cocaine`: the level matched and the drugs covered; an
/// unknown word is an error with suggestions.
#[test]
fn drugs_word_shows_what_it_matches() {
    let (code, out, err) = run(&["drugs", "cocaine", "--format", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.lines().next().unwrap(), "level,matched,drug,family,group");
    assert!(out.contains("family,Cocaine,Crack cocaine,Cocaine,Cocaine-type"), "{out}");
    assert!(!out.contains("Coca leaf"), "{out}");
    let (code, out, _) = run(&["drugs", "opioids", "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "group");
    let (code, _, err) = run(&["drugs", "cocaien"]);
    assert_ne!(code, Some(0));
    assert!(err.contains("Cocaine"), "{err}");
}
