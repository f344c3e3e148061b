//! The row parsers of each CSV layout.

use super::cells::{self, comma_unless_point, find, is_missing};
use super::csv_driver::{CellError, Row, RowParser};
use super::error::{ReadError, RowError};
use super::format::{ColumnMap, Format, wide_unit};
use super::options::{ReadOptions, Record};
use crate::period::{Date, Period};
use crate::place::{CountryCode, Place};
use crate::quantity::{Decimal, DecimalMark, Quantity, Unit};
use crate::record::{Qualifier, ReportedTotal, Seizure};
use crate::substance::{Drug, Substance};

pub(crate) fn parser(
    format: &Format,
    header: &[String],
    file: &str,
    opts: &ReadOptions,
) -> Result<Box<dyn RowParser>, ReadError> {
    let need = |names: &[&str]| {
        find(header, names)
            .ok_or_else(|| ReadError::MissingColumn { file: file.to_owned(), column: names[0].to_owned() })
    };
    Ok(match format {
        Format::UnodcAnnual | Format::UnodcSubregional => Box::new(Unodc {
            names: cells::Names::default(),
            file: file.to_owned(),
            opts: opts.clone(),
            country: find(header, &["country"]),
            code: need(&["ISO Code", "CountryCode"])?,
            drug: need(&["Drug"])?,
            specific: find(header, &["SpecificDrugName"]),
            year: need(&["Year"])?,
            kg: need(&["KG Equivalent", "KgEquivalent"])?,
            comment: find(header, &["Comment"]),
            semicolon_convention: *format == Format::UnodcSubregional,
            flagged: 0,
        }),
        Format::Cbp => Box::new(Cbp {
            names: cells::Names::default(),
            file: file.to_owned(),
            opts: opts.clone(),
            fy: need(&["FY"])?,
            month: need(&["Month (abbv)"])?,
            component: find(header, &["Component"]),
            region: find(header, &["Region"]),
            land: find(header, &["Land Filter"]),
            office: find(header, &["Area of Responsibility", "Branch"]),
            drug: need(&["Drug Type"])?,
            events: find(header, &["Count of Event"]),
            lbs: need(&["Sum Qty (lbs)"])?,
        }),
        Format::Wide => Box::new(Wide::new(header, file, opts)?),
        Format::Generic(map) => Box::new(Generic::new(map, header, file, opts)?),
        Format::Json | Format::Ndjson => {
            return Err(ReadError::UnknownFormat {
                file: file.to_owned(),
                header: "JSON is not a CSV layout".to_owned(),
            });
        }
    })
}

fn bare_seizure(
    substance: Substance,
    quantity: Option<Quantity>,
    period: Period,
    place: Place,
    source: Option<String>,
) -> Seizure {
    Seizure {
        substance,
        quantity,
        seizures: None,
        period,
        place,
        agency: None,
        source,
        origin: None,
        destination: None,
        notes: Vec::new(),
    }
}

// ---- UNODC ----

struct Unodc {
    names: cells::Names,
    file: String,
    opts: ReadOptions,
    country: Option<usize>,
    code: usize,
    drug: usize,
    specific: Option<usize>,
    year: usize,
    kg: usize,
    comment: Option<usize>,
    /// The semicolon file's older editions wrote decimal commas.
    semicolon_convention: bool,
    /// Records flagged so far (plants in the kg column).
    flagged: u64,
}

/// Drugs that UNODC tables report in the kg column although they are counted.
fn counted_in_kg_column(drug: Drug) -> bool {
    matches!(drug, Drug::CannabisPlants | Drug::PoppyPlants | Drug::CocaBush)
}

impl RowParser for Unodc {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let mut substance = self.names.substance(row, self.drug, &self.opts)?;
        if let Some(c) = self.specific {
            let s = row.get(c);
            if !s.is_empty() {
                substance.specific = Some(s.to_owned());
            }
        }
        let period = cells::year(row, self.year)?;
        let code_text = row.get(self.code);
        let name = self.country.map(|c| row.get(c).to_owned()).filter(|n| !n.is_empty());
        let country = CountryCode::resolve(code_text)
            .or_else(|| name.as_deref().and_then(CountryCode::resolve))
            .or(self.opts.country);
        let place = Place {
            country,
            country_name: name.or_else(|| (!is_missing(code_text)).then(|| code_text.to_owned())),
            ..Place::default()
        };
        let counted = counted_in_kg_column(substance.drug);
        let unit = if counted { Unit::Plant } else { Unit::Kilogram };
        let v = row.get(self.kg);
        let mark = if self.semicolon_convention { comma_unless_point(v) } else { DecimalMark::Point };
        let quantity = cells::quantity(row, self.kg, unit, mark, &self.opts)?;
        let mut s = bare_seizure(substance, quantity, period, place, self.opts.source_of(&self.file, row.line));
        if counted && quantity.is_some() {
            s.notes.push(format!("{} reported in the kg column: read as a count of plants", s.substance.name));
            self.flagged += 1;
        }
        if let Some(c) = self.comment {
            let text = row.get(c);
            if !text.is_empty() {
                s.notes.push(text.to_owned());
            }
        }
        out.push(Record::Seizure(s));
        Ok(())
    }

    fn flagged(&self) -> u64 {
        self.flagged
    }
}

