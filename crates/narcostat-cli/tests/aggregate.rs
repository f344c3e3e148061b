//! Aggregation through the CLI: many grouping keys, counts of different
//! kinds of items, trends with gaps; each checked against figures computed
//! here from the records written, independently of the engine.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn narcostat() -> Command {
    Command::cargo_bin("narcostat").unwrap()
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Writes a dataset of `seizures` (JSON objects) to a file of its own.
fn dataset(name: &str, seizures: &[serde_json::Value]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("narcostat-aggregate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::json!({ "seizures": seizures }).to_string()).unwrap();
    path
}

/// CSV output as maps from column name to cell.
fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect()).collect()
}

/// Grams as exact kilograms, shortest form (`1500` -> `1.5`).
fn kg(grams: u64) -> String {
    let (int, frac) = (grams / 1000, grams % 1000);
    if frac == 0 { int.to_string() } else { format!("{int}.{}", format!("{frac:03}").trim_end_matches('0')) }
}

const COUNTRIES: [&str; 30] = [
    "AFG", "ALB", "DZA", "ARG", "AUS", "AUT", "BGD", "BEL", "BRA", "CAN", "CHN", "COL", "EGY", "FRA", "DEU", "IND",
    "IDN", "IRN", "IRQ", "ITA", "JPN", "KEN", "MEX", "MAR", "NLD", "NGA", "PAK", "PER", "RUS", "ZAF",
];
const EIGHT_KEYS: [&str; 8] = ["name", "agency", "country", "origin", "destination", "province", "locality", "day"];

/// 20,000 random records whose 8 keys span far more than 2^64 combinations:
/// every group of the output is one the records make, with their exact sum,
/// and none is missing.
#[test]
fn twenty_thousand_records_by_eight_keys() {
    let mut state = 5u64;
    let mut next = move |n: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut expected: BTreeMap<Vec<String>, u64> = BTreeMap::new();
    let mut seizures = Vec::new();
    for _ in 0..20_000 {
        let day = 18_000 + next(3_000);
        let date = narcostat::Date::from_days(i32::try_from(day).unwrap()).to_string();
        let key = vec![
            format!("lot {}", next(5_000)),
            format!("agency {}", next(1_000)),
            COUNTRIES[next(30) as usize].to_owned(),
            COUNTRIES[next(30) as usize].to_owned(),
            COUNTRIES[next(30) as usize].to_owned(),
            format!("province {}", next(300)),
            format!("port {}", next(5_000)),
            date.clone(),
        ];
        let grams = 1 + next(1_000_000);
        seizures.push(serde_json::json!({
            "substance": { "drug": "opium", "name": key[0] },
            "quantity": format!("{grams} g"),
            "period": { "start": date, "end": date },
            "place": { "country": key[2], "province": key[5], "locality": key[6] },
            "agency": key[1],
            "origin": key[3],
            "destination": key[4],
        }));
        *expected.entry(key).or_default() += grams;
    }
    let path = dataset("eight-keys.json", &seizures);
    let out = stdout(narcostat().arg("summary").arg(&path).args(["--by", &EIGHT_KEYS.join(","), "--format", "csv"]));
    let got: BTreeMap<Vec<String>, String> = csv_rows(&out)
        .into_iter()
        .map(|r| (EIGHT_KEYS.iter().map(|k| r[*k].clone()).collect(), r["mass_kg"].clone()))
        .collect();
    let want: BTreeMap<Vec<String>, String> = expected.into_iter().map(|(k, g)| (k, kg(g))).collect();
    assert_eq!(got.len(), want.len(), "groups");
    for (key, mass) in &want {
        assert_eq!(got.get(key), Some(mass), "group {key:?}");
    }
}

/// The case: 4 records with distinct name, agency and locality, by
/// 14 keys (the drug key spans every drug narcostat knows: past 2^64), are 4
/// rows, each with its own labels and quantity.
#[test]
fn four_records_by_fourteen_keys_are_four_rows() {
    let records = [("opium", "a", 1), ("heroin", "b", 2), ("cocaine", "c", 3), ("lsd", "d", 4)];
    let seizures: Vec<serde_json::Value> = records
        .iter()
        .map(|(drug, x, kg)| {
            serde_json::json!({
                "substance": { "drug": drug, "name": format!("name {x}") },
                "quantity": format!("{kg} kg"),
                "period": { "start": format!("2020-01-0{kg}"), "end": format!("2020-01-0{kg}") },
                "place": { "country": "IRN", "locality": format!("port {x}") },
                "agency": format!("agency {x}"),
            })
        })
        .collect();
    let path = dataset("fourteen-keys.json", &seizures);
    let by = "drug,drug-group,name,agency,locality,drug,drug,drug,drug,drug,drug,drug,drug,day";
    let out = stdout(narcostat().arg("summary").arg(&path).args(["--by", by, "--format", "csv"]));
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 4, "{out}");
    let mut got: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| (r["name"].clone(), r["agency"].clone(), r["locality"].clone(), r["mass_kg"].clone()))
        .collect();
    got.sort();
    let want: Vec<(String, String, String, String)> = records
        .iter()
        .map(|(_, x, kg)| (format!("name {x}"), format!("agency {x}"), format!("port {x}"), kg.to_string()))
        .collect();
    assert_eq!(got, want);
}

