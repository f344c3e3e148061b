//! File arguments to paths: glob patterns expanded (for shells that do not,
//! or quoted patterns), plain paths kept as written.

use crate::read::ReadError;
use std::path::PathBuf;

/// Whether a file argument is a glob pattern rather than a plain path.
/// A file whose name has such characters is kept as written.
fn is_pattern(text: &str) -> bool {
    text.contains(['*', '?', '[']) && !std::path::Path::new(text).exists()
}

/// The files one pattern matches, in name order; an error naming the
/// pattern when it is invalid or matches no file.
fn matches(pattern: &str) -> Result<Vec<PathBuf>, ReadError> {
    let bad = |message: String| ReadError::BadPattern { file: pattern.to_owned(), message };
    let paths = glob::glob(pattern).map_err(|e| bad(e.to_string()))?;
    let found = paths
        .map(|entry| entry.map_err(|e| ReadError::Io { file: e.path().display().to_string(), source: e.into() }))
        .collect::<Result<Vec<_>, _>>()?;
    let files: Vec<PathBuf> = found.into_iter().filter(|p| !p.is_dir()).collect();
    if files.is_empty() {
        return Err(ReadError::NoMatch { file: pattern.to_owned() });
    }
    Ok(files)
}

/// The files named by `patterns`, in the order given: a glob pattern
/// (`data/*.csv`, `tables/20??.xlsx`) is expanded to the files it matches,
/// sorted by name, and is an error naming it when it matches none; a path
/// without glob characters is kept as written (a missing file is reported
/// by the reader, with its name).
///
/// ```
/// use narcostat::read::expand_paths;
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/reference");
/// let paths = expand_paths(&[format!("{dir}/unodc-*.csv")]).unwrap();
/// assert!(paths.len() >= 2);
/// assert!(paths.windows(2).all(|w| w[0] < w[1]));
/// let e = expand_paths(&[format!("{dir}/none-*.csv")]).unwrap_err();
/// assert_eq!(e.kind(), "no_match");
/// assert!(e.to_string().contains("none-*.csv"));
/// assert_eq!(expand_paths(&["absent.csv"]).unwrap(), vec![std::path::PathBuf::from("absent.csv")]);
/// ```
pub fn expand_paths(patterns: &[impl AsRef<str>]) -> Result<Vec<PathBuf>, ReadError> {
    let mut paths = Vec::new();
    for pattern in patterns.iter().map(AsRef::as_ref) {
        if is_pattern(pattern) {
            paths.extend(matches(pattern)?);
        } else {
            paths.push(PathBuf::from(pattern));
        }
    }
    Ok(paths)
}
