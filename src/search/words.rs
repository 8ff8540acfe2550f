//! The body word index: every word of every summary and body, mapped to the nodes that hold
//! it. Lookups are by whole word or word prefix, so typing "hepat" finds "hepatocyte"; when
//! a word matches nothing, words within a small edit distance are tried, so "hepatocite" still
//! finds it. Whole bodies are never fuzzy-matched: a long text holds almost any short query
//! as a scattered subsequence, which ranks everything and costs seconds on large files.

use rustc_hash::FxHashMap;

/// How well a query word met a body word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

/// Built with [`WordIndex::add`], then [`WordIndex::finish`]ed into a sorted vocabulary for
/// prefix lookups. Words are hashed while building (sorting ten million occurrences into a
/// tree cost seconds) and each distinct word is stored once.
#[derive(Debug, Default, Clone)]
pub struct WordIndex {
    /// Word number of each distinct word, while building.
    numbers: FxHashMap<Box<str>, u32>,
    /// Each distinct word with its number, sorted by word once built.
    vocabulary: Vec<(Box<str>, u32)>,
    /// Per word number: the nodes holding it, in node order, each packed with how often it
    /// occurs there (see [`Posting`]).
    postings: Vec<Vec<Posting>>,
}

/// A node number and how often a word occurs in it, in four bytes: on large files the
/// postings are most of the index. Counts stop at 15; ranking looks no further than 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting(u32);

impl Posting {
    const COUNT_BITS: u32 = 4;
    const MAX_COUNT: u32 = (1 << Self::COUNT_BITS) - 1;

    fn new(node: u32) -> Self {
        Self((node << Self::COUNT_BITS) | 1)
    }

    const fn node(self) -> u32 {
        self.0 >> Self::COUNT_BITS
    }

    const fn count(self) -> u32 {
        self.0 & Self::MAX_COUNT
    }

    fn add_one(&mut self) {
        if self.count() < Self::MAX_COUNT {
            self.0 += 1;
        }
    }
}

/// How many nodes postings can number.
pub const MAX_NODES: usize = 1 << (32 - Posting::COUNT_BITS);

/// Lowercase alphanumeric words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(str::to_lowercase)
}

fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl WordIndex {
    /// Records every word of `text` as occurring in `node`. Nodes must be added in order.
    pub fn add(&mut self, node: usize, text: &str) {
        let Some(node) = u32::try_from(node)
            .ok()
            .filter(|&n| (n as usize) < MAX_NODES)
        else {
            return;
        };
        if text.is_ascii() {
            // The common case, split byte by byte without decoding characters.
            let mut lower = String::new();
            for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    lower.clear();
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                    self.record(node, &lower);
                } else if !word.is_empty() {
                    self.record(node, word);
                }
            }
        } else {
            for word in raw_words(text) {
                self.record(node, &word.to_lowercase());
            }
        }
    }

    fn record(&mut self, node: u32, word: &str) {
        let number = if let Some(&number) = self.numbers.get(word) {
            number
        } else {
            let number = u32::try_from(self.postings.len()).unwrap_or(u32::MAX);
            self.numbers.insert(word.into(), number);
            self.postings.push(Vec::new());
            number
        };
        let postings = &mut self.postings[number as usize];
        match postings.last_mut() {
            Some(last) if last.node() == node => last.add_one(),
            _ => postings.push(Posting::new(node)),
        }
    }

    /// Adds an index built over later nodes than this one's, as if they had been added here.
    pub fn append(&mut self, later: Self) {
        let mut postings: Vec<Option<Vec<Posting>>> =
            later.postings.into_iter().map(Some).collect();
        for (word, number) in later.numbers {
            let Some(found) = postings[number as usize].take() else {
                continue;
            };
            if let Some(&mine) = self.numbers.get(&word) {
                self.postings[mine as usize].extend(found);
            } else {
                let mine = u32::try_from(self.postings.len()).unwrap_or(u32::MAX);
                self.numbers.insert(word, mine);
                self.postings.push(found);
            }
        }
    }

    /// Sorts the vocabulary for lookups; words added afterwards are not found until the next
    /// call.
    pub fn finish(&mut self) {
        self.vocabulary = std::mem::take(&mut self.numbers).into_iter().collect();
        self.vocabulary.sort_unstable();
        for postings in &mut self.postings {
            postings.shrink_to_fit();
        }
    }

    /// The vocabulary words close to `query`: the word itself, words it begins (for queries
    /// of three characters or more: shorter ones would match a large part of the
    /// vocabulary), or failing both, words within a typo of it.
    pub fn matches(&self, query: &str) -> Vec<WordMatch<'_>> {
        let first = self.vocabulary.partition_point(|(w, _)| &**w < query);
        let allow_prefix = query.chars().count() >= 3;
        let prefixed: Vec<WordMatch<'_>> = self.vocabulary[first..]
            .iter()
            .take_while(|(word, _)| word.starts_with(query))
            .filter(|(word, _)| allow_prefix || &**word == query)
            .map(|(word, number)| {
                let closeness = if &**word == query {
                    Closeness::Exact
                } else {
                    Closeness::Prefix
                };
                self.word_match(word, *number, closeness)
            })
            .collect();
        if !prefixed.is_empty() || query.chars().count() < 4 {
            return prefixed;
        }
        self.vocabulary
            .iter()
            .filter(|(word, _)| is_typo_of(query, word))
            .map(|(word, number)| self.word_match(word, *number, Closeness::Typo))
            .collect()
    }

    fn word_match<'a>(&'a self, word: &'a str, number: u32, closeness: Closeness) -> WordMatch<'a> {
        WordMatch {
            word,
            closeness,
            postings: &self.postings[number as usize],
        }
    }

    /// Nodes holding, for every query word, a word close to it. Each query word scores its
    /// best closeness and how often its words occur there; the rarest query word is looked
    /// up first, so the others only check the nodes still in the running.
    pub fn find_all<'a>(&'a self, queries: &[String]) -> Vec<BodyMatch<'a>> {
        let mut parts: Vec<Vec<WordMatch<'a>>> = queries.iter().map(|q| self.matches(q)).collect();
        parts.sort_by_key(|words| words.iter().map(|w| w.postings.len()).sum::<usize>());
        let mut found: FxHashMap<u32, BodyMatch<'a>> = FxHashMap::default();
        for (n, words) in parts.iter().enumerate() {
            let mut this: FxHashMap<u32, (Closeness, u32, Vec<&'a str>)> = FxHashMap::default();
            for word in words {
                for posting in word.postings {
                    if n > 0 && !found.contains_key(&posting.node()) {
                        continue;
                    }
                    let entry =
                        this.entry(posting.node())
                            .or_insert((word.closeness, 0, Vec::new()));
                    entry.0 = entry.0.max(word.closeness);
                    entry.1 += posting.count();
                    entry.2.push(word.word);
                }
            }
            if n > 0 {
                found.retain(|node, _| this.contains_key(node));
            }
            for (node, (closeness, count, words)) in this {
                let entry = found.entry(node).or_insert(BodyMatch {
                    node: node as usize,
                    score: 0,
                    words: Vec::new(),
                });
                entry.score += (closeness as i64) * 16 + i64::from(count.min(12));
                entry.words.extend(words);
            }
        }
        found.into_values().collect()
    }
}

