#[cfg(feature = "parallel")]
use super::read_table_parallel;
use super::*;
use crate::query::{Filter, GroupKey, Query};
use crate::{Drug, Granularity, Period, SeizureTable, Unit};
use std::path::PathBuf;

fn reference(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file)
}

fn load(file: &str, options: &ReadOptions) -> (SeizureTable, Vec<crate::ReportedTotal>, ReadReport) {
    let f = std::fs::File::open(reference(file)).unwrap();
    read_table(f, file, options, &mut |_| {}).unwrap()
}

fn kg(table: &SeizureTable, q: &Query) -> Vec<(String, String)> {
    table
        .aggregate(q)
        .unwrap()
        .groups
        .iter()
        .map(|g| (g.label(), g.measures.mass.value_in(Unit::Kilogram).round(0).to_string()))
        .collect()
}

#[test]
fn unodc_1970_2019_acceptance() {
    let (table, _, report) = load("unodc-annual-1970-2019.csv", &ReadOptions::default());
    assert_eq!(report.format, "unodc-annual");
    assert_eq!(report.rows_read, 51_201);
    assert!(report.balanced());
    assert_eq!(report.rows_rejected, 0);
    assert_eq!(report.missing_quantities, 507);
    let mut f = Filter::default();
    f.add("drug", "opium").unwrap();
    let q = Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Year)])
        .filter(f.clone())
        .period(Period::parse("2018").unwrap());
    assert_eq!(kg(&table, &q), [("Opium / 2018".to_owned(), "703605".to_owned())]);
    f.add("country", "IRN").unwrap();
    let q = Query::by(&[GroupKey::Drug]).filter(f).period(Period::parse("2012").unwrap());
    let r = table.aggregate(&q).unwrap();
    assert_eq!(r.groups[0].measures.mass.records, 3);
    assert_eq!(r.groups[0].measures.mass.value_in(Unit::Kilogram).round(0).to_string(), "387606");
    // NULL quantities are counted, never as zero.
    let all = table.aggregate(&Query::default()).unwrap();
    assert_eq!(all.accounting.without_quantity, 507);
    // Plants in the kg column are counts, not kilograms.
    let mut f = Filter::default();
    f.add("drug", "cannabis plants").unwrap();
    let plants = table.aggregate(&Query::by(&[GroupKey::Drug]).filter(f)).unwrap();
    assert!(plants.groups[0].measures.mass.is_empty());
    assert!(!plants.groups[0].measures.count(crate::CountUnit::Plants).is_empty());
    assert!(report.flagged > 3000);
}

#[test]
fn unodc_2012_2016_with_bom_semicolons_and_specific_names() {
    let (data, report) = read_path(reference("unodc-annual-2012-2016.csv"), &ReadOptions::default()).unwrap();
    assert_eq!(report.format, "unodc-subregional");
    assert_eq!(report.rows_read, 9_442);
    assert_eq!(report.rows_accepted, 9_442);
    assert_eq!(report.missing_quantities, 4);
    let opium = data.seizures.iter().find(|s| s.substance.specific.as_deref() == Some("Raw and prepared")).unwrap();
    assert_eq!(opium.substance.drug, Drug::Opium);
    assert!(data.seizures.iter().any(|s| s.notes.iter().any(|n| n == "Incomplete data")));
}

#[test]
fn decimal_commas_of_the_older_edition() {
    let text = "\u{feff}Region;SubRegion;Country;CountryCode;Year;DrugGroup;Drug;SpecificDrugName;KgEquivalent;Comment\n\
                Asia;Near and Middle East/ South-West Asia;Afghanistan;AFG;2013;Opioids;Heroin;;7156,67;\n";
    let (data, _) = read_str(text, "old.csv", &ReadOptions::default()).unwrap();
    assert_eq!(data.seizures[0].quantity.unwrap().to_string(), "7156.67 kg");
}

#[test]
fn cbp_fentanyl_fy2024() {
    let (table, _, report) = load("cbp-nationwide-fy23-fy26-dec.csv", &ReadOptions::default());
    assert_eq!(report.format, "cbp");
    assert!(report.balanced());
    assert_eq!(report.rows_rejected, 0);
    let mut f = Filter::default();
    f.add("drug", "fentanyl").unwrap();
    let q = Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::US_FISCAL_YEAR)]).filter(f);
    let r = table.aggregate(&q).unwrap();
    let fy24 = r.groups.iter().find(|g| g.label() == "Fentanyl / FY2024").unwrap();
    assert_eq!(fy24.measures.mass.value_in(Unit::Pound).round(2).to_string(), "21889.21");
    assert_eq!(fy24.measures.mass.value_in(Unit::Kilogram).round(2).to_string(), "9928.78");
    assert_eq!(fy24.measures.seizures, 1_116);
}

