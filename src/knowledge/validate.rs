//! Checks that hold across the whole file and that serde cannot express: unique ids, ids
//! that point somewhere, titles that are not empty.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use super::locate::Locator;
#[cfg(test)]
use super::locate::Position;
use super::schema::{closest, suggestion};
use super::{KnowledgeBase, Problem, Topic};
mod claims;

use crate::markup;
use crate::sanitize::clean_line_owned;

/// Returns every problem in `kb`, in file order; `text` is the source it was parsed from.
///
/// Finding positions means reading the whole text again, which costs more than the checks
/// themselves on large files, so a first pass only looks for problems and a second pass,
/// run only when there are some, places them.
///
/// Also returns what every topic's body links to, in tree order, for the catalog to reuse:
/// `None` for a body that cleaning changes, whose links the catalog must read from the
/// cleaned text.
pub fn validate(kb: &KnowledgeBase, text: &str) -> (Vec<Problem>, Vec<Option<Vec<String>>>) {
    let mut topics = Vec::new();
    flatten(&kb.topics, &mut topics);
    // Finding links means parsing every body, most of the work here: on both cores.
    let links = crate::parallel::in_halves(topics.len(), |range| {
        range
            .map(|i| markup::link_targets(&topics[i].body))
            .collect::<Vec<_>>()
    });
    let links: Vec<Links> = links.into_iter().flatten().collect();
    let found = check(kb, &topics, &links, Locator::new(text), false);
    let problems = if found.is_empty() {
        found
    } else {
        check(kb, &topics, &links, Locator::new(text), true)
    };
    let reusable = topics
        .iter()
        .zip(links)
        .map(|(topic, links)| {
            crate::sanitize::is_plain_text(&topic.body)
                .then(|| links.into_iter().filter_map(Result::ok).collect())
        })
        .collect();
    (problems, reusable)
}

/// A body's link targets, or the fragment of a link left unclosed.
pub type Links = Vec<Result<String, String>>;

fn check<'a>(
    kb: &'a KnowledgeBase,
    topics: &[&'a Topic],
    links: &[Links],
    locator: Locator<'a>,
    placed: bool,
) -> Vec<Problem> {
    let mut checker = Checker {
        id_offsets: if placed {
            locator.all_field_offsets("id")
        } else {
            HashMap::new()
        },
        placed,
        locator,
        problems: Vec::new(),
        topic_ids: FxHashMap::default(),
        source_ids: FxHashMap::default(),
        articles: HashSet::new(),
    };
    checker.collect_sources(kb);
    checker.collect_topics(topics);
    for (topic, links) in topics.iter().zip(links) {
        checker.check_topic(topic, links);
    }
    checker.check_glossary(kb);
    checker.check_claims(kb);
    checker.problems.sort_by_key(|p| p.position);
    checker.problems
}

fn flatten<'a>(topics: &'a [Topic], out: &mut Vec<&'a Topic>) {
    for topic in topics {
        out.push(topic);
        flatten(&topic.children, out);
    }
}

