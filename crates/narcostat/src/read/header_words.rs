//! The header words analysts use for each role of a seizure table, in
//! English and Persian, and units carried in a header (`Weight (kg)`).

use super::column_role::ColumnRole;
use crate::quantity::Unit;
use crate::substance::normalize;

/// Normalised header words (see [`normalize`]) for each role, in tiers:
/// when several headers of a table fit a role, only those of the first
/// tier that has any are candidates (`country` is the country beside a
/// `country_name`; `iso3` beside a `country`), and two of one tier are an
/// ambiguity.
const HEADER_WORDS: &[(ColumnRole, &[&[&str]])] = &[
    (
        ColumnRole::Drug,
        &[&[
            "drug",
            "substance",
            "drugtype",
            "drugname",
            "product",
            "substancename",
            "ماده",
            "نوعماده",
            "موادمخدر",
            "مواد",
            "نوعموادمخدر",
            "نوعمواد",
        ]],
    ),
    (
        ColumnRole::Quantity,
        &[&[
            "quantity",
            "qty",
            "amount",
            "weight",
            "mass",
            "netweight",
            "grossweight",
            "quantityseized",
            "مقدار",
            "وزن",
        ]],
    ),
    (ColumnRole::Unit, &[&["unit", "uom", "unitofmeasure", "units", "واحد"]]),
    (
        ColumnRole::Date,
        &[&[
            "date",
            "seizuredate",
            "dateofseizure",
            "period",
            "month",
            "start",
            "startdate",
            "periodstart",
            "تاریخ",
            "تاریخکشف",
            "ماه",
        ]],
    ),
    (ColumnRole::Year, &[&["year", "fiscalyear", "fy", "سال"]]),
    (ColumnRole::Country, &[&["iso3", "countrycode", "iso", "countryiso3"], &["country", "کشور"], &["countryname"]]),
    (ColumnRole::Province, &[&["province", "state", "استان"]]),
    (ColumnRole::Locality, &[&["locality", "city", "town", "شهر"]]),
    (ColumnRole::Agency, &[&["agency", "component", "سازمان"]]),
    // `تعداد` ("number") is the count of cases beside a quantity column; in
    // a table with no other quantity column it is the quantity (see detect.rs).
    (
        ColumnRole::Seizures,
        &[&["seizures", "cases", "events", "countofevent", "numberofseizures", "seizurecount"], &[PERSIAN_NUMBER]],
    ),
    (ColumnRole::Origin, &[&["origin", "origincountry", "countryoforigin", "مبدا"]]),
    (ColumnRole::Destination, &[&["destination", "destinationcountry", "countryofdestination", "مقصد"]]),
];

/// `تعداد` ("number"): the count of cases, or the quantity of a table with
/// no other quantity column (`ماده,تعداد,واحد,تاریخ`).
pub(crate) const PERSIAN_NUMBER: &str = "تعداد";

/// The end of a period whose start is the date column (`end`, `end_date`).
const END_WORDS: &[&str] = &["end", "enddate", "periodend"];

/// Headers that could be the drug but as often hold a person's name.
const PERSON_OR_DRUG: &[&str] = &["name", "نام"];

/// Unit names that are too common as other headers to mean "a quantity in
/// this unit" on their own (`No` is a row number, `Count` a count of events).
const NOT_UNIT_HEADERS: &[&str] = &["unit", "units", "no", "nos", "number", "count", "item", "t", "l", "g", "mt"];

/// What a header says about its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderWord {
    /// A role word (`Drug Type`, `تاریخ`), of a tier (0 first).
    Role(ColumnRole, usize),
    /// The end of the period the date column starts.
    End,
    /// A quantity whose header carries its unit (`kg`, `Weight (kg)`, `qty_lbs`).
    QuantityIn(Unit),
    /// `name`: the drug, or a person.
    PersonOrDrug,
}

