//! Reading anyone's table (issue 13): detection by header, explicit
//! mappings, `--unit`, Solar Hijri dates, the round trip of what
//! `convert --to csv` writes, and a spreadsheet of the fixtures.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers fail the test on a bad case")]

use narcostat::period::Calendar;
use narcostat::read::{ColumnRole, ReadError, ReadOptions, ReadReport, RowError, open_table, read_str};
use narcostat::spec::ReadSpec;
use narcostat::{Granularity, GroupKey, Query, Seizure, SeizureTable, Unit};
use proptest::prelude::*;
use std::path::PathBuf;

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data").join(path)
}

fn read(csv: &str, options: &ReadOptions) -> (Vec<Seizure>, ReadReport) {
    let (dataset, report) = read_str(csv, "seizures.csv", options).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.balanced());
    (dataset.seizures, report)
}

fn error(csv: &str, options: &ReadOptions) -> ReadError {
    read_str(csv, "seizures.csv", options).unwrap_err()
}

/// Each record as "drug quantity period country province".
fn lines(seizures: &[Seizure]) -> Vec<String> {
    seizures
        .iter()
        .map(|s| {
            let q = s.quantity.map_or_else(|| "-".to_owned(), |q| q.to_string());
            let country = s.place.country.map_or_else(|| "-".to_owned(), |c| c.to_string());
            let province = s.place.province.clone().unwrap_or_else(|| "-".to_owned());
            format!("{} {q} {} {country} {province}", s.substance.drug.slug(), s.period)
        })
        .collect()
}

fn by_drug_year() -> Query {
    Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Year)])
}

#[test]
fn the_plain_table_of_the_issue_reads() {
    let csv = "date,country,province,drug,quantity,unit\n\
               2021-02-01,IRN,Sistan and Baluchestan,Opium,1200.5,kg\n\
               2021-02-03,Iran,Kerman,Heroin,12,kg\n\
               2021-02-04,AFG,,Hashish,350,g\n";
    let (seizures, report) = read(csv, &ReadOptions::default());
    assert_eq!(report.format, "generic");
    assert_eq!((report.rows_read, report.rows_accepted, report.seizures), (3, 3, 3));
    let l = lines(&seizures);
    assert_eq!(l[0], "opium 1200.5 kg 2021-02-01..2021-02-01 IRN IR-11");
    assert_eq!(l[1], "heroin 12 kg 2021-02-03..2021-02-03 IRN IR-08");
    assert_eq!(l[2], "cannabis_resin 350 g 2021-02-04..2021-02-04 AFG -");
    let mapping: Vec<String> = report.mapping.iter().map(|(r, h)| format!("{r}={h}")).collect();
    assert_eq!(
        mapping,
        ["drug=drug", "quantity=quantity", "unit=unit", "date=date", "country=country", "province=province"]
    );
}

#[test]
fn header_forms_of_the_issue() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "drug,kg,date,country\nHeroin,2.5,2021-02-01,PAK\n",
            "heroin 2.5 kg 2021-02-01..2021-02-01 PAK -",
            "quantity=kg",
        ),
        (
            "Drug Type,Weight (kg),Seizure Date\nCocaine,10,2020-05-06\n",
            "cocaine 10 kg 2020-05-06..2020-05-06 - -",
            "quantity=Weight (kg)",
        ),
        ("SUBSTANCE,qty_lbs,Year\nFentanyl,3.25,2023\n", "fentanyl 3.25 lb 2023-01-01..2023-12-31 - -", "year=Year"),
        ("Product,grams,Fiscal Year\nHeroin,500,2024\n", "heroin 500 g 2023-10-01..2024-09-30 - -", "year=Fiscal Year"),
        ("drug name,Tablets,FY\nMDMA,100,2020\n", "ecstasy 100 tablets 2019-10-01..2020-09-30 - -", "quantity=Tablets"),
        ("drug,litres,month\nCodeine,4,2021-02\n", "codeine 4 l 2021-02-01..2021-02-28 - -", "date=month"),
        (
            "Drug,Amount,UOM,Period,ISO3,State,City,Agency,Cases,Origin,Destination\n\
             Cocaine,1.5,kg,2021-02,COL,Antioquia,Medellin,Police,2,COL,ESP\n",
            "cocaine 1.5 kg 2021-02-01..2021-02-28 COL Antioquia",
            "seizures=Cases",
        ),
    ];
    for (csv, expected, mapped) in cases {
        let (seizures, report) = read(csv, &ReadOptions::default());
        assert_eq!(lines(&seizures), [*expected], "{csv}");
        let mapping: Vec<String> = report.mapping.iter().map(|(r, h)| format!("{r}={h}")).collect();
        assert!(mapping.contains(&(*mapped).to_owned()), "{csv}: {mapping:?}");
    }
    let (s, _) = read(cases[6].0, &ReadOptions::default());
    assert_eq!(
        (s[0].seizures, s[0].agency.as_deref(), s[0].place.locality.as_deref()),
        (Some(2), Some("Police"), Some("Medellin"))
    );
    assert_eq!((s[0].origin.unwrap().as_str(), s[0].destination.unwrap().as_str()), ("COL", "ESP"));
}

