//! State of the detail pane: scroll position, what to highlight, and the laid-out document,
//! which is built once per topic, width and highlight rather than on every frame.

use crate::catalog::{Catalog, NodeId};
use crate::document::{self, Document, Found, Highlight, Target};

#[derive(Debug, Default)]
pub struct DetailState {
    pub scroll: usize,
    /// Rows the pane showed at the last frame, for paging and scroll limits.
    pub height: usize,
    pub highlight: Highlight,
    /// Scroll to the first highlighted line at the next layout (after a search jump).
    pub scroll_to_match: bool,
    /// Scroll to the last page at the next layout (reading back into a topic).
    pub scroll_to_end: bool,
    /// The selected link or term, as an index into the document's targets.
    pub selected: Option<usize>,
    /// Text found in the topic (the find prompt's), with the match the reader is on.
    pub find: Option<Finding>,
    cache: Option<Cached>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub query: String,
    pub current: usize,
}

#[derive(Debug)]
struct Cached {
    node: NodeId,
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
        self.scroll_to_end = false;
        self.selected = None;
        self.find = None;
    }

    /// Forgets the laid-out topic too, for when the knowledge base itself changed.
    pub fn forget(&mut self) {
        self.reset();
        self.cache = None;
    }

    /// Where the text being found occurs in `node`, as laid out at the last frame.
    pub fn found(&self, node: NodeId) -> Vec<Found> {
        match (&self.find, self.cached(node)) {
            (Some(finding), Some(document)) => document::find(document, &finding.query),
            _ => Vec::new(),
        }
    }

    /// Finds `query` in `node` from the page on screen on, as it is typed: the first match
    /// at or below the top of the page becomes the current one, scrolled into view.
    pub fn find_from_view(&mut self, node: NodeId, query: &str) {
        self.find = (!query.trim().is_empty()).then(|| Finding {
            query: query.to_owned(),
            current: 0,
        });
        let found = self.found(node);
        let current = found
            .iter()
            .position(|f| f.line >= self.scroll)
            .unwrap_or(0);
        self.go_to_match(&found, current);
    }

    /// Moves `delta` matches on, wrapping around at either end.
    pub fn find_step(&mut self, node: NodeId, delta: isize) {
        let found = self.found(node);
        let Some(finding) = &self.find else { return };
        if found.is_empty() {
            return;
        }
        let count = found.len().cast_signed();
        let next = (finding.current.cast_signed() + delta).rem_euclid(count);
        self.go_to_match(&found, next.cast_unsigned());
    }

    fn go_to_match(&mut self, found: &[Found], current: usize) {
        let (Some(finding), Some(at)) = (&mut self.find, found.get(current)) else {
            return;
        };
        finding.current = current;
        let line = at.line;
        if line < self.scroll || line >= self.scroll + self.height.max(1) {
            self.scroll = line.saturating_sub(self.height / 3);
            self.scroll_by(0);
        }
    }

    /// The document of `node` laid out at the last frame, if that frame drew `node`. (A
    /// terminal too small for the panes draws nothing, so the last layout may be of the topic
    /// selected before.)
    pub fn cached(&self, node: NodeId) -> Option<&Document> {
        self.cache
            .as_ref()
            .filter(|c| c.node == node)
            .map(|c| &c.document)
    }

    /// The selected link or term of `node`, if its layout has it.
    pub fn selected_target(&self, node: NodeId) -> Option<Target> {
        self.cached(node)?.targets.get(self.selected?).copied()
    }

    /// Moves the selection `delta` links on in `node`, wrapping around. Without a selection
    /// it starts from what is on screen: the first link in view going forward, the last going
    /// back. A topic not drawn yet is laid out at the last width first, so the keys always
    /// act on the topic the tree shows.
    pub fn select_target(&mut self, catalog: &Catalog, node: NodeId, delta: isize) {
        if let Some(width) = self.cache.as_ref().map(|c| c.width) {
            self.document(catalog, node, width);
        }
        let Some(document) = self.cached(node) else {
            return;
        };
        let count = document.targets.len();
        if count == 0 {
            return;
        }
        let next = match self.selected {
            Some(current) => current.cast_signed() + delta,
            None if delta > 0 => document
                .targets
                .iter()
                .position(|t| t.line >= self.scroll)
                .unwrap_or(0)
                .cast_signed(),
            None => document
                .targets
                .iter()
                .rposition(|t| t.line < self.scroll + self.height.max(1))
                .unwrap_or(count - 1)
                .cast_signed(),
        };
        let next = next.rem_euclid(count.cast_signed()).cast_unsigned();
        let line = document.targets[next].line;
        self.selected = Some(next);
        if line < self.scroll || line >= self.scroll + self.height.max(1) {
            self.scroll = line.saturating_sub(self.height / 3);
            self.scroll_by(0);
        }
    }

    /// The document for `node` at `width`, laid out again only when one of them (or the
    /// highlight) changed, with the scroll position (which it settles: a pending scroll to
    /// the first match, and the limit for this layout).
    pub fn document(
        &mut self,
        catalog: &Catalog,
        node: NodeId,
        width: usize,
    ) -> (usize, &Document) {
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
        let last = max_scroll(cached.document.lines.len(), self.height);
        if std::mem::take(&mut self.scroll_to_end) {
            self.scroll = last;
        }
        self.scroll = self.scroll.min(last);
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

    /// Whether the last page of the laid-out topic is on screen.
    pub fn at_bottom(&self) -> bool {
        self.cache.as_ref().is_none_or(|cached| {
            self.scroll >= max_scroll(cached.document.lines.len(), self.height)
        })
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
