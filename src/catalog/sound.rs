//! Whether a catalog read back from the cache holds together: every number that names an
//! entry names one that exists, so a damaged or forged cache entry is refused before the
//! explorer indexes out of bounds with it.

use super::{Catalog, NodeId};

impl Catalog {
    pub fn is_sound(&self) -> bool {
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
