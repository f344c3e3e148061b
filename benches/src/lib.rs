//! The seeded generator of synthetic seizure rows that the benchmarks use.
//!
//! About 40 substances with a skewed (Zipf-like) frequency, 60 countries, Iran's
//! 31 provinces for Iranian rows, ten years of daily dates (2015-2024), and
//! log-normal quantities (median about 2 kg; ATS partly in tablets). The
//! random numbers come from a hand-written SplitMix64 rather than the `rand`
//! crate so that the same seed gives the same rows whatever crate versions
//! are resolved: the peer scripts must see the very same data.

use narcostat::place::{CountryCode, IranProvince};
use narcostat::{Date, Drug, Period, Place, Quantity, Seizure, SeizureTable, Substance, Unit};

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and stable forever.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A standard normal variate (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.next_f64().max(f64::MIN_POSITIVE);
        let u2 = self.next_f64();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

/// The 40 substances, most frequent first.
pub const DRUGS: [Drug; 40] = [
    Drug::CannabisHerb,
    Drug::Cocaine,
    Drug::Methamphetamine,
    Drug::CannabisResin,
    Drug::Heroin,
    Drug::Opium,
    Drug::Fentanyl,
    Drug::Ecstasy,
    Drug::Amphetamine,
    Drug::CocaineSalts,
    Drug::Crack,
    Drug::Morphine,
    Drug::CrystallineMethamphetamine,
    Drug::Captagon,
    Drug::Tramadol,
    Drug::Ketamine,
    Drug::Khat,
    Drug::Lsd,
    Drug::CannabisOil,
    Drug::CannabisPlants,
    Drug::CocaLeaf,
    Drug::CocaineBase,
    Drug::Benzodiazepines,
    Drug::PharmaceuticalOpioids,
    Drug::Codeine,
    Drug::SyntheticCannabinoids,
    Drug::SyntheticCathinones,
    Drug::AceticAnhydride,
    Drug::Ephedrine,
    Drug::Pseudoephedrine,
    Drug::Ghb,
    Drug::Barbiturates,
    Drug::Methaqualone,
    Drug::PoppyStraw,
    Drug::PoppySeed,
    Drug::OtherHallucinogens,
    Drug::OtherNps,
    Drug::OtherDrugs,
    Drug::PsychotropicSubstances,
    Drug::NonSpecified,
];

/// The 60 countries.
pub const COUNTRIES: [&str; 60] = [
    "USA", "MEX", "COL", "IRN", "AFG", "PAK", "IND", "CHN", "BRA", "ESP", "NLD", "BEL", "DEU", "FRA", "GBR", "ITA",
    "TUR", "RUS", "MAR", "NGA", "ZAF", "EGY", "SAU", "ARE", "IRQ", "TJK", "UZB", "KAZ", "THA", "MMR", "LAO", "VNM",
    "MYS", "IDN", "PHL", "AUS", "NZL", "CAN", "PER", "BOL", "ECU", "VEN", "PAN", "GTM", "HND", "DOM", "JAM", "ARG",
    "CHL", "PRY", "URY", "POL", "PRT", "GRC", "BGR", "ROU", "UKR", "KEN", "TZA", "SEN",
];

/// Zipf-like weights: index i has weight 1 / (i + 1).
fn zipf(rng: &mut SplitMix64, n: usize) -> usize {
    let h: f64 = (1..=n).map(|k| 1.0 / k as f64).sum();
    let mut u = rng.next_f64() * h;
    for k in 0..n {
        u -= 1.0 / (k + 1) as f64;
        if u <= 0.0 {
            return k;
        }
    }
    n - 1
}

/// Calls `emit` with each of `n` synthetic seizure records from `seed`
/// (single-day events), without holding them all in memory. Half the
/// captagon and ecstasy rows are counted in tablets.
pub fn generate_each(n: usize, seed: u64, emit: impl FnMut(&Seizure)) {
    generate_with(n, seed, true, emit);
}

/// Like [`generate_each`]; with `tablets` false every quantity is a mass (for
/// the peer comparison, where every tool sums one kg column).
pub fn generate_with(n: usize, seed: u64, tablets: bool, mut emit: impl FnMut(&Seizure)) {
    let mut rng = SplitMix64::new(seed);
    let first_day = Date::from_ymd(2015, 1, 1).map_or(16_436, Date::days);
    let days = 3653;
    let countries: Vec<CountryCode> = COUNTRIES.iter().filter_map(|c| CountryCode::resolve(c)).collect();
    let provinces: Vec<IranProvince> = IranProvince::all().collect();
    let agencies = ["Police", "Customs", "Border Guard", "Navy", "Drug Control Agency"].map(|a| Some(a.to_owned()));
    let substances: Vec<Substance> = DRUGS.iter().map(|&d| Substance::of(d)).collect();
    let places: Vec<Place> = countries.iter().map(|&c| Place::country(c)).collect();
    let iran = countries.iter().position(|c| c.as_str() == "IRN").unwrap_or(0);
    let iran_provinces: Vec<Place> =
        provinces.iter().map(|p| Place { province: Some(p.code().to_owned()), ..places[iran].clone() }).collect();
    let mut s = Seizure {
        substance: substances[0].clone(),
        quantity: None,
        seizures: None,
        period: Period::day(Date::from_days(first_day)),
        place: places[0].clone(),
        agency: None,
        source: None,
        origin: None,
        destination: None,
        notes: Vec::new(),
        columns: Vec::new(),
    };
    for _ in 0..n {
        let d = zipf(&mut rng, DRUGS.len());
        let c = zipf(&mut rng, countries.len());
        let day = Date::from_days(first_day + rng.below(days) as i32);
        // log-normal: median 2 kg, sigma 2
        let kg = 2.0 * (2.0 * rng.normal()).exp();
        let in_tablets = matches!(DRUGS[d], Drug::Captagon | Drug::Ecstasy) && rng.below(2) == 0;
        let (base, unit) = if in_tablets && tablets {
            ((kg * 1000.0).round() as i64 * 1000, Unit::Tablet)
        } else {
            ((kg * 1e9).round().min(1e17) as i64, Unit::Kilogram)
        };
        s.substance.clone_from(&substances[d]);
        s.quantity = Quantity::from_base(base.max(0), unit).ok();
        s.period = Period::day(day);
        let place = if c == iran { &iran_provinces[rng.below(31) as usize] } else { &places[c] };
        s.place.clone_from(place);
        s.agency.clone_from(&agencies[rng.below(agencies.len() as u64) as usize]);
        s.seizures = Some(1 + rng.below(3));
        emit(&s);
    }
}

/// `n` synthetic rows straight into a table.
pub fn table(n: usize, seed: u64) -> SeizureTable {
    table_with(n, seed, true)
}

/// `n` synthetic rows into a table, tablets or not (see [`generate_with`]).
pub fn table_with(n: usize, seed: u64, tablets: bool) -> SeizureTable {
    let mut t = SeizureTable::new();
    t.reserve(n);
    // Generated rows are always valid for the table.
    generate_with(n, seed, tablets, |s| {
        let _ = t.push(s);
    });
    t
}

/// `n` synthetic rows (as [`table_with`], no tablets) with two kept source
/// columns, as a national table's `District` (200 values) and `Unit` (6
/// values, one row in ten without), for the cost of kept columns.
pub fn table_with_kept_columns(n: usize, seed: u64) -> SeizureTable {
    let mut t = SeizureTable::new();
    t.reserve(n);
    let mut rng = SplitMix64::new(seed ^ 0x5eed);
    generate_with(n, seed, false, |s| {
        let mut s = s.clone();
        s.columns.push(("District".to_owned(), format!("District {}", zipf(&mut rng, 200))));
        if rng.below(10) > 0 {
            s.columns.push(("Unit".to_owned(), format!("Unit {}", rng.below(6))));
        }
        let _ = t.push(&s);
    });
    t
}

/// Row counts to benchmark: `NARCOSTAT_BENCH_ROWS` (comma-separated), default 1M and 10M.
pub fn sizes() -> Vec<usize> {
    std::env::var("NARCOSTAT_BENCH_ROWS")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().replace('_', "").parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![1_000_000, 10_000_000])
}
