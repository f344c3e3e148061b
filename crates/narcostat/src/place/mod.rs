//! Places: countries with their UN M49 region and sub-region, sub-national
//! units (Iran's provinces under ISO 3166-2:IR) and free-form units such as a
//! CBP field office.

mod country;
mod province;
mod unodc;

pub use country::{CountryCode, CountryInfo, Region, SubRegion};
pub use province::{IranProvince, ProvinceCodes};
use serde::{Deserialize, Serialize};
pub use unodc::{UnodcRegion, UnodcSubRegion};

/// Where something happened, as precisely as the source says.
///
/// ```
/// use narcostat::Place;
/// let ilam = Place::iran_province("Ilam").unwrap();
/// assert_eq!(ilam.country.unwrap().as_str(), "IRN");
/// assert_eq!(ilam.province.as_deref(), Some("IR-16"));
/// assert_eq!(ilam.region().unwrap().name(), "Asia");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The country, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The country name as the source wrote it (kept for historical entities
    /// such as "USSR" that have no current code, and for display).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_name: Option<String>,
    /// A first-level subdivision: an ISO 3166-2 code (`IR-16`) when known, else
    /// the name as written (`Maharashtra`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// A free-form unit below or beside the province: a CBP field office or
    /// branch, a port, a city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
}

impl Place {
    /// A whole country.
    pub fn country(code: CountryCode) -> Self {
        Self { country: Some(code), ..Self::default() }
    }

    /// An Iranian province, by name or current code.
    pub fn iran_province(name: &str) -> Option<Self> {
        let p = IranProvince::resolve(name).or_else(|| IranProvince::from_code(name, ProvinceCodes::Current))?;
        Some(Self { country: CountryCode::from_code("IRN"), province: Some(p.code().to_owned()), ..Self::default() })
    }

    /// The M49 sub-region of the country.
    pub fn subregion(&self) -> Option<SubRegion> {
        self.country.and_then(CountryCode::info).map(|c| c.subregion)
    }

    /// The M49 region of the country.
    pub fn region(&self) -> Option<Region> {
        self.subregion().map(SubRegion::region)
    }

    /// The UNODC sub-region of the country (UNODC's reporting groups).
    pub fn unodc_subregion(&self) -> Option<UnodcSubRegion> {
        self.country.and_then(UnodcSubRegion::of)
    }

    /// The UNODC region of the country (UNODC's reporting groups).
    pub fn unodc_region(&self) -> Option<UnodcRegion> {
        self.unodc_subregion().map(UnodcSubRegion::region)
    }

    /// A short human label: the most precise part known.
    pub fn label(&self) -> String {
        if let Some(p) = &self.province {
            if let Some(ir) = IranProvince::from_code(p, ProvinceCodes::Current).filter(|_| p.starts_with("IR-")) {
                return ir.name().to_owned();
            }
            return p.clone();
        }
        if let Some(l) = &self.locality {
            return l.clone();
        }
        match (self.country, &self.country_name) {
            (_, Some(name)) => name.clone(),
            (Some(c), None) => c.info().map_or_else(|| c.to_string(), |i| i.name.to_owned()),
            (None, None) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests;
