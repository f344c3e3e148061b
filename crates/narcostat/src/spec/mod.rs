//! Specs: what the CLI flags, Python keywords and JS option objects carry,
//! as serde types every front end deserialises into.

mod checks;
mod error;
mod forms;
mod partial;
mod query_spec;
mod read_spec;
mod run;
mod warnings;

pub use error::SpecError;
pub use forms::conditions_text;
pub use partial::{Partial, SourceRows};
pub use query_spec::QuerySpec;
pub use read_spec::ReadSpec;
pub use run::Operation;
