//! The knowledge base as the explorer sees it.
//!
//! Every topic sits in one flat list in tree order, with parent and child indices, cleaned
//! text, and two generated branches at the end, one entry per glossary term and one per source.
//! Indices into this list are what the rest of the program passes around.

mod claims;
mod generated;
mod links;
mod node_id;
mod stored;
mod terms;

use rustc_hash::FxHashMap;

pub use claims::CLAIMS_ID;
pub use generated::{GLOSSARY_ID, SOURCES_ID, describe_source, slug};
pub use node_id::NodeId;
pub use stored::{Head, Whole};
pub use terms::{Mark, TermFinder};

use crate::knowledge::{Claim, Kind, KnowledgeBase, Source, Topic, Verdict};
use crate::sanitize::{clean_line, clean_line_owned, clean_text, clean_text_owned};

#[derive(Debug, Clone, bitcode::Encode, bitcode::Decode)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub summary: String,
    pub body: String,
    /// Other names the entry is found by: a topic's `terms` in the file, a glossary
    /// entry's aliases, a source's id.
    pub aliases: Vec<String>,
    pub sources: Vec<String>,
    pub see_also: Vec<String>,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub depth: usize,
    /// A claim's verdict (claims only).
    pub verdict: Option<Verdict>,
}

impl Node {
    /// The summary, unless the body already opens with it (a glossary entry's summary is the
    /// first sentence of its definition), so no text is shown twice.
    pub fn distinct_summary(&self) -> Option<&str> {
        let summary = self.summary.trim();
        let repeated = self.body.trim_start().starts_with(summary);
        (!summary.is_empty() && !repeated).then_some(summary)
    }
}

#[derive(Debug, Clone)]
pub struct Catalog {
    pub title: String,
    pub disclaimer: String,
    pub sources: Vec<Source>,
    /// The articles' claims with their verdicts, as the file gives them (text cleaned).
    pub claims: Vec<Claim>,
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
    by_id: FxHashMap<String, NodeId>,
    /// How many topics the file itself defines (the generated entries excluded).
    pub topic_count: usize,
    pub glossary_count: usize,
    backlinks: Vec<Vec<NodeId>>,
    /// The glossary's names and aliases, for marking them in topic text.
    pub terms: TermFinder,
    /// The claims each topic explains.
    claims_of: FxHashMap<NodeId, Vec<NodeId>>,
}

