//! A file's shape held against the format, after serde has refused it: every missing or
//! unknown field and every unknown kind in the whole file, each where it stands, naming the
//! record it belongs to and the closest valid name. What can be read is also built into a
//! knowledge base, so that the cross-reference checks can run over it in the same pass.

use std::collections::HashMap;

use super::shape::{Field, Node, Value};
use super::{Claim, GlossaryTerm, Kind, KnowledgeBase, Source, SourceKind, Topic, Verdict};

/// One problem: where (a byte offset) and what.
pub type Found = (usize, String);

struct Schema {
    required: &'static [&'static str],
    optional: &'static [&'static str],
}

const FILE: Schema = Schema {
    required: &["title", "disclaimer", "topics"],
    optional: &["sources", "glossary", "claims"],
};
const CLAIM: Schema = Schema {
    required: &["id", "text", "articles", "verdict", "evidence", "topic"],
    optional: &["references"],
};
const TOPIC: Schema = Schema {
    required: &["id", "title", "kind", "summary", "body"],
    optional: &["terms", "sources", "see_also", "children"],
};
const SOURCE: Schema = Schema {
    required: &["id", "title", "kind"],
    optional: &["publisher", "year", "url", "doi"],
};
const TERM: Schema = Schema {
    required: &["term", "definition"],
    optional: &["aliases", "sources", "related"],
};

const KINDS: [(&str, Kind); 13] = [
    ("Overview", Kind::Overview),
    ("DiseaseCourse", Kind::DiseaseCourse),
    ("Mechanism", Kind::Mechanism),
    ("Benefit", Kind::Benefit),
    ("Limitation", Kind::Limitation),
    ("Risk", Kind::Risk),
    ("Eligibility", Kind::Eligibility),
    ("Procedure", Kind::Procedure),
    ("Evidence", Kind::Evidence),
    ("Comparison", Kind::Comparison),
    ("Regulation", Kind::Regulation),
    ("Question", Kind::Question),
    ("Section", Kind::Section),
];

