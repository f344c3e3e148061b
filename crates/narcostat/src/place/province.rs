//! Iran's 31 provinces under ISO 3166-2:IR.
//!
//! ISO renumbered Iran's province codes on 2020-11-24 (newsletter OBP 2020-11-24):
//! the current codes run `IR-00` (Markazi) to `IR-30` (Alborz) in the order of
//! Iran's own province numbering; the earlier codes ran `IR-01` to `IR-32`.
//! The two schemes clash — `IR-07` was Tehran and is now Fars — so a code alone
//! is ambiguous: callers say which scheme their data uses ([`ProvinceCodes`]).

use serde::{Deserialize, Serialize};

/// Which ISO 3166-2:IR code list a code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvinceCodes {
    /// The codes in force since 2020-11-24 (the default).
    #[default]
    Current,
    /// The codes before 2020-11-24.
    Pre2020,
}

/// One province: current code, pre-2020 code, English name, other names.
struct Row(&'static str, &'static str, &'static str, &'static [&'static str]);

const PROVINCES: [Row; 31] = [
    Row("IR-00", "IR-22", "Markazi", &["مرکزی", "Central"]),
    Row("IR-01", "IR-19", "Gilan", &["Guilan", "گیلان"]),
    Row("IR-02", "IR-21", "Mazandaran", &["مازندران"]),
    Row("IR-03", "IR-01", "East Azerbaijan", &["Azarbayjan-e Sharqi", "Azerbaijan, East", "آذربایجان شرقی"]),
    Row("IR-04", "IR-02", "West Azerbaijan", &["Azarbayjan-e Gharbi", "Azerbaijan, West", "آذربایجان غربی"]),
    Row("IR-05", "IR-17", "Kermanshah", &["کرمانشاه"]),
    Row("IR-06", "IR-10", "Khuzestan", &["خوزستان"]),
    Row("IR-07", "IR-14", "Fars", &["فارس"]),
    Row("IR-08", "IR-15", "Kerman", &["کرمان"]),
    Row("IR-09", "IR-30", "Razavi Khorasan", &["Khorasan Razavi", "Khorasan-e Razavi", "خراسان رضوی"]),
    Row("IR-10", "IR-04", "Isfahan", &["Esfahan", "اصفهان"]),
    Row(
        "IR-11",
        "IR-13",
        "Sistan and Baluchestan",
        &["Sistan va Baluchestan", "Sistan and Baluchistan", "سیستان و بلوچستان"],
    ),
    Row("IR-12", "IR-16", "Kurdistan", &["Kordestan", "کردستان"]),
    Row("IR-13", "IR-24", "Hamadan", &["Hamedan", "همدان"]),
    Row(
        "IR-14",
        "IR-08",
        "Chaharmahal and Bakhtiari",
        &["Chahar Mahal va Bakhtiari", "Chaharmahal va Bakhtiari", "چهارمحال و بختیاری"],
    ),
    Row("IR-15", "IR-20", "Lorestan", &["Luristan", "لرستان"]),
    Row("IR-16", "IR-05", "Ilam", &["ایلام"]),
    Row(
        "IR-17",
        "IR-18",
        "Kohgiluyeh and Boyer-Ahmad",
        &["Kohgiluyeh va Buyer Ahmad", "Kohgiluyeh and Boyer-Ahmad", "کهگیلویه و بویراحمد"],
    ),
    Row("IR-18", "IR-06", "Bushehr", &["Bushehr", "بوشهر"]),
    Row("IR-19", "IR-11", "Zanjan", &["زنجان"]),
    Row("IR-20", "IR-12", "Semnan", &["سمنان"]),
    Row("IR-21", "IR-25", "Yazd", &["یزد"]),
    Row("IR-22", "IR-23", "Hormozgan", &["هرمزگان"]),
    Row("IR-23", "IR-07", "Tehran", &["تهران"]),
    Row("IR-24", "IR-03", "Ardabil", &["Ardebil", "اردبیل"]),
    Row("IR-25", "IR-26", "Qom", &["قم"]),
    Row("IR-26", "IR-28", "Qazvin", &["قزوین"]),
    Row("IR-27", "IR-27", "Golestan", &["گلستان"]),
    Row("IR-28", "IR-31", "North Khorasan", &["Khorasan-e Shomali", "Khorasan-e Shemali", "خراسان شمالی"]),
    Row("IR-29", "IR-29", "South Khorasan", &["Khorasan-e Jonubi", "Khorasan-e Janubi", "خراسان جنوبی"]),
    Row("IR-30", "IR-32", "Alborz", &["البرز"]),
];

/// An Iranian province, identified by its current ISO 3166-2:IR code.
///
/// ```
/// use narcostat::place::{IranProvince, ProvinceCodes};
/// let fars = IranProvince::from_code("IR-07", ProvinceCodes::Current).unwrap();
/// let tehran = IranProvince::from_code("IR-07", ProvinceCodes::Pre2020).unwrap();
/// assert_eq!((fars.name(), tehran.name()), ("Fars", "Tehran"));
/// assert_eq!(IranProvince::resolve("Khorasan Razavi").unwrap().code(), "IR-09");
/// assert_eq!(IranProvince::resolve("ایلام").unwrap().name(), "Ilam");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IranProvince(u8);

impl IranProvince {
    /// All 31 provinces, in current-code order.
    pub fn all() -> impl Iterator<Item = Self> {
        (0..PROVINCES.len() as u8).map(Self)
    }

    fn row(self) -> &'static Row {
        &PROVINCES[usize::from(self.0) % PROVINCES.len()]
    }

    /// The current ISO 3166-2 code.
    pub fn code(self) -> &'static str {
        self.row().0
    }

    /// The ISO 3166-2 code before 2020-11-24.
    pub fn pre_2020_code(self) -> &'static str {
        self.row().1
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        self.row().2
    }

    /// A province from an ISO 3166-2:IR code of the given scheme.
    pub fn from_code(code: &str, scheme: ProvinceCodes) -> Option<Self> {
        let code = code.trim().to_ascii_uppercase();
        PROVINCES
            .iter()
            .position(|r| match scheme {
                ProvinceCodes::Current => r.0 == code,
                ProvinceCodes::Pre2020 => r.1 == code,
            })
            .and_then(|i| u8::try_from(i).ok())
            .map(Self)
    }

    /// A province from its name (English spellings or Persian), with or
    /// without the word "province" / "استان".
    pub fn resolve(name: &str) -> Option<Self> {
        static INDEX: std::sync::OnceLock<std::collections::HashMap<String, u8>> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| {
            let mut m = std::collections::HashMap::new();
            for (i, r) in PROVINCES.iter().enumerate() {
                for n in std::iter::once(r.2).chain(r.3.iter().copied()) {
                    m.insert(crate::substance::normalize(n), i as u8);
                }
            }
            m
        });
        let key = crate::substance::normalize(name);
        let key = key.strip_suffix("province").or_else(|| key.strip_prefix("استان")).unwrap_or(&key);
        index.get(key).copied().map(Self)
    }
}

impl std::fmt::Display for IranProvince {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
