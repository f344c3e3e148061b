//! Findings of a black-box tester on the header-detecting reader (issue 13),
//! each a regression test: one decimal convention per column, no quantity
//! counted twice, no time column silently ignored, no duplicate header read
//! first-wins, a lossless mapping report, Persian year digits and headers,
//! more date forms, and `|`-delimited files.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers fail the test on a bad case")]

use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray};
use narcostat::period::Calendar;
use narcostat::read::{Mode, ReadError, ReadOptions, ReadReport, RowError, read_str};
use narcostat::spec::ReadSpec;
use narcostat::{Period, Seizure};
use proptest::prelude::*;
use std::sync::Arc;

fn read(csv: &str, options: &ReadOptions) -> (Vec<Seizure>, ReadReport) {
    let (dataset, report) = read_str(csv, "t.csv", options).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.balanced());
    (dataset.seizures, report)
}

fn error(csv: &str, options: &ReadOptions) -> ReadError {
    read_str(csv, "t.csv", options).unwrap_err()
}

fn row_error(csv: &str) -> RowError {
    let e = error(csv, &ReadOptions::default());
    e.rejection().unwrap_or_else(|| panic!("not a row error: {e}")).reason.clone()
}

/// The sum of the records' quantities in base units.
fn total(seizures: &[Seizure]) -> i64 {
    seizures.iter().map(|s| s.quantity.unwrap().base()).sum()
}

fn ambiguous_candidates(e: &ReadError) -> Vec<String> {
    match e {
        ReadError::AmbiguousColumn { candidates, .. } => candidates.clone(),
        other => panic!("not an ambiguity: {other}"),
    }
}

// A1: one column, one decimal convention.

#[test]
fn a_semicolon_column_is_read_under_one_convention() {
    // /tmp/hostile4/work/t30.csv: 0,250 settles the decimal comma.
    let csv =
        "substance;weight (kg);year\nheroin;0,250;2019\nheroin;2,125;2019\nheroin;2,12;2019\nheroin;1.234,5;2019\n";
    let (seizures, _) = read(csv, &ReadOptions::default());
    // 0.25 + 2.125 + 2.12 + 1234.5 = 1238.995 kg, in µg.
    assert_eq!(total(&seizures), 1_238_995_000_000);
}

