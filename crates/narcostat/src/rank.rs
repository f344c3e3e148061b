//! Rankings with shares, and the "followed by" sentence of a bulletin.

use crate::aggregate::{Aggregate, Group, KeyValue, Measures, Total};
use crate::quantity::{CountUnit, Decimal, Dimension, Unit, group_thousands};
use serde::{Deserialize, Serialize};

/// What to rank or compare by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Total mass (reported in kg).
    #[default]
    Mass,
    /// Total volume (reported in litres).
    Volume,
    /// Total items of one kind (tablets, plants, ...): kinds are never added together.
    Count(CountUnit),
    /// Number of seizure events.
    Seizures,
    /// Number of records.
    Records,
}

/// A measure name that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MeasureError {
    /// Not a measure narcostat knows.
    #[error(
        "unknown measure {name:?}: expected mass, volume, count, a kind of counted item (tablets, plants, bottles, ...), seizures or records"
    )]
    Unknown {
        /// The name as given.
        name: String,
    },
    /// `count` where the data counts several kinds of items.
    #[error("measure \"count\" is ambiguous: the data counts {kinds}; name one of them as the measure")]
    AmbiguousCount {
        /// The kinds counted, comma-separated.
        kinds: String,
    },
}

impl Measure {
    /// Parses `mass`, `volume`, `seizures`, `records` or a kind of counted
    /// item (`tablets`, `plants`, `units`, ...). A bare `count` depends on the
    /// data: see [`Measure::parse_for`].
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "mass" | "weight" | "kg" => Self::Mass,
            "volume" | "l" | "litres" => Self::Volume,
            "seizures" | "events" => Self::Seizures,
            "records" | "rows" => Self::Records,
            "count" => return None,
            other => Self::Count(CountUnit::parse(other)?),
        })
    }

    /// Parses a measure for data that counts the kinds `counted`: a bare
    /// `count` is the one kind counted (an error when there are several).
    ///
    /// ```
    /// use narcostat::{CountUnit, rank::Measure};
    /// assert_eq!(Measure::parse_for("count", &[CountUnit::Plants]).unwrap(), Measure::Count(CountUnit::Plants));
    /// assert!(Measure::parse_for("count", &[CountUnit::Tablets, CountUnit::Plants]).is_err());
    /// assert_eq!(Measure::parse_for("tablets", &[]).unwrap(), Measure::Count(CountUnit::Tablets));
    /// ```
    pub fn parse_for(name: &str, counted: &[CountUnit]) -> Result<Self, MeasureError> {
        if name.trim().eq_ignore_ascii_case("count") {
            return match counted {
                [] => Ok(Self::Count(CountUnit::Units)),
                [one] => Ok(Self::Count(*one)),
                many => Err(MeasureError::AmbiguousCount {
                    kinds: many.iter().map(|c| c.name()).collect::<Vec<_>>().join(", "),
                }),
            };
        }
        Self::parse(name).ok_or_else(|| MeasureError::Unknown { name: name.to_owned() })
    }

    /// The unit values are reported in (none for seizures and records).
    pub const fn unit(self) -> Option<Unit> {
        match self {
            Self::Mass => Some(Unit::Kilogram),
            Self::Volume => Some(Unit::Litre),
            Self::Count(c) => Some(c.unit()),
            Self::Seizures | Self::Records => None,
        }
    }

    /// The dimension of quantity measures.
    pub const fn dimension(self) -> Option<Dimension> {
        match self {
            Self::Mass => Some(Dimension::Mass),
            Self::Volume => Some(Dimension::Volume),
            Self::Count(_) => Some(Dimension::Count),
            Self::Seizures | Self::Records => None,
        }
    }

    /// The machine column name with its unit: `mass_kg`, `volume_l`,
    /// `count_tablets` (one per kind of item), `seizures`, `records`.
    pub const fn column(self) -> &'static str {
        match self {
            Self::Mass => "mass_kg",
            Self::Volume => "volume_l",
            Self::Count(c) => c.column(),
            Self::Seizures => "seizures",
            Self::Records => "records",
        }
    }

    /// The total a quantity measure reads from a group (none for seizures and records).
    pub fn total(self, m: &Measures) -> Option<&Total> {
        match self {
            Self::Mass => Some(&m.mass),
            Self::Volume => Some(&m.volume),
            Self::Count(c) => Some(m.count(c)),
            Self::Seizures | Self::Records => None,
        }
    }

    /// The exact value of a group for this measure, in base units (µg, nl,
    /// thousandths of items) or plain counts, and whether the group has it.
    pub fn base_value(self, m: &Measures) -> Option<i128> {
        match self {
            Self::Seizures => (m.seizures_reported > 0).then_some(i128::from(m.seizures)),
            Self::Records => (m.records > 0).then_some(i128::from(m.records)),
            quantity => quantity.total(m).filter(|t| !t.is_empty()).map(|t| t.sum),
        }
    }

    /// A base value expressed in the reporting unit.
    pub fn to_decimal(self, base: i128) -> Decimal {
        match self.unit() {
            Some(u) => Total { sum: base, ..Default::default() }.value_in(u),
            None => Decimal::from_int(base),
        }
    }
}

