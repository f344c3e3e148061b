//! Detection by header: the column mapping of a table that is none of the
//! fixed layouts, from the words of its header and the explicit mapping.

use super::column_role::ColumnRole;
use super::error::ReadError;
use super::format::{ColumnMap, Format};
use super::header_words::{HeaderWord, header_word};
use super::options::ReadOptions;
use crate::quantity::{Dimension, Unit};
use crate::substance::normalize;

/// The format of a CSV (or spreadsheet) header: the option's; a generic
/// mapping when the options carry explicit columns (a mapping given is
/// never ignored); a fixed layout (UNODC, CBP, wide) when the header is
/// one; else a mapping detected from the header words.
pub(crate) fn format_of(header: &[String], file: &str, options: &ReadOptions) -> Result<Format, ReadError> {
    if let Some(f) = &options.format {
        return Ok(f.clone());
    }
    if options.columns.is_empty() {
        let refs: Vec<&str> = header.iter().map(String::as_str).collect();
        if let Some(f) = Format::detect(&refs) {
            return Ok(f);
        }
    }
    detect_map(header, file, &options.columns).map(Format::Generic)
}

/// The mapping of `header`: `explicit` roles first, the others detected.
///
/// Every required role (drug, quantity, a date or year) must be found
/// once: two candidates are an [`ReadError::AmbiguousColumn`], none a
/// [`ReadError::MissingRole`], never a guess.
pub(crate) fn detect_map(
    header: &[String],
    file: &str,
    explicit: &[(ColumnRole, String)],
) -> Result<ColumnMap, ReadError> {
    super::duplicate_header::no_duplicate(header, file)?;
    if let Some((_, absent)) = explicit.iter().find(|(_, e)| !header.iter().any(|h| normalize(h) == normalize(e))) {
        return Err(ReadError::MissingColumn { file: file.to_owned(), column: absent.clone() });
    }
    let named = |role: ColumnRole| explicit.iter().find(|(r, _)| *r == role).map(|(_, h)| h.clone());
    let taken = |h: &str| explicit.iter().any(|(_, e)| normalize(e) == normalize(h));
    let free: Vec<(&String, Option<HeaderWord>)> =
        header.iter().filter(|h| !taken(h)).map(|h| (h, header_word(h))).collect();
    let candidates = |role: ColumnRole| candidates(&free, role);
    let one = |role: ColumnRole| -> Result<Option<String>, ReadError> {
        if let Some(h) = named(role) {
            return Ok(Some(h));
        }
        let mut found = candidates(role);
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.pop()),
            _ => Err(ambiguous(file, role, found)),
        }
    };
    if free.iter().all(|(_, w)| w.is_none()) && explicit.is_empty() {
        return Err(ReadError::UnknownFormat { file: file.to_owned(), header: header.join(",") });
    }
    let substance = match one(ColumnRole::Drug)? {
        Some(h) => h,
        None => drug_named_name(&free, file, header)?,
    };
    let (quantity, measures) =
        match (quantities(&free, file, header, named(ColumnRole::Quantity)), persian_number(&free)) {
            (Err(ReadError::MissingRole { .. }), Some(number)) if named(ColumnRole::Seizures).is_none() => {
                (number, Vec::new())
            }
            (other, _) => other?,
        };
    let seizures = one(ColumnRole::Seizures)?.filter(|s| *s != quantity);
    // A mapping that names one of date and year settles the time column: the
    // other is not looked for (and is kept).
    let (date_named, year_named) = (named(ColumnRole::Date).is_some(), named(ColumnRole::Year).is_some());
    let date = if year_named && !date_named { None } else { one(ColumnRole::Date)? };
    let month_only = date.as_deref().is_some_and(super::time_cells::is_month_header);
    let year = if date_named && !year_named && !month_only { None } else { one(ColumnRole::Year)? };
    // A date column and a year column are two answers to one question,
    // unless the date is a month of the year (`Year`, `Month`).
    if let (Some(d), Some(y)) = (&date, &year) {
        if !month_only {
            return Err(ReadError::AmbiguousColumn {
                file: file.to_owned(),
                role: "date".to_owned(),
                candidates: vec![d.clone(), y.clone()],
            });
        }
    }
    if date.is_none() && year.is_none() {
        return Err(missing(file, "date or year", header));
    }
    Ok(ColumnMap {
        substance,
        quantity,
        measures,
        unit: one(ColumnRole::Unit)?,
        default_unit: None,
        end: date.as_ref().and(end_of(&free, file)?),
        date,
        year,
        country: one(ColumnRole::Country)?,
        province: one(ColumnRole::Province)?,
        locality: one(ColumnRole::Locality)?,
        agency: one(ColumnRole::Agency)?,
        seizures,
        origin: one(ColumnRole::Origin)?,
        destination: one(ColumnRole::Destination)?,
    })
}

