//! Reader equivalence: the parallel CSV reader (any block size, 1 or N
//! threads) returns what the one-pass reader returns (the same records in
//! the same order, the same stated totals, the same rejections with their
//! lines, columns and reasons, the same row accounting, or the same error)
//! for generated UNODC files full of CSV traps, for arbitrary edits of the
//! reference files, in strict and lenient mode. And both match an
//! independent oracle: the generator knows each row's line and fate.
#![cfg(feature = "parallel")]
#![expect(clippy::unwrap_used, reason = "tests")]

use narcostat::read::{ReadOptions, ReadReport, read_dataset, read_table, read_table_parallel_in_blocks};
use narcostat::{ReportedTotal, Seizure, SeizureTable};
use proptest::prelude::*;
use std::sync::OnceLock;

type Outcome = Result<(Vec<Seizure>, Vec<ReportedTotal>, ReadReport), String>;

fn outcome(r: Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), narcostat::read::ReadError>) -> Outcome {
    r.map(|(t, totals, report)| (t.rows().collect(), totals, report)).map_err(|e| e.to_string())
}

fn one_pass(bytes: &[u8], options: &ReadOptions) -> Outcome {
    outcome(read_table(bytes, "t.csv", options, &mut |_| {}))
}

fn pool(threads: usize) -> &'static rayon::ThreadPool {
    static POOLS: OnceLock<[rayon::ThreadPool; 2]> = OnceLock::new();
    let pools = POOLS.get_or_init(|| [1, 3].map(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap()));
    &pools[usize::from(threads > 1)]
}

fn parallel(bytes: &[u8], options: &ReadOptions, block: usize, threads: usize) -> Outcome {
    pool(threads).install(|| outcome(read_table_parallel_in_blocks(bytes, "t.csv", options, block, &mut |_| {})))
}

/// The one-pass reader into records (what `check` reads) rejects the rows
/// the table reader (what `summary` reads) rejects, and keeps the others.
fn assert_records_reader_agrees(bytes: &[u8], options: &ReadOptions, table: &Outcome) {
    let records = read_dataset(bytes, "t.csv", options).map_err(|e| e.to_string());
    assert_eq!(
        records.is_ok(),
        table.is_ok(),
        "records {:?} vs table {:?}",
        records.as_ref().map(|x| &x.1),
        table.as_ref().map(|x| &x.2)
    );
    match (records, table) {
        (Ok((dataset, report)), Ok((rows, _, table_report))) => {
            assert_eq!(&report, table_report);
            let from_records = SeizureTable::from_seizures(&dataset.seizures).unwrap();
            assert_eq!(&from_records.rows().collect::<Vec<_>>(), rows);
        }
        (Err(a), Err(b)) => assert_eq!(&a, b),
        _ => {}
    }
}

// ---- Generated UNODC files with an oracle ----

const HEADER: &str = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent";

/// How a row is written and what must become of it.
#[derive(Debug, Clone)]
enum Row {
    /// Accepted: `kg` kilograms of `drug` in `year`.
    Good { region: Region, country: Country, drug: usize, year: u16, kg: u32 },
    /// Rejected at its line for a quantity that is no number.
    BadNumber { country: Country },
    /// Rejected at its line for its number of fields.
    FieldCount { fields: usize },
}

/// Region texts that trouble block cutters.
#[derive(Debug, Clone, Copy)]
enum Region {
    Plain,
    /// A quoted field holding line breaks and a whole fake row of 999 kg.
    FakeRowInside,
    /// A quoted field with doubled quotes and a delimiter.
    DoubledQuotes,
}

/// Country names that trouble block cutters.
#[derive(Debug, Clone, Copy)]
enum Country {
    Plain,
    /// A quote inside an unquoted field: a literal quote, no quoted field.
    StrayQuote,
    /// A quoted field with a delimiter.
    QuotedComma,
}

const DRUGS: [(&str, &str); 4] =
    [("Opioids", "Heroin"), ("Opioids", "Opium"), ("Cocaine-type", "Cocaine"), ("Cannabis-type", "Hashish (resin)")];

