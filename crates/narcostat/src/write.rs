//! Writers: aggregation results and records to CSV and JSON, with exact
//! numbers (decimal text from integer base units, never float noise) and
//! column names that carry their unit.
//!
//! CSV text cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's "CSV injection")
//! are written with a leading `'`, which spreadsheets show but do not
//! evaluate; number cells (`-5`) are written as they are. See [`csv_text`].

use crate::aggregate::{Aggregate, Group};
use crate::quantity::{CountUnit, Unit};
use crate::record::Seizure;
use std::borrow::Cow;

/// The measure columns of [`aggregate_rows_in`], in order: `mass_<unit>`,
/// `volume_l`, one `count_<kind>` column per kind of item counted (`count_tablets`,
/// `count_plants`, ...: kinds are never added together), `seizures`, `records`,
/// `records_without_quantity`, `min_mass_<unit>`, `max_mass_<unit>`,
/// `first_day`, `last_day`, `share_of_mass`, `attributable`.
///
/// ```
/// use narcostat::{CountUnit, Unit, write::measure_columns};
/// let columns = measure_columns(&[CountUnit::Tablets, CountUnit::Plants], Unit::Kilogram);
/// assert_eq!(columns[..5], ["mass_kg", "volume_l", "count_tablets", "count_plants", "seizures"]);
/// ```
pub fn measure_columns(kinds: &[CountUnit], mass_unit: Unit) -> Vec<String> {
    let mass = mass_unit.symbol();
    let mut columns = vec![format!("mass_{mass}"), "volume_l".to_owned()];
    columns.extend(kinds.iter().map(|k| k.column().to_owned()));
    columns.extend(["seizures", "records", "records_without_quantity"].map(str::to_owned).into_iter().chain([
        format!("min_mass_{mass}"),
        format!("max_mass_{mass}"),
        "first_day".to_owned(),
        "last_day".to_owned(),
        "share_of_mass".to_owned(),
        "attributable".to_owned(),
    ]));
    columns
}

fn aggregate_header(agg: &Aggregate, kinds: &[CountUnit], mass_unit: Unit) -> Vec<String> {
    let mut header: Vec<String> = agg.query.by.iter().map(|k| k.name().to_owned()).collect();
    header.extend(measure_columns(kinds, mass_unit));
    header
}

/// A cell of a written table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// An exact number, as decimal text.
    Number(String),
    /// Nothing.
    Empty,
}

/// The first characters that make a spreadsheet read a cell as a formula.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text for a CSV cell that a spreadsheet will show rather than run: a text
/// starting with one of [`FORMULA_TRIGGERS`] gets a leading `'`.
///
/// ```
/// use narcostat::write::csv_text;
/// assert_eq!(csv_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(csv_text("-opium"), "'-opium");
/// assert_eq!(csv_text("Opium"), "Opium");
/// ```
pub fn csv_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_TRIGGERS) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// A CSV field as the csv crate takes it, without copying unchanged text.
struct CsvField<'a>(Cow<'a, str>);

impl AsRef<[u8]> for CsvField<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl Cell {
    fn csv(&self) -> Cow<'_, str> {
        match self {
            Self::Text(t) => csv_text(t),
            Self::Number(n) => Cow::Borrowed(n),
            Self::Empty => Cow::Borrowed(""),
        }
    }

    fn json(&self) -> String {
        match self {
            Self::Text(t) => serde_json::to_string(t).unwrap_or_else(|_| "\"\"".to_owned()),
            Self::Number(n) => n.clone(),
            Self::Empty => "null".to_owned(),
        }
    }
}

fn number(d: impl ToString) -> Cell {
    Cell::Number(d.to_string())
}

