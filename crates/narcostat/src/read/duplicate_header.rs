//! Duplicate header names: a generic table whose header names one column
//! twice (`note,note`) is an error, never read first-wins.

use super::error::ReadError;
use super::header_words::header_word;
use crate::substance::normalize;

/// An error naming the first header written twice and both column numbers
/// (from 1): the same name (spaces around it aside), or two names a role is
/// matched by alike (`Drug`, `drug`: case, spaces and punctuation aside).
/// Kept columns are kept by their names as written and found by them
/// case-insensitively (`column:region`), so `Region` and `region` are one
/// name written twice, while `drug_group` and `DrugGroup` may stand side by
/// side; columns with an empty name are not read or kept, and may repeat.
pub(crate) fn no_duplicate(header: &[String], file: &str) -> Result<(), ReadError> {
    let keys: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    for (second, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let role = header_word(&header[second]).is_some();
        let same_name = |i: usize| header[i].trim().to_lowercase() == header[second].trim().to_lowercase();
        let alike = |(i, k): &(usize, &String)| *k == key && (role || same_name(*i));
        if let Some((first, _)) = keys[..second].iter().enumerate().find(alike) {
            return Err(ReadError::DuplicateHeader {
                file: file.to_owned(),
                header: header[second].clone(),
                first: first + 1,
                second: second + 1,
            });
        }
    }
    Ok(())
}
