//! Drug families and UNODC regions on UNODC's own tables, against figures
//! computed independently with pandas on the raw files.
//!
//! The pandas figures are exact: `KG Equivalent` was read as text and summed
//! with Python's `Decimal` (the file has at most 9 decimals of a kilogram, i.e.
//! whole micrograms), rows with no quantity dropped:
//! ```python
//! b = pd.read_csv("unodc-annual-1970-2019.csv", dtype={"KG Equivalent": str})
//! y = b[(b.Year == 2017) & b["KG Equivalent"].notna()].copy(); y["kg"] = y["KG Equivalent"].map(Decimal)
//! cocaine = ["Cocaine salts", "Coca paste/cocaine base", "Crack", "Cocaine (base, paste and salts)",
//!            "Cocaine (salt and crack)", "Non-specified cocaine", "Other coca/cocaine type",
//!            "Non-specified coca/cocaine type"]            # coca leaf, bush and seed apart
//! y[y.Drug.isin(cocaine)].groupby("ISO Code").kg.sum().sort_values(ascending=False)  # COL 489481.26, USA 223700
//! y[(y["Drug Group"] == "Opioids") & (y.Drug != "Poppy plants")].kg.sum()           # 1033431.356743503
//! y[y.Drug.isin(["Marijuana (herb)", "Hashish (resin)", "Cannabis oil", "Other types of cannabis",
//!                "Non-specified cannabis-type", "Cannabis-type"])].kg.sum()       # 6277569.866376277
//! ```
//! (Poppy and cannabis plants are counts in narcostat, never kilograms.)
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use narcostat::place::{CountryCode, UnodcRegion, UnodcSubRegion};
use narcostat::read::{ReadOptions, read_table};
use narcostat::{Filter, GroupKey, KeyValue, Period, Query, SeizureTable};
use std::path::PathBuf;

fn load(file: &str) -> SeizureTable {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file);
    let f = std::fs::File::open(path).unwrap();
    read_table(f, file, &ReadOptions::default(), &mut |_| {}).unwrap().0
}

/// Kilograms as exact micrograms: "489481.26" -> 489_481_260_000_000.
fn ug(kg: &str) -> i128 {
    let (whole, frac) = kg.split_once('.').unwrap_or((kg, ""));
    let frac = format!("{frac:0<9}");
    whole.parse::<i128>().unwrap() * 1_000_000_000 + frac.parse::<i128>().unwrap()
}

fn query(by: &[GroupKey], filter: &str, period: &str) -> Query {
    Query::by(by).filter(Filter::parse(filter).unwrap()).period(Period::parse(period).unwrap())
}

#[test]
fn cocaine_is_the_cocaine_family_and_ranks_colombia_first_in_2017() {
    let table = load("unodc-annual-1970-2019.csv");
    let q = query(&[GroupKey::Country], "drug=cocaine", "2017");
    let ranking = table.aggregate(&q).unwrap().rank(narcostat::rank::Measure::Mass, Some(2));
    let got: Vec<(KeyValue, i128)> = ranking
        .entries
        .iter()
        .map(|e| {
            (
                e.key[0].clone(),
                table.aggregate(&q).unwrap().groups.iter().find(|g| g.key == e.key).unwrap().measures.mass.sum,
            )
        })
        .collect();
    let code = |c: &str| KeyValue::Country(CountryCode::resolve(c).unwrap());
    assert_eq!(got, [(code("COL"), ug("489481.26")), (code("USA"), ug("223700"))]);
    let coverage = q.coverage(&table);
    assert!(coverage.warnings.is_empty(), "{coverage:?}");
    let notes = coverage.notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].starts_with("drug=Cocaine covered: ") && notes[0].contains("Crack cocaine"), "{notes:?}");
    assert!(!notes[0].contains("Coca leaf"), "{notes:?}");
}

fn total(table: &SeizureTable, filter: &str, period: &str) -> i128 {
    let agg = table.aggregate(&query(&[], filter, period)).unwrap();
    agg.groups.iter().map(|g| g.measures.mass.sum).sum()
}

#[test]
fn opioids_and_cannabis_match_pandas_in_2017() {
    let table = load("unodc-annual-1970-2019.csv");
    assert_eq!(total(&table, "drug=opioids", "2017"), ug("1033431.356743503"));
    assert_eq!(total(&table, "drug=cannabis", "2017"), ug("6277569.866376277"));
}

