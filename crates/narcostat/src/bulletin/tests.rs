use super::*;
use crate::seed::bulletin_2021_02;

#[test]
fn seed_bulletin_text() {
    let b = Bulletin::build(&bulletin_2021_02(), None).unwrap();
    assert_eq!(b.period.to_string(), "2021-01-30..2021-02-28");
    let t = b.render(BulletinFormat::Text);
    // The ranking lines of the seed, in order.
    let order = ["Opium", "Hashish", "Morphine", "Heroin", "Crystal", "other substances", "Grass"];
    let mut pos = 0;
    for name in order {
        let at = t[pos..].find(&format!("  {name}")).unwrap_or_else(|| panic!("{name} after {pos}\n{t}"));
        pos += at + 1;
    }
    assert!(t.contains("The highest seized type was Opium with 47,767 kg, followed by 5,637 kg of Hashish"));
    assert!(t.contains("58,207"));
    assert!(t.contains("stated about 58,383 kg, items 58,207 kg (7 items): difference 176 kg (0.30%)"));
    assert!(t.contains("120 (heading) vs 122 (text)"));
    assert!(t.contains("2021-01-31..2021-02-25"));
    assert!(t.contains("per beneficiary: 471,698,113 IRR"));
    assert!(t.contains("people reached: 5,461"));
    assert!(t.contains("provinces covered: 13"));
    assert!(t.contains("about 20% derived from narcotics"));
}

#[test]
fn every_activity_kind_appears() {
    let b = Bulletin::build(&bulletin_2021_02(), None).unwrap();
    let kinds: Vec<_> = b.activities.iter().map(|s| s.kind.as_str()).collect();
    for k in [
        "memorandum",
        "cooperation",
        "training",
        "treatment_centre",
        "funding",
        "prevention",
        "national_plan",
        "regulatory",
    ] {
        assert!(kinds.contains(&k), "{k}");
    }
    let items: usize = b.activities.iter().map(|s| s.items.len()).sum();
    assert_eq!(items, 11);
}

#[test]
fn period_option_filters_and_flags() {
    let b = Bulletin::build(&bulletin_2021_02(), Some(Period::parse("2021-02").unwrap())).unwrap();
    assert_eq!(b.seizures.records, 7);
    assert!(b.data_quality.iter().any(|f| { f.message.starts_with("7 seizure records also cover days outside") }));
    let empty = Bulletin::build(&bulletin_2021_02(), Some(Period::parse("2019").unwrap())).unwrap();
    assert_eq!(empty.seizures.records, 0);
    assert_eq!(empty.seizures.sentence, "Nothing was recorded.");
}

#[test]
fn html_escapes_data() {
    let mut d = bulletin_2021_02();
    d.seizures[0].substance.name = "<script>alert(1)</script>".into();
    let h = Bulletin::build(&d, None).unwrap().render(BulletinFormat::Html);
    assert!(!h.contains("<script>"));
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<svg"));
    // Balanced tags for the elements the page uses.
    for tag in ["html", "body", "table", "svg", "ul", "h1", "h2", "h3", "tr", "td", "li"] {
        let open = h.matches(&format!("<{tag}>")).count() + h.matches(&format!("<{tag} ")).count();
        let close = h.matches(&format!("</{tag}>")).count();
        assert_eq!(open, close, "<{tag}>");
    }
    let md = Bulletin::build(&d, None).unwrap().render(BulletinFormat::Markdown);
    assert!(!md.contains("<script>"));
}

#[test]
fn comparison_with_previous_month() {
    let mut d = bulletin_2021_02();
    let mut jan = d.seizures[0].clone();
    jan.period = Period::parse("2021-01").unwrap();
    jan.quantity = Some(crate::Quantity::parse("40000 kg").unwrap());
    for s in &mut d.seizures {
        s.period = Period::parse("2021-02").unwrap();
    }
    d.seizures.push(jan);
    let b = Bulletin::build(&d, Some(Period::parse("2021-02").unwrap())).unwrap();
    let c = b.seizures.comparison.clone().unwrap();
    assert_eq!(b.seizures.previous_period.unwrap().to_string(), "2021-01-01..2021-01-31");
    assert_eq!(c.total.absolute.to_string(), "18207");
    let json = b.render(BulletinFormat::Json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["seizures"]["total_kg"], "58207");
}

#[test]
fn a_record_the_table_cannot_hold_fails_the_bulletin() {
    let mut d = bulletin_2021_02();
    d.seizures[3].seizures = Some(5_000_000_000);
    let e = Bulletin::build(&d, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot make the bulletin: record 4 (bulletin-2021-02: seizure ranking): 5000000000 seizure events in one \
         record is more than the table holds"
    );
    let mut d = bulletin_2021_02();
    d.seizures[0].period = Period::parse("1800-01-01..2021-02-28").unwrap();
    assert!(matches!(Bulletin::build(&d, None), Err(BulletinError::Record(_))));
}

#[test]
fn no_records_and_no_period_is_an_error() {
    assert!(matches!(Bulletin::build(&Dataset::default(), None), Err(BulletinError::NoPeriod)));
}

#[test]
fn duplicates_and_outliers_name_their_records() {
    let mut d = bulletin_2021_02();
    let mut again = d.seizures[1].clone();
    again.source = Some("copy.csv:7".into());
    d.seizures.push(again);
    let b = Bulletin::build(&d, None).unwrap();
    let dup: Vec<&Finding> = b.data_quality.iter().filter(|f| f.kind == "duplicate").collect();
    assert_eq!(dup.len(), 1, "{dup:?}");
    assert!(dup[0].message.contains("2 records from 2 agencies or documents at record 2"), "{}", dup[0].message);
    assert!(dup[0].message.contains("copy.csv:7"), "{}", dup[0].message);
    // The doubled record is not silently summed away: the total shows it, the finding explains it.
    assert_eq!(b.seizures.total_kg.to_string(), "63844");
}
