//! Generic tables: any seizure table read through a column mapping.

use super::cells::{self, find, is_missing};
use super::csv_driver::{CellError, Row, RowParser};
use super::error::{ReadError, RowError};
use super::format::ColumnMap;
use super::kept::KeptColumns;
use super::layouts::bare_seizure;
use super::options::{ReadOptions, Record};
use crate::place::Place;
use crate::quantity::{Decimal, Quantity, Unit};

/// The row parser of a generic table.
pub(super) struct Generic {
    names: cells::Names,
    file: String,
    opts: ReadOptions,
    substance: usize,
    quantity: usize,
    unit: Option<usize>,
    default_unit: Option<Unit>,
    date: Option<usize>,
    year: Option<usize>,
    country: Option<usize>,
    province: Option<usize>,
    locality: Option<usize>,
    agency: Option<usize>,
    seizures: Option<usize>,
    origin: Option<usize>,
    destination: Option<usize>,
    /// The columns mapped to no role.
    kept: KeptColumns,
}

impl Generic {
    pub(super) fn new(map: &ColumnMap, header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
        let missing = |c: &str| ReadError::MissingColumn { file: file.to_owned(), column: c.to_owned() };
        let need = |c: &str| find(header, &[c]).ok_or_else(|| missing(c));
        let opt = |c: &Option<String>| -> Result<Option<usize>, ReadError> { c.as_deref().map(need).transpose() };
        let date = opt(&map.date)?;
        let year = opt(&map.year)?;
        if date.is_none() && year.is_none() {
            return Err(missing("date or year"));
        }
        let default_unit = match &map.default_unit {
            Some(u) => Some(Unit::parse(u).ok_or_else(|| missing(&format!("unit {u:?}")))?),
            None => None,
        };
        let mut this = Self {
            names: cells::Names::default(),
            file: file.to_owned(),
            opts: opts.clone(),
            substance: need(&map.substance)?,
            quantity: need(&map.quantity)?,
            unit: opt(&map.unit)?,
            default_unit,
            date,
            year,
            country: opt(&map.country)?,
            province: opt(&map.province)?,
            locality: opt(&map.locality)?,
            agency: opt(&map.agency)?,
            seizures: opt(&map.seizures)?,
            origin: opt(&map.origin)?,
            destination: opt(&map.destination)?,
            kept: KeptColumns::default(),
        };
        this.kept = KeptColumns::new(header, &this.used());
        Ok(this)
    }

    /// The columns the mapping reads.
    fn used(&self) -> Vec<usize> {
        let optional = [
            self.unit,
            self.date,
            self.year,
            self.country,
            self.province,
            self.locality,
            self.agency,
            self.seizures,
            self.origin,
            self.destination,
        ];
        [self.substance, self.quantity].into_iter().chain(optional.into_iter().flatten()).collect()
    }
}

impl RowParser for Generic {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let substance = self.names.substance(row, self.substance, &self.opts)?;
        let period = match (self.date, self.year) {
            (Some(c), _) => cells::date(row, c)?,
            (None, Some(c)) => cells::year(row, c)?,
            (None, None) => {
                return Err(CellError { column: None, value: None, reason: RowError::Missing });
            }
        };
        let qcol = self.quantity;
        let v = row.get(qcol);
        let quantity = if is_missing(v) {
            cells::quantity(row, qcol, Unit::Kilogram, self.opts.decimal_mark, &self.opts)?
        } else if let Some(ucol) = self.unit.filter(|&u| !row.get(u).is_empty() || self.default_unit.is_none()) {
            let u = row.get(ucol);
            let unit =
                Unit::parse(u).ok_or_else(|| CellError::at(ucol, u, RowError::UnknownUnit { value: u.to_owned() }))?;
            cells::quantity(row, qcol, unit, self.opts.decimal_mark, &self.opts)?
        } else if v.chars().any(char::is_alphabetic)
            && v.chars().next().is_some_and(|c| c.is_numeric() || matches!(c, '-' | '+' | '.'))
            && Decimal::parse(v, self.opts.decimal_mark).is_err()
        {
            Some(
                Quantity::parse_with(v, self.opts.decimal_mark)
                    .map_err(|e| CellError::at(qcol, v, cells::quantity_error(v, e)))?,
            )
        } else {
            let unit = self
                .default_unit
                .ok_or_else(|| CellError::at(qcol, v, RowError::UnknownUnit { value: String::new() }))?;
            cells::quantity(row, qcol, unit, self.opts.decimal_mark, &self.opts)?
        };
        let text = |c: Option<usize>| c.map(|c| row.get(c).to_owned()).filter(|s| !s.is_empty());
        let country = match self.country {
            Some(c) => cells::country(row, c)?,
            None => self.opts.country,
        };
        let province = text(self.province).map(|p| {
            crate::place::IranProvince::resolve(&p)
                .filter(|_| country.is_some_and(|c| c.as_str() == "IRN"))
                .map_or(p, |ir| ir.code().to_owned())
        });
        let place = Place { country, country_name: None, province, locality: text(self.locality) };
        let mut s = bare_seizure(substance, quantity, period, place, self.opts.source_of(&self.file, row.line));
        s.agency = text(self.agency);
        s.seizures = match self.seizures {
            Some(c) => cells::count(row, c)?,
            None => None,
        };
        s.origin = match self.origin {
            Some(c) => cells::country(row, c)?,
            None => None,
        };
        s.destination = match self.destination {
            Some(c) => cells::country(row, c)?,
            None => None,
        };
        s.columns = self.kept.values(row);
        out.push(Record::Seizure(s));
        Ok(())
    }
}
