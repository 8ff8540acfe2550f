//! Topic bodies in CommonMark, laid out: lists, emphasis, quotes, code, headings, rules and
//! tables, at 80x24; and any body at all laid out without a panic or a control character.

use hepatree::app::App;
use hepatree::catalog::Catalog;
use hepatree::document::{self, Highlight};
use hepatree::knowledge::{self, Kind, KnowledgeBase, Topic};
use hepatree::theme::DARK;
use proptest::prelude::*;

use crate::support::play_on;

const SAMPLER: &str = include_str!("../fixtures/markdown.ron");

fn sampler() -> App {
    App::new(
        Catalog::new(knowledge::parse(SAMPLER).expect("valid")),
        &DARK,
    )
}

#[test]
fn lists_emphasis_quotes_and_code() {
    let text = play_on(&mut sampler(), "<tab>", 80, 24);
    insta::assert_snapshot!("markdown_lists_80x24", text);
    assert!(text.contains("2. Fill them with soil."), "{text}");
    assert!(
        text.contains("   • loam for roots"),
        "nested under its item:\n{text}"
    );
    assert!(!text.contains("**"), "no markup shows:\n{text}");
}

#[test]
fn a_table_has_aligned_columns() {
    let text = play_on(&mut sampler(), "j", 80, 24);
    insta::assert_snapshot!("markdown_table_80x24", text);
    assert!(text.contains("Soil │ Water  │  pH"), "{text}");
    assert!(
        text.contains("sand │  low   │   7"),
        "centred and right-aligned:\n{text}"
    );
}

/// A table a little too wide narrows its widest columns and wraps their cells; one whose
/// columns cannot all stay readable side by side is laid out one row at a time.
#[test]
fn a_table_too_wide_wraps_its_cells_or_goes_row_by_row() {
    let text = play_on(&mut sampler(), "jj", 80, 24);
    insta::assert_snapshot!("markdown_wide_table_80x24", text);
    assert!(text.contains("• First trial in a long name"), "{text}");
    assert!(text.contains("What was given: Cells taken from"), "{text}");
    let wide = play_on(&mut sampler(), "jj", 120, 40);
    let rows = wide.lines().filter(|l| l.contains(" │ ")).count();
    assert!(rows > 4, "cells wrap onto more lines:\n{wide}");
}

/// Text made of what Markdown cares about, wiki links and control characters included.
fn body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("*".to_owned()),
        Just("**".to_owned()),
        Just("`".to_owned()),
        Just("[[lists]]".to_owned()),
        Just("[[lists|a label]]".to_owned()),
        Just("[[".to_owned()),
        Just("]]".to_owned()),
        Just("|".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("> ".to_owned()),
        Just("    ".to_owned()),
        Just("---".to_owned()),
        Just("|---|---|\n".to_owned()),
        Just("<b>".to_owned()),
        Just("# ".to_owned()),
        Just("\u{1b}[31m".to_owned()),
        Just("\u{7}\u{9b}\u{202e}".to_owned()),
        "[a-z 肝🧬]{1,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn any_body_lays_out_cleanly(body in body(), width in 8..140usize) {
        // Built directly: the body may hold an unclosed `[[`, which `check` refuses.
        let kb = KnowledgeBase {
            links: Vec::new(),
            title: "T".into(),
            disclaimer: "D".into(),
            sources: Vec::new(),
            topics: vec![Topic {
                id: "lists".into(),
                title: "L".into(),
                kind: Kind::Overview,
                summary: "s".into(),
                body,
                terms: Vec::new(),
                sources: Vec::new(),
                see_also: Vec::new(),
                children: Vec::new(),
            }],
            glossary: Vec::new(),
            claims: Vec::new(),
        };
        let catalog = Catalog::new(kb);
        let node = catalog.index_of("lists").expect("the topic");
        let document = document::build(&catalog, node, width, &Highlight::default());
        for line in &document.lines {
            for segment in line {
                prop_assert!(
                    !segment.text.chars().any(char::is_control),
                    "{:?} in {:?}",
                    segment.text,
                    catalog.node(node).body
                );
            }
        }
        let tsv = hepatree::cli::export::tsv(&catalog);
        prop_assert!(!tsv.chars().any(|c| c.is_control() && c != '\t' && c != '\n'), "{tsv:?}");
        let markdown = hepatree::cli::export::markdown(&catalog);
        prop_assert!(!markdown.chars().any(|c| c.is_control() && c != '\n'), "{markdown:?}");
    }
}
