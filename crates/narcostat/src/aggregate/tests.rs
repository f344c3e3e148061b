use crate::check::{Tolerance, check_total, conflicts};
use crate::compare::ChangeStatus;
use crate::equivalent::{Basis, Factors};
use crate::period::{Date, Granularity, Period};
use crate::place::{CountryCode, Place};
use crate::quantity::{CountUnit, Quantity, Unit};
use crate::query::{Filter, GroupKey, Query, SpanRule};
use crate::rank::Measure;
use crate::record::Seizure;
use crate::substance::{Drug, Substance};
use crate::table::SeizureTable;
use crate::{Aggregate, AggregateError, KeyValue};
use proptest::prelude::*;

fn seed_table() -> SeizureTable {
    SeizureTable::from_seizures(&crate::seed::bulletin_2021_02().seizures).unwrap()
}

fn seizure(drug: Drug, qty: &str, start: (i32, u32, u32), end: (i32, u32, u32), country: &str) -> Seizure {
    let period =
        Period::new(Date::from_ymd(start.0, start.1, start.2).unwrap(), Date::from_ymd(end.0, end.1, end.2).unwrap())
            .unwrap();
    Seizure::new(
        Substance::of(drug),
        Quantity::parse(qty).unwrap(),
        period,
        Place::country(CountryCode::resolve(country).unwrap()),
    )
}

#[test]
fn seed_ranking_sentence_and_shares() {
    let ranking = seed_table().aggregate(&Query::by(&[GroupKey::Name])).unwrap().rank(Measure::Mass, None);
    let labels: Vec<_> = ranking.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Opium",
            "Hashish",
            "Morphine",
            "Heroin",
            "Crystal",
            "other substances including precursors and psychotropic pills",
            "Grass"
        ]
    );
    assert_eq!(
        ranking.sentence(),
        "The highest seized type was Opium with 47,767 kg, followed by 5,637 kg of Hashish, 2,304 kg of Morphine, \
         1,144 kg of Heroin, 764 kg of Crystal, 304 kg of other substances including precursors and psychotropic pills \
         and 287 kg of Grass."
    );
    let shares: Vec<String> = ranking.entries.iter().map(|e| format!("{:.2}", e.share * 100.0)).collect();
    assert_eq!(shares, ["82.06", "9.68", "3.96", "1.97", "1.31", "0.52", "0.49"]);
    assert_eq!(ranking.total.to_string(), "58207");
}

#[test]
fn seed_total_check() {
    let month = crate::seed::bulletin_2021_02();
    let check = check_total(&month.reported_totals[0], &month.seizures, Tolerance::default()).unwrap();
    assert_eq!(check.item_count, 7);
    assert_eq!(check.difference, "176");
    assert_eq!(format!("{:.2}", check.relative * 100.0), "0.30");
    assert_eq!(check.describe(), "stated about 58,383 kg, items 58,207 kg (7 items): difference 176 kg (0.30%)");
    let strict = check_total(&month.reported_totals[0], &month.seizures, Tolerance { about: 0.001 }).unwrap();
    assert!(!strict.consistent);
}

#[test]
fn seed_conflicts() {
    let month = crate::seed::bulletin_2021_02();
    let c = conflicts(&month.sources, &month.activities);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].statements[0].0, "2021-01-31..2021-02-25");
    assert_eq!(c[0].statements[1].0, "2021-01-30..2021-02-28");
    assert_eq!((c[1].statements[0].0.as_str(), c[1].statements[1].0.as_str()), ("120", "122"));
}

#[test]
fn month_long_record_is_not_split_by_week() {
    let t = seed_table();
    let q = Query::by(&[GroupKey::Time(Granularity::Week)]);
    let r = t.aggregate(&q).unwrap();
    assert!(r.groups.is_empty());
    assert_eq!(r.unattributed.len(), 1);
    assert_eq!(r.unattributed[0].key, [KeyValue::Missing]);
    assert_eq!(r.accounting.unattributed, 7);
    assert!(r.accounting.balanced());
    // By end date it all lands in ISO week 2021-W08 (22-28 February).
    let r = t.aggregate(&q.clone().span_rule(SpanRule::ByEnd)).unwrap();
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].label(), "2021-W08");
    assert_eq!(r.query.span_rule, SpanRule::ByEnd);
    // By month it spans January and February; by year it is attributable.
    let r = t.aggregate(&Query::by(&[GroupKey::Time(Granularity::Year)])).unwrap();
    assert_eq!(r.groups[0].label(), "2021");
    let r = t.aggregate(&Query::by(&[GroupKey::Time(Granularity::SolarHijriYear)])).unwrap();
    assert_eq!(r.groups[0].label(), "SH1399");
}

