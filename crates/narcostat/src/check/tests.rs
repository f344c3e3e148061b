use super::*;
use crate::period::Period;
use crate::place::{CountryCode, Place};
use crate::quantity::{Quantity, Unit};
use crate::read::ReadOptions;
use crate::record::{Dataset, ReportedTotal, Seizure};
use crate::substance::{Drug, Substance};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const CBP: &str =
    "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";

fn read(csv: &str, options: &ReadOptions) -> (TableDataset, crate::read::ReadReport) {
    TableDataset::read(csv.as_bytes(), "f.csv", options, &mut |_| {}).unwrap()
}

fn seizure(drug: Drug, quantity: &str, period: &str, country: &str) -> Seizure {
    Seizure::new(
        Substance::of(drug),
        Quantity::parse(quantity).unwrap(),
        Period::parse(period).unwrap(),
        Place::country(CountryCode::resolve(country).unwrap()),
    )
}

// ---- duplicates ----

#[test]
fn the_same_row_twice_is_one_group_of_two() {
    let row = "2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Heroin,1,100\n";
    let other = "2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Cocaine,1,100\n";
    let (data, _) = read(&format!("{CBP}{row}{other}{row}"), &ReadOptions::default());
    let groups = duplicates(&data);
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!((g.kind, g.count, g.sources, g.rows.clone()), (DuplicateKind::Identical, 2, 1, vec![0, 2]));
    let text = g.describe(&data);
    assert!(text.contains("2 identical records at f.csv:2, f.csv:4"), "{text}");
    assert!(text.starts_with("Heroin, EL PASO FIELD OFFICE, 2023-10-01..2023-10-31, 100 lb"), "{text}");
}

#[test]
fn rows_that_differ_in_a_note_or_a_name_are_not_identical() {
    // Same AOR, month, drug and amount; another land filter (a kept column).
    let a = "2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Heroin,1,100\n";
    let b = "2024,OCT,Office of Field Operations,Southwest Border,Other,EL PASO FIELD OFFICE,Heroin,1,100\n";
    let (data, _) = read(&format!("{CBP}{a}{b}"), &ReadOptions::default());
    assert!(duplicates(&data).is_empty());
    // UNODC rows of one country, year and drug with other specific names are summed by design.
    let unodc = "Region;SubRegion;Country;CountryCode;Year;DrugGroup;Drug;SpecificDrugName;KgEquivalent;Comment\n\
                 Asia;Southern Asia;Iran;IRN;2016;Opioids;Opium;Raw;5;\n\
                 Asia;Southern Asia;Iran;IRN;2016;Opioids;Opium;Prepared;5;\n";
    let (data, _) = read(unodc, &ReadOptions::default());
    assert_eq!(data.len(), 2);
    assert!(duplicates(&data).is_empty());
}

#[test]
fn one_seizure_from_20000_components_is_one_group() {
    let mut csv = CBP.to_owned();
    for i in 0..20_000 {
        csv.push_str(&format!("2024,OCT,Component {i},Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,1,10.5\n"));
    }
    let (data, report) = read(&csv, &ReadOptions::default());
    assert_eq!(report.rows_accepted, 20_000);
    let groups = duplicates(&data);
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!((g.kind, g.count, g.sources), (DuplicateKind::AcrossSources, 20_000, 20_000));
    assert_eq!(g.rows, (0..FIRST_RECORDS).collect::<Vec<_>>());
    assert!(g.describe(&data).ends_with("f.csv:11 and 19990 more"), "{}", g.describe(&data));
}

/// A naive oracle: records `a` and `b` are a duplicate pair when they are
/// the same seizure (drug, place, period, quantity) and either come from
/// different sources or are equal in every field but their line.
fn naive_pair(a: &Seizure, b: &Seizure) -> bool {
    let document = |s: &Seizure| s.source.as_deref().map(|x| x.rsplit_once(':').map_or(x, |(d, _)| d).to_owned());
    let kind = |u: Unit| match u.dimension() {
        crate::Dimension::Count if u == Unit::ThousandTablets => Some(Unit::Tablet),
        crate::Dimension::Count => Some(u),
        _ => None,
    };
    let same_quantity = match (a.quantity, b.quantity) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.dimension() == y.dimension() && kind(x.unit()) == kind(y.unit()) && x.base() == y.base()
        }
        _ => false,
    };
    let same_seizure =
        a.substance.drug == b.substance.drug && a.place == b.place && a.period == b.period && same_quantity;
    let other_source = a.agency != b.agency || document(a) != document(b);
    let identical = a.substance == b.substance
        && a.quantity == b.quantity
        && a.seizures == b.seizures
        && a.agency == b.agency
        && document(a) == document(b)
        && a.origin == b.origin
        && a.destination == b.destination
        && a.notes == b.notes;
    same_seizure && (other_source || identical)
}

