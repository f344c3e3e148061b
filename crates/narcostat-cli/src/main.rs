//! `narcostat`: bulletins, summaries, rankings, trends, comparisons, checks
//! and conversions of seizure data from the terminal. Thin: every word is
//! parsed, every figure computed and every result rendered by the core crate.

mod args;
mod commands;
mod input;
mod output;

use clap::{CommandFactory, FromArgMatches};
use narcostat::ErrorKind;
use narcostat::result::escape_terminal_keeping_lines;
use narcostat::vocabulary::Vocabulary;

/// The words flags take, from the core's vocabulary.
fn words() -> String {
    let v = Vocabulary::get();
    let lists = [
        ("Dimensions (--by, --within, --where keys)", &v.dimensions),
        ("Measures (--measure)", &v.measures),
        ("Units (--unit)", &v.units),
        ("Input formats (--input-format)", &v.input_formats),
        ("Span rules (--span-rule)", &v.span_rules),
        ("Bases (equivalents --basis)", &v.bases),
    ];
    let lines: Vec<String> = lists.iter().map(|(what, words)| format!("{what}: {}", words.join(", "))).collect();
    format!("{}\nDrugs: see `narcostat drugs`.", lines.join("\n"))
}

/// The exit code of an error: 2 for a query that cannot be understood (usage), 1 for data.
fn fail(e: &narcostat::Error) -> std::process::ExitCode {
    let message = escape_terminal_keeping_lines(&e.to_string()).into_owned();
    if e.kind() == ErrorKind::Query {
        eprintln!("error: {message}\n\nFor more information, try '--help'.");
        return std::process::ExitCode::from(2);
    }
    eprintln!("error: {message}");
    std::process::ExitCode::from(1)
}

fn main() -> std::process::ExitCode {
    let matches = args::Cli::command().after_help(words()).get_matches();
    let cli = args::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match commands::run(cli.command) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}