struct Checker<'a> {
    locator: Locator<'a>,
    /// Where each `id: "…"` value stands in the file, in order.
    id_offsets: HashMap<&'a str, Vec<usize>>,
    /// Whether problems get real positions (otherwise they all stand at the start).
    placed: bool,
    problems: Vec<Problem>,
    /// Each topic id with the byte offset of its first definition.
    topic_ids: FxHashMap<&'a str, usize>,
    source_ids: FxHashMap<&'a str, usize>,
    /// The sources of kind `Article`: the only ones a claim may say makes it.
    articles: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    /// A problem the tree survives: see [`Problem::tolerable`].
    fn report(&mut self, offset: usize, message: String) {
        self.push(offset, message, true);
    }

    /// A problem that leaves no sound tree: a duplicate id or glossary term.
    fn report_fatal(&mut self, offset: usize, message: String) {
        self.push(offset, message, false);
    }

    fn push(&mut self, offset: usize, message: String, tolerable: bool) {
        let position = self.locator.position(if self.placed { offset } else { 0 });
        // Messages quote ids and terms from the file, which may hold anything.
        let message = clean_line_owned(message);
        self.problems.push(Problem {
            position,
            message,
            tolerable,
        });
    }

    /// Whether a link target exists: a topic, or a source's own entry (`source:ID`).
    fn links_somewhere(&self, target: &str) -> bool {
        self.topic_ids.contains_key(target)
            || target
                .strip_prefix("source:")
                .is_some_and(|id| self.source_ids.contains_key(id))
    }

    /// "; did you mean `x`?" for the id of that kind closest to `wanted`, if one is close.
    fn closest(&self, wanted: &str, target: Target) -> String {
        let ids = match target {
            Target::Topic => &self.topic_ids,
            Target::Source => &self.source_ids,
        };
        suggestion(closest(wanted, ids.keys().copied()))
    }

    /// " (first at 3:5)" for a second definition whose first stands at `first`.
    fn first_at(&self, first: usize) -> String {
        if self.placed {
            format!(" (first at {})", self.locator.position(first))
        } else {
            String::new()
        }
    }

    fn find_after(&self, at: usize, needle: &str) -> usize {
        if self.placed {
            self.locator.find_after(at, needle).unwrap_or(at)
        } else {
            at
        }
    }

    /// Where the `nth` `id: "value"` stands (the start of the file if it cannot be found).
    fn id_offset(&self, value: &str, nth: usize) -> usize {
        self.id_offsets
            .get(value)
            .and_then(|offsets| offsets.get(nth))
            .copied()
            .unwrap_or(0)
    }

    fn collect_sources(&mut self, kb: &'a KnowledgeBase) {
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for source in &kb.sources {
            let nth = seen.entry(&source.id).or_insert(0);
            let offset = self.id_offset(&source.id, *nth);
            *nth += 1;
            if let Some(&first) = self.source_ids.get(source.id.as_str()) {
                let first = self.first_at(first);
                self.report(
                    offset,
                    format!("duplicate source id `{}`{first}", source.id),
                );
            } else {
                self.source_ids.insert(&source.id, offset);
                if source.kind == super::SourceKind::Article {
                    self.articles.insert(&source.id);
                }
            }
            if source.title.trim().is_empty() {
                self.report(offset, format!("source `{}` has an empty title", source.id));
            }
        }
    }

    fn collect_topics(&mut self, topics: &[&'a Topic]) {
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for topic in topics {
            let nth = seen.entry(&topic.id).or_insert(0);
            // Source ids and topic ids share the `id:` field name; skip the source's.
            let skip = usize::from(self.source_ids.contains_key(topic.id.as_str()));
            let offset = self.id_offset(&topic.id, *nth + skip);
            *nth += 1;
            if !is_kebab_case(&topic.id) {
                self.report(
                    offset,
                    format!(
                        "topic id `{}` is not kebab-case (a-z, 0-9, single hyphens)",
                        topic.id
                    ),
                );
            }
            if let Some(&first) = self.topic_ids.get(topic.id.as_str()) {
                let first = self.first_at(first);
                self.report_fatal(offset, format!("duplicate topic id `{}`{first}", topic.id));
            } else {
                self.topic_ids.insert(&topic.id, offset);
            }
        }
    }

    fn check_topic(&mut self, topic: &Topic, links: &Links) {
        let at = self.topic_ids.get(topic.id.as_str()).copied().unwrap_or(0);
        if topic.title.trim().is_empty() {
            self.report(at, format!("topic `{}` has an empty title", topic.id));
        }
        for target in links {
            match target {
                Ok(target) if !self.links_somewhere(target) => {
                    let offset = self.find_after(at, &format!("[[{target}"));
                    let hint = self.closest(target, Target::Topic);
                    self.report(
                        offset,
                        format!(
                            "topic `{}` links to unknown topic `{target}`{hint}",
                            topic.id
                        ),
                    );
                }
                Ok(_) => {}
                Err(fragment) => {
                    self.report(
                        at,
                        format!("topic `{}` has an unclosed link `{fragment}`", topic.id),
                    );
                }
            }
        }
        self.check_refs(at, &topic.id, "see_also", &topic.see_also, Target::Topic);
        self.check_refs(at, &topic.id, "sources", &topic.sources, Target::Source);
    }

    fn check_refs(&mut self, at: usize, owner: &str, field: &str, ids: &[String], target: Target) {
        for id in ids {
            let known = match target {
                Target::Topic => self.topic_ids.contains_key(id.as_str()),
                Target::Source => self.source_ids.contains_key(id.as_str()),
            };
            if !known {
                let offset = self.find_after(at, &format!("\"{id}\""));
                let what = match target {
                    Target::Topic => "topic",
                    Target::Source => "source",
                };
                let hint = self.closest(id, target);
                self.report(
                    offset,
                    format!("`{owner}` {field} names unknown {what} `{id}`{hint}"),
                );
            }
        }
    }

    fn check_glossary(&mut self, kb: &KnowledgeBase) {
        let mut seen: HashSet<String> = HashSet::new();
        let term_offsets = if self.placed {
            self.locator.all_field_offsets("term")
        } else {
            HashMap::new()
        };
        for entry in &kb.glossary {
            let offsets = term_offsets
                .get(entry.term.as_str())
                .map_or(&[][..], Vec::as_slice);
            let at = offsets.first().copied().unwrap_or(0);
            let key = entry.term.trim().to_lowercase();
            if key.is_empty() {
                self.report_fatal(at, "glossary entry has an empty term".to_owned());
            } else if !seen.insert(key) {
                let at = offsets.get(1).copied().unwrap_or(at);
                self.report_fatal(at, format!("duplicate glossary term `{}`", entry.term));
            }
            self.check_refs(at, &entry.term, "related", &entry.related, Target::Topic);
            self.check_refs(at, &entry.term, "sources", &entry.sources, Target::Source);
        }
    }
}

