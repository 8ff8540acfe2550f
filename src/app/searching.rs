//! The search overlay's actions: opening it, typing, moving through the results, and
//! jumping to one or going back to where the reader was.

use super::{App, Origin, Overlay};
use crate::action::Action;
use crate::document::Highlight;
use crate::search::Field;

impl App {
    pub(super) fn update_search(&mut self, action: Action) {
        let (catalog, index) = (&self.catalog, &self.index);
        match action {
            Action::OpenSearch => self.open_search(),
            Action::SearchInput(c) => self.search.push(c, catalog, index),
            Action::SearchBackspace => self.search.backspace(catalog, index),
            Action::SearchDeleteWord => self.search.delete_word(catalog, index),
            Action::SearchNext => self.search.move_cursor(1, catalog, index),
            Action::SearchPrevious => self.search.move_cursor(-1, catalog, index),
            Action::SearchAccept => self.accept_search(),
            Action::SearchCancel => self.cancel_search(),
            _ => {}
        }
    }

    fn open_search(&mut self) {
        let origin = Origin {
            node: self.selected(),
            scroll: self.detail.scroll,
        };
        self.search.open(origin, &self.catalog, &self.index);
        self.overlay = Overlay::Search;
    }

    /// Jumps to the chosen result; the history remembers where the search started.
    fn accept_search(&mut self) {
        let Some(hit) = self.search.chosen().cloned() else {
            return;
        };
        self.overlay = Overlay::None;
        self.jump(hit.node);
        self.detail.highlight = Highlight::clone(&hit.highlight);
        self.detail.scroll_to_match = hit.field == Field::Body;
    }

    fn cancel_search(&mut self) {
        self.overlay = Overlay::None;
        if let Some(origin) = self.search.origin.take() {
            if let Some(node) = origin.node {
                self.show(node);
            }
            self.detail.scroll = origin.scroll;
        }
    }
}