#[test]
fn persian_headers_units_and_digits() {
    let csv = "تاریخ,ماده,مقدار,واحد,استان,کشور\n\
               ۱۳۹۹/۱۲/۳۰,تریاک,۱۲۰۰,کیلوگرم,سیستان و بلوچستان,ایران\n\
               ۱۰ اسفند ۱۳۹۹,حشیش,۳,تن,کرمان,ایران\n\
               1399/11/12,هروئین,500,گرم,تهران,IRN\n";
    let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    let (seizures, report) = read(csv, &options);
    assert_eq!(report.rows_accepted, 3, "{:?}", report.rejections);
    let l = lines(&seizures);
    assert_eq!(l[0], "opium 1200 kg 2021-03-20..2021-03-20 IRN IR-11");
    assert_eq!(l[1], "cannabis_resin 3 t 2021-02-28..2021-02-28 IRN IR-08");
    assert!(l[2].starts_with("heroin 500 g 2021-01-31..2021-01-31 IRN"), "{}", l[2]);
    let roles: Vec<&str> = report.mapping.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(roles, ["drug", "quantity", "unit", "date", "country", "province"]);
}

#[test]
fn persian_count_unit_and_tablets() {
    let csv = "ماده,مقدار,واحد,تاریخ\nمت آمفتامین,3,عدد,1399/12\nقرص اکستازی,7,قرص,1400/01/01\n";
    let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    let (dataset, report) =
        read_str(csv, "fa.csv", &ReadOptions { resolution: narcostat::Resolution::KeepUnclassified, ..options })
            .unwrap();
    assert_eq!(report.rows_accepted, 2, "{:?}", report.rejections);
    let q: Vec<String> = dataset.seizures.iter().map(|s| s.quantity.unwrap().to_string()).collect();
    assert_eq!(q, ["3 units", "7 tablets"]);
    assert_eq!(dataset.seizures[0].period.to_string(), "2021-02-19..2021-03-20");
    assert_eq!(dataset.seizures[1].period.to_string(), "2021-03-21..2021-03-21");
}

#[test]
fn solar_hijri_pairs_against_known_gregorian_dates() {
    // Known pairs (Iranian calendar tables): 1399/12/30 = 2021-03-20 (the eve of
    // Nowruz 1400), 1399/11/12 = 2021-01-31, 1399/12/10 = 2021-02-28, 1400/01/01 = 2021-03-21.
    let pairs = [
        ("1399/12/30", "2021-03-20"),
        ("1399/11/12", "2021-01-31"),
        ("1399/12/10", "2021-02-28"),
        ("1400/01/01", "2021-03-21"),
    ];
    let mut csv = String::from("date,drug,quantity\n");
    for (sh, _) in pairs {
        csv.push_str(&format!("{sh},Opium,1 kg\n"));
    }
    let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    let (seizures, _) = read(&csv, &options);
    for ((sh, g), s) in pairs.iter().zip(&seizures) {
        assert_eq!(s.period.to_string(), format!("{g}..{g}"), "{sh}");
    }
}

