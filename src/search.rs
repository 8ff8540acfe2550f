//! Search over a catalog: titles, terms and glossary entries fuzzily (fuzzy-matcher's skim
//! algorithm, each query word on its own, all required), bodies by words (see [`words`]).
//! Results rank by tier first — title above term above body — then by score, then tree
//! order, so the same query always gives the same list in the explorer and in `hepatree search`.

mod words;

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::catalog::Catalog;
use crate::document::Highlight;
use crate::knowledge::Kind;
use crate::markup;
use words::WordIndex;
pub use words::{Closeness, Found};

/// Where a hit matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title,
    /// The node's n-th search term or alias.
    Term(usize),
    Body,
}

/// A short piece of body text around a match, with the character ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
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
    rank: (u8, i64),
}

/// Tiers, best first. A fuzzy match whose characters are scattered across the text counts
/// below a real word found in a body.
const TITLE: u8 = 4;
const TERM: u8 = 3;
const BODY: u8 = 2;
const LOOSE: u8 = 1;

pub struct SearchIndex {
    matcher: SkimMatcherV2,
    words: WordIndex,
    /// Each node's summary and body as plain text, for snippets.
    plain: Vec<String>,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        let mut words = WordIndex::default();
        let mut plain = Vec::with_capacity(catalog.len());
        for (index, node) in catalog.nodes().iter().enumerate() {
            // A source's body lists the topics citing it; their titles are not its words.
            let body = if node.kind == Kind::Reference {
                String::new()
            } else {
                markup::plain_text(&node.body, |id| catalog.title_of(id))
            };
            let text = format!("{}\n{}", node.summary, body);
            words.add(index, &text);
            words.add(index, &node.terms.join(" "));
            plain.push(text);
        }
        Self {
            matcher: SkimMatcherV2::default().ignore_case(),
            words,
            plain,
        }
    }

    /// Hits for `query`, best first, at most `limit`. An empty query lists the top-level
    /// topics in tree order, so the prompt opens on a map of the base rather than nothing.
    pub fn search(&self, catalog: &Catalog, query: &str, limit: usize) -> Vec<Hit> {
        let parts: Vec<&str> = query.split_whitespace().collect();
        if parts.is_empty() {
            return catalog
                .roots()
                .iter()
                .take(limit)
                .map(|&node| root_hit(node))
                .collect();
        }
        let mut best: HashMap<usize, Hit> = HashMap::new();
        for (node, entry) in catalog.nodes().iter().enumerate() {
            if let Some(hit) = self.fuzzy_hit(node, &entry.title, &entry.terms, entry.kind, &parts)
            {
                best.insert(node, hit);
            }
        }
        for hit in self.body_hits(&parts) {
            match best.get(&hit.node) {
                Some(existing) if existing.rank >= hit.rank => {}
                _ => {
                    best.insert(hit.node, hit);
                }
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| b.rank.cmp(&a.rank).then(a.node.cmp(&b.node)));
        hits.truncate(limit);
        for hit in &mut hits {
            self.finish(hit, &parts);
        }
        hits
    }

    fn fuzzy_hit(
        &self,
        node: usize,
        title: &str,
        terms: &[String],
        kind: Kind,
        parts: &[&str],
    ) -> Option<Hit> {
        let title_match = self
            .fuzzy_all(title, parts)
            .map(|m| (Field::Title, TITLE, m));
        let term_match = terms
            .iter()
            .enumerate()
            .filter_map(|(n, term)| {
                self.fuzzy_all(term, parts)
                    .map(|m| (Field::Term(n), TERM, m))
            })
            .max_by_key(|(_, _, (score, _))| *score);
        let (field, tier, (score, indices)) =
            [title_match, term_match].into_iter().flatten().max_by_key(
                |(_, tier, (score, indices))| (effective_tier(*tier, indices, parts, kind), *score),
            )?;
        let tier = effective_tier(tier, &indices, parts, kind);
        Some(Hit {
            node,
            field,
            indices,
            snippet: None,
            highlight: Highlight::default(),
            rank: (tier, score),
        })
    }

    /// Every part must match `text`; returns the summed score and all matched indices.
    fn fuzzy_all(&self, text: &str, parts: &[&str]) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut indices = Vec::new();
        for part in parts {
            let (score, found) = self.matcher.fuzzy_indices(text, part)?;
            total += score;
            indices.extend(found);
        }
        indices.sort_unstable();
        indices.dedup();
        Some((total, indices))
    }

    /// Nodes whose text holds every query word. Closeness counts most; how often the words
    /// occur breaks ties between topics that merely mention a word and topics about it.
    fn body_hits(&self, parts: &[&str]) -> Vec<Hit> {
        let mut combined: Option<HashMap<usize, (i64, Vec<String>)>> = None;
        for part in parts {
            let query: String = words::words(part).collect();
            if query.is_empty() {
                continue;
            }
            let found = self.words.lookup(&query);
            let score = |f: &Found| (f.closeness as i64) * 16 + i64::from(f.count.min(12));
            combined = Some(match combined {
                None => found
                    .iter()
                    .map(|(&n, f)| (n, (score(f), f.words.clone())))
                    .collect(),
                Some(mut so_far) => {
                    so_far.retain(|node, _| found.contains_key(node));
                    for (node, (total, matched)) in &mut so_far {
                        let f = &found[node];
                        *total += score(f);
                        matched.extend(f.words.iter().cloned());
                    }
                    so_far
                }
            });
        }
        combined
            .unwrap_or_default()
            .into_iter()
            .map(|(node, (score, matched))| Hit {
                node,
                field: Field::Body,
                indices: Vec::new(),
                snippet: None,
                highlight: Highlight {
                    words: matched.into_iter().collect(),
                    prefixes: Vec::new(),
                },
                rank: (BODY, score),
            })
            .collect()
    }

    /// Adds what only displayed hits need: the snippet and the prefixes to highlight.
    fn finish(&self, hit: &mut Hit, parts: &[&str]) {
        hit.highlight.prefixes = parts
            .iter()
            .map(|p| words::words(p).collect::<String>())
            .filter(|p| p.chars().count() >= 3)
            .collect();
        if hit.field == Field::Body {
            hit.snippet = snippet(&self.plain[hit.node], &hit.highlight);
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
        rank: (TITLE, 0),
    }
}

