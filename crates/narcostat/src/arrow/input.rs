//! Arrow record batches in. Every cell becomes the text a CSV file would
//! hold for it, and the rows go through the CSV layouts' row parsers: a UNODC,
//! CBP or wide table reads the same from a file, a spreadsheet and a data
//! frame (plants in UNODC's kg column are plants everywhere).
//!
//! The layout is `options.format`; else, with explicit
//! [`ReadOptions::columns`](crate::read::ReadOptions::columns), a mapping of
//! those and the other roles detected; else detected from the column names
//! as for CSV headers, else the header words CSV tables are read by (with
//! the same ambiguity errors: two quantity columns of one kind such as `kg`
//! and `lbs`, a date and a year column, a name written twice), else a mapping from these names (case-, space- and
//! punctuation-insensitive). A role no column takes is
//! an error listing the names accepted for it and the columns seen:
//!
//! | column | names accepted | types |
//! |---|---|---|
//! | substance (required) | `substance`, `drug`, `drug_type`, `name` | string (also large / view / dictionary) |
//! | quantity (required) | `quantity`, `amount`, `value`; or a column named by its unit: `kg`, `mass_kg`, `lbs`, `sum_qty_lbs`, `litres`, ... | integers, decimals, floats, strings (`12.5`, `12.5 kg`) |
//! | unit | `unit` | string |
//! | date | `date`, `day`, `start` (and `end`) | date32/64, timestamp, string (`2021-02-03`, any period text) |
//! | year | `year` (when there is no date) | integer, string |
//! | country, origin, destination | `country`, `iso_code`, `origin`, `destination` | string |
//! | province, locality, agency | `province`, `state`, `locality`, `office`, `agency`, `component` | string |
//! | seizures | `seizures`, `events`, `count_of_event` | integer |
//!
//! Integers and decimals are written exactly; floats as the shortest decimal
//! that reads back as the same float (`147.04832875399998`, `0.1`), then read
//! exactly like CSV text. A NaN, an infinity, a negative quantity or one that
//! is not zero but below the base unit is an error naming the row and column;
//! a null is an empty cell ("no quantity", or an error with
//! [`crate::read::Missing::Reject`]).
//!
//! Columns that map to no role are kept with the records as text
//! ([`crate::Seizure::columns`]; a null is a missing value), and can be
//! grouped and filtered on as `column:NAME`.

use crate::quantity::{DecimalMark, Unit};
use crate::read::{BatchError, CellRows, ColumnMap, Format, ReadError, ReadOptions, ReadReport, Record, RowError};
use crate::record::ReportedTotal;
use crate::substance::normalize;
use crate::table::SeizureTable;
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::DataType;
use std::sync::Arc;

/// Column roles of the mapping and the names that take them.
const ROLES: [(&str, &[&str]); 13] = [
    ("substance", &["substance", "drug", "drugtype", "name", "substancename"]),
    ("quantity", &["quantity", "amount", "value", "qty"]),
    ("unit", &["unit", "units"]),
    ("date", &["date", "day", "start", "startdate", "period"]),
    ("end", &["end", "enddate"]),
    ("year", &["year"]),
    ("country", &["country", "isocode", "countrycode", "iso3"]),
    ("province", &["province", "state", "stateut", "subdivision"]),
    ("locality", &["locality", "office", "areaofresponsibility", "branch", "port"]),
    ("agency", &["agency", "component"]),
    ("seizures", &["seizures", "events", "countofevent", "cases"]),
    ("origin", &["origin"]),
    ("destination", &["destination"]),
];

/// Quantity columns named by their unit.
const UNIT_COLUMNS: [(&str, Unit); 8] = [
    ("kg", Unit::Kilogram),
    ("masskg", Unit::Kilogram),
    ("kgequivalent", Unit::Kilogram),
    ("lbs", Unit::Pound),
    ("sumqtylbs", Unit::Pound),
    ("litres", Unit::Litre),
    ("volumel", Unit::Litre),
    ("units", Unit::Unit),
];

/// How the columns of the batches are read.
struct Plan {
    format: Format,
    /// The date and end columns of a mapping, read together as `START..END`.
    range: Option<(usize, usize)>,
    /// Which columns the layout may read (all, for a CSV layout).
    used: Vec<bool>,
}