#[test]
fn an_invalid_solar_hijri_day_is_a_row_error() {
    let csv = "date,drug,quantity\n1399/12/30,Opium,1 kg\n1398/12/30,Opium,1 kg\n1399/07/31,Opium,1 kg\n";
    let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::lenient() };
    let (_, report) = read(csv, &options);
    assert_eq!((report.rows_accepted, report.rows_rejected), (1, 2));
    // 1398 is not a leap year: its Esfand has 29 days; Mehr (month 7) has 30.
    for (r, v) in report.rejections.iter().zip(["1398/12/30", "1399/07/31"]) {
        assert_eq!(r.reason, RowError::BadSolarHijriDate { value: v.into() });
    }
}

#[test]
fn a_solar_hijri_date_read_as_gregorian_suggests_the_calendar() {
    let err = error("date,drug,quantity\n1399/12/30,Opium,1 kg\n", &ReadOptions::default());
    let text = err.to_string();
    assert!(matches!(err.rejection().map(|r| &r.reason), Some(RowError::SolarHijriDate { .. })), "{text}");
    assert!(text.contains("calendar solar-hijri"), "{text}");
}

#[test]
fn two_bare_quantity_columns_are_ambiguous() {
    let err = error("drug,amount,qty,date\nHeroin,1,1,2021-01-01\n", &ReadOptions::default());
    assert_eq!(
        err.to_string(),
        "two columns could be the quantity in seizures.csv: \"amount\", \"qty\"; name one with the mapping quantity=\"amount\""
    );
    assert_eq!(err.kind(), "ambiguous_column");
    let ReadError::AmbiguousColumn { role, candidates, .. } = err else { panic!() };
    assert_eq!(
        (role.as_str(), candidates.as_slice()),
        ("quantity", ["amount".to_owned(), "qty".to_owned()].as_slice())
    );
}

#[test]
fn two_date_columns_are_ambiguous() {
    let err = error(
        "drug,kg,Seizure Date,Report Date,date\nHeroin,1,2021-01-01,2021-01-05,2021-01-01\n",
        &ReadOptions::default(),
    );
    let ReadError::AmbiguousColumn { role, candidates, .. } = &err else { panic!("{err}") };
    assert_eq!(role, "date");
    assert_eq!(candidates, &["Seizure Date".to_owned(), "date".to_owned()]);
    assert!(err.to_string().contains("name one with the mapping date=\"Seizure Date\""), "{err}");
}

#[test]
fn a_bare_name_column_could_be_a_person() {
    let err = error("name,kg,date\nAli,1,2021-01-01\n", &ReadOptions::default());
    assert_eq!(err.kind(), "uncertain_column");
    assert_eq!(
        err.to_string(),
        "the column \"name\" in seizures.csv could be the drug or a person's name; if it is the drug, name it with the mapping drug=\"name\""
    );
    // With a drug column, `name` is not read as the drug.
    let (s, _) = read("name,drug,kg,date\nAli,Heroin,1,2021-01-01\n", &ReadOptions::default());
    assert_eq!(s[0].substance.drug.slug(), "heroin");
}

#[test]
fn a_missing_role_says_which_and_what_was_seen() {
    let err = error("drug,date,province\nHeroin,2021-01-01,Kerman\n", &ReadOptions::default());
    assert_eq!(err.kind(), "missing_role");
    assert_eq!(
        err.to_string(),
        "seizures.csv: no column for the quantity among the headers \"drug\", \"date\", \"province\"; name it with a mapping such as quantity=\"<header>\""
    );
    let err = error("drug,kg,province\nHeroin,1,Kerman\n", &ReadOptions::default());
    assert!(err.to_string().contains("no column for the date or year"), "{err}");
    // A header with no seizure words at all is still "cannot tell the format".
    assert_eq!(error("a,b\n1,2\n", &ReadOptions::default()).kind(), "unknown_format");
}

