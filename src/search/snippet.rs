//! The short piece of body text shown under a body hit, with its matched words marked.

use crate::document::Highlight;

/// A short piece of body text around a match, with the character ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

const SNIPPET_BEFORE: usize = 30;
const SNIPPET_LENGTH: usize = 90;

/// About ninety characters of `text` around the first highlighted word.
pub fn snippet(text: &str, highlight: &Highlight) -> Option<Snippet> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let spans = word_spans(&chars);
    let first = spans
        .iter()
        .find(|&&(s, e)| highlight.matches(&chars[s..e].iter().collect::<String>()))?;
    let start = first.0.saturating_sub(SNIPPET_BEFORE);
    let start = spans
        .iter()
        .map(|s| s.0)
        .filter(|&s| s <= start)
        .max()
        .filter(|_| start > 0)
        .unwrap_or(0);
    let end = (start + SNIPPET_LENGTH).min(chars.len());
    let mut text: String = chars[start..end].iter().collect();
    let offset = usize::from(start > 0);
    if start > 0 {
        text.insert(0, '…');
    }
    if end < chars.len() {
        text.push('…');
    }
    let highlights = spans
        .iter()
        .filter(|&&(s, e)| s >= start && e <= end)
        .filter(|&&(s, e)| highlight.matches(&chars[s..e].iter().collect::<String>()))
        .map(|&(s, e)| (s - start + offset, e - start + offset))
        .collect();
    Some(Snippet { text, highlights })
}

/// Character ranges of the alphanumeric words in `chars`.
fn word_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, chars.len()));
    }
    spans
}
