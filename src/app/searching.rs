//! The search overlay's actions: opening it, typing, moving through the results, and
//! jumping to one or going back to where the reader was.

use super::{App, Origin, Overlay, SearchState};
use crate::action::Action;
use crate::document::Highlight;
use crate::search::Field;

impl App {
    pub(super) fn update_search(&mut self, action: Action) {
        match action {
            Action::OpenSearch => self.open_search(),
            Action::SearchAccept => self.accept_search(),
            Action::SearchCancel => self.cancel_search(),
            _ => self.edit_search(action),
        }
    }

    /// Typing and moving through the results of the open search.
    fn edit_search(&mut self, action: Action) {
        let Overlay::Search(search) = &mut self.view.overlay else {
            return;
        };
        let (catalog, index) = (&self.model.catalog, &self.model.index);
        match action {
            Action::SearchInput(c) => search.push(c, catalog, index),
            Action::SearchBackspace => search.backspace(catalog, index),
            Action::SearchDeleteWord => search.delete_word(catalog, index),
            Action::SearchNext => search.move_cursor(1, catalog, index),
            Action::SearchPrevious => search.move_cursor(-1, catalog, index),
            _ => {}
        }
    }

    fn open_search(&mut self) {
        let origin = Origin {
            node: self.selected(),
            scroll: self.view.detail.scroll,
        };
        let search = SearchState::open(origin, &self.model.catalog, &self.model.index);
        self.view.overlay = Overlay::Search(Box::new(search));
    }

    /// Jumps to the chosen result; the history remembers where the search started.
    fn accept_search(&mut self) {
        let Overlay::Search(search) = &self.view.overlay else {
            return;
        };
        let Some(hit) = search.chosen().cloned() else {
            return;
        };
        self.view.overlay = Overlay::None;
        self.jump(hit.node);
        self.view.detail.highlight = Highlight::clone(&hit.highlight);
        self.view.detail.scroll_to_match = hit.field == Field::Body;
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
