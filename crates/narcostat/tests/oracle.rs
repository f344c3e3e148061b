//! The oracle: the aggregation engine against a deliberately naive reference
//! aggregator, group by group, for random tables and random queries.
//!
//! The reference keeps a `BTreeMap` from each record's key, computed from the
//! record's own fields (no dictionaries, no composite codes, no blocks, no
//! threads), to measures summed in `i128`. It follows the documented semantics:
//! - every non-empty filter list must match, by any of its values; names,
//!   provinces, localities and agencies compare after [`normalize`];
//! - with a period, records wholly inside it are added, records wholly outside
//!   it or straddling an edge are only counted;
//! - a record whose first and last days fall in different time buckets goes by
//!   the span rule: apart (`Separate`), or to the bucket of its first or last day;
//!   a day the calendar cannot place leaves the record apart too.
//!
//! The engine runs on 1 and 2 threads (with the parallel threshold lowered so
//! that small tables are split), on the whole table and on random parts merged
//! (directly and through serde_json), for queries of 1 to 14 keys whose key
//! spaces are dense, hashed and wider than 64 bits.
#![expect(clippy::unwrap_used, clippy::expect_used, reason = "test helpers fail the test on error")]

use narcostat::aggregate::{Accounting, Measures, Total};
use narcostat::place::{CountryCode, Place, UnodcRegion, UnodcSubRegion};
use narcostat::substance::{Drug, Substance, normalize};
use narcostat::{
    Aggregate, CountUnit, Date, Dimension, Filter, Granularity, Group, GroupKey, KeyValue, Period, Quantity, Query,
    Seizure, SeizureTable, SpanRule, Unit,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::collections::BTreeMap;
use std::sync::OnceLock;

// ---- the reference aggregator ----

/// What the reference computes: groups, the unattributed part, the accounting.
#[derive(Debug, Default)]
struct Reference {
    groups: BTreeMap<Vec<KeyValue>, Measures>,
    unattributed: BTreeMap<Vec<KeyValue>, Measures>,
    accounting: Accounting,
}

/// Whether `value` is among `wanted` (an empty list matches everything).
fn among<T: PartialEq>(wanted: &[T], value: Option<T>) -> bool {
    wanted.is_empty() || value.is_some_and(|v| wanted.contains(&v))
}

/// Whether `value` is among `wanted` after normalisation.
fn among_text(wanted: &[String], value: Option<&str>) -> bool {
    wanted.is_empty() || value.is_some_and(|v| wanted.iter().any(|w| normalize(w) == normalize(v)))
}

/// The substance lists are one condition: drug, family or group listed.
fn keeps_substance(f: &Filter, drug: Drug) -> bool {
    (f.drugs.is_empty() && f.families.is_empty() && f.groups.is_empty())
        || f.drugs.contains(&drug)
        || f.families.contains(&drug.family())
        || f.groups.contains(&drug.group())
}

/// Iranian province names of the pool with their current ISO codes, written
/// out by hand (the engine uses the place module's table).
const IRAN_NAMES: [(&str, &str); 2] = [("Ilam", "IR-16"), ("Fars", "IR-07")];

/// A province condition: the same text, or an Iranian name of the province
/// stored on an Iranian row (a name never reaches another country's rows).
fn keeps_province(wanted: &[String], place: &Place) -> bool {
    let iran = place.country.is_some_and(|c| c.as_str() == "IRN");
    wanted.is_empty()
        || place.province.as_deref().is_some_and(|stored| {
            wanted.iter().any(|w| {
                normalize(w) == normalize(stored)
                    || (iran && IRAN_NAMES.iter().any(|(name, code)| name == w && *code == stored))
            })
        })
}

fn unodc_sub(p: &Place) -> Option<UnodcSubRegion> {
    p.country.and_then(UnodcSubRegion::of)
}

fn keeps(f: &Filter, s: &Seizure) -> bool {
    let drug = s.substance.drug;
    keeps_substance(f, drug)
        && among_text(&f.names, Some(&s.substance.name))
        && among(&f.countries, s.place.country)
        && among(&f.regions, s.place.region())
        && among(&f.subregions, s.place.subregion())
        && among(&f.unodc_subregions, unodc_sub(&s.place))
        && among(&f.unodc_regions, unodc_sub(&s.place).map(UnodcSubRegion::region))
        && keeps_province(&f.provinces, &s.place)
        && among_text(&f.localities, s.place.locality.as_deref())
        && among_text(&f.agencies, s.agency.as_deref())
        && among(&f.origins, s.origin)
        && among(&f.destinations, s.destination)
}

/// The time bucket of a record, or `None` when it is not attributable.
fn bucket(g: Granularity, rule: SpanRule, p: Period) -> Option<i32> {
    let (first, last) = (g.bucket(p.start), g.bucket(p.end));
    if first == last {
        return first;
    }
    match rule {
        SpanRule::Separate => None,
        SpanRule::ByStart => first,
        SpanRule::ByEnd => last,
    }
}

fn text(t: Option<&String>) -> KeyValue {
    t.map_or(KeyValue::Missing, |t| KeyValue::Text(t.clone()))
}

fn country(c: Option<CountryCode>) -> KeyValue {
    c.map_or(KeyValue::Missing, KeyValue::Country)
}

/// The key of a record, and whether it is attributable at the query's granularity.
fn key_of(by: &[GroupKey], rule: SpanRule, s: &Seizure) -> (Vec<KeyValue>, bool) {
    let mut attributable = true;
    let key = by
        .iter()
        .map(|k| match k.clone() {
            GroupKey::Drug => KeyValue::Drug(s.substance.drug),
            GroupKey::DrugGroup => KeyValue::DrugGroup(s.substance.drug.group()),
            GroupKey::DrugFamily => KeyValue::DrugFamily(s.substance.drug.family()),
            GroupKey::UnodcSubRegion => unodc_sub(&s.place).map_or(KeyValue::Missing, KeyValue::UnodcSubRegion),
            GroupKey::UnodcRegion => {
                unodc_sub(&s.place).map(UnodcSubRegion::region).map_or(KeyValue::Missing, KeyValue::UnodcRegion)
            }
            GroupKey::Name => KeyValue::Text(s.substance.name.clone()),
            GroupKey::Country => country(s.place.country),
            GroupKey::Region => s.place.region().map_or(KeyValue::Missing, KeyValue::Region),
            GroupKey::SubRegion => s.place.subregion().map_or(KeyValue::Missing, KeyValue::SubRegion),
            GroupKey::Province => text(s.place.province.as_ref()),
            GroupKey::Locality => text(s.place.locality.as_ref()),
            GroupKey::Agency => text(s.agency.as_ref()),
            GroupKey::Origin => country(s.origin),
            GroupKey::Destination => country(s.destination),
            GroupKey::Column(name) => s.column(&name).map_or(KeyValue::Missing, |v| KeyValue::Text(v.to_owned())),
            GroupKey::Time(g) => match bucket(g, rule, s.period) {
                Some(index) => KeyValue::Bucket { granularity: g, index },
                None => {
                    attributable = false;
                    KeyValue::Missing
                }
            },
        })
        .collect();
    (key, attributable)
}

fn add_to(t: &mut Total, amount: i64) {
    t.sum += i128::from(amount);
    t.records += 1;
    t.min = Some(t.min.map_or(amount, |m| m.min(amount)));
    t.max = Some(t.max.map_or(amount, |m| m.max(amount)));
}

fn add_record(m: &mut Measures, s: &Seizure) {
    m.records += 1;
    match s.quantity {
        None => m.no_quantity += 1,
        Some(q) => match q.unit().dimension() {
            Dimension::Mass => add_to(&mut m.mass, q.base()),
            Dimension::Volume => add_to(&mut m.volume, q.base()),
            Dimension::Count => {
                // Each kind of item apart; thousands of tablets are tablets.
                let kind = CountUnit::of(q.unit()).expect("a count unit");
                add_to(m.counts.entry(kind).or_default(), q.base());
            }
        },
    }
    if let Some(n) = s.seizures {
        m.seizures += n;
        m.seizures_reported += 1;
    }
    m.first = Some(m.first.map_or(s.period.start, |d| d.min(s.period.start)));
    m.last = Some(m.last.map_or(s.period.end, |d| d.max(s.period.end)));
}

/// The naive aggregation of `rows` under `q`.
fn reference(rows: &[Seizure], q: &Query) -> Reference {
    let mut r = Reference::default();
    for s in rows {
        r.accounting.rows += 1;
        if !keeps(&q.filter, s) {
            r.accounting.filtered_out += 1;
            continue;
        }
        if let Some(p) = q.period {
            if s.period.end < p.start || s.period.start > p.end {
                r.accounting.outside_period += 1;
                continue;
            }
            if s.period.start < p.start || s.period.end > p.end {
                r.accounting.straddling_period += 1;
                continue;
            }
        }
        let (key, attributable) = key_of(&q.by, q.span_rule, s);
        if attributable {
            r.accounting.aggregated += 1;
            add_record(r.groups.entry(key).or_default(), s);
        } else {
            r.accounting.unattributed += 1;
            add_record(r.unattributed.entry(key).or_default(), s);
        }
        if s.quantity.is_none() {
            r.accounting.without_quantity += 1;
        }
    }
    r
}

// ---- comparing the engine with it ----

fn same_groups(part: &str, got: &[Group], want: &BTreeMap<Vec<KeyValue>, Measures>) -> Result<(), TestCaseError> {
    for w in got.windows(2) {
        prop_assert!(w[0].key < w[1].key, "{} keys not strictly sorted: {:?} then {:?}", part, w[0].key, w[1].key);
    }
    let got: BTreeMap<&Vec<KeyValue>, &Measures> = got.iter().map(|g| (&g.key, &g.measures)).collect();
    for (key, m) in want {
        let Some(g) = got.get(key) else {
            return Err(TestCaseError::fail(format!("{part} {key:?} missing from the engine's result")));
        };
        prop_assert_eq!(*g, m, "{} {:?}", part, key);
    }
    for key in got.keys() {
        prop_assert!(want.contains_key(*key), "the engine invented {} {:?}", part, key);
    }
    Ok(())
}

fn same_as_reference(got: &Aggregate, want: &Reference, how: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(got.accounting, want.accounting, "accounting ({})", how);
    prop_assert!(got.accounting.balanced(), "unbalanced accounting ({})", how);
    same_groups(&format!("group ({how})"), &got.groups, &want.groups)?;
    same_groups(&format!("unattributed group ({how})"), &got.unattributed, &want.unattributed)
}

/// Thread pools of 1 and 2 threads; the parallel path lowered to small tables.
fn pools() -> &'static [rayon::ThreadPool; 2] {
    static POOLS: OnceLock<[rayon::ThreadPool; 2]> = OnceLock::new();
    POOLS.get_or_init(|| {
        narcostat::aggregate::set_parallel_min_rows(16);
        [1, 2].map(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("a thread pool"))
    })
}

