//! State of the search overlay: the query, its results, the chosen result, and where the
//! reader was before opening it (so Esc can go back there).

use tui_input::InputRequest;

use super::Prompt;
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
    pub prompt: Prompt,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    /// How many of the hits carry their details (see [`SearchIndex::search_detailed`]).
    detailed: usize,
    pub origin: Origin,
    /// Why the query found nothing, when it did.
    pub empty: Option<NoMatch>,
    /// Which earlier query is recalled (0 the latest), while the reader steps through them.
    pub recalled: Option<usize>,
}

impl SearchState {
    /// A search opened from `origin`, with an empty query and its results.
    pub fn open(origin: Origin, catalog: &Catalog, index: &SearchIndex) -> Self {
        let mut search = Self {
            prompt: Prompt::default(),
            hits: Vec::new(),
            cursor: 0,
            detailed: DETAILED,
            origin,
            empty: None,
            recalled: None,
        };
        search.refresh(catalog, index);
        search
    }

    pub fn query(&self) -> &str {
        self.prompt.value()
    }

    /// Applies an edit of the query, searching again when the text changed.
    pub fn edit(&mut self, request: InputRequest, catalog: &Catalog, index: &SearchIndex) {
        if self.prompt.edit(request) {
            self.recalled = None;
            self.refresh(catalog, index);
        }
    }

    /// Puts an earlier query in the prompt.
    pub fn recall(&mut self, query: &str, catalog: &Catalog, index: &SearchIndex) {
        self.prompt.set(query);
        self.refresh(catalog, index);
    }

    pub fn move_cursor(&mut self, delta: isize, catalog: &Catalog, index: &SearchIndex) {
        let last = self.hits.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        if self.cursor + DETAILED / 2 >= self.detailed && self.detailed < self.hits.len() {
            self.detailed = (self.detailed + DETAILED).max(self.cursor + DETAILED);
            let query = self.prompt.value();
            self.hits = index.search_detailed(catalog, query, RESULT_LIMIT, self.detailed);
        }
    }

    pub fn chosen(&self) -> Option<&Hit> {
        self.hits.get(self.cursor)
    }

    fn refresh(&mut self, catalog: &Catalog, index: &SearchIndex) {
        self.detailed = DETAILED;
        let query = self.prompt.value();
        self.hits = index.search_detailed(catalog, query, RESULT_LIMIT, self.detailed);
        self.empty = self.hits.is_empty().then(|| index.explain_empty(query));
        self.cursor = 0;
    }
}
