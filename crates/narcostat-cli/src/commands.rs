//! The subcommands: each builds the core's specs from its flags, runs the
//! core and gives the text for stdout (notes go to stderr on the way).

use crate::args::{Command, ConvertFormat, Input, Select};
use crate::input;
use crate::output::{escaped, result};
use narcostat::bulletin::{Bulletin, BulletinFormat};
use narcostat::check::{TableDataset, Tolerance};
use narcostat::read::ReadReport;
use narcostat::spec::{Operation, QuerySpec};
use narcostat::{Error, write};
use std::path::{Path, PathBuf};

/// Runs `operation` on the input with the shared options, completed by `own`
/// (the subcommand's): the result's text.
fn query(mut select: Select, operation: Operation, own: impl FnOnce(QuerySpec) -> QuerySpec) -> Result<String, Error> {
    // `--unit` is also the unit of bare numbers, unless `--input-unit` says otherwise.
    select.input.input_unit = select.input.input_unit.or(select.unit);
    let spec = own(select.spec());
    spec.query()?; // a bad query is a usage error before the file is read
    Ok(result(&spec.run(operation, &input::table(&select.input)?)?, select.format))
}

/// The bulletin of `period` from a file, or from the embedded month.
fn bulletin(data: Option<PathBuf>, period: Option<narcostat::Period>, format: BulletinFormat) -> Result<String, Error> {
    let dataset = match data {
        Some(path) => input::table_dataset(&Input::default(), &path)?.0,
        None => TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02())?,
    };
    let text = Bulletin::from_table(&dataset, period)?.render(format);
    Ok(if format == BulletinFormat::Json { text } else { escaped(&text) })
}

/// The check report of one file.
fn check_file(input: &Input, path: &Path) -> Result<(String, ReadReport), Error> {
    let (data, report) = input::table_dataset(input, path)?;
    let checks = narcostat::check::report(&data, Tolerance::default(), 100.0);
    Ok((escaped(&narcostat::check::report_text(&report, &checks, &data)), report))
}

/// The check report of each file, then (for several) the row accounting of each and in total.
fn check(input: &Input) -> Result<String, Error> {
    let paths = input::paths(input)?;
    let checked = paths.iter().map(|path| check_file(input, path)).collect::<Result<Vec<_>, _>>()?;
    let (texts, reports): (Vec<String>, Vec<ReadReport>) = checked.into_iter().unzip();
    let mut text = texts.join("\n");
    if reports.len() > 1 {
        let total = ReadReport::total(&reports);
        let lines = reports.iter().chain([&total]).map(ReadReport::accounting).collect::<Vec<_>>();
        text += &escaped(&format!("\nRows of the {} files:\n{}\n", reports.len(), lines.join("\n")));
    }
    Ok(text)
}

/// Runs a subcommand: the text for stdout.
pub fn run(command: Command) -> Result<String, Error> {
    match command {
        Command::Bulletin { data, period, format } => bulletin(data, period, format),
        Command::Summary { by, select } => query(select, Operation::Summary, |s| QuerySpec { by, ..s }),
        Command::Top { by, n, measure, within, select } => {
            query(select, Operation::Top, |s| QuerySpec { by, n: Some(n), measure, within, ..s })
        }
        Command::Trend { by, drug, measure, mut select } => {
            drug.into_iter().for_each(|d| select.filter.entry("drug".to_owned()).or_default().push(d));
            query(select, Operation::Trend, |s| QuerySpec { by: vec![by], measure, ..s })
        }
        Command::Compare { vs, by, measure, select } => {
            query(select, Operation::Compare, |s| QuerySpec { vs: Some(vs), by, measure, ..s })
        }
        Command::Equivalents { by, basis, select } => {
            query(select, Operation::Equivalents, |s| QuerySpec { by, basis, ..s })
        }
        Command::Drugs { word, format } => Ok(narcostat::substance::render(word.as_deref(), format)?),
        Command::Check { input } => check(&input),
        Command::Convert { input, to } => {
            let dataset = input::dataset(&input)?;
            Ok(match to {
                ConvertFormat::Json => write::dataset_json(&dataset) + "\n",
                ConvertFormat::Csv => write::records_csv(&dataset.seizures),
            })
        }
    }
}
