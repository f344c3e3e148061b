//! Countries (ISO 3166-1 alpha-3) with their UN M49 region and sub-region.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// An ISO 3166-1 alpha-3 country code (or a code UNODC uses for an entity
/// outside ISO 3166-1, such as `XKX` for Kosovo or `SUN` for the USSR).
///
/// The serde form is the three-letter string.
///
/// ```
/// use narcostat::place::CountryCode;
/// let irn = CountryCode::resolve("Iran (Islamic Republic of)").unwrap();
/// assert_eq!(irn.as_str(), "IRN");
/// assert_eq!(irn.info().unwrap().subregion.name(), "Southern Asia");
/// assert_eq!(CountryCode::resolve("irn"), Some(irn));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 3]);

/// A country of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryInfo {
    /// The code.
    pub code: CountryCode,
    /// The name as UNODC writes it.
    pub name: &'static str,
    /// The UN M49 sub-region (intermediate region in Africa and Latin America).
    pub subregion: SubRegion,
}

macro_rules! subregions {
    ($( $variant:ident = $key:literal, $name:literal, $region:ident; )*) => {
        /// A UN M49 sub-region (with the intermediate regions of Sub-Saharan
        /// Africa and Latin America and the Caribbean as sub-regions).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        #[allow(missing_docs)]
        pub enum SubRegion { $($variant,)* }

        impl SubRegion {
            /// Every sub-region.
            pub const ALL: &'static [SubRegion] = &[$(SubRegion::$variant,)*];
            /// The M49 name.
            pub const fn name(self) -> &'static str { match self { $(SubRegion::$variant => $name,)* } }
            /// The M49 region it belongs to.
            pub const fn region(self) -> Region { match self { $(SubRegion::$variant => Region::$region,)* } }
            fn from_key(key: &str) -> Option<Self> { match key { $($key => Some(SubRegion::$variant),)* _ => None } }
        }
    };
}

subregions! {
    NorthernAfrica = "NAF", "Northern Africa", Africa;
    EasternAfrica = "EAF", "Eastern Africa", Africa;
    MiddleAfrica = "MAF", "Middle Africa", Africa;
    SouthernAfrica = "SAF", "Southern Africa", Africa;
    WesternAfrica = "WAF", "Western Africa", Africa;
    Caribbean = "CAR", "Caribbean", Americas;
    CentralAmerica = "CAM", "Central America", Americas;
    SouthAmerica = "SAM", "South America", Americas;
    NorthernAmerica = "NAM", "Northern America", Americas;
    CentralAsia = "CAS", "Central Asia", Asia;
    EasternAsia = "EAS", "Eastern Asia", Asia;
    SouthEasternAsia = "SEA", "South-eastern Asia", Asia;
    SouthernAsia = "SAS", "Southern Asia", Asia;
    WesternAsia = "WAS", "Western Asia", Asia;
    EasternEurope = "EEU", "Eastern Europe", Europe;
    NorthernEurope = "NEU", "Northern Europe", Europe;
    SouthernEurope = "SEU", "Southern Europe", Europe;
    WesternEurope = "WEU", "Western Europe", Europe;
    AustraliaAndNewZealand = "ANZ", "Australia and New Zealand", Oceania;
    Melanesia = "MEL", "Melanesia", Oceania;
    Micronesia = "MIC", "Micronesia", Oceania;
    Polynesia = "POL", "Polynesia", Oceania;
}

/// A UN M49 region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// Africa.
    Africa,
    /// The Americas.
    Americas,
    /// Asia.
    Asia,
    /// Europe.
    Europe,
    /// Oceania.
    Oceania,
}

impl Region {
    /// The M49 name.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Africa => "Africa",
            Self::Americas => "Americas",
            Self::Asia => "Asia",
            Self::Europe => "Europe",
            Self::Oceania => "Oceania",
        }
    }
}

impl SubRegion {
    /// Finds a sub-region by its M49 name.
    pub fn resolve(name: &str) -> Option<Self> {
        let key = crate::substance::normalize(name);
        Self::ALL.iter().copied().find(|s| crate::substance::normalize(s.name()) == key)
    }
}

struct Table {
    by_code: HashMap<CountryCode, CountryInfo>,
    by_name: HashMap<String, CountryCode>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for line in include_str!("countries.txt").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('|');
            let (Some(code), Some(key), Some(name), aliases) =
                (fields.next(), fields.next(), fields.next(), fields.next().unwrap_or(""))
            else {
                continue;
            };
            let (Some(code), Some(subregion)) = (CountryCode::from_code(code), SubRegion::from_key(key)) else {
                continue;
            };
            by_code.insert(code, CountryInfo { code, name, subregion });
            for n in std::iter::once(name).chain(aliases.split(';')).filter(|n| !n.is_empty()) {
                by_name.insert(crate::substance::normalize(n), code);
            }
        }
        Table { by_code, by_name }
    })
}

impl CountryCode {
    /// A code from three ASCII letters (any case), without checking the table.
    pub fn from_code(code: &str) -> Option<Self> {
        let b = code.trim().as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(Self([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase(), b[2].to_ascii_uppercase()]))
    }

    /// Resolves a code or a name (UNODC's, the common English one, or Persian)
    /// to a known country. UNODC's `KKK` for Kosovo resolves to `XKX`.
    pub fn resolve(text: &str) -> Option<Self> {
        let t = table();
        if let Some(code) = Self::from_code(text).filter(|c| t.by_code.contains_key(c)) {
            return Some(code);
        }
        t.by_name.get(&crate::substance::normalize(text)).copied()
    }

    /// The three letters.
    pub fn as_str(&self) -> &str {
        // Always ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// The country's entry in the table, if known.
    pub fn info(self) -> Option<&'static CountryInfo> {
        table().by_code.get(&self)
    }

    /// Every country in the table, sorted by code.
    pub fn all() -> Vec<&'static CountryInfo> {
        let mut all: Vec<_> = table().by_code.values().collect();
        all.sort_by_key(|c| c.code);
        all
    }
}

/// A code or a name, as [`CountryCode::resolve`] reads them.
///
/// ```
/// let iran: narcostat::CountryCode = "Iran".parse().unwrap();
/// assert_eq!(iran.as_str(), "IRN");
/// assert_eq!("Atlantis".parse::<narcostat::CountryCode>().unwrap_err(), "unknown country \"Atlantis\"");
/// ```
impl std::str::FromStr for CountryCode {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::resolve(text).ok_or_else(|| format!("unknown country {text:?}"))
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::from_code(&text).ok_or_else(|| serde::de::Error::custom(format!("invalid country code {text:?}")))
    }
}