// ---- CBP ----

struct Cbp {
    names: cells::Names,
    file: String,
    opts: ReadOptions,
    fy: usize,
    month: usize,
    component: Option<usize>,
    region: Option<usize>,
    land: Option<usize>,
    office: Option<usize>,
    drug: usize,
    events: Option<usize>,
    lbs: usize,
}

const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

impl RowParser for Cbp {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let substance = self.names.substance(row, self.drug, &self.opts)?;
        let fy_text = row.get(self.fy);
        let bad_fy = || CellError::at(self.fy, fy_text, RowError::BadDate { value: fy_text.to_owned() });
        let digits: String = fy_text.chars().take_while(char::is_ascii_digit).collect();
        let fy: i32 = digits.parse().map_err(|_| bad_fy())?;
        let fytd = fy_text.to_ascii_uppercase().contains("FYTD");
        let m_text = row.get(self.month);
        let month = MONTHS
            .iter()
            .position(|m| m_text.eq_ignore_ascii_case(m) || m_text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(m)))
            .ok_or_else(|| CellError::at(self.month, m_text, RowError::BadDate { value: m_text.to_owned() }))?
            as u32
            + 1;
        // US federal fiscal year FY runs from October of FY-1 to September of FY.
        let year = if month >= 10 { fy - 1 } else { fy };
        let period = Period::parse(&format!("{year:04}-{month:02}")).map_err(|_| bad_fy())?;
        let office = self.office.map(|c| row.get(c).to_owned()).filter(|s| !s.is_empty());
        let place = Place { country: CountryCode::from_code("USA"), locality: office, ..Place::default() };
        let quantity = cells::quantity(row, self.lbs, Unit::Pound, DecimalMark::Point, &self.opts)?;
        let mut s = bare_seizure(substance, quantity, period, place, self.opts.source_of(&self.file, row.line));
        s.agency = self.component.map(|c| row.get(c).to_owned()).filter(|a| !a.is_empty());
        s.seizures = match self.events {
            Some(c) => cells::count(row, c)?,
            None => None,
        };
        for (col, label) in [(self.region, "CBP region"), (self.land, "land filter")] {
            if let Some(c) = col {
                let v = row.get(c);
                if !v.is_empty() {
                    s.notes.push(format!("{label}: {v}"));
                }
            }
        }
        if fytd {
            s.notes.push(format!("fiscal year {fy} to date"));
        }
        out.push(Record::Seizure(s));
        Ok(())
    }
}

// ---- wide national tables ----

struct WideColumn {
    index: usize,
    substance: Substance,
    unit: Unit,
}

struct Wide {
    file: String,
    opts: ReadOptions,
    year: usize,
    place: Option<usize>,
    columns: Vec<WideColumn>,
    is_total: Option<usize>,
    totals: Vec<(usize, Unit, String)>,
    extra: Vec<(usize, String)>,
    zero_cells: u64,
}

impl Wide {
    fn new(header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
        let year = find(header, &["Year"])
            .ok_or_else(|| ReadError::MissingColumn { file: file.to_owned(), column: "Year".to_owned() })?;
        let mut columns = Vec::new();
        let mut totals = Vec::new();
        let mut extra = Vec::new();
        let mut place = None;
        let is_total = find(header, &["Is_Total_Row", "IsTotal"]);
        for (i, h) in header.iter().enumerate() {
            if i == year || Some(i) == is_total {
                continue;
            }
            let norm = crate::substance::normalize(h);
            if let Some(unit) = norm.strip_prefix("total").and_then(|u| match u {
                "kg" => Some(Unit::Kilogram),
                "litre" | "l" => Some(Unit::Litre),
                "units" | "no" => Some(Unit::Unit),
                _ => None,
            }) {
                totals.push((i, unit, h.clone()));
                continue;
            }
            let split = h.rsplit_once('_');
            match (wide_unit(&norm), split) {
                (Some((_, unit)), Some((drug, _))) => {
                    let drug_name = drug.replace('_', " ");
                    let substance = Substance::resolve_with(&drug_name, opts.resolution).map_err(|e| {
                        ReadError::Row(Box::new(super::error::Rejection {
                            file: file.to_owned(),
                            line: 1,
                            column: Some(h.clone()),
                            column_number: Some(i + 1),
                            value: Some(h.clone()),
                            reason: RowError::UnknownSubstance { name: e.name, suggestions: e.suggestions },
                        }))
                    })?;
                    let unit = Unit::parse(unit).unwrap_or(Unit::Unit);
                    columns.push(WideColumn { index: i, substance, unit });
                }
                _ if place.is_none() => place = Some(i),
                _ => extra.push((i, h.clone())),
            }
        }
        Ok(Self {
            file: file.to_owned(),
            opts: opts.clone(),
            year,
            place,
            columns,
            is_total,
            totals,
            extra,
            zero_cells: 0,
        })
    }
}

