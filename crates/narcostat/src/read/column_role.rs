//! What a column of a generic table holds: the roles of a column mapping.

use crate::vocabulary::word::{Entry, table_word, word_serde};

/// The role of a column in a generic table, as a user names it in a
/// mapping (`drug="Drug Type"`, `quantity=Qty`).
///
/// ```
/// use narcostat::read::ColumnRole;
/// assert_eq!("substance".parse::<ColumnRole>().unwrap(), ColumnRole::Drug);
/// assert_eq!(ColumnRole::Quantity.to_string(), "quantity");
/// let err = "quantiy".parse::<ColumnRole>().unwrap_err();
/// assert_eq!(err.suggestions, ["quantity"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColumnRole {
    /// The substance name.
    Drug,
    /// The quantity: a number, or a number with its unit (`12 kg`).
    Quantity,
    /// The unit of the quantity, in its own column.
    Unit,
    /// A date or any period text narcostat reads.
    Date,
    /// A year, when there is no date column.
    Year,
    /// The country (code or name).
    Country,
    /// The province or state.
    Province,
    /// The locality (city, office).
    Locality,
    /// The agency.
    Agency,
    /// The number of seizure events.
    Seizures,
    /// The origin country.
    Origin,
    /// The destination country.
    Destination,
}

/// Every role: value, word, aliases.
pub(crate) const COLUMN_ROLES: &[Entry<ColumnRole>] = &[
    (ColumnRole::Drug, "drug", &["substance"]),
    (ColumnRole::Quantity, "quantity", &["qty", "amount"]),
    (ColumnRole::Unit, "unit", &["uom"]),
    (ColumnRole::Date, "date", &["period"]),
    (ColumnRole::Year, "year", &[]),
    (ColumnRole::Country, "country", &[]),
    (ColumnRole::Province, "province", &["state"]),
    (ColumnRole::Locality, "locality", &["city"]),
    (ColumnRole::Agency, "agency", &["component"]),
    (ColumnRole::Seizures, "seizures", &["events", "cases"]),
    (ColumnRole::Origin, "origin", &[]),
    (ColumnRole::Destination, "destination", &[]),
];

impl ColumnRole {
    /// Every role, in mapping order.
    pub const ALL: [Self; 12] = [
        Self::Drug,
        Self::Quantity,
        Self::Unit,
        Self::Date,
        Self::Year,
        Self::Country,
        Self::Province,
        Self::Locality,
        Self::Agency,
        Self::Seizures,
        Self::Origin,
        Self::Destination,
    ];
}

table_word!(ColumnRole, "column role", COLUMN_ROLES);
word_serde!(ColumnRole);
