//! Finding glossary terms in running text, so a topic can mark the terms it uses and the
//! reader can open their definitions in place.

use std::collections::HashSet;
use std::ops::Range;

use super::NodeId;

/// One way of writing a term: its name or an alias.
#[derive(Debug, Clone, bitcode::Encode, bitcode::Decode)]
struct Phrase {
    /// Lowercase, unless the phrase is an abbreviation matched exactly.
    text: String,
    /// Abbreviations like "ALT" match only in capitals, so the word "alt" is not a term.
    exact: bool,
    node: NodeId,
}

/// The glossary's names and aliases, longest first so "hepatic stellate cell" wins over
/// "stellate cell" where both fit.
#[derive(Debug, Clone, Default, bitcode::Encode, bitcode::Decode)]
pub struct TermFinder {
    phrases: Vec<Phrase>,
}

/// A term found in text: the byte range it covers and the glossary entry it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    pub node: NodeId,
}

impl TermFinder {
    /// `terms` gives, for each glossary entry's node, the names it is known by.
    pub fn new<'a>(terms: impl IntoIterator<Item = (NodeId, Vec<&'a str>)>) -> Self {
        let mut phrases: Vec<Phrase> = terms
            .into_iter()
            .flat_map(|(node, names)| names.into_iter().map(move |name| (node, name.trim())))
            .filter(|(_, name)| name.chars().count() >= 2)
            .map(|(node, name)| {
                let exact =
                    name.chars().all(|c| !c.is_lowercase()) && name.chars().any(char::is_uppercase);
                let text = if exact {
                    name.to_owned()
                } else {
                    name.to_ascii_lowercase()
                };
                Phrase { text, exact, node }
            })
            .collect();
        phrases.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.node.cmp(&b.node)));
        Self { phrases }
    }

    /// The entries the phrases name.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.phrases.iter().map(|p| p.node)
    }

    /// The first occurrence in `text` of each term not yet in `seen` (which it then joins),
    /// in text order, never overlapping. A plural `s` or `es` counts as part of the term.
    pub fn find(&self, text: &str, seen: &mut HashSet<NodeId>) -> Vec<Mark> {
        let lower = text.to_ascii_lowercase();
        let mut marks: Vec<Mark> = Vec::new();
        for phrase in &self.phrases {
            if seen.contains(&phrase.node) {
                continue;
            }
            let haystack = if phrase.exact { text } else { lower.as_str() };
            let found = occurrences(haystack, &phrase.text)
                .find(|range| !marks.iter().any(|m| overlaps(&m.range, range)));
            if let Some(range) = found {
                seen.insert(phrase.node);
                marks.push(Mark {
                    range,
                    node: phrase.node,
                });
            }
        }
        marks.sort_by_key(|m| m.range.start);
        marks
    }
}

/// Whole-word occurrences of `needle` in `haystack`, each with its plural ending if any.
fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    haystack
        .match_indices(needle)
        .filter(|(start, _)| !word_char_before(haystack, *start))
        .filter_map(move |(start, _)| {
            let end = start + needle.len();
            ["es", "s", ""]
                .iter()
                .map(|ending| end + ending.len())
                .find(|&stop| {
                    haystack.get(end..stop).is_some_and(|tail| {
                        ["es", "s", ""].contains(&tail) && !word_char_after(haystack, stop)
                    })
                })
                .map(|stop| start..stop)
        })
}

fn word_char_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn word_char_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

const fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> TermFinder {
        TermFinder::new(
            [
                (1, vec!["stellate cell"]),
                (2, vec!["hepatic stellate cell", "HSC"]),
                (3, vec!["hepatocyte"]),
                (4, vec!["ALT"]),
            ]
            .map(|(n, names)| (NodeId::new(n), names)),
        )
    }

    fn found(text: &str) -> Vec<(&str, usize)> {
        finder()
            .find(text, &mut HashSet::new())
            .into_iter()
            .map(|m| (&text[m.range], m.node.index()))
            .collect()
    }

    #[test]
    fn longest_name_wins_and_order_follows_the_text() {
        assert_eq!(
            found("Hepatocytes and Hepatic stellate cells; a stellate cell."),
            [
                ("Hepatocytes", 3),
                ("Hepatic stellate cells", 2),
                ("stellate cell", 1)
            ]
        );
    }

    #[test]
    fn only_whole_words_and_abbreviations_in_capitals() {
        assert!(found("prehepatocyte alternative alt").is_empty());
        assert_eq!(found("raised ALT, HSC-driven"), [("ALT", 4), ("HSC", 2)]);
    }

    #[test]
    fn each_term_is_marked_once() {
        let mut seen = HashSet::new();
        let finder = finder();
        assert_eq!(finder.find("hepatocyte hepatocyte", &mut seen).len(), 1);
        assert!(finder.find("a hepatocyte again", &mut seen).is_empty());
    }
}
