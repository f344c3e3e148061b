//! Units of measure and kinds of counted items as words.

use super::word::word_serde;
use super::{UnknownWord, Word};
use crate::quantity::{CountUnit, Unit};

impl Word for Unit {
    const KIND: &'static str = "unit";
    fn words() -> Vec<&'static str> {
        Self::ALL.iter().map(|u| u.symbol()).collect()
    }
}

impl std::str::FromStr for Unit {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| {
            let names = Self::ALL
                .iter()
                .flat_map(|u| std::iter::once(u.symbol()).chain(u.aliases().iter().copied()).map(|n| (n, u.symbol())));
            UnknownWord::new(Self::KIND, s, names, Self::words())
        })
    }
}

impl Word for CountUnit {
    const KIND: &'static str = "count unit";
    fn words() -> Vec<&'static str> {
        Self::ALL.iter().map(|c| c.name()).collect()
    }
}

impl std::str::FromStr for CountUnit {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| {
            let names = Unit::ALL.iter().filter_map(|&u| {
                let c = Self::of(u)?;
                Some(std::iter::once(u.symbol()).chain(u.aliases().iter().copied()).map(move |n| (n, c.name())))
            });
            UnknownWord::new(Self::KIND, s, names.flatten(), Self::words())
        })
    }
}

word_serde!(Unit, CountUnit);
