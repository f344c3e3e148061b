//! The shapes users naturally write, as serde helpers: `"drug,year"` or
//! `["drug", "year"]`; `2018` or `"2018"`; a map of conditions or
//! `"k=v|v,k=v"`; a count that may not be negative.

use crate::period::Period;
use crate::query::GroupKey;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serializer};
use std::collections::BTreeMap;

/// Keys as `"drug,year"` or `["drug", "year"]` (each key's error, with
/// its suggestions, kept: no untagged enum swallows it).
pub(super) fn keys<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<GroupKey>, D::Error> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<GroupKey>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("keys as \"drug,year\" or [\"drug\", \"year\"]")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            GroupKey::parse_list(text).map_err(E::custom)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = seq.next_element()? {
                keys.push(key);
            }
            Ok(keys)
        }
    }
    d.deserialize_any(Keys)
}

/// A period as a year number (`2018`), text (`"2018-Q1"`, `"FY2024"`,
/// `"2012..2016"`) or `{"start": ..., "end": ...}`.
pub(super) fn period<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Period>, D::Error> {
    struct PeriodForm;
    impl<'de> Visitor<'de> for PeriodForm {
        type Value = Option<Period>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a period: a year (2018), text (\"2018-Q1\", \"FY2024\", \"2012..2016\") or {start, end}")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<Self::Value, E> {
            self.visit_str(&year.to_string())
        }
        fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<Self::Value, E> {
            self.visit_str(&year.to_string())
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Period::parse(text).map(Some).map_err(E::custom)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Period::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_any(PeriodForm)
}

/// A period written as the text [`Period::parse`] reads back.
pub(super) fn period_text<S: Serializer>(p: &Option<Period>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => s.collect_str(p),
        None => s.serialize_none(),
    }
}

/// One condition's values: one word (alternatives may be `|`-separated) or a list.
#[derive(Deserialize)]
#[serde(untagged)]
enum Values {
    One(Scalar),
    Many(Vec<Scalar>),
}

/// A filter value: text, or a number (a year, a code) written as text.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Int(i64),
}

impl Scalar {
    fn text(self) -> String {
        match self {
            Self::Text(t) => t,
            Self::Int(i) => i.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Conditions {
    Text(String),
    Map(BTreeMap<String, Values>),
}

/// Filter conditions as `{"drug": "cocaine", "country": ["COL", "PER"]}`
/// or `"drug=cocaine,country=COL|PER"`: key -> alternatives.
pub(super) fn conditions<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Vec<String>>, D::Error> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    match Conditions::deserialize(d)? {
        Conditions::Map(map) => {
            for (key, values) in map {
                let values = match values {
                    Values::One(v) => vec![v.text()],
                    Values::Many(vs) => vs.into_iter().map(Scalar::text).collect(),
                };
                out.entry(key).or_default().extend(values);
            }
        }
        Conditions::Text(text) => return conditions_text(&text).map_err(D::Error::custom),
    }
    Ok(out)
}

/// Filter conditions written as text, `"drug=cocaine,country=COL|PER"` (the
/// CLI's `--where`): key -> alternatives; empty text is no condition.
///
/// ```
/// let c = narcostat::spec::conditions_text("drug=cocaine, country=COL|PER").unwrap();
/// assert_eq!((c["drug"][0].as_str(), c["country"][0].as_str()), ("cocaine", "COL|PER"));
/// assert!(narcostat::spec::conditions_text("").unwrap().is_empty());
/// assert!(narcostat::spec::conditions_text("drug").unwrap_err().contains("expected key=value"));
/// ```
pub fn conditions_text(text: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for cond in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let (k, v) =
            cond.split_once('=').ok_or_else(|| format!("invalid filter {cond:?}: expected key=value[|value...]"))?;
        out.entry(k.trim().to_owned()).or_default().push(v.trim().to_owned());
    }
    Ok(out)
}

/// A count that may be absent but not negative (`n=-1` is an error that says so).
pub(super) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    match Option::<i64>::deserialize(d)? {
        None => Ok(None),
        // n = 0 would print an empty ranking as if it were an answer.
        Some(n) => usize::try_from(n)
            .ok()
            .filter(|&n| n > 0)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("n must be 1 or more, not {n}"))),
    }
}

/// A factor's value: text (`"30"`) or a number (`30`, `2.5`), kept as text.
#[derive(Deserialize)]
#[serde(untagged)]
enum FactorValue {
    Text(String),
    Number(serde_json::Number),
}

pub(super) fn factors<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let map = BTreeMap::<String, FactorValue>::deserialize(d)?;
    Ok(map
        .into_iter()
        .map(|(k, v)| match v {
            FactorValue::Text(t) => (k, t),
            FactorValue::Number(n) => (k, n.to_string()),
        })
        .collect())
}
