//! The two branches the catalog adds after the file's own topics: the glossary, one entry
//! per term, and the sources, one entry per source listing the topics that cite it.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Catalog, Node};
use crate::knowledge::{GlossaryTerm, Kind, Source, SourceKind};
use crate::sanitize::{clean_line, clean_text};

/// Id of the generated glossary branch. The colon keeps it apart from kebab-case ids.
pub const GLOSSARY_ID: &str = ":glossary";
/// Id of the generated sources branch.
pub const SOURCES_ID: &str = ":sources";

impl Catalog {
    pub(super) fn add_glossary(&mut self, glossary: &[GlossaryTerm]) {
        if glossary.is_empty() {
            return;
        }
        let summary = format!(
            "{} terms, each with a plain-language definition",
            glossary.len()
        );
        let branch = self.push(section(GLOSSARY_ID, "Glossary", &summary), None);
        let mut entries: Vec<&GlossaryTerm> = glossary.iter().collect();
        entries.sort_by_key(|e| e.term.to_lowercase());
        for entry in entries {
            let node = glossary_node(entry);
            self.push(node, Some(branch));
        }
    }

    pub(super) fn add_sources(&mut self) {
        if self.sources.is_empty() {
            return;
        }
        let articles = self
            .sources
            .iter()
            .filter(|s| s.kind == SourceKind::Article)
            .count();
        let references = self.sources.len() - articles;
        let summary = format!(
            "{} sources: {}, {}",
            self.sources.len(),
            counted(articles, "article"),
            counted(references, "reference")
        );
        let branch = self.push(section(SOURCES_ID, "Sources", &summary), None);
        // Who cites what, in one pass over the topics rather than one per source.
        let mut citing: HashMap<&str, Vec<String>> = HashMap::new();
        for node in &self.nodes[..self.topic_count] {
            for id in &node.sources {
                let line = format!("- [[{}]]", node.id);
                let list = citing.entry(id.as_str()).or_default();
                // A topic naming a source twice is listed once.
                if list.last() != Some(&line) {
                    list.push(line);
                }
            }
        }
        let nodes: Vec<Node> = self
            .sources
            .iter()
            .map(|source| {
                // Two sources sharing an id (a tolerable problem) both list the topics.
                let cited = citing
                    .get(source.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                source_node(source, cited)
            })
            .collect();
        for node in nodes {
            self.push(node, Some(branch));
        }
    }
}

/// A source's own entry, listing the topics that cite it.
fn source_node(source: &Source, citing: &[String]) -> Node {
    let mut body = describe_source(source).join("\n\n");
    if !citing.is_empty() {
        let _ = write!(
            body,
            "\n\nCited by {} topics:\n\n{}",
            citing.len(),
            citing.join("\n")
        );
    }
    let summary = match source.kind {
        SourceKind::Article => "An article this knowledge base draws on",
        SourceKind::Reference => "A published reference this knowledge base cites",
    };
    Node {
        id: format!("source:{}", source.id),
        title: source.title.clone(),
        kind: Kind::Reference,
        summary: summary.to_owned(),
        body,
        aliases: vec![source.id.clone()],
        sources: vec![source.id.clone()],
        see_also: Vec::new(),
        parent: None,
        children: Vec::new(),
        depth: 0,
        verdict: None,
    }
}

/// The lines that describe a source: where it appeared and how to find it.
pub fn describe_source(source: &Source) -> Vec<String> {
    let mut lines = Vec::new();
    let kind = match source.kind {
        SourceKind::Article => "Source article",
        SourceKind::Reference => "Reference",
    };
    let mut first = kind.to_owned();
    if let Some(publisher) = &source.publisher {
        let _ = write!(first, ": {publisher}");
    }
    if let Some(year) = source.year {
        let _ = write!(first, ", {year}");
    }
    lines.push(first);
    if let Some(doi) = &source.doi {
        lines.push(format!("DOI: {doi}"));
    }
    if let Some(url) = &source.url {
        lines.push(format!("URL: {url}"));
    }
    lines
}
/// "1 article", "3 references".
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

pub(super) fn section(id: &str, title: &str, summary: &str) -> Node {
    Node {
        id: id.to_owned(),
        title: title.to_owned(),
        kind: Kind::Section,
        summary: summary.to_owned(),
        body: String::new(),
        aliases: Vec::new(),
        sources: Vec::new(),
        see_also: Vec::new(),
        parent: None,
        children: Vec::new(),
        depth: 0,
        verdict: None,
    }
}

fn glossary_node(entry: &GlossaryTerm) -> Node {
    let term = clean_line(&entry.term);
    let aliases: Vec<String> = entry.aliases.iter().map(|a| clean_line(a)).collect();
    let mut body = clean_text(&entry.definition);
    if !aliases.is_empty() {
        let _ = write!(body, "\n\nAlso called: {}.", aliases.join(", "));
    }
    Node {
        id: format!("glossary:{}", slug(&term)),
        summary: first_sentence(&body),
        title: term,
        kind: Kind::Term,
        body,
        aliases,
        sources: entry.sources.clone(),
        see_also: entry.related.clone(),
        parent: None,
        children: Vec::new(),
        depth: 0,
        verdict: None,
    }
}

fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    line.find(". ")
        .map_or_else(|| line.to_owned(), |end| line[..=end].to_owned())
}

/// A lowercase, hyphenated form of a term for use in an id.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