#[test]
fn an_ambiguous_cell_before_any_evidence_is_a_row_error_naming_the_decimal_mark() {
    let csv = "substance;weight (kg);year\nheroin;2,125;2019\nheroin;2,12;2019\n";
    let e = error(csv, &ReadOptions::default());
    let r = e.rejection().unwrap();
    assert_eq!((r.line, r.value.as_deref()), (2, Some("2,125")));
    assert!(matches!(r.reason, RowError::AmbiguousDecimal { .. }), "{e}");
    assert!(e.to_string().contains("decimal"), "{e}");
    // Given the mark, it reads.
    let spec: ReadSpec = serde_json::from_str(r#"{"decimal": "comma"}"#).unwrap();
    let (seizures, _) = read(csv, &spec.options().unwrap());
    assert_eq!(total(&seizures), 4_245_000_000);
    let spec: ReadSpec = serde_json::from_str(r#"{"decimal": "point"}"#).unwrap();
    assert!(read_str(csv, "t.csv", &spec.options().unwrap()).is_err(), "2,12 is no number with a decimal point");
}

#[test]
fn a_cell_of_the_other_convention_is_a_row_error() {
    let csv = "substance;weight (kg);year\nheroin;2,12;2019\nheroin;2.5;2019\n";
    assert!(matches!(row_error(csv), RowError::MixedDecimal { .. }));
    let tsv = "substance\tweight (kg)\tyear\nheroin\t1.5\t2019\nheroin\t1,500\t2019\n";
    let (seizures, _) = read(tsv, &ReadOptions::default());
    assert_eq!(total(&seizures), 1_501_500_000_000, "1.5 settles the point: 1,500 is 1500");
}

#[test]
fn a_missing_cell_settles_no_convention() {
    let csv = "substance;weight (kg);year\nheroin;...;2019\nheroin;2,12;2019\n";
    let (seizures, _) = read(csv, &ReadOptions::default());
    assert_eq!(seizures.iter().filter_map(|s| s.quantity).map(|q| q.base()).sum::<i64>(), 2_120_000_000);
}

#[test]
fn arrow_and_csv_read_measures_of_different_kinds_and_refuse_a_date_beside_a_year_alike() {
    let csv = read("product,kg,tablets,date\nheroin,2,,2021-01-01\nmdma,,50,2021-01-01\n", &ReadOptions::default()).0;
    let batch = RecordBatch::try_from_iter([
        ("product", Arc::new(StringArray::from(vec!["heroin", "mdma"])) as ArrayRef),
        ("kg", Arc::new(Float64Array::from(vec![Some(2.0), None])) as ArrayRef),
        ("tablets", Arc::new(Float64Array::from(vec![None, Some(50.0)])) as ArrayRef),
        ("date", Arc::new(StringArray::from(vec!["2021-01-01", "2021-01-01"])) as ArrayRef),
    ])
    .unwrap();
    let (table, _, _) = narcostat::arrow::read_batches(&[batch], "frame", &ReadOptions::default(), None).unwrap();
    let from_arrow: Vec<String> =
        (0..table.len()).map(|i| table.row(i).unwrap().quantity.unwrap().to_string()).collect();
    let from_csv: Vec<String> = csv.iter().map(|s| s.quantity.unwrap().to_string()).collect();
    assert_eq!(from_arrow, from_csv);
    assert_eq!(from_csv, ["2 kg", "50 tablets"]);
    let e = arrow_error(&[
        ("Drug", Arc::new(StringArray::from(vec!["Heroin"])) as ArrayRef),
        ("Quantity", Arc::new(Float64Array::from(vec![8.0])) as ArrayRef),
        ("Unit", Arc::new(StringArray::from(vec!["kg"])) as ArrayRef),
        ("Year", Arc::new(StringArray::from(vec!["2021"])) as ArrayRef),
        ("Date", Arc::new(StringArray::from(vec!["2020-05-01"])) as ArrayRef),
    ]);
    assert_eq!(ambiguous_candidates(&e), ["Date", "Year"]);
}

#[test]
fn a_comma_delimited_table_has_a_decimal_point() {
    let csv = "drug,weight (kg),year\nheroin,\"1,000\",2019\nheroin,\"2,125\",2019\nheroin,0.5,2019\n";
    let (seizures, _) = read(csv, &ReadOptions::default());
    assert_eq!(total(&seizures), 3_125_500_000_000);
    // A decimal comma in a comma-delimited table is an error, not 2.5 beside 2125.
    assert!(read_str("drug,weight (kg),year\nheroin,\"2,5\",2019\n", "t.csv", &ReadOptions::default()).is_err());
}

/// `n / 10^scale` written with a decimal comma and, when `dots`, points between thousands.
fn comma_style(n: u64, scale: u32, dots: bool) -> String {
    let digits = format!("{n:0>width$}", width = scale as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - scale as usize);
    let int = if dots {
        let b = int.as_bytes();
        let mut out = String::new();
        for (i, c) in b.iter().enumerate() {
            if i > 0 && (b.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(char::from(*c));
        }
        out
    } else {
        int.to_owned()
    };
    if scale == 0 { int } else { format!("{int},{frac}") }
}

proptest! {
    #[test]
    fn comma_decimals_read_exactly_or_as_row_errors(cells in proptest::collection::vec((0u64..1_000_000_000, 0u32..4, any::<bool>()), 1..30)) {
        let mut csv = "substance;weight (kg);year;id\n".to_owned();
        for (i, (n, scale, dots)) in cells.iter().enumerate() {
            csv.push_str(&format!("heroin;{};2019;{i}\n", comma_style(*n, *scale, *dots)));
        }
        let options = ReadOptions { mode: Mode::Lenient, ..ReadOptions::default() };
        let (seizures, report) = read(&csv, &options);
        prop_assert_eq!(report.rows_read, cells.len() as u64);
        for s in &seizures {
            let id: usize = s.columns.iter().find(|(k, _)| k == "id").unwrap().1.parse().unwrap();
            let (n, scale, _) = cells[id];
            let expected = i128::from(n) * 10i128.pow(9 - scale);
            prop_assert_eq!(i128::from(s.quantity.unwrap().base()), expected, "row {} {}", id, comma_style(n, scale, cells[id].2));
        }
        for r in &report.rejections {
            prop_assert!(matches!(r.reason, RowError::AmbiguousDecimal { .. } | RowError::MixedDecimal { .. } | RowError::BadNumber { .. }), "{:?}", r);
        }
    }
}

// A2: two quantity columns of one kind are one quantity in two units.

fn arrow_error(columns: &[(&str, ArrayRef)]) -> ReadError {
    let batch = RecordBatch::try_from_iter(columns.iter().map(|(n, a)| (*n, Arc::clone(a)))).unwrap();
    narcostat::arrow::read_batches(&[batch], "frame", &ReadOptions::default(), None).unwrap_err()
}

#[test]
fn two_mass_columns_are_ambiguous_in_csv_and_arrow() {
    // /tmp/hostile4/work/t57.csv
    let csv =
        "Drug,Weight (kg),Weight (lbs),Date\nCocaine,100,220.462262,2021-01-01\nHeroin,10,22.0462262,2021-01-02\n";
    assert_eq!(ambiguous_candidates(&error(csv, &ReadOptions::default())), ["Weight (kg)", "Weight (lbs)"]);
    let csv = "Drug,kg,lbs,Date\nCocaine,100,220.462262,2021-01-01\n";
    assert_eq!(ambiguous_candidates(&error(csv, &ReadOptions::default())), ["kg", "lbs"]);
    let drug: ArrayRef = Arc::new(StringArray::from(vec!["Cocaine"]));
    let date: ArrayRef = Arc::new(StringArray::from(vec!["2021-01-01"]));
    let kg: ArrayRef = Arc::new(Float64Array::from(vec![100.0]));
    let lbs: ArrayRef = Arc::new(Float64Array::from(vec![220.462262]));
    let e = arrow_error(&[("Drug", drug), ("kg", kg), ("lbs", lbs), ("Date", date)]);
    assert_eq!(ambiguous_candidates(&e), ["kg", "lbs"]);
}

#[test]
fn gross_and_net_weight_are_ambiguous() {
    // /tmp/hostile4/work/t35.csv
    let csv = "Drug,Gross Weight (kg),Net Weight (kg),Date\nHeroin,10,8,2021-01-01\n";
    assert_eq!(ambiguous_candidates(&error(csv, &ReadOptions::default())), ["Gross Weight (kg)", "Net Weight (kg)"]);
}

#[test]
fn measures_of_different_kinds_stay_separate_and_keyed_apart() {
    let csv = "product,kg,tablets,litres,date\nheroin,2,,,2021-01-01\nmdma,,50,,2021-01-01\nghb,,,3,2021-01-01\n";
    let (seizures, report) = read(csv, &ReadOptions::default());
    assert_eq!(seizures.len(), 3);
    // C6: each measure its own key, so that a JSON object loses none.
    let json = serde_json::to_value(&report).unwrap();
    let mapping = json["mapping"].as_object().unwrap();
    assert_eq!(mapping["quantity"], "kg");
    assert_eq!(mapping["quantity 2"], "tablets");
    assert_eq!(mapping["quantity 3"], "litres");
}

// A5: two columns for one time role; duplicate header names.

#[test]
fn a_date_and_a_year_column_are_ambiguous_but_year_and_month_are_one_month() {
    // /tmp/hostile4/work/t40.csv
    let csv = "Drug,Quantity,Unit,Year,Date\nHeroin,8,kg,2021,2020-05-01\n";
    assert_eq!(ambiguous_candidates(&error(csv, &ReadOptions::default())), ["Date", "Year"]);
    let csv = "Substance,Cases,Weight (kg),Year,Month\nHeroin,2,8,2021,3\n";
    let (seizures, _) = read(csv, &ReadOptions::default());
    assert_eq!(seizures[0].period, Period::parse("2021-03").unwrap());
}

#[test]
fn a_header_named_twice_is_an_error_naming_both_columns() {
    // /tmp/hostile4/work/t49.csv
    let csv = "drug,quantity,unit,date,note,note\nHeroin,1,kg,2021-01-01,a,b\n";
    let e = error(csv, &ReadOptions::default());
    assert!(matches!(&e, ReadError::DuplicateHeader { header, first: 5, second: 6, .. } if header == "note"), "{e}");
    let csv = "drug,quantity,quantity,date\nHeroin,1,2,2021-01-01\n";
    let e = error(csv, &ReadOptions::default());
    assert!(matches!(&e, ReadError::DuplicateHeader { first: 2, second: 3, .. }), "{e}");
    assert!(e.to_string().contains("\"quantity\"") && e.to_string().contains("2 and 3"), "{e}");
}

// D2, D3: Persian year digits and headers.

#[test]
fn persian_digits_in_year_cells() {
    let sh = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    let (persian, _) = read("drug,quantity,unit,year\nopium,1,kg,۱۳۹۸\n", &sh);
    let (ascii, _) = read("drug,quantity,unit,year\nopium,1,kg,1398\n", &sh);
    assert_eq!(persian[0].period, ascii[0].period);
    assert_eq!(persian[0].period, Period::parse("SH1398").unwrap());
    let (persian, _) = read("drug,quantity,unit,year\nopium,1,kg,۲۰۱۹\n", &ReadOptions::default());
    assert_eq!(persian[0].period, Period::parse("2019").unwrap());
}

#[test]
fn persian_headers_of_the_tester() {
    let sh = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
    // t53, t54
    let (s, _) = read("نوع مواد مخدر,وزن (کیلوگرم),سال\nتریاک,10,1399\n", &sh);
    assert_eq!((s[0].substance.drug.slug(), s[0].quantity.unwrap().base()), ("opium", 10_000_000_000));
    let (s, r) = read("نوع ماده,مقدار (کیلوگرم),تاریخ کشف,استان\nتریاک,10,1399/05/01,کرمان\n", &sh);
    assert_eq!(s[0].period, Period::parse("SH1399-05-01").unwrap_or(s[0].period));
    assert!(r.mapping.iter().any(|(role, h)| role == "date" && h == "تاریخ کشف"), "{:?}", r.mapping);
    // تعداد: the count of cases beside a quantity ...
    let (s, r) = read("ماده,مقدار,واحد,تعداد,تاریخ\nتریاک,10,kg,3,1399/05/01\n", &sh);
    assert_eq!(s[0].seizures, Some(3));
    assert!(r.mapping.iter().any(|(role, h)| role == "seizures" && h == "تعداد"), "{:?}", r.mapping);
    // ... and the quantity of a table with no other (t55).
    let (s, _) = read("ماده,تعداد,واحد,تاریخ\nتریاک,100,عدد,1399/05/01\n", &sh);
    assert_eq!(s[0].quantity.unwrap().to_string(), "100 units");
}

// D4: date forms.

#[test]
fn date_forms_read_as_their_iso_periods() {
    let period = |cell: &str| {
        let (s, _) = read(&format!("drug,quantity,unit,date\nheroin,1,kg,{cell}\n"), &ReadOptions::default());
        s[0].period
    };
    let day = period("2021-02-03");
    for cell in ["2021-02-03 10:00", "2021-02-03T10:00:00", "03.02.2021", "3 Feb 2021"] {
        assert_eq!(period(cell), day, "{cell}");
    }
    assert_eq!(period("Feb 2021"), period("2021-02"));
    assert_eq!(period("Q1 2021"), Period::parse("2021-Q1").unwrap());
    assert_eq!(period("2021-Q1"), Period::parse("2021-Q1").unwrap());
}

#[test]
fn slash_dates_and_eight_digits_say_why() {
    for cell in ["13/04/2021", "1/2/21"] {
        let r = row_error(&format!("drug,quantity,unit,date\nheroin,1,kg,{cell}\n"));
        assert!(matches!(r, RowError::AmbiguousDate { .. }), "{cell}: {r}");
        assert!(r.to_string().contains("ISO"), "{r}");
    }
    let r = row_error("drug,quantity,unit,date\nheroin,1,kg,20210203\n");
    assert!(matches!(r, RowError::UnreadDateForm { .. }), "{r}");
}

// C3: pipe-delimited files.

#[test]
fn pipe_and_tab_files_are_sniffed() {
    // t52, t51
    let (s, _) = read("drug|quantity|unit|date\nHeroin|1|kg|2021-01-01\n", &ReadOptions::default());
    assert_eq!(s[0].quantity.unwrap().base(), 1_000_000_000);
    let (s, _) = read(
        "drug\tquantity\tunit\tdate\nHeroin\t1\tkg\t2021-01-01\nOpium\t\"1,5\"\tkg\t2021-01-01\n",
        &ReadOptions::default(),
    );
    assert_eq!(total(&s), 2_500_000_000);
}

// Re-test findings: a quoted "0,250" in a comma file is no thousands grouping;
// kept names that differ only in case are one name written twice; the
// ambiguity of a date beside a year can be settled by naming the date.

#[test]
fn a_leading_zero_group_is_not_read_as_thousands() {
    let csv = "drug,quantity,unit,date\nHeroin,\"0,250\",kg,2021-01-01\n";
    let e = error(csv, &ReadOptions::default());
    assert!(e.rejection().is_some(), "0,250 must not be read as 250: {e}");
    let comma = ReadOptions { decimal_mark: narcostat::quantity::DecimalMark::Comma, ..ReadOptions::default() };
    let (s, _) = read(csv, &comma);
    assert_eq!(total(&s), 250_000_000, "0.25 kg in micrograms");
}

#[test]
fn kept_names_differing_only_in_case_are_a_duplicate_header() {
    let e = error("drug,kg,date,Region,region\nHeroin,1,2021-01-01,North,South\n", &ReadOptions::default());
    assert!(matches!(e, ReadError::DuplicateHeader { first: 4, second: 5, .. }), "{e}");
}

#[test]
fn naming_the_date_settles_a_date_beside_a_year() {
    let csv = "Drug,Quantity,Unit,Year,Date\nHeroin,1,kg,2021,2020-05-01\n";
    let e = error(csv, &ReadOptions::default());
    assert_eq!(ambiguous_candidates(&e), ["Date", "Year"]);
    assert!(e.to_string().contains("date=\"Date\""), "{e}");
    let date =
        ReadOptions { columns: vec![(narcostat::read::ColumnRole::Date, "Date".into())], ..ReadOptions::default() };
    let (s, _) = read(csv, &date);
    assert_eq!(s[0].period, Period::parse("2020-05-01").unwrap());
    assert_eq!(s[0].columns, [("Year".to_owned(), "2021".to_owned())]);
    let year =
        ReadOptions { columns: vec![(narcostat::read::ColumnRole::Year, "Year".into())], ..ReadOptions::default() };
    let (s, _) = read(csv, &year);
    assert_eq!(s[0].period, Period::parse("2021").unwrap());
}