fn group_row(g: &Group, total_mass: i128, attributable: bool, mass_unit: Unit, kinds: &[CountUnit]) -> Vec<Cell> {
    let m = &g.measures;
    let mut row: Vec<Cell> =
        g.key.iter().map(|k| if k.label().is_empty() { Cell::Empty } else { Cell::Text(k.label()) }).collect();
    let total = |t: &crate::aggregate::Total, u: Unit| {
        if t.is_empty() { Cell::Empty } else { number(t.value_in(u)) }
    };
    let extreme = |v: Option<i64>| match v {
        Some(b) => number(crate::aggregate::Total { sum: i128::from(b), ..Default::default() }.value_in(mass_unit)),
        None => Cell::Empty,
    };
    row.push(total(&m.mass, mass_unit));
    row.push(total(&m.volume, Unit::Litre));
    row.extend(kinds.iter().map(|&k| total(m.count(k), k.unit())));
    row.push(if m.seizures_reported > 0 { number(m.seizures) } else { Cell::Empty });
    row.push(number(m.records));
    row.push(number(m.no_quantity));
    row.push(extreme(m.mass.min));
    row.push(extreme(m.mass.max));
    row.push(m.first.map_or(Cell::Empty, |d| Cell::Text(d.to_string())));
    row.push(m.last.map_or(Cell::Empty, |d| Cell::Text(d.to_string())));
    row.push(if attributable && total_mass > 0 && !m.mass.is_empty() {
        number(format!("{:.6}", m.mass.sum as f64 / total_mass as f64))
    } else {
        Cell::Empty
    });
    row.push(Cell::Text(if attributable { "yes" } else { "no" }.to_owned()));
    row
}

/// A value for bindings that hand numbers over as floats (JavaScript): no
/// decimal text is formatted, which for many groups costs more than the
/// aggregation. Exact output stays with [`aggregate_rows`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A measure as the nearest float.
    Float(f64),
    /// A count.
    Int(u64),
    /// Nothing.
    Empty,
}

/// The same table as [`aggregate_rows_in`], with floats instead of exact decimals.
pub fn aggregate_values(agg: &Aggregate, mass_unit: Unit) -> (Vec<String>, Vec<Vec<Value>>) {
    let kinds = agg.count_units();
    let header = aggregate_header(agg, &kinds, mass_unit);
    let total_mass = agg.grand_total().mass.sum;
    let row = |g: &Group, attributable: bool| {
        let m = &g.measures;
        let mut r: Vec<Value> =
            g.key.iter().map(|k| if k.label().is_empty() { Value::Empty } else { Value::Text(k.label()) }).collect();
        let total =
            |t: &crate::aggregate::Total, u: Unit| if t.is_empty() { Value::Empty } else { Value::Float(t.to_f64(u)) };
        let (num, den) = mass_unit.factor();
        let extreme = |v: Option<i64>| v.map_or(Value::Empty, |b| Value::Float(b as f64 * den as f64 / num as f64));
        r.push(total(&m.mass, mass_unit));
        r.push(total(&m.volume, Unit::Litre));
        r.extend(kinds.iter().map(|&k| total(m.count(k), k.unit())));
        r.push(if m.seizures_reported > 0 { Value::Int(m.seizures) } else { Value::Empty });
        r.push(Value::Int(m.records));
        r.push(Value::Int(m.no_quantity));
        r.push(extreme(m.mass.min));
        r.push(extreme(m.mass.max));
        r.push(m.first.map_or(Value::Empty, |d| Value::Text(d.to_string())));
        r.push(m.last.map_or(Value::Empty, |d| Value::Text(d.to_string())));
        r.push(if attributable && total_mass > 0 && !m.mass.is_empty() {
            Value::Float(m.mass.sum as f64 / total_mass as f64)
        } else {
            Value::Empty
        });
        r.push(Value::Text(if attributable { "yes" } else { "no" }.to_owned()));
        r
    };
    let rows = agg.groups.iter().map(|g| row(g, true)).chain(agg.unattributed.iter().map(|g| row(g, false))).collect();
    (header, rows)
}

/// The header and rows of an aggregate: one column per grouping key, then
/// the [`measure_columns`] of the kinds of items it counts. Unattributed groups (records spanning several time
/// buckets) come last with `attributable` = `no`.
pub fn aggregate_rows(agg: &Aggregate) -> (Vec<String>, Vec<Vec<Cell>>) {
    aggregate_rows_in(agg, Unit::Kilogram)
}