impl Catalog {
    /// Takes the parsed file by value so its strings move into the catalog instead of being
    /// copied: on large files a second copy of every body is most of the memory used.
    pub fn new(kb: KnowledgeBase) -> Self {
        let mut catalog = Self {
            title: clean_line_owned(kb.title),
            disclaimer: clean_text_owned(kb.disclaimer),
            sources: kb.sources.into_iter().map(clean_source).collect(),
            claims: kb.claims.iter().map(clean_claim).collect(),
            nodes: Vec::new(),
            roots: Vec::new(),
            by_id: FxHashMap::default(),
            topic_count: 0,
            glossary_count: kb.glossary.len(),
            backlinks: Vec::new(),
            terms: TermFinder::default(),
            claims_of: FxHashMap::default(),
        };
        for topic in kb.topics {
            catalog.add_topic(topic, None);
        }
        catalog.topic_count = catalog.nodes.len();
        catalog.add_claims(&kb.claims);
        catalog.add_glossary(&kb.glossary);
        catalog.add_sources();
        // Links the file's check found are reused, when they are there for every topic.
        let known = if kb.links.len() == catalog.topic_count {
            kb.links.as_slice()
        } else {
            &[]
        };
        catalog.backlinks = links::backlinks(&catalog.nodes, &catalog.by_id, known);
        catalog.terms = TermFinder::new(
            catalog
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.kind == Kind::Term)
                .map(|(i, n)| {
                    let i = NodeId::new(i);
                    let names = std::iter::once(&n.title).chain(&n.aliases);
                    (i, names.map(String::as_str).collect())
                }),
        );
        catalog
    }

    /// The entries that link to `index` (inline, see also, or a glossary term's related list).
    /// The claims that `node` is the topic explaining.
    pub fn claims_of(&self, node: NodeId) -> &[NodeId] {
        self.claims_of.get(&node).map_or(&[], Vec::as_slice)
    }

    pub fn backlinks(&self, node: NodeId) -> &[NodeId] {
        &self.backlinks[node.index()]
    }

    pub const fn len(&self) -> usize {
        self.nodes.len()
    }

    pub const fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, node: NodeId) -> &Node {
        &self.nodes[node.index()]
    }

    /// Every entry, in tree order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = NodeId> + use<> {
        (0..self.nodes.len()).map(NodeId::new)
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn roots(&self) -> &[NodeId] {
        &self.roots
    }

    pub fn index_of(&self, id: &str) -> Option<NodeId> {
        self.by_id.get(id).copied()
    }

    /// The disclaimer's first sentence, which the header keeps in view: the file's own
    /// words, so a course's notes and a clinic's leaflets each say what applies to them.
    pub fn notice(&self) -> &str {
        let first = self.disclaimer.lines().next().unwrap_or_default();
        first.find(". ").map_or(first, |end| &first[..=end]).trim()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Title of the topic with this id, or the id itself when there is none.
    pub fn title_of(&self, id: &str) -> String {
        self.index_of(id)
            .map_or_else(|| id.to_owned(), |i| self.node(i).title.clone())
    }

    /// Title of the topic with this id, or the id itself, without copying either.
    pub fn title_or_id<'a>(&'a self, id: &'a str) -> &'a str {
        self.index_of(id)
            .map_or(id, |i| self.node(i).title.as_str())
    }

    /// The node and its ancestors, root first.
    pub fn path(&self, node: NodeId) -> Vec<NodeId> {
        let mut path = vec![node];
        let mut current = node;
        while let Some(parent) = self.node(current).parent {
            path.push(parent);
            current = parent;
        }
        path.reverse();
        path
    }

    /// Titles from the root down to the node, joined with `separator`.
    pub fn breadcrumb(&self, node: NodeId, separator: &str) -> String {
        self.path(node)
            .iter()
            .map(|&i| self.node(i).title.as_str())
            .collect::<Vec<_>>()
            .join(separator)
    }

    pub(super) fn push(&mut self, mut node: Node, parent: Option<NodeId>) -> NodeId {
        let index = NodeId::new(self.nodes.len());
        node.parent = parent;
        node.depth = parent.map_or(0, |p| self.node(p).depth + 1);
        match parent {
            Some(p) => self.nodes[p.index()].children.push(index),
            None => self.roots.push(index),
        }
        self.by_id.insert(node.id.clone(), index);
        self.nodes.push(node);
        index
    }

    fn add_topic(&mut self, topic: Topic, parent: Option<NodeId>) {
        let node = Node {
            id: clean_line_owned(topic.id),
            title: clean_line_owned(topic.title),
            kind: topic.kind,
            summary: clean_line_owned(topic.summary),
            body: clean_text_owned(topic.body),
            aliases: topic.terms.into_iter().map(clean_line_owned).collect(),
            sources: topic.sources,
            see_also: topic.see_also,
            parent: None,
            children: Vec::new(),
            depth: 0,
            verdict: None,
        };
        let index = self.push(node, parent);
        for child in topic.children {
            self.add_topic(child, Some(index));
        }
    }
}

fn clean_claim(claim: &Claim) -> Claim {
    Claim {
        id: clean_line(&claim.id),
        text: clean_line(&claim.text),
        articles: claim.articles.iter().map(|a| clean_line(a)).collect(),
        verdict: claim.verdict,
        evidence: clean_text(&claim.evidence),
        references: claim.references.iter().map(|r| clean_line(r)).collect(),
        topic: clean_line(&claim.topic),
    }
}

