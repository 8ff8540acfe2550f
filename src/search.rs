//! Search over a catalog: titles, terms and glossary entries fuzzily (see [`fuzzy`]), bodies
//! by words (see [`words`]). Results rank by tier first — title above term above body — then
//! by score, then tree order, so the same query always gives the same list in the explorer
//! and in `hepatree search`.
//!
//! Typing only ever adds to a query, and a longer query can only match fewer titles and
//! terms, so the explorer keeps the previous query's matches ([`Narrowing`]) and tries only
//! those next. Body words are looked up only when titles and terms leave room in the list.

mod fuzzy;
mod snippet;
mod words;

use std::collections::HashSet;

use crate::catalog::Catalog;
use crate::document::Highlight;
use crate::knowledge::Kind;
use crate::markup;
use fuzzy::{BODY, CharSet, Fuzzy, FuzzyMatch, TERM};
pub use snippet::Snippet;
pub use words::Closeness;
use words::WordIndex;

/// Where a hit matched.
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
    /// Character indices of matched characters in the title or term.
    pub indices: Vec<usize>,
    pub snippet: Option<Snippet>,
    /// What to highlight in the topic when the reader jumps to it.
    pub highlight: Highlight,
}

/// The nodes whose titles or terms matched the last query, kept so that a longer query only
/// tries those.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    parts: Vec<String>,
    nodes: Vec<u32>,
}

impl Narrowing {
    /// True when every title or term matching `parts` matched the remembered query: each
    /// remembered word is still there, the last one perhaps longer, and more may follow.
    fn covers(&self, parts: &[&str]) -> bool {
        let Some((last, earlier)) = self.parts.split_last() else {
            return false;
        };
        parts.len() >= self.parts.len()
            && earlier.iter().zip(parts).all(|(a, b)| a == b)
            && parts[earlier.len()].starts_with(last.as_str())
    }
}

/// Below this many items (nodes to index, candidates to match) one thread does the work.
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

pub struct SearchIndex {
    fuzzy: Fuzzy,
    words: WordIndex,
}

impl SearchIndex {
    /// Indexes the two halves of the catalog on two threads and joins them: on a
    /// 100,000-topic file this is most of the start-up time.
    pub fn new(catalog: &Catalog) -> Self {
        let mut words = WordIndex::default();
        let mut sets = Vec::with_capacity(catalog.len());
        for (half, half_sets) in in_halves(catalog.len(), |range| index_half(catalog, range)) {
            words.append(half);
            sets.extend(half_sets);
        }
        words.finish();
        Self {
            fuzzy: Fuzzy::new(sets),
            words,
        }
    }

    /// Hits for `query`, best first, at most `limit`. An empty query lists the top-level
    /// topics in tree order, so the prompt opens on a map of the base rather than nothing.
    pub fn search(&self, catalog: &Catalog, query: &str, limit: usize) -> Vec<Hit> {
        self.search_narrowed(catalog, query, limit, &mut Narrowing::default())
    }

    /// [`Self::search`], trying only the titles and terms `narrowing` allows when `query`
    /// grew from the one it remembers, and remembering this query's matches in turn.
    pub fn search_narrowed(
        &self,
        catalog: &Catalog,
        query: &str,
        limit: usize,
        narrowing: &mut Narrowing,
    ) -> Vec<Hit> {
        let parts: Vec<&str> = query.split_whitespace().collect();
        if parts.is_empty() {
            *narrowing = Narrowing::default();
            return catalog
                .roots()
                .iter()
                .take(limit)
                .map(|&node| root_hit(node))
                .collect();
        }
        let candidates = if narrowing.covers(&parts) {
            std::mem::take(&mut narrowing.nodes)
        } else {
            (0..u32::try_from(catalog.len()).unwrap_or(u32::MAX)).collect()
        };
        let matches = self.fuzzy_pass(catalog, &candidates, &parts);
        // Each part as the word index and the highlighter see it, worked out once.
        let normalised: Vec<String> = parts
            .iter()
            .map(|p| words::words(p).collect::<String>())
            .collect();
        *narrowing = Narrowing {
            parts: parts.iter().map(|&p| p.to_owned()).collect(),
            nodes: matches.iter().map(|(node, _)| *node).collect(),
        };
        let strong = matches.iter().filter(|(_, m)| m.tier >= TERM).count();
        let mut ranked: Vec<Ranked<'_>> = matches
            .into_iter()
            .map(|(node, m)| Ranked {
                node: node as usize,
                rank: (m.tier, m.score),
                found: Found::Fuzzy(m),
            })
            .collect();
        // Body hits rank below titles and terms: look them up only if they could show.
        if strong < limit {
            self.add_body_hits(&mut ranked, &normalised);
        }
        best_first(&mut ranked, limit);
        let prefixes: Vec<String> = normalised
            .into_iter()
            .filter(|p| p.chars().count() >= 3)
            .collect();
        ranked
            .into_iter()
            .map(|r| finish(catalog, r, prefixes.clone()))
            .collect()
    }