/// Like [`aggregate_rows`] with masses in another unit (`mass_lb`, `mass_t`, ...).
pub fn aggregate_rows_in(agg: &Aggregate, mass_unit: Unit) -> (Vec<String>, Vec<Vec<Cell>>) {
    let kinds = agg.count_units();
    let header = aggregate_header(agg, &kinds, mass_unit);
    let total_mass = agg.grand_total().mass.sum;
    let rows = agg
        .groups
        .iter()
        .map(|g| group_row(g, total_mass, true, mass_unit, &kinds))
        .chain(agg.unattributed.iter().map(|g| group_row(g, total_mass, false, mass_unit, &kinds)))
        .collect();
    (header, rows)
}

/// Writes rows as CSV (RFC 4180 quoting by the csv crate; text cells
/// neutralised against formula injection by [`csv_text`]).
pub fn to_csv(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(header.iter().map(|h| CsvField(csv_text(h))));
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| CsvField(c.csv())));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Writes rows as a JSON array of objects, numbers as exact JSON numbers.
pub fn to_json(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from("[");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        for (j, (h, c)) in header.iter().zip(r).enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            out.push_str(&serde_json::to_string(h).unwrap_or_default());
            out.push_str(": ");
            out.push_str(&c.json());
        }
        out.push('}');
    }
    out.push_str(if rows.is_empty() { "]\n" } else { "\n]\n" });
    out
}

/// An aggregate as CSV.
///
/// ```
/// use narcostat::{GroupKey, Query, SeizureTable, write};
/// let month = narcostat::seed::bulletin_2021_02();
/// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
/// let csv = write::aggregate_csv(&t.aggregate(&Query::by(&[GroupKey::DrugGroup])).unwrap());
/// assert!(csv.starts_with("drug-group,mass_kg,volume_l,seizures,records,"));
/// assert!(csv.contains("\nOpioids,51215,,,3,0,1144,47767,2021-01-30,2021-02-28,0.879877,yes\n"));
/// ```
pub fn aggregate_csv(agg: &Aggregate) -> String {
    let (h, r) = aggregate_rows(agg);
    to_csv(&h, &r)
}

/// An aggregate as JSON rows.
pub fn aggregate_json(agg: &Aggregate) -> String {
    let (h, r) = aggregate_rows(agg);
    to_json(&h, &r)
}

/// A ranking as rows: `rank`, the keys, the measure with its unit, `share` (0-1).
pub fn ranking_rows(ranking: &crate::rank::Ranking, by: &[crate::GroupKey]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut header = vec!["rank".to_owned()];
    header.extend(by.iter().map(|k| k.name().to_owned()));
    header.push(ranking.measure.column().to_owned());
    header.push("share".to_owned());
    let rows = ranking
        .entries
        .iter()
        .map(|e| {
            let mut r = vec![number(e.rank)];
            r.extend(e.key.iter().map(|k| Cell::Text(k.label())));
            r.push(number(e.value));
            r.push(number(format!("{:.6}", e.share)));
            r
        })
        .collect();
    (header, rows)
}

/// A comparison as rows: the keys, the measure in each period, `change`,
/// `change_percent`, `status`; the totals last.
pub fn comparison_rows(
    c: &crate::compare::Comparison,
    by: &[crate::GroupKey],
    current: &str,
    previous: &str,
) -> (Vec<String>, Vec<Vec<Cell>>) {
    let col = c.measure.column();
    let keys: Vec<&crate::GroupKey> = by.iter().filter(|k| !matches!(k, crate::GroupKey::Time(_))).collect();
    let mut header: Vec<String> = keys.iter().map(|k| k.name().to_owned()).collect();
    header.extend([
        format!("{col} {current}"),
        format!("{col} {previous}"),
        "change".to_owned(),
        "change_percent".to_owned(),
        "status".to_owned(),
    ]);
    let row = |ch: &crate::compare::Change, key: Vec<Cell>| {
        let mut r = key;
        r.push(number(ch.current));
        r.push(number(ch.previous));
        r.push(number(ch.absolute));
        r.push(ch.percent.map_or(Cell::Empty, |p| number(format!("{p:.1}"))));
        r.push(Cell::Text(
            match ch.status {
                crate::compare::ChangeStatus::Both => "both",
                crate::compare::ChangeStatus::New => "new",
                crate::compare::ChangeStatus::Vanished => "vanished",
            }
            .to_owned(),
        ));
        r
    };
    let mut rows: Vec<Vec<Cell>> =
        c.rows.iter().map(|ch| row(ch, ch.key.iter().map(|k| Cell::Text(k.label())).collect())).collect();
    let mut total_key = vec![Cell::Text("total".to_owned())];
    total_key.resize(keys.len().max(1), Cell::Empty);
    rows.push(row(&c.total, total_key));
    (header, rows)
}