impl Region {
    fn text(self, nl: &str) -> String {
        match self {
            Self::Plain => "Asia".to_owned(),
            Self::FakeRowInside => format!("\"x{nl}Asia,Iran,IRN,Opioids,Heroin,2018,999{nl}y\""),
            Self::DoubledQuotes => "\"Asia \"\"Near\"\", East\"".to_owned(),
        }
    }
    /// Line breaks inside the field.
    fn lines(self) -> u64 {
        if matches!(self, Self::FakeRowInside) { 2 } else { 0 }
    }
}

impl Country {
    fn text(self) -> &'static str {
        match self {
            Self::Plain => "Iran",
            Self::StrayQuote => "Cote d\"Ivoire",
            Self::QuotedComma => "\"Iran, Islamic Republic of\"",
        }
    }
}

fn region() -> impl Strategy<Value = Region> {
    prop_oneof![4 => Just(Region::Plain), 1 => Just(Region::FakeRowInside), 1 => Just(Region::DoubledQuotes)]
}

fn country() -> impl Strategy<Value = Country> {
    prop_oneof![4 => Just(Country::Plain), 1 => Just(Country::StrayQuote), 1 => Just(Country::QuotedComma)]
}

fn row() -> impl Strategy<Value = Row> {
    prop_oneof![
        8 => (region(), country(), 0..DRUGS.len(), 1990u16..2020, 0u32..100_000)
            .prop_map(|(region, country, drug, year, kg)| Row::Good { region, country, drug, year, kg }),
        1 => country().prop_map(|country| Row::BadNumber { country }),
        1 => prop_oneof![Just(1usize), Just(6), Just(8)].prop_map(|fields| Row::FieldCount { fields }),
    ]
}

/// A line ending: LF, CRLF or a lone CR.
fn newline() -> impl Strategy<Value = &'static str> {
    prop_oneof![4 => Just("\n"), 2 => Just("\r\n"), 1 => Just("\r")]
}

/// A file and what the oracle expects of it.
struct Generated {
    bytes: Vec<u8>,
    /// Accepted rows, in order: (kg, first year).
    accepted: Vec<(u32, u16)>,
    /// Lines of the rejected rows, in order.
    rejected: Vec<u64>,
}

impl std::fmt::Debug for Generated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} accepted {:?} rejected {:?}",
            String::from_utf8_lossy(&self.bytes),
            self.accepted,
            self.rejected
        )
    }
}

fn generate(bom: bool, rows: &[(Row, &str, usize)]) -> Generated {
    let mut text = String::new();
    if bom {
        text.push('\u{feff}');
    }
    text.push_str(HEADER);
    let mut line = 1u64;
    let (mut accepted, mut rejected) = (Vec::new(), Vec::new());
    for (row, nl, blank_lines) in rows {
        // The previous line's end, then blank lines.
        text.push_str(nl);
        line += 1;
        for _ in 0..*blank_lines {
            text.push_str(nl);
            line += 1;
        }
        match row {
            Row::Good { region, country, drug, year, kg } => {
                let (group, name) = DRUGS[*drug];
                text.push_str(&format!("{},{},IRN,{group},{name},{year},{kg}", region.text(nl), country.text()));
                accepted.push((*kg, *year));
                line += region.lines();
            }
            Row::BadNumber { country } => {
                rejected.push(line);
                text.push_str(&format!("Asia,{},IRN,Opioids,Heroin,2001,12x", country.text()));
            }
            Row::FieldCount { fields } => {
                rejected.push(line);
                text.push_str(&vec!["Asia"; *fields].join(","));
            }
        }
    }
    Generated { bytes: text.into_bytes(), accepted, rejected }
}

fn generated() -> impl Strategy<Value = Generated> {
    (any::<bool>(), proptest::collection::vec((row(), newline(), 0usize..3), 0..40))
        .prop_map(|(bom, rows)| generate(bom, &rows))
}

