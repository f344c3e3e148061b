//! The vocabulary: every word of every kind parses back from its Display
//! form and its serde form, and a one-letter typo of each word gets that
//! word as its first suggestion.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers fail the test on a bad case")]

use narcostat::bulletin::BulletinFormat;
use narcostat::equivalent::Basis;
use narcostat::read::{Format, Missing, Mode};
use narcostat::vocabulary::{MeasureWord, OutputFormat, UnknownWord, Vocabulary, Word};
use narcostat::{CountUnit, Granularity, GroupKey, Resolution, SpanRule, Unit};
use std::fmt::Debug;

/// Every word of `T` round-trips: text -> value -> Display gives the word
/// back, and serde writes the word and reads it back to the same value.
fn round_trip<T>() -> usize
where
    T: Word + Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
{
    let words = T::words();
    assert!(!words.is_empty(), "{} has no words", T::KIND);
    for word in &words {
        let value: T = word.parse().unwrap_or_else(|e| panic!("{} {word:?} does not parse: {e}", T::KIND));
        assert_eq!(value.to_string(), *word, "{} {word:?}", T::KIND);
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(json, format!("{word:?}"), "{} serde form", T::KIND);
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
        // Case, `_` for `-` and spaces do not matter.
        let shouted = word.to_uppercase().replace('-', "_");
        assert_eq!(shouted.parse::<T>().unwrap(), value, "{} {shouted:?}", T::KIND);
    }
    words.len()
}

#[test]
fn every_word_of_every_kind_round_trips() {
    let counts = [
        round_trip::<GroupKey>(),
        round_trip::<Granularity>(),
        round_trip::<SpanRule>(),
        round_trip::<MeasureWord>(),
        round_trip::<OutputFormat>(),
        round_trip::<BulletinFormat>(),
        round_trip::<Basis>(),
        round_trip::<Missing>(),
        round_trip::<Mode>(),
        round_trip::<Resolution>(),
        round_trip::<Unit>(),
        round_trip::<CountUnit>(),
    ];
    // Format is not Deserialize-round-trippable through the derive alone: check apart.
    for word in Format::words() {
        let f: Format = word.parse().unwrap();
        assert_eq!(f.to_string(), word);
        assert_eq!(serde_json::from_str::<Format>(&serde_json::to_string(&f).unwrap()).unwrap(), f);
    }
    assert_eq!(counts[1], 8, "eight granularities");
    assert_eq!(counts[10], Unit::ALL.len());
}

#[test]
fn the_vocabulary_lists_exactly_each_kinds_words() {
    let v = Vocabulary::get();
    assert_eq!(v.dimensions, GroupKey::words());
    assert_eq!(v.units, Unit::words());
    // The dimensions the page's menu lacked are there.
    for word in ["origin", "destination", "country", "fiscal-year", "drug-group"] {
        assert!(v.dimensions.contains(&word), "{word}");
    }
    let json = serde_json::to_value(&v).unwrap();
    for key in ["dimensions", "granularities", "span_rules", "measures", "units", "count_units", "output_formats"] {
        assert!(json[key].as_array().is_some_and(|a| !a.is_empty()), "{key}");
    }
    for key in ["bulletin_formats", "bases", "input_formats", "missing", "modes", "resolutions"] {
        assert!(json[key].as_array().is_some_and(|a| !a.is_empty()), "{key}");
    }
}

/// The typos of `word`: each letter dropped, doubled, replaced by a
/// neighbour, and each adjacent pair swapped (only of words of 3+ letters).
fn typos(word: &str) -> Vec<String> {
    let c: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for i in 0..c.len() {
        let mut dropped = c.clone();
        dropped.remove(i);
        out.push(dropped);
        let mut doubled = c.clone();
        doubled.insert(i, c[i]);
        out.push(doubled);
        if i + 1 < c.len() && c[i] != c[i + 1] {
            let mut swapped = c.clone();
            swapped.swap(i, i + 1);
            out.push(swapped);
        }
        let mut replaced = c.clone();
        replaced[i] = if c[i] == 'q' { 'w' } else { 'q' };
        out.push(replaced);
    }
    out.into_iter().map(|w| w.into_iter().collect::<String>()).collect()
}

/// For words of 4+ letters, every one-letter typo that is not itself a word
/// or alias suggests the word first; returns how many typos were checked.
fn suggests<T: Word + Debug>() -> usize {
    let mut checked = 0;
    for word in T::words().into_iter().filter(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 4) {
        for typo in typos(word) {
            let Err(err): Result<T, UnknownWord> = typo.parse() else { continue };
            assert_eq!(err.kind, T::KIND);
            assert_eq!(err.given, typo);
            assert_eq!(err.expected, T::words());
            assert_eq!(err.suggestions.first().map(String::as_str), Some(word), "{} {typo:?}: {err}", T::KIND);
            assert!(err.to_string().contains(&format!("did you mean \"{word}\"")), "{err}");
            checked += 1;
        }
    }
    checked
}

