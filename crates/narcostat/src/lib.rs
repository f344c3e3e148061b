#![doc = include_str!("../README.md")]

pub mod substance;

pub use substance::{Drug, DrugGroup, Resolution, Substance, UnknownSubstance};
pub mod quantity;
pub use quantity::{Dimension, Quantity, QuantityError, Unit};
pub mod period;
pub use period::{Date, Granularity, Period};
pub mod place;
pub use place::{CountryCode, Place};
