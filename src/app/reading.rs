//! Reading on, as GNU info does: Space pages through a topic and at its end carries on into
//! the next topic in reading order (the tree's order); `b` goes back the same way.

use super::{App, Focus};
use crate::catalog::NodeId;

impl App {
    /// A page down, or at the end of the topic the start of the next one.
    pub(super) fn read_on(&mut self) {
        if !self.view.detail.at_bottom() {
            self.view.detail.scroll_by(self.view.detail.page());
            return;
        }
        match self.reading_neighbour(1) {
            Some(next) => self.read_into(next, "Reading on"),
            None => self.view.status = Some("The end: nothing follows this topic".to_owned()),
        }
    }

    /// A page up, or at the top of the topic the end of the one before.
    pub(super) fn read_back(&mut self) {
        if self.view.detail.scroll > 0 {
            self.view.detail.scroll_by(-self.view.detail.page());
            return;
        }
        match self.reading_neighbour(-1) {
            Some(previous) => {
                self.read_into(previous, "Back to");
                self.view.detail.scroll_to_end = true;
            }
            None => self.view.status = Some("The start: nothing comes before".to_owned()),
        }
    }

    /// Enter or → on a topic without subtopics: there is nothing to open, so the reader
    /// goes into its text.
    pub(super) fn selected_is_leaf(&self) -> bool {
        let cursor = self.nav.outline.cursor();
        self.nav
            .outline
            .rows()
            .get(cursor)
            .is_some_and(|row| !row.has_children)
    }

    pub(super) const fn focus_text(&mut self) {
        self.view.focus = Focus::Detail;
    }

    fn read_into(&mut self, node: NodeId, verb: &str) {
        self.show(node);
        let title = &self.model.catalog.node(node).title;
        self.view.status = Some(format!("{verb}: {title}"));
    }

    /// The nearest entry `step` away in reading order that the tree shows (a filter may
    /// hide some).
    fn reading_neighbour(&self, step: isize) -> Option<NodeId> {
        let mut at = self.selected()?.index();
        loop {
            at = at.checked_add_signed(step)?;
            if at >= self.model.catalog.len() {
                return None;
            }
            let node = NodeId::new(at);
            if self.nav.outline.is_visible(node) {
                return Some(node);
            }
        }
    }
}
