//! Writers: records to CSV and datasets to JSON, with exact numbers (decimal
//! text, never float noise). Results are written by [`crate::result::ResultTable`].
//!
//! CSV text cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's "CSV injection")
//! are written with a leading `'`, which spreadsheets show but do not
//! evaluate; number cells (`-5`) are written as they are. See [`csv_text`].

use crate::record::Seizure;
use std::borrow::Cow;

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

fn number(d: impl ToString) -> Cell {
    Cell::Number(d.to_string())
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

/// Records as rows: the quantity exactly in the unit it was reported in;
/// after the [`RECORD_COLUMNS`], the source columns the records kept
/// ([`Seizure::columns`]), headed by their names as written — or, for a name
/// that is also one of the record columns (a source's own `drug_group`),
/// `column:NAME`, which the readers keep as `NAME` again.
pub fn records_rows(seizures: &[Seizure]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let kept = crate::result::kept_names(seizures);
    let text = |s: &Option<String>| s.as_ref().map_or(Cell::Empty, |t| Cell::Text(t.clone()));
    let country = |c: Option<crate::CountryCode>| c.map_or(Cell::Empty, |c| Cell::Text(c.to_string()));
    let rows = seizures
        .iter()
        .map(|s| {
            let fixed = [
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
            ];
            let extra = kept.iter().map(|name| s.column_exact(name).map_or(Cell::Empty, |v| Cell::Text(v.to_owned())));
            fixed.into_iter().chain(extra).collect()
        })
        .collect();
    let kept_header = kept.into_iter().map(|name| {
        let clashes =
            RECORD_COLUMNS.iter().any(|c| crate::substance::normalize(c) == crate::substance::normalize(&name));
        if clashes { format!("{}{name}", crate::read::KEPT_PREFIX) } else { name }
    });
    (RECORD_COLUMNS.iter().map(|c| (*c).to_owned()).chain(kept_header).collect(), rows)
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
        let agg = t.aggregate(&crate::Query::by(&[crate::GroupKey::Drug])).unwrap();
        let json = crate::result::ResultTable::aggregate(&agg, crate::result::OutputUnits::default()).to_json();
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
