//! A ranked topic made into what the search overlay shows: its title with the matched words
//! marked, and the term or the piece of its text that shows the words the title lacks.

use std::sync::Arc;

use super::rank::Ranked;
use super::snippet::{self, Marker};
use super::{Field, Hit};
use crate::catalog::{Catalog, NodeId};
use crate::knowledge::Kind;
use crate::markup;

/// Turns a ranked topic into a hit: its marked title, and the term or the piece of text
/// that shows the query words the title lacks. Only the fields where words matched are
/// looked at again.
pub fn finish(catalog: &Catalog, ranked: &Ranked, marker: &Marker) -> Hit {
    let index = NodeId::new(ranked.doc as usize);
    let node = catalog.node(index);
    let [in_body, in_summary, in_terms, _] = ranked.by_field;
    let (title_marks, in_title) = marker.marks(&node.title);
    let best_term = if in_terms & !in_title == 0 {
        None
    } else {
        node.aliases
            .iter()
            .enumerate()
            .map(|(n, term)| (n, marker.marks(term)))
            .filter(|(_, (_, words))| *words & !in_title != 0)
            .max_by_key(|(n, (_, words))| (words.count_ones(), std::cmp::Reverse(*n)))
    };
    let in_names = in_title | best_term.as_ref().map_or(0, |(_, (_, w))| *w);
    let mut hit = Hit {
        node: index,
        field: Field::Title,
        title_marks,
        alias_marks: Vec::new(),
        snippet: None,
        highlight: Arc::default(),
    };
    if ranked.words & !in_names != 0 {
        hit.snippet = if in_body & !in_names == 0 && in_summary != 0 {
            snippet::snippet(&node.summary, marker)
        } else {
            let text = format!("{}\n{}", node.summary, searchable_body(catalog, index));
            snippet::snippet(&text, marker)
        };
        if hit.snippet.is_some() {
            hit.field = Field::Body;
            return hit;
        }
    }
    if let Some((n, (marks, _))) = best_term {
        hit.field = Field::Alias(n);
        hit.alias_marks = marks;
    }
    hit
}

pub fn plain_hit(node: NodeId) -> Hit {
    Hit {
        node,
        field: Field::Title,
        title_marks: Vec::new(),
        alias_marks: Vec::new(),
        snippet: None,
        highlight: Arc::default(),
    }
}

/// A node's body as the words searched and shown in snippets: links reduced to their labels.
/// A source's body lists the topics citing it; their titles are not its words.
fn searchable_body(catalog: &Catalog, index: NodeId) -> String {
    let node = catalog.node(index);
    if node.kind == Kind::Reference {
        String::new()
    } else {
        markup::plain_text(&node.body, |id| catalog.title_of(id))
    }
}