/// Connected components (of two or more) of the naive pair graph, as sorted row lists.
fn naive_groups(records: &[Seizure]) -> BTreeSet<Vec<usize>> {
    let mut parent: Vec<usize> = (0..records.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            i = parent[i];
        }
        i
    }
    for i in 0..records.len() {
        for j in i + 1..records.len() {
            if naive_pair(&records[i], &records[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..records.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

fn arb_seizure() -> impl Strategy<Value = Seizure> {
    let quantities = ["1 kg", "1000 g", "2 kg", "5 tablets", "0.005 thousand tablets", "5 plants", "1 l", "-"];
    (
        0..2usize,
        0..2usize,
        0..2usize,
        0..quantities.len(),
        0..2usize,
        0..3usize,
        0..2usize,
        (0..2usize, 0..2usize, 0..2usize),
    )
        .prop_map(move |(drug, name, country, q, period, agency, doc, (events, note, line))| {
            let drug = [Drug::Heroin, Drug::Cocaine][drug];
            let mut s = seizure(drug, "1 kg", ["2020", "2020-01"][period], ["IRN", "AFG"][country]);
            s.substance.name = format!("{}{}", Substance::of(drug).name, ["", " base"][name]);
            s.quantity = Quantity::parse(quantities[q]).ok();
            s.agency = [None, Some("Police"), Some("Customs")][agency].map(str::to_owned);
            s.source = Some(format!("{}:{}", ["a.csv", "b.csv"][doc], 2 + line));
            s.seizures = [None, Some(3)][events];
            s.notes = [vec![], vec!["land filter: Land".to_owned()]][note].clone();
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The engine's groups are the naive pair graph's components: same rows,
    /// counts, kinds and source counts.
    #[test]
    fn duplicate_groups_match_a_naive_pairwise_oracle(records in prop::collection::vec(arb_seizure(), 0..40)) {
        let data = TableDataset::from_dataset(&Dataset { seizures: records.clone(), ..Dataset::default() }).unwrap();
        let expected = naive_groups(&records);
        let found = duplicates(&data);
        prop_assert_eq!(found.len(), expected.len());
        // Disjoint groups in a set of sorted lists are in order of their first row.
        for (g, rows) in found.iter().zip(&expected) {
            prop_assert_eq!(g.count, rows.len());
            prop_assert_eq!(&g.rows, &rows.iter().copied().take(FIRST_RECORDS).collect::<Vec<_>>());
            let sources: BTreeSet<_> = rows.iter().map(|&r| {
                let s = &records[r];
                (s.agency.clone(), s.source.as_deref().and_then(|x| x.rsplit_once(':')).map(|(d, _)| d.to_owned()))
            }).collect();
            prop_assert_eq!(g.sources, if g.kind == DuplicateKind::Identical { 1 } else { sources.len() });
            prop_assert_eq!(g.kind == DuplicateKind::AcrossSources, sources.len() > 1);
        }
    }

    /// Outliers against a naive oracle: every record compared with the sorted
    /// quantities of its drug, country and measure.
    #[test]
    fn outliers_match_a_naive_oracle(
        records in prop::collection::vec((0..2usize, 0..2usize, 0..4usize, 1..2000u32), 0..40),
        factor in prop::sample::select(vec![1.5, 3.0, 100.0]),
    ) {
        let units = ["kg", "lb", "tablets", "plants"];
        let seizures: Vec<Seizure> = records.iter().map(|&(d, c, u, amount)| {
            seizure([Drug::Heroin, Drug::Opium][d], &format!("{amount} {}", units[u]), "2020", ["IRN", "AFG"][c])
        }).collect();
        let data = TableDataset::from_dataset(&Dataset { seizures: seizures.clone(), ..Dataset::default() }).unwrap();
        let measure = |q: Quantity| match q.dimension() {
            crate::Dimension::Count => Some(q.unit()),
            _ => None,
        };
        let mut expected = Vec::new();
        for (i, s) in seizures.iter().enumerate() {
            let q = s.quantity.unwrap();
            let mut peers: Vec<i64> = seizures.iter()
                .filter(|o| o.substance.drug == s.substance.drug && o.place.country == s.place.country)
                .filter_map(|o| o.quantity)
                .filter(|o| o.dimension() == q.dimension() && measure(*o) == measure(q))
                .map(Quantity::base)
                .collect();
            peers.sort_unstable();
            if peers.len() >= 3 {
                let median = peers[peers.len() / 2];
                if median > 0 && q.base() as f64 / median as f64 > factor {
                    expected.push((i, median, peers.len()));
                }
            }
        }
        let found: Vec<(usize, i64, usize)> =
            outliers(&data, factor).iter().map(|o| (o.row, o.median.base(), o.group_size)).collect();
        prop_assert_eq!(found, expected);
    }

    /// The indexed check of stated totals gives what the plain filter over
    /// records gives.
    #[test]
    fn indexed_totals_match_the_plain_check(
        records in prop::collection::vec((0..2usize, 0..3usize, 0..3usize, 0..3usize, 1..500u32), 0..30),
        totals in prop::collection::vec((0..3usize, 0..3usize, 0..3usize, 0..3usize, 1..2000u32), 1..6),
    ) {
        let provinces = [None, Some("IR-16"), Some("IR-01")];
        let periods = ["2020", "2020-01", "2021"];
        let units = ["kg", "tablets", "l"];
        let place = |c: usize, p: usize| Place {
            province: provinces[p].map(str::to_owned),
            ..Place::country(CountryCode::resolve(["IRN", "AFG", "IRN"][c]).unwrap())
        };
        let seizures: Vec<Seizure> = records.iter().map(|&(d, c, p, per, amount)| {
            let mut s = seizure([Drug::Heroin, Drug::Opium][d], &format!("{amount} {}", units[per % 3]), periods[per], "IRN");
            s.place = place(c, p);
            s
        }).collect();
        let reported: Vec<ReportedTotal> = totals.iter().map(|&(c, p, per, u, amount)| {
            let mut place = if c == 2 { Place::default() } else { place(c, p) };
            if c == 2 { place.province = provinces[p].map(str::to_owned); }
            ReportedTotal {
                stated: Quantity::parse(&format!("{amount} {}", units[u])).unwrap(),
                qualifier: crate::record::Qualifier::About,
                period: Period::parse(periods[per]).unwrap(),
                place,
                drugs: crate::DrugList::default(),
                scope: None,
                source: None,
            }
        }).collect();
        let data = TableDataset::from_dataset(&Dataset {
            seizures: seizures.clone(), reported_totals: reported.clone(), ..Dataset::default()
        }).unwrap();
        let found = check_totals(&data, Tolerance::default());
        for (f, t) in found.iter().zip(&reported) {
            let plain = check_total(t, &seizures, Tolerance::default()).unwrap();
            prop_assert_eq!(f.check(), Some(&plain));
        }
    }
}

// ---- outliers ----

#[test]
fn outliers_are_per_drug_in_their_country() {
    // Iran's heroin runs in tonnes, Afghanistan's in kg: 5 t in Iran is no outlier.
    let mut rows = Vec::new();
    for kg in ["5000 kg", "4000 kg", "6000 kg"] {
        rows.push(seizure(Drug::Heroin, kg, "2020", "IRN"));
    }
    for kg in ["2 kg", "3 kg", "4 kg", "5000 kg"] {
        rows.push(seizure(Drug::Heroin, kg, "2020", "AFG"));
    }
    let data = TableDataset::from_dataset(&Dataset { seizures: rows, ..Dataset::default() }).unwrap();
    let found = outliers(&data, 100.0);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].row, 6);
    assert_eq!(found[0].median.to_string(), "4 kg");
    assert!(
        found[0].describe(&data).starts_with("record 7: Heroin in AFG, 2020-01-01..2020-12-31: 5000 kg is 1250 times")
    );
}

// ---- reading into columns ----

#[test]
fn a_row_the_table_cannot_hold_is_an_error_or_a_counted_rejection() {
    let good = "2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Heroin,1,100\n";
    let huge = "2024,NOV,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Heroin,5000000000,1\n";
    let csv = format!("{CBP}{good}{huge}{good}");
    let e = TableDataset::read(csv.as_bytes(), "f.csv", &ReadOptions::default(), &mut |_| {}).unwrap_err();
    // The reader finds it in its cell (line, column), before the table would refuse it.
    assert_eq!(
        e.to_string(),
        "f.csv:3:8 (column \"Count of Event\"): 5000000000 seizure events in one record is more than the table holds"
    );
    let (data, report) = read(&csv, &ReadOptions::lenient());
    assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (3, 2, 1));
    assert_eq!(report.seizures, 2);
    assert_eq!(report.rejections[0].line, 3);
    assert_eq!(data.len(), 2);
    assert_eq!((data.locate(0), data.locate(1)), ("f.csv:2".to_owned(), "f.csv:4".to_owned()));
}

#[test]
fn strict_reading_reports_the_first_bad_row_whoever_finds_it() {
    let huge = "2024,NOV,OFO,Southwest Border,Land,X,Heroin,5000000000,1\n";
    let bad_drug = "2024,NOV,OFO,Southwest Border,Land,X,Unobtainium,1,1\n";
    let e =
        TableDataset::read(format!("{CBP}{huge}{bad_drug}").as_bytes(), "f.csv", &ReadOptions::default(), &mut |_| {})
            .unwrap_err();
    assert!(e.to_string().starts_with("f.csv:2:8 (column \"Count of Event\"): 5000000000"), "{e}");
    let e =
        TableDataset::read(format!("{CBP}{bad_drug}{huge}").as_bytes(), "f.csv", &ReadOptions::default(), &mut |_| {})
            .unwrap_err();
    assert!(e.to_string().starts_with("f.csv:2:7"), "{e}");
}

#[test]
fn a_wide_row_enters_whole_or_not_at_all() {
    let csv = "Year,State,Heroin_Kg,Ganja_Kg\n2020,Punjab,5,7\n";
    let (data, report) = read(csv, &ReadOptions::default());
    assert_eq!(data.len(), 2);
    assert!(report.balanced());
    // A period too long for the table in JSON: a record-numbered error.
    let json = r#"{"seizures": [
        {"substance": {"drug": "heroin", "name": "Heroin"}, "quantity": "1 kg", "period": {"start": "2020-01-01", "end": "2020-01-01"}},
        {"substance": {"drug": "heroin", "name": "Heroin"}, "quantity": "1 kg", "period": {"start": "1800-01-01", "end": "2020-01-01"}}
    ]}"#;
    let e = TableDataset::read(json.as_bytes(), "d.json", &ReadOptions::default(), &mut |_| {}).unwrap_err();
    assert!(e.to_string().contains("seizure record 2: period 1800-01-01..2020-01-01"), "{e}");
}

#[test]
fn records_keep_their_lines_and_details() {
    let csv = "Region;SubRegion;Country;CountryCode;Year;DrugGroup;Drug;SpecificDrugName;KgEquivalent;Comment\n\
               Asia;Southern Asia;Iran;IRN;2016;Opioids;Opium;Raw and prepared;5;Incomplete data\n\
               Asia;Southern Asia;Iran;IRN;2016;Opioids;Opium;Raw and prepared;5;\n";
    let (data, _) = read(csv, &ReadOptions::default());
    let first = data.record(0).unwrap();
    assert_eq!(first.substance.specific.as_deref(), Some("Raw and prepared"));
    assert_eq!(first.notes, ["Incomplete data"]);
    assert_eq!(first.source.as_deref(), Some("f.csv:2"));
    assert_eq!(data.locate(1), "f.csv:3");
    // Different comments: not identical.
    assert!(duplicates(&data).is_empty());
}

#[test]
fn unodc_plants_are_flagged_and_cbp_notes_are_not() {
    let (_, cbp) = crate::read::read_path(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/reference/cbp-nationwide-fy23-fy26-dec.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(cbp.flagged, 0);
    let unodc = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n\
                 Asia,Iran,IRN,Cannabis-type,Cannabis plants,2018,5\nAsia,Iran,IRN,Opioids,Heroin,2018,5\n";
    let (_, report) = read(unodc, &ReadOptions::default());
    assert_eq!(report.flagged, 1);
}

#[test]
fn a_total_whose_items_overflow_is_reported_not_dropped() {
    let rows =
        vec![seizure(Drug::Heroin, "5000000 t", "2020", "IRN"), seizure(Drug::Heroin, "5000000 t", "2020", "IRN")];
    let total = ReportedTotal {
        stated: Quantity::parse("1 t").unwrap(),
        qualifier: crate::record::Qualifier::Exact,
        period: Period::parse("2020").unwrap(),
        place: Place::country(CountryCode::resolve("IRN").unwrap()),
        drugs: crate::DrugList::default(),
        scope: None,
        source: Some("t.csv:9".into()),
    };
    let data =
        TableDataset::from_dataset(&Dataset { seizures: rows, reported_totals: vec![total], ..Dataset::default() })
            .unwrap();
    let r = report(&data, Tolerance::default(), 100.0);
    assert_eq!(r.totals.len(), 1);
    assert_eq!(r.inconsistent_totals().count(), 1);
    assert!(r.totals[0].describe().contains("(at t.csv:9): cannot be checked"), "{}", r.totals[0].describe());
}