#[test]
fn a_filter_on_only_a_non_specified_bucket_says_so() {
    let table = load("unodc-annual-1970-2019.csv");
    let q = query(&[GroupKey::Drug], "drug=cocaine,country=USA", "2017");
    let warnings = q.coverage(&table).warnings;
    assert!(warnings[0].contains("only non-specified"), "{warnings:?}");
    let q = query(&[GroupKey::Drug], "drug=nitazenes", "2017");
    assert_eq!(q.coverage(&table).warnings, ["drug=Nitazenes matched no rows in this table within the period"]);
}

/// pandas on unodc-annual-2012-2016.csv (`;`-separated, KgEquivalent summed as
/// `Decimal`): `a[(a.Year == 2014) & (a.DrugGroup == "Opioids") & (a.Drug != "Poppy plants")]
/// .groupby("SubRegion").kg.sum()`, grouping by the file's own SubRegion column.
const OPIOIDS_2014_BY_UNODC_SUBREGION: [(&str, &str); 16] = [
    ("Australia and New Zealand", "2204"),
    ("Caribbean", "47"),
    ("Central America (excluding Mexico)", "174"),
    ("Central Asia and Transcaucasia", "5637"),
    ("East and South-East Asia", "17638"),
    ("Eastern Africa", "6420"),
    ("Eastern Europe", "3448"),
    ("Near and Middle East/ South-West Asia", "577508"),
    ("Northern Africa", "762"),
    ("Northern America (including Mexico)", "21444"),
    ("South America", "912"),
    ("South-Eastern Europe (including Turkey)", "14312"),
    ("Southern Asia", "169163"),
    ("Southern and South-Eastern Africa", "1"),
    ("West and Central Africa", "2721"),
    ("Western and Central Europe", "10163"),
];

#[test]
fn unodc_sub_region_totals_match_pandas_groupby_on_the_files_own_column() {
    let table = load("unodc-annual-2012-2016.csv");
    let agg = table.aggregate(&query(&[GroupKey::UnodcSubRegion], "drug=opioids", "2014")).unwrap();
    let got: Vec<(String, i128)> = agg.groups.iter().map(|g| (g.key[0].label(), g.measures.mass.sum)).collect();
    let mut want: Vec<(String, i128)> =
        OPIOIDS_2014_BY_UNODC_SUBREGION.iter().map(|(s, kg)| ((*s).to_owned(), ug(kg))).collect();
    want.retain(|(_, v)| *v > 0);
    let mut got_sorted = got.clone();
    got_sorted.sort();
    want.sort();
    assert_eq!(got_sorted, want);
}

#[test]
fn unodc_groups_turkey_in_south_eastern_europe() {
    let tur = CountryCode::resolve("TUR").unwrap();
    assert_eq!(UnodcSubRegion::of(tur), Some(UnodcSubRegion::SouthEasternEurope));
    assert_eq!(UnodcRegion::of(tur), Some(UnodcRegion::Europe));
    // UN M49 puts it in Western Asia: the two groupings stay apart.
    assert_eq!(tur.info().unwrap().subregion.name(), "Western Asia");
    let table = load("unodc-annual-2012-2016.csv");
    let mut f = Filter::default();
    f.add("unodc-sub-region", "South-Eastern Europe").unwrap();
    f.add("country", "TUR").unwrap();
    let agg = table.aggregate(&Query::by(&[GroupKey::UnodcRegion]).filter(f)).unwrap();
    assert_eq!(agg.groups.len(), 1);
    assert_eq!(agg.groups[0].key[0], KeyValue::UnodcRegion(UnodcRegion::Europe));
}

#[test]
fn every_country_of_unodcs_tables_has_a_unodc_sub_region() {
    for file in ["unodc-annual-2012-2016.csv", "unodc-annual-1970-2019.csv"] {
        let table = load(file);
        let agg = table.aggregate(&Query::by(&[GroupKey::Country, GroupKey::UnodcSubRegion])).unwrap();
        for g in &agg.groups {
            if let KeyValue::Country(_) = g.key[0] {
                assert_ne!(g.key[1], KeyValue::Missing, "{file}: {:?} has no UNODC sub-region", g.key[0]);
            }
        }
    }
}

#[test]
fn drug_family_is_a_dimension() {
    let table = load("unodc-annual-1970-2019.csv");
    let agg = table.aggregate(&query(&[GroupKey::DrugFamily], "drug=cocaine-type", "2017")).unwrap();
    let labels: Vec<String> = agg.groups.iter().map(|g| g.key[0].label()).collect();
    assert_eq!(labels, ["Cocaine", "Coca"]);
    let by_family: i128 = agg.groups.iter().map(|g| g.measures.mass.sum).sum();
    assert_eq!(by_family, total(&table, "drug=cocaine-type", "2017"));
}
