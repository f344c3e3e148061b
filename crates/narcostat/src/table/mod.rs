//! The columnar seizure table that aggregation runs over.

mod concat;
mod dict;
mod extra;

use crate::period::{Date, Period, PeriodError};
use crate::place::{CountryCode, Place};
use crate::quantity::{CountUnit, Quantity, Unit};
use crate::record::Seizure;
use crate::substance::{Drug, Substance};
pub(crate) use dict::Dict;
pub(crate) use extra::ExtraColumn;

/// A row that cannot go into a [`SeizureTable`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// A record's period is reversed or reaches outside the supported dates.
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// A record's period is longer than the table holds (about 179 years).
    #[error("period {period} is longer than 65,536 days")]
    PeriodTooLong {
        /// The period.
        period: Period,
    },
    /// A record's number of seizure events is beyond 4,294,967,294.
    #[error("{seizures} seizure events in one record is more than the table holds")]
    TooManyEvents {
        /// The number given.
        seizures: u64,
    },
    /// More distinct values of a dimension than its column holds.
    #[error("more than {limit} distinct {what}")]
    TooManyDistinct {
        /// Which dimension.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
}

const NO_QUANTITY: u8 = u8::MAX;
const NO_EVENTS: u32 = u32::MAX;

/// The span column's value of a period (its length in days, less one), or
/// why the table cannot hold it. Readers call it too, so that a row the table
/// cannot hold is rejected where it is read, with its line and column.
pub(crate) fn span_of(period: Period) -> Result<u16, TableError> {
    let period = period.check()?;
    u16::try_from(period.days() - 1).map_err(|_| TableError::PeriodTooLong { period })
}

/// The events column's value of a number of seizure events, or why the table cannot hold it.
pub(crate) fn events_code(seizures: Option<u64>) -> Result<u32, TableError> {
    match seizures {
        None => Ok(NO_EVENTS),
        Some(n) => u32::try_from(n).ok().filter(|&n| n != NO_EVENTS).ok_or(TableError::TooManyEvents { seizures: n }),
    }
}

/// Seizure records in columns: dictionary-encoded dimensions, integer day
/// numbers and exact integer measures. The core columns take 32 bytes per row
/// (amount 8, seizure events 4, start day 4, span 2, drug 1, unit 1, name 4,
/// place 4, agency 2, route 2) plus the dictionaries, which grow with the
/// number of distinct values, not of rows.
///
/// The source's own columns kept with the records ([`Seizure::columns`])
/// become dictionary-encoded extra columns, 4 bytes per row each; a table
/// without them has none.
///
/// Sources and notes of records are not kept in the table; keep the records
/// (or their [`Dataset`](crate::Dataset)) for them.
///
/// ```
/// use narcostat::SeizureTable;
/// let month = narcostat::seed::bulletin_2021_02();
/// let table = SeizureTable::from_seizures(&month.seizures).unwrap();
/// assert_eq!(table.len(), 7);
/// assert_eq!(table.row(0).unwrap().substance.name, "Opium");
/// ```
#[derive(Debug, Clone, Default)]
pub struct SeizureTable {
    pub(crate) names: Dict<String>,
    pub(crate) places: Dict<Place>,
    pub(crate) agencies: Dict<Option<String>>,
    pub(crate) routes: Dict<(Option<CountryCode>, Option<CountryCode>)>,
    pub(crate) drug: Vec<u8>,
    pub(crate) unit: Vec<u8>,
    pub(crate) name: Vec<u32>,
    pub(crate) place: Vec<u32>,
    pub(crate) agency: Vec<u16>,
    pub(crate) route: Vec<u16>,
    pub(crate) start: Vec<i32>,
    pub(crate) span: Vec<u16>,
    pub(crate) amount: Vec<i64>,
    pub(crate) seizures: Vec<u32>,
    /// Which drugs (by index into [`Drug::ALL`]) occur, so that group keys
    /// span only those.
    pub(crate) drugs_seen: [u64; 4],
    /// Which units (by index into [`Unit::ALL`]) occur.
    pub(crate) units_seen: u64,
    /// The source's own columns kept with the records (see
    /// [`Seizure::columns`]), each as long as the table; none costs nothing.
    pub(crate) extra: Vec<ExtraColumn>,
}