#[derive(Clone, Copy)]
enum Target {
    Topic,
    Source,
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }
    use crate::knowledge::parse;

    fn base(topics: &str) -> String {
        format!(
            "(\n title: \"T\",\n disclaimer: \"D\",\n sources: [(id: \"s\", title: \"S\", kind: Reference)],\n topics: [\n{topics}\n ],\n)"
        )
    }

    fn topic(id: &str, body: &str, extra: &str) -> String {
        format!(
            "  (id: \"{id}\", title: \"X\", kind: Overview, summary: \"s\", body: \"{body}\"{extra}),"
        )
    }

    #[test]
    fn duplicate_ids_name_the_second_definition() {
        let text = base(&format!("{}\n{}", topic("a", "x", ""), topic("a", "y", "")));
        let problems = parse(&text).expect_err("duplicate");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "duplicate topic id `a` (first at 6:8)");
        assert_eq!(problems[0].position, at(7, 8));
    }

    #[test]
    fn dangling_link_points_at_the_link() {
        let text = base(&topic("a", "see [[nowhere|it]]", ""));
        let problems = parse(&text).expect_err("dangling");
        assert_eq!(
            problems[0].message,
            "topic `a` links to unknown topic `nowhere`"
        );
        assert_eq!(problems[0].position, at(6, 66));
    }

    #[test]
    fn a_link_may_name_a_source_entry() {
        let text = base(&topic("a", "see [[source:s|the study]]", ""));
        assert!(parse(&text).is_ok());
        let text = base(&topic("a", "see [[source:gone]]", ""));
        let problems = parse(&text).expect_err("unknown source");
        assert_eq!(
            problems[0].message,
            "topic `a` links to unknown topic `source:gone`"
        );
    }

    #[test]
    fn unknown_see_also_and_source_are_both_reported() {
        let text = base(&topic("a", "x", ", see_also: [\"b\"], sources: [\"q\"]"));
        let messages: Vec<String> = parse(&text)
            .expect_err("bad refs")
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert_eq!(
            messages,
            [
                "`a` see_also names unknown topic `b`",
                "`a` sources names unknown source `q`"
            ]
        );
    }

    #[test]
    fn ids_must_be_kebab_case_and_titles_present() {
        let text = base(&topic("Bad_Id", "x", "").replace("title: \"X\"", "title: \" \""));
        let messages: Vec<String> = parse(&text)
            .expect_err("bad")
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert!(
            messages.iter().any(|m| m.contains("not kebab-case")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("empty title")),
            "{messages:?}"
        );
    }
}