#[test]
fn ties_are_broken_by_key() {
    let rows = [
        seizure(Drug::Heroin, "5 kg", (2020, 1, 1), (2020, 1, 1), "IRN"),
        seizure(Drug::Opium, "5 kg", (2020, 1, 2), (2020, 1, 2), "IRN"),
        seizure(Drug::Morphine, "9 kg", (2020, 1, 3), (2020, 1, 3), "IRN"),
    ];
    for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2]] {
        let t = SeizureTable::from_seizures(order.iter().map(|&i| &rows[i])).unwrap();
        let r = t.aggregate(&Query::by(&[GroupKey::Drug])).unwrap().rank(Measure::Mass, None);
        let got: Vec<_> = r.entries.iter().map(|e| (e.rank, e.label.clone())).collect();
        assert_eq!(got, [(1, "Morphine".to_owned()), (2, "Opium".to_owned()), (2, "Heroin".to_owned())]);
    }
}

#[test]
fn empty_input() {
    let t = SeizureTable::new();
    let r = t.aggregate(&Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Month)])).unwrap();
    assert!(r.groups.is_empty());
    assert_eq!(r.accounting.rows, 0);
    assert_eq!(r.rank(Measure::Mass, Some(5)).sentence(), "Nothing was recorded.");
}

#[test]
fn dimensions_are_kept_apart_and_nulls_are_not_zero() {
    let mut rows = vec![
        seizure(Drug::Lsd, "2 g", (2020, 1, 1), (2020, 1, 1), "USA"),
        seizure(Drug::Lsd, "300 blots", (2020, 1, 1), (2020, 1, 1), "USA"),
        seizure(Drug::Lsd, "0.5 l", (2020, 1, 1), (2020, 1, 1), "USA"),
    ];
    let mut null = seizure(Drug::Lsd, "0 kg", (2020, 1, 1), (2020, 1, 1), "USA");
    null.quantity = None;
    rows.push(null);
    let zero = seizure(Drug::Lsd, "0 kg", (2020, 1, 2), (2020, 1, 2), "USA");
    rows.push(zero);
    let r = SeizureTable::from_seizures(&rows).unwrap().aggregate(&Query::by(&[GroupKey::Drug])).unwrap();
    let m = &r.groups[0].measures;
    assert_eq!(m.mass.value_in(Unit::Gram).to_string(), "2");
    assert_eq!(m.mass.records, 2);
    assert_eq!(m.mass.min, Some(0));
    assert_eq!(m.count(CountUnit::Blots).value_in(Unit::Blot).to_string(), "300");
    assert_eq!(m.volume.value_in(Unit::Millilitre).to_string(), "500");
    assert_eq!(m.no_quantity, 1);
    assert_eq!(m.records, 5);
    assert_eq!(r.accounting.without_quantity, 1);
}

#[test]
fn huge_quantities_overflow_with_the_group_named() {
    let q = Query::by(&[GroupKey::Drug]);
    let t = SeizureTable::from_seizures(&[seizure(Drug::Opium, "1 kg", (2020, 1, 1), (2020, 1, 1), "IRN")]).unwrap();
    let mut a = t.aggregate(&q).unwrap();
    let mut huge = a.clone();
    huge.groups[0].measures.mass.sum = i128::MAX;
    let err = a.merge(&huge).unwrap_err();
    assert_eq!(err, AggregateError::Overflow { group: "Opium".into() });
    // The largest single quantity sums exactly.
    let big = Seizure { quantity: Some(Quantity::from_base(i64::MAX, Unit::Kilogram).unwrap()), ..t.row(0).unwrap() };
    let r = SeizureTable::from_seizures(&[big.clone(), big]).unwrap().aggregate(&q).unwrap();
    assert_eq!(r.groups[0].measures.mass.sum, 2 * i128::from(i64::MAX));
    assert_eq!(r.groups[0].measures.mass.quantity(Unit::Kilogram), None);
}

