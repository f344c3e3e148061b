//! Dictionary encoding: each distinct value once, rows hold its code.

// FxHash rather than SipHash: dictionary keys come from the data, but a
// table is the caller's own; speed matters more than hash-flooding resistance.
use rustc_hash::FxHashMap as HashMap;
use std::hash::Hash;

/// Distinct values in first-seen order, with a map back to their codes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dict<T: Eq + Hash + Clone> {
    values: Vec<T>,
    codes: HashMap<T, u32>,
}

impl<T: Eq + Hash + Clone> Dict<T> {
    /// The code of `value`, adding it if new; `None` when more than `limit` values.
    pub(crate) fn intern(&mut self, value: &T, limit: usize) -> Option<u32> {
        if let Some(&code) = self.codes.get(value) {
            return Some(code);
        }
        if self.values.len() >= limit {
            return None;
        }
        let code = u32::try_from(self.values.len()).ok()?;
        self.values.push(value.clone());
        self.codes.insert(value.clone(), code);
        Some(code)
    }

    /// Like [`Dict::intern`] for string values given by reference (no allocation when known).
    pub(crate) fn intern_str(&mut self, value: &str, limit: usize) -> Option<u32>
    where
        T: std::borrow::Borrow<str> + for<'a> From<&'a str>,
    {
        if let Some(&code) = self.codes.get(value) {
            return Some(code);
        }
        self.intern(&T::from(value), limit)
    }

    pub(crate) fn values(&self) -> &[T] {
        &self.values
    }

    pub(crate) fn get(&self, code: u32) -> Option<&T> {
        self.values.get(code as usize)
    }

    /// Approximate heap bytes (values are counted shallowly).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.values.capacity() * std::mem::size_of::<T>() + self.codes.capacity() * (std::mem::size_of::<T>() + 4 + 1)
    }
}
