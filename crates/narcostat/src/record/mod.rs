//! Records: seizures, totals as sources state them, and programme activities.

mod activity;
mod dataset;
mod kept_columns_serde;
mod reported_total;
mod seizure;

pub use activity::{Activity, ActivityKind, Component, Contact, Money, Stated};
pub use dataset::{Dataset, SourceDocument};
pub use reported_total::{Qualifier, ReportedTotal};
pub use seizure::Seizure;