#[test]
fn compare_years() {
    let rows = [
        seizure(Drug::Opium, "10 kg", (2019, 5, 1), (2019, 5, 1), "IRN"),
        seizure(Drug::Opium, "15 kg", (2020, 5, 1), (2020, 5, 1), "IRN"),
        seizure(Drug::Heroin, "3 kg", (2019, 5, 1), (2019, 5, 1), "IRN"),
        seizure(Drug::Morphine, "4 kg", (2020, 5, 1), (2020, 5, 1), "IRN"),
    ];
    let t = SeizureTable::from_seizures(&rows).unwrap();
    let c = t
        .compare(
            &Query::by(&[GroupKey::Drug]),
            Period::parse("2020").unwrap(),
            Period::parse("2019").unwrap(),
            Measure::Mass,
        )
        .unwrap();
    let got: Vec<_> = c
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.absolute.to_string(), r.percent.map(|p| format!("{p:.1}")), r.status))
        .collect();
    assert_eq!(
        got,
        [
            ("Opium", "5".to_owned(), Some("50.0".to_owned()), ChangeStatus::Both),
            ("Heroin", "-3".to_owned(), Some("-100.0".to_owned()), ChangeStatus::Vanished),
            ("Morphine", "4".to_owned(), None, ChangeStatus::New),
        ]
    );
    assert_eq!(c.total.absolute.to_string(), "6");
}

#[test]
fn period_filter_accounts_for_straddlers() {
    let rows = [
        seizure(Drug::Opium, "1 kg", (2020, 12, 20), (2021, 1, 10), "IRN"),
        seizure(Drug::Opium, "2 kg", (2021, 1, 5), (2021, 1, 5), "IRN"),
        seizure(Drug::Opium, "4 kg", (2022, 1, 5), (2022, 1, 5), "IRN"),
        seizure(Drug::Heroin, "8 kg", (2021, 3, 5), (2021, 3, 5), "AFG"),
    ];
    let t = SeizureTable::from_seizures(&rows).unwrap();
    let mut f = Filter::default();
    f.add("country", "Iran").unwrap();
    let r = t.aggregate(&Query::by(&[GroupKey::Drug]).filter(f).period(Period::parse("2021").unwrap())).unwrap();
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].measures.mass.value_in(Unit::Kilogram).to_string(), "2");
    let a = r.accounting;
    assert_eq!((a.filtered_out, a.outside_period, a.straddling_period, a.aggregated), (1, 1, 1, 1));
    assert!(a.balanced());
}

#[test]
fn equivalents_echo_their_factors() {
    let t = seed_table();
    let mut f = Factors::default();
    assert!(f.set("opium-per-heroin", "8"));
    let eq = t.equivalents(&Query::default(), Basis::OpiumEquivalent, f).unwrap();
    assert_eq!(eq.factors.opium_per_heroin.to_string(), "8");
    // (47767 / 8 + 2304 + 1144) * 8
    assert_eq!(eq.rows[0].mass_kg.to_string(), "75351");
    let ats = [
        seizure(Drug::Captagon, "1000 tablets", (2020, 1, 1), (2020, 1, 1), "SAU"),
        seizure(Drug::Amphetamine, "2 kg", (2020, 1, 1), (2020, 1, 1), "SAU"),
    ];
    let eq = SeizureTable::from_seizures(&ats)
        .unwrap()
        .equivalents(&Query::default(), Basis::AtsMass, Factors::default())
        .unwrap();
    assert_eq!(eq.rows[0].mass_kg.to_string(), "2.1");
}

#[test]
fn merge_rejects_other_queries() {
    let t = seed_table();
    let mut a = t.aggregate(&Query::by(&[GroupKey::Drug])).unwrap();
    let b = t.aggregate(&Query::by(&[GroupKey::DrugGroup])).unwrap();
    assert!(matches!(a.merge(&b), Err(AggregateError::Incompatible { .. })));
}

