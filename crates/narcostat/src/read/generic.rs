//! Generic tables: any seizure table read through a column mapping.

use super::cells::{self, find, is_missing};
use super::csv_driver::{CellError, Row, RowParser};
use super::decimal_column::DecimalColumn;
use super::error::{ReadError, RowError};
use super::format::ColumnMap;
use super::header_words::header_unit;
use super::kept::KeptColumns;
use super::layouts::bare_seizure;
use super::options::{ReadOptions, Record};
use super::records_layout::RecordsColumns;
use super::time_cells::{YearKind, date_in, is_month_header, year_in, year_month};
use crate::period::{Calendar, Period};
use crate::place::Place;
use crate::quantity::{Decimal, DecimalMark, Quantity, Unit};
use crate::substance::normalize;

/// A quantity column and the unit its header carries.
struct QuantityColumn {
    index: usize,
    header_unit: Option<Unit>,
    /// The column's decimal convention.
    decimal: DecimalColumn,
}

/// The row parser of a generic table.
pub(super) struct Generic {
    names: cells::Names,
    file: String,
    opts: ReadOptions,
    substance: usize,
    quantities: Vec<QuantityColumn>,
    unit: Option<usize>,
    default_unit: Option<Unit>,
    date: Option<usize>,
    end: Option<usize>,
    year: Option<(usize, YearKind)>,
    /// The date column is a month of the year column.
    month_of_year: bool,
    country: Option<usize>,
    province: Option<usize>,
    locality: Option<usize>,
    agency: Option<usize>,
    seizures: Option<usize>,
    origin: Option<usize>,
    destination: Option<usize>,
    mapping: Vec<(String, String)>,
    zero_cells: u64,
    /// The columns mapped to no role.
    kept: KeptColumns,
    /// narcostat's own records CSV: the columns it reads besides the mapping.
    records: Option<RecordsColumns>,
}

