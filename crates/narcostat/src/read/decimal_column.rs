//! One column, one decimal convention: the decimal mark of a generic
//! table's quantity column, fixed by the options, by the delimiter, or by
//! the first cell whose own text settles it.

use super::error::RowError;
use super::options::ReadOptions;
use crate::quantity::DecimalMark;

/// The decimal convention of one quantity column.
///
/// With the decimal mark given, every cell is read with it. Without it, a
/// comma-delimited table (or a spreadsheet or frame, whose numbers are
/// written with a point) reads `,` as a thousands separator; a `;`, tab or
/// `|` table learns the convention from its cells: `2,12`, `0,250` and
/// `1.234,5` show a decimal comma, `2.12` a decimal point, while a cell such
/// as `2,125` or `1.500` (separators each followed by exactly three digits)
/// could be either and is a row error until another cell has settled it. A
/// cell whose text contradicts the column's convention is a row error too:
/// no two cells of a column are read under different conventions.
#[derive(Debug, Clone)]
pub(crate) struct DecimalColumn {
    mark: Option<DecimalMark>,
    learns: bool,
}

/// What one cell's text says about the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// No `,` or `.`: read the same under either convention.
    Neutral,
    /// Each separator is followed by exactly three digits: either convention fits.
    Ambiguous,
    /// The cell shows this decimal mark.
    Shows(DecimalMark),
}

impl DecimalColumn {
    /// The convention of a quantity column read with `opts`.
    pub(crate) fn new(opts: &ReadOptions) -> Self {
        match (opts.decimal_mark, opts.delimiter) {
            (DecimalMark::Auto, Some(b';' | b'\t' | b'|')) => Self { mark: None, learns: true },
            (DecimalMark::Auto, _) => Self { mark: Some(DecimalMark::Point), learns: false },
            (mark, _) => Self { mark: Some(mark), learns: false },
        }
    }

    /// The mark to read the cell `v` with, learning from it when the
    /// column's convention is not known yet.
    pub(crate) fn mark_for(&mut self, v: &str) -> Result<DecimalMark, RowError> {
        let known = self.mark;
        if !self.learns {
            return Ok(known.unwrap_or(DecimalMark::Point));
        }
        match (evidence(v), known) {
            (Evidence::Neutral, _) => Ok(known.unwrap_or(DecimalMark::Point)),
            (Evidence::Ambiguous, Some(mark)) => Ok(mark),
            (Evidence::Ambiguous, None) => Err(RowError::AmbiguousDecimal { value: v.to_owned() }),
            (Evidence::Shows(mark), Some(k)) if k != mark => {
                Err(RowError::MixedDecimal { value: v.to_owned(), column: mark_name(k).to_owned() })
            }
            (Evidence::Shows(mark), _) => {
                self.mark = Some(mark);
                Ok(mark)
            }
        }
    }
}

/// The word of a decimal mark in messages.
fn mark_name(mark: DecimalMark) -> &'static str {
    match mark {
        DecimalMark::Comma => "a decimal comma",
        DecimalMark::Point | DecimalMark::Auto => "a decimal point",
    }
}

/// What the separators of `v` say about its decimal mark.
fn evidence(v: &str) -> Evidence {
    let number: &str = v.trim().split(|c: char| c.is_alphabetic()).next().unwrap_or("");
    let (last_point, last_comma) = (number.rfind('.'), number.rfind(','));
    let sep = match (last_point, last_comma) {
        (None, None) => return Evidence::Neutral,
        (Some(p), Some(c)) => return Evidence::Shows(if p > c { DecimalMark::Point } else { DecimalMark::Comma }),
        (Some(_), None) => '.',
        (None, Some(_)) => ',',
    };
    let shows = Evidence::Shows(if sep == ',' { DecimalMark::Comma } else { DecimalMark::Point });
    let mut parts = number.split(sep);
    let head: String = parts.next().unwrap_or("").chars().filter(|c| c.is_numeric()).collect();
    let groups_of_three = parts.all(|g| g.chars().take_while(|c| c.is_numeric()).count() == 3);
    let head_is_thousands =
        (1..=3).contains(&head.chars().count()) && !head.trim_start_matches(['0', '۰', '٠']).is_empty();
    if groups_of_three && head_is_thousands { Evidence::Ambiguous } else { shows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_settle_or_leave_the_mark() {
        assert_eq!(evidence("2,125"), Evidence::Ambiguous);
        assert_eq!(evidence("1.500"), Evidence::Ambiguous);
        assert_eq!(evidence("1.234.567"), Evidence::Ambiguous);
        assert_eq!(evidence("0,250"), Evidence::Shows(DecimalMark::Comma));
        assert_eq!(evidence("2,12"), Evidence::Shows(DecimalMark::Comma));
        assert_eq!(evidence("1234,567"), Evidence::Shows(DecimalMark::Comma));
        assert_eq!(evidence("1.234,5"), Evidence::Shows(DecimalMark::Comma));
        assert_eq!(evidence("1,234.5"), Evidence::Shows(DecimalMark::Point));
        assert_eq!(evidence("12 kg"), Evidence::Neutral);
        assert_eq!(evidence("2,5 kg"), Evidence::Shows(DecimalMark::Comma));
    }
}