fn plan(names: &[String], options: &ReadOptions, unit: Option<Unit>, file: &str) -> Result<Plan, ReadError> {
    let all = |format: Format| Plan { format, range: None, used: vec![true; names.len()] };
    match &options.format {
        Some(Format::Json | Format::Ndjson) => Err(ReadError::UnknownFormat {
            file: file.to_owned(),
            header: "JSON is not a layout of Arrow columns".to_owned(),
        }),
        Some(format) => Ok(all(format.clone())),
        // An explicit mapping is used as given, the other roles detected.
        None if !options.columns.is_empty() => {
            mapped_columns_exist(names, options)
                .map_err(|source| ReadError::Arrow { file: file.to_owned(), source })?;
            let mut map = crate::read::detect_map(names, file, &options.columns)?;
            map.default_unit = unit.or(options.unit).map(|u| u.symbol().to_owned());
            Ok(all(Format::Generic(map)))
        }
        None => {
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            match Format::detect(&refs) {
                Some(format) => Ok(all(format)),
                // The header words of CSV tables, with their ambiguity rules
                // (two quantities of one kind, a date and a year, a name
                // twice: errors as for a CSV file), else the names of the
                // table above.
                None => match crate::read::detect_map(names, file, &[]) {
                    Ok(mut map) => {
                        map.default_unit = unit.or(options.unit).map(|u| u.symbol().to_owned());
                        Ok(all(Format::Generic(map)))
                    }
                    Err(e @ (ReadError::AmbiguousColumn { .. } | ReadError::DuplicateHeader { .. })) => Err(e),
                    Err(_) => mapping(names, unit.or(options.unit), file),
                },
            }
        }
    }
}

/// Every column an explicit mapping names is one of `names` (as written or
/// normalised), else an error naming it and the columns there are.
fn mapped_columns_exist(names: &[String], options: &ReadOptions) -> Result<(), BatchError> {
    let norm: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    for (role, header) in &options.columns {
        if !names.contains(header) && !norm.contains(&normalize(header)) {
            let (role, header, seen) = (role.to_string(), header.clone(), names.to_vec());
            return Err(BatchError::MappedColumn { role, header, seen });
        }
    }
    Ok(())
}

/// The role word users write for a role of [`ROLES`] (`substance` is `drug`).
fn role_word(role: &str) -> &str {
    if role == "substance" { "drug" } else { role }
}

