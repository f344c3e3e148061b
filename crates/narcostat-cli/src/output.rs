//! Writing to stdout and stderr.

use narcostat::result::{ResultTable, escape_terminal_keeping_lines};
use narcostat::vocabulary::OutputFormat;
use std::io::Write;

/// Writes `text` to stdout; a closed pipe ends quietly.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Text from data with its control characters escaped.
pub fn escaped(text: &str) -> String {
    escape_terminal_keeping_lines(text).into_owned()
}

/// Writes `lines` to stderr, control characters escaped.
pub fn note(lines: impl IntoIterator<Item = String>) {
    lines.into_iter().for_each(|line| eprintln!("{}", escape_terminal_keeping_lines(&line)));
}

/// A result in `format`, having written where the rows went, its warnings
/// and its notes to stderr.
pub fn result(table: &ResultTable, format: OutputFormat) -> String {
    let warnings = table.warnings.iter().map(|w| format!("warning: {w}"));
    note(table.accounting_lines().into_iter().chain(warnings).chain(table.notes.iter().cloned()));
    table.render(format)
}
