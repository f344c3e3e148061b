//! Row interpretation (issue 11, defects 5, 9 and 11): every column read or
//! reported, total rows stated and never summed, a bad row counted once with
//! each bad cell listed, garbage cells rejected with the value quoted.

use super::*;
use crate::check::{Tolerance, check_total};
use crate::{Drug, Unit};

const WIDE: &str = "Year,State,Heroin_Kg,Ganja_Kg,Cannabis_Plants,Alprazolam_Tablets,Codeine_L,Total_Kg\n";

fn wide(rows: &str) -> (Dataset, ReadReport) {
    read_str(&format!("{WIDE}{rows}"), "wide.csv", &ReadOptions::lenient()).unwrap()
}

/// A naive oracle: the seizures of each drug and unit, summed from the records.
fn sum(data: &Dataset, drug: Drug, unit: Unit) -> i64 {
    data.seizures
        .iter()
        .filter(|s| s.substance.drug == drug)
        .filter_map(|s| s.quantity)
        .filter(|q| q.unit() == unit)
        .map(|q| q.base())
        .sum()
}

#[test]
fn every_unit_column_of_a_wide_table_is_read() {
    let (data, report) = wide("2020,Punjab,10,5,400,1200,3.5,15\n2020,Assam,1,0,0,30,0,1\n");
    assert_eq!(report.format, "wide");
    assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (2, 2, 0));
    assert!(report.unread_columns.is_empty(), "{:?}", report.unread_columns);
    assert_eq!(sum(&data, Drug::Heroin, Unit::Kilogram), 11_000_000_000);
    assert_eq!(sum(&data, Drug::CannabisPlants, Unit::Plant), 400_000);
    assert_eq!(sum(&data, Drug::Benzodiazepines, Unit::Tablet), 1_230_000);
    assert_eq!(sum(&data, Drug::Codeine, Unit::Litre), 3_500_000_000);
    // One record per non-zero cell: 5 + 2; three zero cells.
    assert_eq!((report.seizures, report.zero_cells), (7, 3));
    assert_eq!(data.reported_totals.len(), 2);
}

#[test]
fn a_total_row_by_name_states_totals_and_is_not_summed() {
    for name in ["Total", "All India", "Grand Total", "TOTAL"] {
        let (data, report) =
            wide(&format!("2020,Punjab,10,5,400,0,0,15\n2020,Assam,1,0,0,0,0,1\n2020,{name},11,5,400,0,0,16\n"));
        // Issue 11: the total row was summed in, doubling heroin.
        assert_eq!(sum(&data, Drug::Heroin, Unit::Kilogram), 11_000_000_000, "{name}");
        assert_eq!(report.rows_accepted, 3);
        let heroin = data.reported_totals.iter().find(|t| t.drugs.drugs == [Drug::Heroin]).unwrap();
        assert_eq!(heroin.stated.to_string(), "11 kg");
        assert!(check_total(heroin, &data.seizures, Tolerance::default()).unwrap().consistent);
        let plants = data.reported_totals.iter().find(|t| t.drugs.drugs == [Drug::CannabisPlants]).unwrap();
        assert_eq!(plants.stated.to_string(), "400 plants");
        // The row's Total_Kg is a total over every drug.
        let all = data.reported_totals.iter().find(|t| t.drugs.is_all() && t.place.province.is_none()).unwrap();
        assert_eq!(all.stated.to_string(), "16 kg");
        assert!(check_total(all, &data.seizures, Tolerance::default()).unwrap().consistent);
    }
}

#[test]
fn a_flagged_total_row_is_checked_not_discarded() {
    let text = "Year,State,Heroin_Kg,Opium_Kg,Is_Total_Row\n2020,Punjab,10,5,False\n2020,Assam,1,0,False\n2020,India,12,5,True\n";
    let (data, _) = read_str(text, "flag.csv", &ReadOptions::default()).unwrap();
    assert_eq!(sum(&data, Drug::Heroin, Unit::Kilogram), 11_000_000_000);
    let heroin = data.reported_totals.iter().find(|t| t.drugs.drugs == [Drug::Heroin]).unwrap();
    let check = check_total(heroin, &data.seizures, Tolerance::default()).unwrap();
    // Issue 11: its cells were discarded; 12 stated against 11 is a finding.
    assert!(!check.consistent, "{}", check.describe());
    assert_eq!(check.difference, "1");
    let err = read_str(&text.replace(",True", ",maybe"), "flag.csv", &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("\"maybe\" is neither true nor false"), "{err}");
}

