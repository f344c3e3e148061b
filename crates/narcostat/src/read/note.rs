//! The short note a front end shows after reading: the columns not read and,
//! for a lenient read, the rows rejected, where and why for the first few.

use super::ReadReport;

impl ReadReport {
    /// The note, one line each (empty when there is nothing to say): the
    /// columns not read, how many rows were rejected, the first `listed`
    /// rejections and, when there are more, how many with `more` after it
    /// (e.g. where to see them all).
    ///
    /// ```
    /// use narcostat::read::ReadReport;
    /// let report = ReadReport { file: "a.csv".into(), rows_read: 3, rows_rejected: 2, ..Default::default() };
    /// assert_eq!(report.note(5, ""), ["a.csv: 2 of 3 rows rejected"]);
    /// let quiet = ReadReport { unread_columns: vec!["Total".into()], ..report };
    /// assert_eq!(quiet.note(0, " (see check)")[0], "a.csv: columns not read: Total");
    /// ```
    pub fn note(&self, listed: usize, more: &str) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.unread_columns.is_empty() {
            lines.push(format!("{}: columns not read: {}", self.file, self.unread_columns.join(", ")));
        }
        if self.rows_rejected > 0 {
            lines.push(format!("{}: {} of {} rows rejected", self.file, self.rows_rejected, self.rows_read));
        }
        lines.extend(self.rejections.iter().take(listed).map(|r| format!("  rejected {r}")));
        if let Some(n) = self.rejections.len().checked_sub(listed).filter(|n| *n > 0) {
            lines.push(format!("  ... and {n} more{more}"));
        }
        lines
    }
}
