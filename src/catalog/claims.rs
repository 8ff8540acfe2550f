//! The generated Claim check branch: the articles' claims grouped by verdict, then by the
//! article that makes them, each claim an entry of its own; and, for every topic, the claims
//! it explains.

use std::fmt::Write as _;

use super::generated::section;
use super::{Catalog, Node, NodeId};
use crate::knowledge::{Claim, Kind, SourceKind, Verdict};
use crate::sanitize::{clean_line, clean_text};

pub const CLAIMS_ID: &str = ":claims";

impl Catalog {
    pub(super) fn add_claims(&mut self, claims: &[Claim]) {
        if claims.is_empty() {
            return;
        }
        let summary = format!(
            "{} claims of the source articles, each with what the evidence says",
            claims.len()
        );
        let branch = self.push(section(CLAIMS_ID, "Claim check", &summary), None);
        for verdict in Verdict::ALL {
            let group: Vec<&Claim> = claims.iter().filter(|c| c.verdict == verdict).collect();
            if group.is_empty() {
                continue;
            }
            let id = format!(":claims-{}", verdict.key());
            let summary = format!("{}: {}", counted(group.len()), verdict.meaning());
            let parent = self.push(section(&id, verdict.heading(), &summary), Some(branch));
            for claim in group {
                let node = self.push(self.claim_node(claim), Some(parent));
                if let Some(topic) = self.index_of(&claim.topic) {
                    self.claims_of.entry(topic).or_default().push(node);
                }
            }
        }
        self.add_claims_by_article(claims, branch);
    }

    /// One section per article listing the claims it makes, with their verdicts.
    fn add_claims_by_article(&mut self, claims: &[Claim], branch: NodeId) {
        let summary = "The same claims, listed under the article that makes them";
        let by_article = self.push(
            section(":claims-by-article", "By article", summary),
            Some(branch),
        );
        let articles: Vec<(String, String)> = self
            .sources
            .iter()
            .filter(|s| s.kind == SourceKind::Article)
            .map(|s| (s.id.clone(), s.title.clone()))
            .collect();
        for (article, title) in articles {
            let made: Vec<&Claim> = claims
                .iter()
                .filter(|c| c.articles.contains(&article))
                .collect();
            if made.is_empty() {
                continue;
            }
            let mut node = section(
                &format!(":claims-article-{article}"),
                &title,
                &format!("{} made by this article", counted(made.len())),
            );
            for claim in made {
                let _ = writeln!(
                    node.body,
                    "- {}: [[claim:{}]]",
                    claim.verdict.label(),
                    claim.id
                );
            }
            node.sources = vec![article];
            self.push(node, Some(by_article));
        }
    }

    fn claim_node(&self, claim: &Claim) -> Node {
        let articles: Vec<String> = claim
            .articles
            .iter()
            .map(|a| {
                format!(
                    "[[source:{a}|{}]]",
                    self.source(a).map_or(a.as_str(), |s| s.title.as_str())
                )
            })
            .collect();
        let body = format!(
            "**Made by:** {}\n\n**What studies found:** {}\n\n**Explained in:** [[{}]]",
            articles.join("; "),
            clean_text(&claim.evidence),
            claim.topic
        );
        Node {
            id: format!("claim:{}", claim.id),
            title: clean_line(&claim.text),
            kind: Kind::Claim,
            summary: format!(
                "Verdict: {}. {}.",
                claim.verdict.label(),
                capitalised(claim.verdict.meaning())
            ),
            body,
            aliases: Vec::new(),
            sources: claim
                .articles
                .iter()
                .chain(&claim.references)
                .cloned()
                .collect(),
            see_also: Vec::new(),
            parent: None,
            children: Vec::new(),
            depth: 0,
            verdict: Some(claim.verdict),
        }
    }
}

/// "1 claim", "12 claims".
fn counted(count: usize) -> String {
    format!("{count} claim{}", if count == 1 { "" } else { "s" })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