#[test]
fn columns_a_wide_table_does_not_read_are_kept() {
    let text = "Year,State,Heroin_Kg,Opium_Kg,Total_Cases,Total_Arrested\n2020,Punjab,10,5,3,\n";
    let (data, report) = read_str(text, "w.csv", &ReadOptions::default()).unwrap();
    assert!(report.unread_columns.is_empty(), "{:?}", report.unread_columns);
    for s in &data.seizures {
        assert_eq!(s.columns, [("Total_Cases".to_owned(), "3".to_owned())]);
    }
}

#[test]
fn a_bad_wide_row_is_one_rejected_row_listing_each_bad_cell() {
    let (data, report) = wide("2020,Punjab,ten,5,-4,1200,x,15\n2020,Assam,1,0,0,30,0,1\n");
    assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (2, 1, 1));
    assert_eq!(data.seizures.len(), 2);
    let r = &report.rejections[0];
    assert_eq!(r.line, 2);
    let RowError::BadCells { cells } = &r.reason else { panic!("{r}") };
    let listed: Vec<(&str, usize)> = cells.iter().map(|c| (c.column.as_str(), c.column_number)).collect();
    assert_eq!(listed, [("Heroin_Kg", 3), ("Cannabis_Plants", 5), ("Codeine_L", 7)]);
    assert!(r.to_string().contains("3 bad cells: column 3 (\"Heroin_Kg\"): cannot read \"ten\" as a number"), "{r}");
}

#[test]
fn a_wide_row_the_table_cannot_hold_is_one_rejected_row() {
    // Issue 11: one bad wide row was counted as 3 rejected rows (one per record).
    let text = format!("{WIDE}2020,Punjab,1,2,3,0,0,6\n9999,Assam,1,2,3,0,0,6\n");
    let (table, _, report) = read_table(text.as_bytes(), "w.csv", &ReadOptions::lenient(), &mut |_| {}).unwrap();
    assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (2, 1, 1));
    assert_eq!(report.rejections.len(), 1);
    assert_eq!((report.rejections[0].line, report.rejections[0].column.as_deref()), (3, Some("Year")));
    assert_eq!(table.len(), 3);
}

#[test]
fn cbp_fiscal_years_and_months_are_checked() {
    let header =
        "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";
    let row = |fy: &str, month: &str| format!("{header}{fy},{month},OFO,SW,Land,EL PASO,Fentanyl,1,2\n");
    for (fy, month) in [("2024abc", "OCT"), ("20X4", "OCT"), ("2024", "Octopus"), ("24", "OCT"), ("2024", "")] {
        let err = read_str(&row(fy, month), "cbp.csv", &ReadOptions::default()).unwrap_err();
        assert!(matches!(err.rejection().map(|r| &r.reason), Some(RowError::BadDate { .. })), "{fy} {month}: {err}");
    }
    for (fy, month, period) in [
        ("2024", "OCT", "2023-10-01..2023-10-31"),
        ("2026 (FYTD)", "Sept", "2026-09-01..2026-09-30"),
        ("FY2024", "october", "2023-10-01..2023-10-31"),
        ("2024", "jan", "2024-01-01..2024-01-31"),
    ] {
        let (data, _) = read_str(&row(fy, month), "cbp.csv", &ReadOptions::default()).unwrap();
        assert_eq!(data.seizures[0].period.to_string(), period, "{fy} {month}");
    }
}

