//! The topic tree as rows: open branches, the selection, and a filter.
//!
//! Navigation of the topic tree: which branches are open, which topic is selected, and the
//! rows that are visible as a result. Pure state over node indices, so every key a reader can
//! press in the tree is testable without a terminal.

use std::collections::HashSet;

use crate::catalog::{Catalog, NodeId};

/// One visible row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub node: NodeId,
    pub depth: usize,
    pub has_children: bool,
    pub open: bool,
    /// False for a row shown only as the ancestor of a filter's match.
    pub matched: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Hidden,
    /// An ancestor of a match, kept so the match has its context.
    Context,
    Match,
}

/// A filter in force: what each node shows as, and the open branches from before it.
#[derive(Debug, Clone)]
struct Filter {
    shown: Vec<Shown>,
    open_before: HashSet<NodeId>,
}

#[derive(Debug, Clone)]
pub struct Outline {
    roots: Vec<NodeId>,
    children: Vec<Vec<NodeId>>,
    parents: Vec<Option<NodeId>>,
    open: HashSet<NodeId>,
    rows: Vec<Row>,
    /// Index into `rows` of the selected row.
    cursor: usize,
    filter: Option<Filter>,
}

impl Outline {
    pub fn new(catalog: &Catalog) -> Self {
        let mut outline = Self {
            roots: catalog.roots().to_vec(),
            children: catalog.nodes().iter().map(|n| n.children.clone()).collect(),
            parents: catalog.nodes().iter().map(|n| n.parent).collect(),
            open: HashSet::new(),
            rows: Vec::new(),
            cursor: 0,
            filter: None,
        };
        outline.rebuild(None);
        outline
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row index of the selection (for scrolling the list).
    pub const fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn selected(&self) -> Option<NodeId> {
        self.rows.get(self.cursor).map(|r| r.node)
    }

    pub fn select_next(&mut self) {
        self.move_by(1);
    }

    pub fn select_previous(&mut self) {
        self.move_by(-1);
    }

    pub const fn select_first(&mut self) {
        self.cursor = 0;
    }

    pub const fn select_last(&mut self) {
        self.cursor = self.rows.len().saturating_sub(1);
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Selects the row under a given row index (a mouse click); a row past the last is
    /// ignored.
    pub const fn select_row(&mut self, row: usize) {
        if row < self.rows.len() {
            self.cursor = row;
        }
    }

    /// Right arrow: opens a closed branch, or steps into an open one.
    pub fn expand_or_enter(&mut self) {
        let Some(node) = self.selected() else { return };
        if self.children[node.index()].is_empty() {
            return;
        }
        if self.open.insert(node) {
            self.rebuild(Some(node));
        } else {
            self.select_next();
        }
    }

    /// Left arrow: closes an open branch, or steps out to the parent.
    pub fn collapse_or_leave(&mut self) {
        let Some(node) = self.selected() else { return };
        if self.open.remove(&node) {
            self.rebuild(Some(node));
        } else if let Some(parent) = self.parents[node.index()] {
            self.reveal(parent);
        }
    }

    /// Enter or Space: opens or closes the selected branch.
    pub fn toggle(&mut self) {
        let Some(node) = self.selected() else { return };
        if self.children[node.index()].is_empty() {
            return;
        }
        if !self.open.remove(&node) {
            self.open.insert(node);
        }
        self.rebuild(Some(node));
    }

    /// Opens every ancestor of `node` and selects it.
    pub fn reveal(&mut self, node: NodeId) {
        let mut current = self.parents.get(node.index()).copied().flatten();
        while let Some(parent) = current {
            self.open.insert(parent);
            current = self.parents[parent.index()];
        }
        self.rebuild(Some(node));
    }

    /// Shows only the nodes for which `matches` is true, with their ancestors (opened) for
    /// context; `None` shows everything again with the branches that were open before.
    pub fn set_filter(&mut self, matches: Option<&[bool]>) {
        let selected = self.selected();
        let open_before = match self.filter.take() {
            Some(filter) => filter.open_before,
            None => self.open.clone(),
        };
        let Some(matches) = matches else {
            self.open = open_before;
            match selected {
                Some(node) => self.reveal(node),
                None => self.rebuild(None),
            }
            return;
        };
        let mut shown: Vec<Shown> = matches
            .iter()
            .map(|&m| if m { Shown::Match } else { Shown::Hidden })
            .collect();
        self.open.clone_from(&open_before);
        let found: Vec<usize> = (0..shown.len()).filter(|&n| matches[n]).collect();
        for node in found {
            let mut current = self.parents[node];
            while let Some(parent) = current {
                self.open.insert(parent);
                if shown[parent.index()] == Shown::Hidden {
                    shown[parent.index()] = Shown::Context;
                }
                current = self.parents[parent.index()];
            }
        }
        self.filter = Some(Filter { shown, open_before });
        let keep = selected.filter(|&n| matches.get(n.index()) == Some(&true));
        self.rebuild(keep);
        if keep.is_none() {
            self.cursor = self.rows.iter().position(|r| r.matched).unwrap_or(0);
        }
    }

    /// Whether a node can appear in the tree under the current filter.
    pub fn is_visible(&self, node: NodeId) -> bool {
        self.filter.as_ref().is_none_or(|f| {
            f.shown
                .get(node.index())
                .is_some_and(|&s| s != Shown::Hidden)
        })
    }

    /// The open branches (as the reader left them, a filter's openings aside).
    pub fn open_nodes(&self) -> Vec<NodeId> {
        let open = self.filter.as_ref().map_or(&self.open, |f| &f.open_before);
        let mut nodes: Vec<NodeId> = open.iter().copied().collect();
        nodes.sort_unstable();
        nodes
    }

    /// Opens exactly the given branches (a restored session) and selects `selected`.
    pub fn restore(&mut self, open: impl IntoIterator<Item = NodeId>, selected: Option<NodeId>) {
        self.filter = None;
        self.open = open
            .into_iter()
            .filter(|&n| self.children.get(n.index()).is_some_and(|c| !c.is_empty()))
            .collect();
        match selected {
            Some(node) if node.index() < self.parents.len() => self.reveal(node),
            _ => self.rebuild(None),
        }
    }

    pub fn close_all(&mut self) {
        let top = self.selected().map(|n| self.top_ancestor(n));
        self.open.clear();
        self.rebuild(top);
    }

    fn top_ancestor(&self, mut node: NodeId) -> NodeId {
        while let Some(parent) = self.parents[node.index()] {
            node = parent;
        }
        node
    }

    /// Recomputes the visible rows and puts the cursor on `keep` when it is visible.
    fn rebuild(&mut self, keep: Option<NodeId>) {
        let mut rows = Vec::new();
        let mut stack: Vec<(NodeId, usize)> = self
            .roots
            .iter()
            .rev()
            .filter(|&&r| self.is_visible(r))
            .map(|&r| (r, 0))
            .collect();
        let shown = |node: NodeId| {
            self.filter
                .as_ref()
                .map_or(Shown::Match, |f| f.shown[node.index()])
        };
        while let Some((node, depth)) = stack.pop() {
            let mut visible = self.children[node.index()]
                .iter()
                .rev()
                .copied()
                .filter(|&c| shown(c) != Shown::Hidden)
                .peekable();
            let has_children = visible.peek().is_some();
            let open = has_children && self.open.contains(&node);
            rows.push(Row {
                node,
                depth,
                has_children,
                open,
                matched: shown(node) == Shown::Match,
            });
            if open {
                stack.extend(visible.map(|c| (c, depth + 1)));
            }
        }
        self.rows = rows;
        if let Some(row) = keep.and_then(|k| self.rows.iter().position(|r| r.node == k)) {
            self.cursor = row;
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::parse;

    fn outline() -> (Catalog, Outline) {
        let text = r#"(title: "T", disclaimer: "D", topics: [
            (id: "a", title: "A", kind: Section, summary: "", body: "", children: [
                (id: "a1", title: "A1", kind: Section, summary: "", body: "", children: [
                    (id: "a1x", title: "A1x", kind: Risk, summary: "", body: ""),
                ]),
                (id: "a2", title: "A2", kind: Risk, summary: "", body: ""),
            ]),
            (id: "b", title: "B", kind: Risk, summary: "", body: ""),
        ])"#;
        let catalog = Catalog::new(parse(text).expect("valid"));
        let outline = Outline::new(&catalog);
        (catalog, outline)
    }

    fn visible(catalog: &Catalog, outline: &Outline) -> Vec<String> {
        outline
            .rows()
            .iter()
            .map(|r| catalog.node(r.node).id.clone())
            .collect()
    }

    fn selected(catalog: &Catalog, outline: &Outline) -> String {
        catalog
            .node(outline.selected().expect("selection"))
            .id
            .clone()
    }

    #[test]
    fn starts_closed_on_the_first_topic() {
        let (catalog, outline) = outline();
        assert_eq!(visible(&catalog, &outline), ["a", "b"]);
        assert_eq!(selected(&catalog, &outline), "a");
    }

    #[test]
    fn right_opens_then_enters_left_closes_then_leaves() {
        let (catalog, mut outline) = outline();
        outline.expand_or_enter();
        assert_eq!(visible(&catalog, &outline), ["a", "a1", "a2", "b"]);
        outline.expand_or_enter();
        assert_eq!(selected(&catalog, &outline), "a1");
        outline.collapse_or_leave();
        assert_eq!(selected(&catalog, &outline), "a");
        outline.collapse_or_leave();
        assert_eq!(visible(&catalog, &outline), ["a", "b"]);
        outline.collapse_or_leave();
        assert_eq!(selected(&catalog, &outline), "a");
    }

    #[test]
    fn moves_stop_at_the_ends() {
        let (catalog, mut outline) = outline();
        outline.select_previous();
        assert_eq!(selected(&catalog, &outline), "a");
        outline.move_by(10);
        assert_eq!(selected(&catalog, &outline), "b");
        outline.select_first();
        outline.toggle();
        outline.select_last();
        assert_eq!(selected(&catalog, &outline), "b");
    }

    #[test]
    fn reveal_opens_ancestors_and_selects() {
        let (catalog, mut outline) = outline();
        outline.reveal(catalog.index_of("a1x").expect("a1x"));
        assert_eq!(visible(&catalog, &outline), ["a", "a1", "a1x", "a2", "b"]);
        assert_eq!(selected(&catalog, &outline), "a1x");
        outline.close_all();
        assert_eq!(selected(&catalog, &outline), "a");
    }

    #[test]
    fn a_filter_keeps_ancestors_and_restores_the_open_branches() {
        let (catalog, mut outline) = outline();
        let a1x = catalog.index_of("a1x").expect("a1x");
        let mut matches = vec![false; catalog.len()];
        matches[a1x.index()] = true;
        outline.set_filter(Some(&matches));
        assert_eq!(visible(&catalog, &outline), ["a", "a1", "a1x"]);
        assert_eq!(selected(&catalog, &outline), "a1x");
        assert!(!outline.rows()[0].matched && outline.rows()[2].matched);
        assert!(outline.open_nodes().is_empty());
        outline.set_filter(None);
        assert_eq!(visible(&catalog, &outline), ["a", "a1", "a1x", "a2", "b"]);
        outline.restore([], None);
        assert_eq!(visible(&catalog, &outline), ["a", "b"]);
    }

    #[test]
    fn closing_a_branch_keeps_the_selection_on_it() {
        let (catalog, mut outline) = outline();
        outline.reveal(catalog.index_of("a2").expect("a2"));
        outline.select_first();
        outline.toggle();
        assert_eq!(visible(&catalog, &outline), ["a", "b"]);
        assert_eq!(selected(&catalog, &outline), "a");
    }
}
