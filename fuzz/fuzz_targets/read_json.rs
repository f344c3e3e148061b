//! Any bytes as JSON and NDJSON: no panic; what parses aggregates and
//! writes a bulletin.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcostat::read::{Format, ReadOptions, read_dataset};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Json, Format::Ndjson] {
        for options in [ReadOptions::default(), ReadOptions::lenient()] {
            let options = ReadOptions { format: Some(format.clone()), ..options };
            if let Ok((dataset, report)) = read_dataset(data, "fuzz.json", &options) {
                assert!(report.balanced());
                let _ = narcostat::bulletin::Bulletin::build(&dataset, None).render(narcostat::bulletin::BulletinFormat::Html);
            }
        }
    }
});