fn aggregate(rows: &[Seizure], q: &Query, pool: &rayon::ThreadPool) -> Aggregate {
    let table = SeizureTable::from_seizures(rows).unwrap();
    pool.install(|| table.aggregate(q)).unwrap()
}

/// The engine on 1 and 2 threads, and split into parts merged directly and
/// through serde_json, against the reference.
fn engine_matches_reference(rows: &[Seizure], q: &Query, cuts: &[usize]) -> Result<(), TestCaseError> {
    let want = reference(rows, q);
    let [one, two] = pools();
    let whole = aggregate(rows, q, one);
    same_as_reference(&whole, &want, "1 thread")?;
    same_as_reference(&aggregate(rows, q, two), &want, "2 threads")?;
    let mut bounds: Vec<usize> = cuts.iter().map(|&c| c.min(rows.len())).collect();
    bounds.sort_unstable();
    bounds.push(rows.len());
    let mut parts = Vec::new();
    let mut lo = 0;
    for hi in bounds {
        parts.push(aggregate(&rows[lo..hi], q, two));
        lo = hi;
    }
    same_as_reference(&Aggregate::merge_all(q, &parts).unwrap(), &want, "parts merged")?;
    let json = serde_json::to_string(&parts).unwrap();
    let back: Vec<Aggregate> = serde_json::from_str(&json).unwrap();
    same_as_reference(&Aggregate::merge_all(q, back.iter().rev()).unwrap(), &want, "parts through JSON, reversed")
}

