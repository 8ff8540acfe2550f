//! The name of an entry of the catalog, kept apart from plain numbers so a node cannot be
//! taken for a row of the tree on screen, a position in a list or a count.

use std::fmt;

/// An entry of the catalog: its place in the flat list, in tree order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, bitcode::Encode, bitcode::Decode,
)]
pub struct NodeId(usize);

impl NodeId {
    /// The entry at `index` of the catalog's list. Only the catalog and the structures
    /// built beside it (whose vectors follow the same order) make these.
    pub const fn new(index: usize) -> Self {
        Self(index)
    }

    /// The place in the catalog's list, for vectors kept in the same order.
    pub const fn index(self) -> usize {
        self.0
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