/// The names accepted for a role, for messages: `"drug", "drug_type", ...`.
fn accepted(role: &str) -> String {
    let names = ROLES.iter().find(|(name, _)| *name == role).map_or(&[][..], |(_, names)| *names);
    let units = if role == "quantity" { &["kg", "mass_kg", "lbs", "litres", "units"][..] } else { &[] };
    names.iter().chain(units).map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// The column of a role: the first with a name accepted for it.
fn find_role(norm: &[String], role: &str) -> Option<usize> {
    let (_, accepted) = ROLES.iter().find(|(name, _)| *name == role)?;
    accepted.iter().find_map(|a| norm.iter().position(|n| n == a))
}

/// The generic mapping from the column names of the table in the module docs.
fn mapping(names: &[String], unit: Option<Unit>, file: &str) -> Result<Plan, ReadError> {
    let arrow = |source| ReadError::Arrow { file: file.to_owned(), source };
    let norm: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    let role = |r: &str| find_role(&norm, r);
    let missing = |r: &str| {
        let accepted =
            if r == "date" { format!("{} (or a year: {})", accepted("date"), accepted("year")) } else { accepted(r) };
        arrow(BatchError::MissingRole { role: role_word(r).to_owned(), accepted, seen: names.to_vec() })
    };
    let substance = role("substance").ok_or_else(|| missing("substance"))?;
    let (quantity, quantity_unit) = match role("quantity") {
        Some(q) => (q, None),
        None => UNIT_COLUMNS
            .iter()
            .find_map(|(n, u)| norm.iter().position(|x| x == n).map(|i| (i, Some(*u))))
            .ok_or_else(|| missing("quantity"))?,
    };
    let (date, year) = (role("date"), role("year"));
    if date.is_none() && year.is_none() {
        return Err(missing("date"));
    }
    let name = |c: Option<usize>| c.map(|c| names[c].clone());
    let map = ColumnMap {
        substance: names[substance].clone(),
        quantity: names[quantity].clone(),
        measures: Vec::new(),
        end: None,
        unit: name(role("unit")),
        default_unit: quantity_unit.or(unit).map(|u| u.symbol().to_owned()),
        date: name(date),
        year: name(year),
        country: name(role("country")),
        province: name(role("province")),
        locality: name(role("locality")),
        agency: name(role("agency")),
        seizures: name(role("seizures")),
        origin: name(role("origin")),
        destination: name(role("destination")),
    };
    let range = date.zip(role("end"));
    let mut used = vec![false; names.len()];
    let columns = [substance, quantity].into_iter().chain(range.map(|(_, end)| end));
    let roles =
        ["unit", "date", "year", "country", "province", "locality", "agency", "seizures", "origin", "destination"];
    for c in columns.chain(roles.iter().filter_map(|r| role(r))) {
        used[c] = true;
    }
    Ok(Plan { format: Format::Generic(map), range, used })
}

/// A column as the text a CSV would hold (nulls stay null); `None` for a
/// column of a type with no text form (a list, a struct).
fn text_column(a: &ArrayRef, mark: DecimalMark) -> Option<ArrayRef> {
    let a = match a.data_type() {
        DataType::Date64 | DataType::Timestamp(..) => arrow_cast::cast(a, &DataType::Date32).ok()?,
        _ => Arc::clone(a),
    };
    let numeric =
        a.data_type().is_floating() || matches!(a.data_type(), DataType::Decimal128(..) | DataType::Decimal256(..));
    let text = arrow_cast::cast(&a, &DataType::Utf8).ok()?;
    if !(numeric && mark == DecimalMark::Comma) {
        return Some(text);
    }
    // Numbers are written with a point; a reader told to take `,` as the
    // decimal mark gets them with a comma.
    let commas: StringArray = text.as_string::<i32>().iter().map(|v| v.map(|v| v.replace('.', ","))).collect();
    Some(Arc::new(commas))
}

fn cell(column: Option<&ArrayRef>, row: usize) -> &str {
    match column.map(|a| a.as_string::<i32>()) {
        Some(s) if !s.is_null(row) => s.value(row),
        _ => "",
    }
}

/// Reads record batches into a table and the totals they state, every row
/// accounted for as with the CSV readers: a row is read by the CSV layout its
/// column names match (or `options.format`), else by the mapping of the
/// module docs. `options.mode`, `options.missing`, `options.resolution`,
/// `options.country` and `options.decimal_mark` apply; `unit` is the unit of
/// a quantity column that has none of its own. Line numbers are 1-based row
/// numbers across the batches, which must all have the same columns.
pub fn read_batches(
    batches: &[RecordBatch],
    file: &str,
    options: &ReadOptions,
    unit: Option<Unit>,
) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
    let mut table = SeizureTable::new();
    let mut totals = Vec::new();
    let Some(first) = batches.first() else {
        let report = ReadReport { file: file.to_owned(), format: "arrow".to_owned(), ..ReadReport::default() };
        return Ok((table, totals, report));
    };
    table.reserve(batches.iter().map(RecordBatch::num_rows).sum());
    let names: Vec<String> = first.schema().fields().iter().map(|f| f.name().clone()).collect();
    let plan = plan(&names, options, unit, file)?;
    let mut rows = CellRows::new(&plan.format, names, file, options)?;
    let fail = |source: BatchError| ReadError::Arrow { file: file.to_owned(), source };
    let mut record = csv::StringRecord::new();
    let mut range = String::new();
    let mut line: u64 = 0;
    for (b, batch) in batches.iter().enumerate() {
        let texts = batch_texts(batch, b, rows.header(), &plan, options.decimal_mark).map_err(fail)?;
        for row in 0..batch.num_rows() {
            line += 1;
            fill_record(&mut record, &texts, row, plan.range, &mut range);
            rows.row(&record, line, &mut |r| match r {
                Record::Seizure(s) => table.push(&s).map_err(|e| RowError::Unsupported { message: e.to_string() }),
                Record::Total(t) => {
                    totals.push(t);
                    Ok(())
                }
            })?;
        }
    }
    let mut report = rows.finish();
    report.format = format!("arrow ({})", report.format);
    // Columns the layout does not read are kept with the records
    // (`Seizure::columns`); only those without a text form are unread.
    let header = names_of(first);
    let textless = first.columns().iter().map(|a| text_column(a, options.decimal_mark).is_none());
    report.unread_columns.extend(
        header
            .into_iter()
            .zip(plan.used.iter().zip(textless))
            .filter(|(_, (used, no_text))| !**used && *no_text)
            .map(|(n, _)| n),
    );
    table.shrink_to_fit();
    Ok((table, totals, report))
}