#[test]
fn a_one_letter_typo_of_each_word_suggests_that_word() {
    let checked = [
        suggests::<GroupKey>(),
        suggests::<Granularity>(),
        suggests::<SpanRule>(),
        suggests::<MeasureWord>(),
        suggests::<OutputFormat>(),
        suggests::<BulletinFormat>(),
        suggests::<Basis>(),
        suggests::<Missing>(),
        suggests::<Mode>(),
        suggests::<Resolution>(),
        suggests::<Unit>(),
        suggests::<CountUnit>(),
        suggests::<Format>(),
    ];
    assert!(checked.iter().all(|&n| n > 0), "every kind has a word of 4+ letters: {checked:?}");
}

#[test]
fn short_words_get_suggestions_too() {
    for (typo, kind, word) in
        [("kh", "unit", "kg"), ("lbb", "unit", "lb"), ("dya", "dimension", "day"), ("jsn", "output format", "json")]
    {
        let err = match kind {
            "unit" => typo.parse::<Unit>().unwrap_err(),
            "dimension" => typo.parse::<GroupKey>().unwrap_err(),
            _ => typo.parse::<OutputFormat>().unwrap_err(),
        };
        assert_eq!(err.suggestions.first().map(String::as_str), Some(word), "{typo}: {err}");
    }
}

#[test]
fn nonsense_gets_no_suggestion_but_the_list() {
    let err = "colour".parse::<GroupKey>().unwrap_err();
    assert!(err.suggestions.is_empty(), "{err}");
    assert_eq!(
        err.to_string(),
        format!("unknown dimension \"colour\" (expected one of: {})", GroupKey::words().join(", "))
    );
}

#[test]
fn aliases_and_fiscal_years_parse() {
    assert_eq!("sh-year".parse::<GroupKey>().unwrap(), GroupKey::Time(Granularity::SolarHijriYear));
    assert_eq!("Sub Region".parse::<GroupKey>().unwrap(), GroupKey::SubRegion);
    assert_eq!("fiscal_year_7".parse::<GroupKey>().unwrap(), GroupKey::Time(Granularity::FiscalYear(7)));
    assert_eq!(GroupKey::Time(Granularity::FiscalYear(7)).to_string(), "fiscal-year-7");
    assert_eq!(GroupKey::Time(Granularity::FiscalYear(7)).name(), "fiscal-year");
    assert!("fiscal-year-13".parse::<GroupKey>().is_err());
    for m in 1..=12u8 {
        let g = Granularity::FiscalYear(m);
        assert_eq!(g.to_string().parse::<Granularity>().unwrap(), g);
        assert_eq!(serde_json::from_str::<Granularity>(&serde_json::to_string(&g).unwrap()).unwrap(), g);
    }
    assert_eq!("by_start".parse::<SpanRule>().unwrap(), SpanRule::ByStart);
    assert_eq!("keep_unclassified".parse::<Resolution>().unwrap(), Resolution::KeepUnclassified);
    assert_eq!("heroin".parse::<Basis>().unwrap(), Basis::HeroinEquivalent);
    assert_eq!("vials".parse::<MeasureWord>().unwrap(), MeasureWord::Count(Some(CountUnit::Ampoules)));
    assert_eq!("Thousand Tablets".parse::<Unit>().unwrap(), Unit::ThousandTablets);
    // A unit of mass is not a kind of counted item.
    let err = "kg".parse::<CountUnit>().unwrap_err();
    assert_eq!(err.kind, "count unit");
    // Serde reads words with their aliases and suggestions.
    assert_eq!(serde_json::from_str::<Unit>("\"Lbs\"").unwrap(), Unit::Pound);
    let err = serde_json::from_str::<GroupKey>("\"contry\"").unwrap_err();
    assert!(err.to_string().contains("did you mean \"country\""), "{err}");
}

#[test]
fn measure_words_resolve_against_the_kinds_counted() {
    use narcostat::rank::Measure;
    let count = MeasureWord::Count(None);
    assert_eq!(count.resolve(&[]).unwrap(), Measure::Count(CountUnit::Units));
    assert_eq!(count.resolve(&[CountUnit::Tablets]).unwrap(), Measure::Count(CountUnit::Tablets));
    let err = count.resolve(&[CountUnit::Tablets, CountUnit::Plants]).unwrap_err();
    assert!(err.to_string().contains("tablets, plants"), "{err}");
    // The word and the old parser agree on every word.
    for word in MeasureWord::words() {
        let counted = [CountUnit::Plants];
        let old = Measure::parse_for(word, &counted).unwrap();
        assert_eq!(word.parse::<MeasureWord>().unwrap().resolve(&counted).unwrap(), old, "{word}");
    }
}

#[test]
fn generic_formats_keep_their_column_mapping_in_serde() {
    let json = r#"{"generic": {"substance": "Drug", "quantity": "Qty", "default_unit": "kg"}}"#;
    let f: Format = serde_json::from_str(json).unwrap();
    let Format::Generic(map) = &f else { panic!("{f:?}") };
    assert_eq!(map.substance, "Drug");
    assert_eq!(serde_json::from_str::<Format>(&serde_json::to_string(&f).unwrap()).unwrap(), f);
    assert!(serde_json::from_str::<Format>("\"cbpp\"").unwrap_err().to_string().contains("did you mean \"cbp\""));
}