#[test]
fn an_explicit_partial_mapping_overrides_detection() {
    let csv = "Item,Qty,Weight,When,Note\nHeroin,3,2.5,2021-02-01,x\n";
    let err = error(csv, &ReadOptions::default());
    assert!(err.to_string().contains("no column for the drug"), "{err}");
    let mut spec = ReadSpec { unit: Some(Unit::Kilogram), ..ReadSpec::default() };
    spec.add_column("drug=Item").unwrap();
    spec.add_column("date=When").unwrap();
    let err = error(csv, &spec.options().unwrap());
    assert!(
        err.to_string().starts_with("two columns could be the quantity in seizures.csv: \"Qty\", \"Weight\""),
        "{err}"
    );
    spec.add_column("quantity=weight").unwrap();
    let (s, report) = read(csv, &spec.options().unwrap());
    assert_eq!(lines(&s), ["heroin 2.5 kg 2021-02-01..2021-02-01 - -"]);
    let mapping: Vec<String> = report.mapping.iter().map(|(r, h)| format!("{r}={h}")).collect();
    assert_eq!(mapping, ["drug=Item", "quantity=Weight", "date=When"]);
    // An explicit header that is not in the file is an error naming it.
    let options = ReadOptions { columns: vec![(ColumnRole::Drug, "Substance".into())], ..ReadOptions::default() };
    assert_eq!(error(csv, &options).kind(), "missing_column");
}

#[test]
fn an_explicit_mapping_is_used_even_for_a_fixed_layout_header() {
    let csv = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\nAsia,Iran,IRN,Opiates,Heroin,2018,10\n";
    let options = ReadOptions {
        columns: vec![(ColumnRole::Quantity, "KG Equivalent".into()), (ColumnRole::Country, "ISO Code".into())],
        ..ReadOptions::default()
    };
    let (s, report) = read(csv, &options);
    assert_eq!(report.format, "generic");
    assert_eq!(lines(&s), ["heroin 10 kg 2018-01-01..2018-12-31 IRN -"]);
}

#[test]
fn the_unit_option_gives_bare_numbers_their_unit_and_loses_to_the_table() {
    let bare = "drug,quantity,date\nHeroin,2,2021-01-01\n";
    let err = error(bare, &ReadOptions::default());
    assert_eq!(err.rejection().map(|r| r.reason.kind()), Some("no_unit"), "{err}");
    assert!(err.to_string().contains("--input-unit kg"), "{err}");
    let kg = ReadOptions { unit: Some(Unit::Kilogram), ..ReadOptions::default() };
    assert_eq!(lines(&read(bare, &kg).0), ["heroin 2 kg 2021-01-01..2021-01-01 - -"]);
    // A unit cell wins; an empty unit cell falls back to the option.
    let with_unit = "drug,quantity,unit,date\nHeroin,2,g,2021-01-01\nHeroin,3,,2021-01-01\n";
    let q: Vec<String> = read(with_unit, &kg).0.iter().map(|s| s.quantity.unwrap().to_string()).collect();
    assert_eq!(q, ["2 g", "3 kg"]);
    // A unit-named header wins over the option; a unit in the cell too.
    let named = "drug,Weight (lbs),date\nHeroin,2,2021-01-01\nHeroin,5 g,2021-01-01\n";
    let q: Vec<String> = read(named, &kg).0.iter().map(|s| s.quantity.unwrap().to_string()).collect();
    assert_eq!(q, ["2 lb", "5 g"]);
}

#[test]
fn several_unit_named_columns_are_separate_measures() {
    let csv = "drug,kg,tablets,date\nMDMA,1.5,200,2021-01-01\nMDMA,0,40,2021-01-02\nHeroin,2,,2021-01-03\nHeroin,0,0,2021-01-04\n";
    let (s, report) = read(csv, &ReadOptions::default());
    let q: Vec<String> = s.iter().map(|s| format!("{} {}", s.substance.drug.slug(), s.quantity.unwrap())).collect();
    assert_eq!(q, ["ecstasy 1.5 kg", "ecstasy 200 tablets", "ecstasy 40 tablets", "heroin 2 kg"]);
    assert_eq!((report.rows_read, report.rows_accepted, report.seizures, report.zero_cells), (4, 4, 4, 4));
    let mapping: Vec<String> = report.mapping.iter().map(|(r, h)| format!("{r}={h}")).collect();
    assert_eq!(mapping, ["drug=drug", "quantity=kg", "quantity 2=tablets", "date=date"]);
    // The row's events are counted once, not once per measure.
    let (s, _) = read("drug,kg,tablets,date,cases\nMDMA,1,2,2021-01-01,3\n", &ReadOptions::default());
    assert_eq!(s.iter().filter_map(|s| s.seizures).sum::<u64>(), 3);
}

