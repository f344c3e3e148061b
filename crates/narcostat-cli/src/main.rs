//! `narcostat`: bulletins, summaries, rankings, trends, comparisons, checks
//! and conversions of seizure data from the terminal. Thin: every word is
//! parsed, every figure computed and every result rendered by the core crate.

mod args;
mod commands;
mod input;
mod output;

use clap::{CommandFactory, FromArgMatches};
use narcostat::{ErrorKind, vocabulary::Vocabulary};
use std::process::ExitCode;

/// The words flags take, from the core's vocabulary.
fn words() -> String {
    let v = Vocabulary::get();
    let lists = [
        ("Dimensions (--by, --within, --where keys)", &v.dimensions),
        ("Measures (--measure)", &v.measures),
        ("Units (--unit)", &v.units),
        ("Input formats (--input-format)", &v.input_formats),
        ("Column roles (--column ROLE=HEADER)", &v.column_roles),
        ("Calendars (--calendar)", &v.calendars),
        ("Span rules (--span-rule)", &v.span_rules),
        ("Bases (equivalents --basis)", &v.bases),
    ];
    lists.iter().map(|(what, words)| format!("{what}: {}\n", words.join(", "))).collect::<String>()
        + "Drugs: see `narcostat drugs`."
}

/// The exit code of an error: 2 for a query that cannot be understood (usage), 1 for data.
fn fail(e: &narcostat::Error) -> ExitCode {
    let message = output::escaped(&e.to_string());
    let usage = e.kind() == ErrorKind::Query;
    eprintln!("error: {message}{}", if usage { "\n\nFor more information, try '--help'." } else { "" });
    ExitCode::from(if usage { 2 } else { 1 })
}

fn main() -> ExitCode {
    let matches = args::Command::command().after_help(words()).get_matches();
    let command = args::Command::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    commands::run(command).map(|text| output::emit(&text)).map_or_else(|e| fail(&e), |()| ExitCode::SUCCESS)
}
