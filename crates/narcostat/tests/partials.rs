//! Partial results across partitions: random records split at random into
//! parts, each part's partial written to narcostat's binary form, read back
//! and merged in a random tree order, finish into exactly the result of one
//! pass over all the rows, group by group; and the binary form refuses what
//! it cannot read with a clear error.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on error")]

use narcostat::binary::FormatError;
use narcostat::spec::{Operation, Partial, QuerySpec};
use narcostat::substance::{Drug, Substance};
use narcostat::{Aggregate, CountryCode, Date, Period, Place, Quantity, Seizure, SeizureTable, Unit};
use proptest::prelude::*;

const DRUGS: [Drug; 6] =
    [Drug::Heroin, Drug::Opium, Drug::Morphine, Drug::CannabisHerb, Drug::Cocaine, Drug::Methamphetamine];
const COUNTRIES: [&str; 4] = ["AFG", "IRN", "PAK", "USA"];
/// 2019-01-01.
const DAY0: i32 = 17_897;

/// (operation, spec as JSON): every operation, with filters, periods and time keys.
const QUERIES: [(Operation, &str); 7] = [
    (Operation::Summary, r#"{"by": "drug,year"}"#),
    (Operation::Summary, r#"{"by": "country,month", "where": {"drug": "opiates"}}"#),
    (Operation::Top, r#"{"by": "drug", "n": 3}"#),
    (Operation::Top, r#"{"by": "country", "where": {"drug": "cocaine"}, "period": 2020}"#),
    (Operation::Trend, r#"{"by": "quarter"}"#),
    (Operation::Compare, r#"{"by": "drug", "period": 2020, "vs": 2019}"#),
    (Operation::Equivalents, r#"{"by": "country"}"#),
];

fn arb_seizure() -> impl Strategy<Value = Seizure> {
    let amount = prop_oneof![8 => 0i64..1_000_000_000_000, 1 => (i64::MAX - 1_000)..=i64::MAX];
    let period = prop_oneof![
        3 => (0i32..1_000).prop_map(|d| Period::new(Date::from_days(DAY0 + d), Date::from_days(DAY0 + d)).unwrap()),
        1 => (2019i32..2022).prop_map(|y| Period::parse(&y.to_string()).unwrap()),
    ];
    (
        0..DRUGS.len(),
        prop::option::of(0..COUNTRIES.len()),
        0..Unit::ALL.len(),
        prop::option::weighted(0.9, amount),
        period,
    )
        .prop_map(|(drug, country, unit, amount, period)| {
            let place =
                Place { country: country.map(|c| CountryCode::resolve(COUNTRIES[c]).unwrap()), ..Place::default() };
            let mut s = Seizure::new(
                Substance::of(DRUGS[drug]),
                Quantity::from_base(0, Unit::ALL[unit]).unwrap(),
                period,
                place,
            );
            s.quantity = amount.map(|a| Quantity::from_base(a, Unit::ALL[unit]).unwrap());
            s
        })
}

/// The rows cut at `cuts` (sorted, clamped): some parts may be empty.
fn parts(rows: &[Seizure], cuts: &[usize]) -> Vec<Vec<Seizure>> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (rows.len() + 1)).collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain([rows.len()]) {
        out.push(rows[start..c].to_vec());
        start = c;
    }
    out
}

/// Merges the partials two at a time, each pair picked by `picks`, until one is left.
fn merge_in_tree(mut partials: Vec<Partial>, picks: &[(usize, usize)]) -> Partial {
    let mut picks = picks.iter().cycle();
    while partials.len() > 1 {
        let (a, b) = picks.next().copied().unwrap_or((0, 1));
        let j = b % partials.len();
        let right = partials.swap_remove(j);
        let i = a % partials.len();
        partials[i].merge(&right).unwrap();
    }
    partials.pop().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any split, any merge order, through the binary form: the same
    /// aggregates group by group and the same result table as one pass.
    #[test]
    fn merged_partials_equal_a_single_pass(
        rows in prop::collection::vec(arb_seizure(), 0..200),
        cuts in prop::collection::vec(0usize..200, 0..6),
        picks in prop::collection::vec((0usize..8, 0usize..8), 1..8),
        which in 0..QUERIES.len(),
    ) {
        let (op, json) = QUERIES[which];
        let spec: QuerySpec = serde_json::from_str(json).unwrap();
        let whole_table = SeizureTable::from_seizures(&rows).unwrap();
        let partials: Vec<Partial> = parts(&rows, &cuts)
            .iter()
            .map(|p| {
                let bytes = spec.partial(op, &SeizureTable::from_seizures(p).unwrap()).unwrap().to_bytes().unwrap();
                Partial::from_bytes(&bytes).unwrap()
            })
            .collect();
        let back = SeizureTable::from_bytes(&whole_table.to_bytes().unwrap()).unwrap();
        prop_assert_eq!(back.rows().collect::<Vec<_>>(), whole_table.rows().collect::<Vec<_>>());
        let merged = merge_in_tree(partials, &picks);
        let whole = spec.partial(op, &whole_table).unwrap();
        prop_assert_eq!(merged.aggregates.len(), whole.aggregates.len());
        for (m, w) in merged.aggregates.iter().zip(&whole.aggregates) {
            prop_assert_eq!(&m.accounting, &w.accounting);
            prop_assert_eq!(m.groups.len(), w.groups.len());
            for (gm, gw) in m.groups.iter().zip(&w.groups) {
                prop_assert_eq!(gm, gw);
            }
            prop_assert_eq!(&m.unattributed, &w.unattributed);
        }
        match (merged.finish(), spec.run(op, &whole_table)) {
            (Ok(m), Ok(w)) => {
                let back = narcostat::result::ResultTable::from_bytes(&m.to_bytes().unwrap()).unwrap();
                prop_assert_eq!(&back, &w);
                prop_assert_eq!(m, w);
            }
            (Err(m), Err(w)) => prop_assert_eq!(m.to_string(), w.to_string()),
            (m, w) => prop_assert!(false, "merged {m:?} vs single pass {w:?}"),
        }
    }
}

fn aggregate_bytes() -> Vec<u8> {
    let table = SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).unwrap();
    table.aggregate(&narcostat::Query::by(&[narcostat::GroupKey::Drug])).unwrap().to_bytes().unwrap()
}

#[test]
fn an_unknown_version_is_rejected_as_written_by_a_newer_narcostat() {
    let mut bytes = aggregate_bytes();
    bytes[5..7].copy_from_slice(&(narcostat::binary::VERSION + 1).to_le_bytes());
    let err = Aggregate::from_bytes(&bytes).unwrap_err();
    assert_eq!(
        err,
        FormatError::NewerVersion { version: narcostat::binary::VERSION + 1, supported: narcostat::binary::VERSION }
    );
    assert_eq!(
        err.to_string(),
        "format version 2 was written by a newer narcostat (this one reads up to version 1): upgrade narcostat"
    );
}

#[test]
fn bad_magic_truncated_corrupt_and_other_kinds_are_rejected() {
    let bytes = aggregate_bytes();
    let mut bad = bytes.clone();
    bad[0] = b'X';
    assert!(matches!(Aggregate::from_bytes(&bad), Err(FormatError::BadMagic { .. })));
    assert!(matches!(Aggregate::from_bytes(&bytes[..3]), Err(FormatError::Truncated { length: 3, .. })));
    let cut = Aggregate::from_bytes(&bytes[..bytes.len() - 10]).unwrap_err();
    assert!(matches!(cut, FormatError::Checksum { .. }), "{cut:?}");
    assert!(cut.to_string().contains("is damaged"), "{cut}");
    let mut zero = bytes.clone();
    zero[5..7].copy_from_slice(&0u16.to_le_bytes());
    assert!(matches!(Aggregate::from_bytes(&zero), Err(FormatError::UnknownVersion { version: 0 })));
    let other = Partial::from_bytes(&bytes).unwrap_err();
    assert_eq!(other.to_string(), "expected a partial result in narcostat's binary form, found an aggregate");
}

#[test]
fn partials_of_different_queries_do_not_merge() {
    let table = SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).unwrap();
    let by = |json: &str| serde_json::from_str::<QuerySpec>(json).unwrap().partial(Operation::Summary, &table).unwrap();
    let mut drug = by(r#"{"by": "drug"}"#);
    let err = drug.merge(&by(r#"{"by": "country"}"#)).unwrap_err();
    assert!(err.to_string().starts_with("cannot merge aggregates of different queries"), "{err}");
}

/// Every change of one byte, anywhere, is refused: never read as other
/// numbers (the oracle is the original value; a change that decodes must
/// decode to it, which only the header's unused bits could allow).
#[test]
fn every_damaged_byte_is_refused() {
    let bytes = aggregate_bytes();
    let original = Aggregate::from_bytes(&bytes).unwrap();
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x10, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            if let Ok(read) = Aggregate::from_bytes(&damaged) {
                assert_eq!(read, original, "byte {i} ^ {flip:#04x} was read as another aggregate");
            }
        }
    }
}
