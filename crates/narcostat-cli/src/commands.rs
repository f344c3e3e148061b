//! The subcommands.

use crate::Failure;
use crate::args::{BulletinFormatArg, Command, ConvertFormat, Select, SpanRuleArg, TableFormat};
use crate::input::{load, load_table, load_table_dataset};
use crate::output::emit;
use crate::terminal::escape_keeping_lines;
use narcostat::bulletin::{Bulletin, BulletinFormat};
use narcostat::check::{TableDataset, Tolerance};
use narcostat::rank::Measure;
use narcostat::result::{OutputUnits, ResultTable};
use narcostat::write;
use narcostat::{CountUnit, Granularity, GroupKey, Period, Query, SpanRule};

fn usage(e: impl std::fmt::Display) -> Failure {
    Failure::Usage(e.to_string())
}

fn data(e: impl std::fmt::Display) -> Failure {
    Failure::Data(e.to_string())
}

/// The measure named on the command line, for data that counts the kinds
/// `counted` (a bare `count` is the one kind counted; a usage error when several).
fn measure(name: &str, counted: &[CountUnit]) -> Result<Measure, Failure> {
    Measure::parse_for(name, counted).map_err(usage)
}

fn query(by: &str, select: &Select) -> Result<Query, Failure> {
    let mut q = Query::parse(by, &select.filter, select.period.as_deref()).map_err(usage)?;
    for k in &mut q.by {
        if let GroupKey::Time(Granularity::FiscalYear(_)) = k {
            *k = GroupKey::Time(Granularity::FiscalYear(select.fiscal_start));
        }
    }
    q.span_rule = match select.span_rule {
        SpanRuleArg::Separate => SpanRule::Separate,
        SpanRuleArg::ByStart => SpanRule::ByStart,
        SpanRuleArg::ByEnd => SpanRule::ByEnd,
    };
    Ok(q)
}

fn print_table(table: &ResultTable, format: TableFormat) {
    match format {
        TableFormat::Csv => emit(&table.to_csv()),
        TableFormat::Json => emit(&table.to_json()),
        TableFormat::Table => emit(&table.to_text()),
    }
}

/// The output units named by `--unit` (default kg and l).
fn units(unit: Option<&str>) -> Result<OutputUnits, Failure> {
    match unit {
        None => Ok(OutputUnits::default()),
        Some(u) => u.parse::<narcostat::Unit>().map(OutputUnits::with).map_err(usage),
    }
}

/// The `--within` dimensions.
fn within(names: &str) -> Result<Vec<GroupKey>, Failure> {
    names.split(',').map(str::trim).filter(|n| !n.is_empty()).map(|n| GroupKey::parse(n).map_err(usage)).collect()
}

/// Says on stderr where the rows went, when some were not added; `label`
/// names the period when there are two.
fn accounting_note(label: Option<&str>, a: &narcostat::aggregate::Accounting) {
    let mut parts = Vec::new();
    if a.filtered_out > 0 {
        parts.push(format!("{} filtered out", a.filtered_out));
    }
    if a.outside_period > 0 {
        parts.push(format!("{} outside the period", a.outside_period));
    }
    if a.straddling_period > 0 {
        parts.push(format!("{} straddling the period's edges (not added)", a.straddling_period));
    }
    if a.unattributed > 0 {
        parts.push(format!("{} spanning several time buckets (listed apart; see --span-rule)", a.unattributed));
    }
    if a.without_quantity > 0 {
        parts.push(format!("{} without a quantity", a.without_quantity));
    }
    if !parts.is_empty() {
        let label = label.map_or_else(String::new, |l| format!("{}: ", escape_keeping_lines(l)));
        eprintln!("{label}{} rows: {} aggregated, {}", a.rows, a.aggregated, parts.join(", "));
    }
}

/// Says on stderr where a trend has gaps (no change is given across them).
fn gap_note(points: &[narcostat::compare::TrendPoint]) {
    let gaps: Vec<String> = points
        .iter()
        .filter(|p| p.missing_before > 0)
        .map(|p| format!("{} periods missing before {}", p.missing_before, p.label))
        .collect();
    if !gaps.is_empty() {
        eprintln!("gaps (no change across them): {}", gaps.join("; "));
    }
}

pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Bulletin { data: path, period, format } => {
            let period = period.map(|p| Period::parse(&p)).transpose().map_err(usage)?;
            let dataset = match path {
                Some(p) => {
                    let input =
                        crate::args::Input { file: p, input_format: None, country: None, lenient: false, sheet: None };
                    load_table_dataset(&input)?.0
                }
                None => TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).map_err(data)?,
            };
            let format = match format {
                BulletinFormatArg::Text => BulletinFormat::Text,
                BulletinFormatArg::Markdown => BulletinFormat::Markdown,
                BulletinFormatArg::Html => BulletinFormat::Html,
                BulletinFormatArg::Json => BulletinFormat::Json,
            };
            let text = Bulletin::from_table(&dataset, period).map_err(data)?.render(format);
            emit(&if matches!(format, BulletinFormat::Json) { text } else { escape_keeping_lines(&text).into_owned() });
            Ok(())
        }
        Command::Summary { input, by, select, unit, format } => {
            let q = query(&by, &select)?;
            let units = units(unit.as_deref())?;
            let t = load_table(&input)?;
            let agg = t.aggregate(&q).map_err(data)?;
            accounting_note(None, &agg.accounting);
            print_table(&ResultTable::aggregate(&agg, units), format);
            Ok(())
        }
        Command::Top { input, by, n, measure: m, within: inside, select, unit, format } => {
            let q = query(&by, &select)?;
            let units = units(unit.as_deref())?;
            let inside = within(&inside)?;
            measure(&m, &[])?;
            let t = load_table(&input)?;
            let agg = t.aggregate(&q).map_err(data)?;
            accounting_note(None, &agg.accounting);
            let m = measure(&m, &agg.count_units())?;
            let ranking = ResultTable::ranking(&agg, m, Some(n), &inside, units).map_err(usage)?;
            print_table(&ranking, format);
            if matches!(format, TableFormat::Table) && inside.is_empty() {
                let values: Vec<i128> = agg.groups.iter().filter_map(|g| m.base_value(&g.measures)).collect();
                let sum = values.iter().try_fold(0i128, |a, v| a.checked_add(*v));
                let total = units.value(m, sum.ok_or_else(|| data("the total is beyond 2^127 base units"))?);
                let total = narcostat::quantity::group_thousands(&total.round(3).normalized().to_string());
                emit(&format!("{} groups, total {total} {}\n", values.len(), units.of(m).map_or("", |u| u.symbol())));
            }
            Ok(())
        }
        Command::Trend { input, by, drug, measure: m, mut select, unit, format } => {
            let units = units(unit.as_deref())?;
            if let Some(d) = drug {
                select.filter =
                    if select.filter.is_empty() { format!("drug={d}") } else { format!("{},drug={d}", select.filter) };
            }
            let q = query(&by, &select)?;
            if q.granularity().is_none() || q.by.len() != 1 {
                return Err(Failure::Usage(format!(
                    "trend --by takes one time granularity (year, month, fiscal-year, ...), not {by:?}"
                )));
            }
            measure(&m, &[])?;
            let t = load_table(&input)?;
            let agg = t.aggregate(&q).map_err(data)?;
            accounting_note(None, &agg.accounting);
            let m = measure(&m, &agg.count_units())?;
            let points = narcostat::compare::trend(&agg, m);
            gap_note(&points);
            print_table(&ResultTable::trend(&agg, m, units).map_err(usage)?, format);
            Ok(())
        }
        Command::Compare { input, period, vs, by, measure: m, filter, unit, format } => {
            let units = units(unit.as_deref())?;
            let q = Query::parse(&by, &filter, None).map_err(usage)?;
            let cur = Period::parse(&period).map_err(usage)?;
            let prev = Period::parse(&vs).map_err(usage)?;
            measure(&m, &[])?;
            let t = load_table(&input)?;
            let c = t.compare(&q, cur, prev, measure(&m, &t.count_units())?).map_err(data)?;
            accounting_note(Some(&period), &c.current_accounting);
            accounting_note(Some(&vs), &c.previous_accounting);
            print_table(&ResultTable::comparison(&c, &q.by, cur, prev, units), format);
            Ok(())
        }
        Command::Check { input } => check(&input),
        Command::Convert { input, to } => {
            let (dataset, _) = load(&input)?;
            emit(&match to {
                ConvertFormat::Json => write::dataset_json(&dataset) + "\n",
                ConvertFormat::Csv => write::records_csv(&dataset.seizures),
            });
            Ok(())
        }
    }
}

fn check(input: &crate::args::Input) -> Result<(), Failure> {
    let (data, report) = load_table_dataset(input)?;
    let checks = narcostat::check::report(&data, Tolerance::default(), 100.0);
    let out = narcostat::check::report_text(&report, &checks, &data);
    emit(&escape_keeping_lines(&out));
    Ok(())
}
