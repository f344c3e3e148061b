//! Output formats: of results (`csv`, `json`, `table`) and of bulletins.

use super::word::{Entry, table_word, word_serde};
use crate::bulletin::BulletinFormat;

/// How a result is written: CSV, JSON, or the terminal table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// The terminal table (the default).
    #[default]
    Table,
    /// CSV with exact decimals.
    Csv,
    /// JSON: an array of row objects.
    Json,
}

const OUTPUT_FORMATS: &[Entry<OutputFormat>] = &[
    (OutputFormat::Csv, "csv", &[]),
    (OutputFormat::Json, "json", &[]),
    (OutputFormat::Table, "table", &["text", "txt"]),
];

const BULLETIN_FORMATS: &[Entry<BulletinFormat>] = &[
    (BulletinFormat::Text, "text", &["txt"]),
    (BulletinFormat::Markdown, "markdown", &["md"]),
    (BulletinFormat::Html, "html", &[]),
    (BulletinFormat::Json, "json", &[]),
];

table_word!(OutputFormat, "output format", OUTPUT_FORMATS);
table_word!(BulletinFormat, "bulletin format", BULLETIN_FORMATS);
word_serde!(OutputFormat, BulletinFormat);