/// Equivalents as rows: the keys (drug folded in), `mass_kg` equivalent,
/// the factors used, and records not converted.
pub fn equivalent_rows(eq: &crate::equivalent::Equivalents, by: &[crate::GroupKey]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let keys: Vec<&crate::GroupKey> = by.iter().filter(|k| **k != crate::GroupKey::Drug).collect();
    let mut header: Vec<String> = keys.iter().map(|k| k.name().to_owned()).collect();
    header.extend(["equivalent_kg", "basis", "factors", "records_not_converted"].map(str::to_owned));
    let f = &eq.factors;
    let factors = format!(
        "opium-per-heroin={}; morphine-per-heroin={}; kg-per-litre={}; mg-per-tablet={}",
        f.opium_per_heroin, f.morphine_per_heroin, f.kg_per_litre, f.mg_per_tablet
    );
    let basis = match eq.basis {
        crate::equivalent::Basis::HeroinEquivalent => "heroin",
        crate::equivalent::Basis::OpiumEquivalent => "opium",
        crate::equivalent::Basis::AtsMass => "ats-mass",
    };
    let rows = eq
        .rows
        .iter()
        .map(|r| {
            let mut row: Vec<Cell> = r.key.iter().map(|k| Cell::Text(k.label())).collect();
            row.push(number(r.mass_kg));
            row.push(Cell::Text(basis.to_owned()));
            row.push(Cell::Text(factors.clone()));
            row.push(number(r.not_converted));
            row
        })
        .collect();
    (header, rows)
}

/// A trend as rows: the key, the measure with its unit, `change`,
/// `change_percent` and `periods_missing_before` (a gap before the point:
/// no change is given across it).
pub fn trend_rows(
    points: &[crate::compare::TrendPoint],
    by: &[crate::GroupKey],
    measure: crate::rank::Measure,
) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut header: Vec<String> = by.iter().map(|k| k.name().to_owned()).collect();
    header.extend([measure.column(), "change", "change_percent", "periods_missing_before"].map(str::to_owned));
    let rows = points
        .iter()
        .map(|p| {
            let mut r: Vec<Cell> = p.key.iter().map(|k| Cell::Text(k.label())).collect();
            r.push(number(p.value));
            r.push(p.change.map_or(Cell::Empty, number));
            r.push(p.percent.map_or(Cell::Empty, |v| number(format!("{v:.1}"))));
            r.push(if p.missing_before > 0 { number(p.missing_before) } else { Cell::Empty });
            r
        })
        .collect();
    (header, rows)
}

/// The columns of [`records_rows`].
pub const RECORD_COLUMNS: [&str; 16] = [
    "drug",
    "drug_group",
    "name",
    "specific_name",
    "quantity",
    "unit",
    "seizures",
    "start",
    "end",
    "country",
    "country_name",
    "province",
    "locality",
    "agency",
    "origin",
    "destination",
];

