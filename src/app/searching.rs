//! The search overlay's actions: opening it, editing the query, moving through the results,
//! recalling earlier queries, and jumping to a result or going back to where the reader was.

use super::{App, Origin, Overlay, SearchState};
use crate::action::Action;
use crate::document::Highlight;
use crate::search::Field;

/// Earlier queries kept (in the session too), the latest last.
const QUERIES_KEPT: usize = 50;

impl App {
    pub(super) fn update_search(&mut self, action: Action) {
        match action {
            Action::OpenSearch => self.open_search(),
            Action::SearchAccept => self.accept_search(),
            Action::SearchCancel => self.cancel_search(),
            Action::SearchOlder => self.recall_query(1),
            Action::SearchNewer => self.recall_query(-1),
            _ => self.edit_search(action),
        }
    }

    /// Editing the query and moving through the results of the open search.
    fn edit_search(&mut self, action: Action) {
        let page = self.results_page();
        let Overlay::Search(search) = &mut self.view.overlay else {
            return;
        };
        let (catalog, index) = self.model.searchable();
        let step = match action {
            Action::Edit(request) => return search.edit(request, catalog, index),
            Action::SearchNext => 1,
            Action::SearchPrevious => -1,
            Action::SearchPageDown => page,
            Action::SearchPageUp => -page,
            Action::SearchFirst => isize::MIN,
            Action::SearchLast => isize::MAX,
            _ => return,
        };
        search.move_cursor(step, catalog, index);
    }

    /// Results on one screen of the overlay: two rows each, below the prompt and count.
    fn results_page(&self) -> isize {
        let rows = self.view.detail_area.height.saturating_sub(4) / 2;
        isize::try_from(rows.max(1)).unwrap_or(1)
    }

    fn open_search(&mut self) {
        let origin = Origin {
            node: self.selected(),
            scroll: self.view.detail.scroll,
        };
        let (catalog, index) = self.model.searchable();
        let search = SearchState::open(origin, catalog, index);
        self.view.overlay = Overlay::Search(Box::new(search));
    }

    /// Steps `delta` queries back (positive) or forward through the earlier ones.
    fn recall_query(&mut self, delta: isize) {
        let Overlay::Search(search) = &mut self.view.overlay else {
            return;
        };
        let queries = &self.nav.queries;
        let (catalog, index) = self.model.searchable();
        let next = match search.recalled {
            None if delta > 0 => Some(0),
            None => None,
            Some(n) => n.checked_add_signed(delta),
        };
        let Some(query) = next.and_then(|n| queries.iter().rev().nth(n)) else {
            return;
        };
        search.recall(query, catalog, index);
        search.recalled = next;
    }

    /// Jumps to the chosen result; the history remembers where the search started, and the
    /// query is kept for recalling.
    fn accept_search(&mut self) {
        let Overlay::Search(search) = &self.view.overlay else {
            return;
        };
        let Some(hit) = search.chosen().cloned() else {
            return;
        };
        let query = search.query().trim().to_owned();
        self.remember_query(query);
        self.view.overlay = Overlay::None;
        self.jump(hit.node);
        self.view.detail.highlight = Highlight::clone(&hit.highlight);
        self.view.detail.scroll_to_match = hit.field == Field::Body;
    }

    fn remember_query(&mut self, query: String) {
        if query.is_empty() {
            return;
        }
        let queries = &mut self.nav.queries;
        queries.retain(|q| *q != query);
        queries.push(query);
        let excess = queries.len().saturating_sub(QUERIES_KEPT);
        queries.drain(..excess);
    }

    fn cancel_search(&mut self) {
        let Overlay::Search(search) = std::mem::replace(&mut self.view.overlay, Overlay::None)
        else {
            return;
        };
        if let Some(node) = search.origin.node {
            self.show(node);
        }
        self.view.detail.scroll = search.origin.scroll;
    }
}
