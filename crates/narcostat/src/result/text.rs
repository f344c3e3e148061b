//! The terminal table: aligned columns, thousands grouped, shares as
//! percentages, empty measure columns dropped, text from data escaped.

use super::ResultTable;
use super::cell::Cell;
use super::column::{Column, Role};
use super::terminal::escape_terminal;
use crate::quantity::{Decimal, group_thousands};

/// Fraction digits shown for quantities (grams of a kg figure); CSV, JSON and Arrow stay exact.
const SHOWN_DIGITS: u32 = 3;

impl ResultTable {
    /// The table for people: numbers right-aligned with thousands grouped and
    /// at most three decimals, shares (`share_of_*`) as percentages with two
    /// decimals, columns other than keys that are empty in every row dropped,
    /// and control characters of text escaped (see [`super::escape_terminal`]),
    /// so that data cannot drive the terminal. The notes are not part of it:
    /// each front end shows them its own way (the CLI on stderr).
    ///
    /// ```
    /// use narcostat::{GroupKey, Query, SeizureTable, rank::Measure, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let agg = t.aggregate(&Query::by(&[GroupKey::Name])).unwrap();
    /// let text = ResultTable::ranking(&agg, Measure::Mass, Some(1), &[], OutputUnits::default()).unwrap().to_text();
    /// assert_eq!(text, "rank  name   mass_kg  share_of_mass\n----  -----  -------  -------------\n   1  Opium   47,767         82.06%\n");
    /// ```
    pub fn to_text(&self) -> String {
        let shown: Vec<&Column> = self
            .columns
            .iter()
            .filter(|c| c.role == Role::Key || (0..self.rows).any(|r| !c.values.is_null(r)))
            .collect();
        let header: Vec<(String, bool)> =
            shown.iter().map(|c| (escape_terminal(&c.name).into_owned(), false)).collect();
        let cells: Vec<Vec<(String, bool)>> =
            (0..self.rows).map(|r| shown.iter().map(|c| human(c, r)).collect()).collect();
        let mut widths: Vec<usize> = header.iter().map(|(h, _)| h.chars().count()).collect();
        for row in &cells {
            for (w, (t, _)) in widths.iter_mut().zip(row) {
                *w = (*w).max(t.chars().count());
            }
        }
        let mut out = String::new();
        line(&mut out, &header, &widths);
        let rule: Vec<(String, bool)> = widths.iter().map(|w| ("-".repeat(*w), false)).collect();
        line(&mut out, &rule, &widths);
        for row in &cells {
            line(&mut out, row, &widths);
        }
        out
    }
}

/// One cell for people, and whether it is a number (right-aligned).
fn human(column: &Column, row: usize) -> (String, bool) {
    match column.values.cell(row) {
        Cell::Null => (String::new(), false),
        Cell::Text(t) => (escape_terminal(t).into_owned(), false),
        Cell::Label(l) => (escape_terminal(&l).into_owned(), false),
        Cell::Bool(b) => (if b { "yes" } else { "no" }.to_owned(), false),
        // Years and ranks are not grouped (2,021 is no year).
        Cell::Int(i) if column.role == Role::Key => (i.to_string(), true),
        Cell::Int(i) => (group_thousands(&i.to_string()), true),
        Cell::Decimal(d) if column.name.starts_with("share_of_") => (format!("{}%", fixed(times_hundred(d), 2)), true),
        Cell::Decimal(d) => (group_thousands(&d.round(SHOWN_DIGITS).normalized().to_string()), true),
    }
}

/// `100 x d`, exact.
fn times_hundred(d: Decimal) -> Decimal {
    if d.scale >= 2 {
        Decimal { mantissa: d.mantissa, scale: d.scale - 2 }
    } else {
        Decimal { mantissa: d.mantissa.saturating_mul(10i128.pow(2 - d.scale)), scale: 0 }
    }
}

/// `d` with exactly `digits` fraction digits, rounded half to even.
fn fixed(d: Decimal, digits: u32) -> String {
    let rounded = d.round(digits);
    let exact = Decimal {
        mantissa: rounded.mantissa.saturating_mul(10i128.pow(digits - rounded.scale.min(digits))),
        scale: digits,
    };
    group_thousands(&exact.to_string())
}

fn line(out: &mut String, cells: &[(String, bool)], widths: &[usize]) {
    let parts: Vec<String> = cells
        .iter()
        .zip(widths)
        .map(|((t, number), w)| if *number { format!("{t:>w$}") } else { format!("{t:<w$}") })
        .collect();
    out.push_str(parts.join("  ").trim_end());
    out.push('\n');
}