/// Borrowed raw columns of a [`SeizureTable`].
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    /// Index into [`Drug::ALL`].
    pub drug: &'a [u8],
    /// Index into [`Unit::ALL`]; 255 when the record has no quantity.
    pub unit: &'a [u8],
    /// The quantity in base units of its unit's dimension (0 when none).
    pub amount: &'a [i64],
    /// First day, as days since 1970-01-01.
    pub start: &'a [i32],
    /// Days after the first day that the record also covers.
    pub span: &'a [u16],
    /// Seizure events; `u32::MAX` when not reported.
    pub seizures: &'a [u32],
}

/// The length of a table at one moment (see [`SeizureTable::mark`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableMark {
    len: usize,
    extra: usize,
    drugs_seen: [u64; 4],
    units_seen: u64,
}

/// Dictionary codes of one row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Codes {
    pub name: u32,
    pub place: u32,
    pub agency: u16,
    pub route: u16,
}

pub(crate) fn drug_index(drug: Drug) -> u8 {
    Drug::ALL.iter().position(|&d| d == drug).and_then(|i| u8::try_from(i).ok()).unwrap_or(0)
}

pub(crate) fn unit_index(unit: Unit) -> u8 {
    Unit::ALL.iter().position(|&u| u == unit).and_then(|i| u8::try_from(i).ok()).unwrap_or(0)
}

