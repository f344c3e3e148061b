//! Serde for a record's kept source columns: a JSON object in column order.

use serde::de::{MapAccess, Visitor};
use serde::{Deserializer, Serializer};

/// Writes the pairs as a map `{"Region": "Europe"}`.
pub(super) fn serialize<S: Serializer>(columns: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(columns.iter().map(|(k, v)| (k, v)))
}

/// Reads a map back into pairs, keeping the order it was written in.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    d.deserialize_map(Pairs)
}

struct Pairs;

impl<'de> Visitor<'de> for Pairs {
    type Value = Vec<(String, String)>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object of column names and text values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some((k, v)) = map.next_entry::<String, String>()? {
            out.push((k, v));
        }
        Ok(out)
    }
}