impl RowParser for Wide {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let period = cells::year(row, self.year)?;
        let place_name = self.place.map(|c| row.get(c).to_owned()).filter(|p| !p.is_empty());
        let is_total =
            self.is_total.is_some_and(|c| matches!(row.get(c).to_ascii_lowercase().as_str(), "true" | "1" | "yes"));
        let source = self.opts.source_of(&self.file, row.line);
        let country_place = Place { country: self.opts.country, ..Place::default() };
        let row_place = if is_total {
            country_place.clone()
        } else {
            Place {
                province: place_name.as_ref().map(|p| {
                    crate::place::IranProvince::resolve(p)
                        .filter(|_| self.opts.country.is_some_and(|c| c.as_str() == "IRN"))
                        .map_or_else(|| p.clone(), |ir| ir.code().to_owned())
                }),
                ..country_place
            }
        };
        // Parse every cell first, so that a bad cell rejects the whole row.
        let mut seizures = Vec::new();
        let mut zeros = 0;
        if !is_total {
            for c in &self.columns {
                match cells::quantity(row, c.index, c.unit, DecimalMark::Point, &self.opts)? {
                    Some(q) if q.base() > 0 => {
                        seizures.push(bare_seizure(
                            c.substance.clone(),
                            Some(q),
                            period,
                            row_place.clone(),
                            source.clone(),
                        ));
                    }
                    // Zero or empty cells of a wide table mean "nothing seized".
                    _ => zeros += 1,
                }
            }
        }
        let mut notes: Vec<String> = self
            .extra
            .iter()
            .filter(|(i, _)| !row.get(*i).is_empty())
            .map(|(i, h)| format!("{h}: {}", row.get(*i)))
            .collect();
        if is_total {
            notes.push(format!("total row for {}", place_name.unwrap_or_default()));
        }
        for (i, unit, header) in &self.totals {
            if let Some(q) = cells::quantity(row, *i, *unit, DecimalMark::Point, &self.opts)? {
                out.push(Record::Total(ReportedTotal {
                    stated: q,
                    qualifier: Qualifier::Exact,
                    period,
                    place: row_place.clone(),
                    drugs: crate::DrugList::all(),
                    scope: Some(
                        std::iter::once(format!("{header} column"))
                            .chain(notes.iter().cloned())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    source: source.clone(),
                }));
            }
        }
        self.zero_cells += zeros;
        out.extend(seizures.into_iter().map(Record::Seizure));
        Ok(())
    }

    fn zero_cells(&self) -> u64 {
        self.zero_cells
    }
}

// ---- generic tables through a column mapping ----

struct Generic {
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
}

impl Generic {
    fn new(map: &ColumnMap, header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
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
        Ok(Self {
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
        })
    }
}

impl RowParser for Generic {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let substance = self.names.substance(row, self.substance, &self.opts)?;
        let period = match (self.date, self.year) {
            (Some(c), _) => {
                let v = row.get(c);
                v.parse::<Date>()
                    .map(Period::day)
                    .or_else(|_| Period::parse(v))
                    .map_err(|_| CellError::at(c, v, RowError::BadDate { value: v.to_owned() }))?
            }
            (None, Some(c)) => cells::year(row, c)?,
            (None, None) => {
                return Err(CellError { column: None, value: None, reason: RowError::Missing });
            }
        };
        let qcol = self.quantity;
        let v = row.get(qcol);
        let quantity = if is_missing(v) {
            cells::quantity(row, qcol, Unit::Kilogram, self.opts.decimal_mark, &self.opts)?
        } else if let Some(ucol) = self.unit {
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
        out.push(Record::Seizure(s));
        Ok(())
    }
}
