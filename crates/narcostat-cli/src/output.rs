//! Writing to stdout and stderr.

use narcostat::result::{ResultKind, ResultTable, escape_terminal_keeping_lines};
use narcostat::vocabulary::OutputFormat;
use std::io::Write;

/// Writes `text` to stdout; a closed pipe ends quietly.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Writes text from data to stdout, control characters escaped.
pub fn emit_escaped(text: &str) {
    emit(&escape_terminal_keeping_lines(text));
}

/// Writes a result in `format` to stdout, and where the rows went (for a
/// comparison: in the current, then the previous period), its warnings and
/// its notes to stderr.
pub fn result(table: &ResultTable, format: OutputFormat) {
    let labels: &[&str] =
        if table.kind == ResultKind::Comparison { &["current period: ", "previous period: "] } else { &[] };
    let described = table.accounting.iter().enumerate().filter_map(|(i, a)| Some((i, a.describe()?)));
    let accounting = described.map(|(i, d)| format!("{}{d}", labels.get(i).unwrap_or(&"")));
    let warnings = table.warnings.iter().map(|w| format!("warning: {w}"));
    for line in accounting.chain(warnings).chain(table.notes.iter().cloned()) {
        eprintln!("{}", escape_terminal_keeping_lines(&line));
    }
    emit(&match format {
        OutputFormat::Csv => table.to_csv(),
        OutputFormat::Json => table.to_json(),
        OutputFormat::Table => table.to_text(),
    });
}