fn assert_oracle(g: &Generated, got: &Outcome) {
    let (rows, _, report) = got.as_ref().unwrap();
    let kept: Vec<(String, String)> =
        rows.iter().map(|s| (s.quantity.unwrap().to_string(), s.period.start.to_string())).collect();
    let expected: Vec<(String, String)> =
        g.accepted.iter().map(|(kg, year)| (format!("{kg} kg"), format!("{year}-01-01"))).collect();
    assert_eq!(kept, expected);
    assert_eq!(report.rejections.iter().map(|r| r.line).collect::<Vec<_>>(), g.rejected);
    assert_eq!(report.rows_read, (g.accepted.len() + g.rejected.len()) as u64);
    assert!(report.balanced());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Generated files: both readers match the oracle row by row, at every
    /// block size, and each other in strict mode too.
    #[test]
    fn generated_files_read_alike_and_as_written(g in generated(), block in 1usize..200, threads in 1usize..3) {
        let lenient = ReadOptions::lenient();
        let serial = one_pass(&g.bytes, &lenient);
        assert_oracle(&g, &serial);
        prop_assert_eq!(&parallel(&g.bytes, &lenient, block, threads), &serial);
        assert_records_reader_agrees(&g.bytes, &lenient, &serial);
        let strict = ReadOptions::default();
        prop_assert_eq!(parallel(&g.bytes, &strict, block, threads), one_pass(&g.bytes, &strict));
    }

    /// Arbitrary edits of real files (quotes, delimiters, CR, LF, BOMs,
    /// invalid UTF-8, deletions): the parallel reader returns what the
    /// one-pass reader returns, whatever that is.
    #[test]
    fn edited_reference_files_read_alike(
        seed in 0..SEEDS.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), edit()), 0..12),
        block in 1usize..300,
        threads in 1usize..3,
    ) {
        let (bytes, options) = edited(seed, &edits);
        for options in [ReadOptions::lenient(), ReadOptions::default()].map(|o| ReadOptions { country: options.country, ..o }) {
            let serial = one_pass(&bytes, &options);
            prop_assert_eq!(&parallel(&bytes, &options, block, threads), &serial);
            assert_records_reader_agrees(&bytes, &options, &serial);
        }
    }
}

// ---- Edited reference files ----

/// Reference files and the options they need; their first lines are edited.
const SEEDS: [(&str, Option<&str>); 4] = [
    ("unodc-annual-1970-2019.csv", None),
    ("unodc-annual-2012-2016.csv", None),
    ("cbp-nationwide-fy23-fy26-dec.csv", None),
    ("india-ncb-by-state-2018-2024-wide.csv", Some("IND")),
];

fn seed_text(i: usize) -> &'static [u8] {
    static TEXTS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        SEEDS
            .iter()
            .map(|(file, _)| {
                let path = format!("{}/../../data/reference/{file}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read(path).unwrap();
                // The header and about 12 rows.
                let end =
                    text.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(12).map_or(text.len(), |(i, _)| i + 1);
                text[..end].to_vec()
            })
            .collect()
    });
    &texts[i]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(&'static [u8]),
    Delete,
}

