//! Text from data made safe for a terminal: the core's escaping (see
//! [`narcostat::result::escape_terminal`]).

pub use narcostat::result::escape_terminal_keeping_lines as escape_keeping_lines;
