//! Any bytes through the one-pass and the parallel CSV readers: the same
//! records, stated totals, rejections (line, column, reason), row
//! accounting, or the same error, in strict and lenient mode, whatever the
//! block size. The first byte picks the block size and the options.
//!
//! Run from `fuzz/` (stable toolchain): `RUSTC_BOOTSTRAP=1 cargo fuzz run csv_equivalence
//! corpus/csv_equivalence seeds/csv_equivalence -- -max_len=8192`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcostat::read::{ReadError, ReadOptions, ReadReport, read_table, read_table_parallel_in_blocks};
use narcostat::{ReportedTotal, Seizure, SeizureTable};

type Outcome = Result<(Vec<Seizure>, Vec<ReportedTotal>, ReadReport), String>;

fn outcome(r: Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError>) -> Outcome {
    r.map(|(t, totals, report)| (t.rows().collect(), totals, report)).map_err(|e| e.to_string())
}

fuzz_target!(|data: &[u8]| {
    let Some((&knob, csv)) = data.split_first() else { return };
    // Blocks of 1 to 32 bytes cut everywhere; of up to 2 KB, as often as data allow.
    let block = if knob & 1 == 0 { 1 + usize::from(knob >> 1 & 0x1F) } else { 64 * usize::from(knob >> 1 & 0x1F) + 1 };
    // At most about 128 blocks: each costs a few allocations per part.
    let block = block.max(csv.len() / 128);
    let country = (knob & 0x40 != 0).then(|| narcostat::CountryCode::resolve("IND")).flatten();
    let lenient = knob & 0x80 != 0;
    let options = ReadOptions { country, ..if lenient { ReadOptions::lenient() } else { ReadOptions::default() } };
    let serial = outcome(read_table(csv, "fuzz.csv", &options, &mut |_| {}));
    let parallel = outcome(read_table_parallel_in_blocks(csv, "fuzz.csv", &options, block, &mut |_| {}));
    assert_eq!(serial, parallel, "block {block}");
    if let Ok((_, _, report)) = &serial {
        assert!(report.balanced());
    }
});