/// What `header` says, if anything.
///
/// A role word wins over a unit (`Unit` is the unit column, not a count).
pub(crate) fn header_word(header: &str) -> Option<HeaderWord> {
    let key = normalize(header);
    for (role, tiers) in HEADER_WORDS {
        if let Some(tier) = tiers.iter().position(|words| words.contains(&key.as_str())) {
            return Some(HeaderWord::Role(*role, tier));
        }
    }
    if END_WORDS.contains(&key.as_str()) {
        return Some(HeaderWord::End);
    }
    if PERSON_OR_DRUG.contains(&key.as_str()) {
        return Some(HeaderWord::PersonOrDrug);
    }
    header_unit(header).map(HeaderWord::QuantityIn)
}

/// The unit a quantity header carries: the whole header (`kg`, `grams`,
/// `tablets`, `کیلوگرم`), or a quantity word with the unit after it
/// (`Weight (kg)`, `qty_lbs`, `Quantity [g]`, `مقدار (کیلوگرم)`).
pub(crate) fn header_unit(header: &str) -> Option<Unit> {
    let key = normalize(header);
    if !NOT_UNIT_HEADERS.contains(&key.as_str()) {
        if let Some(unit) = Unit::parse(&key) {
            return Some(unit);
        }
    }
    let h = header.trim();
    let (word, unit) = match h.strip_suffix([')', ']']).and_then(|x| x.rsplit_once(['(', '['])) {
        Some(split) => split,
        None => h.rsplit_once(['_', ' ', '-', '.'])?,
    };
    let word = normalize(word);
    let quantity_word = word.is_empty() || HEADER_WORDS[1].1[0].contains(&word.as_str()) || word == "sumqty";
    quantity_word.then(|| Unit::parse(unit.trim())).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_in_any_case_and_spacing() {
        for (h, role) in [
            ("Drug Type", ColumnRole::Drug),
            ("SUBSTANCE", ColumnRole::Drug),
            ("drug_name", ColumnRole::Drug),
            ("Qty", ColumnRole::Quantity),
            ("U.O.M.", ColumnRole::Unit),
            ("Seizure Date", ColumnRole::Date),
            ("Fiscal Year", ColumnRole::Year),
            ("FY", ColumnRole::Year),
            ("Country Code", ColumnRole::Country),
            ("state", ColumnRole::Province),
            ("City", ColumnRole::Locality),
            ("Cases", ColumnRole::Seizures),
            ("تاریخ", ColumnRole::Date),
            ("ماده", ColumnRole::Drug),
            ("مقدار", ColumnRole::Quantity),
            ("واحد", ColumnRole::Unit),
            ("استان", ColumnRole::Province),
            ("نوع مواد مخدر", ColumnRole::Drug),
            ("نوع ماده", ColumnRole::Drug),
            ("تاریخ کشف", ColumnRole::Date),
            ("تعداد", ColumnRole::Seizures),
        ] {
            assert!(matches!(header_word(h), Some(HeaderWord::Role(r, _)) if r == role), "{h}");
        }
        assert_eq!(header_word("كشور"), Some(HeaderWord::Role(ColumnRole::Country, 1))); // Arabic kaf
        assert_eq!(header_word("ISO3"), Some(HeaderWord::Role(ColumnRole::Country, 0)));
        assert_eq!(header_word("End Date"), Some(HeaderWord::End));
        assert_eq!(header_word("Name"), Some(HeaderWord::PersonOrDrug));
        assert_eq!(header_word("Officer"), None);
        assert_eq!(header_word("No"), None);
    }

    #[test]
    fn units_in_headers() {
        for (h, unit) in [
            ("kg", Unit::Kilogram),
            ("Weight (kg)", Unit::Kilogram),
            ("qty_lbs", Unit::Pound),
            ("grams", Unit::Gram),
            ("Tablets", Unit::Tablet),
            ("litres", Unit::Litre),
            ("کیلوگرم", Unit::Kilogram),
            ("مقدار (کیلوگرم)", Unit::Kilogram),
            ("Quantity [g]", Unit::Gram),
            ("Sum Qty (lbs)", Unit::Pound),
        ] {
            assert_eq!(header_word(h), Some(HeaderWord::QuantityIn(unit)), "{h}");
        }
        assert_eq!(header_unit("heroin_kg"), None);
        assert_eq!(header_unit("Count"), None);
    }
}
