//! What `search` and `show` print: hits as `id<TAB>breadcrumb` lines, a topic as plain text,
//! and one line on standard error with suggestions when there is nothing to print.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use super::{pager, print};
use crate::catalog::Catalog;
use crate::document::{self, Highlight};
use crate::sanitize::clean_line;
use crate::search::{NoMatch, SearchIndex, normalize};

/// The query is complete, so its last word is a word, not the start of one (a trailing
/// space tells search so). A query with no words finds nothing.
pub(super) fn search(
    catalog: &Catalog,
    index: &SearchIndex,
    query: &str,
    limit: usize,
) -> io::Result<ExitCode> {
    if normalize::words(query).is_empty() {
        let _ = writeln!(
            io::stderr(),
            "hepatree: the query has no words to search for"
        );
        return Ok(ExitCode::FAILURE);
    }
    let complete = format!("{} ", query.trim_end());
    let hits = index.search_detailed(catalog, &complete, limit, 0);
    let mut text = String::new();
    for hit in &hits {
        let node = catalog.node(hit.node);
        let _ = writeln!(text, "{}\t{}", node.id, catalog.breadcrumb(hit.node, " > "));
    }
    print(&text)?;
    if hits.is_empty() {
        let line = no_match_line(query, &index.explain_empty(&complete));
        let _ = writeln!(io::stderr(), "{line}");
    }
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One line on standard error for a search that found nothing; standard output stays empty
/// for scripts.
fn no_match_line(query: &str, why: &NoMatch) -> String {
    let mut line = format!("hepatree: no topic matches `{}`", clean_line(query.trim()));
    if !why.missing.is_empty() {
        let _ = write!(
            line,
            "; not in this knowledge base: {}",
            why.missing.join(", ")
        );
    }
    if !why.closest.is_empty() {
        let _ = write!(line, "; did you mean: {}?", why.closest.join(", "));
    }
    line
}

pub(super) fn show(
    catalog: &Catalog,
    id: &str,
    width: usize,
    paging: bool,
) -> io::Result<ExitCode> {
    let Some(index) = catalog.index_of(id) else {
        let suggestions = closest_ids(catalog, id);
        let hint = if suggestions.is_empty() {
            "try `hepatree search WORDS` to find one".to_owned()
        } else {
            format!("did you mean: {}?", suggestions.join(", "))
        };
        eprintln!("hepatree: no topic with id `{id}`; {hint}");
        return Ok(ExitCode::FAILURE);
    };
    let document = document::build(catalog, index, width, &Highlight::default());
    pager::page(&document.plain(), paging).map(|()| ExitCode::SUCCESS)
}

/// Up to three ids that look like `wanted`: containing it, or a few edits away.
fn closest_ids(catalog: &Catalog, wanted: &str) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = catalog
        .nodes()
        .iter()
        .map(|n| {
            let contains = n.id.contains(&wanted) || wanted.contains(n.id.as_str());
            let score =
                strsim::normalized_levenshtein(&wanted, &n.id) + if contains { 0.5 } else { 0.0 };
            (score, n.id.as_str())
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_owned())
        .collect()
}
