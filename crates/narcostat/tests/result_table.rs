//! The result table against independent computations from the input records.

#![allow(clippy::unwrap_used, clippy::panic)]
use narcostat::rank::Measure;
use narcostat::result::{OutputUnits, ResultTable, Values};
use narcostat::{GroupKey, Period, Query, SeizureTable, Unit};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn seed() -> (Vec<narcostat::Seizure>, SeizureTable) {
    let month = narcostat::seed::bulletin_2021_02();
    let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    (month.seizures, t)
}

/// Naively: the mass per drug name in micrograms, summed from the records.
fn mass_by_name(records: &[narcostat::Seizure]) -> BTreeMap<String, i128> {
    let mut out = BTreeMap::new();
    for s in records {
        if let Some(q) = s.quantity.filter(|q| q.unit().dimension() == narcostat::Dimension::Mass) {
            *out.entry(s.substance.name.clone()).or_insert(0) += i128::from(q.base());
        }
    }
    out
}

fn decimals(t: &ResultTable, name: &str) -> Vec<Option<narcostat::quantity::Decimal>> {
    let c = t.column(name).unwrap();
    (0..t.rows).map(|r| c.values.decimal(r)).collect()
}

fn texts(t: &ResultTable, name: &str) -> Vec<String> {
    match &t.column(name).unwrap().values {
        Values::Text(v) => v.iter().map(|s| s.clone().unwrap_or_default()).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn aggregate_masses_are_the_sums_of_the_records() {
    let (records, t) = seed();
    let agg = t.aggregate(&Query::by(&[GroupKey::Name])).unwrap();
    let table = ResultTable::aggregate(&agg, OutputUnits::default());
    let expected = mass_by_name(&records);
    for (name, mass) in texts(&table, "name").iter().zip(decimals(&table, "mass_kg")) {
        let ug = expected[name];
        let d = mass.unwrap();
        assert_eq!(d.mantissa * 10i128.pow(9 - d.scale), ug, "{name}");
    }
    let lb = ResultTable::aggregate(&agg, OutputUnits::with(Unit::Pound));
    assert!(lb.column("mass_lb").is_some() && lb.column("mass_kg").is_none());
}

#[test]
fn ranking_within_restarts_ranks_and_shares_each_group() {
    let (records, t) = seed();
    let agg = t.aggregate(&Query::parse("agency,name", "", None).unwrap()).unwrap();
    let r = ResultTable::ranking(&agg, Measure::Mass, None, &[GroupKey::Agency], OutputUnits::default()).unwrap();
    let Values::Int(ranks) = &r.column("rank").unwrap().values else { panic!() };
    let agencies = texts(&r, "agency");
    // Naive: per agency, the total mass; the shares are of it.
    let mut whole: BTreeMap<String, i128> = BTreeMap::new();
    for s in &records {
        if let Some(q) = s.quantity.filter(|q| q.unit().dimension() == narcostat::Dimension::Mass) {
            *whole.entry(s.agency.clone().unwrap_or_default()).or_insert(0) += i128::from(q.base());
        }
    }
    let masses = decimals(&r, "mass_kg");
    let shares = decimals(&r, "share_of_mass");
    for i in 0..r.rows {
        let first_of_group = i == 0 || agencies[i] != agencies[i - 1];
        if first_of_group {
            assert_eq!(ranks[i], Some(1), "ranks restart at {}", agencies[i]);
        }
        let m = masses[i].unwrap();
        let share = m.to_f64() * 1e9 / whole[&agencies[i]] as f64;
        assert!((shares[i].unwrap().to_f64() - share).abs() < 1e-6, "{share}");
    }
    let err = ResultTable::ranking(&agg, Measure::Mass, None, &[GroupKey::Country], OutputUnits::default());
    assert!(err.is_err());
}

#[test]
fn comparison_keeps_the_total_apart_and_flags_it() {
    let (records, t) = seed();
    let (cur, prev) = (Period::parse("2021-02").unwrap(), Period::parse("2021-01").unwrap());
    let c = t.compare(&Query::by(&[GroupKey::Name]), cur, prev, Measure::Mass).unwrap();
    let table = ResultTable::comparison(&c, &[GroupKey::Name], cur, prev, OutputUnits::default());
    assert!(table.column_names().iter().all(|n| !n.contains(' ')));
    let Values::Bool(flags) = &table.column("is_total").unwrap().values else { panic!() };
    assert_eq!(flags.iter().filter(|f| **f == Some(true)).count(), 1);
    assert_eq!(flags.last(), Some(&Some(true)));
    let inside: i128 = records
        .iter()
        .filter(|s| cur.covers(s.period))
        .filter_map(|s| s.quantity.filter(|q| q.unit().dimension() == narcostat::Dimension::Mass))
        .map(|q| i128::from(q.base()))
        .sum();
    let total = decimals(&table, "mass_kg_current").last().copied().flatten().unwrap();
    assert_eq!(total.mantissa * 10i128.pow(9 - total.scale), inside);
}

#[test]
fn trend_and_equivalents_have_typed_columns() {
    let (_, t) = seed();
    let agg = t.aggregate(&Query::parse("month", "", None).unwrap()).unwrap();
    let tr = ResultTable::trend(&agg, Measure::Records, OutputUnits::default()).unwrap();
    assert!(matches!(tr.column("month").unwrap().values, Values::Period { .. }));
    let eq = t
        .equivalents(
            &Query::by(&[GroupKey::Country]),
            narcostat::equivalent::Basis::HeroinEquivalent,
            Default::default(),
        )
        .unwrap();
    let e = ResultTable::equivalents(&eq, &[GroupKey::Country], OutputUnits::default());
    assert!(matches!(e.column("equivalent_kg").unwrap().values, Values::Decimal { .. }));
    assert!(matches!(e.column("records_not_converted").unwrap().values, Values::Int(_)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// CSV, JSON and Arrow agree value for value on random aggregates.
    #[test]
    fn renderers_agree(grams in proptest::collection::vec((0usize..4, 1i64..10_000_000_000), 1..30)) {
        let (mut records, _) = seed();
        let base = records[0].clone();
        records.clear();
        for (i, (name, g)) in grams.iter().enumerate() {
            let mut s = base.clone();
            s.substance.name = format!("drug {name}");
            s.quantity = Some(narcostat::Quantity::from_base(*g * 1000, Unit::Gram).unwrap());
            s.seizures = Some(i as u64);
            records.push(s);
        }
        let t = SeizureTable::from_seizures(&records).unwrap();
        let table = ResultTable::aggregate(&t.aggregate(&Query::by(&[GroupKey::Name])).unwrap(), OutputUnits::default());
        let batch = table.to_record_batch().unwrap();
        let json: serde_json::Value = serde_json::from_str(&table.to_json()).unwrap();
        let text = table.to_csv();
        let mut csv = csv::Reader::from_reader(text.as_bytes());
        let header = csv.headers().unwrap().clone();
        for (row, record) in csv.records().enumerate() {
            let record = record.unwrap();
            for (j, name) in header.iter().enumerate() {
                let array = batch.column(j);
                let from_arrow = arrow_cast::display::array_value_to_string(array, row).unwrap();
                let from_json = match &json[row][name] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let canon = |s: &str| s.parse::<narcostat::quantity::Decimal>().map(|d| d.normalized().to_string()).unwrap_or_else(|_| s.to_owned());
                prop_assert_eq!(canon(&record[j]), canon(&from_arrow), "{} row {}", name, row);
                prop_assert_eq!(canon(&record[j]), canon(&from_json), "{} row {}", name, row);
            }
        }
    }
}
