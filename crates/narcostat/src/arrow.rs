//! Arrow in and out: seizure tables from Arrow record batches (pyarrow,
//! polars, pandas, DuckDB results through the Python binding), results as
//! record batches with exact decimal measures.
//!
//! Input columns are found by name (case-, space- and punctuation-insensitive):
//!
//! | column | names accepted | types |
//! |---|---|---|
//! | substance (required) | `substance`, `drug`, `drug_type`, `name` | string (also large / view / dictionary) |
//! | quantity (required) | `quantity`, `amount`, `value`; or a column named by its unit: `kg`, `mass_kg`, `lbs`, `sum_qty_lbs`, `litres`, ... | integers, decimals, floats, strings |
//! | unit | `unit` | string |
//! | date | `date`, `day`, `start` (and `end`) | date32/64, timestamp, string (`2021-02-03`, any period text) |
//! | year | `year` (when there is no date) | integer, string |
//! | country, origin, destination | `country`, `iso_code`, `origin`, `destination` | string |
//! | province, locality, agency | `province`, `state`, `locality`, `office`, `agency`, `component` | string |
//! | seizures | `seizures`, `events`, `count_of_event` | integer |
//!
//! Integers and decimals convert exactly. Floats convert by multiplying with
//! the unit's size and rounding to the base unit (µg, nl, thousandths), which
//! is exact to the microgram for any float that is a decimal figure of up to
//! 15 significant digits. A NaN, an infinity or a negative quantity is an
//! error naming the row and column; a null quantity is "no quantity" (or an
//! error with [`crate::read::Missing::Reject`]).

use crate::aggregate::Aggregate;
use crate::period::{Date, Period};
use crate::place::{CountryCode, IranProvince, Place};
use crate::quantity::{Decimal, DecimalMark, Quantity, Unit};
use crate::read::{Missing, Mode, ReadError, ReadOptions, ReadReport, Rejection, RowError};
use crate::substance::{Substance, normalize};
use crate::table::{Codes, SeizureTable};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use std::collections::HashMap;
use std::sync::Arc;

/// Column roles and the names that take them.
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

struct Columns {
    substance: usize,
    quantity: usize,
    quantity_unit: Option<Unit>,
    by_role: HashMap<&'static str, usize>,
}

fn columns(schema: &Schema, file: &str) -> Result<Columns, ReadError> {
    let names: Vec<String> = schema.fields().iter().map(|f| normalize(f.name())).collect();
    let mut by_role = HashMap::new();
    for (role, accepted) in ROLES {
        if let Some(i) = accepted.iter().find_map(|a| names.iter().position(|n| n == a)) {
            by_role.insert(role, i);
        }
    }
    let missing = |c: &str| ReadError::MissingColumn { file: file.to_owned(), column: c.to_owned() };
    let substance = *by_role.get("substance").ok_or_else(|| missing("substance"))?;
    let (quantity, quantity_unit) = match by_role.get("quantity") {
        Some(&q) => (q, None),
        None => UNIT_COLUMNS
            .iter()
            .find_map(|(n, u)| names.iter().position(|x| x == n).map(|i| (i, Some(*u))))
            .ok_or_else(|| missing("quantity"))?,
    };
    if !by_role.contains_key("date") && !by_role.contains_key("year") {
        return Err(missing("date or year"));
    }
    Ok(Columns { substance, quantity, quantity_unit, by_role })
}

/// Casts a column to a simpler type we read directly.
fn normalized(array: &ArrayRef, to: &DataType) -> Result<ArrayRef, String> {
    if array.data_type() == to {
        return Ok(Arc::clone(array));
    }
    arrow_cast::cast(array, to).map_err(|e| e.to_string())
}

fn utf8(batch: &RecordBatch, col: Option<usize>) -> Result<Option<ArrayRef>, String> {
    col.map(|c| normalized(batch.column(c), &DataType::Utf8)).transpose()
}

fn text(a: &Option<ArrayRef>, row: usize) -> Option<&str> {
    let a = a.as_ref()?;
    let s = a.as_string::<i32>();
    (!s.is_null(row)).then(|| s.value(row)).map(str::trim).filter(|t| !t.is_empty())
}

