//! Source columns kept (`column:NAME`): the UNODC table's own `Region`
//! against pandas on the raw file, a naive oracle over generated tables,
//! appending tables with different kept columns, filters, errors, and the
//! cost in bytes per row.
//!
//! The pandas figures are exact (`KG Equivalent` read as text, summed as `Decimal`):
//! ```python
//! b = pd.read_csv("unodc-annual-1970-2019.csv", dtype={"KG Equivalent": str})
//! y = b[(b.Year == 2018) & (b.Drug == "Heroin") & b["KG Equivalent"].notna()].copy()
//! y["kg"] = y["KG Equivalent"].map(Decimal)
//! y.groupby("Region").kg.sum()   # Asia 52831.8759006, Europe 29382.555064999
//! ```
//! UNODC puts Turkey in Europe; the M49 region (`region`) puts it in Asia.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use narcostat::read::{ReadOptions, read_str, read_table};
use narcostat::{AggregateError, Filter, GroupKey, KeyValue, Period, Query, Seizure, SeizureTable};
use std::collections::HashMap;
use std::path::PathBuf;

fn load(file: &str) -> SeizureTable {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file);
    let f = std::fs::File::open(path).unwrap();
    read_table(f, file, &ReadOptions::default(), &mut |_| {}).unwrap().0
}

/// Kilograms as exact micrograms: "29382.555064999" -> 29_382_555_064_999.
fn ug(kg: &str) -> i128 {
    let (whole, frac) = kg.split_once('.').unwrap_or((kg, ""));
    whole.parse::<i128>().unwrap() * 1_000_000_000 + format!("{frac:0<9}").parse::<i128>().unwrap()
}

fn region_sums(table: &SeizureTable, by: &str, filter: &str) -> HashMap<String, i128> {
    let q = Query::parse(by, filter, Some("2018")).unwrap();
    let agg = table.aggregate(&q).unwrap();
    agg.groups.iter().map(|g| (g.key.first().map_or_else(String::new, KeyValue::label), g.measures.mass.sum)).collect()
}

#[test]
fn unodc_heroin_2018_by_the_files_region_matches_pandas() {
    let table = load("unodc-annual-1970-2019.csv");
    assert_eq!(table.column_names(), ["Region", "Drug Group"]);
    let by_region = region_sums(&table, "column:Region", "drug=heroin");
    assert_eq!(by_region["Europe"], ug("29382.555064999"));
    assert_eq!(by_region["Asia"], ug("52831.8759006"));
    // The name is matched case-insensitively; the filter's value exactly, as grouping compares values.
    assert_eq!(region_sums(&table, "column:region", "drug=heroin"), by_region);
    let europe = region_sums(&table, "", "drug=heroin,column:REGION=Europe");
    assert_eq!(europe.values().copied().collect::<Vec<_>>(), [ug("29382.555064999")]);
    assert!(region_sums(&table, "", "drug=heroin,column:REGION=europe").values().all(|&v| v == 0));
    // Turkey's heroin is in the file's Europe and in M49's Asia.
    let turkey = region_sums(&table, "", "drug=heroin,country=TUR")[""];
    assert!(turkey > 0);
    assert_eq!(region_sums(&table, "", "drug=heroin,country=TUR,column:Region=Europe")[""], turkey);
    assert_eq!(region_sums(&table, "", "drug=heroin,country=TUR,region=Asia")[""], turkey);
}

#[test]
fn the_result_key_column_is_named_by_the_word() {
    let table = load("unodc-annual-1970-2019.csv");
    let q = Query::parse("column:Region,drug", "drug=heroin", Some("2018")).unwrap();
    let agg = table.aggregate(&q).unwrap();
    let result = narcostat::result::ResultTable::aggregate(&agg, narcostat::result::OutputUnits::default());
    assert_eq!(&result.column_names()[..2], ["column:Region", "drug"]);
    assert!(result.to_csv().starts_with("column:Region,drug,"), "{}", result.to_csv());
}

#[test]
fn a_column_the_table_lacks_is_an_error_listing_its_columns() {
    let table = load("unodc-annual-2012-2016.csv");
    assert_eq!(table.column_names(), ["Region", "SubRegion", "DrugGroup"]);
    let err = table.aggregate(&Query::parse("column:Regoin", "", None).unwrap()).unwrap_err();
    let AggregateError::UnknownColumn { suggestions, columns, .. } = &err else { panic!("{err}") };
    assert_eq!(suggestions, &["Region"]);
    assert_eq!(columns, &["Region", "SubRegion", "DrugGroup"]);
    let text = err.to_string();
    assert!(
        text.contains("\"Regoin\"") && text.contains("did you mean Region") && text.contains("SubRegion"),
        "{text}"
    );
    let filtered = Query::by(&[GroupKey::Drug]).filter(Filter::parse("column:District=Kabul").unwrap());
    assert!(matches!(table.aggregate(&filtered), Err(AggregateError::UnknownColumn { .. })));
}