/// Records as rows: the quantity exactly in the unit it was reported in.
pub fn records_rows(seizures: &[Seizure]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let text = |s: &Option<String>| s.as_ref().map_or(Cell::Empty, |t| Cell::Text(t.clone()));
    let country = |c: Option<crate::CountryCode>| c.map_or(Cell::Empty, |c| Cell::Text(c.to_string()));
    let rows = seizures
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.substance.drug.slug().to_owned()),
                Cell::Text(s.substance.drug.group().slug().to_owned()),
                Cell::Text(s.substance.name.clone()),
                text(&s.substance.specific),
                s.quantity.map_or(Cell::Empty, |q| number(q.value())),
                s.quantity.map_or(Cell::Empty, |q| Cell::Text(q.unit().symbol().to_owned())),
                s.seizures.map_or(Cell::Empty, number),
                Cell::Text(s.period.start.to_string()),
                Cell::Text(s.period.end.to_string()),
                country(s.place.country),
                text(&s.place.country_name),
                text(&s.place.province),
                text(&s.place.locality),
                text(&s.agency),
                country(s.origin),
                country(s.destination),
            ]
        })
        .collect();
    (RECORD_COLUMNS.iter().map(|c| (*c).to_owned()).collect(), rows)
}

/// Records as CSV.
pub fn records_csv(seizures: &[Seizure]) -> String {
    let (h, r) = records_rows(seizures);
    to_csv(&h, &r)
}

/// A dataset as JSON in the documented shape.
pub fn dataset_json(dataset: &crate::Dataset) -> String {
    serde_json::to_string_pretty(dataset).unwrap_or_default()
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{ReadOptions, read_str};

    #[test]
    fn no_float_noise_from_cbp_pounds() {
        let csv = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n\
                   2026 (FYTD),DEC,Office of Field Operations,Coastal/Interior,Other,ATLANTA FIELD OFFICE,Methamphetamine,2,147.04832875399998\n";
        let (data, _) = read_str(csv, "c.csv", &ReadOptions::default()).unwrap();
        let out = records_csv(&data.seizures);
        assert!(out.contains(",147.048328754,lb,"), "{out}");
        let t = crate::SeizureTable::from_seizures(&data.seizures).unwrap();
        let json = aggregate_json(&t.aggregate(&crate::Query::by(&[crate::GroupKey::Drug])).unwrap());
        assert!(json.contains("\"mass_kg\": 66.699999944,"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0]["drug"], "Methamphetamine");
    }

    /// Naively, per the OWASP rule: the written cell of a text.
    fn expected_cell(text: &str) -> String {
        let dangerous = matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
        if dangerous { format!("'{text}") } else { text.to_owned() }
    }

    #[test]
    fn csv_text_cells_never_start_a_formula_and_numbers_stay_numbers() {
        let texts = ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=x", "\r=x", "Opium", "", "a=b", "'=already", " =x"];
        let rows: Vec<Vec<Cell>> = texts
            .iter()
            .map(|t| vec![Cell::Text((*t).to_owned()), Cell::Number("-5".to_owned()), Cell::Number("+5".to_owned())])
            .collect();
        let out = to_csv(&["name".to_owned(), "n".to_owned(), "m".to_owned()], &rows);
        let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
        let back: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(back.len(), texts.len());
        for (t, r) in texts.iter().zip(&back) {
            assert_eq!(r[0], expected_cell(t), "{t:?}");
            assert!(!r[0].starts_with(FORMULA_TRIGGERS), "{t:?} -> {:?}", &r[0]);
            assert_eq!((&r[1], &r[2]), ("-5", "+5"));
        }
    }

    #[test]
    fn csv_round_trips_through_the_generic_reader() {
        let month = crate::seed::bulletin_2021_02();
        let out = records_csv(&month.seizures);
        let map = crate::read::ColumnMap {
            substance: "name".into(),
            quantity: "quantity".into(),
            unit: Some("unit".into()),
            date: Some("start".into()),
            country: Some("country".into()),
            ..Default::default()
        };
        let opts = ReadOptions { format: Some(crate::read::Format::Generic(map)), ..ReadOptions::default() };
        let (back, _) = read_str(&out, "out.csv", &opts).unwrap();
        let q: Vec<_> = back.seizures.iter().map(|s| s.quantity).collect();
        assert_eq!(q, month.seizures.iter().map(|s| s.quantity).collect::<Vec<_>>());
    }
}
