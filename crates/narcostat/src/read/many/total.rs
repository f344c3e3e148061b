//! The row accounting of several files together.

use crate::read::ReadReport;

/// Sums counts; saturates rather than wraps (beyond any real file count).
fn sum(reports: &[ReadReport], count: impl Fn(&ReadReport) -> u64) -> u64 {
    reports.iter().map(count).fold(0, u64::saturating_add)
}

/// The distinct formats of `reports`, in order of first appearance, joined by `+`.
fn formats(reports: &[ReadReport]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for r in reports {
        if !seen.contains(&r.format.as_str()) {
            seen.push(&r.format);
        }
    }
    seen.join("+")
}

impl ReadReport {
    /// The accounting of several files read together: every count summed,
    /// every rejection kept (each names its file), `file` reading
    /// `total of N files` and `format` the formats read, joined by `+`.
    /// The total is [`balanced`](ReadReport::balanced) when every file is.
    ///
    /// ```
    /// use narcostat::read::ReadReport;
    /// let a = ReadReport { file: "a.csv".into(), format: "cbp".into(), rows_read: 3, rows_accepted: 2, rows_rejected: 1, ..Default::default() };
    /// let b = ReadReport { file: "b.csv".into(), format: "unodc-annual".into(), rows_read: 5, rows_accepted: 5, ..Default::default() };
    /// let total = ReadReport::total(&[a, b]);
    /// assert_eq!((total.rows_read, total.rows_accepted, total.rows_rejected), (8, 7, 1));
    /// assert_eq!(total.format, "cbp+unodc-annual");
    /// assert!(total.balanced());
    /// ```
    pub fn total(reports: &[ReadReport]) -> ReadReport {
        ReadReport {
            file: format!("total of {} files", reports.len()),
            format: formats(reports),
            rows_read: sum(reports, |r| r.rows_read),
            rows_accepted: sum(reports, |r| r.rows_accepted),
            rows_rejected: sum(reports, |r| r.rows_rejected),
            seizures: sum(reports, |r| r.seizures),
            totals: sum(reports, |r| r.totals),
            missing_quantities: sum(reports, |r| r.missing_quantities),
            flagged: sum(reports, |r| r.flagged),
            zero_cells: sum(reports, |r| r.zero_cells),
            rejections: reports.iter().flat_map(|r| r.rejections.iter().cloned()).collect(),
            ..ReadReport::default()
        }
    }

    /// One line of row accounting: `FILE (FORMAT): R rows read = A accepted + J rejected; S seizure records`.
    ///
    /// ```
    /// use narcostat::read::ReadReport;
    /// let r = ReadReport { file: "a.csv".into(), format: "cbp".into(), rows_read: 3, rows_accepted: 2, rows_rejected: 1, seizures: 2, ..Default::default() };
    /// assert_eq!(r.accounting(), "a.csv (cbp): 3 rows read = 2 accepted + 1 rejected; 2 seizure records");
    /// ```
    pub fn accounting(&self) -> String {
        format!(
            "{} ({}): {} rows read = {} accepted + {} rejected; {} seizure records",
            self.file, self.format, self.rows_read, self.rows_accepted, self.rows_rejected, self.seizures
        )
    }
}