/// The headers of the first tier with any header for `role`.
fn candidates(free: &[(&String, Option<HeaderWord>)], role: ColumnRole) -> Vec<String> {
    let tier_of = |w: &Option<HeaderWord>| match w {
        Some(HeaderWord::Role(r, tier)) if *r == role => Some(*tier),
        _ => None,
    };
    let Some(best) = free.iter().filter_map(|(_, w)| tier_of(w)).min() else { return Vec::new() };
    free.iter().filter(|(_, w)| tier_of(w) == Some(best)).map(|(h, _)| (*h).clone()).collect()
}

/// The quantity column and further measures: the explicit one; else one
/// `quantity`-like column; else every column whose header names its unit,
/// each a separate measure. Two bare quantity columns are ambiguous.
fn quantities(
    free: &[(&String, Option<HeaderWord>)],
    file: &str,
    header: &[String],
    named: Option<String>,
) -> Result<(String, Vec<String>), ReadError> {
    if let Some(h) = named {
        return Ok((h, Vec::new()));
    }
    let bare = candidates(free, ColumnRole::Quantity);
    let in_unit: Vec<(String, Unit)> = free
        .iter()
        .filter_map(|(h, w)| match w {
            Some(HeaderWord::QuantityIn(u)) => Some(((*h).clone(), *u)),
            _ => None,
        })
        .collect();
    // Measures are of different kinds (mass, volume, counts): two columns
    // of one kind are the same quantity in two units, never added twice.
    for (k, (h, unit)) in in_unit.iter().enumerate() {
        if let Some((other, _)) = in_unit[..k].iter().find(|(_, u)| same_kind(*u, *unit)) {
            return Err(ambiguous(file, ColumnRole::Quantity, vec![other.clone(), h.clone()]));
        }
    }
    let in_unit: Vec<String> = in_unit.into_iter().map(|(h, _)| h).collect();
    match (bare.as_slice(), in_unit.split_first()) {
        ([one], None) => Ok((one.clone(), Vec::new())),
        ([], Some((first, rest))) => Ok((first.clone(), rest.to_vec())),
        ([], None) => Err(missing(file, "quantity", header)),
        _ => Err(ambiguous(file, ColumnRole::Quantity, bare.into_iter().chain(in_unit).collect())),
    }
}

/// The `تعداد` ("number") column, if the header has one.
fn persian_number(free: &[(&String, Option<HeaderWord>)]) -> Option<String> {
    free.iter().find(|(h, _)| normalize(h) == super::header_words::PERSIAN_NUMBER).map(|(h, _)| (*h).clone())
}

/// A bare `name` column when no other column is the drug: it may be a
/// person's name, so it is an error that shows the mapping to write.
fn drug_named_name(free: &[(&String, Option<HeaderWord>)], file: &str, header: &[String]) -> Result<String, ReadError> {
    match free.iter().find(|(_, w)| *w == Some(HeaderWord::PersonOrDrug)) {
        Some((h, _)) => Err(ReadError::UncertainColumn {
            file: file.to_owned(),
            role: ColumnRole::Drug.to_string(),
            header: (*h).clone(),
        }),
        None => Err(missing(file, "drug", header)),
    }
}

/// The end column of a period, when the header has one (`end`).
fn end_of(free: &[(&String, Option<HeaderWord>)], file: &str) -> Result<Option<String>, ReadError> {
    let ends: Vec<String> =
        free.iter().filter(|(_, w)| *w == Some(HeaderWord::End)).map(|(h, _)| (*h).clone()).collect();
    match ends.len() {
        0 | 1 => Ok(ends.into_iter().next()),
        _ => Err(ReadError::AmbiguousColumn { file: file.to_owned(), role: "end".to_owned(), candidates: ends }),
    }
}

/// Whether two units measure the same kind of thing: both masses, both
/// volumes, or the same counted item (tablets and plants are different kinds).
fn same_kind(a: Unit, b: Unit) -> bool {
    match (a.dimension(), b.dimension()) {
        (Dimension::Count, Dimension::Count) => a == b,
        (x, y) => x == y,
    }
}

fn ambiguous(file: &str, role: ColumnRole, candidates: Vec<String>) -> ReadError {
    ReadError::AmbiguousColumn { file: file.to_owned(), role: role.to_string(), candidates }
}

fn missing(file: &str, role: &str, header: &[String]) -> ReadError {
    ReadError::MissingRole { file: file.to_owned(), role: role.to_owned(), header: header.to_vec() }
}