#[test]
fn a_unodc_code_that_resolves_to_nothing_is_rejected() {
    let header = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n";
    let err =
        read_str(&format!("{header}Asia,,ZZZ,Opioids,Heroin,2018,5\n"), "u.csv", &ReadOptions::default()).unwrap_err();
    let r = err.rejection().unwrap();
    assert_eq!((r.column.as_deref(), &r.reason), (Some("ISO Code"), &RowError::UnknownCountry { value: "ZZZ".into() }));
    // A missing code keeps the name of a former country.
    let (data, _) = read_str(
        &format!("{header}Europe,Serbia and Montenegro,NULL,Opioids,Heroin,2001,5\n"),
        "u.csv",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(data.seizures[0].place.country_name.as_deref(), Some("Serbia and Montenegro"));
}

fn generic(rows: &str) -> Result<(Dataset, ReadReport), ReadError> {
    let map = ColumnMap {
        substance: "drug".into(),
        quantity: "qty".into(),
        date: Some("date".into()),
        default_unit: Some("kg".into()),
        seizures: Some("events".into()),
        ..ColumnMap::default()
    };
    let options = ReadOptions { format: Some(Format::Generic(map)), ..ReadOptions::default() };
    read_str(&format!("date,drug,qty,events\n{rows}"), "g.csv", &options)
}

#[test]
fn garbage_cells_are_rejected_with_their_value() {
    for (row, column, reason) in [
        ("2021-01-01,Opium,\"12 5\",1", "qty", RowError::BadNumber { value: "12 5".into() }),
        ("2021-01-01,Opium,1'2,1", "qty", RowError::BadNumber { value: "1'2".into() }),
        ("2021-01-01,Opium,1e-20,1", "qty", RowError::BelowResolution { value: "1e-20".into() }),
        ("2021-01-01,Opium,1e-20 kg,1", "qty", RowError::BelowResolution { value: "1e-20 kg".into() }),
        ("1399/12/30,Opium,1,1", "date", RowError::SolarHijriDate { value: "1399/12/30".into() }),
        ("۱۳۹۹/۱۲/۳۰,Opium,1,1", "date", RowError::SolarHijriDate { value: "۱۳۹۹/۱۲/۳۰".into() }),
    ] {
        let err = generic(&format!("{row}\n")).unwrap_err();
        let r = err.rejection().unwrap_or_else(|| panic!("{row}: {err}"));
        assert_eq!((r.line, r.column.as_deref(), &r.reason), (2, Some(column), &reason), "{row}");
    }
    let err = generic("2021-01-01,Opium,1,5000000000\n").unwrap_err();
    assert!(err.to_string().starts_with("g.csv:2:4 (column \"events\"): 5000000000 seizure events"), "{err}");
    let err = generic("1900-01-01..2100-01-01,Opium,1,1\n").unwrap_err();
    assert!(err.to_string().contains("longer than 65,536 days"), "{err}");
    // Real separators still read; a Solar Hijri period written as such reads.
    let (data, _) = generic("SH1399-12,Opium,\"1,234,567.5\",1\n2021-01-01,Opium,5 461,1\n").unwrap();
    assert_eq!(data.seizures[0].quantity.unwrap().to_string(), "1234567.5 kg");
    assert_eq!(data.seizures[1].quantity.unwrap().to_string(), "5461 kg");
}

#[test]
fn json_with_a_byte_order_mark_reads() {
    let json = format!("\u{feff}{}", crate::write::dataset_json(&crate::seed::bulletin_2021_02()));
    let (data, report) = read_str(&json, "bom.json", &ReadOptions::default()).unwrap();
    assert_eq!((data.seizures.len(), report.format.as_str()), (7, "json"));
}

fn ndjson_lines() -> Vec<String> {
    crate::seed::bulletin_2021_02().seizures.iter().map(|s| serde_json::to_string(s).unwrap()).collect()
}

#[test]
fn ndjson_is_detected_without_a_format() {
    let lines = ndjson_lines();
    for text in [lines.join("\n"), format!("\u{feff}\n\n{}\n", lines.join("\r\n")), lines[0].clone()] {
        let (data, report) = read_str(&text, "month.ndjson", &ReadOptions::default()).unwrap();
        assert_eq!(report.format, "ndjson");
        assert_eq!(data.seizures.len() as u64, report.rows_read);
        assert!(report.rows_read >= 1 && report.balanced());
    }
}

#[test]
fn a_line_of_invalid_utf8_is_one_rejected_ndjson_row() {
    let lines = ndjson_lines();
    let mut bytes = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 2 {
            bytes.extend_from_slice(b"{\"substance\": \"\xff\xfe\"}\n");
        }
        bytes.extend_from_slice(l.as_bytes());
        bytes.push(b'\n');
    }
    let (data, report) = read_dataset(bytes.as_slice(), "bad.ndjson", &ReadOptions::lenient()).unwrap();
    assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (8, 7, 1));
    assert_eq!(data.seizures.len(), 7);
    let r = &report.rejections[0];
    assert_eq!((r.line, r.column_number), (3, Some(16)));
    assert!(r.to_string().contains("invalid UTF-8"), "{r}");
    let err = read_dataset(bytes.as_slice(), "bad.ndjson", &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("bad.ndjson:3:16"), "{err}");
}
