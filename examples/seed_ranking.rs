//! The seed bulletin's seven seizure items, built from the model, ranked with
//! shares of their sum.
//!
//! `cargo run -p narcostat-examples --example seed_ranking`
#![expect(clippy::print_stdout, reason = "an example prints its result")]

use narcostat::quantity::group_thousands;
use narcostat::{Date, Period, Place, Quantity, Seizure, Substance, Unit};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The bulletin's words, as written: "the highest seized type was Opium with
    // 47767 kg, followed by 5637 kg of Hashish, ..."
    let items = [
        ("Opium", "47767 kg"),
        ("Hashish", "5637 kg"),
        ("Morphine", "2304 kg"),
        ("Heroin", "1144 kg"),
        ("Crystal", "764 kg"),
        ("other substances including precursors and psychotropic pills", "304 kg"),
        ("Grass", "287 kg"),
    ];
    let period = Period::new(Date::from_ymd(2021, 1, 30)?, Date::from_ymd(2021, 2, 28)?)?;
    let iran = Place::country(narcostat::CountryCode::resolve("IRN").ok_or("IRN")?);
    let mut seizures = Vec::new();
    for (name, quantity) in items {
        seizures.push(Seizure::new(Substance::resolve(name)?, Quantity::parse(quantity)?, period, iran.clone()));
    }

    let mut total = Quantity::whole(0, Unit::Kilogram)?;
    for s in &seizures {
        total = total.checked_add(s.quantity.ok_or("no quantity")?)?;
    }
    seizures.sort_by_key(|s| std::cmp::Reverse(s.quantity.map(Quantity::base)));

    println!("Seizures in Iran, {period}");
    println!("{:>4}  {:<40} {:>10} {:>7}", "rank", "drug (as written)", "kg", "share");
    for (i, s) in seizures.iter().enumerate() {
        let q = s.quantity.ok_or("no quantity")?;
        let share = 100.0 * q.base() as f64 / total.base() as f64;
        let name = format!("{} ({})", s.substance.drug.name(), short(&s.substance.name));
        let kg = group_thousands(&q.value_in(Unit::Kilogram)?.to_string());
        println!("{:>4}  {:<40} {:>10} {:>6.2}%", i + 1, name, kg, share);
    }
    println!(
        "      {:<40} {:>10} {:>6.2}%",
        "sum of items",
        group_thousands(&total.value_in(Unit::Kilogram)?.to_string()),
        100.0
    );
    Ok(())
}

fn short(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}
