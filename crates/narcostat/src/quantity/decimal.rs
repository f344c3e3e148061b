//! Exact decimal numbers as sources write them.
//!
//! Hand-written rather than parsed through `f64` because `f64` cannot hold
//! `147.04832875399998` or `0.1` exactly: converting through it would make
//! totals depend on float rounding. A [`Decimal`] is an integer mantissa and a
//! power-of-ten scale, so `7156,67` is exactly 715667 x 10^-2.

use serde::{Deserialize, Serialize};

/// Which character separates the integer and fractional parts (serde: its
/// vocabulary word, `auto`, `point` or `comma`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    /// Decide from the text: the last of `.` and `,` when both appear; a lone
    /// comma followed by exactly three digits (`58,383`) is a thousands
    /// separator, any other lone comma (`7156,67`) is a decimal comma.
    #[default]
    Auto,
    /// `.` is the decimal mark; `,` separates thousands.
    Point,
    /// `,` is the decimal mark; `.` separates thousands.
    Comma,
}

/// A number that is not a valid decimal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NumberError {
    /// The text is empty.
    #[error("empty number")]
    Empty,
    /// The text holds something other than digits, separators, sign and exponent.
    #[error("{text:?} is not a number")]
    Invalid {
        /// The text as given.
        text: String,
    },
    /// More significant digits or a larger exponent than narcostat can hold exactly.
    #[error("{text:?} has more digits than can be held exactly")]
    TooPrecise {
        /// The text as given.
        text: String,
    },
}

/// An exact decimal: `mantissa x 10^-scale`.
///
/// ```
/// use narcostat::quantity::{Decimal, DecimalMark};
/// let d = Decimal::parse("7156,67", DecimalMark::Auto).unwrap();
/// assert_eq!((d.mantissa, d.scale), (715667, 2));
/// assert_eq!(Decimal::parse("58,383", DecimalMark::Auto).unwrap().to_string(), "58383");
/// assert_eq!(Decimal::parse("۴۷۷۶۷", DecimalMark::Auto).unwrap().to_string(), "47767");
/// assert_eq!(Decimal::parse("1.5E-05", DecimalMark::Auto).unwrap().to_string(), "0.000015");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The digits, as an integer.
    pub mantissa: i128,
    /// The number of digits after the decimal mark.
    pub scale: u32,
}

/// Largest scale kept; 10^38 is the largest power of ten an i128 holds.
const MAX_SCALE: u32 = 36;

impl Decimal {
    /// A whole number.
    pub const fn from_int(value: i128) -> Self {
        Self { mantissa: value, scale: 0 }
    }

