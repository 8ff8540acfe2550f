//! Search over a catalog, the same for the explorer and for `hepatree search`: the query is
//! split into folded words ([`normalize`]); each word finds the vocabulary words it stands
//! for ([`lookup`]) and, through the index ([`index`]), the topics holding them; the topics
//! are ordered by the rules in [`rank`]; the shown ones get their matched words marked and,
//! for text matches, a snippet ([`snippet`]). When nothing matches, [`suggest`] says which
//! words the base lacks and what is close to them.
//!
//! Every keystroke searches afresh: the index picks the candidates, so there is no need to
//! remember the previous query.

mod index;
mod lookup;
pub mod normalize;
pub mod rank;
mod slot;
mod snippet;
mod suggest;

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::catalog::Catalog;
use crate::document::Highlight;
use crate::knowledge::Kind;
use crate::markup;
use index::{Doc, Index, Part};
use lookup::{Lookup, QueryWord, WordMatch};
use rank::{Names, Ranked};
use slot::{Filled, Pool, Slot};
use snippet::Marker;
pub use snippet::Snippet;
pub use suggest::NoMatch;

/// Where a hit's match is shown: in its title, in one of its terms, or in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title,
    /// The node's n-th search term or alias.
    Term(usize),
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub node: usize,
    pub field: Field,
    /// Character indices of the title to highlight.
    pub title_marks: Vec<usize>,
    /// For [`Field::Term`], character indices of that term to highlight.
    pub term_marks: Vec<usize>,
    pub snippet: Option<Snippet>,
    /// What to highlight in the topic when the reader jumps to it; the same for every hit
    /// of a search, so shared.
    pub highlight: Arc<Highlight>,
}

/// At most this many query words count; the rest are ignored.
const MAX_WORDS: usize = 8;
/// Runs of query words tried as whole names start within this many words.
const MAX_PHRASE_WORDS: usize = 12;

/// Below this many items (topics to index) one thread does the work.
const PARALLEL_FROM: usize = 2_000;

