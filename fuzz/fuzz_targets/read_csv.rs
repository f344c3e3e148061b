//! Any bytes through every CSV reader, strict and lenient: no panic, and the
//! row accounting always adds up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcostat::read::{ColumnMap, Format, ReadOptions, read_dataset};

fuzz_target!(|data: &[u8]| {
    let generic = Format::Generic(ColumnMap {
        substance: "drug".into(),
        quantity: "qty".into(),
        unit: Some("unit".into()),
        date: Some("date".into()),
        country: Some("country".into()),
        seizures: Some("events".into()),
        ..ColumnMap::default()
    });
    for format in [None, Some(Format::UnodcAnnual), Some(Format::UnodcSubregional), Some(Format::Cbp), Some(Format::Wide), Some(generic)] {
        for lenient in [false, true] {
            let mut options = if lenient { ReadOptions::lenient() } else { ReadOptions::default() };
            options.format = format.clone();
            if let Ok((dataset, report)) = read_dataset(data, "fuzz.csv", &options) {
                assert!(report.balanced());
                let _ = narcostat::SeizureTable::from_seizures(&dataset.seizures).map(|t| t.aggregate(&narcostat::Query::default()));
            }
        }
    }
});
