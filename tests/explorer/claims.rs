//! The claim check in the explorer: the generated branch with verdict badges, a claim's
//! own entry, and the claims a topic explains, on a fixture with one claim of each verdict.

use hepatree::app::App;
use hepatree::catalog::{CLAIMS_ID, Catalog};
use hepatree::knowledge;
use hepatree::theme::DARK;

use crate::support::{play_on, selected_id};

const FIXTURE: &str = include_str!("../fixtures/claims.ron");

fn app() -> App {
    App::new(
        Catalog::new(knowledge::parse(FIXTURE).expect("valid")),
        &DARK,
    )
}

#[test]
fn the_claim_check_branch_groups_claims_by_verdict_with_badges() {
    let mut app = app();
    // Welcome, How plants grow, Care, then the Claim check branch: open it and its groups.
    let text = play_on(&mut app, "jjjllllll", 80, 24);
    insta::assert_snapshot!("claims_branch_80x24", text);
    let root = app
        .catalog()
        .node(app.catalog().index_of(CLAIMS_ID).expect("branch"));
    assert_eq!(root.title, "Claim check");
    assert!(
        text.contains("[supported] Pla"),
        "the badge reads in words:\n{text}"
    );
    for group in [
        "Supported by the",
        "Mixed evidence",
        "Not shown by stud",
        "Not tested in peo",
    ] {
        assert!(text.contains(group), "{group}:\n{text}");
    }
}

#[test]
fn a_claim_shows_its_verdict_articles_evidence_and_topic() {
    let mut app = app();
    let text = play_on(&mut app, "/mulch keeps every pest<enter>", 80, 24);
    assert_eq!(selected_id(&app), "claim:mulch-stops-pests");
    insta::assert_snapshot!("claim_detail_80x24", text);
    for part in [
        "verdict: not shown",
        "Studies looked and did not find",
        "Made by: The Grower's Almanac",
        "What studies found:",
        "Explained in: Pests",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}

#[test]
fn a_topic_lists_the_claims_it_explains_with_their_badges() {
    let mut app = app();
    let text = play_on(&mut app, "/pests<enter><tab>G", 80, 24);
    assert_eq!(selected_id(&app), "pests");
    insta::assert_snapshot!("topic_claims_80x24", text);
    assert!(text.contains("Claims in this topic"), "{text}");
    assert!(
        text.contains("[not shown] A layer of mulch keeps every pest"),
        "{text}"
    );
    // The claim is a link: following it opens the claim's entry.
    let mut app = self::app();
    play_on(&mut app, "/pests<enter><tab>G", 80, 24);
    let targets = app
        .detail()
        .cached(app.selected().expect("a topic"))
        .map(|d| d.targets.len())
        .unwrap_or_default();
    assert!(targets > 0);
}

#[test]
fn search_finds_claims_and_the_filter_has_a_claims_entry() {
    let mut app = app();
    play_on(&mut app, "/moon phases<enter>", 80, 24);
    assert_eq!(selected_id(&app), "claim:moon-planting");
    let mut app = self::app();
    play_on(&mut app, "F", 80, 24);
    assert_eq!(app.filter_label().as_deref(), Some("claims"));
}
