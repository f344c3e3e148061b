//! Text from data made safe for a terminal: control characters (an escape
//! sequence can move the cursor, recolour or retitle the terminal, or hide
//! text) and bidirectional overrides (which reorder what is shown) are
//! written as visible escapes, `\u{1b}`, `\t`, `\u{202e}`.

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character escaped; newlines too (one table cell
/// is one line).
pub fn escape_terminal(text: &str) -> Cow<'_, str> {
    escape_keeping(text, false)
}

/// `text` with every unsafe character escaped except line breaks (for whole
/// reports: bulletins, checks, error messages).
pub fn escape_terminal_keeping_lines(text: &str) -> Cow<'_, str> {
    escape_keeping(text, true)
}

fn escape_keeping(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_become_visible() {
        assert_eq!(escape_terminal("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(escape_terminal("tab\there\nline\r"), "tab\\there\\nline\\r");
        assert_eq!(escape_terminal("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(escape_terminal("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(escape_terminal_keeping_lines("one\u{7}\ntwo"), "one\\u{7}\ntwo");
        assert!(matches!(escape_terminal("Opium, Heroin, Ḥashish"), Cow::Borrowed(_)));
    }

    #[test]
    fn nothing_unsafe_is_left() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!escape_terminal(&all).chars().any(is_unsafe));
        assert!(!escape_terminal_keeping_lines(&all).chars().any(|c| is_unsafe(c) && c != '\n'));
    }
}
