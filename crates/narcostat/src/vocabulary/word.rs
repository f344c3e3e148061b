//! The `Word` trait: a word users type, with its canonical spelling and its table.

use super::UnknownWord;
use crate::substance::normalize;
use std::fmt::Display;
use std::str::FromStr;

/// A word of the vocabulary users type (CLI flags, Python keywords, JS
/// options): parsed with [`FromStr`] (case-, space-, `-`/`_`-insensitive,
/// with aliases) into the core type, written with [`Display`] as its
/// canonical word, and serde'd as that word.
pub trait Word: FromStr<Err = UnknownWord> + Display + Sized {
    /// What kind of word this is (`"dimension"`, `"unit"`, ...), as error messages say it.
    const KIND: &'static str;
    /// The canonical words, in menu order.
    fn words() -> Vec<&'static str>;
}

/// One word of a table: its value, its canonical spelling and its aliases.
pub(crate) type Entry<T> = (T, &'static str, &'static [&'static str]);

/// Finds `given` in `table` (canonical words and aliases, normalised), or
/// the error with suggestions.
pub(crate) fn lookup<T: Clone>(kind: &'static str, table: &[Entry<T>], given: &str) -> Result<T, UnknownWord> {
    let key = normalize(given);
    table
        .iter()
        .find(|(_, word, aliases)| normalize(word) == key || aliases.iter().any(|a| normalize(a) == key))
        .map(|(value, _, _)| value.clone())
        .ok_or_else(|| UnknownWord::new(kind, given, names(table), canonical(table)))
}

/// Every (name or alias, canonical word) pair of a table, for suggestions.
pub(crate) fn names<T>(table: &[Entry<T>]) -> Vec<(&'static str, &'static str)> {
    table
        .iter()
        .flat_map(|(_, word, aliases)| std::iter::once((*word, *word)).chain(aliases.iter().map(|a| (*a, *word))))
        .collect()
}

/// The canonical words of a table.
pub(crate) fn canonical<T>(table: &[Entry<T>]) -> Vec<&'static str> {
    table.iter().map(|(_, word, _)| *word).collect()
}

/// The canonical word of `value` in `table`.
pub(crate) fn word_of<T: PartialEq>(table: &[Entry<T>], value: &T) -> Option<&'static str> {
    table.iter().find(|(v, _, _)| v == value).map(|(_, word, _)| *word)
}

/// Implements serde for a [`Word`] type as its word: serialises the
/// [`Display`] form, deserialises through [`FromStr`] (so aliases and
/// suggestions work in JSON, Python dicts and JS objects alike).
macro_rules! word_serde {
    ($($t:ty),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}
pub(crate) use word_serde;

/// Implements [`Word`], [`FromStr`] and [`Display`] for a type from one
/// table of [`Entry`]s (a `fn() -> Vec<Entry<T>>` or a const slice).
macro_rules! table_word {
    ($t:ty, $kind:literal, $table:expr) => {
        impl $crate::vocabulary::Word for $t {
            const KIND: &'static str = $kind;
            fn words() -> Vec<&'static str> {
                $crate::vocabulary::word::canonical(&$table)
            }
        }
        impl std::str::FromStr for $t {
            type Err = $crate::vocabulary::UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::vocabulary::word::lookup($kind, &$table, s)
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::vocabulary::word::word_of(&$table, self).unwrap_or("?"))
            }
        }
    };
}
pub(crate) use table_word;
