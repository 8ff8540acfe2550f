//! The knowledge file: its serde model, parsing with positions, and validation.
//!
//! Every struct rejects unknown fields, so a misspelt field name is reported instead of being
//! silently ignored. Parsing never panics: every failure becomes a [`Problem`] with a line and
//! column, printed as `FILE:LINE:COL: message` by `hepatree check`.

mod claims;
mod file;
mod halves;
mod locate;
mod schema;
mod shape;
mod validate;

use std::fmt;

use serde::Deserialize;

pub use file::{LoadError, MAX_FILE_BYTES, check_openable, load, read_text};

pub use claims::{Claim, Verdict};
pub use locate::Position;

/// The knowledge base shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../knowledge.ron");

/// The name used for the embedded file in messages.
pub const EMBEDDED_NAME: &str = "knowledge.ron";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBase {
    pub title: String,
    pub disclaimer: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub glossary: Vec<GlossaryTerm>,
    /// What the source articles claim, each with a verdict (see `claims.rs`).
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// What each topic's body links to, in tree order, as checking the file found it, so
    /// the catalog need not parse every body again (`None` where cleaning changes the body);
    /// empty for a base made another way.
    #[serde(skip)]
    pub links: Vec<Option<Vec<String>>>,
}

#[derive(Debug, Clone, Deserialize, bitcode::Encode, bitcode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub kind: SourceKind,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub doi: Option<String>,
}

/// Whether a source is one of the articles the base retells or a reference used to check them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, bitcode::Encode, bitcode::Decode)]
pub enum SourceKind {
    Article,
    Reference,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub summary: String,
    pub body: String,
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub see_also: Vec<String>,
    #[serde(default)]
    pub children: Vec<Self>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
}

/// What a topic is about, shown as a tag and used to filter the tree.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, bitcode::Encode, bitcode::Decode,
)]
pub enum Kind {
    Overview,
    DiseaseCourse,
    Mechanism,
    Benefit,
    Limitation,
    Risk,
    Eligibility,
    Procedure,
    Evidence,
    Comparison,
    Regulation,
    Question,
    Section,
    /// A glossary entry (made by the catalog from the glossary list).
    Term,
    /// A source entry (made by the catalog from the sources list).
    Reference,
    /// A claim of the articles with its verdict (made by the catalog from the claims list).
    Claim,
}

impl Kind {
    /// The label for a group of topics of this kind, as a filter names it.
    pub const fn plural_label(self) -> &'static str {
        match self {
            Self::Overview => "overviews",
            Self::DiseaseCourse => "disease course",
            Self::Mechanism => "mechanisms",
            Self::Benefit => "benefits",
            Self::Limitation => "limitations",
            Self::Risk => "risks",
            Self::Eligibility => "eligibility",
            Self::Procedure => "procedures",
            Self::Evidence => "evidence",
            Self::Comparison => "comparisons",
            Self::Regulation => "regulations",
            Self::Question => "questions",
            Self::Section => "sections",
            Self::Term => "glossary terms",
            Self::Reference => "sources",
            Self::Claim => "claims",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Self::Overview => "overview",
            Self::DiseaseCourse => "disease course",
            Self::Mechanism => "mechanism",
            Self::Benefit => "benefit",
            Self::Limitation => "limitation",
            Self::Risk => "risk",
            Self::Eligibility => "eligibility",
            Self::Procedure => "procedure",
            Self::Evidence => "evidence",
            Self::Comparison => "comparison",
            Self::Regulation => "regulation",
            Self::Question => "question",
            Self::Section => "section",
            Self::Term => "glossary term",
            Self::Reference => "source",
            Self::Claim => "claim",
        }
    }
}

/// One thing wrong with a knowledge file, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub struct Problem {
    pub position: Position,
    pub message: String,
    /// A reference that points nowhere (a link, see-also, related or source id), an
    /// unclosed link, an empty title or an id that is not kebab-case: the tree can still be
    /// built, so the explorer opens the file and lists these, while `check` refuses it.
    pub tolerable: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.message)
    }
}

/// Parses and validates knowledge text; on failure returns every problem found.
///
/// Optional fields are written bare (`year: 2018`, not `year: Some(2018)`).
pub fn parse(text: &str) -> Result<KnowledgeBase, Vec<Problem>> {
    match parse_tolerant(text) {
        Ok((kb, problems)) if problems.is_empty() => Ok(kb),
        Ok((_, problems)) | Err(problems) => Err(problems),
    }
}

