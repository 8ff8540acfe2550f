//! What the mouse can point at, as the last frame drew it: each visible tree row and each
//! visible link or term, with the cells it took. Drawing records it (and nothing else of
//! the state); a mouse event is looked up here and becomes an [`Action`] like a key.

use crate::catalog::NodeId;
use ratatui::layout::{Position, Rect};

/// The screen, as drawn: which cells are which tree row, link or term.
#[derive(Debug, Clone, Default)]
pub struct HitMap {
    /// The tree's rows: where the first is drawn, the first's row index, and how many rows
    /// there are in all.
    rows: Rect,
    first_row: usize,
    row_count: usize,
    /// The topic drawn in the detail pane, and each link or term of it in view: its cells
    /// and its index among the topic's targets.
    topic: Option<NodeId>,
    targets: Vec<(Rect, usize)>,
    /// Web addresses in view: their cells and the address, which the loop makes terminal
    /// hyperlinks (OSC 8) once the frame is out.
    addresses: Vec<(Rect, String)>,
}

/// What a position on the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A tree row, by its index among the visible rows.
    Row(usize),
    /// A link or term in the topic, by its index among the topic's targets.
    Target(usize),
}

impl HitMap {
    /// Forgets the last frame, before the next is drawn (or when none can be).
    pub fn clear(&mut self) {
        self.rows = Rect::default();
        self.row_count = 0;
        self.topic = None;
        self.targets.clear();
        self.addresses.clear();
    }

    /// Records a web address drawn on `cells`.
    pub fn record_address(&mut self, cells: Rect, address: &str) {
        self.addresses.push((cells, address.to_owned()));
    }

    /// The web addresses in view, with their cells.
    pub fn addresses(&self) -> &[(Rect, String)] {
        &self.addresses
    }

    /// Records the tree's rows: drawn inside `inner`, from row `first` on, `count` in all.
    pub const fn record_rows(&mut self, inner: Rect, first: usize, count: usize) {
        self.rows = inner;
        self.first_row = first;
        self.row_count = count;
    }

    /// Records a link or term of `topic` drawn on `cells`.
    pub fn record_target(&mut self, topic: NodeId, cells: Rect, target: usize) {
        if self.topic != Some(topic) {
            self.topic = Some(topic);
            self.targets.clear();
        }
        self.targets.push((cells, target));
    }

    /// The row, link or term at `at`; a link or term only if it belongs to `topic` (the one
    /// selected now: a key may have changed it since the frame was drawn).
    pub fn at(&self, at: Position, topic: Option<NodeId>) -> Option<Hit> {
        if self.topic == topic
            && let Some(&(_, target)) = self.targets.iter().find(|(cells, _)| cells.contains(at))
        {
            return Some(Hit::Target(target));
        }
        if self.rows.contains(at) {
            let row = self.first_row + usize::from(at.y - self.rows.y);
            return (row < self.row_count).then_some(Hit::Row(row));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_targets_are_found_where_they_were_drawn() {
        let mut hits = HitMap::default();
        hits.record_rows(Rect::new(1, 2, 20, 5), 10, 13);
        hits.record_target(NodeId::new(7), Rect::new(30, 4, 6, 1), 2);
        let at = |x, y| hits.at(Position::new(x, y), Some(NodeId::new(7)));
        assert_eq!(at(1, 2), Some(Hit::Row(10)));
        assert_eq!(at(5, 4), Some(Hit::Row(12)));
        assert_eq!(at(5, 5), None, "past the last row");
        assert_eq!(at(35, 4), Some(Hit::Target(2)));
        assert_eq!(at(36, 4), None);
        assert_eq!(
            hits.at(Position::new(35, 4), Some(NodeId::new(8))),
            None,
            "another topic's link"
        );
        hits.clear();
        assert_eq!(hits.at(Position::new(1, 2), Some(NodeId::new(7))), None);
    }
}
