//! Any text through the query, filter, period, date and granularity parsers:
//! no panic; a parsed period is never reversed, lies in the supported range
//! and reads back from its own text; a parsed query validates and survives
//! its serde form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcostat::{Date, Filter, Granularity, GroupKey, Period, Query};

/// What every period that comes out of a parser must be.
fn check_period(p: Period, from: &str) {
    assert!(p.start <= p.end, "{from:?} gave the reversed period {p}");
    assert!(p.start.is_supported() && p.end.is_supported(), "{from:?} gave {p}, outside the supported range");
    assert_eq!(p.check(), Ok(p), "{from:?}");
    assert_eq!(Period::parse(&p.to_string()), Ok(p), "{from:?} gave {p}, which does not read back");
    for g in [Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Year, Granularity::SolarHijriYear] {
        let _ = g.bucket_of_period(p);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // One input drives all three arguments of a query, split at the first two tabs.
    let mut parts = text.splitn(3, '\t');
    let (by, filter, period) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());

    if let Ok(p) = Period::parse(text) {
        check_period(p, text);
    }
    if let Ok(d) = text.parse::<Date>() {
        assert!(d.is_supported(), "{text:?} gave the date {d}");
        assert_eq!(d.to_string().parse::<Date>(), Ok(d));
    }
    let _ = Granularity::parse(text);
    let _ = GroupKey::parse_list(text);
    let _ = Filter::parse(text);
    if let Ok(q) = Query::parse(by, filter, period) {
        assert_eq!(q.validate(), Ok(()));
        if let Some(p) = q.period {
            check_period(p, text);
        }
        let json = serde_json::to_string(&q).expect("a query serialises");
        assert_eq!(serde_json::from_str::<Query>(&json).ok(), Some(q), "{json}");
    }
    // The serde form of periods and queries checks what it reads.
    if let Ok(p) = serde_json::from_str::<Period>(text) {
        check_period(p, text);
    }
    if let Ok(q) = serde_json::from_str::<Query>(text) {
        if let Some(p) = q.period {
            check_period(p, text);
        }
    }
    // Every bucket index: a period inside the range, or none.
    if let Some(bytes) = data.get(..4) {
        let index = i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        for g in [
            Granularity::Day,
            Granularity::Week,
            Granularity::Month,
            Granularity::Quarter,
            Granularity::Year,
            Granularity::US_FISCAL_YEAR,
            Granularity::SolarHijriMonth,
            Granularity::SolarHijriYear,
        ] {
            if let Some(p) = g.bucket_period(index) {
                check_period(p, text);
                assert_eq!(g.bucket_of_period(p), Some(index), "{g:?} {index}");
                let _ = g.label(index);
            }
        }
    }
});
