//! The catalog as the cache stores it: its entries in pieces, which two threads decode at
//! once, and the rest. A catalog read back is used only if it holds together: every
//! number that names an entry names one that exists, so a damaged or forged cache entry is
//! refused before the explorer indexes out of bounds with it.

use rustc_hash::FxHashMap;

use super::{Catalog, Claim, Node, NodeId, Source, TermFinder};

/// Everything of a catalog but its entries.
#[derive(bitcode::Encode, bitcode::Decode)]
pub struct Head {
    title: String,
    disclaimer: String,
    sources: Vec<Source>,
    claims: Vec<Claim>,
    roots: Vec<NodeId>,
    by_id: FxHashMap<String, NodeId>,
    topic_count: usize,
    glossary_count: usize,
    backlinks: Vec<Vec<NodeId>>,
    terms: TermFinder,
    claims_of: FxHashMap<NodeId, Vec<NodeId>>,
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
        self.is_a_tree()
            && self.topic_count <= len
            && self
                .roots
                .iter()
                .all(|r| fits(r) && self.nodes[r.index()].parent.is_none())
            && self.by_id.values().all(fits)
            && self.backlinks.len() == len
            && self.backlinks.iter().flatten().all(fits)
            && self
                .claims_of
                .iter()
                .all(|(k, v)| fits(k) && v.iter().all(fits))
            && self.terms.nodes().all(|n| fits(&n))
    }

    /// Whether parents come before their children, which name them back, one level deeper:
    /// so walking up from any entry ends, and depths are what the tree says.
    fn is_a_tree(&self) -> bool {
        self.nodes.iter().enumerate().all(|(i, node)| {
            let placed = node.parent.map_or(node.depth == 0, |p| {
                p.index() < i && self.nodes[p.index()].depth + 1 == node.depth
            });
            let children_name_it = node.children.iter().all(|c| {
                c.index() > i
                    && self
                        .nodes
                        .get(c.index())
                        .is_some_and(|child| child.parent == Some(NodeId::new(i)))
            });
            placed && children_name_it
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Catalog, NodeId};
    use crate::knowledge::{EMBEDDED, parse};

    type Forgery = (&'static str, fn(&mut Catalog, NodeId));

    fn fresh() -> Catalog {
        Catalog::new(parse(EMBEDDED).expect("valid"))
    }

    /// Each way a forged catalog could send the explorer out of bounds or round in circles.
    #[test]
    fn a_fresh_catalog_is_sound_and_no_forged_one_is() {
        assert!(fresh().is_sound());
        let last = NodeId::new(fresh().len() - 1);
        let forgeries: [Forgery; 8] = [
            ("a root past the end", |c, _| {
                let past = NodeId::new(c.len());
                c.roots.push(past);
            }),
            ("a root with a parent", |c, _| c.roots.push(NodeId::new(1))),
            ("a child of itself", |c, _| {
                c.nodes[0].children.push(NodeId::new(0));
            }),
            ("a parent after its child", |c, last| {
                c.nodes[0].parent = Some(last);
            }),
            ("a depth the tree does not give", |c, _| {
                c.nodes[1].depth = usize::MAX;
            }),
            ("a child naming another parent", |c, last| {
                c.nodes[0].children.push(last);
            }),
            ("a backlink past the end", |c, _| {
                let past = NodeId::new(c.len());
                c.backlinks[0].push(past);
            }),
            ("an id naming no entry", |c, _| {
                c.by_id.insert("x".to_owned(), NodeId::new(c.len()));
            }),
        ];
        for (what, forge) in forgeries {
            let mut forged = fresh();
            forge(&mut forged, last);
            assert!(!forged.is_sound(), "{what} was accepted");
        }
    }
}