/// One place in a ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankEntry {
    /// 1 for the largest; tied values share a rank (1, 2, 2, 4).
    pub rank: u32,
    /// The group's key.
    pub key: Vec<KeyValue>,
    /// The key as a label.
    pub label: String,
    /// The exact value in the measure's unit.
    pub value: Decimal,
    /// The share of the total of all ranked groups, 0 to 1.
    pub share: f64,
}

/// Groups ranked by a measure, largest first; ties are ordered by key, so the
/// order never depends on input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// The measure ranked by.
    pub measure: Measure,
    /// The entries (at most the requested number).
    pub entries: Vec<RankEntry>,
    /// The total of every group that has the measure (not only those shown).
    pub total: Decimal,
    /// How many groups have the measure.
    pub groups: usize,
}

impl Aggregate {
    /// Ranks the groups by `measure`, keeping the top `n` (all if `None`).
    /// Groups without any value of the measure (e.g. counts when ranking mass)
    /// are left out.
    ///
    /// ```
    /// use narcostat::{GroupKey, Query, SeizureTable, rank::Measure};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let table = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let ranking = table.aggregate(&Query::by(&[GroupKey::Name])).unwrap().rank(Measure::Mass, Some(3));
    /// assert_eq!(ranking.entries[1].label, "Hashish");
    /// assert_eq!(format!("{:.2}", ranking.entries[0].share * 100.0), "82.06");
    /// assert_eq!(ranking.total.to_string(), "58207");
    /// ```
    pub fn rank(&self, measure: Measure, n: Option<usize>) -> Ranking {
        let mut valued: Vec<(&Group, i128)> =
            self.groups.iter().filter_map(|g| measure.base_value(&g.measures).map(|v| (g, v))).collect();
        valued.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.key.cmp(&b.0.key)));
        let total: i128 = valued.iter().map(|(_, v)| v).sum();
        let groups = valued.len();
        let mut entries = Vec::new();
        let mut rank = 0u32;
        let mut previous = None;
        for (i, (g, v)) in valued.into_iter().enumerate() {
            if n.is_some_and(|n| i >= n) {
                break;
            }
            if previous != Some(v) {
                rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
                previous = Some(v);
            }
            entries.push(RankEntry {
                rank,
                key: g.key.clone(),
                label: g.label(),
                value: measure.to_decimal(v),
                share: if total == 0 { 0.0 } else { v as f64 / total as f64 },
            });
        }
        Ranking { measure, entries, total: measure.to_decimal(total), groups }
    }
}

impl Ranking {
    /// The bulletin sentence: "The highest seized type was Opium with 47,767
    /// kg, followed by 5,637 kg of Hashish, ... and 287 kg of Grass."
    pub fn sentence(&self) -> String {
        let unit = self.measure.unit().map_or(String::new(), |u| format!(" {u}"));
        let amount = |e: &RankEntry| format!("{}{unit}", group_thousands(&e.value.to_string()));
        let Some((first, rest)) = self.entries.split_first() else {
            return "Nothing was recorded.".to_owned();
        };
        let mut s = format!("The highest seized type was {} with {}", first.label, amount(first));
        match rest {
            [] => {}
            [only] => s.push_str(&format!(", followed by {} of {}", amount(only), only.label)),
            [init @ .., last] => {
                let items: Vec<String> = init.iter().map(|e| format!("{} of {}", amount(e), e.label)).collect();
                s.push_str(&format!(", followed by {} and {} of {}", items.join(", "), amount(last), last.label));
            }
        }
        s.push('.');
        s
    }
}