/// A tiny deterministic generator (no dependency needed for a fixed sample).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn generated(seed: u64, rows: usize, columns: &[&str]) -> Vec<Seizure> {
    let base = narcostat::seed::bulletin_2021_02().seizures[0].clone();
    let mut rng = Lcg(seed);
    (0..rows)
        .map(|_| {
            let mut s = base.clone();
            s.quantity = Some(narcostat::Quantity::parse(&format!("{} kg", rng.next(10_000))).unwrap());
            s.columns = columns
                .iter()
                .filter_map(|c| {
                    let v = rng.next(5);
                    // Value 0 is a missing cell.
                    (v > 0).then(|| ((*c).to_owned(), format!("{c}-{v}")))
                })
                .collect();
            s
        })
        .collect()
}

/// The naive sum by one kept column, straight from the records.
fn naive(seizures: &[Seizure], column: &str, keep: impl Fn(&Seizure) -> bool) -> HashMap<KeyValue, i128> {
    let mut sums = HashMap::new();
    for s in seizures.iter().filter(|s| keep(s)) {
        let key = s.column(column).map_or(KeyValue::Missing, |v| KeyValue::Text(v.to_owned()));
        *sums.entry(key).or_insert(0) += i128::from(s.quantity.unwrap().base());
    }
    sums
}

fn engine(table: &SeizureTable, q: &Query) -> HashMap<KeyValue, i128> {
    let agg = table.aggregate(q).unwrap();
    agg.groups.iter().map(|g| (g.key[0].clone(), g.measures.mass.sum)).collect()
}

#[test]
fn grouping_and_filtering_by_a_kept_column_equal_a_naive_sum() {
    let seizures = generated(7, 5_000, &["District", "Unit Name"]);
    let table = SeizureTable::from_seizures(&seizures).unwrap();
    for column in ["District", "Unit Name"] {
        let q = Query::by(&[GroupKey::Column(column.to_owned())]);
        assert_eq!(engine(&table, &q), naive(&seizures, column, |_| true), "{column}");
    }
    let q = Query::by(&[GroupKey::Column("District".into())])
        .filter(Filter::parse("column:Unit Name=Unit Name-1|Unit Name-3").unwrap());
    let kept = |s: &Seizure| matches!(s.column("Unit Name"), Some("Unit Name-1" | "Unit Name-3"));
    assert_eq!(engine(&table, &q), naive(&seizures, "District", kept));
    // The parallel path gives the same.
    narcostat::aggregate::set_parallel_min_rows(1);
    assert_eq!(engine(&table, &q), naive(&seizures, "District", kept));
}

#[test]
fn appending_tables_with_different_kept_columns_recodes_by_name() {
    let a = generated(1, 300, &["District", "Region"]);
    let b = generated(2, 200, &["Region", "Port"]);
    let mut table = SeizureTable::from_seizures(&a).unwrap();
    table.append(&SeizureTable::from_seizures(&b).unwrap()).unwrap();
    assert_eq!(table.column_names(), ["District", "Region", "Port"]);
    let all: Vec<Seizure> = a.iter().chain(&b).cloned().collect();
    for (i, s) in all.iter().enumerate() {
        assert_eq!(table.row(i).unwrap().columns, s.columns, "row {i}");
    }
    for column in ["District", "Region", "Port"] {
        let q = Query::by(&[GroupKey::Column(column.to_owned())]);
        assert_eq!(engine(&table, &q), naive(&all, column, |_| true), "{column}");
    }
    // Rows of the file without a column have it missing.
    assert!(table.row(0).unwrap().column("Port").is_none());
    assert!(table.row(300).unwrap().column("District").is_none());
}

#[test]
fn a_table_without_kept_columns_keeps_its_32_bytes_per_row() {
    let plain = generated(3, 1_000, &[]);
    let mut table = SeizureTable::from_seizures(&plain).unwrap();
    table.shrink_to_fit();
    assert_eq!(table.column_bytes(), 32 * 1_000);
    assert_eq!(table.kept_column_bytes(), 0);
    let kept = generated(3, 1_000, &["District", "Region"]);
    let mut table = SeizureTable::from_seizures(&kept).unwrap();
    table.shrink_to_fit();
    assert_eq!(table.kept_column_bytes(), 2 * 4 * 1_000);
    assert_eq!(table.column_bytes(), (32 + 8) * 1_000);
}

