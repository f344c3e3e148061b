use super::*;
use proptest::prelude::*;

#[test]
fn parses_units_and_numbers() {
    let q = Quantity::parse("47767 kg").unwrap();
    assert_eq!(q.base(), 47_767_000_000_000);
    assert_eq!(q.to_string(), "47767 kg");
    assert_eq!(Quantity::parse("۴۷۷۶۷ کیلوگرم").unwrap(), q);
    assert_eq!(Quantity::parse("47767kg").unwrap(), q);
    assert_eq!(Quantity::parse("47.767 t").unwrap().base(), q.base());
    assert_eq!(Quantity::parse("1.5 thousand tablets").unwrap().value_in(Unit::Tablet).unwrap().to_string(), "1500");
    assert_eq!(Quantity::parse("1 gal").unwrap().value_in(Unit::Litre).unwrap().to_string(), "3.785411784");
    // An ounce is 28,349,523.125 µg: quantities are held to the microgram.
    assert_eq!(Quantity::parse("1 oz").unwrap().value_in(Unit::Gram).unwrap().to_string(), "28.349523");
    assert_eq!(Quantity::parse("8 oz").unwrap().value_in(Unit::Gram).unwrap().to_string(), "226.796185");
    assert_eq!(Quantity::parse("1.5E-05 kg").unwrap().value_in(Unit::Milligram).unwrap().to_string(), "15");
    assert_eq!(Quantity::parse("7156,67 kg").unwrap().value().to_string(), "7156.67");
    assert_eq!(Quantity::parse("12 LSD blots").unwrap_err(), QuantityError::UnknownUnit { unit: "LSD blots".into() });
}

#[test]
fn errors_name_the_problem() {
    assert!(matches!(Quantity::parse("-3 kg"), Err(QuantityError::Negative { .. })));
    assert!(matches!(Quantity::parse("3 furlongs"), Err(QuantityError::UnknownUnit { .. })));
    assert!(matches!(Quantity::parse("kg"), Err(QuantityError::Number { .. })));
    assert!(matches!(Quantity::parse("1e30 kg"), Err(QuantityError::OutOfRange { .. })));
    // Issue 11: 1e-20 kg was rounded to 0 kg without a word.
    assert_eq!(Quantity::parse("1e-20 kg"), Err(QuantityError::BelowResolution { text: "1e-20 kg".into() }));
    assert_eq!(
        Quantity::parse("0.0000000004 kg").unwrap_err().to_string().split(" is ").next(),
        Some("quantity \"0.0000000004 kg\"")
    );
    assert_eq!(
        Quantity::parse("0.0000000005 kg").map(Quantity::base),
        Err(QuantityError::BelowResolution { text: "0.0000000005 kg".into() })
    );
    assert_eq!(Quantity::parse("0.0000000006 kg").map(Quantity::base), Ok(1));
    assert_eq!(Quantity::parse("0 kg").map(Quantity::base), Ok(0));
    let err = Quantity::parse("1 kg").unwrap().checked_add(Quantity::parse("2 tablets").unwrap()).unwrap_err();
    assert_eq!(err.to_string(), "cannot combine mass with count without a conversion factor");
}

#[test]
fn sums_never_wrap() {
    let big = Quantity::from_base(i64::MAX - 1, Unit::Kilogram).unwrap();
    assert_eq!(big.checked_add(Quantity::from_base(2, Unit::Gram).unwrap()), Err(QuantityError::Overflow));
}

#[test]
fn serde_is_the_display_string() {
    let q = Quantity::parse("21889.21 lb").unwrap();
    let json = serde_json::to_string(&q).unwrap();
    assert_eq!(json, "\"21889.21 lb\"");
    assert_eq!(serde_json::from_str::<Quantity>(&json).unwrap(), q);
    assert!(serde_json::from_str::<Quantity>("\"12 parsecs\"").is_err());
}

fn any_unit() -> impl Strategy<Value = Unit> {
    proptest::sample::select(Unit::ALL.to_vec())
}

proptest! {
    #[test]
    fn parse_format_round_trip(mantissa in 0i64..1_000_000_000_000, scale in 0u32..7, unit in any_unit()) {
        let d = Decimal { mantissa: i128::from(mantissa), scale };
        let (num, den) = unit.factor();
        let Ok(q) = Quantity::new(d, unit) else {
            // Beyond the range of the base unit (9.2 million tonnes, 9.2 billion litres, ...),
            // or not zero but below half a base unit.
            let base = d.mul_ratio_round(num, den);
            prop_assert!(base.is_none_or(|b| b > i128::from(i64::MAX)) || (base == Some(0) && mantissa != 0));
            return Ok(());
        };
        prop_assert!(q.base() > 0 || mantissa == 0, "{} became zero", d);
        let again: Quantity = q.to_string().parse().unwrap();
        prop_assert_eq!(again, q);
    }

    #[test]
    fn conversion_round_trip_is_exact(base in 0i64..i64::MAX / 4, from in any_unit(), to in any_unit()) {
        prop_assume!(from.dimension() == to.dimension());
        let q = Quantity::from_base(base, from).unwrap();
        let there = Quantity::new(q.value_in(to).unwrap(), to).unwrap();
        prop_assert_eq!(there.base(), q.base());
        let back = Quantity::new(there.value_in(from).unwrap(), from).unwrap();
        prop_assert_eq!(back, q);
    }

    #[test]
    fn checked_sums_never_wrap(a in 0i64..=i64::MAX, b in 0i64..=i64::MAX) {
        let qa = Quantity::from_base(a, Unit::Kilogram).unwrap();
        let qb = Quantity::from_base(b, Unit::Kilogram).unwrap();
        match qa.checked_add(qb) {
            Ok(sum) => prop_assert_eq!(i128::from(sum.base()), i128::from(a) + i128::from(b)),
            Err(e) => {
                prop_assert_eq!(e, QuantityError::Overflow);
                prop_assert!(i128::from(a) + i128::from(b) > i128::from(i64::MAX));
            }
        }
    }

    #[test]
    fn counts_add_only_within_their_kind(a in 0i64..1_000_000, b in 0i64..1_000_000, i in 0usize..8, j in 0usize..8) {
        let units = [Unit::Tablet, Unit::Pill, Unit::Dose, Unit::Unit, Unit::Plant, Unit::Blot, Unit::Bottle, Unit::Ampoule];
        let (qa, qb) = (Quantity::from_base(a, units[i]).unwrap(), Quantity::from_base(b, units[j]).unwrap());
        let sum = qa.checked_add(qb);
        if i == j {
            prop_assert_eq!(sum.map(Quantity::base), Ok(a + b));
        } else {
            prop_assert!(matches!(sum, Err(QuantityError::CountKindMismatch { .. })), "{:?}", sum);
        }
        // thousands of tablets are tablets
        let thousands = Quantity::from_base(a, Unit::ThousandTablets).unwrap();
        prop_assert_eq!(thousands.checked_add(Quantity::from_base(b, Unit::Tablet).unwrap()).map(Quantity::base), Ok(a + b));
    }

    #[test]
    fn decimal_parse_never_panics(s in "\\PC{0,24}") {
        let _ = Decimal::parse(&s, DecimalMark::Auto);
        let _ = Quantity::parse(&s);
    }
}