/// Aggregate groups by drug and year of seizures.
fn totals(seizures: &[Seizure]) -> Vec<narcostat::Group> {
    SeizureTable::from_seizures(seizures).unwrap().aggregate(&by_drug_year()).unwrap().groups
}

#[test]
fn what_records_csv_writes_reads_back_the_embedded_month() {
    let month = narcostat::seed::bulletin_2021_02();
    assert!(!month.seizures.is_empty());
    let csv = narcostat::write::records_csv(&month.seizures);
    let options = ReadOptions { resolution: narcostat::Resolution::KeepUnclassified, ..ReadOptions::default() };
    let (back, report) = read(&csv, &options);
    assert_eq!(report.rows_accepted as usize, month.seizures.len(), "{:?}", report.rejections.first());
    assert_eq!(back.len(), month.seizures.len());
    for (a, b) in month.seizures.iter().zip(&back) {
        assert_eq!(
            (a.substance.drug, a.quantity, a.period, a.place.country, a.seizures),
            (b.substance.drug, b.quantity, b.period, b.place.country, b.seizures)
        );
        assert_eq!(
            (&a.place.province, &a.agency, a.origin, a.destination),
            (&b.place.province, &b.agency, b.origin, b.destination)
        );
    }
    assert_eq!(totals(&month.seizures), totals(&back));
}

#[test]
fn what_records_csv_writes_reads_back_a_reference_table() {
    for file in ["reference/unodc-annual-2012-2016.csv", "reference/cbp-nationwide-fy23-fy26-dec.csv"] {
        let spec = ReadSpec { lenient: true, ..ReadSpec::default() };
        let (dataset, first) = narcostat::read::open_dataset(data(file), &spec).unwrap();
        let csv = narcostat::write::records_csv(&dataset.seizures);
        let options = ReadOptions { resolution: narcostat::Resolution::KeepUnclassified, ..ReadOptions::default() };
        let (back, report) = read(&csv, &options);
        assert_eq!(report.format, "generic");
        assert_eq!(report.rows_accepted, first.seizures, "{file}");
        assert_eq!(totals(&dataset.seizures), totals(&back), "{file}");
    }
}

#[test]
fn the_iran_sample_spreadsheet_reads_by_detection() {
    // The workbook's first sheet, "Notes", is empty; the table is on "Iran".
    let spec = ReadSpec { sheet: Some("Iran".into()), ..ReadSpec::default() };
    let (table, _, report) = open_table(data("fixtures/iran-sample.xlsx"), &spec, &mut |_| {}).unwrap();
    assert_eq!(report.format, "generic");
    assert_eq!((report.rows_read, report.rows_accepted), (3, 3), "{:?}", report.rejections);
    assert_eq!(table.len(), 3);
    let mapping: Vec<String> = report.mapping.iter().map(|(r, h)| format!("{r}={h}")).collect();
    assert_eq!(mapping, ["drug=Drug", "quantity=Amount", "unit=Unit", "date=Date", "province=Province"]);
}

