//! The checks that need all rows, across partitions: random records (with
//! planted duplicates and outliers, and stated totals) split at random into
//! parts, each part's `CheckPartial` written to narcostat's binary form, read
//! back and merged in a random tree order, finish into exactly the report of
//! `check::report` over all the rows at once: same totals, conflicts,
//! duplicate groups (same members) and outliers.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use narcostat::check::{CheckPartial, CheckPartialError, TableDataset, Tolerance, report};
use narcostat::record::Qualifier;
use narcostat::substance::{Drug, Substance};
use narcostat::{CountryCode, Dataset, Date, DrugList, Period, Place, Quantity, ReportedTotal, Seizure, Unit};
use proptest::prelude::*;

const DRUGS: [Drug; 3] = [Drug::Heroin, Drug::Cocaine, Drug::Methamphetamine];
const COUNTRIES: [&str; 3] = ["AFG", "IRN", "USA"];
const UNITS: [Unit; 4] = [Unit::Kilogram, Unit::Gram, Unit::Tablet, Unit::Litre];
const AGENCIES: [&str; 2] = ["DEA", "CBP"];
/// 2019-01-01.
const DAY0: i32 = 17_897;

fn place(country: Option<usize>, province: Option<usize>) -> Place {
    Place {
        country: country.map(|c| CountryCode::resolve(COUNTRIES[c]).unwrap()),
        province: province.map(|p| format!("P{p}")),
        ..Place::default()
    }
}

fn period(day: i32) -> Period {
    Period::new(Date::from_days(DAY0 + day), Date::from_days(DAY0 + day)).unwrap()
}

/// A record from a small space of values (so that duplicates occur), with
/// a rare planted outlier amount.
fn arb_seizure() -> impl Strategy<Value = Seizure> {
    let amount = prop_oneof![8 => 1i64..6, 1 => Just(0i64), 1 => 1_000i64..1_000_000];
    let fields = (0..DRUGS.len(), prop::option::of(0..COUNTRIES.len()), prop::option::of(0..2usize), 0..UNITS.len());
    let more = (prop::option::weighted(0.95, amount), 0i32..3, prop::option::of(0..AGENCIES.len()), 0..4usize);
    let rest = (0..3usize, prop::option::of(1u64..3), any::<bool>());
    (fields, more, rest).prop_map(
        |((drug, country, province, unit), (amount, day, agency, doc), (line, events, note))| {
            let mut s = Seizure::new(
                Substance::of(DRUGS[drug]),
                Quantity::from_base(0, UNITS[unit]).unwrap(),
                period(day),
                place(country, province),
            );
            s.quantity = amount.map(|a| Quantity::from_base(a * 1_000, UNITS[unit]).unwrap());
            s.agency = agency.map(|a| AGENCIES[a].to_owned());
            // Lines are the same in every draw of a document: only their text differs.
            s.source = match doc {
                0 => None,
                1 => Some("bulletin.pdf".to_owned()),
                d => Some(format!("file{d}.csv:{}", 2 + line)),
            };
            s.seizures = events;
            if note {
                s.notes = vec!["seen".to_owned()];
            }
            s
        },
    )
}

fn arb_total() -> impl Strategy<Value = ReportedTotal> {
    let fields = (prop::option::of(0..COUNTRIES.len()), prop::option::of(0..2usize), 0..2usize, 0..4usize);
    (fields, 0i64..40, prop::option::of(0..DRUGS.len())).prop_map(
        |((country, province, unit, qualifier), stated, drug)| ReportedTotal {
            stated: Quantity::from_base(stated * 1_000, UNITS[unit]).unwrap(),
            qualifier: [Qualifier::Exact, Qualifier::About, Qualifier::AtLeast, Qualifier::AtMost][qualifier],
            period: Period::new(Date::from_days(DAY0), Date::from_days(DAY0 + 1)).unwrap(),
            place: place(country, province),
            drugs: DrugList { drugs: drug.map(|d| vec![DRUGS[d]]).unwrap_or_default(), groups: Vec::new() },
            scope: None,
            source: Some("bulletin.pdf".to_owned()),
        },
    )
}

/// The records and totals cut at `cuts` (sorted, clamped): some parts may be empty.
fn parts(rows: &[Seizure], totals: &[ReportedTotal], cuts: &[usize]) -> Vec<Dataset> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (rows.len() + 1)).collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in cuts.into_iter().chain([rows.len()]).enumerate() {
        let reported_totals = totals.iter().skip(i).step_by(4).cloned().collect();
        out.push(Dataset { seizures: rows[start..c].to_vec(), reported_totals, ..Dataset::default() });
        start = c;
    }
    out
}

