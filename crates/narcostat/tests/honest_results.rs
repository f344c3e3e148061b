//! Results that would otherwise pass for answers: each is an error or carries
//! a warning (found by a black-box tester of the CLI; these go through
//! `QuerySpec::run`, the path every front end takes).
#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers fail the test on a bad case")]

use narcostat::read::{ReadOptions, read_table};
use narcostat::result::{ResultTable, Values};
use narcostat::spec::{Operation, QuerySpec};
use narcostat::{Error, SeizureTable};
use std::path::PathBuf;
use std::sync::OnceLock;

fn unodc() -> &'static SeizureTable {
    static TABLE: OnceLock<SeizureTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference/unodc-annual-1970-2019.csv");
        let f = std::fs::File::open(path).unwrap();
        read_table(f, "unodc", &ReadOptions::default(), &mut |_| {}).unwrap().0
    })
}

fn run(op: Operation, spec: &str) -> Result<ResultTable, Error> {
    let spec: QuerySpec = serde_json::from_str(spec).unwrap();
    spec.run(op, unodc())
}

/// The one exact decimal of a one-row result's column, in base units of its scale.
fn only(table: &ResultTable, column: &str) -> (i128, u32) {
    match &table.column(column).unwrap().values {
        Values::Decimal { scale, values } => {
            assert_eq!(values.len(), 1, "{column}");
            (values[0].unwrap(), *scale)
        }
        other => panic!("{column}: {other:?}"),
    }
}

#[test]
fn equivalents_keep_the_drug_filter_and_convert_nothing_else() {
    // Heroin alone is its own heroin equivalent: the summary's mass of heroin.
    let heroin = run(Operation::Summary, r#"{"where": {"drug": "heroin"}, "period": 2019}"#).unwrap();
    let eq = run(Operation::Equivalents, r#"{"where": {"drug": "heroin"}, "period": 2019}"#).unwrap();
    assert_eq!(only(&eq, "equivalent_kg"), only(&heroin, "mass_kg"));
    // Opium is converted at 10 kg per kg of heroin.
    let opium = run(Operation::Summary, r#"{"where": {"drug": "opium", "country": "IRN"}, "period": 2019}"#).unwrap();
    let eq = run(Operation::Equivalents, r#"{"where": {"drug": "opium", "country": "IRN"}, "period": 2019}"#).unwrap();
    let ((o, scale), (e, _)) = (only(&opium, "mass_kg"), only(&eq, "equivalent_kg"));
    assert_eq!((e, scale), ((o + 5) / 10, 9), "opium {o} -> heroin {e}");
    // Cocaine has no heroin equivalent: nothing is added as if it were heroin.
    let cocaine = run(Operation::Equivalents, r#"{"where": {"drug": "cocaine"}, "period": 2019}"#).unwrap();
    assert_eq!(cocaine.rows, 0);
}

#[test]
fn equivalents_take_mass_units_and_refuse_what_they_cannot_give() {
    let kg = run(Operation::Equivalents, r#"{"where": {"drug": "heroin"}, "period": 2019}"#).unwrap();
    let lb = run(Operation::Equivalents, r#"{"where": {"drug": "heroin"}, "period": 2019, "unit": "lb"}"#).unwrap();
    let ((k, _), (p, scale)) = (only(&kg, "equivalent_kg"), only(&lb, "equivalent_lb"));
    // 1 lb = 0.45359237 kg exactly: the pound figure times 0.45359237 is the kg figure, to the µg.
    assert!((p * 45_359_237 / 100_000_000 - k).abs() <= 1, "{p} lb (scale {scale}) vs {k} kg");
    let by_drug = run(Operation::Equivalents, r#"{"by": "drug", "period": 2019}"#).unwrap_err();
    assert!(by_drug.to_string().contains("equivalents cannot group by \"drug\""), "{by_drug}");
    let litres = run(Operation::Equivalents, r#"{"unit": "l"}"#).unwrap_err();
    assert!(litres.to_string().contains("does not fit equivalents"), "{litres}");
}

#[test]
fn units_that_do_not_fit_the_measure_are_errors() {
    for (op, spec) in [
        (Operation::Top, r#"{"by": "country", "measure": "seizures", "unit": "lb"}"#),
        (Operation::Top, r#"{"by": "country", "unit": "tablets"}"#),
        (Operation::Top, r#"{"by": "country", "unit": "l"}"#),
        (Operation::Summary, r#"{"by": "country", "unit": "plants"}"#),
        (Operation::Compare, r#"{"period": 2019, "vs": 2018, "unit": "gal"}"#),
    ] {
        let e = run(op, spec).unwrap_err();
        assert_eq!(e.kind(), narcostat::ErrorKind::Query, "{spec}: {e}");
        assert!(e.to_string().starts_with("unit "), "{spec}: {e}");
    }
    assert!(run(Operation::Top, r#"{"by": "country", "unit": "lb", "n": 1}"#).is_ok());
}

#[test]
fn a_comparison_of_a_measure_the_data_does_not_give_is_an_error() {
    let e =
        run(Operation::Compare, r#"{"period": 2019, "vs": 2018, "where": {"country": "AFG"}, "measure": "seizures"}"#)
            .unwrap_err();
    assert!(e.to_string().contains("has no seizures values"), "{e}");
}

#[test]
fn a_period_without_data_is_a_warning_not_a_vanishing() {
    let c =
        run(Operation::Compare, r#"{"by": "drug", "period": 2020, "vs": 2019, "where": {"country": "IRN"}}"#).unwrap();
    assert!(
        c.warnings.iter().any(|w| w.starts_with("current period: no row lies wholly in the period")),
        "{:?}",
        c.warnings
    );
    let compare_by_year = run(Operation::Compare, r#"{"by": "year", "period": 2019, "vs": 2018}"#).unwrap_err();
    assert!(compare_by_year.to_string().contains("compare cannot group by \"year\""), "{compare_by_year}");
}

#[test]
fn rankings_and_trends_say_what_they_leave_out() {
    // UNODC records span calendar years: by quarter, none can be attributed.
    let top = run(Operation::Top, r#"{"by": "quarter", "period": 2019}"#).unwrap();
    assert_eq!(top.rows, 0);
    assert!(top.warnings.iter().any(|w| w.contains("span several time buckets")), "{:?}", top.warnings);
    let seizures = run(Operation::Top, r#"{"by": "country", "measure": "seizures", "period": 2019}"#).unwrap();
    assert!(seizures.warnings.iter().any(|w| w.contains("give no seizures values")), "{:?}", seizures.warnings);
    let nothing = run(Operation::Summary, r#"{"by": "country", "where": {"agency": "Border Patrol"}}"#).unwrap();
    assert!(nothing.warnings.iter().any(|w| w.starts_with("the filter kept none of the")), "{:?}", nothing.warnings);
    let n0 = serde_json::from_str::<QuerySpec>(r#"{"n": 0}"#).unwrap_err();
    assert!(n0.to_string().contains("n must be 1 or more, not 0"), "{n0}");
}