/// A batch's columns as text (`None` for a column without a text form that
/// the layout does not read), after checking they are the first batch's.
fn batch_texts(
    batch: &RecordBatch,
    b: usize,
    header: &[String],
    plan: &Plan,
    mark: DecimalMark,
) -> Result<Vec<Option<ArrayRef>>, BatchError> {
    let these: Vec<&String> = batch.schema_ref().fields().iter().map(|f| f.name()).collect();
    if these.iter().copied().ne(header.iter()) {
        return Err(BatchError::Columns {
            batch: b + 1,
            found: these.iter().map(|s| (*s).clone()).collect(),
            expected: header.to_vec(),
        });
    }
    let mut texts = Vec::with_capacity(these.len());
    for (c, a) in batch.columns().iter().enumerate() {
        let text = text_column(a, mark);
        if text.is_none() && plan.used[c] {
            return Err(BatchError::ColumnType { column: these[c].clone(), data_type: a.data_type().to_string() });
        }
        texts.push(text);
    }
    Ok(texts)
}

/// Row `row` of the text columns as a CSV record; a mapping's date and end
/// columns become one `START..END` field (`range` is scratch space).
fn fill_record(
    record: &mut csv::StringRecord,
    texts: &[Option<ArrayRef>],
    row: usize,
    date_range: Option<(usize, usize)>,
    range: &mut String,
) {
    record.clear();
    for (c, text) in texts.iter().enumerate() {
        match date_range {
            Some((date, end)) if c == date => {
                range.clear();
                range.push_str(cell(text.as_ref(), row));
                if !range.is_empty() {
                    range.push_str("..");
                    range.push_str(cell(texts[end].as_ref(), row));
                }
                record.push_field(range);
            }
            // The end is read in the date's field: not a column of its own to keep.
            Some((_, end)) if c == end => record.push_field(""),
            _ => record.push_field(cell(text.as_ref(), row)),
        }
    }
}

fn names_of(batch: &RecordBatch) -> Vec<String> {
    batch.schema_ref().fields().iter().map(|f| f.name().clone()).collect()
}

/// Reads record batches into a table (see [`read_batches`]); totals the
/// batches state (a wide table's total rows) are counted in the report but
/// not kept: use [`read_batches`] for them.
///
/// ```
/// use arrow_array::{Float64Array, RecordBatch, StringArray, Int64Array};
/// use narcostat::{Unit, arrow::table_from_batches, read::ReadOptions};
/// use std::sync::Arc;
/// let batch = RecordBatch::try_from_iter([
///     ("drug", Arc::new(StringArray::from(vec!["Opium", "Hashish"])) as _),
///     ("kg", Arc::new(Float64Array::from(vec![47767.0, 5637.5])) as _),
///     ("year", Arc::new(Int64Array::from(vec![2021, 2021])) as _),
/// ]).unwrap();
/// let (table, report) = table_from_batches(&[batch], "df", &ReadOptions::default(), None).unwrap();
/// assert_eq!((table.len(), report.rows_accepted), (2, 2));
/// assert_eq!(table.row(1).unwrap().quantity.unwrap().to_string(), "5637.5 kg");
/// ```
pub fn table_from_batches(
    batches: &[RecordBatch],
    file: &str,
    options: &ReadOptions,
    unit: Option<Unit>,
) -> Result<(SeizureTable, ReadReport), ReadError> {
    read_batches(batches, file, options, unit).map(|(table, _, report)| (table, report))
}

#[cfg(test)]
mod tests;