/// A vocabulary word that a query word found, with where it occurs.
pub struct WordMatch<'a> {
    pub word: &'a str,
    pub closeness: Closeness,
    postings: &'a [Posting],
}

/// A node whose text holds every query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyMatch<'a> {
    pub node: usize,
    pub score: i64,
    /// The vocabulary words that matched, for highlighting.
    pub words: Vec<&'a str>,
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
        index.finish();
        index
    }

    fn find<'a>(index: &'a WordIndex, query: &str) -> Vec<BodyMatch<'a>> {
        let mut found = index.find_all(&[query.to_owned()]);
        found.sort_by_key(|m| m.node);
        found
    }

    #[test]
    fn whole_words_and_prefixes() {
        let index = index();
        assert_eq!(find(&index, "liver").len(), 2);
        let scar = index.matches("scar");
        assert!(scar.iter().all(|w| w.closeness == Closeness::Prefix));
        let scar = find(&index, "scar");
        assert_eq!(scar[0].node, 1);
        assert_eq!(scar[0].words, ["scarring", "scars"]);
        assert_eq!(
            scar[0].score,
            2 * 16 + 2,
            "prefix closeness, two occurrences"
        );
        assert_eq!(index.matches("fibrosis")[0].closeness, Closeness::Exact);
    }

    #[test]
    fn every_query_word_must_occur_and_scores_add_up() {
        let index = index();
        let both = index.find_all(&["liver".to_owned(), "fibrosis".to_owned()]);
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].node, 1);
        assert_eq!(both[0].score, 2 * (3 * 16 + 1));
        assert!(
            index
                .find_all(&["liver".to_owned(), "zebra".to_owned()])
                .is_empty()
        );
    }

    #[test]
    fn typos_fall_back_to_edit_distance() {
        let index = index();
        let found = find(&index, "hepatocite");
        assert_eq!(found[0].node, 0);
        assert_eq!(found[0].words, ["hepatocytes"]);
        assert_eq!(index.matches("hepatocite")[0].closeness, Closeness::Typo);
        assert_eq!(find(&index, "fibrosys")[0].node, 1);
        assert!(find(&index, "xyzzy").is_empty());
    }

    #[test]
    fn short_queries_do_not_guess() {
        let index = index();
        assert!(
            find(&index, "lvr").is_empty(),
            "no typos under four characters"
        );
        assert!(
            find(&index, "li").is_empty(),
            "no prefixes under three characters"
        );
        assert_eq!(find(&index, "is").len(), 1, "whole short words still count");
    }

    #[test]
    fn words_are_lowercase_and_unicode_aware() {
        let found: Vec<String> = words("Élan, CD133+ cells—naïve").collect();
        assert_eq!(found, ["élan", "cd133", "cells", "naïve"]);
    }
}