impl SeizureTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// A table of `seizures`.
    pub fn from_seizures<'a>(seizures: impl IntoIterator<Item = &'a Seizure>) -> Result<Self, TableError> {
        let mut t = Self::new();
        t.extend(seizures)?;
        Ok(t)
    }

    /// Appends a batch of records.
    pub fn extend<'a>(&mut self, seizures: impl IntoIterator<Item = &'a Seizure>) -> Result<(), TableError> {
        for s in seizures {
            self.push(s)?;
        }
        Ok(())
    }

    /// Appends one record. On error the table is unchanged.
    pub fn push(&mut self, s: &Seizure) -> Result<(), TableError> {
        let codes = Codes {
            name: self.intern_name(&s.substance.name)?,
            place: self.intern_place(&s.place)?,
            agency: self.intern_agency(s.agency.as_deref())?,
            route: self.intern_route(s.origin, s.destination)?,
        };
        let row = self.len();
        self.push_coded(s.substance.drug, s.quantity, s.seizures, s.period, codes)?;
        if let Err(e) = self.push_kept(row, &s.columns) {
            self.truncate(row);
            return Err(e);
        }
        Ok(())
    }

    /// Gives row `row` (just pushed) its kept column values; every extra
    /// column ends up `row + 1` long, a name the table lacks becoming a new column.
    fn push_kept(&mut self, row: usize, columns: &[(String, String)]) -> Result<(), TableError> {
        for (name, value) in columns {
            let i = self.extra_index(name, row);
            let column = &mut self.extra[i];
            let code = column
                .intern(Some(value))
                .ok_or(TableError::TooManyDistinct { what: "values of a kept column", limit: u32::MAX as usize })?;
            if column.codes.len() == row {
                column.codes.push(code);
            }
        }
        for column in &mut self.extra {
            column.pad_to(row + 1);
        }
        Ok(())
    }

    /// The index of the extra column named `name` (exactly as written), added
    /// with `rows` missing values when new.
    fn extra_index(&mut self, name: &str, rows: usize) -> usize {
        if let Some(i) = self.extra.iter().position(|c| c.name == name) {
            return i;
        }
        self.extra.push(ExtraColumn::new(name, rows));
        self.extra.len() - 1
    }

    /// The kept column values of row `i`.
    fn kept_values(&self, i: usize) -> Vec<(String, String)> {
        self.extra.iter().filter_map(|c| c.value(i).map(|v| (c.name.clone(), v.to_owned()))).collect()
    }

    /// The names of the source columns kept in the table, in first-seen order.
    ///
    /// ```
    /// use narcostat::read::{read_str, ReadOptions};
    /// let csv = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n\
    ///            Europe,Turkey,TUR,Opioids,Heroin,2018,17.5\n";
    /// let (data, _) = read_str(csv, "unodc.csv", &ReadOptions::default()).unwrap();
    /// let table = narcostat::SeizureTable::from_seizures(&data.seizures).unwrap();
    /// assert_eq!(table.column_names(), ["Region", "Drug Group"]);
    /// assert_eq!(table.row(0).unwrap().column("region"), Some("Europe"));
    /// ```
    pub fn column_names(&self) -> Vec<&str> {
        self.extra.iter().map(|c| c.name.as_str()).collect()
    }

    /// Whether a record's period and number of events fit the table's
    /// columns (dictionaries aside, which only fill up after billions of
    /// distinct values): readers reject the rows that do not, so that a row
    /// is accepted or rejected alike whether it is read into records or a table.
    ///
    /// ```
    /// use narcostat::{Period, SeizureTable};
    /// let mut s = narcostat::seed::bulletin_2021_02().seizures[0].clone();
    /// assert!(SeizureTable::admits(&s).is_ok());
    /// s.period = Period::parse("1800..2000").unwrap();
    /// assert!(SeizureTable::admits(&s).is_err());
    /// ```
    pub fn admits(s: &Seizure) -> Result<(), TableError> {
        span_of(s.period)?;
        events_code(s.seizures)?;
        Ok(())
    }

    /// Appends the records of one row, all or none: on error the table is unchanged.
    pub(crate) fn push_row<'a>(&mut self, seizures: impl IntoIterator<Item = &'a Seizure>) -> Result<(), TableError> {
        // The mark also keeps which units occur: a refused row must not leave
        // its count kind behind (an empty `count_*` column, an ambiguous `count`).
        let mark = self.mark();
        for s in seizures {
            if let Err(e) = self.push(s) {
                self.roll_back(mark);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Keeps the first `len` rows (their dictionary values stay, unused).
    fn truncate(&mut self, len: usize) {
        self.drug.truncate(len);
        self.unit.truncate(len);
        self.name.truncate(len);
        self.place.truncate(len);
        self.agency.truncate(len);
        self.route.truncate(len);
        self.start.truncate(len);
        self.span.truncate(len);
        self.amount.truncate(len);
        self.seizures.truncate(len);
        for column in &mut self.extra {
            column.codes.truncate(len);
        }
    }

    pub(crate) fn intern_name(&mut self, name: &str) -> Result<u32, TableError> {
        self.names
            .intern_str(name, u32::MAX as usize)
            .ok_or(TableError::TooManyDistinct { what: "names", limit: u32::MAX as usize })
    }

    pub(crate) fn intern_place(&mut self, place: &Place) -> Result<u32, TableError> {
        self.places
            .intern(place, u32::MAX as usize)
            .ok_or(TableError::TooManyDistinct { what: "places", limit: u32::MAX as usize })
    }

    pub(crate) fn intern_agency(&mut self, agency: Option<&str>) -> Result<u16, TableError> {
        let code = self
            .agencies
            .intern(&agency.map(str::to_owned), 1 << 16)
            .ok_or(TableError::TooManyDistinct { what: "agencies", limit: 1 << 16 })?;
        // Fits: interned with a limit of 2^16.
        Ok(u16::try_from(code).unwrap_or(u16::MAX))
    }

    pub(crate) fn intern_route(
        &mut self,
        origin: Option<CountryCode>,
        destination: Option<CountryCode>,
    ) -> Result<u16, TableError> {
        let code = self
            .routes
            .intern(&(origin, destination), 1 << 16)
            .ok_or(TableError::TooManyDistinct { what: "origin/destination pairs", limit: 1 << 16 })?;
        Ok(u16::try_from(code).unwrap_or(u16::MAX))
    }

    /// Appends a row whose dimensions are already interned.
    pub(crate) fn push_coded(
        &mut self,
        drug: Drug,
        quantity: Option<Quantity>,
        seizures: Option<u64>,
        period: Period,
        codes: Codes,
    ) -> Result<(), TableError> {
        let span = span_of(period)?;
        let seizures = events_code(seizures)?;
        let d = drug_index(drug);
        self.drugs_seen[usize::from(d / 64)] |= 1 << (d % 64);
        self.drug.push(d);
        if let Some(q) = quantity {
            self.units_seen |= 1 << unit_index(q.unit());
        }
        self.unit.push(quantity.map_or(NO_QUANTITY, |q| unit_index(q.unit())));
        self.amount.push(quantity.map_or(0, Quantity::base));
        self.name.push(codes.name);
        self.place.push(codes.place);
        self.agency.push(codes.agency);
        self.route.push(codes.route);
        self.start.push(period.start.days());
        self.span.push(span);
        self.seizures.push(seizures);
        Ok(())
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.drug.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.drug.is_empty()
    }

    /// Row `i` as a record (without source and notes, which the table does not keep).
    pub fn row(&self, i: usize) -> Option<Seizure> {
        let drug = *Drug::ALL.get(usize::from(*self.drug.get(i)?))?;
        let quantity = match self.unit[i] {
            NO_QUANTITY => None,
            u => Quantity::from_base(self.amount[i], *Unit::ALL.get(usize::from(u))?).ok(),
        };
        let start = Date::from_days(self.start[i]);
        let end = Date::from_days(self.start[i] + i32::from(self.span[i]));
        let (origin, destination) = *self.routes.get(u32::from(self.route[i]))?;
        Some(Seizure {
            substance: Substance { drug, name: self.names.get(self.name[i])?.clone(), specific: None },
            quantity,
            seizures: (self.seizures[i] != NO_EVENTS).then_some(u64::from(self.seizures[i])),
            period: Period { start, end },
            place: self.places.get(self.place[i])?.clone(),
            agency: self.agencies.get(u32::from(self.agency[i]))?.clone(),
            source: None,
            origin,
            destination,
            notes: Vec::new(),
            columns: self.kept_values(i),
        })
    }

    /// Every row as a record.
    pub fn rows(&self) -> impl Iterator<Item = Seizure> + '_ {
        (0..self.len()).filter_map(|i| self.row(i))
    }

    /// Bytes held by the per-row columns (allocated capacity).
    pub fn column_bytes(&self) -> usize {
        self.drug.capacity()
            + self.unit.capacity()
            + 4 * self.name.capacity()
            + 4 * self.place.capacity()
            + 2 * self.agency.capacity()
            + 2 * self.route.capacity()
            + 4 * self.start.capacity()
            + 2 * self.span.capacity()
            + 8 * self.amount.capacity()
            + 4 * self.seizures.capacity()
            + self.kept_column_bytes()
    }

    /// Bytes held by the per-row codes of the kept source columns (4 per row
    /// and column; 0 for a table without them).
    pub fn kept_column_bytes(&self) -> usize {
        self.extra.iter().map(|c| 4 * c.codes.capacity()).sum()
    }

    /// Bytes held by the dictionaries (shallow: the strings' own heap bytes are not counted).
    pub fn dictionary_bytes(&self) -> usize {
        self.names.heap_bytes()
            + self.places.heap_bytes()
            + self.agencies.heap_bytes()
            + self.routes.heap_bytes()
            + self.extra.iter().map(|c| c.values.heap_bytes()).sum::<usize>()
    }

    /// Whether any row is of `drug`.
    pub fn has_drug(&self, drug: Drug) -> bool {
        let d = drug_index(drug);
        self.drugs_seen[usize::from(d / 64)] & (1 << (d % 64)) != 0
    }

    /// The kinds of counted items the table's quantities count, in [`CountUnit::ALL`] order.
    pub fn count_units(&self) -> Vec<CountUnit> {
        let seen = |u: Unit| self.units_seen & (1 << unit_index(u)) != 0;
        CountUnit::ALL
            .into_iter()
            .filter(|c| Unit::ALL.iter().any(|&u| CountUnit::of(u) == Some(*c) && seen(u)))
            .collect()
    }

    /// The raw columns, for zero-copy export and for benchmarks.
    pub fn columns(&self) -> Columns<'_> {
        Columns {
            drug: &self.drug,
            unit: &self.unit,
            amount: &self.amount,
            start: &self.start,
            span: &self.span,
            seizures: &self.seizures,
        }
    }

    /// Appends another table's rows, re-coding its dictionaries into this
    /// table's (for tables read in parallel parts). On error some rows of
    /// `other` may have been appended.
    pub fn append(&mut self, other: &SeizureTable) -> Result<(), TableError> {
        let names: Vec<u32> = other.names.values().iter().map(|n| self.intern_name(n)).collect::<Result<_, _>>()?;
        let places: Vec<u32> = other.places.values().iter().map(|p| self.intern_place(p)).collect::<Result<_, _>>()?;
        let agencies: Vec<u16> =
            other.agencies.values().iter().map(|a| self.intern_agency(a.as_deref())).collect::<Result<_, _>>()?;
        let routes: Vec<u16> =
            other.routes.values().iter().map(|&(o, d)| self.intern_route(o, d)).collect::<Result<_, _>>()?;
        let before = self.len();
        self.append_kept(other, before)?;
        self.reserve(other.len());
        self.drug.extend_from_slice(&other.drug);
        self.unit.extend_from_slice(&other.unit);
        self.amount.extend_from_slice(&other.amount);
        self.start.extend_from_slice(&other.start);
        self.span.extend_from_slice(&other.span);
        self.seizures.extend_from_slice(&other.seizures);
        self.name.extend(other.name.iter().map(|&c| names[c as usize]));
        self.place.extend(other.place.iter().map(|&c| places[c as usize]));
        self.agency.extend(other.agency.iter().map(|&c| agencies[usize::from(c)]));
        self.route.extend(other.route.iter().map(|&c| routes[usize::from(c)]));
        for (mine, theirs) in self.drugs_seen.iter_mut().zip(other.drugs_seen) {
            *mine |= theirs;
        }
        self.units_seen |= other.units_seen;
        Ok(())
    }

    /// Appends the kept columns of `other`'s rows after row `before`,
    /// re-coded by column name; columns only one side has are missing on the other.
    fn append_kept(&mut self, other: &SeizureTable, before: usize) -> Result<(), TableError> {
        let too_many = || TableError::TooManyDistinct { what: "values of a kept column", limit: u32::MAX as usize };
        for theirs in &other.extra {
            let i = self.extra_index(&theirs.name, before);
            let mine = &mut self.extra[i];
            let recode: Vec<u32> = theirs
                .values
                .values()
                .iter()
                .map(|v| mine.intern(v.as_deref()).ok_or_else(too_many))
                .collect::<Result<_, _>>()?;
            mine.codes.extend(theirs.codes.iter().map(|&c| recode.get(c as usize).copied().unwrap_or(extra::MISSING)));
        }
        for column in &mut self.extra {
            column.pad_to(before + other.len());
        }
        Ok(())
    }

    /// Frees unused column capacity (after reading, when the row count is known).
    pub fn shrink_to_fit(&mut self) {
        self.drug.shrink_to_fit();
        self.unit.shrink_to_fit();
        self.name.shrink_to_fit();
        self.place.shrink_to_fit();
        self.agency.shrink_to_fit();
        self.route.shrink_to_fit();
        self.start.shrink_to_fit();
        self.span.shrink_to_fit();
        self.amount.shrink_to_fit();
        self.seizures.shrink_to_fit();
        for column in &mut self.extra {
            column.codes.shrink_to_fit();
        }
    }

    /// Where the table ends now, to [roll back](Self::roll_back) to.
    pub(crate) fn mark(&self) -> TableMark {
        TableMark { len: self.len(), extra: self.extra.len(), drugs_seen: self.drugs_seen, units_seen: self.units_seen }
    }

    /// Drops the rows appended since `mark` (dictionary entries stay; they
    /// hold no rows). For readers that add the records of one source row
    /// together or not at all.
    pub(crate) fn roll_back(&mut self, mark: TableMark) {
        self.truncate(mark.len);
        self.extra.truncate(mark.extra);
        self.drugs_seen = mark.drugs_seen;
        self.units_seen = mark.units_seen;
    }

    /// The rows at `rows` (in that order), with the same dictionaries (so
    /// the same codes); which drugs and units occur is worked out anew.
    pub(crate) fn select_rows(&self, rows: &[usize]) -> Self {
        fn pick<T: Copy>(column: &[T], rows: &[usize]) -> Vec<T> {
            rows.iter().map(|&r| column[r]).collect()
        }
        let mut table = Self {
            names: self.names.clone(),
            places: self.places.clone(),
            agencies: self.agencies.clone(),
            routes: self.routes.clone(),
            drug: pick(&self.drug, rows),
            unit: pick(&self.unit, rows),
            name: pick(&self.name, rows),
            place: pick(&self.place, rows),
            agency: pick(&self.agency, rows),
            route: pick(&self.route, rows),
            start: pick(&self.start, rows),
            span: pick(&self.span, rows),
            amount: pick(&self.amount, rows),
            seizures: pick(&self.seizures, rows),
            drugs_seen: [0; 4],
            units_seen: 0,
            extra: self
                .extra
                .iter()
                .map(|c| ExtraColumn { name: c.name.clone(), values: c.values.clone(), codes: pick(&c.codes, rows) })
                .collect(),
        };
        for (&d, &u) in table.drug.iter().zip(&table.unit) {
            table.drugs_seen[usize::from(d / 64)] |= 1 << (d % 64);
            if u != NO_QUANTITY {
                table.units_seen |= 1 << u;
            }
        }
        table
    }

    /// Reserves room for `additional` more rows.
    pub fn reserve(&mut self, additional: usize) {
        self.drug.reserve(additional);
        self.unit.reserve(additional);
        self.name.reserve(additional);
        self.place.reserve(additional);
        self.agency.reserve(additional);
        self.route.reserve(additional);
        self.start.reserve(additional);
        self.span.reserve(additional);
        self.amount.reserve(additional);
        self.seizures.reserve(additional);
        for column in &mut self.extra {
            column.codes.reserve(additional);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SeizureTable;
    use crate::quantity::{CountUnit, Quantity};

    /// A row refused part-way leaves the table as it was, including which
    /// kinds of items it counts (else output would gain a `count_*` column
    /// for a row that never entered).
    #[test]
    fn a_refused_row_leaves_no_trace() -> Result<(), Box<dyn std::error::Error>> {
        let month = crate::seed::bulletin_2021_02();
        let mut table = SeizureTable::from_seizures(&month.seizures)?;
        let before = (table.len(), table.count_units());
        let mut plants = month.seizures[0].clone();
        plants.quantity = Some(Quantity::parse("4 plants")?);
        let mut too_many = month.seizures[0].clone();
        too_many.seizures = Some(5_000_000_000);
        assert!(table.push_row([&plants, &too_many]).is_err());
        assert_eq!((table.len(), table.count_units()), before);
        assert!(!table.count_units().contains(&CountUnit::Plants));
        table.push_row([&plants])?;
        assert_eq!(table.count_units(), vec![CountUnit::Plants]);
        Ok(())
    }
}