// ---- random tables ----

const DRUGS: [Drug; 10] = [
    Drug::Opium,
    Drug::Heroin,
    Drug::Morphine,
    Drug::CannabisHerb,
    Drug::CannabisResin,
    Drug::CannabisPlants,
    Drug::Cocaine,
    Drug::Methamphetamine,
    Drug::Captagon,
    Drug::Lsd,
];
const COUNTRIES: [&str; 7] = ["IRN", "AFG", "PAK", "USA", "IND", "TUR", "MEX"];
const PROVINCES: [&str; 5] = ["IR-07", "IR-16", "Punjab", "Maharashtra", "Sindh"];
const AGENCIES: [&str; 5] = ["Police", "customs", "Customs ", "Office of Field Operations", "U.S. Border Patrol"];
const GRANULARITIES: [Granularity; 9] = [
    Granularity::Day,
    Granularity::Week,
    Granularity::Month,
    Granularity::Quarter,
    Granularity::Year,
    Granularity::US_FISCAL_YEAR,
    Granularity::FiscalYear(7),
    Granularity::SolarHijriMonth,
    Granularity::SolarHijriYear,
];
/// 2019-01-01 and the span of days records start in.
const DAY0: i32 = 17_897;
const DAYS: i32 = 1_100;

fn code(i: usize) -> CountryCode {
    CountryCode::resolve(COUNTRIES[i % COUNTRIES.len()]).expect("a known country")
}

