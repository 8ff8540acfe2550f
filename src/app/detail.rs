//! State of the detail pane: scroll position, what to highlight, and the laid-out document,
//! which is built once per topic, width and highlight rather than on every frame.

use crate::catalog::Catalog;
use crate::document::{self, Document, Highlight};

#[derive(Debug, Default)]
pub struct DetailState {
    pub scroll: usize,
    /// Rows the pane showed at the last frame, for paging and scroll limits.
    pub height: usize,
    pub highlight: Highlight,
    /// Scroll to the first highlighted line at the next layout (after a search jump).
    pub scroll_to_match: bool,
    cache: Option<Cached>,
}

#[derive(Debug)]
struct Cached {
    node: usize,
    width: usize,
    highlight: Highlight,
    document: Document,
}

impl DetailState {
    /// Forgets the scroll position and highlight, for when another topic is selected.
    pub fn reset(&mut self) {
        self.scroll = 0;
        self.highlight = Highlight::default();
        self.scroll_to_match = false;
    }

    /// The document for `node` at `width`, laid out again only when one of them (or the
    /// highlight) changed, with the scroll position (which it settles: a pending scroll to
    /// the first match, and the limit for this layout).
    pub fn document(&mut self, catalog: &Catalog, node: usize, width: usize) -> (usize, &Document) {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.node == node && c.width == width && c.highlight == self.highlight);
        if !fresh {
            self.cache = None;
        }
        let highlight = &self.highlight;
        let cached = self.cache.get_or_insert_with(|| Cached {
            node,
            width,
            highlight: highlight.clone(),
            document: document::build(catalog, node, width, highlight),
        });
        if self.scroll_to_match {
            self.scroll_to_match = false;
            self.scroll = cached
                .document
                .first_match
                .map_or(0, |line| line.saturating_sub(2));
        }
        self.scroll = self
            .scroll
            .min(max_scroll(cached.document.lines.len(), self.height));
        (self.scroll, &cached.document)
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        if let Some(cached) = &self.cache {
            self.scroll = self
                .scroll
                .min(max_scroll(cached.document.lines.len(), self.height));
        }
    }

    pub fn scroll_to_bottom(&mut self) {
        self.scroll = usize::MAX;
        self.scroll_by(0);
    }

    pub fn page(&self) -> isize {
        isize::try_from(self.height.saturating_sub(2).max(1)).unwrap_or(1)
    }
}

const fn max_scroll(lines: usize, height: usize) -> usize {
    lines.saturating_sub(height)
}
