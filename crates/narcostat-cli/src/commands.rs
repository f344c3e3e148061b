//! The subcommands: each builds the core's specs from its flags, runs the
//! core and prints what it gives.

use crate::args::{Command, ConvertFormat, Input};
use crate::input;
use crate::output::{emit, emit_escaped, result};
use narcostat::bulletin::{Bulletin, BulletinFormat};
use narcostat::check::{TableDataset, Tolerance};
use narcostat::result::ResultTable;
use narcostat::spec::{Operation, QuerySpec};
use narcostat::vocabulary::OutputFormat;
use narcostat::{Error, substance, write};

/// Runs `operation` as `spec` asks on the input, and prints the result.
fn query(input: &Input, operation: Operation, spec: &QuerySpec, format: OutputFormat) -> Result<(), Error> {
    spec.query()?; // a bad query is a usage error before the file is read
    result(&spec.run(operation, &input::table(input)?)?, format);
    Ok(())
}

/// The vocabulary of drugs, or what `word` matches.
fn drugs(word: Option<&str>, format: OutputFormat) -> Result<(), Error> {
    match (word, format) {
        // The core's serde forms, which cannot fail to serialise.
        (None, OutputFormat::Json) => emit(&serde_json::to_string_pretty(&substance::catalogue()).unwrap_or_default()),
        (Some(w), OutputFormat::Json) => {
            emit(&serde_json::to_string_pretty(&substance::resolve_word(w)?).unwrap_or_default());
        }
        (None, _) => result(&ResultTable::catalogue(&substance::catalogue()), format),
        (Some(w), _) => result(&ResultTable::word_match(&substance::resolve_word(w)?), format),
    }
    Ok(())
}

/// The bulletin of `period` from a file, or from the embedded month.
fn bulletin(data: Option<Input>, period: Option<narcostat::Period>, format: BulletinFormat) -> Result<(), Error> {
    let dataset = match data {
        Some(input) => input::table_dataset(&input)?.0,
        None => TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02())?,
    };
    let text = Bulletin::from_table(&dataset, period)?.render(format);
    if format == BulletinFormat::Json {
        emit(&text)
    } else {
        emit_escaped(&text)
    }
    Ok(())
}

/// The check report of a file.
fn check(input: &Input) -> Result<(), Error> {
    let (data, report) = input::table_dataset(input)?;
    let checks = narcostat::check::report(&data, Tolerance::default(), 100.0);
    emit_escaped(&narcostat::check::report_text(&report, &checks, &data));
    Ok(())
}

/// A bulletin's `--data` file, read with default options.
fn data_input(file: std::path::PathBuf) -> Input {
    Input { file, input_format: None, country: None, lenient: false, missing: Default::default(), sheet: None }
}

/// Runs a subcommand.
pub fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Bulletin { data, period, format } => bulletin(data.map(data_input), period, format),
        Command::Summary { input, by, select } => {
            let format = select.format;
            query(&input, Operation::Summary, &select.spec(by), format)
        }
        Command::Top { input, by, n, measure, within, select } => {
            let format = select.format;
            let spec = QuerySpec { n: Some(n), measure, within, ..select.spec(by) };
            query(&input, Operation::Top, &spec, format)
        }
        Command::Trend { input, by, drug, measure, mut select } => {
            if let Some(d) = drug {
                select.filter.entry("drug".to_owned()).or_default().push(d);
            }
            let format = select.format;
            query(&input, Operation::Trend, &QuerySpec { measure, ..select.spec(vec![by]) }, format)
        }
        Command::Compare { input, vs, by, measure, select } => {
            let format = select.format;
            query(&input, Operation::Compare, &QuerySpec { vs: Some(vs), measure, ..select.spec(by) }, format)
        }
        Command::Equivalents { input, by, basis, select } => {
            let format = select.format;
            query(&input, Operation::Equivalents, &QuerySpec { basis, ..select.spec(by) }, format)
        }
        Command::Drugs { word, format } => drugs(word.as_deref(), format),
        Command::Check { input } => check(&input),
        Command::Convert { input, to } => {
            let dataset = input::dataset(&input)?;
            emit(&match to {
                ConvertFormat::Json => write::dataset_json(&dataset) + "\n",
                ConvertFormat::Csv => write::records_csv(&dataset.seizures),
            });
            Ok(())
        }
    }
}