#[test]
fn every_reference_file_is_accounted_for() {
    for file in [
        "unodc-annual-1970-2019.csv",
        "unodc-annual-2012-2016.csv",
        "cbp-amo-fy19-fy22.csv",
        "cbp-amo-fy23-fy26-dec.csv",
        "cbp-nationwide-fy19-fy22.csv",
        "cbp-nationwide-fy23-fy26-dec.csv",
        "india-ncb-by-state-2018-2024-wide.csv",
    ] {
        let text = std::fs::read_to_string(reference(file)).unwrap();
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count() as u64 - 1;
        let (_, report) = read_str(&text, file, &ReadOptions::lenient()).unwrap();
        assert_eq!(report.rows_read, lines, "{file}");
        assert!(report.balanced(), "{file}");
        assert_eq!(report.rows_rejected, 0, "{file}: {:?}", report.rejections.first());
    }
}

#[test]
fn india_wide_table_with_row_totals() {
    let options = ReadOptions { country: crate::CountryCode::resolve("IND"), ..ReadOptions::default() };
    let (data, report) = read_path(reference("india-ncb-by-state-2018-2024-wide.csv"), &options).unwrap();
    assert_eq!(report.format, "wide");
    assert!(report.zero_cells > 1000);
    let ap = data
        .seizures
        .iter()
        .find(|s| {
            s.place.province.as_deref() == Some("Andhra Pradesh")
                && s.substance.drug == Drug::CannabisHerb
                && s.period.start.year() == 2018
        })
        .unwrap();
    assert_eq!(ap.quantity.unwrap().to_string(), "38471 kg");
    assert_eq!(ap.substance.name, "Ganja");
    // Every state's Total_Kg checks against its items.
    let mut checked = 0;
    for t in data.reported_totals.iter().filter(|t| t.stated.unit() == Unit::Kilogram && t.stated.base() > 0) {
        let c = crate::check::check_total(t, &data.seizures, crate::check::Tolerance::default()).unwrap();
        assert!(c.relative.abs() < 0.01 || c.item_count == 0, "{:?} {}", t.place, c.describe());
        checked += 1;
    }
    assert!(checked > 100);
}

#[test]
fn generic_mapping_with_sniffed_delimiter() {
    let text =
        "Date\tDrug\tAmount\tUnit\tProvince\n2021-02-01\tتریاک\t۱٬۲۰۰\tkg\tIlam\n2021-02-02\tHashish\t12.5\tkg\tIlam\n";
    let map = ColumnMap {
        substance: "drug".into(),
        quantity: "AMOUNT".into(),
        unit: Some("unit".into()),
        date: Some("date".into()),
        province: Some("province".into()),
        ..ColumnMap::default()
    };
    let options = ReadOptions {
        format: Some(Format::Generic(map)),
        country: crate::CountryCode::resolve("IRN"),
        ..ReadOptions::default()
    };
    let (data, report) = read_str(text, "iran.tsv", &options).unwrap();
    assert_eq!(report.rows_accepted, 2);
    assert_eq!(data.seizures[0].substance.drug, Drug::Opium);
    assert_eq!(data.seizures[0].quantity.unwrap().to_string(), "1200 kg");
    assert_eq!(data.seizures[0].place.province.as_deref(), Some("IR-16"));
}

fn generic_options(mode: Mode) -> ReadOptions {
    let map = ColumnMap {
        substance: "drug".into(),
        quantity: "qty".into(),
        date: Some("date".into()),
        default_unit: Some("kg".into()),
        seizures: Some("events".into()),
        ..ColumnMap::default()
    };
    ReadOptions { format: Some(Format::Generic(map)), mode, ..ReadOptions::default() }
}

