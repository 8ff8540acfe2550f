//! The body word index: every word of every summary and body, mapped to the nodes that hold
//! it. Lookups are by whole word or word prefix, so typing "hepat" finds "hepatocyte"; when
//! a word matches nothing, words within a small edit distance are tried, so "hepatocite" still
//! finds it. Whole bodies are never fuzzy-matched: a long text holds almost any short query
//! as a scattered subsequence, which ranks everything and costs seconds on large files.

use std::collections::{BTreeMap, HashMap};

/// How well a query word met a body word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

/// What one query word found in one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub closeness: Closeness,
    pub count: u32,
    pub words: Vec<String>,
}

#[derive(Debug, Default, Clone)]
pub struct WordIndex {
    /// Each distinct normalised word with the nodes that contain it and how often.
    vocabulary: BTreeMap<String, Vec<(u32, u16)>>,
}

/// Lowercase alphanumeric words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

impl WordIndex {
    /// Records every word of `text` as occurring in `node`.
    pub fn add(&mut self, node: usize, text: &str) {
        let node = u32::try_from(node).unwrap_or(u32::MAX);
        for word in words(text) {
            let postings = self.vocabulary.entry(word).or_default();
            match postings.last_mut() {
                Some((last, count)) if *last == node => *count = count.saturating_add(1),
                _ => postings.push((node, 1)),
            }
        }
    }

    /// Nodes containing a word close to `query`, each with the best closeness, how many
    /// matching words it holds, and which words matched (for highlighting).
    pub fn lookup(&self, query: &str) -> HashMap<usize, Found> {
        let mut found: HashMap<usize, Found> = HashMap::new();
        for (word, closeness) in self.candidates(query) {
            for &(node, count) in &self.vocabulary[&word] {
                let entry = found.entry(node as usize).or_insert(Found {
                    closeness,
                    count: 0,
                    words: Vec::new(),
                });
                entry.closeness = entry.closeness.max(closeness);
                entry.count += u32::from(count);
                entry.words.push(word.clone());
            }
        }
        found
    }

    fn candidates(&self, query: &str) -> Vec<(String, Closeness)> {
        let prefixed: Vec<(String, Closeness)> = self
            .vocabulary
            .range(query.to_owned()..)
            .take_while(|(word, _)| word.starts_with(query))
            .map(|(word, _)| {
                let closeness = if word == query {
                    Closeness::Exact
                } else {
                    Closeness::Prefix
                };
                (word.clone(), closeness)
            })
            .collect();
        if !prefixed.is_empty() || query.chars().count() < 4 {
            return prefixed;
        }
        self.vocabulary
            .keys()
            .filter(|word| is_typo_of(query, word))
            .map(|word| (word.clone(), Closeness::Typo))
            .collect()
    }
}

/// True when `word` (or its start, for a query still being typed) is within one edit of
/// `query`, or two for queries of eight characters or more. The first letter must agree:
/// slips there are rare, and allowing them makes short words match almost anything.
fn is_typo_of(query: &str, word: &str) -> bool {
    if query.chars().next() != word.chars().next() {
        return false;
    }
    let allowed = if query.chars().count() >= 8 { 2 } else { 1 };
    let query_len = query.chars().count();
    let word_len = word.chars().count();
    if word_len + allowed < query_len {
        return false;
    }
    if strsim::levenshtein(query, word) <= allowed {
        return true;
    }
    let head: String = word.chars().take(query_len).collect();
    word_len > query_len && strsim::levenshtein(query, &head) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> WordIndex {
        let mut index = WordIndex::default();
        index.add(0, "Hepatocytes are liver cells.");
        index.add(1, "The liver scars; scarring is fibrosis.");
        index
    }

    #[test]
    fn whole_words_and_prefixes() {
        let index = index();
        assert_eq!(index.lookup("liver").len(), 2);
        let scar = index.lookup("scar");
        assert_eq!(scar[&1].closeness, Closeness::Prefix);
        assert_eq!(scar[&1].words, ["scarring", "scars"]);
        assert_eq!(scar[&1].count, 2);
        assert_eq!(index.lookup("fibrosis")[&1].closeness, Closeness::Exact);
    }

    #[test]
    fn typos_fall_back_to_edit_distance() {
        let index = index();
        let found = index.lookup("hepatocite");
        assert_eq!(found[&0].closeness, Closeness::Typo);
        assert_eq!(found[&0].words, ["hepatocytes"]);
        assert!(index.lookup("fibrosys").contains_key(&1));
        assert!(index.lookup("xyzzy").is_empty());
    }

    #[test]
    fn short_queries_do_not_guess() {
        assert!(index().lookup("lvr").is_empty());
    }

    #[test]
    fn words_are_lowercase_and_unicode_aware() {
        let found: Vec<String> = words("Élan, CD133+ cells—naïve").collect();
        assert_eq!(found, ["élan", "cd133", "cells", "naïve"]);
    }
}