impl Generic {
    pub(super) fn new(map: &ColumnMap, header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
        super::duplicate_header::no_duplicate(header, file)?;
        let missing = |c: &str| ReadError::MissingColumn { file: file.to_owned(), column: c.to_owned() };
        let need = |c: &str| find(header, &[c]).ok_or_else(|| missing(c));
        let opt = |c: &Option<String>| -> Result<Option<usize>, ReadError> { c.as_deref().map(need).transpose() };
        let date = opt(&map.date)?;
        let year = opt(&map.year)?.map(|c| (c, year_kind(&header[c], opts.calendar)));
        if date.is_none() && year.is_none() {
            return Err(missing("date or year"));
        }
        let default_unit = match &map.default_unit {
            Some(u) => Some(Unit::parse(u).ok_or_else(|| missing(&format!("unit {u:?}")))?),
            None => opts.unit,
        };
        let quantities = std::iter::once(&map.quantity)
            .chain(&map.measures)
            .map(|h| {
                need(h).map(|index| QuantityColumn {
                    index,
                    header_unit: header_unit(&header[index]),
                    decimal: DecimalColumn::new(opts),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut this = Self {
            names: cells::Names::default(),
            file: file.to_owned(),
            opts: opts.clone(),
            substance: need(&map.substance)?,
            quantities,
            unit: opt(&map.unit)?,
            default_unit,
            date,
            end: opt(&map.end)?,
            month_of_year: date.is_some_and(|c| is_month_header(&header[c])) && year.is_some(),
            year,
            country: opt(&map.country)?,
            province: opt(&map.province)?,
            locality: opt(&map.locality)?,
            agency: opt(&map.agency)?,
            seizures: opt(&map.seizures)?,
            origin: opt(&map.origin)?,
            destination: opt(&map.destination)?,
            mapping: super::mapping_report::mapping_of(map, header),
            zero_cells: 0,
            kept: KeptColumns::default(),
            records: RecordsColumns::of(header),
        };
        if let Some(records) = &this.records {
            this.substance = records.name;
        }
        this.kept = KeptColumns::new(header, &this.used());
        Ok(this)
    }

    /// The columns the mapping reads.
    fn used(&self) -> Vec<usize> {
        let optional = [
            self.unit,
            self.date,
            self.end,
            self.year.map(|(c, _)| c),
            self.country,
            self.province,
            self.locality,
            self.agency,
            self.seizures,
            self.origin,
            self.destination,
        ];
        let quantities = self.quantities.iter().map(|q| q.index);
        let records = self.records.iter().flat_map(RecordsColumns::used);
        std::iter::once(self.substance).chain(quantities).chain(optional.into_iter().flatten()).chain(records).collect()
    }

    /// The quantity of one cell: with the unit cell's unit, else the unit
    /// written in the cell (`12 kg`), else the header's, else the default.
    fn quantity(&self, row: &Row<'_>, col: &QuantityColumn, mark: DecimalMark) -> Result<Option<Quantity>, CellError> {
        let qcol = col.index;
        let v = row.get(qcol);
        if is_missing(v) {
            return cells::quantity(row, qcol, Unit::Kilogram, mark, &self.opts);
        }
        if let Some(ucol) = self.unit.filter(|&u| !is_missing(row.get(u))) {
            let u = row.get(ucol);
            let unit =
                Unit::parse(u).ok_or_else(|| CellError::at(ucol, u, RowError::UnknownUnit { value: u.to_owned() }))?;
            return cells::quantity(row, qcol, unit, mark, &self.opts);
        }
        if v.chars().any(char::is_alphabetic)
            && v.chars().next().is_some_and(|c| c.is_numeric() || matches!(c, '-' | '+' | '.'))
            && Decimal::parse(v, mark).is_err()
        {
            return Quantity::parse_with(v, mark)
                .map(Some)
                .map_err(|e| CellError::at(qcol, v, cells::quantity_error(v, e)));
        }
        let unit = col
            .header_unit
            .or(self.default_unit)
            .ok_or_else(|| CellError::at(qcol, v, RowError::NoUnit { value: v.to_owned() }))?;
        cells::quantity(row, qcol, unit, mark, &self.opts)
    }

    /// The quantities of a row: one (possibly none), or with several
    /// measures one per non-empty, non-zero cell.
    fn quantities(&mut self, row: &Row<'_>) -> Result<Vec<Option<Quantity>>, CellError> {
        let mut marks = Vec::with_capacity(self.quantities.len());
        for col in &mut self.quantities {
            let v = row.get(col.index);
            // A missing value (`...`, `n/a`) says nothing about the decimal mark.
            let mark = if is_missing(v) { Ok(DecimalMark::Point) } else { col.decimal.mark_for(v) };
            marks.push(mark.map_err(|e| CellError::at(col.index, v, e))?);
        }
        if let ([one], [mark]) = (self.quantities.as_slice(), marks.as_slice()) {
            return Ok(vec![self.quantity(row, one, *mark)?]);
        }
        let mut out = Vec::new();
        for (col, mark) in self.quantities.iter().zip(marks) {
            match self.quantity(row, col, mark)? {
                Some(q) if q.base() > 0 => out.push(Some(q)),
                // Zero or empty cells of several measures mean "nothing seized", as in wide tables.
                _ => self.zero_cells += 1,
            }
        }
        Ok(out)
    }

    fn period(&self, row: &Row<'_>) -> Result<Period, CellError> {
        match (self.date, self.year) {
            (Some(c), Some(year)) if self.month_of_year => year_month(row, year, c),
            (Some(c), _) => {
                let start = date_in(row, c, self.opts.calendar)?;
                match self.end.filter(|&e| !is_missing(row.get(e))) {
                    Some(e) => {
                        let end = date_in(row, e, self.opts.calendar)?;
                        let v = row.get(e);
                        let period = Period::new(start.start, end.end)
                            .map_err(|err| CellError::at(e, v, RowError::Unsupported { message: err.to_string() }))?;
                        cells::fits_table(period, e, v)
                    }
                    None => Ok(start),
                }
            }
            (None, Some((c, kind))) => year_in(row, c, kind),
            (None, None) => Err(CellError { column: None, value: None, reason: RowError::Missing }),
        }
    }

    fn place(&self, row: &Row<'_>) -> Result<Place, CellError> {
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
        Ok(Place { country, country_name: None, province, locality: text(self.locality) })
    }
}

/// How a year column is read: `FY` / `Fiscal Year` as US fiscal years,
/// else in the table's calendar.
fn year_kind(header: &str, calendar: Calendar) -> YearKind {
    match (normalize(header).as_str(), calendar) {
        ("fy" | "fiscalyear", _) => YearKind::Fiscal,
        (_, Calendar::SolarHijri) => YearKind::SolarHijri,
        (_, Calendar::Gregorian) => YearKind::Calendar,
    }
}

impl RowParser for Generic {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let mut substance = self.names.substance(row, self.substance, &self.opts)?;
        let period = self.period(row)?;
        let quantities = self.quantities(row)?;
        let mut place = self.place(row)?;
        if let Some(records) = &self.records {
            let text = |c: usize| Some(row.get(c).to_owned()).filter(|s| !s.is_empty());
            substance.specific = text(records.specific);
            place.country_name = text(records.country_name);
        }
        let text = |c: Option<usize>| c.map(|c| row.get(c).to_owned()).filter(|s| !s.is_empty());
        let seizures = self.seizures.map(|c| cells::count(row, c)).transpose()?.flatten();
        let origin = self.origin.map(|c| cells::country(row, c)).transpose()?.flatten();
        let destination = self.destination.map(|c| cells::country(row, c)).transpose()?.flatten();
        let source = self.opts.source_of(&self.file, row.line);
        let kept = self.kept.values(row);
        for (k, quantity) in quantities.into_iter().enumerate() {
            let mut s = bare_seizure(substance.clone(), quantity, period, place.clone(), source.clone());
            s.agency = text(self.agency);
            // The row's events are counted once, with its first measure.
            s.seizures = seizures.filter(|_| k == 0);
            s.origin = origin;
            s.destination = destination;
            s.columns = kept.clone();
            out.push(Record::Seizure(s));
        }
        Ok(())
    }

    fn zero_cells(&self) -> u64 {
        self.zero_cells
    }

    fn mapping(&self) -> Vec<(String, String)> {
        self.mapping.clone()
    }
}
