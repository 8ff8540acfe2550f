//! Moving through the knowledge base beyond the tree: links and terms in the text, history,
//! the kind filter, and copying a topic out.

use super::{App, Focus, Overlay};
use crate::action::Action;
use crate::catalog::{Catalog, NodeId};
use crate::document::{self, Highlight, TargetKind};
use crate::history::Location;
use crate::knowledge::Kind;

/// Actions after which the detail pane keeps the scroll position they set.
pub const fn keeps_scroll(action: Action) -> bool {
    matches!(
        action,
        Action::SearchAccept
            | Action::SearchCancel
            | Action::Back
            | Action::Forward
            | Action::ReadOn
            | Action::ReadBack
    )
}

/// The kinds of the file's own topics worth filtering by, in the order `Kind` lists them.
pub fn filter_kinds(catalog: &Catalog) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = catalog.nodes()[..catalog.topic_count]
        .iter()
        .map(|n| n.kind)
        .filter(|k| !matches!(k, Kind::Section | Kind::Term | Kind::Reference))
        .collect();
    kinds.sort_by_key(|&k| k as u8);
    kinds.dedup();
    if catalog.nodes().iter().any(|n| n.kind == Kind::Claim) {
        kinds.push(Kind::Claim);
    }
    kinds
}

impl App {
    /// Where the reader is now, for the history.
    pub fn location(&self) -> Option<Location> {
        self.selected().map(|node| Location {
            node,
            scroll: self.view.detail.scroll,
        })
    }

    /// Goes to `node` as a jump the history remembers.
    pub fn jump(&mut self, node: NodeId) {
        if self.selected() != Some(node)
            && let Some(here) = self.location()
        {
            self.nav.history.leave(here);
        }
        self.show(node);
    }

    /// Selects `node` in the tree, lifting a filter that hides it, and starts the detail
    /// pane afresh on it: the one way a chosen topic is selected. (After any other action
    /// that moves the selection, `update` starts the pane afresh.)
    pub fn show(&mut self, node: NodeId) {
        if !self.nav.outline.is_visible(node) {
            self.set_filter(None);
            self.view.status = Some("Filter cleared to show the topic".to_owned());
        }
        self.nav.outline.reveal(node);
        self.view.detail.reset();
    }

    fn return_to(&mut self, location: Location) {
        self.show(location.node);
        self.view.detail.scroll = location.scroll;
    }

    pub(super) fn go_back(&mut self) {
        let Some(here) = self.location() else { return };
        match self.nav.history.back(here) {
            Some(location) => self.return_to(location),
            None => self.view.status = Some("Nothing to go back to".to_owned()),
        }
    }

    pub(super) fn go_forward(&mut self) {
        let Some(here) = self.location() else { return };
        match self.nav.history.forward(here) {
            Some(location) => self.return_to(location),
            None => self.view.status = Some("Nothing to go forward to".to_owned()),
        }
    }

    pub(super) fn select_target(&mut self, delta: isize) {
        self.view.focus = Focus::Detail;
        if let Some(node) = self.selected() {
            self.view
                .detail
                .select_target(&self.model.catalog, node, delta);
        }
        if self.view.detail.selected.is_none() {
            self.view.status = Some("This topic has no links".to_owned());
        }
    }

    /// Follows the selected link, or opens the selected term's definition. With nothing
    /// selected it selects the first link in view instead.
    pub(super) fn follow_target(&mut self) {
        let Some(target) = self
            .selected()
            .and_then(|node| self.view.detail.selected_target(node))
        else {
            self.select_target(1);
            return;
        };
        match target.kind {
            TargetKind::Link => self.jump(target.node),
            TargetKind::Term => {
                self.view.overlay = Overlay::Definition {
                    node: target.node,
                    cursor: 0,
                };
            }
        }
    }

    pub(super) fn cycle_filter(&mut self, delta: isize) {
        let choices = self.model.filter_kinds.len().cast_signed() + 1;
        let current = self.nav.filter.map_or(0, |f| f.cast_signed() + 1);
        let next = (current + delta).rem_euclid(choices);
        self.set_filter(usize::try_from(next - 1).ok());
        let label = self.filter_label();
        let shown = self.nav.outline.rows().iter().filter(|r| r.matched).count();
        self.view.status = Some(label.map_or_else(
            || "Showing all topics".to_owned(),
            |label| format!("Showing {label} ({shown} in view)"),
        ));
    }

    pub fn set_filter(&mut self, filter: Option<usize>) {
        let kind = filter.and_then(|f| self.model.filter_kinds.get(f).copied());
        self.nav.filter = filter.filter(|_| kind.is_some());
        match kind {
            Some(kind) => {
                let matches: Vec<bool> = self
                    .model
                    .catalog
                    .nodes()
                    .iter()
                    .map(|n| n.kind == kind)
                    .collect();
                self.nav.outline.set_filter(Some(&matches));
            }
            None => self.nav.outline.set_filter(None),
        }
    }

    /// The filter in force, as the header shows it: "risks".
    pub fn filter_label(&self) -> Option<String> {
        let kind = self.model.filter_kinds.get(self.nav.filter?)?;
        Some(kind.plural_label().to_owned())
    }

    /// The topic as plain unwrapped text for the clipboard (which cleans it on the way out,
    /// in `clipboard::osc52`), saying so in the footer.
    pub(super) fn copy_text(&mut self, node: NodeId) -> String {
        let layout = document::build(
            &self.model.catalog,
            node,
            usize::MAX / 4,
            &Highlight::default(),
        );
        let text = layout.plain();
        let title = &self.model.catalog.node(node).title;
        self.view.status = Some(format!(
            "Copied “{title}” to the clipboard ({} characters)",
            text.chars().count()
        ));
        text
    }
}