/// Reads record batches into a table, every row accounted for as with the
/// CSV readers (`options.mode`, `options.missing`, `options.resolution`,
/// `options.country` apply; `unit` is the unit of a quantity column that has
/// none of its own).
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
#[expect(clippy::result_large_err, reason = "a rejection is built once per bad row; boxing every Ok path costs more")]
pub fn table_from_batches(
    batches: &[RecordBatch],
    file: &str,
    options: &ReadOptions,
    unit: Option<Unit>,
) -> Result<(SeizureTable, ReadReport), ReadError> {
    let mut table = SeizureTable::new();
    table.reserve(batches.iter().map(RecordBatch::num_rows).sum());
    let mut report = ReadReport { file: file.to_owned(), format: "arrow".to_owned(), ..ReadReport::default() };
    let mut substances: HashMap<String, Result<Substance, RowError>> = HashMap::new();
    let mut places: HashMap<PlaceKey, u32> = HashMap::new();
    let mut agencies: HashMap<Option<String>, u16> = HashMap::new();
    let mut line: u64 = 0;
    for batch in batches {
        let cols = columns(&batch.schema(), file)?;
        let fail = |role: &str, message: String| ReadError::Io {
            file: file.to_owned(),
            source: std::io::Error::other(format!("column {role}: {message}")),
        };
        let get = |role: &str| cols.by_role.get(role).copied();
        let substance_col = utf8(batch, Some(cols.substance)).map_err(|e| fail("substance", e))?;
        let unit_col = utf8(batch, get("unit")).map_err(|e| fail("unit", e))?;
        let country_col = utf8(batch, get("country")).map_err(|e| fail("country", e))?;
        let province_col = utf8(batch, get("province")).map_err(|e| fail("province", e))?;
        let locality_col = utf8(batch, get("locality")).map_err(|e| fail("locality", e))?;
        let agency_col = utf8(batch, get("agency")).map_err(|e| fail("agency", e))?;
        let origin_col = utf8(batch, get("origin")).map_err(|e| fail("origin", e))?;
        let destination_col = utf8(batch, get("destination")).map_err(|e| fail("destination", e))?;
        let seizures_col = get("seizures")
            .map(|c| normalized(batch.column(c), &DataType::UInt64))
            .transpose()
            .map_err(|e| fail("seizures", e))?;
        let date_col = get("date").map(|c| date_column(batch.column(c))).transpose().map_err(|e| fail("date", e))?;
        let end_col = get("end").map(|c| date_column(batch.column(c))).transpose().map_err(|e| fail("end", e))?;
        let year_col = get("year")
            .map(|c| normalized(batch.column(c), &DataType::Int64))
            .transpose()
            .map_err(|e| fail("year", e))?;
        let quantity = QuantityColumn::new(batch.column(cols.quantity)).map_err(|e| fail("quantity", e))?;
        let names: Vec<String> = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
        for row in 0..batch.num_rows() {
            line += 1;
            report.rows_read += 1;
            let reject = |col: Option<usize>, value: Option<String>, reason: RowError| Rejection {
                file: file.to_owned(),
                line,
                column: col.map(|c| names[c].clone()),
                column_number: col.map(|c| c + 1),
                value,
                reason,
            };
            let parsed = (|| -> Result<(), Rejection> {
                let name =
                    text(&substance_col, row).ok_or_else(|| reject(Some(cols.substance), None, RowError::Missing))?;
                let substance = substances
                    .entry(name.to_owned())
                    .or_insert_with(|| {
                        Substance::resolve_with(name, options.resolution)
                            .map_err(|e| RowError::UnknownSubstance { name: e.name, suggestions: e.suggestions })
                    })
                    .clone()
                    .map_err(|e| reject(Some(cols.substance), Some(name.to_owned()), e))?;
                let unit = match text(&unit_col, row) {
                    Some(u) => Unit::parse(u).ok_or_else(|| {
                        reject(get("unit"), Some(u.to_owned()), RowError::UnknownUnit { value: u.to_owned() })
                    })?,
                    None => cols.quantity_unit.or(unit).ok_or_else(|| {
                        reject(Some(cols.quantity), None, RowError::UnknownUnit { value: String::new() })
                    })?,
                };
                let q = quantity
                    .get(row, unit)
                    .map_err(|(value, reason)| reject(Some(cols.quantity), Some(value), reason))?;
                if q.is_none() && options.missing == Missing::Reject {
                    return Err(reject(Some(cols.quantity), None, RowError::Missing));
                }
                let period = match (&date_col, &year_col) {
                    (Some(d), _) => {
                        let start = d
                            .get(row)
                            .map_err(|v| reject(get("date"), Some(v.clone()), RowError::BadDate { value: v }))?;
                        match &end_col {
                            Some(e) => {
                                let end = e
                                    .get(row)
                                    .map_err(|v| reject(get("end"), Some(v.clone()), RowError::BadDate { value: v }))?;
                                Period::new(start.start, end.end).map_err(|err| {
                                    reject(get("end"), None, RowError::BadDate { value: err.to_string() })
                                })?
                            }
                            None => start,
                        }
                    }
                    (None, Some(y)) => {
                        let years = y.as_primitive::<Int64Type>();
                        let bad = || reject(get("year"), None, RowError::BadDate { value: String::new() });
                        if years.is_null(row) {
                            return Err(bad());
                        }
                        let yv = years.value(row);
                        Period::parse(&format!("{yv:04}")).ok().filter(|_| (1..=9999).contains(&yv)).ok_or_else(
                            || reject(get("year"), Some(yv.to_string()), RowError::BadDate { value: yv.to_string() }),
                        )?
                    }
                    (None, None) => return Err(reject(None, None, RowError::Missing)),
                };
                let country_of = |col: &Option<ArrayRef>, role: &str| -> Result<Option<CountryCode>, Rejection> {
                    match text(col, row) {
                        Some(c) => CountryCode::resolve(c).map(Some).ok_or_else(|| {
                            reject(get(role), Some(c.to_owned()), RowError::UnknownCountry { value: c.to_owned() })
                        }),
                        None => Ok(None),
                    }
                };
                let country = country_of(&country_col, "country")?.or(options.country);
                let province = text(&province_col, row).map(|p| {
                    IranProvince::resolve(p)
                        .filter(|_| country.is_some_and(|c| c.as_str() == "IRN"))
                        .map_or_else(|| p.to_owned(), |ir| ir.code().to_owned())
                });
                let locality = text(&locality_col, row).map(str::to_owned);
                let place_key = (country, province, locality);
                let place = match places.get(&place_key) {
                    Some(&code) => code,
                    None => {
                        let place = Place {
                            country,
                            country_name: None,
                            province: place_key.1.clone(),
                            locality: place_key.2.clone(),
                        };
                        let code = table
                            .intern_place(&place)
                            .map_err(|e| reject(None, None, RowError::Unsupported { message: e.to_string() }))?;
                        places.insert(place_key, code);
                        code
                    }
                };
                let agency_text = text(&agency_col, row).map(str::to_owned);
                let agency = match agencies.get(&agency_text) {
                    Some(&code) => code,
                    None => {
                        let code = table
                            .intern_agency(agency_text.as_deref())
                            .map_err(|e| reject(None, None, RowError::Unsupported { message: e.to_string() }))?;
                        agencies.insert(agency_text, code);
                        code
                    }
                };
                let route = table
                    .intern_route(country_of(&origin_col, "origin")?, country_of(&destination_col, "destination")?)
                    .map_err(|e| reject(None, None, RowError::Unsupported { message: e.to_string() }))?;
                let seizures = seizures_col.as_ref().and_then(|a| {
                    let a = a.as_primitive::<UInt64Type>();
                    (!a.is_null(row)).then(|| a.value(row))
                });
                let name_code = table
                    .intern_name(name)
                    .map_err(|e| reject(None, None, RowError::Unsupported { message: e.to_string() }))?;
                table
                    .push_coded(substance.drug, q, seizures, period, Codes { name: name_code, place, agency, route })
                    .map_err(|e| reject(None, None, RowError::Unsupported { message: e.to_string() }))?;
                if q.is_none() {
                    report.missing_quantities += 1;
                }
                Ok(())
            })();
            match parsed {
                Ok(()) => {
                    report.rows_accepted += 1;
                    report.seizures += 1;
                }
                Err(r) => {
                    report.rows_rejected += 1;
                    if options.mode == Mode::Strict {
                        return Err(ReadError::Row(Box::new(r)));
                    }
                    report.rejections.push(r);
                }
            }
        }
    }
    table.shrink_to_fit();
    Ok((table, report))
}