#[test]
fn bad_input_every_error_kind() {
    let header = "date,drug,qty,events\n";
    let cases: [(&str, &str, Option<&str>); 8] = [
        ("2021-01-01,Heroinn,5,1\n", "unknown substance \"Heroinn\"", Some("drug")),
        ("2021-01-01,Heroin,five,1\n", "cannot read \"five\" as a number", Some("qty")),
        ("2021-01-01,Heroin,5 furlongs,1\n", "unknown unit", Some("qty")),
        ("2021-02-30,Heroin,5,1\n", "invalid date or period \"2021-02-30\"", Some("date")),
        ("2021-01-01,Heroin,-5,1\n", "negative quantity \"-5\"", Some("qty")),
        ("2021-01-01,Heroin,1e30,1\n", "quantity \"1e30\" is out of range", Some("qty")),
        ("2021-01-01,Heroin,5\n", "expected 4 fields, found 3", None),
        ("2021-01-01,Heroin,5,-1\n", "negative quantity \"-1\"", Some("events")),
    ];
    for (row, message, column) in cases {
        let text = format!("{header}2021-01-01,Opium,1,1\n{row}");
        let err = read_str(&text, "bad.csv", &generic_options(Mode::Strict)).unwrap_err();
        let r = err.rejection().unwrap_or_else(|| panic!("{row}: {err}"));
        assert_eq!(r.line, 3, "{row}");
        assert_eq!(r.column.as_deref(), column, "{row}");
        assert!(err.to_string().starts_with("bad.csv:3"), "{err}");
        assert!(err.to_string().contains(message), "{row}: {err}");
        // Lenient: the bad row is reported, the good one read, and the counts add up.
        let (data, report) = read_str(&text, "bad.csv", &generic_options(Mode::Lenient)).unwrap();
        assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (2, 1, 1), "{row}");
        assert_eq!(data.seizures.len(), 1);
    }
    // Suggestions travel with the error.
    let err = read_str("date,drug,qty,events\n2021-01-01,Hashesh,1,1\n", "s.csv", &generic_options(Mode::Strict))
        .unwrap_err();
    assert!(
        matches!(&err.rejection().unwrap().reason, RowError::UnknownSubstance { suggestions, .. } if suggestions.contains(&"Cannabis resin".to_owned()))
    );
    // A missing required column names it.
    let err = read_str("when,drug,qty\n2021-01-01,Opium,1\n", "m.csv", &generic_options(Mode::Strict)).unwrap_err();
    assert_eq!(err.to_string(), "m.csv: missing required column \"date\"");
    // Unknown layout without a mapping.
    assert!(matches!(read_str("a,b\n1,2\n", "x.csv", &ReadOptions::default()), Err(ReadError::UnknownFormat { .. })));
    assert!(matches!(read_str("", "e.csv", &ReadOptions::default()), Err(ReadError::Empty { .. })));
}

#[test]
fn missing_values_keep_or_reject() {
    let text = "date,drug,qty,events\n2021-01-01,Opium,NULL,1\n2021-01-01,Opium,,1\n";
    let (data, report) = read_str(text, "m.csv", &generic_options(Mode::Strict)).unwrap();
    assert_eq!(report.missing_quantities, 2);
    assert!(data.seizures.iter().all(|s| s.quantity.is_none()));
    let mut reject = generic_options(Mode::Lenient);
    reject.missing = Missing::Reject;
    let (_, report) = read_str(text, "m.csv", &reject).unwrap();
    assert_eq!(report.rows_rejected, 2);
    assert_eq!(report.rejections[0].reason, RowError::Missing);
}

#[test]
fn json_and_ndjson_round_trip() {
    let month = crate::seed::bulletin_2021_02();
    let json = serde_json::to_string(&month).unwrap();
    let (back, report) = read_str(&json, "month.json", &ReadOptions::default()).unwrap();
    assert_eq!(back, month);
    assert_eq!(report.seizures, 7);
    let nd: String = month.seizures.iter().map(|s| serde_json::to_string(s).unwrap() + "\n").collect();
    let opts = ReadOptions { format: Some(Format::Ndjson), ..ReadOptions::default() };
    let (back, _) = read_str(&nd, "month.ndjson", &opts).unwrap();
    assert_eq!(back.seizures, month.seizures);
    let err = read_str("{\"seizures\": [{\"substance\": 3}]}", "bad.json", &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("bad.json:1:"), "{err}");
}

#[test]
fn readers_never_panic_on_garbage() {
    let inputs = [
        "\u{0}\u{1}\u{2}",
        "FY,Month (abbv),Drug Type,Sum Qty (lbs)\n2024,XXX,Fentanyl,1\n",
        "{",
        "[1,2]",
        "\"unterminated\n",
        "a;b\n\u{feff}",
    ];
    for i in inputs {
        let _ = read_str(i, "g", &ReadOptions::lenient());
        let _ = read_str(i, "g", &ReadOptions::default());
    }
}

#[cfg(feature = "xlsx")]
fn fixture(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/fixtures").join(file)
}

#[cfg(feature = "xlsx")]
#[test]
fn xlsx_cbp_sheet_reads_like_the_csv() {
    let (data, report) = read_path(fixture("cbp-fy24-fentanyl.xlsx"), &ReadOptions::default()).unwrap();
    assert_eq!(report.format, "cbp");
    assert!(report.balanced() && report.rows_rejected == 0);
    let t = SeizureTable::from_seizures(&data.seizures).unwrap();
    let r = t.aggregate(&Query::by(&[GroupKey::Time(Granularity::US_FISCAL_YEAR)])).unwrap();
    assert_eq!(r.groups[0].label(), "FY2024");
    assert_eq!(r.groups[0].measures.mass.value_in(Unit::Pound).round(2).to_string(), "21889.21");
    assert_eq!(r.groups[0].measures.seizures, 1_116);
}

