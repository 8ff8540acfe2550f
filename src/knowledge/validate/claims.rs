//! Checks of the claims list: ids, the articles that make each claim, the references behind
//! its verdict, the topic that explains it, and the links in its evidence.

use std::collections::HashSet;

use super::super::schema::{closest, suggestion};
use super::super::{Claim, KnowledgeBase, Verdict};
use super::{Checker, is_kebab_case};
use crate::markup;

impl<'a> Checker<'a> {
    pub(super) fn check_claims(&mut self, kb: &'a KnowledgeBase) {
        let start = self.find_after(0, "claims:");
        let mut seen = HashSet::new();
        for claim in &kb.claims {
            let at = self.find_after(start, &format!("\"{}\"", claim.id));
            if !is_kebab_case(&claim.id) {
                let id = &claim.id;
                self.report(
                    at,
                    format!("claim id `{id}` is not kebab-case (a-z, 0-9, single hyphens)"),
                );
            }
            if !seen.insert(claim.id.as_str()) {
                self.report_fatal(at, format!("duplicate claim id `{}`", claim.id));
            }
            if claim.text.trim().is_empty() {
                self.report(at, format!("claim `{}` has an empty text", claim.id));
            }
            self.check_claim_sources(at, claim);
            if !self.topic_ids.contains_key(claim.topic.as_str()) {
                let hint = suggestion(closest(&claim.topic, self.topic_ids.keys().copied()));
                let offset = self.find_after(at, &format!("\"{}\"", claim.topic));
                let (id, topic) = (&claim.id, &claim.topic);
                self.report(
                    offset,
                    format!("claim `{id}` names unknown topic `{topic}`{hint}"),
                );
            }
            for target in markup::link_targets(&claim.evidence).into_iter().flatten() {
                if !self.links_somewhere(&target) {
                    let offset = self.find_after(at, &format!("[[{target}"));
                    let hint = suggestion(closest(&target, self.topic_ids.keys().copied()));
                    let id = &claim.id;
                    self.report(
                        offset,
                        format!("claim `{id}` links to unknown topic `{target}`{hint}"),
                    );
                }
            }
        }
    }

    /// The articles must be articles, the references references, and only an untested
    /// claim may go without references.
    fn check_claim_sources(&mut self, at: usize, claim: &Claim) {
        let id = &claim.id;
        if claim.articles.is_empty() {
            self.report(at, format!("claim `{id}` names no article that makes it"));
        }
        for article in &claim.articles {
            if self.articles.contains(article.as_str()) {
                continue;
            }
            let offset = self.find_after(at, &format!("\"{article}\""));
            let message = if self.source_ids.contains_key(article.as_str()) {
                format!("claim `{id}` lists `{article}` as an article, but it is a reference")
            } else {
                let hint = suggestion(closest(article, self.articles.iter().copied()));
                format!("claim `{id}` names unknown article `{article}`{hint}")
            };
            self.report(offset, message);
        }
        for reference in &claim.references {
            let offset = self.find_after(at, &format!("\"{reference}\""));
            if self.articles.contains(reference.as_str()) {
                let message = format!(
                    "claim `{id}` lists `{reference}` as a reference, but it is an article"
                );
                self.report(offset, message);
            } else if !self.source_ids.contains_key(reference.as_str()) {
                let hint = suggestion(closest(reference, self.source_ids.keys().copied()));
                self.report(
                    offset,
                    format!("claim `{id}` names unknown reference `{reference}`{hint}"),
                );
            }
        }
        if claim.references.is_empty() && claim.verdict != Verdict::Untested {
            let message =
                format!("claim `{id}` has no references; only an Untested claim may go without");
            self.report(at, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::knowledge::{Verdict, parse};

    /// A base with one article, one reference, one topic and the given claims.
    fn base(claims: &str) -> String {
        format!(
            "(title: \"T\", disclaimer: \"D\",
 sources: [(id: \"art\", title: \"An article\", kind: Article), (id: \"ref\", title: \"A study\", kind: Reference)],
 topics: [(id: \"topic\", title: \"Topic\", kind: Overview, summary: \"s\", body: \"b\")],
 claims: [{claims}])"
        )
    }

    fn claim(fields: &str) -> String {
        format!(
            "(id: \"c\", text: \"Cells cure it.\", articles: [\"art\"], {fields}, topic: \"topic\"),"
        )
    }

    fn messages(text: &str) -> Vec<String> {
        parse(text)
            .expect_err("problems")
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn a_claim_reads_with_every_field() {
        let text = base(&claim(
            "verdict: NotShown, evidence: \"No. See [[topic]].\", references: [\"ref\"]",
        ));
        let kb = parse(&text).expect("valid");
        let claim = &kb.claims[0];
        assert_eq!(
            (claim.id.as_str(), claim.verdict, claim.topic.as_str()),
            ("c", Verdict::NotShown, "topic")
        );
        assert_eq!((claim.articles.len(), claim.references.len()), (1, 1));
    }

    #[test]
    fn an_untested_claim_may_go_without_references_and_no_other_may() {
        let untested = base(&claim("verdict: Untested, evidence: \"None found.\""));
        assert!(parse(&untested).is_ok());
        let mixed = base(&claim("verdict: Mixed, evidence: \"Both ways.\""));
        assert_eq!(
            messages(&mixed),
            ["claim `c` has no references; only an Untested claim may go without"]
        );
    }

    #[test]
    fn an_unknown_verdict_suggests_the_closest() {
        let text = base(&claim(
            "verdict: NotShwn, evidence: \"x\", references: [\"ref\"]",
        ));
        assert_eq!(
            messages(&text),
            ["claim `c` has an unknown verdict `NotShwn`; did you mean `NotShown`?"]
        );
    }

    #[test]
    fn articles_must_be_articles_and_references_references() {
        let text = base(
            "(id: \"c\", text: \"t\", articles: [\"ref\", \"artt\"], verdict: Supported, evidence: \"See [[topik]].\", references: [\"art\", \"gone\"], topic: \"topc\"),",
        );
        assert_eq!(
            messages(&text),
            [
                "claim `c` lists `ref` as an article, but it is a reference",
                "claim `c` names unknown article `artt`; did you mean `art`?",
                "claim `c` links to unknown topic `topik`; did you mean `topic`?",
                "claim `c` lists `art` as a reference, but it is an article",
                "claim `c` names unknown reference `gone`",
                "claim `c` names unknown topic `topc`; did you mean `topic`?",
            ]
        );
    }

    #[test]
    fn claim_ids_are_kebab_case_and_unique_and_fields_required() {
        let twice = format!(
            "{}{}",
            claim("verdict: Untested, evidence: \"x\""),
            claim("verdict: Untested, evidence: \"x\"")
        );
        assert!(messages(&base(&twice)).contains(&"duplicate claim id `c`".to_owned()));
        let missing = base(
            "(id: \"c\", text: \"t\", articles: [\"art\"], verdict: Untested, topic: \"topic\"),",
        );
        assert_eq!(
            messages(&missing),
            ["claim `c` has no `evidence` (it is required)"]
        );
    }
}
