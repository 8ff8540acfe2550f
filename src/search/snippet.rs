//! What a result shows of its match: the matched words marked in its title or a term (or,
//! for a word still being typed, the letters typed so far), and for a match in the text, a
//! short piece of it around the first matched word.

use rustc_hash::FxHashSet;

use super::normalize::{Token, tokens_while};
use crate::document::Highlight;

/// A short piece of body text around a match, with the character ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

/// Per query word, the vocabulary words it matched (whole) and, while typed, its prefix
/// with whether it was looked for in text too (a prefix of one or two letters is looked for
/// in titles and terms only, so only they show it).
#[derive(Debug, Clone, Default)]
pub struct Marker {
    words: Vec<MarkedWord>,
}

#[derive(Debug, Clone)]
struct MarkedWord {
    matched: FxHashSet<String>,
    prefix: Option<String>,
    prefix_in_text: bool,
}

/// A matched stretch of a text: character range and the query word it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub word: usize,
}

impl Marker {
    pub fn push(&mut self, matched: FxHashSet<String>, prefix: Option<String>, in_text: bool) {
        self.words.push(MarkedWord {
            matched,
            prefix,
            prefix_in_text: in_text,
        });
    }

    /// The stretches of a title or term that match a query word, in order.
    pub fn spans(&self, name: &str) -> Vec<Span> {
        self.spans_until(name, usize::MAX, false)
    }

    /// The stretches of `text` that match a query word, in order, stopping at the first
    /// word that ends after `limit` characters past the first match (a snippet needs no
    /// more). In body text (`in_text`) short prefixes do not count.
    fn spans_until(&self, text: &str, limit: usize, in_text: bool) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        tokens_while(text, |token| {
            if spans
                .first()
                .is_some_and(|first| token.end > first.start.saturating_add(limit))
            {
                return false;
            }
            if let Some((word, end)) = self.find(token, in_text) {
                // A compound's parts were marked already; it adds only when they were not.
                let covered = spans.last().is_some_and(|s| s.end >= token.start);
                if !(token.compound && covered) {
                    spans.push(Span {
                        start: token.start,
                        end,
                        word,
                    });
                }
            }
            true
        });
        spans
    }

    /// The query word `token` answers, and where its highlight ends.
    fn find(&self, token: Token<'_>, in_text: bool) -> Option<(usize, usize)> {
        self.words.iter().enumerate().find_map(|(n, word)| {
            if word.matched.contains(token.word) {
                Some((n, token.end))
            } else {
                let prefix = word
                    .prefix
                    .as_deref()
                    .filter(|p| (word.prefix_in_text || !in_text) && token.word.starts_with(p))?;
                Some((n, prefix_end(token.start, token.end, token.word, prefix)))
            }
        })
    }

    /// Character indices of `text` to highlight, and which query words they answer (bit n
    /// for word n).
    pub fn marks(&self, text: &str) -> (Vec<usize>, u8) {
        let mut indices = Vec::new();
        let mut words = 0u8;
        for span in self.spans(text) {
            indices.extend(span.start..span.end);
            words |= 1 << span.word.min(7);
        }
        indices.sort_unstable();
        indices.dedup();
        (indices, words)
    }

    /// The same matches for the topic's own pane.
    pub fn highlight(&self) -> Highlight {
        let mut highlight = Highlight::default();
        for word in &self.words {
            highlight.words.extend(word.matched.iter().cloned());
            if word.prefix_in_text {
                highlight.prefixes.extend(word.prefix.iter().cloned());
            }
        }
        highlight
    }
}

/// Where the typed letters of a word end: as many characters as the prefix has, when the
/// word folded to as many characters as it has in the text; otherwise the whole word.
fn prefix_end(start: usize, end: usize, folded: &str, prefix: &str) -> usize {
    if folded.chars().count() == end - start {
        start + prefix.chars().count()
    } else {
        end
    }
}

const SNIPPET_BEFORE: usize = 30;
const SNIPPET_LENGTH: usize = 90;

/// About ninety characters of `text` around the first matched word.
pub fn snippet(text: &str, marker: &Marker) -> Option<Snippet> {
    let spans = marker.spans_until(text, SNIPPET_LENGTH, true);
    let first = spans.first()?;
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let mut start = first.start.saturating_sub(SNIPPET_BEFORE);
    // Start at a word: move back to the space before, if there is one near.
    let earliest = start.saturating_sub(SNIPPET_BEFORE);
    while start > earliest && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    if start == earliest && start > 0 && !chars[start - 1].is_whitespace() {
        start = first.start.saturating_sub(SNIPPET_BEFORE);
    }
    let end = (start + SNIPPET_LENGTH).min(chars.len()).max(first.end);
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
        .filter(|s| s.start >= start && s.end <= end)
        .map(|s| (s.start - start + offset, s.end - start + offset))
        .collect();
    Some(Snippet { text, highlights })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(words: &[&str], prefix: Option<&str>) -> Marker {
        let mut marker = Marker::default();
        marker.push(
            words.iter().map(|w| (*w).to_owned()).collect(),
            prefix.map(str::to_owned),
            true,
        );
        marker
    }

    #[test]
    fn marks_whole_words_and_typed_letters() {
        let cost = marker(&["cost"], None);
        let (indices, words) = cost.marks("What does it cost?");
        assert_eq!(indices, (13..17).collect::<Vec<_>>());
        assert_eq!(words, 1);
        let typed = marker(&[], Some("hep"));
        assert_eq!(typed.marks("Hepatocyte-like cells").0, [0, 1, 2]);
        let accented = marker(&[], Some("ub"));
        assert_eq!(accented.marks("Über").0, [0, 1]);
    }

    #[test]
    fn compounds_mark_once() {
        let both = marker(&["childpugh", "child"], None);
        assert_eq!(both.spans("Child-Pugh").len(), 1);
        let joined = marker(&["childpugh"], None);
        assert_eq!(
            joined.marks("Child-Pugh score").0,
            (0..10).collect::<Vec<_>>()
        );
    }

    #[test]
    fn snippets_start_at_a_word_and_mark_matches() {
        let text = "A long opening sentence that says nothing much at all. Then the cost of \
                    treatment, which is high.";
        let snippet = snippet(text, &marker(&["cost"], None)).expect("found");
        assert!(snippet.text.starts_with("…nothing"), "{}", snippet.text);
        let (s, e) = snippet.highlights[0];
        let word: String = snippet.text.chars().skip(s).take(e - s).collect();
        assert_eq!(word, "cost");
        assert!(super::snippet(text, &marker(&["price"], None)).is_none());
    }
}
