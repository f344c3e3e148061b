//! The row parsers of each CSV layout.

use super::cells::{self, comma_unless_point, find, is_missing};
use super::csv_driver::{CellError, Row, RowParser};
use super::error::{ReadError, RowError};
use super::format::{Format, total_column, wide_column};
use super::kept::KeptColumns;
use super::options::{ReadOptions, Record};
use crate::period::Period;
use crate::place::{CountryCode, Place};
use crate::quantity::{DecimalMark, Quantity, Unit};
use crate::record::{Qualifier, ReportedTotal, Seizure};
use crate::substance::{Drug, Substance};

pub(crate) fn parser(
    format: &Format,
    header: &[String],
    file: &str,
    opts: &ReadOptions,
) -> Result<Box<dyn RowParser>, ReadError> {
    Ok(match format {
        Format::UnodcAnnual | Format::UnodcSubregional => Box::new(Unodc::new(format, header, file, opts)?),
        Format::Cbp => Box::new(Cbp::new(header, file, opts)?),
        Format::Wide => Box::new(Wide::new(header, file, opts)?),
        Format::Generic(map) => Box::new(super::generic::Generic::new(map, header, file, opts)?),
        Format::Json | Format::Ndjson => {
            return Err(ReadError::UnknownFormat {
                file: file.to_owned(),
                header: "JSON is not a CSV layout".to_owned(),
            });
        }
    })
}

/// The index of a column the layout needs, or the error naming it.
fn need(header: &[String], file: &str, names: &[&str]) -> Result<usize, ReadError> {
    find(header, names).ok_or_else(|| ReadError::MissingColumn {
        file: file.to_owned(),
        column: names.first().copied().unwrap_or_default().to_owned(),
    })
}

pub(super) fn bare_seizure(
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
        columns: Vec::new(),
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
    /// The columns it does not read (`Region`, `SubRegion`, `Drug Group`).
    kept: KeptColumns,
}

impl Unodc {
    fn new(format: &Format, header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
        let country = find(header, &["country"]);
        let code = need(header, file, &["ISO Code", "CountryCode"])?;
        let drug = need(header, file, &["Drug"])?;
        let specific = find(header, &["SpecificDrugName"]);
        let year = need(header, file, &["Year"])?;
        let kg = need(header, file, &["KG Equivalent", "KgEquivalent"])?;
        let comment = find(header, &["Comment"]);
        let used: Vec<usize> =
            [Some(code), Some(drug), Some(year), Some(kg), country, specific, comment].into_iter().flatten().collect();
        Ok(Self {
            names: cells::Names::default(),
            file: file.to_owned(),
            opts: opts.clone(),
            country,
            code,
            drug,
            specific,
            year,
            kg,
            comment,
            semicolon_convention: *format == Format::UnodcSubregional,
            flagged: 0,
            kept: KeptColumns::new(header, &used),
        })
    }
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
        // A code must resolve; a missing code (UNODC's NULL for the USSR or
        // Serbia and Montenegro) leaves the name, which may.
        let country = if is_missing(code_text) {
            name.as_deref().and_then(CountryCode::resolve)
        } else {
            Some(CountryCode::resolve(code_text).ok_or_else(|| {
                CellError::at(self.code, code_text, RowError::UnknownCountry { value: code_text.to_owned() })
            })?)
        }
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
        s.columns = self.kept.values(row);
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
    office: Option<usize>,
    drug: usize,
    events: Option<usize>,
    lbs: usize,
    /// The columns it does not read (`Region`, `Land Filter`, ...).
    kept: KeptColumns,
}

impl Cbp {
    fn new(header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
        let fy = need(header, file, &["FY"])?;
        let month = need(header, file, &["Month (abbv)"])?;
        let component = find(header, &["Component"]);
        let office = find(header, &["Area of Responsibility", "Branch"]);
        let drug = need(header, file, &["Drug Type"])?;
        let events = find(header, &["Count of Event"]);
        let lbs = need(header, file, &["Sum Qty (lbs)"])?;
        let used: Vec<usize> =
            [Some(fy), Some(month), Some(drug), Some(lbs), component, office, events].into_iter().flatten().collect();
        Ok(Self {
            names: cells::Names::default(),
            file: file.to_owned(),
            opts: opts.clone(),
            fy,
            month,
            component,
            office,
            drug,
            events,
            lbs,
            kept: KeptColumns::new(header, &used),
        })
    }
}

const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// A month cell: its three-letter abbreviation (`OCT`), `SEPT`, or its full
/// English name, in any case. `Octopus` is not October.
pub(crate) fn month_number(text: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches('.').to_ascii_uppercase();
    let i = MONTHS
        .iter()
        .position(|m| *m == t || (t.len() == 3 && m.starts_with(t.as_str())) || (t == "SEPT" && *m == "SEPTEMBER"))?;
    u32::try_from(i).ok().map(|i| i + 1)
}