#[cfg(feature = "xlsx")]
#[test]
fn xlsx_named_sheet_with_dates_and_a_mapping() {
    let bytes = std::fs::read(fixture("iran-sample.xlsx")).unwrap();
    let map = ColumnMap {
        substance: "drug".into(),
        quantity: "amount".into(),
        unit: Some("unit".into()),
        date: Some("date".into()),
        province: Some("province".into()),
        ..ColumnMap::default()
    };
    let options = ReadOptions {
        format: Some(Format::Generic(map)),
        country: crate::CountryCode::resolve("IRN"),
        ..ReadOptions::default()
    };
    let (data, report) = read_spreadsheet(&bytes, "iran.xlsx", Some("Iran"), &options).unwrap();
    assert_eq!(report.rows_accepted, 3);
    let s = &data.seizures;
    assert_eq!(s[0].period.to_string(), "2021-02-01..2021-02-01");
    assert_eq!((s[0].substance.drug, s[0].quantity.unwrap().to_string()), (Drug::Opium, "1200.5 kg".to_owned()));
    assert_eq!(s[2].quantity.unwrap().to_string(), "35 kg");
    assert_eq!(s[2].place.province.as_deref(), Some("IR-13"));
    // A missing sheet is an error that lists the sheets.
    let err = read_spreadsheet(&bytes, "iran.xlsx", Some("Afghanistan"), &options).unwrap_err();
    assert!(err.to_string().contains("sheets: Notes, Iran"), "{err}");
    // The first sheet is empty: nothing to detect.
    assert!(read_spreadsheet(&bytes, "iran.xlsx", None, &ReadOptions::default()).is_err());
}

#[cfg(feature = "parallel")]
#[test]
fn parallel_reading_equals_one_pass() {
    let q = Query::by(&[GroupKey::Name, GroupKey::Country, GroupKey::Time(Granularity::Year)]);
    for (file, options) in [
        ("unodc-annual-1970-2019.csv", ReadOptions::default()),
        ("unodc-annual-2012-2016.csv", ReadOptions::default()),
        ("cbp-nationwide-fy19-fy22.csv", ReadOptions::default()),
        (
            "india-ncb-by-state-2018-2024-wide.csv",
            ReadOptions { country: crate::CountryCode::resolve("IND"), ..ReadOptions::default() },
        ),
    ] {
        let bytes = std::fs::read(reference(file)).unwrap();
        let (a, ta, ra) = read_table(bytes.as_slice(), file, &options, &mut |_| {}).unwrap();
        let (b, tb, rb) = read_table_parallel(bytes.as_slice(), file, &options, &mut |_| {}).unwrap();
        assert_eq!(a.aggregate(&q).unwrap(), b.aggregate(&q).unwrap(), "{file}");
        assert_eq!(ta, tb, "{file}");
        assert_eq!(
            (ra.rows_read, ra.rows_accepted, ra.missing_quantities, ra.zero_cells),
            (rb.rows_read, rb.rows_accepted, rb.missing_quantities, rb.zero_cells),
            "{file}"
        );
    }
}

#[cfg(feature = "parallel")]
#[test]
fn parallel_reading_keeps_line_numbers_and_the_first_error() {
    let header = "date,drug,qty,events\n";
    let mut text = header.to_owned();
    for i in 0..4000 {
        // a quoted field with a line break inside, now and then
        let drug = if i % 97 == 0 { "\"Opium\n\"" } else { "Heroin" };
        text.push_str(&format!("2021-01-{:02},{drug},{},1\n", i % 28 + 1, i % 50 + 1));
    }
    let mut bad = text.clone();
    bad.push_str("2021-01-01,Heroinn,5,1\n2021-01-01,Heroin,-1,1\n");
    let physical = bad.matches('\n').count() as u64;
    let lenient = generic_options(Mode::Lenient);
    let (t, _, r) = read_table_parallel(bad.as_bytes(), "p.csv", &lenient, &mut |_| {}).unwrap();
    let (_, _, one) = read_table(bad.as_bytes(), "p.csv", &lenient, &mut |_| {}).unwrap();
    assert_eq!(r.rejections, one.rejections);
    assert_eq!(r.rows_read, 4002);
    assert_eq!(t.len(), 4000);
    assert_eq!(r.rejections.iter().map(|x| x.line).collect::<Vec<_>>(), [physical - 1, physical]);
    let err = read_table_parallel(bad.as_bytes(), "p.csv", &generic_options(Mode::Strict), &mut |_| {}).unwrap_err();
    assert_eq!(err.rejection().unwrap().line, physical - 1);
}
