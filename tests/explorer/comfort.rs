//! Reading comfort on the small fixture: reading on through topics, the tree's keys on a
//! topic without subtopics, and the other habits a terminal reader expects.

use std::fmt::Write as _;

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

#[test]
fn t_hides_the_tree_and_the_text_takes_the_width() {
    let (app, text) = screen("t", 80, 24);
    assert_eq!(app.pane_areas().0.width, 0);
    assert_eq!(app.pane_areas().1.width, 80);
    assert_eq!(app.focus(), Focus::Detail, "the keys go to the text");
    assert!(!text.contains("Topics"), "{text}");
    let (app, _) = screen("tt", 80, 24);
    assert!(app.pane_areas().0.width > 0);
    // Going back to a hidden tree shows it.
    let (app, _) = screen("th", 80, 24);
    assert_eq!(app.focus(), Focus::Tree);
    assert!(app.pane_areas().0.width > 0);
}

#[test]
fn the_tree_widens_and_narrows_and_the_session_keeps_it() {
    let (app, _) = screen("", 80, 24);
    let start = app.pane_areas().0.width;
    let (app, _) = screen(">>", 80, 24);
    assert_eq!(app.pane_areas().0.width, start + 8);
    let (app, _) = screen("<", 80, 24);
    assert_eq!(app.pane_areas().0.width, start - 4);
    let (app, _) = screen("<<<<<<<<<<", 80, 24);
    assert_eq!(app.pane_areas().0.width, 16, "never narrower than 16");
    let (app, _) = screen(">>>>>>>>>>>>>>", 80, 24);
    assert_eq!(app.pane_areas().1.width, 30, "the text keeps 30 cells");
    let session = screen(">t", 80, 24).0.session();
    assert_eq!(
        (session.tree_width, session.tree_hidden),
        (Some(start + 4), true)
    );
}

/// A file nested 25 levels deep, one topic a level.
fn deep_tree() -> hepatree::app::App {
    let mut text = String::new();
    for level in 1..=25 {
        let _ = write!(
            text,
            "(id: \"t{level}\", title: \"Level {level} of the nested example\", kind: Section, summary: \"s\", body: \"b\", children: ["
        );
    }
    text.push_str(&"])".repeat(25));
    let file = format!("(title: \"Deep\", disclaimer: \"D\", topics: [{text}])");
    let kb = hepatree::knowledge::parse(&file).expect("valid");
    hepatree::app::App::new(hepatree::catalog::Catalog::new(kb), &hepatree::theme::DARK)
}

#[test]
fn a_topic_25_levels_deep_shows_its_title_and_long_titles_end_with_an_ellipsis() {
    let mut app = deep_tree();
    let text = support::play_on(&mut app, &"l".repeat(48), 80, 24);
    assert_eq!(selected_id(&app), "t25");
    let row = text
        .lines()
        .find(|l| l.contains("24›"))
        .unwrap_or_else(|| panic!("the deepest row is drawn:\n{text}"));
    assert!(row.contains("Level 25 of"), "{row}");
    assert!(row.contains('…'), "{row}");
}

#[test]
fn the_text_keeps_a_readable_measure_on_a_wide_screen() {
    let (app, text) = screen("<down><down><down>", 250, 70);
    let detail = app.pane_areas().1;
    let widest = text
        .lines()
        .skip(usize::from(detail.y) + 1)
        .take(usize::from(detail.height) - 2)
        .map(|l| {
            let line = l.trim_matches('"');
            let inside: String = line.chars().skip(usize::from(detail.x) + 1).collect();
            inside.trim_matches(['│', '█', '║', ' ']).chars().count()
        })
        .max()
        .unwrap_or(0);
    assert!(widest <= 100, "{widest} cells:\n{text}");
    assert!(detail.width > 150);
}

#[test]
fn the_file_speaks_for_itself() {
    let (_, text) = screen("", 80, 24);
    let header = text.lines().next().unwrap_or_default();
    assert!(header.contains("For practice only."), "{header}");
    assert!(
        !text.contains("medical"),
        "no words of the shipped base:\n{text}"
    );
    let (_, text) = screen("G", 80, 24);
    assert!(!text.contains("check the articles"), "{text}");
    // Narrow screens cut the title, not the notice.
    let (_, text) = screen("", 48, 20);
    let header = text.lines().next().unwrap_or_default();
    assert!(header.contains("For practice only."), "{header}");
}

#[test]
fn a_file_200_levels_deep_opens_and_its_deepest_topic_draws() {
    let text = include_str!("../fixtures/deep_200.ron");
    let kb = hepatree::knowledge::parse(text).expect("200 levels read");
    let mut app =
        hepatree::app::App::new(hepatree::catalog::Catalog::new(kb), &hepatree::theme::DARK);
    let screen = support::play_on(&mut app, "/level 200<enter>", 80, 24);
    assert_eq!(selected_id(&app), "level-200");
    assert!(screen.contains("199›"), "{screen}");
}
