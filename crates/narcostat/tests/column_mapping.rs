//! The column mapping as users write it: `ReadSpec.columns`, `calendar`,
//! `add_column("ROLE=HEADER")`, and the report's mapping as a JSON object.

use narcostat::period::Calendar;
use narcostat::read::{ColumnRole, ReadReport};
use narcostat::spec::{ReadSpec, SpecError};

#[test]
fn spec_deserialises_columns_and_calendar() {
    let twice = serde_json::from_str::<ReadSpec>(r#"{"columns": {"drug": "Drug Type", "substance ": "x"}}"#);
    let err = twice.unwrap_err().to_string();
    assert!(err.contains("the column role drug is mapped twice (one was \"Drug Type\")"), "{err}");
    let spec: ReadSpec = serde_json::from_str(
        r#"{"columns": {"drug": "Drug Type", "Qty": "Weight (kg)"}, "calendar": "jalali", "unit": "kg"}"#,
    )
    .unwrap();
    assert_eq!(spec.columns[&ColumnRole::Drug], "Drug Type");
    assert_eq!(spec.columns[&ColumnRole::Quantity], "Weight (kg)");
    assert_eq!(spec.calendar, Some(Calendar::SolarHijri));
    let options = spec.options().unwrap();
    assert_eq!(
        options.columns,
        [(ColumnRole::Drug, "Drug Type".to_owned()), (ColumnRole::Quantity, "Weight (kg)".to_owned())]
    );
    assert_eq!(options.calendar, Calendar::SolarHijri);
    assert_eq!(options.unit.map(|u| u.symbol()), Some("kg"));
}

#[test]
fn unknown_role_in_json_suggests_the_word() {
    let err = serde_json::from_str::<ReadSpec>(r#"{"columns": {"provnce": "Ostan"}}"#).unwrap_err().to_string();
    assert!(err.contains("unknown column role \"provnce\": did you mean \"province\"?"), "{err}");
    let err = serde_json::from_str::<ReadSpec>(r#"{"calendar": "hijri-solar"}"#).unwrap_err().to_string();
    assert!(err.contains("unknown calendar"), "{err}");
}

#[test]
fn add_column_splits_at_the_first_equals() {
    let mut spec = ReadSpec::default();
    spec.add_column("drug=Drug Type").unwrap();
    spec.add_column(" quantity = a=b ").unwrap();
    spec.add_column("Events=Count of Event").unwrap();
    assert_eq!(spec.columns[&ColumnRole::Drug], "Drug Type");
    assert_eq!(spec.columns[&ColumnRole::Quantity], "a=b");
    assert_eq!(spec.columns[&ColumnRole::Seizures], "Count of Event");
}

#[test]
fn add_column_errors_name_the_text() {
    let mut spec = ReadSpec::default();
    let err = spec.add_column("drug").unwrap_err();
    assert!(matches!(err, SpecError::Column { .. }));
    assert_eq!(err.to_string(), "column mapping \"drug\": expected ROLE=HEADER, e.g. drug=\"Drug Type\"");
    let err = spec.add_column("drug=  ").unwrap_err();
    assert_eq!(err.to_string(), "column mapping \"drug=  \": the header for drug is empty");
    let SpecError::Word(word) = spec.add_column("quantiy=Qty").unwrap_err() else { panic!("not a word error") };
    assert_eq!(word.suggestions, ["quantity"]);
    spec.add_column("drug=A").unwrap();
    let err = spec.add_column("substance=B").unwrap_err();
    assert_eq!(err.to_string(), "column mapping \"substance=B\": drug is already mapped to \"A\"");
}

#[test]
fn report_mapping_is_a_json_object_in_order() {
    let report = ReadReport {
        mapping: vec![("quantity".into(), "Qty (kg)".into()), ("drug".into(), "Drug Type".into())],
        ..ReadReport::default()
    };
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["mapping"], serde_json::json!({"quantity": "Qty (kg)", "drug": "Drug Type"}));
    let text = serde_json::to_string(&report).unwrap();
    assert!(text.find("quantity").unwrap() < text.find("\"drug\"").unwrap());
    let back: ReadReport = serde_json::from_str(&text).unwrap();
    assert_eq!(back.mapping, report.mapping);
    let empty = serde_json::to_value(ReadReport::default()).unwrap();
    assert!(empty.get("mapping").is_none());
}

#[test]
fn vocabulary_lists_roles_and_calendars() {
    let v = narcostat::vocabulary::Vocabulary::get();
    assert_eq!(v.column_roles.len(), ColumnRole::ALL.len());
    assert!(v.column_roles.contains(&"destination"));
    assert_eq!(v.calendars, ["gregorian", "solar-hijri"]);
}
