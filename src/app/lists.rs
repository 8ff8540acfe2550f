//! The two list overlays: the bookmark list, and a glossary term's definition with the
//! topics it relates to. Both are moved through, chosen from and closed the same way.

use super::{App, Overlay};
use crate::action::Effect;
use crate::catalog::NodeId;

impl App {
    pub(super) fn toggle_bookmark(&mut self) -> Option<Effect> {
        let node = self.selected()?;
        let title = self.model.catalog.node(node).title.clone();
        if let Some(at) = self.nav.bookmarks.iter().position(|&b| b == node) {
            self.nav.bookmarks.remove(at);
            self.view.status = Some(format!("Removed the bookmark on “{title}”"));
        } else {
            self.nav.bookmarks.push(node);
            self.view.status = Some(format!("Bookmarked “{title}”"));
        }
        Some(Effect::SaveSession)
    }

    /// The row chosen in the open list overlay (0 when none is open).
    pub const fn list_cursor(&self) -> usize {
        match self.view.overlay {
            Overlay::Bookmarks { cursor } | Overlay::Definition { cursor, .. } => cursor,
            _ => 0,
        }
    }

    /// What the open list overlay lists, as nodes to jump to: the bookmarks, or a term's
    /// own glossary entry followed by its related topics.
    pub fn list_items(&self) -> Vec<NodeId> {
        match self.view.overlay {
            Overlay::Bookmarks { .. } => self.nav.bookmarks.clone(),
            Overlay::Definition { node: term, .. } => std::iter::once(term)
                .chain(
                    self.model
                        .catalog
                        .node(term)
                        .see_also
                        .iter()
                        .filter_map(|id| self.model.catalog.index_of(id)),
                )
                .collect(),
            _ => Vec::new(),
        }
    }

    pub(super) fn move_list(&mut self, delta: isize) {
        let last = self.list_items().len().saturating_sub(1);
        if let Overlay::Bookmarks { cursor } | Overlay::Definition { cursor, .. } =
            &mut self.view.overlay
        {
            *cursor = cursor.saturating_add_signed(delta).min(last);
        }
    }

    pub(super) fn accept_list(&mut self) {
        if let Some(&node) = self.list_items().get(self.list_cursor()) {
            self.view.overlay = Overlay::None;
            self.jump(node);
        }
    }

    pub(super) fn remove_from_list(&mut self) -> Option<Effect> {
        let Overlay::Bookmarks { cursor } = self.view.overlay else {
            return None;
        };
        if cursor >= self.nav.bookmarks.len() {
            return None;
        }
        let node = self.nav.bookmarks.remove(cursor);
        let title = &self.model.catalog.node(node).title;
        self.view.status = Some(format!("Removed the bookmark on “{title}”"));
        self.move_list(0);
        Some(Effect::SaveSession)
    }
}
