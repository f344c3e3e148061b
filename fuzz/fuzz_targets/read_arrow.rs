//! Any bytes as an Arrow table (string, float, integer, date and decimal
//! columns under the headers of every layout) through `read_batches`, strict
//! and lenient: no panic, and every row accounted for.
#![no_main]

use arrow_array::builder::{Date32Builder, Decimal128Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use libfuzzer_sys::fuzz_target;
use narcostat::read::ReadOptions;
use std::sync::Arc;

/// The headers of each layout, and of the generic mapping.
const HEADERS: [&[&str]; 5] = [
    &["Region", "country", "ISO Code", "Drug Group", "Drug", "Year", "KG Equivalent"],
    &[
        "FY",
        "Month (abbv)",
        "Component",
        "Region",
        "Land Filter",
        "Area of Responsibility",
        "Drug Type",
        "Count of Event",
        "Sum Qty (lbs)",
    ],
    &["Year", "State", "Heroin_Kg", "Cannabis_Plants", "Codeine_L", "Is_Total_Row", "Total_Kg", "Total_Cases"],
    &["drug", "quantity", "unit", "date", "end", "country", "seizures", "colour"],
    &["drug", "kg", "year", "origin"],
];

/// Cells that mean something to some layout.
const WORDS: [&str; 24] = [
    "2018",
    "2024 (FYTD)",
    "NULL",
    "",
    "Heroin",
    "Cannabis plants",
    "Opium",
    "IRN",
    "ZZZ",
    "kg",
    "plants",
    "1,234.5",
    "12 5",
    "1e-20",
    "-3",
    "OCT",
    "Octopus",
    "True",
    "Total",
    "All India",
    "2021-02-03",
    "1399/12/30",
    "9999",
    "5000000000",
];

/// Reads the fuzzer's bytes in order; zeros once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let n = N.min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }

    fn byte(&mut self) -> u8 {
        self.take::<1>()[0]
    }

    fn text(&mut self) -> String {
        let b = self.byte();
        if b & 1 == 0 {
            return WORDS[usize::from(b >> 1) % WORDS.len()].to_owned();
        }
        let n = usize::from(b >> 1) % 12;
        let raw: Vec<u8> = (0..n).map(|_| self.byte()).collect();
        String::from_utf8_lossy(&raw).into_owned()
    }
}

fn column(bytes: &mut Bytes<'_>, rows: usize) -> ArrayRef {
    let kind = bytes.byte() % 5;
    let null = |bytes: &mut Bytes<'_>| bytes.byte() % 7 == 0;
    match kind {
        0 => {
            let mut b = Float64Builder::new();
            (0..rows).for_each(|_| {
                if null(bytes) { b.append_null() } else { b.append_value(f64::from_le_bytes(bytes.take())) }
            });
            Arc::new(b.finish())
        }
        1 => {
            let mut b = Int64Builder::new();
            (0..rows).for_each(|_| {
                if null(bytes) { b.append_null() } else { b.append_value(i64::from_le_bytes(bytes.take())) }
            });
            Arc::new(b.finish())
        }
        2 => {
            let mut b = Date32Builder::new();
            (0..rows).for_each(|_| {
                if null(bytes) { b.append_null() } else { b.append_value(i32::from_le_bytes(bytes.take())) }
            });
            Arc::new(b.finish())
        }
        3 => {
            let scale = (bytes.byte() % 12) as i8;
            let mut b = Decimal128Builder::new();
            (0..rows).for_each(|_| {
                if null(bytes) { b.append_null() } else { b.append_value(i128::from_le_bytes(bytes.take())) }
            });
            let plain = b.finish();
            match plain.clone().with_precision_and_scale(38, scale) {
                Ok(scaled) => Arc::new(scaled),
                Err(_) => Arc::new(plain),
            }
        }
        _ => {
            let mut b = StringBuilder::new();
            (0..rows).for_each(|_| if null(bytes) { b.append_null() } else { b.append_value(bytes.text()) });
            Arc::new(b.finish())
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes(data);
    let header = HEADERS[usize::from(bytes.byte()) % HEADERS.len()];
    let rows = usize::from(bytes.byte() % 24);
    let columns: Vec<(&str, ArrayRef)> = header.iter().map(|h| (*h, column(&mut bytes, rows))).collect();
    let Ok(batch) = RecordBatch::try_from_iter(columns) else { return };
    let split = usize::from(bytes.byte()) % (rows + 1);
    let batches = [batch.slice(0, split), batch.slice(split, rows - split)];
    for lenient in [false, true] {
        let options = if lenient { ReadOptions::lenient() } else { ReadOptions::default() };
        let Ok((table, totals, report)) = narcostat::arrow::read_batches(&batches, "fuzz", &options, None) else {
            continue;
        };
        assert!(report.balanced(), "{report:?}");
        assert_eq!(report.rows_read, rows as u64);
        assert_eq!(report.rows_rejected, report.rejections.len() as u64);
        assert_eq!(table.len() as u64, report.seizures);
        assert_eq!(totals.len() as u64, report.totals);
        assert!(lenient || report.rows_rejected == 0);
        let _ = table.aggregate(&narcostat::Query::default());
    }
});
