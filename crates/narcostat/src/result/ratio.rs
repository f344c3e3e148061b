//! Shares and percentage changes as exact decimals, rounded half to even.

use crate::quantity::{Decimal, div_round_half_even};

/// Fraction digits of a share (0 to 1).
pub(crate) const SHARE_DIGITS: u32 = 6;
/// Fraction digits of a percentage change.
pub(crate) const PERCENT_DIGITS: u32 = 1;

/// `part / whole` to `digits` fraction digits times `10^shift`; `None` when
/// `whole` is zero.
fn ratio(part: i128, whole: i128, digits: u32, shift: u32) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let pow = 10i128.pow(digits + shift);
    let mantissa = match part.checked_mul(pow) {
        Some(n) => div_round_half_even(n, whole),
        // Beyond i128: scale the whole down instead (exact to far more digits than shown).
        None => div_round_half_even(part, (whole / pow).max(1)),
    };
    Some(Decimal { mantissa, scale: digits })
}

/// The share `part / whole`, six decimals; `None` when `whole` is zero.
pub(crate) fn share(part: i128, whole: i128) -> Option<Decimal> {
    ratio(part, whole, SHARE_DIGITS, 0)
}

/// `100 x change / before`, one decimal; `None` when `before` is zero.
pub(crate) fn percent(change: Decimal, before: Decimal) -> Option<Decimal> {
    let scale = change.scale.max(before.scale);
    let up = |d: Decimal| d.mantissa.checked_mul(10i128.checked_pow(scale - d.scale)?);
    ratio(up(change)?, up(before)?, PERCENT_DIGITS, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_percentages_round_half_to_even() {
        assert_eq!(share(1, 3).map(|d| d.to_string()), Some("0.333333".to_owned()));
        assert_eq!(share(2, 3).map(|d| d.to_string()), Some("0.666667".to_owned()));
        assert_eq!(share(5, 0), None);
        let d = |m, s| Decimal { mantissa: m, scale: s };
        assert_eq!(percent(d(5, 1), d(2, 0)).map(|d| d.to_string()), Some("25.0".to_owned()));
        assert_eq!(percent(d(-1, 0), d(3, 0)).map(|d| d.to_string()), Some("-33.3".to_owned()));
        assert_eq!(percent(d(1, 0), d(0, 0)), None);
    }
}
