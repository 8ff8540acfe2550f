//! Finding text in a laid-out topic, as less and browsers do: every match of the typed
//! text on each line, ignoring case unless the text has a capital (vim's smartcase).

use std::ops::Range;

use super::Document;

/// One match: a line of the document and the characters of that line it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub line: usize,
    pub chars: Range<usize>,
}

/// Every match of `query` in `document`, in reading order, none overlapping.
pub fn find(document: &Document, query: &str) -> Vec<Found> {
    let query = query.trim();
    let exact = query.chars().any(char::is_uppercase);
    let fold = |c: char| {
        if exact {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (line, segments) in document.lines.iter().enumerate() {
        let text: Vec<char> = segments
            .iter()
            .flat_map(|s| s.text.chars())
            .map(fold)
            .collect();
        let mut at = 0;
        while at + needle.len() <= text.len() {
            if text[at..at + needle.len()] == needle[..] {
                found.push(Found {
                    line,
                    chars: at..at + needle.len(),
                });
                at += needle.len();
            } else {
                at += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Segment, Tone};

    fn document(lines: &[&[&str]]) -> Document {
        Document {
            lines: lines
                .iter()
                .map(|l| l.iter().map(|t| Segment::new(*t, Tone::Plain)).collect())
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn finds_across_segments_ignoring_case_unless_asked() {
        let doc = document(&[&["The liv", "er and the Liver"], &["no"], &["LIVER"]]);
        let found = find(&doc, "liver");
        let at: Vec<(usize, Range<usize>)> = found.into_iter().map(|f| (f.line, f.chars)).collect();
        assert_eq!(at, [(0, 4..9), (0, 18..23), (2, 0..5)]);
        assert_eq!(find(&doc, "Liver").len(), 1, "a capital makes case count");
        assert!(find(&doc, "  ").is_empty());
        assert_eq!(find(&document(&[&["aaaa"]]), "aa").len(), 2, "no overlaps");
    }
}
