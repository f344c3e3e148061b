//! Human tables: aligned columns, thousands separators, units in the header.

use crate::terminal::escape;
use narcostat::quantity::{Decimal, group_thousands};
use narcostat::write::Cell;
use std::io::Write;

/// Writes `text` to stdout; a closed pipe ends quietly.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn human(c: &Cell) -> (String, bool) {
    match c {
        Cell::Text(t) => (escape(t).into_owned(), false),
        // Human tables show at most 3 decimals (grams of a kg figure); CSV and JSON stay exact.
        Cell::Number(n) => match n.parse::<Decimal>() {
            Ok(d) => (group_thousands(&d.round(3).normalized().to_string()), true),
            Err(_) => (group_thousands(n), true),
        },
        Cell::Empty => (String::new(), false),
    }
}

/// An aligned table; numbers right-aligned with thousands separators; text
/// from data with its control characters escaped.
pub fn table(header: &[String], rows: &[Vec<Cell>]) -> String {
    let cells: Vec<Vec<(String, bool)>> = rows.iter().map(|r| r.iter().map(human).collect()).collect();
    let header: Vec<(String, bool)> = header.iter().map(|h| (escape(h).into_owned(), false)).collect();
    let mut widths: Vec<usize> = header.iter().map(|(h, _)| h.chars().count()).collect();
    for r in &cells {
        for (i, (t, _)) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(t.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, r: &[(String, bool)]| {
        let parts: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|((t, num), w)| if *num { format!("{t:>w$}") } else { format!("{t:<w$}") })
            .collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut out, &header);
    let rule: Vec<(String, bool)> = widths.iter().map(|w| ("-".repeat(*w), false)).collect();
    line(&mut out, &rule);
    for r in &cells {
        line(&mut out, r);
    }
    out
}

/// Drops columns that are empty in every row (e.g. volume when nothing was in litres).
pub fn drop_empty_columns(header: &mut Vec<String>, rows: &mut [Vec<Cell>], keep: usize) {
    let mut i = header.len();
    while i > keep {
        i -= 1;
        if rows.iter().all(|r| matches!(r.get(i), Some(Cell::Empty) | None)) {
            header.remove(i);
            for r in rows.iter_mut() {
                if i < r.len() {
                    r.remove(i);
                }
            }
        }
    }
}