/// Country, province and locality of a row, as read.
type PlaceKey = (Option<CountryCode>, Option<String>, Option<String>);

/// A quantity column in one of the types we read exactly or by rounding.
enum QuantityColumn {
    Int(ArrayRef),
    Float(ArrayRef),
    Decimal(ArrayRef, u32),
    Text(ArrayRef),
}

impl QuantityColumn {
    fn new(a: &ArrayRef) -> Result<Self, String> {
        Ok(match a.data_type() {
            DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64 => Self::Int(normalized(a, &DataType::Int64)?),
            DataType::Float16 | DataType::Float32 | DataType::Float64 => {
                Self::Float(normalized(a, &DataType::Float64)?)
            }
            DataType::Decimal128(_, s) | DataType::Decimal256(_, s) if *s >= 0 => {
                let scale = u32::try_from(*s).unwrap_or(0).min(30);
                Self::Decimal(normalized(a, &DataType::Decimal128(38, scale as i8))?, scale)
            }
            _ => Self::Text(normalized(a, &DataType::Utf8)?),
        })
    }

    /// The quantity of a row; `Ok(None)` for null.
    fn get(&self, row: usize, unit: Unit) -> Result<Option<Quantity>, (String, RowError)> {
        let qty = |d: Decimal, shown: String| {
            Quantity::new(d, unit).map(Some).map_err(|e| (shown.clone(), crate::read::quantity_row_error(&shown, e)))
        };
        match self {
            Self::Int(a) => {
                let a = a.as_primitive::<Int64Type>();
                if a.is_null(row) {
                    return Ok(None);
                }
                let v = a.value(row);
                qty(Decimal::from_int(i128::from(v)), v.to_string())
            }
            Self::Decimal(a, scale) => {
                let a = a.as_primitive::<arrow_array::types::Decimal128Type>();
                if a.is_null(row) {
                    return Ok(None);
                }
                let d = Decimal { mantissa: a.value(row), scale: *scale };
                qty(d, d.to_string())
            }
            Self::Float(a) => {
                let a = a.as_primitive::<Float64Type>();
                if a.is_null(row) {
                    return Ok(None);
                }
                let v = a.value(row);
                if !v.is_finite() {
                    return Err((v.to_string(), RowError::BadNumber { value: v.to_string() }));
                }
                if v < 0.0 {
                    return Err((v.to_string(), RowError::Negative { value: v.to_string() }));
                }
                // Hand-written rather than through the shortest decimal text:
                // one multiplication per row instead of formatting and parsing.
                let (num, den) = unit.factor();
                let base = (v * num as f64 / den as f64).round();
                if base >= i64::MAX as f64 {
                    return Err((v.to_string(), RowError::OutOfRange { value: v.to_string() }));
                }
                Quantity::from_base(base as i64, unit)
                    .map(Some)
                    .map_err(|_| (v.to_string(), RowError::OutOfRange { value: v.to_string() }))
            }
            Self::Text(a) => {
                let s = a.as_string::<i32>();
                if s.is_null(row) || crate::read::is_missing_text(s.value(row)) {
                    return Ok(None);
                }
                let v = s.value(row).trim();
                let d = Decimal::parse(v, DecimalMark::Auto)
                    .map_err(|_| (v.to_owned(), RowError::BadNumber { value: v.to_owned() }))?;
                qty(d, v.to_owned())
            }
        }
    }
}

