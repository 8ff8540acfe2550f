//! Search over a catalog, by words, ranked by the rules in [`rank`].
//!
//! The same search serves the explorer and `hepatree search`: the query is split into
//! folded words ([`normalize`]); each word finds the vocabulary words it stands for
//! (`lookup`) and, through the index (`index`), the topics holding them; the topics are
//! ordered by the rules in [`rank`]; the shown ones get their matched words marked and, for
//! text matches, a snippet (`snippet`). When nothing matches, `suggest` says which words
//! the base lacks and what is close to them.
//!
//! The index picks the candidates, so no keystroke scans every title. Each search keeps
//! its words' matches (`slot`), and the next keystroke reuses those of the words it did
//! not change: typing usually changes only the last word.

mod best;
mod hit;
mod index;
mod lookup;
pub mod normalize;
mod query;
pub mod rank;
mod slot;
mod snippet;
mod suggest;

use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::catalog::{Catalog, NodeId};
use crate::document::Highlight;
use crate::knowledge::Kind;
use crate::markup;
use hit::{finish, plain_hit};
use index::{Doc, Index, Part};
pub use index::{TABLE_SECTIONS, Tables};
use lookup::{Lookup, WordMatch};
use query::Query;
use slot::{Filled, Pool, Slot};
use snippet::Marker;
pub use snippet::Snippet;
pub use suggest::NoMatch;

/// Where a hit's match is shown: in its title, in one of its other names, or in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title,
    /// The node's n-th alias (see [`crate::catalog::Node::aliases`]).
    Alias(usize),
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub node: NodeId,
    pub field: Field,
    /// Character indices of the title to highlight.
    pub title_marks: Vec<usize>,
    /// For [`Field::Alias`], character indices of that term to highlight.
    pub alias_marks: Vec<usize>,
    pub snippet: Option<Snippet>,
    /// What to highlight in the topic when the reader jumps to it; the same for every hit
    /// of a search, so shared.
    pub highlight: Arc<Highlight>,
}

/// A folded word's English stem: "reversal", "reverse" and "reversed" share "revers". An
/// abbreviation's plural ("MSCs", "LFTs": no vowel before the final s) loses its s first,
/// which the stemmer leaves alone.
fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    let stemmer =
        STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    match word.strip_suffix('s') {
        Some(singular)
            if singular.len() >= 2
                && singular.bytes().all(|b| b.is_ascii_alphanumeric())
                && !singular.bytes().any(|b| b"aeiouy".contains(&b)) =>
        {
            std::borrow::Cow::Borrowed(singular)
        }
        _ => stemmer.stem(word),
    }
}

pub struct SearchIndex {
    /// Shared with the cache's writer, which stores it while the explorer is in use.
    index: Arc<Index>,
    lookup: Lookup,
    slots: Pool,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        let index = Index::build(catalog.len(), |i, visit| {
            let node = catalog.node(NodeId::new(i));
            if node.kind == Kind::Reference {
                visit(Part::Citation(&node.title));
            } else {
                visit(Part::Title(&node.title));
            }
            for term in &node.aliases {
                visit(Part::Alias(term));
            }
            visit(Part::Summary(&node.summary));
            // A source's body lists the topics citing it; their titles are not its words.
            if node.kind != Kind::Reference {
                markup::visit_text(
                    &node.body,
                    |id| catalog.index_of(id).map(|n| catalog.node(n).title.as_str()),
                    |text| visit(Part::Body(text)),
                );
            }
            Doc {
                depth: u8::try_from(node.depth).unwrap_or(u8::MAX),
                generated: i >= catalog.topic_count,
                ..Doc::default()
            }
        });
        Self::around(index)
    }

    fn around(index: Index) -> Self {
        Self {
            index: Arc::new(index),
            lookup: Lookup::default(),
            slots: Pool::default(),
        }
    }

    /// The prepared index, for the cache to store.
    pub fn stored(&self) -> StoredIndex {
        StoredIndex(Arc::clone(&self.index))
    }

    /// The index from the parts the cache read, if they hold together and describe `docs`
    /// entries.
    pub fn from_parts(vocabulary: Vec<u8>, tables: Tables, docs: usize) -> Option<Self> {
        Index::from_parts(vocabulary, tables, docs).map(Self::around)
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
        let used = self.fill_slots(&query, limit);
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
                    plain_hit(NodeId::new(r.doc as usize))
                };
                hit.highlight = Arc::clone(&highlight);
                hit
            })
            .collect()
    }

    /// A filled slot for each searched word: kept from the last search where the word is
    /// unchanged, looked up and filled afresh otherwise.
    fn fill_slots(&self, query: &Query, limit: usize) -> Vec<slot::Used> {
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
        self.slots.take(wanted, self.index.len(), |filled, slot| {
            let matches = self.lookup.matches(&self.index, &filled.word);
            slot.fill(&self.index, &matches, filled.alone, filled.enough);
            matches
        })
    }

    /// Why `query` found nothing: the words the base lacks and the closest words it has.
    pub fn explain_empty(&self, text: &str) -> NoMatch {
        let query = Query::read(text);
        let mut why = suggest::explain(&self.index, &self.lookup, &query.searched);
        for word in &mut why.missing {
            *word = query.as_typed(text, word);
        }
        why
    }

    fn marker(&self, query: &Query, matches: &[&[WordMatch]]) -> Marker {
        let mut marker = Marker::default();
        for (word, found) in query.searched.iter().zip(matches) {
            // Typo readings show only for a word the base does not hold as typed.
            let known = found.iter().any(|m| m.whole);
            let whole: FxHashSet<String> = found
                .iter()
                .filter(|m| m.whole || (m.typos > 0 && !known))
                .map(|m| self.index.word(m.id).to_owned())
                .collect();
            let in_text = !found.iter().any(|m| m.names_only);
            marker.push(whole, word.prefix.then(|| word.text.clone()), in_text);
        }
        marker
    }
}

/// A handle on a prepared index that another thread can keep while it writes it out.
pub struct StoredIndex(Arc<Index>);

impl StoredIndex {
    /// The vocabulary automaton's bytes and the tables.
    pub fn parts(&self) -> (&[u8], &Tables) {
        self.0.parts()
    }
}

#[cfg(test)]
mod tests;