proptest! {
    #[test]
    fn header_spelling_and_order_do_not_change_totals(
        drug in prop::sample::select(vec!["drug", "substance", "drug type", "drug name", "product"]),
        qty in prop::sample::select(vec!["quantity", "qty", "amount", "weight", "mass"]),
        date in prop::sample::select(vec!["date", "seizure date", "period"]),
        order in Just((0..4usize).collect::<Vec<_>>()).prop_shuffle(),
        rows in prop::collection::vec((0..3usize, 0u32..100_000, 1u32..13), 1..20),
        seeds in (any::<u32>(), 0..3usize, any::<u32>(), 0..3usize),
    ) {
        let drugs = ["Heroin", "Cocaine", "Opium"];
        let canonical_header = ["drug", "quantity", "unit", "date"];
        let respell = |w: &str, (case, sep): (u32, usize)| {
            let cased: String = w.chars().enumerate().map(|(i, c)| if case >> (i % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c }).collect();
            match sep { 0 => cased, 1 => format!(" {} ", cased.replace(' ', "_")), _ => cased.replace(' ', "  ") }
        };
        let words = [respell(drug, (seeds.0, seeds.1)), respell(qty, (seeds.2, seeds.3)), "UoM".to_owned(), respell(date, (seeds.0 ^ seeds.2, seeds.1))];
        let cells = |r: &(usize, u32, u32)| [drugs[r.0].to_owned(), format!("{}.{:03}", r.1 / 1000, r.1 % 1000), "kg".to_owned(), format!("2020-{:02}-01", r.2)];
        let mut canonical = canonical_header.join(",");
        let mut shuffled = order.iter().map(|&i| words[i].clone()).collect::<Vec<_>>().join(",");
        for r in &rows {
            let c = cells(r);
            canonical.push_str(&format!("\n{}", c.join(",")));
            shuffled.push_str(&format!("\n{}", order.iter().map(|&i| c[i].clone()).collect::<Vec<_>>().join(",")));
        }
        let (a, _) = read_str(&canonical, "a.csv", &ReadOptions::default()).unwrap();
        let (b, report) = read_str(&shuffled, "b.csv", &ReadOptions::default()).map_err(|e| TestCaseError::fail(format!("{e}\n{shuffled}")))?;
        prop_assert_eq!(report.rows_accepted as usize, rows.len());
        prop_assert_eq!(totals(&a.seizures), totals(&b.seizures));
        // And against a naive sum of the cells, in grams.
        let grams: u64 = rows.iter().map(|r| u64::from(r.1)).sum();
        let read_grams: i64 = b.seizures.iter().map(|s| s.quantity.unwrap().base()).sum::<i64>() / 1_000_000;
        prop_assert_eq!(read_grams as u64, grams);
    }
}

#[test]
fn check_report_text_prints_the_mapping_on_one_line() {
    let (_, report) = read("Drug Type,Qty (kg),Date,Country\nHeroin,1,2021-01-01,IRN\n", &ReadOptions::default());
    let text = narcostat::check::reading_text(&report);
    assert!(text.contains("\n  columns: drug=Drug Type, quantity=Qty (kg), date=Date, country=Country\n"), "{text}");
    let (_, fixed) = read_str(
        "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\nAsia,Iran,IRN,Opiates,Heroin,2018,10\n",
        "u.csv",
        &ReadOptions::default(),
    )
    .unwrap();
    assert!(fixed.mapping.is_empty());
    assert!(!narcostat::check::reading_text(&fixed).contains("columns:"));
}

#[test]
fn a_year_column_in_the_solar_hijri_calendar_is_the_solar_hijri_year() {
    let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    let (s, _) = read("ماده,کیلوگرم,سال\nتریاک,1,1399\n", &options);
    // 1 Farvardin 1399 = 2020-03-20; 1 Farvardin 1400 = 2021-03-21.
    assert_eq!(lines(&s), ["opium 1 kg 2020-03-20..2021-03-20 - -"]);
    // A fiscal year column stays a US fiscal year in either calendar.
    let (s, _) = read("drug,kg,FY\nHeroin,1,2024\n", &options);
    assert_eq!(s[0].period.to_string(), "2023-10-01..2024-09-30");
}

#[test]
fn a_year_and_a_month_column_read_together() {
    let csv = "Year,Month,Drug,kg\n2021,2,Heroin,1\n2021,Feb,Heroin,1\n2020,December,Heroin,1\n2021,2021-03,Heroin,1\n";
    let (s, report) = read(csv, &ReadOptions::lenient());
    let periods: Vec<String> = s.iter().map(|s| s.period.to_string()).collect();
    // A month cell that is a whole month (`2021-03`) is not a month number: rejected, never guessed.
    assert_eq!(report.rows_accepted, 3);
    assert_eq!(periods, ["2021-02-01..2021-02-28", "2021-02-01..2021-02-28", "2020-12-01..2020-12-31"]);
    let (s, _) = read("FY,Month,Drug,lbs\n2024,OCT,Heroin,1\n2024,1,Heroin,1\n", &ReadOptions::default());
    let periods: Vec<String> = s.iter().map(|s| s.period.to_string()).collect();
    assert_eq!(periods, ["2023-10-01..2023-10-31", "2024-01-01..2024-01-31"]);
    let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    let (s, _) = read("سال,ماه,ماده,کیلوگرم\n1399,اسفند,تریاک,1\n1399,12,تریاک,1\n", &options);
    assert!(s.iter().all(|s| s.period.to_string() == "2021-02-19..2021-03-20"), "{:?}", lines(&s));
}