#[test]
fn cbp_keeps_region_and_land_filter_but_not_what_it_reads() {
    let csv = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n\
               2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,2,10.5\n\
               2024,OCT,Office of Field Operations,,Other,EL PASO FIELD OFFICE,Fentanyl,2,1\n";
    let (data, _) = read_str(csv, "cbp.csv", &ReadOptions::default()).unwrap();
    let kept = |i: usize| data.seizures[i].columns.clone();
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(kept(0), [pair("Region", "Southwest Border"), pair("Land Filter", "Land")]);
    // An empty cell is a missing value, not "".
    assert_eq!(kept(1), [pair("Land Filter", "Other")]);
    assert!(data.seizures[0].notes.is_empty(), "{:?}", data.seizures[0].notes);
    let json = serde_json::to_string(&data.seizures[0]).unwrap();
    assert!(json.contains(r#""columns":{"Region":"Southwest Border","Land Filter":"Land"}"#), "{json}");
    let back: Seizure = serde_json::from_str(&json).unwrap();
    assert_eq!(back.columns, kept(0));
    let out = narcostat::write::records_csv(&data.seizures);
    let mut lines = out.lines();
    assert!(lines.next().unwrap().ends_with(",destination,Region,Land Filter"), "{out}");
    assert!(lines.next().unwrap().ends_with(",Southwest Border,Land"), "{out}");
    assert!(lines.next().unwrap().ends_with(",,Other"), "{out}");
}

#[test]
fn generic_tables_keep_the_columns_mapped_to_no_role() {
    let csv = "drug,quantity,unit,date,District\nOpium,5,kg,2021-02-03,Zahedan\nOpium,7,kg,2021-02-04,\n";
    let map = narcostat::read::ColumnMap {
        substance: "drug".into(),
        quantity: "quantity".into(),
        unit: Some("unit".into()),
        date: Some("date".into()),
        ..narcostat::read::ColumnMap::default()
    };
    let options = ReadOptions { format: Some(narcostat::read::Format::Generic(map)), ..ReadOptions::default() };
    let (data, _) = read_str(csv, "g.csv", &options).unwrap();
    assert_eq!(data.seizures[0].columns, [("District".to_owned(), "Zahedan".to_owned())]);
    assert!(data.seizures[1].columns.is_empty());
    let table = SeizureTable::from_seizures(&data.seizures).unwrap();
    let q = Query::by(&[GroupKey::Column("district".into())]).period(Period::parse("2021").unwrap());
    let got = engine(&table, &q);
    assert_eq!(got[&KeyValue::Text("Zahedan".into())], 5_000_000_000);
    assert_eq!(got[&KeyValue::Missing], 7_000_000_000);
}

/// A kept column named like a record column (`drug_group`) survives
/// `convert --to csv` and reading back: written as `column:drug_group`, kept as
/// `drug_group` again, never confused with narcostat's own `drug_group`.
#[test]
fn a_kept_column_named_like_a_record_column_survives_the_round_trip() {
    let csv = "drug,quantity,unit,date,drug_group,source\nHeroin,1,kg,2021-01-01,MyGroupA,s1\nOpium,2,kg,2021-01-02,MyGroupB,s2\n";
    let (data, _) = narcostat::read::read_str(csv, "t24.csv", &narcostat::read::ReadOptions::default()).unwrap();
    let written = narcostat::write::records_csv(&data.seizures);
    let header = written.lines().next().unwrap();
    assert_eq!(header.matches("drug_group").count(), 2, "{header}");
    assert!(header.contains("column:drug_group"), "{header}");
    let (back, _) =
        narcostat::read::read_str(&written, "t24.conv.csv", &narcostat::read::ReadOptions::default()).unwrap();
    let table = SeizureTable::from_seizures(&back.seizures).unwrap();
    let q = Query::parse("column:drug_group", "", None).unwrap();
    let agg = table.aggregate(&q).unwrap();
    let mut groups: Vec<(String, i128)> = agg.groups.iter().map(|g| (g.key[0].label(), g.measures.mass.sum)).collect();
    groups.sort();
    assert_eq!(groups, [("MyGroupA".to_owned(), ug("1")), ("MyGroupB".to_owned(), ug("2"))]);
}