/// A CBP fiscal year cell: four digits (`2024`), optionally marked as the
/// year to date (`2026 (FYTD)`), or `FY2024`; with whether it is to date.
/// `2024abc` and `20X4` are not years.
fn fiscal_year(text: &str) -> Option<(i32, bool)> {
    let upper = text.trim().to_ascii_uppercase();
    let (body, fytd) = match upper.strip_suffix("(FYTD)").or_else(|| upper.strip_suffix("FYTD")) {
        Some(rest) => (rest.trim(), true),
        None => (upper.as_str(), false),
    };
    let digits = body.strip_prefix("FY").unwrap_or(body).trim();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(|y| (y, fytd))
}

impl RowParser for Cbp {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        let substance = self.names.substance(row, self.drug, &self.opts)?;
        let fy_text = row.get(self.fy);
        let bad_fy = || CellError::at(self.fy, fy_text, RowError::BadDate { value: fy_text.to_owned() });
        let (fy, fytd) = fiscal_year(fy_text).ok_or_else(bad_fy)?;
        let m_text = row.get(self.month);
        let month = month_number(m_text)
            .ok_or_else(|| CellError::at(self.month, m_text, RowError::BadDate { value: m_text.to_owned() }))?;
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
        s.columns = self.kept.values(row);
        if fytd {
            s.notes.push(format!("fiscal year {fy} to date"));
        }
        out.push(Record::Seizure(s));
        Ok(())
    }
}

// ---- wide national tables ----

/// A `<Drug>_<Unit>` column.
struct WideColumn {
    index: usize,
    substance: Substance,
    unit: Unit,
}

/// A `Total_<Unit>` column: a total the row states over every drug.
struct TotalColumn {
    index: usize,
    unit: Unit,
}

/// Place names that mark a row as the table's total ("Total", "All India",
/// "Grand Total"), normalised.
const TOTAL_ROW_NAMES: [&str; 9] = [
    "total",
    "grandtotal",
    "alltotal",
    "overalltotal",
    "nationaltotal",
    "countrytotal",
    "allindia",
    "allindiatotal",
    "totalallindia",
];

/// Whether a place cell names a total row.
fn is_total_name(place: &str) -> bool {
    TOTAL_ROW_NAMES.contains(&crate::substance::normalize(place).as_str())
}

struct Wide {
    file: String,
    opts: ReadOptions,
    header: Vec<String>,
    year: usize,
    place: Option<usize>,
    columns: Vec<WideColumn>,
    is_total: Option<usize>,
    totals: Vec<TotalColumn>,
    /// The columns it does not read (a `District`, `Total_Cases`): kept with each record.
    kept: KeptColumns,
    zero_cells: u64,
}

/// The substance of a wide column: the whole name first ("Cannabis_Plants"
/// is cannabis plants), else the drug part ("Heroin_Kg" is heroin).
fn wide_substance(
    header: &str,
    drug: &str,
    column: usize,
    file: &str,
    opts: &ReadOptions,
) -> Result<Substance, ReadError> {
    let whole = header.replace('_', " ");
    if crate::substance::Drug::resolve(&whole).is_some() {
        if let Ok(s) = Substance::resolve_with(&whole, opts.resolution) {
            return Ok(s);
        }
    }
    Substance::resolve_with(drug, opts.resolution).map_err(|e| {
        ReadError::Row(Box::new(super::error::Rejection {
            file: file.to_owned(),
            line: 1,
            column: Some(header.to_owned()),
            column_number: Some(column + 1),
            value: Some(header.to_owned()),
            row: None,
            reason: RowError::UnknownSubstance { name: e.name, suggestions: e.suggestions },
        }))
    })
}

impl Wide {
    fn new(header: &[String], file: &str, opts: &ReadOptions) -> Result<Self, ReadError> {
        let year = find(header, &["Year"])
            .ok_or_else(|| ReadError::MissingColumn { file: file.to_owned(), column: "Year".to_owned() })?;
        let mut columns = Vec::new();
        let mut totals = Vec::new();
        let mut unread = Vec::new();
        let mut place = None;
        let is_total = find(header, &["Is_Total_Row", "IsTotal"]);
        for (i, h) in header.iter().enumerate() {
            if i == year || Some(i) == is_total {
                continue;
            }
            if let Some(unit) = total_column(h) {
                totals.push(TotalColumn { index: i, unit });
            } else if let Some((drug, unit)) = wide_column(h) {
                let substance = wide_substance(h, &drug, i, file, opts)?;
                columns.push(WideColumn { index: i, substance, unit });
            } else if place.is_none() && !crate::substance::normalize(h).starts_with("total") {
                place = Some(i);
            } else {
                unread.push(i);
            }
        }
        Ok(Self {
            file: file.to_owned(),
            opts: opts.clone(),
            header: header.to_vec(),
            year,
            place,
            columns,
            is_total,
            totals,
            kept: KeptColumns::new(header, &(0..header.len()).filter(|i| !unread.contains(i)).collect::<Vec<_>>()),
            zero_cells: 0,
        })
    }

