//! Writing to stdout.

use std::io::Write;

/// Writes `text` to stdout; a closed pipe ends quietly.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
