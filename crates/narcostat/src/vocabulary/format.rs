//! Input formats as words; the generic format with its column mapping as
//! `{"generic": {...}}`.

use super::word::{Entry, canonical, lookup, names};
use super::{UnknownWord, Word};
use crate::read::{ColumnMap, Format};
use serde::Deserialize;
use serde::de::{Error as _, MapAccess, Visitor};

/// The named formats (not `generic`, which needs a column mapping).
const FORMATS: &[Entry<&str>] = &[
    ("unodc-annual", "unodc-annual", &["unodc"]),
    ("unodc-subregional", "unodc-subregional", &[]),
    ("cbp", "cbp", &[]),
    ("wide", "wide", &[]),
    ("json", "json", &[]),
    ("ndjson", "ndjson", &["jsonl"]),
];

fn named(word: &str) -> Option<Format> {
    Some(match word {
        "unodc-annual" => Format::UnodcAnnual,
        "unodc-subregional" => Format::UnodcSubregional,
        "cbp" => Format::Cbp,
        "wide" => Format::Wide,
        "json" => Format::Json,
        "ndjson" => Format::Ndjson,
        _ => return None,
    })
}

impl Word for Format {
    const KIND: &'static str = "input format";
    fn words() -> Vec<&'static str> {
        canonical(FORMATS)
    }
}

impl std::str::FromStr for Format {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let word = lookup(Self::KIND, FORMATS, s)?;
        named(word).ok_or_else(|| UnknownWord::new(Self::KIND, s, names(FORMATS), Self::words()))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads a format from its word (`"cbp"`) or `{"generic": {...}}`, keeping
/// the errors of either (an unknown word's suggestions, a mapping's missing field).
struct FormatVisitor;

impl<'de> Visitor<'de> for FormatVisitor {
    type Value = Format;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a format word (\"cbp\", \"unodc-annual\", ...) or {\"generic\": {column mapping}}")
    }
    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<Format, E> {
        word.parse().map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Format, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(A::Error::custom("a format object needs the key \"generic\""));
        };
        if key != "generic" {
            return Err(A::Error::unknown_field(&key, &["generic"]));
        }
        let format = Format::Generic(map.next_value::<ColumnMap>()?);
        match map.next_key::<String>()? {
            None => Ok(format),
            Some(extra) => Err(A::Error::unknown_field(&extra, &["generic"])),
        }
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FormatVisitor)
    }
}
