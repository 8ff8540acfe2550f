//! The shipped knowledge base: structure, sourcing and findability. These tests read the
//! embedded file through the same code the explorer uses.

use std::collections::HashSet;

use hepatree::catalog::{CLAIMS_ID, Catalog, GLOSSARY_ID, SOURCES_ID};
use hepatree::knowledge::{self, Kind, SourceKind};
use hepatree::search::SearchIndex;

fn catalog() -> Catalog {
    let (_, kb) = knowledge::load(None).expect("the shipped base is valid");
    Catalog::new(kb)
}

/// Topics defined by the file itself (not the generated glossary and source entries).
fn topics(catalog: &Catalog) -> &[hepatree::catalog::Node] {
    &catalog.nodes()[..catalog.topic_count]
}

#[test]
fn top_level_branches_come_in_the_agreed_order() {
    let catalog = catalog();
    let roots: Vec<&str> = catalog
        .roots()
        .iter()
        .map(|&r| catalog.node(r).id.as_str())
        .collect();
    assert_eq!(
        roots,
        [
            "about",
            "bottom-line",
            "disease-course",
            "mechanisms",
            "benefits",
            "limitations",
            "evidence",
            "eligibility",
            "cell-sources",
            "comparisons",
            "safety-regulation",
            "questions",
            "outlook",
            CLAIMS_ID,
            GLOSSARY_ID,
            SOURCES_ID
        ]
    );
}

#[test]
fn the_five_named_branches_hold_real_subtopics() {
    let catalog = catalog();
    for id in [
        "disease-course",
        "mechanisms",
        "benefits",
        "limitations",
        "eligibility",
    ] {
        let node = catalog.node(catalog.index_of(id).expect(id));
        assert!(
            node.children.len() >= 4,
            "{id} has {} subtopics",
            node.children.len()
        );
    }
}

#[test]
fn every_topic_cites_a_source_and_every_article_is_cited() {
    let catalog = catalog();
    let mut cited = HashSet::new();
    for topic in topics(&catalog) {
        assert!(!topic.sources.is_empty(), "{} cites no source", topic.id);
        cited.extend(topic.sources.iter().cloned());
    }
    let articles: Vec<_> = catalog
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Article)
        .collect();
    assert_eq!(articles.len(), 5, "the five source articles are listed");
    for article in articles {
        assert!(cited.contains(&article.id), "{} is never cited", article.id);
    }
    for source in &catalog.sources {
        assert!(
            cited.contains(&source.id) || glossary_cites(&catalog, &source.id),
            "{} is listed but unused",
            source.id
        );
    }
}

fn glossary_cites(catalog: &Catalog, source: &str) -> bool {
    catalog
        .nodes()
        .iter()
        .any(|n| n.kind == Kind::Term && n.sources.iter().any(|s| s == source))
}

#[test]
fn topics_have_a_summary_terms_and_a_body_of_readable_length() {
    let catalog = catalog();
    for topic in topics(&catalog) {
        // The plain part reads in a few minutes; a trial's numbers for clinicians come after
        // it, under their own heading, and may run longer.
        let plain = topic
            .body
            .split("## For clinicians")
            .next()
            .unwrap_or_default();
        let words = plain.split_whitespace().count();
        assert!(
            (60..=600).contains(&words),
            "{} body has {words} words before any clinicians' section",
            topic.id
        );
        let all = topic.body.split_whitespace().count();
        assert!(all <= 1_200, "{} body has {all} words", topic.id);
        assert!(!topic.summary.is_empty(), "{} has no summary", topic.id);
        assert!(
            !topic.aliases.is_empty(),
            "{} has no search terms",
            topic.id
        );
    }
}

#[test]
fn glossary_has_at_least_forty_defined_terms() {
    let catalog = catalog();
    let terms: Vec<_> = catalog
        .nodes()
        .iter()
        .filter(|n| n.kind == Kind::Term)
        .collect();
    assert!(terms.len() >= 40, "{} glossary terms", terms.len());
    for term in terms {
        assert!(
            term.body.split_whitespace().count() >= 8,
            "{} is too thin",
            term.title
        );
        assert!(
            !term.see_also.is_empty(),
            "{} has no related topic",
            term.title
        );
    }
}

#[test]
fn the_disclaimer_is_reachable_and_says_what_it_must() {
    let catalog = catalog();
    assert!(catalog.disclaimer.contains("not medical advice"));
    assert!(catalog.disclaimer.contains("investigational"));
    let about = catalog.node(catalog.index_of("about").expect("about"));
    assert!(
        about
            .children
            .contains(&catalog.index_of("disclaimer").expect("disclaimer topic"))
    );
}

#[test]
fn words_a_reader_types_land_on_the_topic_that_explains_them() {
    let catalog = catalog();
    let index = SearchIndex::new(&catalog);
    let cases = [
        ("hepatocite", "differentiation"),
        ("scarring", "fibrosis-reduction"),
        ("fat tissue", "adipose-cells"),
        ("cord blood", "umbilical-cord-cells"),
        ("MSC", "mesenchymal-cells"),
        ("MELD", "meld"),
        ("child pugh", "child-pugh"),
        ("varices", "variceal-bleeding"),
        ("insurance", "insurance-cost"),
        ("REALISTIC", "realistic-trial"),
        ("macrophage", "macrophage-therapy"),
        ("is it safe", "side-effects-question"),
        ("age limit", "age-question"),
        ("G-CSF", "gcsf-mobilisation"),
        ("clinicaltrials", "finding-trials"),
        ("cirosis", "what-is-cirrhosis"),
    ];
    for (query, expected) in cases {
        let hits = index.search(&catalog, query, 3);
        let ids: Vec<&str> = hits
            .iter()
            .map(|h| catalog.node(h.node).id.as_str())
            .collect();
        assert!(
            ids.contains(&expected),
            "{query:?} gave {ids:?}, expected {expected}"
        );
    }
}

/// No entry says the same thing twice: a glossary entry's summary is the start of its
/// definition, and its aliases are in its text, so neither is repeated below it.
#[test]
fn no_paragraph_appears_twice_in_an_entry() {
    use hepatree::document::{self, Highlight};
    let catalog = catalog();
    for node in catalog.ids() {
        let text = document::build(&catalog, node, 80, &Highlight::default()).plain();
        let mut seen: Vec<String> = Vec::new();
        for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let words: String = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                !seen
                    .iter()
                    .any(|p| words.starts_with(p.as_str()) || p.starts_with(&words)),
                "{} repeats {words:?}",
                catalog.node(node).id
            );
            seen.push(words);
        }
        if catalog.node(node).kind == Kind::Term {
            assert!(!text.contains("Search terms"), "aliases twice in {text}");
        }
    }
}
