//! Arrow rendering: decimal128 for every exact measure, int64, boolean,
//! date32, and utf8 bucket labels with the granularity in the field metadata.

use super::ResultTable;
use super::column::Column;
use super::values::Values;
use arrow_array::builder::{BooleanBuilder, Date32Builder, Decimal128Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use std::collections::HashMap;
use std::sync::Arc;

/// The field metadata key naming the granularity of a bucket column.
pub const GRANULARITY_METADATA: &str = "narcostat:granularity";
/// The field metadata key naming the role of a column (`key`, `measure`, `info`).
pub const ROLE_METADATA: &str = "narcostat:role";

impl ResultTable {
    /// The table as an Arrow record batch: `Decimal` columns as
    /// decimal128(38, scale) (exact), `Int` as int64, `Bool` as boolean,
    /// `Date` as date32, `Text` as utf8, and `Period` as utf8 labels
    /// (`2021-02`, `FY2024`) whose field metadata names the granularity
    /// ([`GRANULARITY_METADATA`]). Every field says its role ([`ROLE_METADATA`]).
    ///
    /// ```
    /// use arrow_schema::DataType;
    /// use narcostat::{GroupKey, Query, SeizureTable, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let agg = t.aggregate(&Query::parse("drug,year", "", None).unwrap()).unwrap();
    /// let batch = ResultTable::aggregate(&agg, OutputUnits::default()).to_record_batch().unwrap();
    /// assert!(matches!(batch.schema().field_with_name("mass_kg").unwrap().data_type(), DataType::Decimal128(38, _)));
    /// assert_eq!(batch.schema().field_with_name("year").unwrap().data_type(), &DataType::Int64);
    /// ```
    pub fn to_record_batch(&self) -> Result<RecordBatch, ArrowError> {
        let mut fields = Vec::with_capacity(self.columns.len());
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(self.columns.len());
        for column in &self.columns {
            let (field, array) = arrow_column(column)?;
            fields.push(field);
            arrays.push(array);
        }
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
    }
}

fn role(column: &Column) -> &'static str {
    match column.role {
        super::Role::Key => "key",
        super::Role::Measure => "measure",
        super::Role::Info => "info",
    }
}

fn arrow_column(column: &Column) -> Result<(Field, ArrayRef), ArrowError> {
    let mut metadata = HashMap::from([(ROLE_METADATA.to_owned(), role(column).to_owned())]);
    let (data_type, array): (DataType, ArrayRef) = match &column.values {
        Values::Text(v) => (DataType::Utf8, Arc::new(v.iter().collect::<arrow_array::StringArray>())),
        Values::Int(v) => {
            let mut b = Int64Builder::with_capacity(v.len());
            b.extend(v.iter().copied());
            (DataType::Int64, Arc::new(b.finish()))
        }
        Values::Decimal { scale, values } => {
            let scale = i8::try_from(*scale).map_err(|_| {
                ArrowError::InvalidArgumentError(format!("scale {scale} of {} is beyond decimal128", column.name))
            })?;
            let mut b = Decimal128Builder::with_capacity(values.len()).with_precision_and_scale(38, scale)?;
            b.extend(values.iter().copied());
            let array = b.finish();
            array.validate_decimal_precision(38)?;
            (DataType::Decimal128(38, scale), Arc::new(array))
        }
        Values::Bool(v) => {
            let mut b = BooleanBuilder::with_capacity(v.len());
            b.extend(v.iter().copied());
            (DataType::Boolean, Arc::new(b.finish()))
        }
        Values::Date(v) => {
            let mut b = Date32Builder::with_capacity(v.len());
            b.extend(v.iter().map(|d| d.map(crate::period::Date::days)));
            (DataType::Date32, Arc::new(b.finish()))
        }
        Values::Period { granularity, .. } => {
            metadata.insert(GRANULARITY_METADATA.to_owned(), granularity.to_string());
            let mut b = StringBuilder::new();
            for row in 0..column.values.len() {
                match column.values.cell(row) {
                    super::cell::Cell::Label(l) => b.append_value(l),
                    _ => b.append_null(),
                }
            }
            (DataType::Utf8, Arc::new(b.finish()))
        }
    };
    Ok((Field::new(&column.name, data_type, true).with_metadata(metadata), array))
}
