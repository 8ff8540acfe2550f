//! Turns one entry of the catalog into lines: header, body, then the lists that lead on
//! (subtopics, see also, backlinks, sources), recording every link and marked term.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::wrap::{self, display_width};
use super::{Highlight, Line, Segment, Target, TargetKind, Tone};
use crate::catalog::NodeId;
use crate::catalog::{Catalog, describe_source};
use crate::knowledge::Kind;

pub struct Builder<'a> {
    pub catalog: &'a Catalog,
    pub width: usize,
    pub lines: Vec<Line>,
    pub highlight: &'a Highlight,
    /// Whether the last block was a bullet, so the next bullet follows without a gap.
    pub in_list: bool,
    pub targets: Vec<Target>,
    /// Glossary entries already marked (each is marked once), and the entry itself.
    pub terms_seen: HashSet<NodeId>,
}

impl Builder<'_> {
    pub(super) fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(Vec::new());
        }
    }

    pub(super) fn wrap(&mut self, segments: &[Segment], first_indent: &str, indent: &str) {
        let lines = wrap::wrap(segments, self.width, first_indent, indent, self.highlight);
        self.lines.extend(lines);
    }

    pub(super) fn target(&mut self, node: Option<NodeId>, kind: TargetKind) -> Option<usize> {
        let node = node?;
        self.targets.push(Target {
            node,
            kind,
            line: 0,
        });
        Some(self.targets.len() - 1)
    }

    pub fn header(&mut self, index: NodeId) {
        let node = self.catalog.node(index);
        let crumb = format!("Top › {}", self.catalog.breadcrumb(index, " › "));
        self.wrap(&[Segment::new(crumb, Tone::Breadcrumb)], "", "");
        self.wrap(&[Segment::new(node.title.clone(), Tone::Title)], "", "");
        let mut tag = node.kind.label().to_owned();
        if let Some(verdict) = node.verdict {
            let _ = write!(tag, " · verdict: {}", verdict.label());
        }
        if !node.children.is_empty() {
            let count = node.children.len();
            let plural = if count == 1 { "" } else { "s" };
            let _ = write!(tag, " · {count} subtopic{plural}");
        }
        self.wrap(&[Segment::new(tag, Tone::Tag)], "", "");
        if let Some(summary) = node.distinct_summary() {
            self.blank();
            self.wrap(&[Segment::new(summary, Tone::Summary)], "", "");
        }
    }

    pub fn footer(&mut self, index: NodeId) {
        let catalog = self.catalog;
        let node = catalog.node(index);
        self.claim_list(index);
        if !node.children.is_empty() {
            self.heading("In this section");
            for &child in &node.children {
                self.link_item(child);
            }
        }
        let see_also: Vec<NodeId> = node
            .see_also
            .iter()
            .filter_map(|id| catalog.index_of(id))
            .collect();
        self.link_list("See also", &see_also);
        let backlinks: Vec<NodeId> = catalog
            .backlinks(index)
            .iter()
            .copied()
            .filter(|b| !see_also.contains(b))
            .collect();
        self.link_list("Referred to by", &backlinks);
        // A glossary entry's aliases are already in its text ("Also called").
        if !node.aliases.is_empty() && node.kind != Kind::Term {
            self.heading("Search terms");
            let terms = Segment::new(node.aliases.join(", "), Tone::Muted);
            self.wrap(&[terms], "  ", "  ");
        }
        if !node.sources.is_empty() && node.kind != Kind::Reference {
            self.heading("Sources");
            for (n, id) in node.sources.iter().enumerate() {
                self.source_item(n + 1, id);
            }
        }
    }

    /// The claims this topic explains, each with its verdict as a badge.
    fn claim_list(&mut self, index: NodeId) {
        let claims = self.catalog.claims_of(index);
        if claims.is_empty() {
            return;
        }
        self.heading("Claims in this topic");
        for &claim in claims {
            let node = self.catalog.node(claim);
            let Some(verdict) = node.verdict else {
                continue;
            };
            let target = self.target(Some(claim), TargetKind::Link);
            let segments = [
                Segment::new("→ ", Tone::Bullet),
                Segment::new(format!("[{}] ", verdict.label()), Tone::Verdict(verdict)),
                Segment::to(node.title.clone(), Tone::Link, target),
            ];
            self.wrap(&segments, "  ", "    ");
        }
    }

    fn link_list(&mut self, heading: &str, nodes: &[NodeId]) {
        if !nodes.is_empty() {
            self.heading(heading);
            for &node in nodes {
                self.link_item(node);
            }
        }
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.in_list = false;
        self.blank();
        self.lines.push(vec![Segment::new(text, Tone::Heading)]);
    }

    fn link_item(&mut self, node: NodeId) {
        let title = self.catalog.node(node).title.clone();
        let target = self.target(Some(node), TargetKind::Link);
        let segments = [
            Segment::new("→ ", Tone::Bullet),
            Segment::to(title, Tone::Link, target),
        ];
        self.wrap(&segments, "  ", "    ");
    }

    fn source_item(&mut self, number: usize, id: &str) {
        let marker = format!("[{number}] ");
        let hang = " ".repeat(display_width(&marker) + 2);
        let Some(source) = self.catalog.source(id) else {
            let text = format!("{marker}{id}");
            self.wrap(&[Segment::new(text, Tone::Muted)], "  ", &hang);
            return;
        };
        let entry = self.catalog.index_of(&format!("source:{id}"));
        let target = self.target(entry, TargetKind::Link);
        let segments = [
            Segment::new(marker, Tone::Muted),
            Segment::to(source.title.clone(), Tone::Link, target),
            Segment::new(". ", Tone::Plain),
            Segment::new(describe_source(source).join(". "), Tone::Muted),
        ];
        self.wrap(&segments, "  ", &hang);
    }
}