#[test]
fn hashed_and_dense_paths_agree() {
    // Day x name x place over many distinct values exceeds the dense limit.
    let mut rows = Vec::new();
    for i in 0..3000 {
        let mut s = seizure(Drug::Opium, &format!("{} g", i % 17 + 1), (2020, 1, 1), (2020, 1, 1), "IRN");
        s.period = Period::day(Date::from_days(18_000 + i % 400));
        s.substance.name = format!("opium lot {}", i % 50);
        s.place.locality = Some(format!("port {}", i % 30));
        rows.push(s);
    }
    let t = SeizureTable::from_seizures(&rows).unwrap();
    let q = Query::by(&[GroupKey::Name, GroupKey::Locality, GroupKey::Time(Granularity::Day)]);
    let big = t.aggregate(&q).unwrap();
    let grand = big.grand_total();
    let small = t.aggregate(&Query::default()).unwrap();
    assert_eq!(grand.mass.sum, small.groups[0].measures.mass.sum);
    assert_eq!(grand.records, 3000);
}

// ---- properties ----

fn arb_seizure() -> impl Strategy<Value = Seizure> {
    let drugs = prop::sample::select(vec![
        Drug::Opium,
        Drug::Heroin,
        Drug::CannabisResin,
        Drug::Methamphetamine,
        Drug::Captagon,
    ]);
    let countries = prop::sample::select(vec!["IRN", "AFG", "PAK", "TUR"]);
    let units = prop::sample::select(vec![Unit::Kilogram, Unit::Gram, Unit::Pound, Unit::Litre, Unit::Tablet]);
    (
        drugs,
        countries,
        units,
        0i64..5_000_000_000_000,
        17_000i32..19_000,
        0i32..60,
        prop::option::of(0u64..1000),
        any::<bool>(),
    )
        .prop_map(|(drug, country, unit, base, day, span, events, null)| {
            let mut s = Seizure::new(
                Substance::of(drug),
                Quantity::from_base(base, unit).unwrap(),
                Period::new(Date::from_days(day), Date::from_days(day + span)).unwrap(),
                Place::country(CountryCode::resolve(country).unwrap()),
            );
            s.seizures = events;
            if null {
                s.quantity = None;
            }
            s
        })
}

fn arb_query() -> impl Strategy<Value = Query> {
    let keys = prop::sample::subsequence(
        vec![GroupKey::Drug, GroupKey::DrugGroup, GroupKey::Country, GroupKey::Time(Granularity::Month)],
        0..=3,
    );
    let rules = prop::sample::select(vec![SpanRule::Separate, SpanRule::ByStart, SpanRule::ByEnd]);
    (keys, rules).prop_map(|(by, rule)| Query::by(&by).span_rule(rule))
}