    /// Whether the row is a total row: flagged so, or named so.
    fn is_total_row(&self, row: &Row<'_>, place_name: Option<&str>) -> Result<bool, CellError> {
        let flagged = match self.is_total {
            Some(c) => {
                let v = row.get(c);
                match v.to_ascii_lowercase().as_str() {
                    "true" | "1" | "yes" | "y" => true,
                    "false" | "0" | "no" | "n" | "" => false,
                    _ => {
                        return Err(CellError::at(
                            c,
                            v,
                            RowError::Unsupported {
                                message: format!("total-row flag {v:?} is neither true nor false"),
                            },
                        ));
                    }
                }
            }
            None => false,
        };
        Ok(flagged || place_name.is_some_and(is_total_name))
    }

    /// Several bad cells of one row become one rejection listing each.
    fn combine(&self, mut faults: Vec<CellError>) -> CellError {
        if faults.len() == 1 {
            if let Some(one) = faults.pop() {
                return one;
            }
        }
        let cells = faults
            .into_iter()
            .map(|f| {
                let column = f.column.unwrap_or(0);
                super::error::BadCell {
                    column: self.header.get(column).cloned().unwrap_or_default(),
                    column_number: column + 1,
                    reason: Box::new(f.reason),
                }
            })
            .collect();
        CellError { column: None, value: None, reason: RowError::BadCells { cells } }
    }
}

/// A stated total of one wide cell.
struct Stated<'a> {
    period: Period,
    place: &'a Place,
    source: &'a Option<String>,
}

impl Stated<'_> {
    fn total(&self, stated: Quantity, drugs: crate::DrugList, scope: String) -> Record {
        Record::Total(ReportedTotal {
            stated,
            qualifier: Qualifier::Exact,
            period: self.period,
            place: self.place.clone(),
            drugs,
            scope: Some(scope),
            source: self.source.clone(),
        })
    }
}

impl RowParser for Wide {
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError> {
        // Every cell is read before anything is kept, so that a bad row is
        // rejected once with each of its bad cells listed.
        let mut faults = Vec::new();
        let period = cells::year(row, self.year).map_err(|e| faults.push(e)).ok();
        let place_name = self.place.map(|c| row.get(c).to_owned()).filter(|p| !p.is_empty());
        let is_total = self.is_total_row(row, place_name.as_deref()).map_err(|e| faults.push(e)).unwrap_or(false);
        let mut cells_read = Vec::with_capacity(self.columns.len());
        for (k, c) in self.columns.iter().enumerate() {
            match cells::quantity(row, c.index, c.unit, DecimalMark::Point, &self.opts) {
                Ok(q) => cells_read.push((k, q)),
                Err(e) => faults.push(e),
            }
        }
        let mut totals_read = Vec::with_capacity(self.totals.len());
        for t in &self.totals {
            match cells::quantity(row, t.index, t.unit, DecimalMark::Point, &self.opts) {
                Ok(q) => totals_read.push((t.index, q)),
                Err(e) => faults.push(e),
            }
        }
        let Some(period) = period.filter(|_| faults.is_empty()) else {
            return Err(self.combine(faults));
        };
        let source = self.opts.source_of(&self.file, row.line);
        let country_place = Place { country: self.opts.country, ..Place::default() };
        let row_place = if is_total {
            country_place
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
        let stated = Stated { period, place: &row_place, source: &source };
        let row_name = place_name.as_deref().unwrap_or("");
        let kept = self.kept.values(row);
        for (k, q) in cells_read {
            let c = &self.columns[k];
            match q {
                // A total row states each drug's total: checked against the other rows, never summed.
                Some(q) if is_total => out.push(stated.total(
                    q,
                    crate::DrugList { drugs: vec![c.substance.drug], groups: Vec::new() },
                    format!("{} column of the total row {row_name:?}", self.header[c.index]),
                )),
                Some(q) if q.base() > 0 => {
                    let mut s = bare_seizure(c.substance.clone(), Some(q), period, row_place.clone(), source.clone());
                    s.columns.clone_from(&kept);
                    out.push(Record::Seizure(s));
                }
                // Zero or empty cells of a wide table mean "nothing seized".
                _ if !is_total => self.zero_cells += 1,
                _ => {}
            }
        }
        for (index, q) in totals_read {
            if let Some(q) = q {
                let what = if is_total { format!(" of the total row {row_name:?}") } else { String::new() };
                out.push(stated.total(q, crate::DrugList::all(), format!("{} column{what}", self.header[index])));
            }
        }
        Ok(())
    }

    fn zero_cells(&self) -> u64 {
        self.zero_cells
    }
}
