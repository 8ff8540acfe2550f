//! State of the search overlay: the query, its results, the chosen result, and where the
//! reader was before opening it (so Esc can go back there).

use crate::catalog::{Catalog, NodeId};
use crate::search::{Hit, NoMatch, SearchIndex};

/// Results kept per query; more than a reader will page through.
const RESULT_LIMIT: usize = 200;
/// Results shown with their matches marked and snippets, at first (two screens or more);
/// more are worked out as the cursor gets near the last of them.
const DETAILED: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub node: Option<NodeId>,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    /// How many of the hits carry their details (see [`SearchIndex::search_detailed`]).
    detailed: usize,
    pub origin: Origin,
    /// Why the query found nothing, when it did.
    pub empty: Option<NoMatch>,
}

impl SearchState {
    /// A search opened from `origin`, with an empty query and its results.
    pub fn open(origin: Origin, catalog: &Catalog, index: &SearchIndex) -> Self {
        let mut search = Self {
            query: String::new(),
            hits: Vec::new(),
            cursor: 0,
            detailed: DETAILED,
            origin,
            empty: None,
        };
        search.refresh(catalog, index);
        search
    }

    pub fn push(&mut self, c: char, catalog: &Catalog, index: &SearchIndex) {
        if !c.is_control() {
            self.query.push(c);
            self.refresh(catalog, index);
        }
    }

    pub fn backspace(&mut self, catalog: &Catalog, index: &SearchIndex) {
        self.query.pop();
        self.refresh(catalog, index);
    }

    pub fn delete_word(&mut self, catalog: &Catalog, index: &SearchIndex) {
        let trimmed = self.query.trim_end();
        let cut = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        self.query.truncate(cut);
        self.refresh(catalog, index);
    }

    pub fn move_cursor(&mut self, delta: isize, catalog: &Catalog, index: &SearchIndex) {
        let last = self.hits.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        if self.cursor + DETAILED / 2 >= self.detailed && self.detailed < self.hits.len() {
            self.detailed += DETAILED;
            self.hits = index.search_detailed(catalog, &self.query, RESULT_LIMIT, self.detailed);
        }
    }

    pub fn chosen(&self) -> Option<&Hit> {
        self.hits.get(self.cursor)
    }

    fn refresh(&mut self, catalog: &Catalog, index: &SearchIndex) {
        self.detailed = DETAILED;
        self.hits = index.search_detailed(catalog, &self.query, RESULT_LIMIT, self.detailed);
        self.empty = self
            .hits
            .is_empty()
            .then(|| index.explain_empty(&self.query));
        self.cursor = 0;
    }
}