fn clean_source(source: Source) -> Source {
    Source {
        id: clean_line_owned(source.id),
        title: clean_line_owned(source.title),
        kind: source.kind,
        publisher: source.publisher.map(clean_line_owned),
        year: source.year,
        url: source.url.map(clean_line_owned),
        doi: source.doi.map(clean_line_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::parse;

    pub const SAMPLE: &str = r#"(
        title: "Sample\u{1b}[31m",
        disclaimer: "Not advice.",
        sources: [(id: "s1", title: "Paper", kind: Reference, publisher: "J", year: 2020, doi: "10/x")],
        topics: [
            (id: "a", title: "Alpha", kind: Overview, summary: "s", body: "b", sources: ["s1"], children: [
                (id: "a1", title: "Alpha one", kind: Mechanism, summary: "s", body: "b"),
            ]),
            (id: "b", title: "Beta", kind: Risk, summary: "s", body: "b"),
        ],
        glossary: [(term: "Zeta cell", aliases: ["ZC"], definition: "A cell. More text.", related: ["a1"])],
    )"#;

    /// The links the file's check found are the links the bodies hold: reusing them gives
    /// the backlinks that reading every body again gives.
    /// Bodies that cleaning changes: a tab that makes code of a link, zero-width spaces in
    /// and around links, Windows line ends.
    const UNCLEAN: &str = "(
        title: \"T\", disclaimer: \"D\",
        topics: [
            (id: \"a\", title: \"A\", kind: Overview, summary: \"s\", body: \"x\\n\\n\\t[[b]]\"),
            (id: \"b\", title: \"B\", kind: Overview, summary: \"s\", body: \"[\\u{200B}[c]] and [[a \\u{200B}]]\"),
            (id: \"c\", title: \"C\", kind: Overview, summary: \"s\", body: \"one\\r\\n[[a]]\\r\\n\"),
        ],
    )";

    #[test]
    fn reused_links_give_the_backlinks_of_reading_unclean_bodies() {
        let (mut kb, _) = crate::knowledge::parse_tolerant(UNCLEAN).expect("readable");
        let reused = Catalog::new(kb.clone());
        kb.links.clear();
        let read = Catalog::new(kb);
        let mut linked = 0;
        for id in read.ids() {
            assert_eq!(
                reused.backlinks(id),
                read.backlinks(id),
                "{}",
                read.node(id).id
            );
            linked += read.backlinks(id).len();
        }
        assert!(linked >= 2, "the cleaned bodies link: {linked}");
    }

    #[test]
    fn reused_links_give_the_backlinks_of_reading_the_bodies() {
        let mut kb = parse(crate::knowledge::EMBEDDED).expect("valid");
        assert_eq!(kb.links.len(), {
            fn count(topics: &[crate::knowledge::Topic]) -> usize {
                topics.iter().map(|t| 1 + count(&t.children)).sum()
            }
            count(&kb.topics)
        });
        let reused = Catalog::new(kb.clone());
        kb.links.clear();
        let read = Catalog::new(kb);
        let mut linked = 0;
        for id in read.ids() {
            assert_eq!(reused.backlinks(id), read.backlinks(id));
            linked += read.backlinks(id).len();
        }
        assert!(linked > 100, "the shipped base links a lot: {linked}");
    }

    #[test]
    fn flattens_in_tree_order_with_generated_branches() {
        let catalog = Catalog::new(parse(SAMPLE).expect("valid"));
        let ids: Vec<&str> = catalog.nodes().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "a",
                "a1",
                "b",
                GLOSSARY_ID,
                "glossary:zeta-cell",
                SOURCES_ID,
                "source:s1"
            ]
        );
        assert_eq!(catalog.topic_count, 3);
        assert_eq!(catalog.roots().len(), 4);
        assert_eq!(catalog.node(NodeId::new(1)).depth, 1);
    }

    #[test]
    fn breadcrumbs_and_titles_are_clean() {
        let catalog = Catalog::new(parse(SAMPLE).expect("valid"));
        assert_eq!(catalog.title, "Sample[31m");
        assert_eq!(
            catalog.breadcrumb(NodeId::new(1), " > "),
            "Alpha > Alpha one"
        );
        let term = catalog.node(catalog.index_of("glossary:zeta-cell").expect("term"));
        assert_eq!(term.summary, "A cell.");
        assert_eq!(term.aliases, ["ZC"]);
    }

    #[test]
    fn sources_list_the_topics_citing_them() {
        let catalog = Catalog::new(parse(SAMPLE).expect("valid"));
        let source = catalog.node(catalog.index_of("source:s1").expect("source"));
        assert!(source.body.contains("Reference: J, 2020"));
        assert!(source.body.contains("- [[a]]"));
    }

    #[test]
    fn backlinks_and_terms_are_indexed() {
        let catalog = Catalog::new(parse(SAMPLE).expect("valid"));
        let a1 = catalog.index_of("a1").expect("a1");
        let term = catalog.index_of("glossary:zeta-cell").expect("term");
        assert_eq!(catalog.backlinks(a1), [term]);
        let marks = catalog.terms.find(
            "two zeta cells and a ZC",
            &mut std::collections::HashSet::new(),
        );
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].node, term);
    }

    #[test]
    fn slugs_are_kebab_like() {
        assert_eq!(slug("ALT / AST"), "alt-ast");
        assert_eq!(slug("  Child-Pugh score "), "child-pugh-score");
    }
}
