//! Read-only views of the explorer's state for what drives it from outside (the binary,
//! tests and benchmarks); only [`App::update`] changes it.

use ratatui::layout::Rect;

use super::{App, DetailState, Focus, Overlay};
use crate::catalog::{Catalog, NodeId};
use crate::history::History;
use crate::outline::Outline;

impl App {
    pub fn catalog(&self) -> &Catalog {
        &self.model.catalog
    }

    pub const fn outline(&self) -> &Outline {
        &self.nav.outline
    }

    pub const fn history(&self) -> &History {
        &self.nav.history
    }

    /// The bookmarked nodes, in the order they were added.
    pub fn bookmarks(&self) -> &[NodeId] {
        &self.nav.bookmarks
    }

    /// Index of the filter in force among the kinds the filter key cycles through.
    pub const fn filter(&self) -> Option<usize> {
        self.nav.filter
    }

    /// Which pane the keys go to.
    pub const fn focus(&self) -> Focus {
        self.view.focus
    }

    pub const fn overlay(&self) -> &Overlay {
        &self.view.overlay
    }

    pub const fn detail(&self) -> &DetailState {
        &self.view.detail
    }

    /// The footer's message for the reader, if one is showing.
    pub fn status(&self) -> Option<&str> {
        self.view.status.as_deref()
    }

    /// Where the last frame drew the tree and the detail pane.
    pub const fn pane_areas(&self) -> (Rect, Rect) {
        (self.view.tree_area, self.view.detail_area)
    }

    /// Text the loop will send to the clipboard next.
    pub fn clipboard(&self) -> Option<&str> {
        self.clipboard.as_deref()
    }

    pub const fn should_quit(&self) -> bool {
        self.should_quit
    }
}
