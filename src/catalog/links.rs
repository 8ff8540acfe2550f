//! Which entries refer to which: the reverse of every inline link, see-also entry and
//! glossary "related" list, so a topic can show what points at it.

use rustc_hash::FxHashMap;

use super::{Node, NodeId};
use crate::knowledge::Kind;
use crate::markup::link_targets;

/// For every node, the nodes that link to it, in tree order, each once. Source entries are
/// left out: their "cited by" lists would make every topic refer back to its sources.
/// `known` holds the link targets of the first `known.len()` entries (the file's topics)
/// as checking the file found them, where cleaning left the body as it was; the other
/// bodies are read here.
pub fn backlinks(
    nodes: &[Node],
    by_id: &FxHashMap<String, NodeId>,
    known: &[Option<Vec<String>>],
) -> Vec<Vec<NodeId>> {
    // Reading the bodies for links is most of the work, and goes on both cores.
    let outgoing = crate::parallel::in_halves(nodes.len(), |range| {
        range
            .map(|from| {
                targets(
                    &nodes[from],
                    known.get(from).and_then(Option::as_ref),
                    by_id,
                )
            })
            .collect::<Vec<_>>()
    });
    let mut incoming: Vec<Vec<NodeId>> = vec![Vec::new(); nodes.len()];
    for (from, targets) in outgoing.into_iter().flatten().enumerate() {
        let from = NodeId::new(from);
        for to in targets {
            // All of one node's links are pushed together, so a repeat can only be the last.
            let into = &mut incoming[to.index()];
            if to != from && into.last() != Some(&from) {
                into.push(from);
            }
        }
    }
    incoming
}

/// The entries `node` links to, in order. Sources would point back at every topic citing
/// them, and claims are listed under their topic already, so theirs are left out.
fn targets(
    node: &Node,
    known: Option<&Vec<String>>,
    by_id: &FxHashMap<String, NodeId>,
) -> Vec<NodeId> {
    if matches!(node.kind, Kind::Reference | Kind::Claim) {
        return Vec::new();
    }
    // Known targets come from a body that cleaning left as it was.
    let inline: Vec<String> = known.map_or_else(
        || {
            link_targets(&node.body)
                .into_iter()
                .filter_map(Result::ok)
                .collect()
        },
        Clone::clone,
    );
    inline
        .into_iter()
        .chain(node.see_also.iter().cloned())
        .filter_map(|id| by_id.get(&id).copied())
        .collect()
}
