//! A topic laid out as wrapped lines of styled segments for a given width. It knows nothing
//! of terminals: the explorer maps each [`Tone`] to a colour, and `hepatree show` prints the
//! same lines as plain text, so both read the same.

use std::fmt::Write as _;

mod wrap;

use std::collections::HashSet;

use crate::catalog::{Catalog, describe_source};
use crate::markup::{self, Block, Inline};
pub use wrap::display_width;

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
    Bullet,
    Muted,
    Match,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub tone: Tone,
}

impl Segment {
    pub fn new(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
        }
    }
}

pub type Line = Vec<Segment>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub lines: Vec<Line>,
    /// The first line holding a highlighted word, for scrolling to a search hit.
    pub first_match: Option<usize>,
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

    /// True when a word of text should stand out. Case and punctuation are ignored, and a
    /// hyphenated word matches through any of its parts, as the search index splits them.
    pub fn matches(&self, word: &str) -> bool {
        word.split(|c: char| !c.is_alphanumeric())
            .filter(|part| !part.is_empty())
            .map(str::to_lowercase)
            .any(|part| {
                self.words.contains(&part)
                    || self.prefixes.iter().any(|p| part.starts_with(p.as_str()))
            })
    }
}

/// Lays out topic `index` for a pane `width` columns wide.
pub fn build(catalog: &Catalog, index: usize, width: usize, highlight: &Highlight) -> Document {
    let mut builder = Builder {
        width: width.max(8),
        lines: Vec::new(),
        highlight,
        in_list: false,
    };
    builder.header(catalog, index);
    builder.body(catalog, &catalog.node(index).body);
    builder.footer(catalog, index);
    let first_match = builder
        .lines
        .iter()
        .position(|line| line.iter().any(|s| s.tone == Tone::Match));
    Document {
        lines: builder.lines,
        first_match,
    }
}

struct Builder<'a> {
    width: usize,
    lines: Vec<Line>,
    highlight: &'a Highlight,
    /// Whether the last block was a bullet, so the next bullet follows without a gap.
    in_list: bool,
}

impl Builder<'_> {
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(Vec::new());
        }
    }

    fn wrap(&mut self, segments: &[Segment], first_indent: &str, indent: &str) {
        let lines = wrap::wrap(segments, self.width, first_indent, indent, self.highlight);
        self.lines.extend(lines);
    }

    fn header(&mut self, catalog: &Catalog, index: usize) {
        let node = catalog.node(index);
        let crumb = format!("Top › {}", catalog.breadcrumb(index, " › "));
        self.wrap(&[Segment::new(crumb, Tone::Breadcrumb)], "", "");
        self.wrap(&[Segment::new(node.title.clone(), Tone::Title)], "", "");
        let mut tag = node.kind.label().to_owned();
        if !node.children.is_empty() {
            let count = node.children.len();
            let plural = if count == 1 { "" } else { "s" };
            let _ = write!(tag, " · {count} subtopic{plural}");
        }
        self.wrap(&[Segment::new(tag, Tone::Tag)], "", "");
        if !node.summary.is_empty() {
            self.blank();
            self.wrap(&[Segment::new(node.summary.clone(), Tone::Summary)], "", "");
        }
    }

    fn body(&mut self, catalog: &Catalog, body: &str) {
        for block in markup::parse_body(body) {
            match block {
                Block::Paragraph(inlines) => {
                    self.in_list = false;
                    self.blank();
                    self.wrap(&inline_segments(catalog, &inlines), "", "");
                }
                Block::Bullet(inlines) => {
                    if !self.in_list {
                        self.blank();
                    }
                    self.in_list = true;
                    let mut segments = vec![Segment::new("• ", Tone::Bullet)];
                    segments.extend(inline_segments(catalog, &inlines));
                    self.wrap(&segments, "", "  ");
                }
            }
        }
    }

    fn footer(&mut self, catalog: &Catalog, index: usize) {
        let node = catalog.node(index);
        if !node.children.is_empty() {
            self.heading("In this section");
            for &child in &node.children {
                self.link_item(catalog, &catalog.node(child).id);
            }
        }
        if !node.see_also.is_empty() {
            self.heading("See also");
            for id in &node.see_also {
                self.link_item(catalog, id);
            }
        }
        if !node.terms.is_empty() {
            self.heading("Search terms");
            self.wrap(
                &[Segment::new(node.terms.join(", "), Tone::Muted)],
                "  ",
                "  ",
            );
        }
        if !node.sources.is_empty() && node.kind != crate::knowledge::Kind::Reference {
            self.heading("Sources");
            for (n, id) in node.sources.iter().enumerate() {
                self.source_item(catalog, n + 1, id);
            }
        }
    }

    fn heading(&mut self, text: &str) {
        self.in_list = false;
        self.blank();
        self.lines.push(vec![Segment::new(text, Tone::Heading)]);
    }

    fn link_item(&mut self, catalog: &Catalog, id: &str) {
        let segments = [
            Segment::new("→ ", Tone::Bullet),
            Segment::new(catalog.title_of(id), Tone::Link),
        ];
        self.wrap(&segments, "  ", "    ");
    }

    fn source_item(&mut self, catalog: &Catalog, number: usize, id: &str) {
        let marker = format!("[{number}] ");
        let hang = " ".repeat(display_width(&marker) + 2);
        let Some(source) = catalog.source(id) else {
            self.wrap(
                &[Segment::new(format!("{marker}{id}"), Tone::Muted)],
                "  ",
                &hang,
            );
            return;
        };
        let mut segments = vec![
            Segment::new(marker, Tone::Muted),
            Segment::new(format!("{}. ", source.title), Tone::Plain),
        ];
        segments.push(Segment::new(
            describe_source(source).join(". "),
            Tone::Muted,
        ));
        self.wrap(&segments, "  ", &hang);
    }
}

fn inline_segments(catalog: &Catalog, inlines: &[Inline]) -> Vec<Segment> {
    inlines
        .iter()
        .map(|inline| {
            let tone = match inline {
                Inline::Text(_) => Tone::Plain,
                Inline::Link { .. } => Tone::Link,
            };
            Segment::new(markup::inline_text(inline, |id| catalog.title_of(id)), tone)
        })
        .collect()
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
        let catalog = Catalog::new(&parse(BASE).expect("valid"));
        build(&catalog, 0, width, highlight)
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