fn counted(name: &str, quantity: &str) -> serde_json::Value {
    serde_json::json!({
        "substance": { "drug": "captagon", "name": name },
        "quantity": quantity,
        "period": { "start": "2021-02-01", "end": "2021-02-01" },
        "place": { "country": "SAU" },
    })
}

/// 500 tablets + 2 thousand tablets + 7 bottles + 4 plants: three measures,
/// never 2,511 of anything.
#[test]
fn counts_of_different_kinds_stay_apart() {
    let path = dataset(
        "counts.json",
        &[
            counted("Captagon", "500 tablets"),
            counted("Captagon", "2 thousand tablets"),
            counted("Cough syrup", "7 bottles"),
            counted("Cannabis plants", "4 plants"),
        ],
    );
    let out = stdout(narcostat().arg("summary").arg(&path).args(["--by", "country", "--format", "csv"]));
    assert!(!out.contains("2511"), "{out}");
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!((row["count_tablets"].as_str(), row["count_bottles"].as_str()), ("2500", "7"));
    assert_eq!(row["count_plants"], "4");
    assert!(!row.contains_key("count_units"), "{out}");
    assert_eq!(out.lines().next().unwrap().split(',').filter(|c| c.starts_with("count_")).count(), 3);
    let json = stdout(narcostat().arg("summary").arg(&path).args(["--by", "name", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let captagon = v.as_array().unwrap().iter().find(|r| r["name"] == "Captagon").unwrap();
    assert_eq!((captagon["count_tablets"].as_i64(), captagon["count_plants"].as_i64()), (Some(2500), None));
    let table = stdout(narcostat().arg("summary").arg(&path).args(["--by", "country"]));
    assert!(table.contains("count_tablets") && table.contains("2,500") && !table.contains("2,511"), "{table}");
    let bulletin = stdout(narcostat().args(["bulletin", "--data"]).arg(&path));
    assert!(!bulletin.contains("2,511") && !bulletin.contains("units (tablets"), "{bulletin}");
    for kind in ["2,500 tablets", "7 bottles", "4 plants"] {
        assert!(bulletin.contains(kind), "{kind}: {bulletin}");
    }
    // Ranking by a count names its kind; a bare `count` over several kinds is a usage error.
    let top =
        stdout(narcostat().args(["top"]).arg(&path).args(["--by", "name", "--measure", "tablets", "--format", "csv"]));
    assert_eq!(
        top.lines().collect::<Vec<_>>(),
        ["rank,name,count_tablets,share_of_count_tablets", "1,Captagon,2500,1"]
    );
    let out = narcostat().args(["top"]).arg(&path).args(["--by", "name", "--measure", "count"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tablets, plants, bottles"), "{out:?}");
}

fn yearly(year: i32, kg: u64) -> serde_json::Value {
    serde_json::json!({
        "substance": { "drug": "opium", "name": "Opium" },
        "quantity": format!("{kg} kg"),
        "period": { "start": format!("{year}-01-01"), "end": format!("{year}-12-31") },
        "place": { "country": "IRN" },
    })
}

/// 1991 -> 2002 is not a change from one year to the next: the gap is shown
/// and no change is given across it.
#[test]
fn trend_shows_gaps_as_gaps() {
    let years = [(1990, 100u64), (1991, 120), (2002, 1_200), (2003, 900)];
    let path = dataset("gaps.json", &years.map(|(y, kg)| yearly(y, kg)));
    let out = narcostat().args(["trend"]).arg(&path).args(["--by", "year", "--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("10 periods missing before 2002"));
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    let got: Vec<[String; 4]> = rows
        .iter()
        .map(|r| ["year", "change_kg", "change_percent", "periods_missing_before"].map(|c| r[c].clone()))
        .collect();
    // Changes only between adjacent years, computed here.
    let mut want = Vec::new();
    for (i, (y, kg)) in years.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| years[j]).filter(|(py, _)| py + 1 == *y);
        let gap = i.checked_sub(1).map_or(0, |j| y - years[j].0 - 1);
        want.push([
            y.to_string(),
            before.map_or(String::new(), |(_, p)| (*kg as i64 - p as i64).to_string()),
            before.map_or(String::new(), |(_, p)| {
                // The shortest exact form: 20.0% is written 20.
                let percent = format!("{:.1}", 100.0 * (*kg as f64 - p as f64) / p as f64);
                percent.trim_end_matches(".0").to_owned()
            }),
            if gap > 0 { gap.to_string() } else { String::new() },
        ]);
    }
    assert_eq!(got, want);
    assert_eq!(got[2], ["2002", "", "", "10"].map(str::to_owned));
}
