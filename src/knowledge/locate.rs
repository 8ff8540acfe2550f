//! serde does not keep the positions of values, so after a file parses we find where an id or
//! a reference stands by looking for its text. This is approximate by design: it points at the
//! first plausible spot, which is what a person fixing the file needs.

use std::fmt;

/// A 1-based line and column, as ron reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Finds places in the source text of a knowledge file.
pub struct Locator<'a> {
    text: &'a str,
}

impl<'a> Locator<'a> {
    pub const fn new(text: &'a str) -> Self {
        Self { text }
    }

    /// Converts a byte offset into a line and column (columns count characters).
    pub fn position(&self, offset: usize) -> Position {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }

    /// Byte offsets of every `field: "value"` in the file, in order.
    pub fn field_offsets(&self, field: &str, value: &str) -> Vec<usize> {
        let quoted = format!("\"{value}\"");
        self.text
            .match_indices(&quoted)
            .filter(|(offset, _)| {
                let before = self.text[..*offset].trim_end();
                before
                    .strip_suffix(':')
                    .is_some_and(|b| b.trim_end().ends_with(field) && !ends_in_ident(b, field))
            })
            .map(|(offset, _)| offset)
            .collect()
    }

    /// The first occurrence of `needle` at or after `from`.
    pub fn find_after(&self, from: usize, needle: &str) -> Option<usize> {
        let from = from.min(self.text.len());
        self.text
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|i| from + i)
    }
}

/// True when `field` is only the tail of a longer identifier (`source_id` is not `id`).
fn ends_in_ident(before: &str, field: &str) -> bool {
    let trimmed = before.trim_end();
    let head = &trimmed[..trimmed.len() - field.len()];
    head.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\nçd\"x\"";
        let locator = Locator::new(text);
        assert_eq!(locator.position(0), Position { line: 1, column: 1 });
        let quote = text.find('"').expect("quote");
        assert_eq!(locator.position(quote), Position { line: 2, column: 3 });
    }

    #[test]
    fn finds_field_values_but_not_longer_field_names() {
        let text = "(id: \"a\", source_id: \"a\", id :  \"a\")";
        let offsets = Locator::new(text).field_offsets("id", "a");
        assert_eq!(offsets.len(), 2);
    }
}