    /// Adds the nodes whose text holds every query word, or raises a node already found when
    /// its body ranks higher. `ranked` is in node order.
    fn add_body_hits<'a>(&'a self, ranked: &mut Vec<Ranked<'a>>, normalised: &[String]) {
        let queries: Vec<String> = normalised
            .iter()
            .filter(|q| !q.is_empty())
            .cloned()
            .collect();
        if queries.is_empty() {
            return;
        }
        let fuzzy_found = ranked.len();
        for body in self.words.find_all(&queries) {
            let hit = Ranked {
                node: body.node,
                rank: (BODY, body.score),
                found: Found::Body(body.words),
            };
            match ranked[..fuzzy_found].binary_search_by_key(&body.node, |r| r.node) {
                Ok(at) if ranked[at].rank < hit.rank => ranked[at] = hit,
                Ok(_) => {}
                Err(_) => ranked.push(hit),
            }
        }
    }

    /// The candidates whose title or a term matches every part, in node order, split over two
    /// threads when there are many.
    fn fuzzy_pass(
        &self,
        catalog: &Catalog,
        candidates: &[u32],
        parts: &[&str],
    ) -> Vec<(u32, FuzzyMatch)> {
        let wanted = CharSet::of_all(parts.iter().copied());
        let run = |chunk: &[u32]| -> Vec<(u32, FuzzyMatch)> {
            chunk
                .iter()
                .filter_map(|&node| {
                    let index = node as usize;
                    self.fuzzy
                        .best(index, catalog.node(index), parts, wanted)
                        .map(|found| (node, found))
                })
                .collect()
        };
        in_halves(candidates.len(), |range| run(&candidates[range]))
            .into_iter()
            .flatten()
            .collect()
    }
}

/// A match before it becomes a [`Hit`]: only the few shown are finished.
struct Ranked<'a> {
    node: usize,
    rank: (u8, i64),
    found: Found<'a>,
}

enum Found<'a> {
    Fuzzy(FuzzyMatch),
    /// The body words that matched.
    Body(Vec<&'a str>),
}

/// Keeps the `limit` best, best first, ties in tree order, without sorting the rest.
fn best_first(ranked: &mut Vec<Ranked<'_>>, limit: usize) {
    let order = |a: &Ranked<'_>, b: &Ranked<'_>| b.rank.cmp(&a.rank).then(a.node.cmp(&b.node));
    if limit == 0 {
        ranked.clear();
        return;
    }
    if ranked.len() > limit {
        ranked.select_nth_unstable_by(limit - 1, order);
        ranked.truncate(limit);
    }
    ranked.sort_by(order);
}

/// Turns a shown match into a hit: highlights, and for a body match its snippet.
fn finish(catalog: &Catalog, ranked: Ranked<'_>, prefixes: Vec<String>) -> Hit {
    match ranked.found {
        Found::Fuzzy(m) => Hit {
            node: ranked.node,
            field: m.term.map_or(Field::Title, Field::Term),
            indices: m.indices,
            snippet: None,
            highlight: Highlight {
                words: HashSet::new(),
                prefixes,
            },
        },
        Found::Body(words) => {
            let highlight = Highlight {
                words: words.into_iter().map(str::to_owned).collect(),
                prefixes,
            };
            let node = catalog.node(ranked.node);
            let text = format!(
                "{}\n{}",
                node.summary,
                searchable_body(catalog, ranked.node)
            );
            Hit {
                node: ranked.node,
                field: Field::Body,
                indices: Vec::new(),
                snippet: snippet::snippet(&text, &highlight),
                highlight,
            }
        }
    }
}

fn root_hit(node: usize) -> Hit {
    Hit {
        node,
        field: Field::Title,
        indices: Vec::new(),
        snippet: None,
        highlight: Highlight::default(),
    }
}

