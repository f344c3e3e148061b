//! Any JSON through `QuerySpec` and every operation on the embedded month:
//! no panic; a spec that reads gives a result or an error; a result's
//! columns all have its row count, its CSV has one line per row plus the
//! header, and the spec reads back from its own serde form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcostat::SeizureTable;
use narcostat::spec::{Operation, QuerySpec};
use std::sync::OnceLock;

fn month() -> &'static Option<SeizureTable> {
    static TABLE: OnceLock<Option<SeizureTable>> = OnceLock::new();
    TABLE.get_or_init(|| SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).ok())
}

fuzz_target!(|data: &[u8]| {
    let Ok(spec) = serde_json::from_slice::<QuerySpec>(data) else { return };
    let Ok(text) = serde_json::to_string(&spec) else { panic!("a spec that reads must write: {spec:?}") };
    let again: QuerySpec = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text} does not read back: {e}"));
    assert_eq!(again, spec, "{text}");
    let Some(table) = month() else { return };
    for op in [Operation::Summary, Operation::Top, Operation::Trend, Operation::Compare, Operation::Equivalents] {
        let Ok(result) = spec.run(op, table) else { continue };
        for c in &result.columns {
            assert_eq!(c.values.len(), result.rows, "{op:?} {text}: column {}", c.name);
        }
        let csv = result.to_csv();
        let lines = csv.lines().count();
        assert!(lines > result.rows, "{op:?} {text}: {lines} lines for {} rows", result.rows);
        let _ = (result.to_json(), result.to_text(), result.to_record_batch());
    }
});
