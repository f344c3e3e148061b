//! `narcostat`: bulletins, summaries, rankings, trends, comparisons, checks
//! and conversions of seizure data from the terminal. Thin: every figure
//! comes from the core crate.

mod args;
mod commands;
mod input;
mod output;
mod terminal;

use clap::Parser;

/// Why a command failed; decides the exit code.
#[derive(Debug)]
pub enum Failure {
    /// Bad data (exit code 1).
    Data(String),
    /// Bad usage (exit code 2).
    Usage(String),
}

fn main() -> std::process::ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli.command) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(Failure::Data(message)) => {
            eprintln!("error: {}", terminal::escape_keeping_lines(&message));
            std::process::ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {}\n\nFor more information, try '--help'.", terminal::escape_keeping_lines(&message));
            std::process::ExitCode::from(2)
        }
    }
}