/// The words of the nodes in `range` (summary, body with links by their labels, terms) and
/// their titles' and terms' character sets.
fn index_half(
    catalog: &Catalog,
    range: std::ops::Range<usize>,
) -> (WordIndex, Vec<(CharSet, CharSet)>) {
    let mut words = WordIndex::default();
    let mut sets = Vec::with_capacity(range.len());
    for index in range {
        let node = catalog.node(index);
        sets.push(Fuzzy::sets_of(node));
        words.add(index, &node.summary);
        if node.kind != Kind::Reference {
            markup::visit_text(
                &node.body,
                |id| catalog.title_or_id(id),
                |text| {
                    words.add(index, text);
                },
            );
        }
        for term in &node.terms {
            words.add(index, term);
        }
    }
    (words, sets)
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
mod tests {
    use super::*;
    use crate::knowledge::parse;

    const BASE: &str = r#"(title: "T", disclaimer: "D", topics: [
        (id: "course", title: "Disease course", kind: Section, summary: "How it runs", body: "Scarring grows.", children: [
            (id: "portal", title: "Portal hypertension", kind: DiseaseCourse, summary: "Pressure rises",
             body: "Blood backs up behind the scarred liver.", terms: ["varices", "high portal pressure"]),
            (id: "scores", title: "Severity scores", kind: DiseaseCourse, summary: "Child-Pugh and MELD",
             body: "Scores use bilirubin, albumin and the hepatocyte count."),
        ]),
        (id: "cells", title: "Hepatocyte-like cells", kind: Mechanism, summary: "Do cells become liver cells?",
         body: "Few infused cells turn into hepatocytes."),
        (id: "ünï", title: "Über naïve Zellen", kind: Question, summary: "s", body: "x"),
    ])"#;

    fn setup() -> (Catalog, SearchIndex) {
        let catalog = Catalog::new(parse(&BASE.replace("\"ünï\"", "\"uni\"")).expect("valid"));
        let index = SearchIndex::new(&catalog);
        (catalog, index)
    }

    fn ids(catalog: &Catalog, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| catalog.node(h.node).id.clone())
            .collect()
    }

    #[test]
    fn titles_rank_above_terms_above_bodies() {
        let (catalog, index) = setup();
        let hits = index.search(&catalog, "hepatocyte", 10);
        assert_eq!(ids(&catalog, &hits), ["cells", "scores"]);
        assert_eq!(hits[0].field, Field::Title);
        assert_eq!(hits[1].field, Field::Body);
        let hits = index.search(&catalog, "varices", 10);
        assert_eq!(hits[0].field, Field::Term(0));
    }

    #[test]
    fn every_query_word_must_match() {
        let (catalog, index) = setup();
        let hits = index.search(&catalog, "portal pressure", 10);
        assert_eq!(ids(&catalog, &hits), ["portal"]);
        assert!(index.search(&catalog, "portal zebra", 10).is_empty());
    }

    #[test]
    fn typo_finds_body_word_and_snippet_highlights_it() {
        let (catalog, index) = setup();
        let hits = index.search(&catalog, "hepatocite", 10);
        let scores = hits
            .iter()
            .find(|h| catalog.node(h.node).id == "scores")
            .expect("typo hit");
        let snippet = scores.snippet.as_ref().expect("snippet");
        let (s, e) = snippet.highlights[0];
        let word: String = snippet.text.chars().skip(s).take(e - s).collect();
        assert_eq!(word, "hepatocyte");
    }

    #[test]
    fn indices_are_character_positions_in_non_ascii_titles() {
        let (catalog, index) = setup();
        let hits = index.search(&catalog, "naïve", 10);
        assert_eq!(hits[0].field, Field::Title);
        let title: Vec<char> = catalog.node(hits[0].node).title.chars().collect();
        let matched: String = hits[0].indices.iter().map(|&i| title[i]).collect();
        assert_eq!(matched, "naïve");
    }

    #[test]
    fn narrowing_gives_the_same_hits_as_a_fresh_search() {
        let (catalog, index) = setup();
        let mut narrowing = Narrowing::default();
        for query in [
            "h",
            "he",
            "hep",
            "hepa",
            "hepat",
            "hepato",
            "hepatoc",
            "hepatocy",
            "hepatocyte",
            "hepatocyte ",
            "hepatocyte c",
            "hepatocyte ce",
            "hepatocyt",
            "p",
            "po",
            "portal p",
        ] {
            let narrowed = index.search_narrowed(&catalog, query, 10, &mut narrowing);
            assert_eq!(narrowed, index.search(&catalog, query, 10), "{query}");
        }
    }

    #[test]
    fn only_growing_queries_narrow() {
        let before = Narrowing {
            parts: vec!["hep".into(), "ce".into()],
            nodes: Vec::new(),
        };
        assert!(before.covers(&["hep", "cel"]));
        assert!(before.covers(&["hep", "ce", "x"]));
        assert!(!before.covers(&["hep"]));
        assert!(!before.covers(&["he", "ce"]));
        assert!(!before.covers(&["hep", "x"]));
        assert!(!Narrowing::default().covers(&["a"]));
    }

    #[test]
    fn empty_query_lists_top_level_topics() {
        let (catalog, index) = setup();
        assert_eq!(
            ids(&catalog, &index.search(&catalog, "  ", 10)),
            ["course", "cells", "uni"]
        );
    }
}
