//! A checked stated total as plain data for the bindings.

use super::TotalCheck;
use serde::Serialize;

/// A [`TotalCheck`] with its quantities as exact decimal text in the stated unit.
///
/// ```
/// use narcostat::{Quantity, check::{check_stated, Tolerance}};
/// let items = [Quantity::parse("47767 kg").unwrap(), Quantity::parse("10500 kg").unwrap()];
/// let s = check_stated("about 58383 kg", &items, Tolerance::default()).unwrap().summary();
/// assert_eq!((s.stated.as_str(), s.items.as_str(), s.difference.as_str(), s.unit), ("58383", "58267", "116", "kg"));
/// assert_eq!((s.qualifier, s.item_count, s.consistent), ("about", 2, true));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalSummary {
    /// The stated figure.
    pub stated: String,
    /// Its qualifier's word (`about`, `exact`, ...).
    pub qualifier: &'static str,
    /// The sum of the items.
    pub items: String,
    /// How many items were summed.
    pub item_count: usize,
    /// `stated - items`.
    pub difference: String,
    /// The stated unit's symbol.
    pub unit: &'static str,
    /// `(stated - items) / stated`.
    pub relative: f64,
    /// Whether the difference is within what the qualifier allows.
    pub consistent: bool,
    /// [`TotalCheck::describe`].
    pub message: String,
}

impl TotalCheck {
    /// The check as plain data (see [`TotalSummary`]).
    pub fn summary(&self) -> TotalSummary {
        let unit = self.stated.unit();
        let value = |q: crate::Quantity| q.value_in(unit).map(|v| v.to_string()).unwrap_or_default();
        TotalSummary {
            stated: value(self.stated),
            qualifier: self.qualifier.word(),
            items: value(self.items),
            item_count: self.item_count,
            difference: self.difference.clone(),
            unit: unit.symbol(),
            relative: self.relative,
            consistent: self.consistent,
            message: self.describe(),
        }
    }
}
