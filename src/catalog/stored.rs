//! The catalog as the cache stores it: its entries in pieces, which two threads decode at
//! once, and the rest. A catalog read back is used only if it holds together: every
//! number that names an entry names one that exists, so a damaged or forged cache entry is
//! refused before the explorer indexes out of bounds with it.

use std::collections::HashMap;

use super::{Catalog, Claim, Node, NodeId, Source, TermFinder};

/// Everything of a catalog but its entries.
#[derive(bitcode::Encode, bitcode::Decode)]
pub struct Head {
    title: String,
    disclaimer: String,
    sources: Vec<Source>,
    claims: Vec<Claim>,
    roots: Vec<NodeId>,
    by_id: HashMap<String, NodeId>,
    topic_count: usize,
    glossary_count: usize,
    backlinks: Vec<Vec<NodeId>>,
    terms: TermFinder,
    claims_of: HashMap<NodeId, Vec<NodeId>>,
}

/// A whole catalog in one piece: the shipped base as the build prepares it (see `build.rs`).
#[derive(bitcode::Encode, bitcode::Decode)]
pub struct Whole {
    head: Head,
    nodes: Vec<Node>,
}

impl Catalog {
    /// The catalog in one piece for encoding, consumed.
    pub fn into_whole(self) -> Whole {
        let head = self.head();
        Whole {
            head,
            nodes: self.nodes,
        }
    }

    /// The catalog from a decoded [`Whole`], if it holds together.
    pub fn from_whole(whole: Whole) -> Option<Self> {
        Self::from_parts(whole.head, vec![whole.nodes])
    }

    /// A copy of everything but the entries, for the cache to write.
    pub fn head(&self) -> Head {
        Head {
            title: self.title.clone(),
            disclaimer: self.disclaimer.clone(),
            sources: self.sources.clone(),
            claims: self.claims.clone(),
            roots: self.roots.clone(),
            by_id: self.by_id.clone(),
            topic_count: self.topic_count,
            glossary_count: self.glossary_count,
            backlinks: self.backlinks.clone(),
            terms: self.terms.clone(),
            claims_of: self.claims_of.clone(),
        }
    }

    /// The entries in `count` pieces of nearly equal size, in order.
    pub fn pieces(&self, count: usize) -> impl Iterator<Item = &[Node]> {
        let size = self.nodes.len().div_ceil(count.max(1)).max(1);
        let chunks = self.nodes.chunks(size);
        let empty = count.saturating_sub(chunks.len());
        chunks.chain(std::iter::repeat_n(&[][..], empty))
    }

    /// The catalog from what the cache read, if it holds together.
    pub fn from_parts(head: Head, pieces: Vec<Vec<Node>>) -> Option<Self> {
        let mut nodes = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
        for piece in pieces {
            nodes.extend(piece);
        }
        let catalog = Self {
            title: head.title,
            disclaimer: head.disclaimer,
            sources: head.sources,
            claims: head.claims,
            nodes,
            roots: head.roots,
            by_id: head.by_id,
            topic_count: head.topic_count,
            glossary_count: head.glossary_count,
            backlinks: head.backlinks,
            terms: head.terms,
            claims_of: head.claims_of,
        };
        catalog.is_sound().then_some(catalog)
    }

    fn is_sound(&self) -> bool {
        let len = self.nodes.len();
        let fits = |node: &NodeId| node.index() < len;
        let nodes_fit = self.nodes.iter().all(|n| {
            n.parent.as_ref().is_none_or(|p| p.index() < len) && n.children.iter().all(fits)
        });
        nodes_fit
            && self.topic_count <= len
            && self.roots.iter().all(fits)
            && self.by_id.values().all(fits)
            && self.backlinks.len() == len
            && self.backlinks.iter().flatten().all(fits)
            && self
                .claims_of
                .iter()
                .all(|(k, v)| fits(k) && v.iter().all(fits))
            && self.terms.nodes().all(|n| fits(&n))
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::knowledge::{EMBEDDED, parse};

    #[test]
    fn a_fresh_catalog_is_sound_and_a_dangling_number_is_not() {
        let catalog = Catalog::new(parse(EMBEDDED).expect("valid"));
        assert!(catalog.is_sound());
        let mut broken = catalog;
        broken.roots.push(crate::catalog::NodeId::new(broken.len()));
        assert!(!broken.is_sound());
    }
}