    /// Parses a decimal as sources write it: optional sign, ASCII, Persian
    /// (`۰-۹`) or Arabic-Indic (`٠-٩`) digits, thousands separators (`,` `.`
    /// `'` `_`, spaces, the Arabic `٬`) and a decimal mark (see [`DecimalMark`];
    /// the Arabic `٫` is always a decimal mark), and an optional exponent.
    ///
    /// Thousands separators are accepted only where they separate thousands:
    /// one to three digits, then groups of exactly three, all with the same
    /// separator, before the decimal mark. `12 5`, `1'2` and `1234,567` are
    /// errors, not 125, 12 and 1234567.
    pub fn parse(text: &str, mark: DecimalMark) -> Result<Self, NumberError> {
        if let Some(d) = Self::parse_plain(text.as_bytes(), mark) {
            return Ok(d);
        }
        let invalid = || NumberError::Invalid { text: text.to_owned() };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(NumberError::Empty);
        }
        // Split off an exponent.
        let (body, exponent) = match trimmed.find(['e', 'E']) {
            Some(i) => {
                let exp: i32 = trimmed[i + 1..].trim_start_matches('+').parse().map_err(|_| invalid())?;
                (&trimmed[..i], exp)
            }
            None => (trimmed, 0),
        };
        let (negative, body) = match body.strip_prefix('-').or_else(|| body.strip_prefix('\u{2212}')) {
            Some(rest) => (true, rest),
            None => (false, body.strip_prefix('+').unwrap_or(body)),
        };
        // Normalise digits to ASCII; separators stay as written.
        let mut chars: Vec<char> = Vec::with_capacity(body.len());
        for c in body.chars() {
            chars.push(match c {
                '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).ok_or_else(invalid)?,
                '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10).ok_or_else(invalid)?,
                '٫' => '\u{1}', // always a decimal mark
                _ => c,
            });
        }
        let decimal_char = resolve_mark(&chars, mark);
        let mut mantissa: i128 = 0;
        let mut scale: u32 = 0;
        let mut digits = 0usize;
        let mut after_mark = false;
        let mut groups = Grouping::default();
        for &c in &chars {
            if c == '\u{1}' || Some(c) == decimal_char {
                if after_mark || !groups.close() {
                    return Err(invalid());
                }
                after_mark = true;
            } else if c == '.' || c == ',' || is_group_separator(c) {
                if after_mark || !groups.separator(c) {
                    return Err(invalid());
                }
            } else if let Some(d) = c.to_digit(10) {
                digits += 1;
                if !after_mark {
                    groups.digit(d);
                }
                mantissa = mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(i128::from(d)))
                    .ok_or_else(|| NumberError::TooPrecise { text: text.to_owned() })?;
                if after_mark {
                    scale += 1;
                }
            } else {
                return Err(invalid());
            }
        }
        if digits == 0 || (!after_mark && !groups.close()) {
            return Err(invalid());
        }
        if negative {
            mantissa = -mantissa;
        }
        let too_precise = || NumberError::TooPrecise { text: text.to_owned() };
        let mut value = Self { mantissa, scale };
        if exponent > 0 {
            let mut e = exponent.unsigned_abs();
            while e > 0 && value.scale > 0 {
                value.scale -= 1;
                e -= 1;
            }
            let factor = 10i128.checked_pow(e).ok_or_else(too_precise)?;
            value.mantissa = value.mantissa.checked_mul(factor).ok_or_else(too_precise)?;
        } else {
            value.scale = value.scale.checked_add(exponent.unsigned_abs()).ok_or_else(too_precise)?;
        }
        if value.scale > MAX_SCALE {
            return Err(too_precise());
        }
        Ok(value.normalized())
    }

    /// The common case, hand-written for speed (no allocation): ASCII digits
    /// with at most one `.` (when `.` can be the decimal mark), nothing else.
    /// `None` sends the text to the general parser.
    fn parse_plain(b: &[u8], mark: DecimalMark) -> Option<Self> {
        if b.is_empty() || b.len() > 30 || mark == DecimalMark::Comma {
            return None;
        }
        let mut mantissa: i128 = 0;
        let mut scale = 0u32;
        let mut seen_point = false;
        let mut digits = 0;
        for &c in b {
            match c {
                b'0'..=b'9' => {
                    mantissa = mantissa * 10 + i128::from(c - b'0');
                    digits += 1;
                    if seen_point {
                        scale += 1;
                    }
                }
                b'.' if !seen_point => seen_point = true,
                _ => return None,
            }
        }
        (digits > 0).then(|| Self { mantissa, scale }.normalized())
    }

    /// Removes trailing zeros of the fraction.
    pub fn normalized(mut self) -> Self {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// Whether the value is below zero.
    pub const fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// `self x num / den`, rounded half to even to a whole number; `None` on overflow.
    pub fn mul_ratio_round(self, num: i128, den: i128) -> Option<i128> {
        let pow = 10i128.checked_pow(self.scale)?;
        let n = self.mantissa.checked_mul(num)?;
        let d = den.checked_mul(pow)?;
        Some(div_round_half_even(n, d))
    }

    /// `value x den / num` as a decimal with at most `max_scale` fraction digits,
    /// exact when the quotient terminates within them, else rounded half to even.
    pub fn from_ratio(value: i128, num: i128, den: i128, max_scale: u32) -> Option<Self> {
        // value * den / num
        let n = value.checked_mul(den)?;
        let d = num;
        let mut scale = 0;
        loop {
            let pow = 10i128.checked_pow(scale)?;
            let scaled = n.checked_mul(pow)?;
            if scaled % d == 0 || scale == max_scale {
                return Some(Self { mantissa: div_round_half_even(scaled, d), scale }.normalized());
            }
            scale += 1;
        }
    }

    /// Rounds to `digits` fraction digits, half to even.
    pub fn round(self, digits: u32) -> Self {
        if self.scale <= digits {
            return self;
        }
        let pow = 10i128.pow(self.scale - digits);
        Self { mantissa: div_round_half_even(self.mantissa, pow), scale: digits }
    }

    /// The nearest `f64` (for derived ratios and charts only).
    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

/// Whether `c` can only be a thousands separator (never a decimal mark).
fn is_group_separator(c: char) -> bool {
    matches!(c, '٬' | '\'' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The digit groups of an integer part: `1,234,567` is 1-3 digits (not
/// starting with 0: `0,250` is no thousands grouping), then groups of
/// exactly three, each after the same separator.
#[derive(Default)]
struct Grouping {
    /// Digits in the current group.
    digits: usize,
    /// The separator seen so far, once one is.
    separator: Option<char>,
    /// Whether the first group starts with 0.
    leading_zero: bool,
}

impl Grouping {
    fn digit(&mut self, d: u32) {
        if self.separator.is_none() && self.digits == 0 {
            self.leading_zero = d == 0;
        }
        self.digits += 1;
    }

    /// A separator: whether the group it ends is well formed.
    fn separator(&mut self, c: char) -> bool {
        let ok = match self.separator {
            None => (1..=3).contains(&self.digits) && !self.leading_zero,
            Some(s) => s == c && self.digits == 3,
        };
        self.separator = Some(c);
        self.digits = 0;
        ok
    }

    /// The end of the integer part: whether the last group is well formed.
    fn close(&self) -> bool {
        match self.separator {
            None => true,
            Some(_) => self.digits == 3,
        }
    }
}

/// Integer division rounding half to even (banker's rounding), for `d > 0`.
pub(crate) fn div_round_half_even(n: i128, d: i128) -> i128 {
    let q = n.div_euclid(d);
    let r = n.rem_euclid(d);
    match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => q + (q & 1),
    }
}

fn resolve_mark(chars: &[char], mark: DecimalMark) -> Option<char> {
    match mark {
        DecimalMark::Point => Some('.'),
        DecimalMark::Comma => Some(','),
        DecimalMark::Auto => {
            let last_point = chars.iter().rposition(|&c| c == '.');
            let last_comma = chars.iter().rposition(|&c| c == ',');
            match (last_point, last_comma) {
                (Some(p), Some(c)) => Some(if p > c { '.' } else { ',' }),
                (Some(_), None) => {
                    // Several points and no comma: "1.234.567" is thousands.
                    if chars.iter().filter(|&&c| c == '.').count() > 1 { Some(',') } else { Some('.') }
                }
                (None, Some(c)) => {
                    let commas = chars.iter().filter(|&&ch| ch == ',').count();
                    let digits_after = chars.len() - c - 1;
                    if commas > 1 || digits_after == 3 { Some('.') } else { Some(',') }
                }
                (None, None) => None,
            }
        }
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// The serde form is the exact decimal string (`"20"`, `"7156.67"`); numbers are accepted too.
impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through serde_json's arbitrary-precision-free Value: a JSON number is
        // read back from its text, never through f64 arithmetic of ours.
        let value = serde_json::Value::deserialize(deserializer)?;
        let text = match &value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                return Err(serde::de::Error::custom("expected a decimal number or string"));
            }
        };
        Decimal::parse(&text, DecimalMark::Point).map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for Decimal {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s, DecimalMark::Point)
    }
}

/// Formats an integer with `,` thousands separators (for human output).
pub fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        Decimal::parse(s, DecimalMark::Auto).unwrap().to_string()
    }

    #[test]
    fn separators() {
        assert_eq!(p("58383"), "58383");
        assert_eq!(p("58,383"), "58383");
        assert_eq!(p("1,234,567.25"), "1234567.25");
        assert_eq!(p("1.234.567,25"), "1234567.25");
        assert_eq!(p("7156,67"), "7156.67");
        assert_eq!(p("0,5"), "0.5");
        assert_eq!(p("147.04832875399998"), "147.04832875399998");
        assert_eq!(p("5 461"), "5461");
        assert_eq!(p("۵٬۴۶۱"), "5461");
        assert_eq!(p("٣٫٥"), "3.5");
        assert_eq!(p("-2.50"), "-2.5");
        assert_eq!(p("1e3"), "1000");
        assert_eq!(p("2.5E+2"), "250");
        assert_eq!(Decimal::parse("1,234", DecimalMark::Comma).unwrap().to_string(), "1.234");
    }

    #[test]
    fn errors() {
        assert_eq!(Decimal::parse(" ", DecimalMark::Auto), Err(NumberError::Empty));
        for bad in ["abc", "1.2.3,4,5", "NULL", "1..2", "-", "1e", "12kg"] {
            assert!(Decimal::parse(bad, DecimalMark::Auto).is_err(), "{bad}");
        }
        assert!(matches!(Decimal::parse("1e400", DecimalMark::Auto), Err(NumberError::TooPrecise { .. })));
    }

    #[test]
    fn separators_only_where_they_separate_thousands() {
        // Issue 11: "12 5" was read as 125 and "1'2" as 12.
        for bad in ["12 5", "1'2", "1 2 3", "1234,567", "1234 567", "1,234 567", "12_34", "1 234.5 6", " 1 ,234"] {
            assert!(Decimal::parse(bad, DecimalMark::Auto).is_err(), "{bad}");
        }
        for bad in ["12 5", "1'2", "1234.567,5"] {
            assert!(Decimal::parse(bad, DecimalMark::Comma).is_err(), "{bad}");
            assert!(Decimal::parse(bad, DecimalMark::Point).is_err(), "{bad}");
        }
        // A first group starting with 0 is no thousands grouping (`0,250` is not 250).
        for bad in ["0,250", "0,250,000", "012,345"] {
            assert!(Decimal::parse(bad, DecimalMark::Point).is_err(), "{bad}");
        }
        assert_eq!(p("1'234'567"), "1234567");
        assert_eq!(p("12 345 678,5"), "12345678.5");
        assert_eq!(p("1_000"), "1000");
        assert_eq!(p("123"), "123");
        assert_eq!(Decimal::parse("1.234.567,5", DecimalMark::Comma).unwrap().to_string(), "1234567.5");
    }

    #[test]
    fn rounding_is_half_even() {
        assert_eq!(div_round_half_even(5, 2), 2);
        assert_eq!(div_round_half_even(7, 2), 4);
        assert_eq!(div_round_half_even(-5, 2), -2);
        assert_eq!(Decimal::parse("2.345", DecimalMark::Point).unwrap().round(2).to_string(), "2.34");
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands("58207"), "58,207");
        assert_eq!(group_thousands("-1234567.5"), "-1,234,567.5");
        assert_eq!(group_thousands("123"), "123");
    }
}