/// A fuzzy match counts fully only when its characters form one run per query word (two for
/// words of five letters or more, to forgive a slip); entries of the generated sources branch
/// never outrank topics.
fn effective_tier(tier: u8, indices: &[usize], parts: &[&str], kind: Kind) -> u8 {
    let runs = indices.windows(2).filter(|w| w[1] != w[0] + 1).count() + 1;
    let allowed: usize = parts
        .iter()
        .map(|p| if p.chars().count() >= 5 { 2 } else { 1 })
        .sum();
    let tier = if runs > allowed { LOOSE } else { tier };
    if kind == Kind::Reference {
        tier.min(LOOSE)
    } else {
        tier
    }
}

const SNIPPET_BEFORE: usize = 30;
const SNIPPET_LENGTH: usize = 90;

/// About ninety characters of `text` around the first highlighted word.
fn snippet(text: &str, highlight: &Highlight) -> Option<Snippet> {
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
        let catalog = Catalog::new(&parse(&BASE.replace("\"ünï\"", "\"uni\"")).expect("valid"));
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
    fn empty_query_lists_top_level_topics() {
        let (catalog, index) = setup();
        assert_eq!(
            ids(&catalog, &index.search(&catalog, "  ", 10)),
            ["course", "cells", "uni"]
        );
    }

    #[test]
    fn scattered_fuzzy_matches_drop_below_body_words() {
        let tier = |indices: &[usize], parts: &[&str]| {
            effective_tier(TITLE, indices, parts, Kind::Overview)
        };
        assert_eq!(tier(&[0, 1, 2], &["abc"]), TITLE);
        assert_eq!(
            tier(&[0, 1, 5], &["abc"]),
            LOOSE,
            "short words must match in one run"
        );
        assert_eq!(
            tier(&[0, 1, 2, 7, 8], &["abcde"]),
            TITLE,
            "long words may have one break"
        );
        assert_eq!(tier(&[0, 4, 9], &["a", "bc"]), LOOSE);
        assert_eq!(tier(&[0, 4, 5], &["a", "bc"]), TITLE);
        assert_eq!(
            effective_tier(TITLE, &[0, 1], &["ab"], Kind::Reference),
            LOOSE
        );
        const { assert!(LOOSE < BODY) };
    }
}
