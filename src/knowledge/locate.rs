//! serde does not keep the positions of values, so after a file parses we find where an id or
//! a reference stands by looking for its text. This is approximate by design: it points at the
//! first plausible spot, which is what a person fixing the file needs.

use std::collections::HashMap;
use std::fmt;

/// A 1-based line and column, as ron reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, bitcode::Encode, bitcode::Decode)]
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

    /// Byte offsets of every `field: "value"` in the file, grouped by value, found in one pass
    /// (looking each value up separately would read the file once per id).
    pub fn all_field_offsets(&self, field: &str) -> HashMap<&'a str, Vec<usize>> {
        let text = self.text;
        let mut found: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (at, _) in text.match_indices(field) {
            if ends_in_ident(&text[..at + field.len()], field) {
                continue;
            }
            let rest = text[at + field.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(':').map(str::trim_start) else {
                continue;
            };
            let Some(value) = rest.strip_prefix('"') else {
                continue;
            };
            if let Some(end) = value.find('"') {
                let quote = text.len() - rest.len();
                found.entry(&value[..end]).or_default().push(quote);
            }
        }
        found
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
        let all = Locator::new(text).all_field_offsets("id");
        assert_eq!(all.get("a"), Some(&vec![5, 32]));
    }
}