fn agg(rows: &[Seizure], q: &Query) -> Aggregate {
    SeizureTable::from_seizures(rows).unwrap().aggregate(q).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn group_totals_add_up_to_the_grand_total(rows in prop::collection::vec(arb_seizure(), 0..200), q in arb_query()) {
        let r = agg(&rows, &q);
        let mut all = r.grand_total();
        for g in &r.unattributed { all.merge(&g.measures).unwrap(); }
        let whole = agg(&rows, &Query::default());
        let expected = whole.groups.first().map(|g| g.measures.clone()).unwrap_or_default();
        prop_assert_eq!(all.mass.sum, expected.mass.sum);
        prop_assert_eq!(all.volume.sum, expected.volume.sum);
        prop_assert_eq!(&all.counts, &expected.counts);
        prop_assert_eq!(all.records, rows.len() as u64);
        prop_assert_eq!(all.seizures, expected.seizures);
        prop_assert!(r.accounting.balanced());
        let direct: i128 = rows.iter().filter_map(|s| s.quantity).filter(|q| q.dimension() == crate::Dimension::Mass).map(|q| i128::from(q.base())).sum();
        prop_assert_eq!(expected.mass.sum, direct);
    }

    #[test]
    fn any_split_gives_the_same_result(rows in prop::collection::vec(arb_seizure(), 0..200), cuts in prop::collection::vec(0usize..200, 0..4), q in arb_query()) {
        let whole = agg(&rows, &q);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(rows.len())).collect();
        cuts.sort_unstable();
        let mut parts = Vec::new();
        let mut lo = 0;
        for c in cuts.into_iter().chain([rows.len()]) {
            parts.push(agg(&rows[lo..c], &q));
            lo = c;
        }
        let merged = Aggregate::merge_all(&q, &parts).unwrap();
        prop_assert_eq!(&merged, &whole);
        // commutative: merging in reverse order is the same
        let reversed = Aggregate::merge_all(&q, parts.iter().rev()).unwrap();
        prop_assert_eq!(&reversed, &whole);
        // the partial results survive serde
        let json = serde_json::to_string(&parts).unwrap();
        let back: Vec<Aggregate> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(Aggregate::merge_all(&q, &back).unwrap(), whole);
    }

    #[test]
    fn merge_is_associative(a in prop::collection::vec(arb_seizure(), 0..60), b in prop::collection::vec(arb_seizure(), 0..60), c in prop::collection::vec(arb_seizure(), 0..60), q in arb_query()) {
        let (ra, rb, rc) = (agg(&a, &q), agg(&b, &q), agg(&c, &q));
        let mut left = ra.clone();
        left.merge(&rb).unwrap();
        left.merge(&rc).unwrap();
        let mut bc = rb.clone();
        bc.merge(&rc).unwrap();
        let mut right = ra.clone();
        right.merge(&bc).unwrap();
        prop_assert_eq!(left, right);
    }

    #[test]
    fn filter_then_aggregate_equals_aggregate_then_select(rows in prop::collection::vec(arb_seizure(), 0..200)) {
        let mut f = Filter::default();
        f.add("drug", "opium").unwrap();
        let filtered = agg(&rows, &Query::by(&[GroupKey::Drug, GroupKey::Country]).filter(f));
        let all = agg(&rows, &Query::by(&[GroupKey::Drug, GroupKey::Country]));
        let selected: Vec<_> = all.groups.iter().filter(|g| g.key[0] == KeyValue::Drug(Drug::Opium)).cloned().collect();
        prop_assert_eq!(&filtered.groups, &selected);
        prop_assert!(filtered.accounting.balanced());
    }

    #[test]
    fn ranking_is_a_sorted_permutation(rows in prop::collection::vec(arb_seizure(), 0..200)) {
        let r = agg(&rows, &Query::by(&[GroupKey::Drug, GroupKey::Country]));
        let ranking = r.rank(Measure::Mass, None);
        let with_mass = r.groups.iter().filter(|g| !g.measures.mass.is_empty()).count();
        prop_assert_eq!(ranking.entries.len(), with_mass);
        let mut keys: Vec<_> = ranking.entries.iter().map(|e| e.key.clone()).collect();
        keys.sort();
        keys.dedup();
        prop_assert_eq!(keys.len(), with_mass);
        for w in ranking.entries.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            prop_assert!(a.value.to_f64() >= b.value.to_f64());
            prop_assert!(a.rank <= b.rank);
        }
    }
}

#[test]
fn parallel_run_equals_merged_serial_parts() {
    // 100,000 rows: large enough for the parallel path; each part of 25,000 runs serially.
    let mut state = 7u64;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        state >> 33
    };
    let drugs = [Drug::Opium, Drug::Heroin, Drug::CannabisHerb, Drug::Cocaine];
    let rows: Vec<Seizure> = (0..100_000)
        .map(|_| {
            let mut s = seizure(
                drugs[(next() % 4) as usize],
                "1 kg",
                (2020, 1, 1),
                (2020, 1, 1),
                ["IRN", "AFG"][(next() % 2) as usize],
            );
            s.quantity = Some(Quantity::from_base((next() % 1_000_000_000) as i64, Unit::Gram).unwrap());
            s.period = Period::day(Date::from_days(18_000 + (next() % 700) as i32));
            s
        })
        .collect();
    let q = Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Month)]);
    let whole = agg(&rows, &q);
    let parts: Vec<_> = rows.chunks(25_000).map(|c| agg(c, &q)).collect();
    assert_eq!(Aggregate::merge_all(&q, &parts).unwrap(), whole);
    assert_eq!(whole.accounting.aggregated, 100_000);
}