/// A date column: Arrow dates and timestamps, or text (a date or any period).
enum DateColumn {
    Days(ArrayRef),
    Text(ArrayRef),
}

fn date_column(a: &ArrayRef) -> Result<DateColumn, String> {
    Ok(match a.data_type() {
        DataType::Date32 => DateColumn::Days(Arc::clone(a)),
        DataType::Date64 | DataType::Timestamp(..) => DateColumn::Days(normalized(a, &DataType::Date32)?),
        _ => DateColumn::Text(normalized(a, &DataType::Utf8)?),
    })
}

impl DateColumn {
    fn get(&self, row: usize) -> Result<Period, String> {
        match self {
            Self::Days(a) => {
                let a = a.as_primitive::<arrow_array::types::Date32Type>();
                if a.is_null(row) {
                    return Err(String::new());
                }
                Ok(Period::day(Date::from_days(a.value(row))))
            }
            Self::Text(a) => {
                let s = a.as_string::<i32>();
                if s.is_null(row) {
                    return Err(String::new());
                }
                let v = s.value(row).trim();
                v.parse::<Date>().map(Period::day).or_else(|_| Period::parse(v)).map_err(|_| v.to_owned())
            }
        }
    }
}

/// A result as an Arrow record batch: one utf8 column per grouping key, then
/// the measures of [`write::measure_columns`](crate::write::measure_columns)
/// with exact types: `mass_kg` and `volume_l` as decimal128(38, 9) (µg and
/// nl exact), one `count_<kind>` column per kind of item counted
/// (`count_tablets`, `count_plants`, ...) as decimal128(38, 3), counts as
/// uint64, days as date32, `share_of_mass` as float64, `attributable` as boolean.
pub fn aggregate_to_batch(agg: &Aggregate) -> Result<RecordBatch, String> {
    use arrow_array::builder::{
        BooleanBuilder, Date32Builder, Decimal128Builder, Float64Builder, StringBuilder, UInt64Builder,
    };
    let groups: Vec<(&crate::Group, bool)> =
        agg.groups.iter().map(|g| (g, true)).chain(agg.unattributed.iter().map(|g| (g, false))).collect();
    let mut fields: Vec<Field> = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (i, k) in agg.query.by.iter().enumerate() {
        let mut b = StringBuilder::new();
        for (g, _) in &groups {
            let l = g.key.get(i).map(crate::KeyValue::label).unwrap_or_default();
            if l.is_empty() { b.append_null() } else { b.append_value(l) }
        }
        fields.push(Field::new(k.name(), DataType::Utf8, true));
        arrays.push(Arc::new(b.finish()));
    }
    // base units -> scaled integer of the decimal type
    let dec = |name: &str,
               scale: i8,
               per_base: i128,
               f: &dyn Fn(&crate::Measures) -> Option<i128>,
               fields: &mut Vec<Field>,
               arrays: &mut Vec<ArrayRef>|
     -> Result<(), String> {
        let mut b = Decimal128Builder::new().with_precision_and_scale(38, scale).map_err(|e| e.to_string())?;
        for (g, _) in &groups {
            match f(&g.measures) {
                Some(v) => b.append_value(v.checked_mul(per_base).ok_or("overflow")?),
                None => b.append_null(),
            }
        }
        fields.push(Field::new(name, DataType::Decimal128(38, scale), true));
        arrays.push(Arc::new(b.finish()));
        Ok(())
    };
    let present = |t: &crate::aggregate::Total| (!t.is_empty()).then_some(t.sum);
    // 1 µg = 1e-9 kg: scale 9 means the mantissa is in µg already.
    dec("mass_kg", 9, 1, &|m| present(&m.mass), &mut fields, &mut arrays)?;
    dec("volume_l", 9, 1, &|m| present(&m.volume), &mut fields, &mut arrays)?;
    for kind in agg.count_units() {
        dec(kind.column(), 3, 1, &|m| present(m.count(kind)), &mut fields, &mut arrays)?;
    }
    let mut u64col = |name: &str, f: &dyn Fn(&crate::Measures) -> Option<u64>| {
        let mut b = UInt64Builder::new();
        for (g, _) in &groups {
            b.append_option(f(&g.measures));
        }
        fields.push(Field::new(name, DataType::UInt64, true));
        arrays.push(Arc::new(b.finish()) as ArrayRef);
    };
    u64col("seizures", &|m| (m.seizures_reported > 0).then_some(m.seizures));
    u64col("records", &|m| Some(m.records));
    u64col("records_without_quantity", &|m| Some(m.no_quantity));
    dec("min_mass_kg", 9, 1, &|m| m.mass.min.map(i128::from), &mut fields, &mut arrays)?;
    dec("max_mass_kg", 9, 1, &|m| m.mass.max.map(i128::from), &mut fields, &mut arrays)?;
    for (name, first) in [("first_day", true), ("last_day", false)] {
        let mut b = Date32Builder::new();
        for (g, _) in &groups {
            b.append_option(if first { g.measures.first } else { g.measures.last }.map(Date::days));
        }
        fields.push(Field::new(name, DataType::Date32, true));
        arrays.push(Arc::new(b.finish()));
    }
    let total_mass = agg.grand_total().mass.sum;
    let mut share = Float64Builder::new();
    let mut attributable = BooleanBuilder::new();
    for (g, a) in &groups {
        share.append_option(
            (*a && total_mass > 0 && !g.measures.mass.is_empty())
                .then(|| g.measures.mass.sum as f64 / total_mass as f64),
        );
        attributable.append_value(*a);
    }
    fields.push(Field::new("share_of_mass", DataType::Float64, true));
    arrays.push(Arc::new(share.finish()));
    fields.push(Field::new("attributable", DataType::Boolean, false));
    arrays.push(Arc::new(attributable.finish()));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Date32Array, Float64Array, Int64Array, StringArray};

    fn batch(drugs: Vec<&str>, qty: Vec<Option<f64>>) -> RecordBatch {
        let n = drugs.len();
        RecordBatch::try_from_iter([
            ("Drug Type", Arc::new(StringArray::from(drugs)) as ArrayRef),
            ("Sum Qty (lbs)", Arc::new(Float64Array::from(qty)) as ArrayRef),
            ("date", Arc::new(Date32Array::from(vec![18_000; n])) as ArrayRef),
            ("seizures", Arc::new(Int64Array::from(vec![1; n])) as ArrayRef),
        ])
        .unwrap()
    }

    #[test]
    fn floats_nan_negative_null() {
        let b = batch(
            vec!["Fentanyl", "Fentanyl", "Fentanyl", "Fentanyl", "Heroinn"],
            vec![Some(147.04832875399998), None, Some(f64::NAN), Some(-1.0), Some(1.0)],
        );
        let (t, r) = table_from_batches(std::slice::from_ref(&b), "df", &ReadOptions::lenient(), None).unwrap();
        assert_eq!((r.rows_read, r.rows_accepted, r.rows_rejected), (5, 2, 3));
        assert_eq!(t.row(0).unwrap().quantity.unwrap().base(), 66_699_999_944);
        assert_eq!(r.missing_quantities, 1);
        assert_eq!(r.rejections[0].reason, RowError::BadNumber { value: "NaN".into() });
        assert_eq!(r.rejections[0].column.as_deref(), Some("Sum Qty (lbs)"));
        assert_eq!(r.rejections[1].reason, RowError::Negative { value: "-1".into() });
        assert!(matches!(r.rejections[2].reason, RowError::UnknownSubstance { .. }));
        let err = table_from_batches(&[b], "df", &ReadOptions::default(), None).unwrap_err();
        assert!(err.to_string().starts_with("df:3:2 (column \"Sum Qty (lbs)\")"), "{err}");
    }

    #[test]
    fn missing_columns_are_named() {
        let b = RecordBatch::try_from_iter([("colour", Arc::new(StringArray::from(vec!["red"])) as ArrayRef)]).unwrap();
        let err = table_from_batches(&[b], "df", &ReadOptions::default(), None).unwrap_err();
        assert_eq!(err.to_string(), "df: missing required column \"substance\"");
    }

    #[test]
    fn result_batch_is_exact() {
        let month = crate::seed::bulletin_2021_02();
        let t = SeizureTable::from_seizures(&month.seizures).unwrap();
        let agg = t.aggregate(&crate::Query::by(&[crate::GroupKey::DrugGroup])).unwrap();
        let b = aggregate_to_batch(&agg).unwrap();
        assert_eq!(b.num_rows(), 4);
        let mass = b.column(1).as_primitive::<arrow_array::types::Decimal128Type>();
        assert_eq!(mass.value(0), 51_215_000_000_000);
        assert_eq!(b.schema().field(1).name(), "mass_kg");
    }
}
