//! Equivalents: opiates as heroin or opium equivalent, ATS tablets as mass.
//!
//! Default factors, echoed in every result so that a reader sees what was assumed:
//! - opium : heroin = 10 : 1 (10 kg of opium make about 1 kg of heroin; the
//!   ratio UNODC's opium surveys commonly use);
//! - morphine : heroin = 1 : 1 (UNODC counts illicit morphine as heroin
//!   equivalent one to one);
//! - 1 kg per litre for liquids (UNODC's assumption when converting litres);
//! - 100 mg per ATS tablet (UNODC's conversions assume 90 to 300 mg per
//!   tablet depending on the drug; choose the figure for your data).

use crate::aggregate::{Aggregate, AggregateError, KeyValue};
use crate::quantity::{CountUnit, Decimal, DecimalMark, div_round_half_even};
use crate::query::{GroupKey, Query};
use crate::substance::{Drug, DrugGroup};
use crate::table::SeizureTable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Conversion factors chosen by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factors {
    /// Kilograms of opium per kilogram of heroin (default 10).
    pub opium_per_heroin: Decimal,
    /// Kilograms of morphine per kilogram of heroin (default 1).
    pub morphine_per_heroin: Decimal,
    /// Kilograms per litre for liquids (default 1).
    pub kg_per_litre: Decimal,
    /// Milligrams per ATS tablet (default 100).
    pub mg_per_tablet: Decimal,
}

impl Default for Factors {
    fn default() -> Self {
        Self {
            opium_per_heroin: Decimal::from_int(10),
            morphine_per_heroin: Decimal::from_int(1),
            kg_per_litre: Decimal::from_int(1),
            mg_per_tablet: Decimal::from_int(100),
        }
    }
}

impl Factors {
    /// Sets a factor by name (`opium-per-heroin`, `morphine-per-heroin`,
    /// `kg-per-litre`, `mg-per-tablet`) from text; `false` if the name or value is invalid.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        let Ok(v) = Decimal::parse(value, DecimalMark::Point) else {
            return false;
        };
        if v.mantissa <= 0 {
            return false;
        }
        match name.replace('_', "-").as_str() {
            "opium-per-heroin" => self.opium_per_heroin = v,
            "morphine-per-heroin" => self.morphine_per_heroin = v,
            "kg-per-litre" => self.kg_per_litre = v,
            "mg-per-tablet" => self.mg_per_tablet = v,
            _ => return false,
        }
        true
    }
}

/// What to express quantities as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// Opium, morphine and heroin as heroin equivalent (the default).
    #[default]
    HeroinEquivalent,
    /// Opium, morphine and heroin as opium equivalent.
    OpiumEquivalent,
    /// ATS in mass, tablets converted at `mg_per_tablet`.
    AtsMass,
}

impl Basis {
    /// Whether the basis converts `drug`: opium, morphine and heroin for the
    /// opiate bases, the amphetamine-type stimulants for `ats-mass`.
    pub fn converts(self, drug: Drug) -> bool {
        match self {
            Self::HeroinEquivalent | Self::OpiumEquivalent => {
                matches!(drug, Drug::Opium | Drug::Morphine | Drug::Heroin)
            }
            Self::AtsMass => drug.group() == DrugGroup::Ats,
        }
    }
}

/// One group's equivalent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EquivalentRow {
    /// The key (the query's keys; the drug is folded in).
    pub key: Vec<KeyValue>,
    /// The equivalent mass in kg, exact to the microgram.
    pub mass_kg: Decimal,
    /// The input per drug, as `(drug, kg, or tablets when only counted, what it counted as in kg)`.
    pub parts: Vec<(Drug, Decimal, Decimal)>,
    /// Records of these drugs whose quantity could not be converted (e.g.
    /// opium counted in units) and are not included.
    pub not_converted: u64,
}

/// Equivalents per group, with the factors used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equivalents {
    /// The basis.
    pub basis: Basis,
    /// The factors used.
    pub factors: Factors,
    /// One row per group.
    pub rows: Vec<EquivalentRow>,
}

/// `amount` (i128 base units) x `num` / `den`, with `num` and `den` decimals.
fn scale(amount: i128, num: Decimal, den: Decimal) -> i128 {
    // amount * (n1/10^s1) / (n2/10^s2) = amount * n1 * 10^s2 / (n2 * 10^s1)
    let n = amount.saturating_mul(num.mantissa).saturating_mul(10i128.pow(den.scale));
    let d = den.mantissa.saturating_mul(10i128.pow(num.scale)).max(1);
    div_round_half_even(n, d)
}

const MICROGRAMS_PER_KG: i128 = 1_000_000_000;

