//! Units of measure and their exact factors to the base unit of their dimension.

use serde::{Deserialize, Serialize};

/// What a quantity measures. Quantities of different dimensions are never
/// added together; converting between them needs an explicit factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Mass; base unit: the microgram (µg).
    Mass,
    /// Volume; base unit: the nanolitre (nl).
    Volume,
    /// Counted items (tablets, plants, blots, ...); base unit: the thousandth of an item.
    Count,
}

impl Dimension {
    /// The unit narcostat reports this dimension in by default (kg, l, units).
    pub const fn reporting_unit(self) -> Unit {
        match self {
            Self::Mass => Unit::Kilogram,
            Self::Volume => Unit::Litre,
            Self::Count => Unit::Unit,
        }
    }
}

macro_rules! units {
    ($( $(#[$doc:meta])* $variant:ident = $symbol:literal, $dim:ident, $num:literal / $den:literal, [$($alias:literal),*]; )*) => {
        /// A unit of measure.
        ///
        /// The serde form is the unit symbol (`"kg"`, `"lb"`, `"tablets"`, ...).
        ///
        /// ```
        /// use narcostat::quantity::{Dimension, Unit};
        /// assert_eq!(Unit::parse("Lbs"), Some(Unit::Pound));
        /// assert_eq!(Unit::parse("Litre"), Some(Unit::Litre));
        /// assert_eq!(Unit::Pound.dimension(), Dimension::Mass);
        /// // a pound is exactly 453.59237 g
        /// assert_eq!(Unit::Pound.factor(), (453_592_370, 1));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Unit {
            $( $(#[$doc])* $variant, )*
        }

        impl Unit {
            /// Every unit.
            pub const ALL: &'static [Unit] = &[$(Unit::$variant,)*];

            /// The symbol, as used in output and in the serde form.
            pub const fn symbol(self) -> &'static str {
                match self { $(Unit::$variant => $symbol,)* }
            }

            /// The dimension this unit measures.
            pub const fn dimension(self) -> Dimension {
                match self { $(Unit::$variant => Dimension::$dim,)* }
            }

            /// The fraction digits results give in this unit: enough to tell
            /// one base unit apart (kg 9, g 6, t 12, l 9, lb 9, items 3).
            ///
            /// ```
            /// use narcostat::Unit;
            /// assert_eq!((Unit::Kilogram.result_scale(), Unit::Gram.result_scale()), (9, 6));
            /// assert_eq!(Unit::Pound.result_scale(), 9);
            /// ```
            pub const fn result_scale(self) -> u32 {
                let (num, den) = self.factor();
                let mut scale = 0;
                let mut reach = den;
                while reach < num {
                    reach = reach.saturating_mul(10);
                    scale += 1;
                }
                scale
            }

            /// The exact size of one unit in base units, as a fraction `(num, den)`.
            pub const fn factor(self) -> (i128, i128) {
                match self { $(Unit::$variant => ($num, $den),)* }
            }

            /// Other names and spellings of the unit.
            pub(crate) const fn aliases(self) -> &'static [&'static str] {
                match self { $(Unit::$variant => &[$($alias),*],)* }
            }
        }
    };
}

units! {
    /// Milligram.
    Milligram = "mg", Mass, 1_000 / 1, ["milligram", "milligrams", "milligramme"];
    /// Gram.
    Gram = "g", Mass, 1_000_000 / 1, ["gr", "gram", "grams", "gramme", "grammes", "گرم"];
    /// Kilogram.
    Kilogram = "kg", Mass, 1_000_000_000 / 1, ["kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kgequivalent", "کیلوگرم", "کیلو"];
    /// Metric tonne.
    Tonne = "t", Mass, 1_000_000_000_000 / 1, ["tonne", "tonnes", "ton", "tons", "metricton", "metrictons", "mt", "تن"];
    /// Avoirdupois pound (exactly 0.45359237 kg).
    Pound = "lb", Mass, 453_592_370 / 1, ["lbs", "pound", "pounds"];
    /// Avoirdupois ounce (exactly 28.349523125 g).
    Ounce = "oz", Mass, 226_796_185 / 8, ["ounce", "ounces"];
    /// Millilitre.
    Millilitre = "ml", Volume, 1_000_000 / 1, ["millilitre", "milliliter", "millilitres", "milliliters", "cc"];
    /// Litre.
    Litre = "l", Volume, 1_000_000_000 / 1, ["litre", "liter", "litres", "liters", "ltr", "lt", "لیتر"];
    /// US liquid gallon (exactly 3.785411784 l).
    UsGallon = "gal", Volume, 3_785_411_784 / 1, ["gallon", "gallons", "usgallon", "usgallons"];
    /// Tablets.
    Tablet = "tablets", Count, 1_000 / 1, ["tablet", "tab", "tabs", "قرص"];
    /// Pills.
    Pill = "pills", Count, 1_000 / 1, ["pill"];
    /// Doses.
    Dose = "doses", Count, 1_000 / 1, ["dose"];
    /// Units / items / pieces (also India's "No").
    Unit = "units", Count, 1_000 / 1, ["unit", "items", "item", "pieces", "piece", "pcs", "no", "nos", "number", "count", "عدد"];
    /// Plants.
    Plant = "plants", Count, 1_000 / 1, ["plant", "بوته"];
    /// Blots (LSD).
    Blot = "blots", Count, 1_000 / 1, ["blot"];
    /// Bottles.
    Bottle = "bottles", Count, 1_000 / 1, ["bottle"];
    /// Ampoules.
    Ampoule = "ampoules", Count, 1_000 / 1, ["ampoule", "ampule", "ampules", "vial", "vials"];
    /// Thousands of tablets (the unit of UNODC's Individual Drug Seizures for ATS tablets).
    ThousandTablets = "thousand tablets", Count, 1_000_000 / 1, ["thousandtablets", "thousandsoftablets", "thousandoftablets", "1000tablets"];
}

impl Unit {
    /// Parses a unit name or symbol, case-, space- and punctuation-insensitively.
    pub fn parse(text: &str) -> Option<Self> {
        static INDEX: std::sync::OnceLock<std::collections::HashMap<String, Unit>> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| {
            let mut m = std::collections::HashMap::new();
            for &u in Self::ALL {
                for n in std::iter::once(u.symbol()).chain(u.aliases().iter().copied()) {
                    m.entry(crate::substance::normalize(n)).or_insert(u);
                }
            }
            m
        });
        index.get(&crate::substance::normalize(text)).copied()
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.symbol())
    }
}