/// Like [`parse`], but a file whose only problems are [`Problem::tolerable`] comes back with
/// them, for the explorer to open and list.
pub fn parse_tolerant(text: &str) -> Result<(KnowledgeBase, Vec<Problem>), Vec<Problem>> {
    // Reading nested topics recurses once per level; deep trees (real ontologies run to
    // hundreds of levels) get a stack sized for the deepest file accepted.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("read".to_owned())
            .stack_size(READING_STACK)
            .spawn_scoped(scope, || read(text))
            .map_or_else(
                |_| read(text),
                |reader| reader.join().unwrap_or_else(|_| read(text)),
            )
    })
}

/// Nesting deeper than this is refused: ron counts about four steps per level of topics,
/// so this allows about 500 levels.
const RECURSION_LIMIT: usize = 2_000;

/// The stack for reading a file: enough for `RECURSION_LIMIT` steps of serde and of the
/// shape reader, with room to spare. It is address space, taken only as it is used.
pub(crate) const READING_STACK: usize = 256 * 1024 * 1024;

fn read(text: &str) -> Result<(KnowledgeBase, Vec<Problem>), Vec<Problem>> {
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    let mut kb: KnowledgeBase = match halves::read(text, &options, READING_STACK) {
        Some(kb) => kb,
        None => options
            .from_str(text)
            .map_err(|e| every_problem(text, &e))?,
    };
    let (problems, links) = validate::validate(&kb, text);
    kb.links = links;
    if problems.iter().all(|p| p.tolerable) {
        Ok((kb, problems))
    } else {
        Err(problems)
    }
}

/// After serde has stopped at the first problem: every problem of the file's shape (missing
/// and unknown fields, unknown kinds) with the cross-reference problems of what could be
/// read, in file order. A file that is not well formed gets serde's one message.
fn every_problem(text: &str, error: &ron::error::SpannedError) -> Vec<Problem> {
    let Some(root) = shape::read(text) else {
        return vec![syntax_problem(error)];
    };
    let (found, kb) = schema::check(&root);
    if found.is_empty() {
        return vec![syntax_problem(error)];
    }
    let locator = locate::Locator::new(text);
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|(at, message)| Problem {
            position: locator.position(at),
            message: crate::sanitize::clean_line_owned(message),
            tolerable: false,
        })
        .collect();
    problems.extend(validate::validate(&kb, text).0);
    problems.sort_by_key(|p| p.position);
    problems.dedup();
    problems
}

fn syntax_problem(error: &ron::error::SpannedError) -> Problem {
    let start = error.span.start;
    // ron's own wording suggests changing its options, which a reader of the file cannot do.
    let message = if matches!(error.code, ron::Error::ExceededRecursionLimit) {
        "topics are nested too deeply: hepatree reads about 500 levels of children".to_owned()
    } else {
        crate::sanitize::clean_line(&error.code.to_string())
    };
    Problem {
        position: Position {
            line: start.line,
            column: start.col,
        },
        message,
        tolerable: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"(
    title: "T",
    disclaimer: "D",
    sources: [(id: "s1", title: "Source one", kind: Article)],
    topics: [
        (id: "a", title: "A", kind: Overview, summary: "S", body: "See [[b|bee]].", sources: ["s1"],
         children: [(id: "b", title: "B", kind: Mechanism, summary: "S", body: "x", sources: ["s1"])]),
    ],
)"#;

    #[test]
    fn parses_a_minimal_base() {
        let kb = parse(MINIMAL).expect("valid");
        assert_eq!(kb.topics[0].children[0].kind, Kind::Mechanism);
        assert_eq!(kb.sources[0].kind, SourceKind::Article);
    }

    #[test]
    fn unknown_field_is_an_error_with_position() {
        let text = MINIMAL.replace("summary: \"S\", body: \"x\"", "sumary: \"S\", body: \"x\"");
        let problems = parse(&text).expect_err("unknown field");
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "topic `b` has no `summary` (it is required)",
                "topic `b` has an unknown field `sumary`; did you mean `summary`?"
            ]
        );
        assert_eq!(problems[1].position.line, 7);
    }

    #[test]
    fn syntax_error_reports_line_and_column() {
        let problems = parse("(\n  title: \"T\"\n  disclaimer: \"D\",\n)").expect_err("no comma");
        assert_eq!(problems[0].position, Position { line: 3, column: 3 });
    }
}
