//! Reading comfort on the small fixture: reading on through topics, the tree's keys on a
//! topic without subtopics, and the other habits a terminal reader expects.

use crate::support;

use hepatree::app::Focus;
use support::{screen, selected_id};

#[test]
fn space_reads_on_into_the_next_topic_and_b_reads_back() {
    // Welcome is short: one Space reaches its end, the next carries on into Growth.
    let (app, text) = screen("<tab><space>", 80, 40);
    assert_eq!(selected_id(&app), "growth");
    assert!(text.contains("Reading on: How plants grow"), "{text}");
    assert_eq!(app.detail().scroll, 0);
    // Growth's subtopics come next in reading order, opened in the tree as they are read.
    let (app, _) = screen("<tab><space><space>", 80, 40);
    assert_eq!(selected_id(&app), "roots");
    // b at the top goes back to the end of the topic before.
    let (app, text) = screen("<tab><space><space>b", 80, 40);
    assert_eq!(selected_id(&app), "growth");
    assert!(text.contains("Back to: How plants grow"), "{text}");
    let (app, _) = screen("<tab><space><space>bb", 80, 40);
    assert_eq!(selected_id(&app), "welcome");
}

#[test]
fn a_long_topic_pages_before_it_reads_on() {
    let (app, _) = screen("<tab><space>", 80, 12);
    assert_eq!(selected_id(&app), "welcome", "the first Space pages");
    assert!(app.detail().scroll > 0);
    let (app, _) = screen("<tab><space>b", 80, 12);
    assert_eq!(
        (selected_id(&app).as_str(), app.detail().scroll),
        ("welcome", 0)
    );
}

#[test]
fn the_end_of_the_base_says_so() {
    let (app, text) = screen("G<tab><space><space><space>", 80, 24);
    assert_eq!(selected_id(&app), "source:soil-study");
    assert!(text.contains("The end"), "{text}");
}

#[test]
fn enter_or_right_on_a_topic_without_subtopics_goes_into_its_text() {
    let (app, _) = screen("<enter>", 80, 24);
    assert_eq!(app.focus(), Focus::Detail, "Welcome has no subtopics");
    let (app, _) = screen("<down><enter>", 80, 24);
    assert_eq!(app.focus(), Focus::Tree, "Growth opens instead");
    let (app, _) = screen("<down><right><right><right>", 80, 24);
    assert_eq!(selected_id(&app), "roots");
    assert_eq!(app.focus(), Focus::Detail);
}
