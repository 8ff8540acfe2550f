//! The golden search sets (`tests/search/golden.tsv`): questions, lay words, abbreviations,
//! typos and spellings readers type, each with the topics that answer it, and words the
//! base does not hold, which must find nothing. The shipped base must put an answer first
//! for at least 75 % of the queries and among the first three for at least 90 %, taking
//! each query as complete (as `hepatree search` and Enter do).

use hepatree::catalog::Catalog;
use hepatree::knowledge;
use hepatree::search::SearchIndex;

const GOLDEN: &str = include_str!("../search/golden.tsv");

struct Case<'a> {
    expect: &'a str,
    query: &'a str,
    answers: Vec<&'a str>,
}

fn cases() -> Vec<Case<'static>> {
    GOLDEN
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut fields = line.split('\t');
            let expect = fields.next().expect("expect");
            let query = fields.next().expect("query");
            let answers = fields.next().unwrap_or("").split_whitespace().collect();
            Case {
                expect,
                query,
                answers,
            }
        })
        .collect()
}

fn setup() -> (Catalog, SearchIndex) {
    let (_, kb) = knowledge::load(None).expect("the shipped base is valid");
    let catalog = Catalog::new(kb);
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

/// The first `n` hits for the complete query.
fn top_ids(catalog: &Catalog, index: &SearchIndex, query: &str, n: usize) -> Vec<String> {
    index
        .search(catalog, &format!("{query} "), n)
        .iter()
        .map(|hit| catalog.node(hit.node).id.clone())
        .collect()
}

#[test]
fn the_golden_set_is_well_formed() {
    let (catalog, _) = setup();
    let cases = cases();
    let answered = cases.iter().filter(|c| c.expect != "none").count();
    let nothing = cases.iter().filter(|c| c.expect == "none").count();
    assert!(answered >= 80, "{answered} answered queries");
    assert!(nothing >= 15, "{nothing} queries that must find nothing");
    for case in &cases {
        assert!(
            ["top1", "top3", "none"].contains(&case.expect),
            "{}",
            case.query
        );
        assert_eq!(
            case.answers.is_empty(),
            case.expect == "none",
            "{}",
            case.query
        );
        for id in &case.answers {
            assert!(catalog.index_of(id).is_some(), "{}: no id {id}", case.query);
        }
    }
}

#[test]
fn readers_find_the_topic_that_answers_them() {
    let (catalog, index) = setup();
    let cases: Vec<Case<'_>> = cases().into_iter().filter(|c| c.expect != "none").collect();
    let (mut first, mut top3, mut misses) = (0, 0, Vec::new());
    for case in &cases {
        let ids = top_ids(&catalog, &index, case.query, 3);
        let at = ids
            .iter()
            .position(|id| case.answers.contains(&id.as_str()));
        first += usize::from(at == Some(0));
        top3 += usize::from(at.is_some());
        let kept = match case.expect {
            "top1" => at == Some(0),
            _ => at.is_some(),
        };
        if !kept {
            misses.push(format!("  {} {:?} gave {ids:?}", case.expect, case.query));
        }
    }
    let count = |n: usize| f64::from(u32::try_from(n).expect("a few hundred"));
    let share = |n: usize| count(n) * 100.0 / count(cases.len());
    println!(
        "golden set: {} queries, top-1 {:.1} %, top-3 {:.1} %; not as expected:\n{}",
        cases.len(),
        share(first),
        share(top3),
        misses.join("\n")
    );
    assert!(share(top3) >= 90.0, "top-3 {:.1} %", share(top3));
    assert!(share(first) >= 75.0, "top-1 {:.1} %", share(first));
}

#[test]
fn words_the_base_does_not_hold_find_nothing() {
    let (catalog, index) = setup();
    for case in cases().iter().filter(|c| c.expect == "none") {
        let ids = top_ids(&catalog, &index, case.query, 5);
        assert!(ids.is_empty(), "{:?} found {ids:?}", case.query);
        let why = index.explain_empty(case.query);
        assert!(!why.missing.is_empty(), "{:?}: {why:?}", case.query);
    }
}