/// How big the value pools of a table are: small pools give dense key spaces,
/// large ones hashed and (with many keys) wider-than-64-bit ones.
#[derive(Debug, Clone, Copy)]
struct Pools {
    names: usize,
    localities: usize,
}

fn arb_pools() -> impl Strategy<Value = Pools> {
    prop_oneof![
        (1usize..4, 1usize..3).prop_map(|(names, localities)| Pools { names, localities }),
        (10usize..80, 5usize..40).prop_map(|(names, localities)| Pools { names, localities }),
    ]
}

fn arb_amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        8 => 0i64..1_000_000_000_000,
        1 => 0i64..1_000,
        // near the top of the range, so that sums carry past 64 bits
        1 => (i64::MAX - 1_000)..=i64::MAX,
    ]
}

fn arb_period() -> impl Strategy<Value = Period> {
    let day = |d: i32, span: i32| Period::new(Date::from_days(d), Date::from_days(d + span)).expect("ordered");
    prop_oneof![
        4 => (0..DAYS).prop_map(move |d| day(DAY0 + d, 0)),
        2 => (0..DAYS, 1..45).prop_map(move |(d, s)| day(DAY0 + d, s)),
        1 => (0..DAYS, 45..800).prop_map(move |(d, s)| day(DAY0 + d, s)),
        1 => (2019i32..2022, 1u32..=12).prop_map(|(y, m)| Period::parse(&format!("{y}-{m:02}")).expect("a month")),
        1 => (2019i32..2022).prop_map(|y| Period::parse(&y.to_string()).expect("a year")),
    ]
}

/// One record's choices, as indices into the pools.
#[derive(Debug, Clone)]
struct RowSpec {
    drug: usize,
    name: usize,
    country: Option<usize>,
    province: Option<usize>,
    locality: Option<usize>,
    agency: Option<usize>,
    route: (Option<usize>, Option<usize>),
    unit: usize,
    amount: Option<i64>,
    events: Option<u64>,
    period: Period,
}

fn arb_row() -> impl Strategy<Value = RowSpec> {
    let opt = |n: usize| prop::option::weighted(0.8, 0..n);
    (
        (0..DRUGS.len(), 0usize..1000, opt(COUNTRIES.len()), opt(PROVINCES.len()), opt(1000), opt(AGENCIES.len())),
        (opt(COUNTRIES.len()), opt(COUNTRIES.len())),
        (0..Unit::ALL.len(), prop::option::weighted(0.9, arb_amount()), prop::option::of(0u64..5_000), arb_period()),
    )
        .prop_map(|((drug, name, country, province, locality, agency), route, (unit, amount, events, period))| {
            RowSpec { drug, name, country, province, locality, agency, route, unit, amount, events, period }
        })
}

fn seizure(spec: &RowSpec, pools: Pools) -> Seizure {
    let drug = DRUGS[spec.drug];
    let mut substance = Substance::of(drug);
    // Some names are shared across drugs, most belong to one.
    substance.name =
        format!("{} lot {}", if spec.name % 5 == 0 { "mixed" } else { drug.name() }, spec.name % pools.names);
    let place = Place {
        country: spec.country.map(code),
        country_name: None,
        province: spec.province.map(|p| PROVINCES[p].to_owned()),
        locality: spec.locality.map(|l| format!("port {}", l % pools.localities)),
    };
    Seizure {
        substance,
        quantity: spec.amount.map(|a| Quantity::from_base(a, Unit::ALL[spec.unit]).expect("non-negative")),
        seizures: spec.events,
        period: spec.period,
        place,
        agency: spec.agency.map(|a| AGENCIES[a].to_owned()),
        source: None,
        origin: spec.route.0.map(code),
        destination: spec.route.1.map(code),
        notes: Vec::new(),
        columns: Vec::new(),
    }
}