fn edit() -> impl Strategy<Value = Edit> {
    let traps: [&'static [u8]; 11] =
        [b"\"", b"\"\"", b",", b";", b"\n", b"\r", b"\r\n", b"\xef\xbb\xbf", b"\xff", b"x", b"\n\n"];
    prop_oneof![4 => prop::sample::select(traps.to_vec()).prop_map(Edit::Insert), 1 => Just(Edit::Delete)]
}

fn edited(seed: usize, edits: &[(prop::sample::Index, Edit)]) -> (Vec<u8>, ReadOptions) {
    let mut bytes = seed_text(seed).to_vec();
    for (at, e) in edits {
        let i = at.index(bytes.len() + 1);
        match e {
            Edit::Insert(b) => {
                bytes.splice(i..i, b.iter().copied());
            }
            Edit::Delete => {
                if i < bytes.len() {
                    bytes.remove(i);
                }
            }
        }
    }
    let country = SEEDS[seed].1.and_then(narcostat::CountryCode::resolve);
    (bytes, ReadOptions { country, ..ReadOptions::default() })
}

// ---- Fixed cases from the issue ----

/// The issue's file: a stray quote in an unquoted field, then a quoted
/// field holding a whole row of 999 kg of heroin; many times over, so that
/// blocks are cut everywhere.
#[test]
fn a_stray_quote_invents_no_row() {
    let unit = "Africa,Cote d\"Ivoire,CIV,Cannabis-type,Marijuana (herb),2018,10\n\
                \"x\nAsia,Iran,IRN,Opioids,Heroin,2018,999\ny\",Iran,IRN,Opioids,Heroin,2018,5\n";
    let text = format!("{HEADER}\n{}", unit.repeat(300));
    for block in [1, 7, 64, 1000, 1 << 20] {
        let got = parallel(text.as_bytes(), &ReadOptions::default(), block, 3);
        let (rows, _, report) = got.as_ref().unwrap();
        assert_eq!(report.rows_read, 600);
        let heroin: u64 = rows
            .iter()
            .filter(|s| s.substance.name == "Heroin")
            .map(|s| u64::try_from(s.quantity.unwrap().base()).unwrap())
            .sum();
        assert_eq!(heroin, 300 * 5 * 1_000_000_000, "{block}"); // µg: no 999 kg anywhere
        assert_eq!(&got, &one_pass(text.as_bytes(), &ReadOptions::default()));
    }
}

/// A bad row after blank lines is reported on its own line, in both readers.
#[test]
fn blank_lines_do_not_shift_line_numbers() {
    let text = format!("{HEADER}\nAsia,Iran,IRN,Opioids,Heroin,2018,1\n\n\nAsia,Iran,IRN,Opioids,Heroin,2018,abc\n");
    for got in
        [one_pass(text.as_bytes(), &ReadOptions::lenient()), parallel(text.as_bytes(), &ReadOptions::lenient(), 5, 3)]
    {
        let report = got.unwrap().2;
        assert_eq!(report.rejections.len(), 1);
        assert_eq!(
            report.rejections[0].to_string(),
            "t.csv:5:7 (column \"KG Equivalent\"): cannot read \"abc\" as a number"
        );
    }
}

/// A row the table cannot hold (5,000,000,000 seizure events) is rejected at
/// its line, by the table reader and the records reader alike; not
/// `t.csv:0: record N`, and never counted twice.
#[test]
fn rows_the_table_cannot_hold_are_rejected_at_their_line() {
    let text = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n\
                2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,2,10.5\n\
                \n\
                2024,NOV,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,5000000000,1\n";
    let lenient = ReadOptions::lenient();
    let serial = one_pass(text.as_bytes(), &lenient);
    let report = &serial.as_ref().unwrap().2;
    assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (2, 1, 1));
    assert_eq!(report.rejections[0].line, 4);
    assert!(report.rejections[0].to_string().contains("5000000000 seizure events"), "{}", report.rejections[0]);
    assert_eq!(parallel(text.as_bytes(), &lenient, 3, 3), serial);
    assert_records_reader_agrees(text.as_bytes(), &lenient, &serial);
    let strict = one_pass(text.as_bytes(), &ReadOptions::default()).unwrap_err();
    // The layout finds it in its cell, so the error names the column too.
    assert!(strict.starts_with("t.csv:4:8 (column \"Count of Event\"): "), "{strict}");
}

/// A quote never closed makes the rest of the file one field: an error at
/// the line the record starts on, not a buffer as large as the file.
#[test]
fn an_unclosed_quote_is_an_error_not_the_whole_file_in_memory() {
    let mut text = format!("{HEADER}\nAsia,Iran,IRN,Opioids,Heroin,2018,1\n\"Asia,Iran,IRN,Opioids,Heroin,2018,1\n");
    let row = "Asia,Iran,IRN,Opioids,Heroin,2018,1\n";
    text.push_str(&row.repeat((17 << 20) / row.len()));
    let expected = "t.csv:3: the record starting on this line is longer than 16777216 bytes; is a quote left open?";
    for options in [ReadOptions::lenient(), ReadOptions::default()] {
        assert_eq!(one_pass(text.as_bytes(), &options).unwrap_err(), expected);
        assert_eq!(parallel(text.as_bytes(), &options, 1 << 20, 3).unwrap_err(), expected);
    }
}
