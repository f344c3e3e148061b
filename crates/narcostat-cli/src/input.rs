//! Reading input files, with a progress bar on terminals.

use crate::Failure;
use crate::args::Input;
use narcostat::check::TableDataset;
use narcostat::read::{Format, Mode, Progress, ReadOptions, ReadReport, read};
use narcostat::{CountryCode, Dataset, SeizureTable};
use std::io::IsTerminal;

/// The reading options the command line asks for.
fn options(input: &Input) -> Result<ReadOptions, Failure> {
    let mut options = if input.lenient { ReadOptions::lenient() } else { ReadOptions::default() };
    if let Some(f) = &input.input_format {
        options.format = Some(Format::parse(f).ok_or_else(|| {
            Failure::Usage(format!(
                "unknown input format {f:?}: expected unodc-annual, unodc-subregional, cbp, wide, json or ndjson"
            ))
        })?);
    }
    if let Some(c) = &input.country {
        options.country =
            Some(CountryCode::resolve(c).ok_or_else(|| Failure::Usage(format!("unknown country {c:?}")))?);
    }
    Ok(options)
}

/// A bar on stderr, only on a terminal and for files that take more than a moment.
fn progress_bar(size: u64) -> Option<indicatif::ProgressBar> {
    (std::io::stderr().is_terminal() && size > 8 << 20).then(|| {
        let bar = indicatif::ProgressBar::new(size);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} reading {bar:40} {bytes}/{total_bytes} ({eta})")
        {
            bar.set_style(style);
        }
        bar
    })
}

/// How many rejected rows a lenient read lists on stderr before pointing to `check`.
const REJECTIONS_LISTED: usize = 5;

/// Says on stderr how many rows a lenient read rejected, and where and why
/// for the first few: `check --lenient` reads rows alike and lists them all.
fn rejected_note(name: &str, options: &ReadOptions, report: &ReadReport) {
    if !report.unread_columns.is_empty() {
        eprintln!("{name}: columns not read: {}", report.unread_columns.join(", "));
    }
    if options.mode != Mode::Lenient || report.rows_rejected == 0 {
        return;
    }
    eprintln!("{name}: {} of {} rows rejected", report.rows_rejected, report.rows_read);
    for r in report.rejections.iter().take(REJECTIONS_LISTED) {
        eprintln!("  rejected {r}");
    }
    if report.rejections.len() > REJECTIONS_LISTED {
        eprintln!(
            "  ... and {} more (run `narcostat check --lenient {name}` for the list)",
            report.rejections.len() - REJECTIONS_LISTED
        );
    }
}

/// Reads an input file into a dataset.
pub fn load(input: &Input) -> Result<(Dataset, ReadReport), Failure> {
    let options = options(input)?;
    if narcostat::read::is_spreadsheet(&input.file) {
        let name = input.file.display().to_string();
        let bytes = std::fs::read(&input.file).map_err(|e| Failure::Data(format!("cannot read {name}: {e}")))?;
        return narcostat::read::read_spreadsheet(&bytes, &name, input.sheet.as_deref(), &options)
            .map_err(|e| Failure::Data(e.to_string()));
    }
    load_with(&input.file, &options)
}

/// Reads an input file straight into a table, on all cores for CSV (the
/// commands that only aggregate need no records); spreadsheets and JSON go
/// through [`load`].
pub fn load_table(input: &Input) -> Result<SeizureTable, Failure> {
    let is_json = input.file.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if narcostat::read::is_spreadsheet(&input.file) || is_json {
        let (dataset, _) = load(input)?;
        return SeizureTable::from_seizures(&dataset.seizures).map_err(|e| Failure::Data(e.to_string()));
    }
    let options = options(input)?;
    let name = input.file.display().to_string();
    let file = std::fs::File::open(&input.file).map_err(|e| Failure::Data(format!("cannot read {name}: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size);
    let result = narcostat::read::read_table_parallel(file, &name, &options, &mut |p: Progress| {
        if let Some(b) = &bar {
            b.set_position(p.bytes);
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (table, _, report) = result.map_err(|e| Failure::Data(e.to_string()))?;
    rejected_note(&name, &options, &report);
    Ok(table)
}

/// Reads an input file into columns that keep each record's line, for
/// checks and bulletins: memory grows by tens of bytes per record, not by a
/// record's worth of strings.
pub fn load_table_dataset(input: &Input) -> Result<(TableDataset, ReadReport), Failure> {
    let options = options(input)?;
    if narcostat::read::is_spreadsheet(&input.file) {
        let (dataset, report) = load(input)?;
        let data = TableDataset::from_dataset(&dataset).map_err(|e| Failure::Data(e.to_string()))?;
        return Ok((data, report));
    }
    let name = input.file.display().to_string();
    let file = std::fs::File::open(&input.file).map_err(|e| Failure::Data(format!("cannot read {name}: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size);
    let result = TableDataset::read(file, &name, &options, &mut |p: Progress| {
        if let Some(b) = &bar {
            b.set_position(p.bytes);
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (data, report) = result.map_err(|e| Failure::Data(e.to_string()))?;
    rejected_note(&name, &options, &report);
    Ok((data, report))
}

/// Reads a file with options.
pub fn load_with(path: &std::path::Path, options: &ReadOptions) -> Result<(Dataset, ReadReport), Failure> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Failure::Data(format!("cannot read {name}: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size);
    let mut seizures = Vec::new();
    let mut totals = Vec::new();
    let result = read(
        file,
        &name,
        options,
        &mut |r| match r {
            narcostat::read::Record::Seizure(s) => seizures.push(s),
            narcostat::read::Record::Total(t) => totals.push(t),
        },
        &mut |p: Progress| {
            if let Some(b) = &bar {
                b.set_position(p.bytes);
            }
        },
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (report, mut rest) = result.map_err(|e| Failure::Data(e.to_string()))?;
    rest.seizures.extend(seizures);
    rest.reported_totals.extend(totals);
    rejected_note(&name, options, &report);
    Ok((rest, report))
}
