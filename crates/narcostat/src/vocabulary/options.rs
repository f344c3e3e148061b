//! The words of reading and querying options: span rules, equivalence
//! bases, missing-value, mode and resolution policies, decimal marks.

use super::word::{Entry, table_word, word_serde};
use crate::equivalent::Basis;
use crate::quantity::DecimalMark;
use crate::query::SpanRule;
use crate::read::{Missing, Mode};
use crate::substance::Resolution;

const SPAN_RULES: &[Entry<SpanRule>] = &[
    (SpanRule::Separate, "separate", &[]),
    (SpanRule::ByStart, "by-start", &["start"]),
    (SpanRule::ByEnd, "by-end", &["end"]),
];

const BASES: &[Entry<Basis>] = &[
    (Basis::HeroinEquivalent, "heroin-equivalent", &["heroin"]),
    (Basis::OpiumEquivalent, "opium-equivalent", &["opium"]),
    (Basis::AtsMass, "ats-mass", &["ats"]),
];

const MISSING: &[Entry<Missing>] = &[(Missing::Keep, "keep", &[]), (Missing::Reject, "reject", &[])];

const DECIMAL_MARKS: &[Entry<DecimalMark>] =
    &[(DecimalMark::Auto, "auto", &[]), (DecimalMark::Point, "point", &["dot"]), (DecimalMark::Comma, "comma", &[])];

const MODES: &[Entry<Mode>] = &[(Mode::Strict, "strict", &[]), (Mode::Lenient, "lenient", &[])];

const RESOLUTIONS: &[Entry<Resolution>] = &[
    (Resolution::Strict, "strict", &[]),
    (Resolution::KeepUnclassified, "keep-unclassified", &["unclassified", "keep"]),
];

table_word!(SpanRule, "span rule", SPAN_RULES);
table_word!(Basis, "equivalence basis", BASES);
table_word!(Missing, "missing-value policy", MISSING);
table_word!(Mode, "reading mode", MODES);
table_word!(DecimalMark, "decimal mark", DECIMAL_MARKS);
table_word!(Resolution, "resolution policy", RESOLUTIONS);
word_serde!(SpanRule, Basis, Missing, Mode, Resolution, DecimalMark);
