//! A stated total checked against items, all given as text, and the
//! outcome as plain data (what the bindings' `check_total`/`checkTotal` give).

use super::{Tolerance, check_stated};
use crate::{Error, Quantity};
use serde::Serialize;

/// The outcome of [`check_stated_text`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedOutcome {
    /// `stated - items` in the stated unit, exact.
    pub difference: String,
    /// `(stated - items) / stated`.
    pub relative: f64,
    /// Whether the difference is within what the qualifier allows.
    pub consistent: bool,
    /// The one-line description ([`super::TotalCheck::describe`]).
    pub message: String,
}

/// Checks a stated total ("about 58383 kg") against items given as text
/// ("47767 kg", ...): the one place item text is read, for every binding.
///
/// ```
/// use narcostat::check::{Tolerance, check_stated_items};
/// let c = check_stated_items("about 100 kg", &["60 kg", "39 kg"], Tolerance { about: 0.02 }).unwrap();
/// assert!(c.consistent);
/// ```
pub fn check_stated_items<S: AsRef<str>>(
    stated: &str,
    items: &[S],
    tolerance: Tolerance,
) -> Result<super::TotalCheck, Error> {
    let quantities = items.iter().map(|i| Quantity::parse(i.as_ref())).collect::<Result<Vec<_>, _>>()?;
    Ok(check_stated(stated, &quantities, tolerance)?)
}

/// Checks a stated total ("about 58383 kg") against item quantities
/// ("47767 kg", ...) with the default tolerance.
///
/// ```
/// use narcostat::check::check_stated_text;
/// let c = check_stated_text("about 58383 kg", &["47767 kg", "5637 kg", "2304 kg", "1144 kg", "764 kg", "304 kg", "287 kg"]).unwrap();
/// assert_eq!((c.difference.as_str(), c.consistent), ("176", true));
/// assert!(check_stated_text("58383 kg", &["a lot"]).is_err());
/// ```
pub fn check_stated_text<S: AsRef<str>>(stated: &str, items: &[S]) -> Result<StatedOutcome, Error> {
    let c = check_stated_items(stated, items, Tolerance::default())?;
    Ok(StatedOutcome {
        message: c.describe(),
        difference: c.difference,
        relative: c.relative,
        consistent: c.consistent,
    })
}