fn arb_table() -> impl Strategy<Value = Vec<Seizure>> {
    (arb_pools(), prop::collection::vec(arb_row(), 0..300))
        .prop_map(|(pools, specs)| specs.iter().map(|s| seizure(s, pools)).collect())
}

// ---- random queries ----

const KEYS: [GroupKey; 14] = [
    GroupKey::Drug,
    GroupKey::DrugGroup,
    GroupKey::DrugFamily,
    GroupKey::UnodcRegion,
    GroupKey::UnodcSubRegion,
    GroupKey::Name,
    GroupKey::Country,
    GroupKey::Region,
    GroupKey::SubRegion,
    GroupKey::Province,
    GroupKey::Locality,
    GroupKey::Agency,
    GroupKey::Origin,
    GroupKey::Destination,
];

/// The keys of most values.
const WIDE_KEYS: [GroupKey; 4] = [GroupKey::Drug, GroupKey::Name, GroupKey::Locality, GroupKey::DrugGroup];

/// 1 to 14 keys (repeats allowed), at most one of them a time granularity.
fn arb_keys() -> impl Strategy<Value = Vec<GroupKey>> {
    (
        prop::collection::vec(prop::sample::select(KEYS.to_vec()), 0..=14),
        prop::option::of((prop::sample::select(GRANULARITIES.to_vec()), any::<prop::sample::Index>())),
    )
        .prop_map(|(mut keys, time)| {
            if let Some((g, at)) = time {
                keys.truncate(13);
                let at = at.index(keys.len() + 1);
                keys.insert(at, GroupKey::Time(g));
            }
            if keys.is_empty() {
                keys.push(GroupKey::Drug);
            }
            keys
        })
}

fn some_of<T: Clone + std::fmt::Debug + 'static>(values: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    prop_oneof![3 => Just(Vec::new()), 1 => prop::sample::subsequence(values.clone(), 1..=2.min(values.len()))]
}

fn arb_filter() -> impl Strategy<Value = Filter> {
    let countries: Vec<CountryCode> = (0..COUNTRIES.len()).map(code).collect();
    let names: Vec<String> =
        ["Opium lot 0", "OPIUM LOT 1", "mixed lot 0", "Heroin lot 2", "no such name"].map(str::to_owned).to_vec();
    let provinces: Vec<String> =
        PROVINCES.iter().copied().chain(["Ilam", "Fars", "Central"]).map(str::to_owned).collect();
    let localities: Vec<String> = ["port 0", "Port 1", "port 7", "nowhere"].map(str::to_owned).to_vec();
    (
        (
            some_of(DRUGS.to_vec()),
            some_of(DRUGS.iter().map(|d| d.group()).collect()),
            some_of(DRUGS.iter().map(|d| d.family()).collect()),
            some_of(names),
        ),
        (some_of(countries.clone()), some_of(provinces), some_of(localities)),
        (
            some_of(countries.iter().filter_map(|&c| UnodcSubRegion::of(c)).collect()),
            some_of(UnodcRegion::ALL.to_vec()),
        ),
        (
            some_of(AGENCIES.map(str::to_owned).to_vec()),
            some_of(countries.clone()),
            some_of(countries.clone()),
            some_of(countries.iter().filter_map(|c| c.info()).map(|i| i.subregion).collect()),
            some_of(countries.iter().filter_map(|c| c.info()).map(|i| i.subregion.region()).collect()),
        ),
    )
        .prop_map(
            |(
                (drugs, groups, families, names),
                (countries, provinces, localities),
                (unodc_subregions, unodc_regions),
                (agencies, origins, destinations, subregions, regions),
            )| Filter {
                drugs,
                families,
                groups,
                unodc_regions,
                unodc_subregions,
                names,
                countries,
                regions,
                subregions,
                provinces,
                localities,
                agencies,
                origins,
                destinations,
                columns: Vec::new(),
            },
        )
}

