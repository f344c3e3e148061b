//! Whether a place passes a filter's place conditions: country, M49 and UNODC
//! regions, provinces resolved within the place's own country, localities.

use super::Filter;
use crate::place::{CountryCode, IranProvince, Place, ProvinceCodes};
use crate::substance::normalize;

impl Filter {
    /// Whether any place condition is set.
    pub fn places_restricted(&self) -> bool {
        !(self.countries.is_empty()
            && self.regions.is_empty()
            && self.subregions.is_empty()
            && self.unodc_regions.is_empty()
            && self.unodc_subregions.is_empty()
            && self.provinces.is_empty()
            && self.localities.is_empty())
    }

    /// Whether `place` passes the place conditions.
    ///
    /// A province given by name matches within the place's own country: "Ilam"
    /// keeps Iranian rows stored as `IR-16`, while "Central" on a Kenyan row
    /// matches Kenya's "Central" and never Iran's Markazi (`IR-00`).
    ///
    /// ```
    /// use narcostat::{Filter, Place, place::CountryCode};
    /// let f = Filter::parse("province=Central").unwrap();
    /// let kenya = Place { country: CountryCode::resolve("KEN"), province: Some("Central".into()), ..Place::default() };
    /// let markazi = Place::iran_province("Markazi").unwrap();
    /// assert!(f.keeps_place(&kenya));
    /// assert!(f.keeps_place(&markazi)); // Iran's "Central" is Markazi, in Iran only
    /// let f = Filter::parse("country=KEN,province=Central").unwrap();
    /// assert!(f.keeps_place(&kenya) && !f.keeps_place(&markazi));
    /// ```
    pub fn keeps_place(&self, p: &Place) -> bool {
        among(&self.countries, p.country)
            && among(&self.regions, p.region())
            && among(&self.subregions, p.subregion())
            && among(&self.unodc_regions, p.unodc_region())
            && among(&self.unodc_subregions, p.unodc_subregion())
            && (self.provinces.is_empty()
                || p.province.as_ref().is_some_and(|x| self.provinces.iter().any(|v| same_province(v, x, p.country))))
            && (self.localities.is_empty()
                || p.locality.as_ref().is_some_and(|x| self.localities.iter().any(|l| normalize(l) == normalize(x))))
    }
}

fn among<T: PartialEq>(wanted: &[T], value: Option<T>) -> bool {
    wanted.is_empty() || value.is_some_and(|v| wanted.contains(&v))
}

/// Whether the province `given` in a filter names the province `stored` of a
/// place in `country`: the same text, or, in Iran, the same ISO 3166-2:IR
/// province by name or current code.
fn same_province(given: &str, stored: &str, country: Option<CountryCode>) -> bool {
    if normalize(given) == normalize(stored) {
        return true;
    }
    if country.is_none_or(|c| c.as_str() != "IRN") {
        return false;
    }
    IranProvince::resolve(given)
        .or_else(|| IranProvince::from_code(given, ProvinceCodes::Current))
        .is_some_and(|ir| normalize(ir.code()) == normalize(stored))
}
