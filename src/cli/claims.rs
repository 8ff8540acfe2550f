//! `hepatree claims`: the articles' claims with their verdicts.
//!
//! For reading, grouped by verdict, wrapped, with the references; for scripts, tsv, one
//! claim per line: claim id, verdict, articles, references, topic, text, separated by tabs.

use std::fmt::Write as _;

use clap::ValueEnum;

use crate::catalog::Catalog;
use crate::knowledge::{Claim, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerdictArg {
    Supported,
    Mixed,
    NotShown,
    Untested,
}

impl VerdictArg {
    const fn verdict(self) -> Verdict {
        match self {
            Self::Supported => Verdict::Supported,
            Self::Mixed => Verdict::Mixed,
            Self::NotShown => Verdict::NotShown,
            Self::Untested => Verdict::Untested,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimFormat {
    Text,
    Tsv,
}

/// The claims `verdict` and `article` select, in the file's order.
pub fn select<'c>(
    catalog: &'c Catalog,
    verdict: Option<VerdictArg>,
    article: Option<&str>,
) -> Vec<&'c Claim> {
    catalog
        .claims
        .iter()
        .filter(|c| verdict.is_none_or(|v| c.verdict == v.verdict()))
        .filter(|c| article.is_none_or(|a| c.articles.iter().any(|x| x == a)))
        .collect()
}

/// One line per claim: id, verdict, articles, references, topic and text, tab-separated.
pub fn tsv(claims: &[&Claim]) -> String {
    let mut out = String::new();
    for claim in claims {
        let field = |text: &str| text.replace(['\t', '\n'], " ");
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            field(&claim.id),
            claim.verdict.key(),
            field(&claim.articles.join(",")),
            field(&claim.references.join(",")),
            field(&claim.topic),
            field(&claim.text)
        );
    }
    out
}

/// The claims grouped by verdict, each wrapped to `width` with what was found, the
/// articles that make it and the references.
pub fn text(catalog: &Catalog, claims: &[&Claim], width: usize) -> String {
    let mut out = String::new();
    for verdict in Verdict::ALL {
        let group: Vec<&&Claim> = claims.iter().filter(|c| c.verdict == verdict).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} ({}): {}\n",
            verdict.heading(),
            group.len(),
            verdict.meaning()
        );
        for claim in group {
            let evidence = crate::markup::plain_text(&claim.evidence, |id| catalog.title_of(id));
            let references: Vec<String> = claim
                .references
                .iter()
                .map(|r| {
                    catalog
                        .source(r)
                        .map_or_else(|| r.clone(), |s| s.title.clone())
                })
                .collect();
            paragraph(
                &mut out,
                &format!("• {} [{}]", claim.text, claim.id),
                "  ",
                width,
            );
            paragraph(
                &mut out,
                &format!("Made by: {}", claim.articles.join(", ")),
                "    ",
                width,
            );
            paragraph(&mut out, &format!("Found: {evidence}"), "    ", width);
            if !references.is_empty() {
                paragraph(
                    &mut out,
                    &format!("References: {}", references.join("; ")),
                    "    ",
                    width,
                );
            }
            paragraph(
                &mut out,
                &format!("Explained in: {}", claim.topic),
                "    ",
                width,
            );
            out.push('\n');
        }
    }
    out
}

/// `text` wrapped to `width`, its first line as it is and the rest after `indent`.
fn paragraph(out: &mut String, text: &str, indent: &str, width: usize) {
    let first = if text.starts_with('•') { "" } else { "  " };
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(first)
        .subsequent_indent(indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        out.push_str(&line);
        out.push('\n');
    }
}
