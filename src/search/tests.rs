use std::fmt::Write as _;

use super::*;
use crate::knowledge::parse;

const BASE: &str = r#"(title: "T", disclaimer: "D", topics: [
    (id: "course", title: "Disease course", kind: Section, summary: "How it runs", body: "Scarring grows.", children: [
        (id: "portal", title: "Portal hypertension", kind: DiseaseCourse, summary: "Pressure rises",
         body: "Blood backs up behind the scarred liver.", terms: ["varices", "high portal pressure"]),
        (id: "scores", title: "Severity scores", kind: DiseaseCourse, summary: "Child-Pugh and MELD",
         body: "Scores use bilirubin, albumin and the hepatocyte count. About 20,700 people."),
    ]),
    (id: "cells", title: "Hepatocyte-like cells", kind: Mechanism, summary: "Do cells become liver cells?",
     body: "Few infused cells turn into hepatocytes in randomised trials."),
    (id: "uni", title: "Über naïve Zellen", kind: Question, summary: "s", body: "x"),
    (id: "cost", title: "Does insurance cover it, and what does it cost?", kind: Question,
     summary: "Prices vary.", body: "Clinics charge a lot.", terms: ["how much"]),
])"#;

fn setup() -> (Catalog, SearchIndex) {
    let catalog = Catalog::new(parse(BASE).expect("valid"));
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

fn ids(catalog: &Catalog, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| catalog.node(h.node).id.clone())
        .collect()
}

fn search(query: &str) -> Vec<String> {
    let (catalog, index) = setup();
    ids(&catalog, &index.search(&catalog, query, 10))
}

#[test]
fn titles_rank_above_bodies_and_show_where_they_matched() {
    let (catalog, index) = setup();
    let hits = index.search(&catalog, "hepatocyte", 10);
    assert_eq!(ids(&catalog, &hits)[..2], ["cells", "scores"]);
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(hits[1].field, Field::Body);
    let hits = index.search(&catalog, "varices", 10);
    assert_eq!(hits[0].field, Field::Alias(0));
    assert_eq!(hits[0].alias_marks, (0..7).collect::<Vec<_>>());
}

#[test]
fn common_words_weigh_nothing_and_not_every_word_must_match() {
    assert_eq!(search("how much does it cost")[0], "cost");
    assert_eq!(search("what does it cost")[0], "cost");
    assert_eq!(search("portal pressure")[0], "portal");
}

#[test]
fn words_the_base_lacks_find_nothing() {
    assert!(search("banana").is_empty());
    assert!(search("portal zebra").is_empty(), "below half the weight");
    assert!(search("xq").is_empty());
    let (_, index) = setup();
    let why = index.explain_empty("portal zebra");
    assert_eq!(why.missing, ["zebra"]);
    let why = index.explain_empty("Flavour");
    assert_eq!(
        why.missing,
        ["flavour"],
        "as the reader wrote it, not folded"
    );
}

#[test]
fn folding_finds_accents_digit_groups_and_other_spellings() {
    assert_eq!(search("uber naive")[0], "uni");
    assert_eq!(search("ÜBER")[0], "uni");
    assert_eq!(search("20700")[0], "scores");
    assert_eq!(search("20,700")[0], "scores");
    assert_eq!(search("randomized ")[0], "cells");
    assert_eq!(search("childpugh")[0], "scores");
}

#[test]
fn typos_and_stems_reach_the_word() {
    let (catalog, index) = setup();
    let hits = index.search(&catalog, "hepatocite", 10);
    let scores = hits
        .iter()
        .find(|h| catalog.node(h.node).id == "scores")
        .expect("typo hit");
    let snippet = scores.snippet.as_ref().expect("snippet");
    let (s, e) = snippet.highlights[0];
    let word: String = snippet.text.chars().skip(s).take(e - s).collect();
    assert_eq!(word, "hepatocyte");
    assert!(
        search("scar ").contains(&"course".to_owned()),
        "scar finds scarring"
    );
}

#[test]
fn title_marks_are_character_positions_of_matched_words() {
    let (catalog, index) = setup();
    let hits = index.search(&catalog, "naïve", 10);
    assert_eq!(hits[0].field, Field::Title);
    let title: Vec<char> = catalog.node(hits[0].node).title.chars().collect();
    let matched: String = hits[0].title_marks.iter().map(|&i| title[i]).collect();
    assert_eq!(matched, "naïve");
    let hits = index.search(&catalog, "hep", 10);
    assert_eq!(hits[0].title_marks, [0, 1, 2], "only the typed letters");
}

#[test]
fn every_keystroke_gives_what_a_fresh_index_gives() {
    let (catalog, typing) = setup();
    let typed = "hepatocyte cells liver pressure";
    for end in (1..=typed.len()).chain((1..typed.len()).rev()) {
        let query = &typed[..end];
        let fresh = SearchIndex::new(&catalog);
        let hits = typing.search(&catalog, query, 10);
        assert_eq!(hits, fresh.search(&catalog, query, 10), "{query}");
        assert!(hits.len() <= 10);
    }
}

#[test]
fn empty_query_lists_top_level_topics() {
    assert_eq!(search("  "), ["course", "cells", "uni", "cost"]);
}

/// A base of near-duplicate titles, as real vocabularies have.
fn near_duplicates() -> (Catalog, SearchIndex) {
    let mut topics = String::new();
    let titles = [
        "dogleg",
        "dog's breakfast",
        "hot dog",
        "dog days",
        "dog",
        "dogwood",
        "H",
        "hat",
        "h-bomb",
        "hydrogen",
        "Scarring",
        "Tissue culture",
        "Tissue bank",
        "Soft tissue",
        "Tissue typing",
        "Cirrhosis",
    ];
    for (n, title) in titles.iter().enumerate() {
        let terms = if *title == "Cirrhosis" {
            r#"["scar tissue"]"#
        } else {
            "[]"
        };
        let _ = write!(
            topics,
            r#"(id: "t{n}", title: "{title}", kind: Overview, summary: "s", body: "b", terms: {terms}),"#
        );
    }
    let text = format!(r#"(title: "T", disclaimer: "D", topics: [{topics}])"#);
    let catalog = Catalog::new(parse(&text).expect("valid"));
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

fn first_title(catalog: &Catalog, index: &SearchIndex, query: &str) -> String {
    let hits = index.search(catalog, query, 10);
    catalog.node(hits[0].node).title.clone()
}

#[test]
fn exact_titles_come_first_and_a_synonym_beats_incidental_words() {
    let (catalog, index) = near_duplicates();
    assert_eq!(first_title(&catalog, &index, "dog"), "dog");
    assert_eq!(first_title(&catalog, &index, "h"), "H");
    assert_eq!(first_title(&catalog, &index, "scar tissue"), "Cirrhosis");
    let tissue = index.search(&catalog, "tissue", 10);
    let last = catalog.node(tissue[4].node);
    assert_eq!(
        last.title, "Cirrhosis",
        "a term ranks below titles holding the word"
    );
}