/// Merges the partials two at a time, each pair picked by `picks`, until one is left.
fn merge_in_tree(mut partials: Vec<CheckPartial>, picks: &[(usize, usize)]) -> CheckPartial {
    let mut picks = picks.iter().cycle();
    while partials.len() > 1 {
        let (a, b) = picks.next().copied().unwrap_or((0, 1));
        let right = partials.swap_remove(b % partials.len());
        let i = a % partials.len();
        partials[i].merge(&right).unwrap();
    }
    partials.pop().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn merged_check_partials_are_the_report_of_all_rows(
        rows in prop::collection::vec(arb_seizure(), 0..120),
        totals in prop::collection::vec(arb_total(), 0..8),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 1..8),
        factor in prop_oneof![Just(100.0), Just(3.0), Just(0.5)],
    ) {
        let datasets = parts(&rows, &totals, &cuts);
        // The oracle: every part's records and totals in one table, checked at once.
        let mut all = Dataset::default();
        for d in &datasets {
            all.seizures.extend(d.seizures.iter().cloned());
            all.reported_totals.extend(d.reported_totals.iter().cloned());
        }
        let expected = report(&TableDataset::from_dataset(&all).unwrap(), Tolerance::default(), factor);
        let partials: Vec<CheckPartial> = datasets
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let partial = CheckPartial::new(&TableDataset::from_dataset(d).unwrap(), i as u32).unwrap();
                CheckPartial::from_bytes(&partial.to_bytes().unwrap()).unwrap()
            })
            .collect();
        let merged = merge_in_tree(partials, &picks);
        prop_assert_eq!(merged.len(), rows.len());
        let got = merged.finish(Tolerance::default(), factor);
        prop_assert_eq!(&got.duplicates, &expected.duplicates);
        prop_assert_eq!(&got.outliers, &expected.outliers);
        prop_assert_eq!(&got.totals, &expected.totals);
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn a_partition_merged_twice_is_refused() {
    let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
    let mut a = CheckPartial::new(&data, 3).unwrap();
    let b = a.clone();
    let err = a.merge(&b).unwrap_err();
    assert_eq!(err, CheckPartialError::SamePart { part: 3 });
    assert!(err.to_string().contains("counted twice"), "{err}");
    assert_eq!(a.len(), data.len());
}

#[test]
fn the_planted_duplicates_and_outlier_are_found_across_partitions() {
    let mut one =
        Seizure::new(Substance::of(Drug::Heroin), Quantity::parse("2 kg").unwrap(), period(0), place(Some(0), None));
    one.source = Some("a.csv:2".to_owned());
    let mut rows: Vec<Seizure> = (0..4)
        .map(|i| {
            let mut s = one.clone();
            s.quantity = Some(Quantity::parse(&format!("{} kg", 2 + i)).unwrap());
            s.source = Some(format!("a.csv:{}", 3 + i));
            s
        })
        .collect();
    rows.push(one.clone());
    let mut big = one.clone();
    big.quantity = Some(Quantity::parse("5000 kg").unwrap());
    big.source = Some("a.csv:9".to_owned());
    rows.push(big);
    let mut other = one.clone();
    other.source = Some("b.csv:2".to_owned());
    let halves = [rows.clone(), vec![other]];
    let mut merged = CheckPartial::default();
    for (i, h) in halves.iter().enumerate() {
        let data = TableDataset::from_dataset(&Dataset { seizures: h.clone(), ..Dataset::default() }).unwrap();
        merged.merge(&CheckPartial::new(&data, i as u32).unwrap()).unwrap();
    }
    let r = merged.finish(Tolerance::default(), 100.0);
    // 2 kg at rows 0 (a.csv:3) and 4 (a.csv:2), and row 6 (b.csv:2, another document).
    assert_eq!(r.duplicates.len(), 1);
    assert_eq!((r.duplicates[0].count, r.duplicates[0].sources, r.duplicates[0].rows.clone()), (3, 2, vec![0, 4, 6]));
    assert_eq!(r.outliers.len(), 1);
    assert_eq!((r.outliers[0].row, r.outliers[0].group_size), (5, 7));
    assert_eq!(merged.locations().get(&6).map(String::as_str), Some("b.csv:2"));
}
