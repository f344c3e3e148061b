//! Specs: what users naturally write (JSON from JS, Python kwargs as a
//! dict, CLI flags) deserialises into `QuerySpec` / `ReadSpec`, and the
//! query built equals the one the old string parser builds.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers fail the test on a bad case")]

use narcostat::equivalent::Basis;
use narcostat::read::{Format, Missing, Mode};
use narcostat::spec::{QuerySpec, ReadSpec, SpecError};
use narcostat::vocabulary::MeasureWord;
use narcostat::{CountUnit, Granularity, GroupKey, Query, Resolution, SpanRule, Unit};

fn spec(json: &str) -> QuerySpec {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn spec_err(json: &str) -> String {
    serde_json::from_str::<QuerySpec>(json).map(|s| panic!("{json} read as {s:?}")).unwrap_err().to_string()
}

/// (by, where, period) in the old text form, read by `Query::parse`.
const CASES: [(&str, &str, Option<&str>); 7] = [
    ("drug,year", "country=IRN", Some("2012..2016")),
    ("country", "drug=opium|heroin,country=Iran", Some("2018")),
    ("fiscal-year,drug", "", Some("FY2024")),
    ("", "", None),
    ("province,month", "province=Tehran", Some("2021-02")),
    ("drug-group,sub-region", "region=Asia,drug-group=opioids", Some("2012-Q1")),
    ("origin,destination", "origin=COL|PER,destination=USA", None),
];

fn json_text(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

#[test]
fn a_spec_builds_the_query_the_old_parser_built() {
    for (by, filter, period) in CASES {
        let old = Query::parse(by, filter, period).unwrap();
        let period_json = period.map_or("null".to_owned(), json_text);
        // Text forms, as CLI flags carry them.
        let text = format!(r#"{{"by": {}, "where": {}, "period": {period_json}}}"#, json_text(by), json_text(filter));
        assert_eq!(spec(&text).query().unwrap(), old, "{text}");
        // List and map forms, as JS objects and Python kwargs carry them.
        let keys: Vec<&str> = by.split(',').filter(|k| !k.is_empty()).collect();
        let mut map = serde_json::Map::new();
        for cond in filter.split(',').filter(|c| !c.is_empty()) {
            let (k, v) = cond.split_once('=').unwrap();
            let values: Vec<serde_json::Value> = v.split('|').map(|x| x.into()).collect();
            map.insert(k.to_owned(), values.into());
        }
        let value = serde_json::json!({"by": keys, "where": map, "period": period});
        let listed: QuerySpec = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(listed.query().unwrap(), old, "{value}");
        // `filter` is accepted for `where`.
        let aliased = serde_json::json!({"by": keys, "filter": map, "period": period});
        assert_eq!(serde_json::from_value::<QuerySpec>(aliased).unwrap().query().unwrap(), old);
    }
}

#[test]
fn a_year_is_an_int_or_text_and_vs_is_a_period_too() {
    let a = spec(r#"{"period": 2018, "vs": 2017}"#);
    let b = spec(r#"{"period": "2018", "vs": "2017"}"#);
    assert_eq!(a, b);
    assert_eq!(a.period.unwrap().to_string(), "2018-01-01..2018-12-31");
    assert_eq!(a.vs.unwrap().to_string(), "2017-01-01..2017-12-31");
    let range = spec(r#"{"period": {"start": "2018-03-01", "end": "2018-04-30"}}"#);
    assert_eq!(range.period.unwrap().days(), 61);
    assert!(spec_err(r#"{"period": 10000}"#).contains("outside the supported range"));
    assert!(spec_err(r#"{"period": "2018-13"}"#).contains("invalid period"));
    assert!(spec_err(r#"{"period": "2019..2018"}"#).contains("reversed"));
}

#[test]
fn every_field_deserialises() {
    let s = spec(
        r#"{"by": ["country", "fiscal-year"], "where": "drug=cocaine", "period": "FY2024", "vs": "FY2023",
            "fiscal_start": 7, "span_rule": "by_start", "measure": "tablets", "n": 5, "within": "fiscal-year",
            "unit": "lb", "basis": "opium", "factors": {"mg-per-tablet": 30, "kg-per-litre": "1.2"}}"#,
    );
    assert_eq!(s.by, [GroupKey::Country, GroupKey::Time(Granularity::US_FISCAL_YEAR)]);
    assert_eq!(s.filter["drug"], ["cocaine"]);
    assert_eq!(s.fiscal_start, Some(7));
    assert_eq!(s.span_rule, SpanRule::ByStart);
    assert_eq!(s.measure, MeasureWord::Count(Some(CountUnit::Tablets)));
    assert_eq!(s.n, Some(5));
    assert_eq!(s.unit, Some(Unit::Pound));
    assert_eq!(s.basis, Basis::OpiumEquivalent);
    assert_eq!(s.factors["mg-per-tablet"], "30");
    let f = s.factors().unwrap();
    assert_eq!(f.mg_per_tablet.to_string(), "30");
    assert_eq!(f.kg_per_litre.to_string(), "1.2");
    // The fiscal start applies to `by` and `within`.
    let q = s.query().unwrap();
    assert_eq!(q.by[1], GroupKey::Time(Granularity::FiscalYear(7)));
    assert_eq!(s.within().unwrap(), [GroupKey::Time(Granularity::FiscalYear(7))]);
    assert_eq!(q.span_rule, SpanRule::ByStart);
    // Defaults: nothing given is the default query, mass, heroin equivalents.
    let empty = spec("{}");
    assert_eq!(empty, QuerySpec::default());
    assert_eq!(empty.query().unwrap(), Query::default());
    assert_eq!(empty.measure, MeasureWord::Mass);
    // Serialised, a spec reads back the same.
    let back: QuerySpec = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn bad_values_are_errors_that_say_why() {
    assert!(spec_err(r#"{"n": -1}"#).contains("n must be 1 or more, not -1"));
    assert!(spec_err(r#"{"by": "drug,contry"}"#).contains("did you mean \"country\""));
    assert!(spec_err(r#"{"by": ["drug", "yaer"]}"#).contains("did you mean \"year\""));
    assert!(spec_err(r#"{"measure": "mas"}"#).contains("did you mean \"mass\""));
    assert!(spec_err(r#"{"span_rule": "by-strat"}"#).contains("did you mean \"by-start\""));
    assert!(spec_err(r#"{"unit": "kgg"}"#).contains("did you mean \"kg\""));
    assert!(spec_err(r#"{"where": "drug"}"#).contains("expected key=value"));
    let err = spec(r#"{"fiscal_start": 13, "by": "fiscal-year"}"#).query().unwrap_err();
    assert_eq!(err, SpecError::FiscalStart { value: 13 });
    assert_eq!(err.to_string(), "fiscal_start must be a month 1-12, not 13");
    assert!(matches!(spec(r#"{"by": "drug", "within": "year"}"#).query(), Err(SpecError::Within { .. })));
    assert!(matches!(spec(r#"{"factors": {"mg-per-pill": 3}}"#).factors(), Err(SpecError::Factor { .. })));
    assert!(matches!(spec(r#"{"factors": {"mg-per-tablet": -3}}"#).factors(), Err(SpecError::Factor { .. })));
    assert!(spec(r#"{"where": {"drug": "nonsense-drug"}}"#).query().is_err());
    assert!(spec(r#"{"by": "year,month"}"#).query().is_err());
}

#[test]
fn unknown_field_names_are_errors_naming_them() {
    let err = spec_err(r#"{"fiscalstart": 7}"#);
    assert!(err.contains("unknown field `fiscalstart`") && err.contains("fiscal_start"), "{err}");
    let err = serde_json::from_str::<ReadSpec>(r#"{"sheets": "Data"}"#).unwrap_err().to_string();
    assert!(err.contains("unknown field `sheets`") && err.contains("sheet"), "{err}");
}

#[test]
fn a_read_spec_gives_the_reading_options() {
    let s: ReadSpec = serde_json::from_str(
        r#"{"format": "cbp", "country": "Iran (Islamic Republic of)", "lenient": true, "missing": "reject",
            "sheet": "FY24", "unit": "lbs", "resolution": "keep_unclassified", "delimiter": ";"}"#,
    )
    .unwrap();
    assert_eq!(s.sheet.as_deref(), Some("FY24"));
    assert_eq!(s.unit, Some(Unit::Pound));
    let o = s.options().unwrap();
    assert_eq!(o.format, Some(Format::Cbp));
    assert_eq!(o.country.unwrap().as_str(), "IRN");
    assert_eq!(o.mode, Mode::Lenient);
    assert_eq!(o.missing, Missing::Reject);
    assert_eq!(o.resolution, Resolution::KeepUnclassified);
    assert_eq!(o.delimiter, Some(b';'));
    let default = ReadSpec::default().options().unwrap();
    assert_eq!((default.mode, default.format, default.delimiter), (Mode::Strict, None, None));
    let bad = ReadSpec { delimiter: Some('§'), ..ReadSpec::default() };
    assert_eq!(bad.options().unwrap_err(), SpecError::Delimiter { value: '§' });
    let err = serde_json::from_str::<ReadSpec>(r#"{"country": "Atlantis"}"#).unwrap_err();
    assert!(err.to_string().contains("unknown country \"Atlantis\""), "{err}");
    let err = serde_json::from_str::<ReadSpec>(r#"{"format": "unodc-anual"}"#).unwrap_err();
    assert!(err.to_string().contains("did you mean \"unodc-annual\""), "{err}");
    let generic: ReadSpec =
        serde_json::from_str(r#"{"format": {"generic": {"substance": "Drug", "quantity": "Qty"}}}"#).unwrap();
    assert!(matches!(generic.format, Some(Format::Generic(_))));
}