/// Runs `work` over `0..len`, split in two halves on two threads (the machine's cores) when
/// there is enough of it; the results come back in order.
fn in_halves<R: Send>(len: usize, work: impl Fn(std::ops::Range<usize>) -> R + Sync) -> Vec<R> {
    if len < PARALLEL_FROM {
        return vec![work(0..len)];
    }
    let middle = len / 2;
    std::thread::scope(|scope| {
        let later = scope.spawn(|| work(middle..len));
        let first = work(0..middle);
        match later.join() {
            Ok(later) => vec![first, later],
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The English stemmer, made once per process.
fn stemmer() -> &'static rust_stemmers::Stemmer {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

pub struct SearchIndex {
    index: Index,
    lookup: Lookup,
    slots: Pool,
}

/// A query read into words: all of them (for whole names and phrases), and the ones that
/// are searched for (common English words left out when there are others).
struct Query {
    all: Vec<String>,
    searched: Vec<QueryWord>,
}

impl Query {
    fn read(text: &str) -> Self {
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
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        let index = Index::build(catalog.len(), |i, visit| {
            let node = catalog.node(i);
            if node.kind == Kind::Reference {
                visit(Part::Citation(&node.title));
            } else {
                visit(Part::Title(&node.title));
            }
            for term in &node.terms {
                visit(Part::Term(term));
            }
            visit(Part::Summary(&node.summary));
            // A source's body lists the topics citing it; their titles are not its words.
            if node.kind != Kind::Reference {
                markup::visit_text(
                    &node.body,
                    |id| catalog.title_or_id(id),
                    |text| visit(Part::Body(text)),
                );
            }
            Doc {
                depth: u8::try_from(node.depth).unwrap_or(u8::MAX),
                generated: i >= catalog.topic_count,
                ..Doc::default()
            }
        });
        Self {
            index,
            lookup: Lookup::default(),
            slots: Pool::default(),
        }
    }

    /// Hits for `query`, best first, at most `limit`, each with its matches marked. An empty
    /// query lists the top-level topics in tree order, so the prompt opens on a map of the
    /// base rather than nothing.
    pub fn search(&self, catalog: &Catalog, query: &str, limit: usize) -> Vec<Hit> {
        self.search_detailed(catalog, query, limit, limit)
    }

    /// [`Self::search`], marking matches and making snippets for the first `detailed` hits
    /// only: the rest carry only their topic (field [`Field::Title`], nothing marked). On a
    /// large file the details of two hundred hits cost more than finding them.
    pub fn search_detailed(
        &self,
        catalog: &Catalog,
        query: &str,
        limit: usize,
        detailed: usize,
    ) -> Vec<Hit> {
        let query = Query::read(query);
        if query.searched.is_empty() {
            return catalog
                .roots()
                .iter()
                .take(limit)
                .map(|&node| plain_hit(node))
                .collect();
        }
        let one_word = query.searched.len() == 1;
        let wanted = query
            .searched
            .iter()
            .map(|word| Filled {
                word: word.clone(),
                alone: one_word,
                enough: limit,
            })
            .collect();
        let used = self.slots.take(wanted, self.index.len(), |filled, slot| {
            let matches = self.lookup.matches(&self.index, &filled.word);
            slot.fill(&self.index, &matches, filled.alone, filled.enough);
            matches
        });
        let names = self.names(&query);
        let slots: Vec<&Slot> = used.iter().map(|u| &u.slot).collect();
        let ranked = rank::rank(&self.index, &slots, &names, limit);
        let matches: Vec<&[WordMatch]> = used.iter().map(|u| u.matches.as_slice()).collect();
        let marker = self.marker(&query, &matches);
        self.slots.give(used);
        let highlight = Arc::new(marker.highlight());
        ranked
            .into_iter()
            .enumerate()
            .map(|(n, r)| {
                let mut hit = if n < detailed {
                    finish(catalog, &r, &marker)
                } else {
                    plain_hit(r.doc as usize)
                };
                hit.highlight = Arc::clone(&highlight);
                hit
            })
            .collect()
    }

    /// Why `query` found nothing: the words the base lacks and the closest words it has.
    pub fn explain_empty(&self, query: &str) -> NoMatch {
        let query = Query::read(query);
        suggest::explain(&self.index, &self.lookup, &query.searched)
    }

    /// Topics whose title or a term is the whole query, and the longest runs of query words
    /// that make up one of their names (words compared by stem).
    fn names(&self, query: &Query) -> Names {
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
                if query.all[start..end]
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
    /// other words too. A common word in more than one title in eight tells nothing and is
    /// skipped (on large files it would also cost the most).
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

    fn marker(&self, query: &Query, matches: &[&[WordMatch]]) -> Marker {
        let mut marker = Marker::default();
        for (word, found) in query.searched.iter().zip(matches) {
            let whole: FxHashSet<String> = found
                .iter()
                .filter(|m| m.whole || m.typos > 0)
                .map(|m| self.index.word(m.id).to_owned())
                .collect();
            marker.push(whole, word.prefix.then(|| word.text.clone()));
        }
        marker
    }
}

/// Turns a ranked topic into a hit: its marked title, and the term or the piece of text
/// that shows the query words the title lacks. Only the fields where words matched are
/// looked at again.
fn finish(catalog: &Catalog, ranked: &Ranked, marker: &Marker) -> Hit {
    let index = ranked.doc as usize;
    let node = catalog.node(index);
    let [in_body, in_summary, in_terms, _] = ranked.by_field;
    let (title_marks, in_title) = marker.marks(&node.title);
    let best_term = if in_terms & !in_title == 0 {
        None
    } else {
        node.terms
            .iter()
            .enumerate()
            .map(|(n, term)| (n, marker.marks(term)))
            .filter(|(_, (_, words))| *words & !in_title != 0)
            .max_by_key(|(n, (_, words))| (words.count_ones(), std::cmp::Reverse(*n)))
    };
    let in_names = in_title | best_term.as_ref().map_or(0, |(_, (_, w))| *w);
    let mut hit = Hit {
        node: index,
        field: Field::Title,
        title_marks,
        term_marks: Vec::new(),
        snippet: None,
        highlight: Arc::default(),
    };
    if ranked.words & !in_names != 0 {
        hit.snippet = if in_body & !in_names == 0 && in_summary != 0 {
            snippet::snippet(&node.summary, marker)
        } else {
            let text = format!("{}\n{}", node.summary, searchable_body(catalog, index));
            snippet::snippet(&text, marker)
        };
        if hit.snippet.is_some() {
            hit.field = Field::Body;
            return hit;
        }
    }
    if let Some((n, (marks, _))) = best_term {
        hit.field = Field::Term(n);
        hit.term_marks = marks;
    }
    hit
}

fn sorted(map: FxHashMap<u32, u8>) -> Vec<(u32, u8)> {
    let mut list: Vec<(u32, u8)> = map.into_iter().collect();
    list.sort_unstable();
    list
}

fn plain_hit(node: usize) -> Hit {
    Hit {
        node,
        field: Field::Title,
        title_marks: Vec::new(),
        term_marks: Vec::new(),
        snippet: None,
        highlight: Arc::default(),
    }
}

/// A node's body as the words searched and shown in snippets: links reduced to their labels.
/// A source's body lists the topics citing it; their titles are not its words.
fn searchable_body(catalog: &Catalog, index: usize) -> String {
    let node = catalog.node(index);
    if node.kind == Kind::Reference {
        String::new()
    } else {
        markup::plain_text(&node.body, |id| catalog.title_of(id))
    }
}

#[cfg(test)]
mod tests;
