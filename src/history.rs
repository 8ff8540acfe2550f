//! Back and forward over the reader's jumps, as in a web browser: following a link, jumping
//! to a search result, a glossary entry or a bookmark each leave a place to come back to.

use crate::catalog::NodeId;

/// A place in the knowledge base: an entry and how far its text was scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub node: NodeId,
    pub scroll: usize,
}

/// How many places each direction keeps; the oldest are forgotten first.
pub const LIMIT: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
}

impl History {
    /// Rebuilds a history from saved stacks (oldest first), keeping at most [`LIMIT`] each.
    pub fn from_stacks(mut back: Vec<Location>, mut forward: Vec<Location>) -> Self {
        back.drain(..back.len().saturating_sub(LIMIT));
        forward.drain(..forward.len().saturating_sub(LIMIT));
        Self { back, forward }
    }

    pub fn back_stack(&self) -> &[Location] {
        &self.back
    }

    pub fn forward_stack(&self) -> &[Location] {
        &self.forward
    }

    /// Records that the reader jumped away from `from`; a new jump ends any forward path.
    pub fn leave(&mut self, from: Location) {
        if self.back.last().is_some_and(|l| l.node == from.node) {
            self.back.pop();
        }
        push_bounded(&mut self.back, from);
        self.forward.clear();
    }

    /// The place to go back to from `current`, which becomes the way forward.
    pub fn back(&mut self, current: Location) -> Option<Location> {
        let to = self.back.pop()?;
        push_bounded(&mut self.forward, current);
        Some(to)
    }

    pub fn forward(&mut self, current: Location) -> Option<Location> {
        let to = self.forward.pop()?;
        push_bounded(&mut self.back, current);
        Some(to)
    }
}

fn push_bounded(stack: &mut Vec<Location>, location: Location) {
    if stack.len() == LIMIT {
        stack.remove(0);
    }
    stack.push(location);
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn at(node: usize) -> Location {
        Location {
            node: NodeId::new(node),
            scroll: node * 10,
        }
    }

    #[test]
    fn back_and_forward_retrace_jumps() {
        let mut history = History::default();
        history.leave(at(1));
        history.leave(at(2));
        assert_eq!(history.back(at(3)), Some(at(2)));
        assert_eq!(history.back(at(2)), Some(at(1)));
        assert_eq!(history.back(at(1)), None);
        assert_eq!(history.forward(at(1)), Some(at(2)));
        assert_eq!(history.forward(at(2)), Some(at(3)));
        assert_eq!(history.forward(at(3)), None);
    }

    #[test]
    fn a_new_jump_drops_the_forward_path() {
        let mut history = History::default();
        history.leave(at(1));
        assert_eq!(history.back(at(2)), Some(at(1)));
        assert_eq!(history.forward_stack(), [at(2)]);
        history.leave(at(1));
        assert!(history.forward_stack().is_empty());
    }

    #[test]
    fn is_bounded_and_skips_repeats() {
        let mut history = History::default();
        for n in 0..LIMIT + 50 {
            history.leave(at(n));
            history.leave(at(n));
        }
        assert_eq!(history.back_stack().len(), LIMIT);
        assert_eq!(history.back_stack()[0], at(50));
        let restored = History::from_stacks(vec![at(0); LIMIT + 3], vec![at(1)]);
        assert_eq!(restored.back_stack().len(), LIMIT);
    }
}
