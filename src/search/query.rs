//! A query as search reads it: its words, the ones searched for, and the topics whose names
//! it spells out whole or in part (the first rules of [`super::rank`]).

use rustc_hash::{FxHashMap, FxHashSet};

use super::SearchIndex;
use super::lookup::QueryWord;
use super::normalize;
use super::rank::Names;

/// At most this many query words count; the rest are ignored.
const MAX_WORDS: usize = 8;
/// Runs of query words tried as whole names start within this many words.
const MAX_PHRASE_WORDS: usize = 12;

/// A query read into words: all of them (for whole names and phrases), and the ones that
/// are searched for (common English words left out when there are others).
pub struct Query {
    pub all: Vec<String>,
    pub searched: Vec<QueryWord>,
}

impl Query {
    pub fn read(text: &str) -> Self {
        let all = normalize::words(text);
        let typing = !text.ends_with(char::is_whitespace);
        let last = all.len().saturating_sub(1);
        let mut words: Vec<QueryWord> = Vec::new();
        for (n, word) in all.iter().enumerate() {
            let prefix = typing && n == last;
            match words.iter_mut().find(|w| w.text == *word) {
                Some(seen) => seen.prefix &= prefix,
                None => words.push(QueryWord {
                    text: word.clone(),
                    prefix,
                }),
            }
        }
        let content: Vec<QueryWord> = words
            .iter()
            .filter(|w| !normalize::is_stop_word(&w.text))
            .cloned()
            .collect();
        let mut searched = if content.is_empty() { words } else { content };
        searched.truncate(MAX_WORDS);
        Self { all, searched }
    }

    /// A folded word of the query `text` as the reader wrote it ("colour" for "color"),
    /// for messages: worked out only when one is shown, not at every keystroke.
    pub fn as_typed(&self, text: &str, folded: &str) -> String {
        let Some(at) = self.all.iter().position(|w| w == folded) else {
            return folded.to_owned();
        };
        let mut typed = None;
        let mut n = 0;
        normalize::for_each_raw_token(text, |token| {
            if !token.compound {
                if n == at {
                    typed = Some(token.word.to_lowercase());
                }
                n += 1;
            }
        });
        typed.unwrap_or_else(|| folded.to_owned())
    }
}

impl SearchIndex {
    /// Topics whose title or a term is the whole query, and the longest runs of query words
    /// that make up one of their names (words compared by stem). A run of common words only
    /// counts when the query has nothing else ("how much").
    pub(super) fn names(&self, query: &Query) -> Names {
        let only_common = query.all.iter().all(|w| normalize::is_stop_word(w));
        let groups: Vec<Option<u32>> = query.all.iter().map(|w| self.index.stem_group(w)).collect();
        let mut whole: FxHashMap<u32, u8> = FxHashMap::default();
        let mut phrases: FxHashMap<u32, u8> = FxHashMap::default();
        for start in 0..groups.len().min(MAX_PHRASE_WORDS) {
            for end in start + 1..=groups.len() {
                let Some(run) = groups[start..end]
                    .iter()
                    .copied()
                    .collect::<Option<Vec<u32>>>()
                else {
                    break;
                };
                if !only_common
                    && query.all[start..end]
                        .iter()
                        .all(|w| normalize::is_stop_word(w))
                {
                    continue;
                }
                let every = start == 0 && end == groups.len();
                let length = u8::try_from(end - start).unwrap_or(u8::MAX);
                for (doc, is_title) in self.index.whole_names(&run) {
                    if length >= 2 {
                        let best = phrases.entry(doc).or_default();
                        *best = (*best).max(length);
                    }
                    if every {
                        let topic_title = is_title && !self.index.doc(doc).generated;
                        let kind = whole.entry(doc).or_default();
                        *kind = (*kind).max(if topic_title { 2 } else { 1 });
                    }
                }
            }
        }
        Names {
            whole: sorted(whole),
            phrases: sorted(phrases),
            echoes: self.echoes(query),
        }
    }

    /// Per topic, how many of the query's common words its title holds, when the query has
    /// other words too. A common word used in names more than once per eight topics tells
    /// nothing and is skipped (on large files it would also cost the most).
    fn echoes(&self, query: &Query) -> Vec<u8> {
        if query
            .searched
            .iter()
            .all(|w| normalize::is_stop_word(&w.text))
        {
            return Vec::new();
        }
        let mut echoes = Vec::new();
        let mut seen = FxHashSet::default();
        let common = query.all.iter().filter(|w| normalize::is_stop_word(w));
        for word in common.filter(|w| seen.insert(w.as_str())) {
            let Some(id) = self.index.exact(word) else {
                continue;
            };
            let names = self.index.names(id);
            if names.len() > self.index.len() / 8 {
                continue;
            }
            if echoes.is_empty() {
                echoes = vec![0u8; self.index.len()];
            }
            for posting in names.iter().filter(|p| p.slot == 0) {
                let count = &mut echoes[posting.doc as usize];
                *count = count.saturating_add(1);
            }
        }
        echoes
    }
}

fn sorted(map: FxHashMap<u32, u8>) -> Vec<(u32, u8)> {
    let mut list: Vec<(u32, u8)> = map.into_iter().collect();
    list.sort_unstable();
    list
}
