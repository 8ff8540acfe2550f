//! The whole base as Markdown, or as one tab-separated line per topic.
//!
//! The whole base as one Markdown document: headings follow the tree, each topic carries an
//! anchor so links between topics work in a rendered file, and the glossary and sources come
//! last, as in the explorer.

use std::fmt::Write as _;

use crate::catalog::{Catalog, Node};
use crate::knowledge::Kind;
use crate::markup;

pub fn markdown(catalog: &Catalog) -> String {
    let mut out = format!("# {}\n\n", catalog.title);
    for line in catalog.disclaimer.lines() {
        let _ = writeln!(out, "> {line}");
    }
    for node in catalog.nodes() {
        out.push('\n');
        topic(catalog, node, &mut out);
    }
    out
}

fn topic(catalog: &Catalog, node: &Node, out: &mut String) {
    let level = "#".repeat((node.depth + 2).min(6));
    let _ = write!(
        out,
        "<a id=\"{}\"></a>\n{level} {}\n\n",
        anchor(&node.id),
        node.title
    );
    match node.distinct_summary() {
        Some(summary) => {
            let _ = writeln!(out, "*{}* — {summary}", node.kind.label());
        }
        None => {
            let _ = writeln!(out, "*{}*", node.kind.label());
        }
    }
    body(catalog, node, out);
    let extras = extras(catalog, node);
    if !extras.is_empty() {
        out.push('\n');
        out.push_str(&extras.join("  \n"));
        out.push('\n');
    }
}

/// The body as its author wrote it (it is Markdown already), with each wiki link made a
/// Markdown link to its topic's heading.
fn body(catalog: &Catalog, node: &Node, out: &mut String) {
    if node.body.trim().is_empty() {
        return;
    }
    out.push('\n');
    out.push_str(
        markup::with_wiki_links(&node.body, |target, label| link(catalog, target, label))
            .trim_end(),
    );
    out.push('\n');
}

/// The lines after the body: search terms, see also, and sources.
fn extras(catalog: &Catalog, node: &Node) -> Vec<String> {
    let mut extras = Vec::new();
    if !node.aliases.is_empty() && node.kind != Kind::Term {
        extras.push(format!("**Search terms:** {}", node.aliases.join(", ")));
    }
    if !node.see_also.is_empty() {
        let links: Vec<String> = node
            .see_also
            .iter()
            .map(|id| link(catalog, id, None))
            .collect();
        extras.push(format!("**See also:** {}", links.join(", ")));
    }
    if !node.sources.is_empty() && !node.id.starts_with("source:") {
        let titles: Vec<String> = node
            .sources
            .iter()
            .map(|id| link(catalog, &format!("source:{id}"), None))
            .collect();
        extras.push(format!("**Sources:** {}", titles.join("; ")));
    }
    extras
}

fn link(catalog: &Catalog, id: &str, label: Option<&str>) -> String {
    let label = label.map_or_else(|| catalog.title_of(id), str::to_owned);
    format!("[{label}](#{})", anchor(id))
}

/// Ids are kebab-case or `prefix:slug`; anchors use hyphens only.
fn anchor(id: &str) -> String {
    id.trim_start_matches(':').replace(':', "-")
}

/// One tab-separated line per topic of the file, for fzf, grep or a spreadsheet.
///
/// The fields are id, breadcrumb, title, terms and body (links shown as their labels). Tabs
/// and line breaks inside a field become spaces, so every line has exactly five fields.
pub fn tsv(catalog: &Catalog) -> String {
    let mut out = String::new();
    for (index, node) in catalog.ids().zip(&catalog.nodes()[..catalog.topic_count]) {
        let body = markup::plain_text(&node.body, |id| catalog.title_of(id));
        let fields = [
            node.id.clone(),
            catalog.breadcrumb(index, " > "),
            node.title.clone(),
            node.aliases.join(", "),
            body,
        ];
        let line: Vec<String> = fields.iter().map(|f| one_field(f)).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

fn one_field(text: &str) -> String {
    text.split(['\t', '\n', '\r'])
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}