#[test]
fn counts_of_different_kinds_stay_apart_through_merge_and_serde() {
    let rows = [
        seizure(Drug::Captagon, "500 tablets", (2021, 2, 1), (2021, 2, 1), "SAU"),
        seizure(Drug::Captagon, "2 thousand tablets", (2021, 2, 1), (2021, 2, 1), "SAU"),
        seizure(Drug::CodeineCoughSyrup, "7 bottles", (2021, 2, 1), (2021, 2, 1), "SAU"),
        seizure(Drug::CannabisPlants, "4 plants", (2021, 2, 1), (2021, 2, 1), "SAU"),
        seizure(Drug::Heroin, "3 kg", (2021, 2, 1), (2021, 2, 1), "SAU"),
    ];
    let q = Query::by(&[GroupKey::Country]);
    let whole = agg(&rows, &q);
    let m = &whole.groups[0].measures;
    let counts: Vec<(CountUnit, String)> =
        m.counts.iter().map(|(k, t)| (*k, t.value_in(k.unit()).to_string())).collect();
    assert_eq!(
        counts,
        [(CountUnit::Tablets, "2500".into()), (CountUnit::Plants, "4".into()), (CountUnit::Bottles, "7".into())]
    );
    assert_eq!((m.count(CountUnit::Tablets).records, m.count(CountUnit::Units).records), (2, 0));
    assert_eq!((m.mass.value_in(Unit::Kilogram).to_string(), m.records), ("3".into(), 5));
    assert_eq!(whole.count_units(), [CountUnit::Tablets, CountUnit::Plants, CountUnit::Bottles]);
    // Split so that no part counts every kind, merged, and through JSON.
    let parts: Vec<Aggregate> = rows.chunks(2).map(|c| agg(c, &q)).collect();
    let json = serde_json::to_string(&parts).unwrap();
    assert!(json.contains("\"counts\":{\"tablets\":"), "{json}");
    let back: Vec<Aggregate> = serde_json::from_str(&json).unwrap();
    assert_eq!(Aggregate::merge_all(&q, &back).unwrap(), whole);
    // Ranking by a count names its kind; a bare "count" needs one kind.
    assert_eq!(
        Measure::parse_for("count", &whole.count_units()).map_err(|e| e.to_string()),
        Err(
            "measure \"count\" is ambiguous: the data counts tablets, plants, bottles; name one of them as the measure"
                .into()
        )
    );
    let ranking = whole.rank(Measure::parse("plants").unwrap(), None);
    assert_eq!((ranking.entries[0].value.to_string(), ranking.measure.column()), ("4".into(), "count_plants"));
}

#[test]
fn trend_changes_only_between_adjacent_periods() {
    let rows = [
        seizure(Drug::Opium, "100 kg", (1990, 1, 1), (1990, 12, 31), "IRN"),
        seizure(Drug::Opium, "120 kg", (1991, 1, 1), (1991, 12, 31), "IRN"),
        seizure(Drug::Opium, "1200 kg", (2002, 1, 1), (2002, 12, 31), "IRN"),
        seizure(Drug::Opium, "900 kg", (2003, 1, 1), (2003, 12, 31), "IRN"),
        seizure(Drug::Heroin, "5 kg", (1991, 1, 1), (1991, 12, 31), "IRN"),
        seizure(Drug::Heroin, "6 kg", (1992, 1, 1), (1992, 12, 31), "IRN"),
    ];
    // By year and drug: a series per drug, each with its own adjacent years.
    let by = [GroupKey::Time(Granularity::Year), GroupKey::Drug];
    let points = crate::compare::trend(&agg(&rows, &Query::by(&by)), Measure::Mass);
    let got: Vec<(String, Option<String>, u64)> =
        points.iter().map(|p| (p.label.clone(), p.change.map(|c| c.to_string()), p.missing_before)).collect();
    let want = [
        ("1990 / Opium", None, 0),
        ("1991 / Opium", Some("20"), 0),
        ("1991 / Heroin", None, 0),
        ("1992 / Heroin", Some("1"), 0),
        ("2002 / Opium", None, 10),
        ("2003 / Opium", Some("-300"), 0),
    ];
    let want: Vec<(String, Option<String>, u64)> =
        want.iter().map(|(l, c, m)| ((*l).to_owned(), c.map(str::to_owned), *m)).collect();
    assert_eq!(got, want);
    // Without a time key there are no periods, so no changes.
    let points = crate::compare::trend(&agg(&rows, &Query::by(&[GroupKey::Drug])), Measure::Mass);
    assert!(points.iter().all(|p| p.change.is_none() && p.missing_before == 0));
}
