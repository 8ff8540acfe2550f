//! Ranking on generated bases shaped like real vocabularies: thousands of titles that repeat
//! the same words ("dog", "dogleg", "hot dog", "dog days"…), with the exact title placed
//! late in the file so that file order cannot put it first by accident.

use std::fmt::Write as _;

use hepatree::catalog::Catalog;
use hepatree::knowledge;
use hepatree::search::SearchIndex;

const FILLER: [&str; 12] = [
    "days",
    "house",
    "tag",
    "breakfast",
    "leg",
    "wood",
    "fight",
    "collar",
    "sled",
    "show",
    "bed",
    "food",
];

/// A base of `n` near-duplicate titles per stem, with the special entries at the end.
fn base(n: usize) -> (Catalog, SearchIndex) {
    let mut topics = String::new();
    let mut id = 0;
    let mut topic = |title: &str, terms: &[&str], body: &str| {
        id += 1;
        let terms: Vec<String> = terms.iter().map(|t| format!("{t:?}")).collect();
        let _ = write!(
            topics,
            "(id: \"t{id}\", title: {title:?}, kind: Overview, summary: \"An entry.\", \
             body: {body:?}, terms: [{}]),",
            terms.join(", ")
        );
    };
    for i in 0..n {
        let filler = FILLER[i % FILLER.len()];
        topic(&format!("dog {filler} {i}"), &[], "A dog of some kind.");
        topic(&format!("hot dog {filler} {i}"), &["dog"], "Food.");
        topic(
            &format!("{filler} dog {i}"),
            &[],
            "Dogs, dogs and more dogs.",
        );
        topic(&format!("dogleg {i}"), &[], "A bend.");
        topic(&format!("h{filler} {i}"), &[], "Begins with h.");
        topic(&format!("hat {filler} {i}"), &[], "A hat.");
        topic(&format!("tissue {filler} {i}"), &[], "Tissue of the body.");
        topic(&format!("liver {filler} {i}"), &[], "A liver dish.");
    }
    topic(
        "Cirrhosis",
        &["scar tissue", "liver scarring"],
        "Late liver disease.",
    );
    topic("liver", &["hepar"], "The organ.");
    topic(
        "dog",
        &["domestic dog", "Canis familiaris"],
        "A domesticated canid.",
    );
    topic("H", &["aitch"], "The eighth letter.");
    let text = format!("(title: \"Vocabulary\", disclaimer: \"Test.\", topics: [{topics}])");
    let catalog = Catalog::new(knowledge::parse(&text).expect("valid"));
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

fn titles(catalog: &Catalog, index: &SearchIndex, query: &str, n: usize) -> Vec<String> {
    index
        .search(catalog, query, n)
        .iter()
        .map(|hit| catalog.node(hit.node).title.clone())
        .collect()
}

#[test]
fn the_exact_title_comes_first_among_near_duplicates() {
    let (catalog, index) = base(400);
    assert_eq!(titles(&catalog, &index, "dog", 1), ["dog"]);
    assert_eq!(titles(&catalog, &index, "Dog ", 1), ["dog"]);
    assert_eq!(titles(&catalog, &index, "liver", 1), ["liver"]);
    assert_eq!(titles(&catalog, &index, "canis familiaris", 1), ["dog"]);
}

#[test]
fn a_one_letter_title_wins_its_letter() {
    let (catalog, index) = base(400);
    assert_eq!(titles(&catalog, &index, "h", 1), ["H"]);
    assert_eq!(titles(&catalog, &index, "H", 1), ["H"]);
}

#[test]
fn a_synonym_stored_as_a_term_beats_incidental_title_words() {
    let (catalog, index) = base(400);
    assert_eq!(titles(&catalog, &index, "scar tissue", 1), ["Cirrhosis"]);
    assert_eq!(titles(&catalog, &index, "liver scarring", 1), ["Cirrhosis"]);
}

#[test]
fn titles_holding_the_whole_word_come_before_words_begun_terms_and_bodies() {
    let (catalog, index) = base(50);
    let hits = index.search(&catalog, "dog", 200);
    let has_word = |hit: &hepatree::search::Hit| {
        let title = &catalog.node(hit.node).title;
        title.split(' ').any(|w| w == "dog")
    };
    let first_without = hits.iter().position(|hit| !has_word(hit));
    // "dog …", "hot dog …" and "… dog" for each of 50, and "dog" itself.
    assert_eq!(first_without, Some(151));
    assert!(hits[151..].iter().all(|hit| !has_word(hit)));
    assert!(catalog.node(hits[151].node).title.starts_with("dogleg"));
}
