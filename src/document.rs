//! A topic laid out as lines for a given width.
//!
//! The lines are made of styled segments. The layout knows nothing of terminals: the explorer
//! maps each [`Tone`] to a colour, and `hepatree show` prints the same lines as plain text, so
//! both read the same.

mod blocks;
mod builder;
mod find;
mod table;
mod wrap;

use std::collections::HashSet;

use crate::catalog::{Catalog, NodeId};
use crate::knowledge::Kind;
pub use find::{Found, find};
pub use wrap::{display_width, fit};

use builder::Builder;

/// The role of a piece of text, which the explorer turns into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Breadcrumb,
    Title,
    Tag,
    Summary,
    Heading,
    Link,
    /// A glossary term used in the text; its definition can be opened in place.
    Term,
    /// A link to a topic the file does not have: drawn as broken, not followable.
    Broken,
    Strong,
    Emphasis,
    Code,
    Strike,
    /// A claim's verdict, as its badge shows it.
    Verdict(crate::knowledge::Verdict),
    Bullet,
    Muted,
    Match,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub tone: Tone,
    /// Index into [`Document::targets`] when this text can be selected and followed.
    pub target: Option<usize>,
}

impl Segment {
    pub fn new(text: impl Into<String>, tone: Tone) -> Self {
        Self::to(text, tone, None)
    }

    pub fn to(text: impl Into<String>, tone: Tone, target: Option<usize>) -> Self {
        Self {
            text: text.into(),
            tone,
            target,
        }
    }
}

/// What a selectable piece of text leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A link to another entry, followed in place.
    Link,
    /// A glossary term, whose definition opens in a popup.
    Term,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub node: NodeId,
    pub kind: TargetKind,
    /// The first line the target appears on, for scrolling it into view.
    pub line: usize,
}

pub type Line = Vec<Segment>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub lines: Vec<Line>,
    /// The first line holding a highlighted word, for scrolling to a search hit.
    pub first_match: Option<usize>,
    /// Links and marked terms in reading order.
    pub targets: Vec<Target>,
}

impl Document {
    /// The document as plain text, one line per wrapped line, trailing spaces trimmed.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            let text: String = line.iter().map(|s| s.text.as_str()).collect();
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Words to highlight: exact words (as found by the body search) and query prefixes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    pub words: HashSet<String>,
    pub prefixes: Vec<String>,
}

impl Highlight {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.prefixes.is_empty()
    }

    /// True when a word of text should stand out. The word is folded as search folds it
    /// (case, accents, spelling, digit groups), and a hyphenated word matches through any
    /// of its parts or as a whole, as the search index reads it.
    pub fn matches(&self, word: &str) -> bool {
        let mut found = false;
        crate::search::normalize::for_each_token(word, |token| {
            found = found
                || self.words.contains(token.word)
                || self
                    .prefixes
                    .iter()
                    .any(|p| token.word.starts_with(p.as_str()));
        });
        found
    }
}

/// Lays out topic `index` for a pane `width` columns wide.
pub fn build(catalog: &Catalog, index: NodeId, width: usize, highlight: &Highlight) -> Document {
    let mut builder = Builder {
        catalog,
        width: width.max(8),
        lines: Vec::new(),
        highlight,
        in_list: false,
        targets: Vec::new(),
        terms_seen: HashSet::from([index]),
    };
    builder.header(index);
    let node = catalog.node(index);
    builder.body(&node.body, node.kind != Kind::Reference);
    builder.footer(index);
    let first_match = builder
        .lines
        .iter()
        .position(|line| line.iter().any(|s| s.tone == Tone::Match));
    let mut targets = builder.targets;
    for (number, line) in builder.lines.iter().enumerate().rev() {
        for target in line.iter().filter_map(|s| s.target) {
            targets[target].line = number;
        }
    }
    Document {
        lines: builder.lines,
        first_match,
        targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::parse;

    const BASE: &str = r#"(title: "T", disclaimer: "D",
        sources: [(id: "s", title: "A paper", kind: Reference, year: 2018)],
        topics: [(id: "a", title: "Alpha", kind: Mechanism, summary: "Short.",
            body: "One two [[b]] three.\n\n- bullet that is long enough to wrap around\n- next",
            terms: ["t1"], sources: ["s"], see_also: ["b"],
            children: [(id: "b", title: "Beta", kind: Risk, summary: "S", body: "x")])])"#;

    fn doc(width: usize, highlight: &Highlight) -> Document {
        let catalog = Catalog::new(parse(BASE).expect("valid"));
        build(&catalog, NodeId::new(0), width, highlight)
    }

    #[test]
    fn lays_out_header_body_and_footer() {
        let text = doc(30, &Highlight::default()).plain();
        let expected = "\
Top › Alpha
Alpha
mechanism · 1 subtopic

Short.

One two Beta three.

• bullet that is long enough
  to wrap around
• next

In this section
  → Beta

See also
  → Beta

Search terms
  t1

Sources
  [1] A paper. Reference, 2018
";
        assert_eq!(text, expected);
    }

    #[test]
    fn links_are_marked_and_matches_found() {
        let highlight = Highlight {
            words: HashSet::from(["three".to_owned()]),
            prefixes: Vec::new(),
        };
        let document = doc(30, &highlight);
        let body = &document.lines[6];
        assert!(
            body.iter()
                .any(|s| s.tone == Tone::Link && s.text.trim() == "Beta")
        );
        assert!(
            body.iter()
                .any(|s| s.tone == Tone::Match && s.text.starts_with("three"))
        );
        assert_eq!(document.first_match, Some(6));
    }

    #[test]
    fn highlight_ignores_case_and_punctuation() {
        let highlight = Highlight {
            words: HashSet::new(),
            prefixes: vec!["hepato".to_owned()],
        };
        assert!(highlight.matches("(Hepatocytes),"));
        assert!(highlight.matches("liver-hepatocyte"));
        assert!(!highlight.matches("liver"));
    }
}