/// The closest of `names` to `wanted`, when one is close enough to be a likely typo.
pub fn closest<'n>(wanted: &str, names: impl IntoIterator<Item = &'n str>) -> Option<&'n str> {
    names
        .into_iter()
        .map(|name| {
            (
                strsim::jaro_winkler(&wanted.to_lowercase(), &name.to_lowercase()),
                name,
            )
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// "; did you mean `x`?", or nothing.
pub fn suggestion(closest: Option<&str>) -> String {
    closest.map_or_else(String::new, |name| format!("; did you mean `{name}`?"))
}

/// Every problem of the file's shape, and the knowledge base as far as it can be read.
pub fn check(root: &Node<'_>) -> (Vec<Found>, KnowledgeBase) {
    let mut problems = Vec::new();
    let fields = record(root, &FILE, "the file", &mut problems);
    let text = |name: &str, problems: &mut Vec<Found>| string(fields.get(name), name, problems);
    let kb = KnowledgeBase {
        links: Vec::new(),
        title: text("title", &mut problems),
        disclaimer: text("disclaimer", &mut problems),
        sources: items(fields.get("sources"))
            .map(|n| source(n, &mut problems))
            .collect(),
        topics: items(fields.get("topics"))
            .map(|n| topic(n, &mut problems))
            .collect(),
        glossary: items(fields.get("glossary"))
            .map(|n| term(n, &mut problems))
            .collect(),
        claims: items(fields.get("claims"))
            .map(|n| claim(n, &mut problems))
            .collect(),
    };
    (problems, kb)
}

/// The fields of a record, reporting unknown, repeated and missing ones. `owner` names the
/// record in messages; it is refined to name the record's id once that is known.
fn record<'n, 't>(
    node: &'n Node<'t>,
    schema: &Schema,
    owner: &str,
    problems: &mut Vec<Found>,
) -> HashMap<&'t str, &'n Node<'t>> {
    let Value::Record(fields) = &node.value else {
        problems.push((
            node.at,
            format!("{owner} should be a record, written ( … )"),
        ));
        return HashMap::new();
    };
    let owner = named(owner, fields);
    let known = || schema.required.iter().chain(schema.optional).copied();
    let mut found = HashMap::new();
    for field in fields {
        let Some(name) = field.name else {
            problems.push((field.at, format!("{owner}: expected `name: value` here")));
            continue;
        };
        if !known().any(|k| k == name) {
            let hint = suggestion(closest(name, known()));
            problems.push((
                field.at,
                format!("{owner} has an unknown field `{name}`{hint}"),
            ));
        } else if found.insert(name, &field.value).is_some() {
            problems.push((field.at, format!("{owner} gives `{name}` twice")));
        }
    }
    let at = found
        .get("id")
        .or_else(|| found.get("term"))
        .map_or(node.at, |n| n.at);
    for &name in schema.required {
        if !found.contains_key(name) {
            problems.push((at, format!("{owner} has no `{name}` (it is required)")));
        }
    }
    found
}

/// "topic `roots`" once a record's id (or term) is known.
fn named(owner: &str, fields: &[Field<'_>]) -> String {
    let id = fields
        .iter()
        .find(|f| matches!(f.name, Some("id" | "term")))
        .and_then(|f| match &f.value.value {
            Value::Str(id) => Some(id.to_string()),
            _ => None,
        });
    id.map_or_else(
        || owner.to_owned(),
        |id| format!("{} `{id}`", owner.trim_start_matches("a ")),
    )
}

fn items<'n, 't>(node: Option<&&'n Node<'t>>) -> impl Iterator<Item = &'n Node<'t>> {
    let items = match node.map(|n| &n.value) {
        Some(Value::List(items)) => items.as_slice(),
        _ => &[],
    };
    items.iter()
}

fn string(node: Option<&&Node<'_>>, name: &str, problems: &mut Vec<Found>) -> String {
    match node.map(|n| (n.at, &n.value)) {
        Some((_, Value::Str(text))) => text.to_string(),
        Some((at, _)) => {
            problems.push((at, format!("`{name}` should be text in quotes")));
            String::new()
        }
        None => String::new(),
    }
}

fn strings(node: Option<&&Node<'_>>, name: &str, problems: &mut Vec<Found>) -> Vec<String> {
    match node.map(|n| &n.value) {
        Some(Value::List(items)) => items
            .iter()
            .map(|item| string(Some(&item), name, problems))
            .collect(),
        Some(_) => {
            let at = node.map_or(0, |n| n.at);
            problems.push((at, format!("`{name}` should be a list, written [ … ]")));
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn topic(node: &Node<'_>, problems: &mut Vec<Found>) -> Topic {
    let fields = record(node, &TOPIC, "a topic", problems);
    let text = |name: &str, problems: &mut Vec<Found>| string(fields.get(name), name, problems);
    let id = text("id", problems);
    Topic {
        kind: kind(fields.get("kind"), &id, problems),
        title: text("title", problems),
        summary: text("summary", problems),
        body: text("body", problems),
        terms: strings(fields.get("terms"), "terms", problems),
        sources: strings(fields.get("sources"), "sources", problems),
        see_also: strings(fields.get("see_also"), "see_also", problems),
        children: items(fields.get("children"))
            .map(|n| topic(n, problems))
            .collect(),
        id,
    }
}

fn kind(node: Option<&&Node<'_>>, id: &str, problems: &mut Vec<Found>) -> Kind {
    let Some(node) = node else {
        return Kind::Section;
    };
    let word = match &node.value {
        Value::Word(word) => *word,
        _ => "",
    };
    KINDS.iter().find(|(name, _)| *name == word).map_or_else(
        || {
            let hint = suggestion(closest(word, KINDS.iter().map(|(n, _)| *n)));
            let hint = if hint.is_empty() {
                " (see the kinds in the README)".to_owned()
            } else {
                hint
            };
            problems.push((
                node.at,
                format!("topic `{id}` has an unknown kind `{word}`{hint}"),
            ));
            Kind::Section
        },
        |(_, kind)| *kind,
    )
}

fn source(node: &Node<'_>, problems: &mut Vec<Found>) -> Source {
    let fields = record(node, &SOURCE, "a source", problems);
    let text = |name: &str, problems: &mut Vec<Found>| string(fields.get(name), name, problems);
    let optional = |name: &str, problems: &mut Vec<Found>| {
        fields.get(name).map(|n| string(Some(n), name, problems))
    };
    let id = text("id", problems);
    let kind = match fields.get("kind").map(|n| (n.at, &n.value)) {
        Some((_, Value::Word("Reference"))) => SourceKind::Reference,
        Some((_, Value::Word("Article"))) | None => SourceKind::Article,
        Some((at, value)) => {
            let word = if let Value::Word(w) = value { *w } else { "" };
            let hint = suggestion(closest(word, ["Article", "Reference"]));
            problems.push((
                at,
                format!("source `{id}` has an unknown kind `{word}`{hint}"),
            ));
            SourceKind::Article
        }
    };
    let year = fields.get("year").and_then(|n| match n.value {
        Value::Word(word) => word.parse().ok(),
        _ => None,
    });
    Source {
        title: text("title", problems),
        kind,
        publisher: optional("publisher", problems),
        year,
        url: optional("url", problems),
        doi: optional("doi", problems),
        id,
    }
}

fn claim(node: &Node<'_>, problems: &mut Vec<Found>) -> Claim {
    let fields = record(node, &CLAIM, "a claim", problems);
    let text = |name: &str, problems: &mut Vec<Found>| string(fields.get(name), name, problems);
    let id = text("id", problems);
    let verdict = fields.get("verdict").map_or(Verdict::Untested, |n| {
        let word = if let Value::Word(w) = n.value { w } else { "" };
        let names = Verdict::ALL.map(|v| format!("{v:?}"));
        names.iter().position(|name| name == word).map_or_else(
            || {
                let hint = suggestion(closest(word, names.iter().map(String::as_str)));
                problems.push((
                    n.at,
                    format!("claim `{id}` has an unknown verdict `{word}`{hint}"),
                ));
                Verdict::Untested
            },
            |at| Verdict::ALL[at],
        )
    });
    Claim {
        text: text("text", problems),
        articles: strings(fields.get("articles"), "articles", problems),
        verdict,
        evidence: text("evidence", problems),
        references: strings(fields.get("references"), "references", problems),
        topic: text("topic", problems),
        id,
    }
}

fn term(node: &Node<'_>, problems: &mut Vec<Found>) -> GlossaryTerm {
    let fields = record(node, &TERM, "a glossary term", problems);
    let text = |name: &str, problems: &mut Vec<Found>| string(fields.get(name), name, problems);
    GlossaryTerm {
        term: text("term", problems),
        aliases: strings(fields.get("aliases"), "aliases", problems),
        definition: text("definition", problems),
        sources: strings(fields.get("sources"), "sources", problems),
        related: strings(fields.get("related"), "related", problems),
    }
}