/// Micrograms as kilograms, exact (9 decimals at most).
fn kg(ug: i128) -> Decimal {
    Decimal::from_ratio(ug, MICROGRAMS_PER_KG, 1, 9).unwrap_or(Decimal::from_int(0))
}

impl SeizureTable {
    /// Expresses the query's groups on `basis`.
    ///
    /// ```
    /// use narcostat::{Query, SeizureTable, equivalent::{Basis, Factors}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let table = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let eq = table.equivalents(&Query::default(), Basis::HeroinEquivalent, Factors::default()).unwrap();
    /// // 1,144 kg heroin + 2,304 kg morphine + 47,767 kg opium / 10
    /// assert_eq!(eq.rows[0].mass_kg.to_string(), "8224.7");
    /// ```
    pub fn equivalents(&self, query: &Query, basis: Basis, factors: Factors) -> Result<Equivalents, AggregateError> {
        Ok(Equivalents::of(&self.aggregate(&Equivalents::query(query))?, basis, factors))
    }
}

impl Equivalents {
    /// The aggregation equivalents are computed from: `query` grouped by drug
    /// last. The query's own filter stays (drug=heroin is heroin alone);
    /// drugs the basis does not convert are left out, never added 1:1.
    pub fn query(query: &Query) -> Query {
        let mut q = query.clone();
        q.by.retain(|k| *k != GroupKey::Drug);
        q.by.push(GroupKey::Drug);
        q
    }

    /// The equivalents of an aggregate of [`Equivalents::query`] (of one
    /// table, or merged from partitions).
    pub fn of(agg: &Aggregate, basis: Basis, factors: Factors) -> Self {
        let mut rows: BTreeMap<Vec<KeyValue>, (EquivalentRow, i128)> = BTreeMap::new();
        let one = Decimal::from_int(1);
        for g in &agg.groups {
            let (outer_key, drug) = match g.key.split_last() {
                Some((KeyValue::Drug(d), rest)) if basis.converts(*d) => (rest.to_vec(), *d),
                _ => continue,
            };
            let m = &g.measures;
            // Mass in µg; litres (nl) to kg at kg_per_litre: 1 nl = 1 µg at 1 kg/l.
            let liquid_ug = scale(m.volume.sum, factors.kg_per_litre, one);
            let mass_ug = m.mass.sum + liquid_ug;
            // Tablets and pills are the items ATS are counted in; other kinds
            // (plants, bottles, ...) have no factor and are not converted.
            let tablets = m.count(CountUnit::Tablets).sum + m.count(CountUnit::Pills).sum;
            let is_tablet = |k: &CountUnit| matches!(k, CountUnit::Tablets | CountUnit::Pills);
            let counted = |convertible: bool| -> u64 {
                m.counts.iter().filter(|(k, _)| convertible || !is_tablet(k)).map(|(_, t)| t.records).sum()
            };
            let (eq_ug, not_converted) = match basis {
                Basis::HeroinEquivalent | Basis::OpiumEquivalent => {
                    let heroin = match drug {
                        Drug::Opium => scale(mass_ug, one, factors.opium_per_heroin),
                        Drug::Morphine => scale(mass_ug, one, factors.morphine_per_heroin),
                        _ => mass_ug,
                    };
                    let value = if basis == Basis::OpiumEquivalent {
                        scale(heroin, factors.opium_per_heroin, one)
                    } else {
                        heroin
                    };
                    (value, counted(true) + m.no_quantity)
                }
                // thousandths of tablets x mg per tablet = µg
                Basis::AtsMass => {
                    (mass_ug + scale(tablets, factors.mg_per_tablet, one), counted(false) + m.no_quantity)
                }
            };
            let (row, total_ug) = rows.entry(outer_key.clone()).or_insert_with(|| {
                let row = EquivalentRow {
                    key: outer_key,
                    mass_kg: Decimal::from_int(0),
                    parts: Vec::new(),
                    not_converted: 0,
                };
                (row, 0)
            });
            let input = if m.mass.is_empty() && m.volume.is_empty() && tablets > 0 {
                crate::aggregate::Total { sum: tablets, ..Default::default() }.value_in(crate::Unit::Tablet)
            } else {
                crate::aggregate::Total { sum: mass_ug, ..Default::default() }.value_in(crate::Unit::Kilogram)
            };
            row.parts.push((drug, input, kg(eq_ug)));
            *total_ug += eq_ug;
            row.not_converted += not_converted;
        }
        let rows = rows.into_values().map(|(row, ug)| EquivalentRow { mass_kg: kg(ug), ..row }).collect();
        Equivalents { basis, factors, rows }
    }
}