fn arb_query() -> impl Strategy<Value = Query> {
    let rules = prop::sample::select(vec![SpanRule::Separate, SpanRule::ByStart, SpanRule::ByEnd]);
    let period = prop::option::weighted(0.3, (0..DAYS + 100, 0..700)).prop_map(|p| {
        p.map(|(d, span)| Period::new(Date::from_days(DAY0 - 50 + d), Date::from_days(DAY0 - 50 + d + span)).unwrap())
    });
    (arb_keys(), prop::option::weighted(0.3, arb_filter()), period, rules).prop_map(|(by, filter, period, rule)| {
        Query { by, filter: filter.unwrap_or_default(), period, span_rule: rule }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    /// Any table, any query: the engine agrees with the reference group by
    /// group, on 1 and 2 threads, whole and split into merged parts.
    #[test]
    fn engine_agrees_with_the_reference(rows in arb_table(), q in arb_query(), cuts in prop::collection::vec(0usize..300, 0..4)) {
        engine_matches_reference(&rows, &q, &cuts)?;
    }

    /// Many keys over varied values (drug spans every drug narcostat knows):
    /// key spaces far beyond 64 bits.
    #[test]
    fn wide_key_spaces_agree_with_the_reference(rows in arb_table(), keys in prop::collection::vec(prop::sample::select(WIDE_KEYS.to_vec()), 8..=13), g in prop::sample::select(GRANULARITIES.to_vec())) {
        let mut by = keys;
        by.push(GroupKey::Time(g));
        engine_matches_reference(&rows, &Query::by(&by), &[rows.len() / 2])?;
    }
}

// ---- fixed cases ----

fn day_seizure(drug: Drug, name: &str, agency: &str, locality: &str, kg: i64, day: i32) -> Seizure {
    let mut s = Seizure::new(
        Substance { drug, name: name.to_owned(), specific: None },
        Quantity::from_base(kg * 1_000_000_000, Unit::Kilogram).unwrap(),
        Period::day(Date::from_days(day)),
        Place { locality: Some(locality.to_owned()), ..Place::country(code(0)) },
    );
    s.agency = Some(agency.to_owned());
    s
}

/// The case: 4 records with distinct name, agency and locality
/// grouped by 14 keys gave 2 rows labelled with the first record's values
/// (the drug key spans every drug narcostat knows: 14 keys pass 2^64).
#[test]
fn four_records_by_fourteen_keys_stay_four_groups() {
    let rows = [
        day_seizure(Drug::Opium, "opium a", "Police", "port a", 1, DAY0),
        day_seizure(Drug::Heroin, "heroin b", "Customs", "port b", 2, DAY0 + 1),
        day_seizure(Drug::Cocaine, "cocaine c", "Navy", "port c", 3, DAY0 + 2),
        day_seizure(Drug::Lsd, "lsd d", "Border", "port d", 4, DAY0 + 3),
    ];
    let by = GroupKey::parse_list("drug,drug-group,name,agency,locality,drug,drug,drug,drug,drug,drug,drug,drug,day")
        .unwrap();
    assert_eq!(by.len(), 14);
    let q = Query::by(&by);
    let got = SeizureTable::from_seizures(&rows).unwrap().aggregate(&q).unwrap();
    assert_eq!(got.groups.len(), 4);
    let want = reference(&rows, &q);
    same_as_reference(&got, &want, "14 keys").unwrap();
}

/// Large enough for the parallel path at its default threshold, by 8 keys.
#[test]
fn seventy_thousand_records_by_eight_keys() {
    let mut state = 11u64;
    let mut next = move |n: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let rows: Vec<Seizure> = (0..70_000)
        .map(|_| {
            let spec = RowSpec {
                drug: next(DRUGS.len() as u64) as usize,
                name: next(1000) as usize,
                country: Some(next(7) as usize),
                province: Some(next(5) as usize),
                locality: Some(next(1000) as usize),
                agency: Some(next(5) as usize),
                route: (Some(next(7) as usize), Some(next(7) as usize)),
                unit: next(Unit::ALL.len() as u64) as usize,
                amount: Some(next(1 << 40) as i64),
                events: Some(next(100)),
                period: Period::day(Date::from_days(DAY0 + next(DAYS as u64) as i32)),
            };
            seizure(&spec, Pools { names: 400, localities: 300 })
        })
        .collect();
    let q = Query::by(&GroupKey::parse_list("name,agency,country,origin,destination,province,locality,day").unwrap());
    let want = reference(&rows, &q);
    let table = SeizureTable::from_seizures(&rows).unwrap();
    for pool in pools() {
        let got = pool.install(|| table.aggregate(&q)).unwrap();
        same_as_reference(&got, &want, "70,000 rows").unwrap();
    }
}
