//! Reading like a browser, on the small fixture: links and backlinks, history across mixed
//! jumps, the glossary popup, the kind filter, bookmarks and copying. Every key goes through
//! the keymap and `update`, with a frame drawn after each as in the real loop.

use crate::support;

use hepatree::app::Overlay;
use hepatree::screenshot::{draw, play};
use hepatree::theme::DARK;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use support::{app_with, id_of, play_on, screen, selected_id, visible_ids};

#[test]
fn tab_selects_links_in_reading_order_and_enter_follows() {
    // Welcome links to "growth", then "pests" (under Care), then cites a source.
    let (app, _) = screen("<tab><tab><enter>", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    let (app, text) = screen("<tab><tab><tab><enter>", 80, 24);
    assert_eq!(selected_id(&app), "pests");
    assert!(text.contains("▾ Care"), "ancestors opened:\n{text}");
    let (app, _) = screen("<tab><tab><tab><tab><enter>", 80, 24);
    assert_eq!(selected_id(&app), "source:almanac");
    // Shift-Tab goes backwards and wraps; ] and [ work from the tree.
    let (app, _) = screen("<tab><tab><backtab><enter>", 80, 24);
    assert_eq!(selected_id(&app), "source:almanac");
    let (app, _) = screen("]]<enter>", 80, 24);
    assert_eq!(selected_id(&app), "pests");
}

/// On a terminal too small to draw the panes, link keys still act on the topic the tree
/// has selected, not on the last topic that was drawn (found by the property tests).
#[test]
fn link_keys_on_a_terminal_too_small_act_on_the_selected_topic() {
    let (drawn, _) = screen("<down>]]<enter>", 80, 24);
    let mut app = app_with(&DARK);
    play_on(&mut app, "", 80, 24);
    let small = play_on(&mut app, "<down>]]<enter>", 30, 8);
    assert!(small.contains("too small"), "{small}");
    assert_eq!(selected_id(&app), selected_id(&drawn));
    assert_ne!(selected_id(&app), "pests", "a link of Welcome, drawn last");
}

#[test]
fn the_selected_link_is_highlighted() {
    let mut app = app_with(&DARK);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let buffer = play(&mut app, &mut terminal, "]]").expect("keys");
    let area = app.pane_areas().1;
    let selected: String = (area.y..area.bottom())
        .flat_map(|y| (area.x..area.right()).map(move |x| (x, y)))
        .map(|at| &buffer[at])
        .filter(|cell| cell.bg == DARK.target_selected.bg.expect("a colour"))
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(selected, "the pests");
    insta::assert_snapshot!("link_selected_80x24", terminal.backend().to_string());
}

#[test]
fn backlinks_are_listed_and_followable() {
    let (app, text) = screen("]]<enter>", 100, 30);
    assert_eq!(selected_id(&app), "pests");
    let after = text
        .split("Referred to by")
        .nth(1)
        .expect("a backlinks section");
    assert!(after.contains("→ Welcome"), "{text}");
    // Pests has no links of its own: its first target is the backlink.
    let mut app = app;
    play_on(&mut app, "<tab><enter>", 100, 30);
    assert_eq!(selected_id(&app), "welcome");
}

#[test]
fn back_and_forward_retrace_links_searches_and_glossary_jumps() {
    let mut app = app_with(&DARK);
    // A link, a search jump, then a glossary term's entry from the popup.
    play_on(&mut app, "]<enter>", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    play_on(&mut app, "/drought<enter>", 80, 24);
    assert_eq!(selected_id(&app), "watering");
    // The link left the focus in the detail pane: scroll to the top, take the first target.
    let text = play_on(&mut app, "g]<enter>", 80, 24);
    assert_eq!(
        *app.overlay(),
        Overlay::Definition {
            node: app.catalog().index_of("glossary:mulch").expect("term"),
            cursor: 0
        }
    );
    assert!(text.contains("A layer spread on the soil"), "{text}");
    play_on(&mut app, "<enter>", 80, 24);
    assert_eq!(selected_id(&app), "glossary:mulch");
    let mut trail = Vec::new();
    for _ in 0..3 {
        play_on(&mut app, "<bs>", 80, 24);
        trail.push(selected_id(&app));
    }
    assert_eq!(trail, ["watering", "growth", "welcome"]);
    let text = play_on(&mut app, "<bs>", 80, 24);
    assert!(text.contains("Nothing to go back to"), "{text}");
    play_on(&mut app, "<a-right>L", 80, 24);
    assert_eq!(selected_id(&app), "watering");
    play_on(&mut app, "<a-left>H", 80, 24);
    assert_eq!(selected_id(&app), "welcome");
    play_on(&mut app, "L", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    // A new jump ends the way forward.
    play_on(&mut app, "/aphid<enter>", 80, 24);
    assert!(app.history().forward_stack().is_empty());
}

#[test]
fn back_returns_to_the_scroll_position_too() {
    let mut app = app_with(&DARK);
    play_on(&mut app, "jjlj<tab><pgdn>", 80, 24);
    assert_eq!(selected_id(&app), "watering");
    let scroll = app.detail().scroll;
    assert!(scroll > 0);
    play_on(&mut app, "<backtab><enter>", 80, 24);
    assert_ne!(selected_id(&app), "watering");
    play_on(&mut app, "<bs>", 80, 24);
    assert_eq!(
        (selected_id(&app).as_str(), app.detail().scroll),
        ("watering", scroll)
    );
}

#[test]
fn glossary_terms_are_marked_and_open_a_popup() {
    // Roots and soil mentions loam, a glossary term.
    let (mut app, text) = screen("jll]<enter>", 80, 24);
    let loam = app.catalog().index_of("glossary:loam").expect("term");
    assert_eq!(
        *app.overlay(),
        Overlay::Definition {
            node: loam,
            cursor: 0
        }
    );
    assert_eq!(selected_id(&app), "roots", "the topic stays open behind");
    insta::assert_snapshot!("term_popup_80x24", text);
    play_on(&mut app, "<esc>", 80, 24);
    assert_eq!(*app.overlay(), Overlay::None);
    // The second item is a related topic.
    play_on(&mut app, "<enter>j<enter>", 80, 24);
    assert_eq!(selected_id(&app), "roots");
    play_on(&mut app, "]<enter><enter>", 80, 24);
    assert_eq!(selected_id(&app), "glossary:loam");
}

#[test]
fn glossary_branch_lists_every_term_and_search_finds_them() {
    let (app, _) = screen("/mulch<enter>", 80, 24);
    assert_eq!(selected_id(&app), "glossary:mulch");
    let glossary = app.catalog().index_of(":glossary").expect("branch");
    let terms: Vec<String> = app
        .catalog()
        .node(glossary)
        .children
        .iter()
        .map(|&c| id_of(&app, c))
        .collect();
    assert_eq!(terms, ["glossary:loam", "glossary:mulch"]);
}

#[test]
fn kind_filter_keeps_ancestors_and_says_so() {
    let (app, text) = screen("fff", 80, 24);
    assert_eq!(app.filter_label().as_deref(), Some("risks"));
    assert_eq!(visible_ids(&app), ["care", "pests"]);
    assert!(!app.outline().rows()[0].matched && app.outline().rows()[1].matched);
    assert_eq!(selected_id(&app), "pests");
    assert!(text.contains("filter: risks"), "{text}");
    insta::assert_snapshot!("filter_80x24", text);
    let (app, _) = screen("ff", 80, 24);
    assert_eq!(visible_ids(&app), ["growth", "roots", "leaves"]);
    // Round the cycle (overview, mechanism, risk, procedure) and back to everything.
    let (app, text) = screen("fffff", 80, 24);
    assert_eq!(app.filter(), None);
    assert!(!text.contains("filter:"));
    assert_eq!(
        selected_id(&app),
        "care",
        "the last filter's first match stays selected"
    );
    let (app, _) = screen("F", 80, 24);
    assert_eq!(app.filter_label().as_deref(), Some("procedures"));
}

#[test]
fn following_a_link_out_of_the_filter_lifts_it() {
    let (app, text) = screen("f]<enter>", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    assert_eq!(app.filter(), None);
    assert!(text.contains("Filter cleared"), "{text}");
}

#[test]
fn bookmarks_are_added_listed_jumped_to_and_removed() {
    let (app, text) = screen("mjm'", 80, 24);
    assert_eq!(*app.overlay(), Overlay::Bookmarks { cursor: 0 });
    insta::assert_snapshot!("bookmarks_80x24", text);
    let (app, _) = screen("mjm'<enter>", 80, 24);
    assert_eq!(selected_id(&app), "welcome");
    let (app, _) = screen("mjmg'j<enter>", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    let (app, text) = screen("mjm'd", 80, 24);
    let left: Vec<String> = app.bookmarks().iter().map(|&b| id_of(&app, b)).collect();
    assert_eq!(left, ["growth"]);
    assert!(text.contains("Bookmarks (1)"), "{text}");
    let (app, _) = screen("mm", 80, 24);
    assert!(app.bookmarks().is_empty(), "m again removes it");
    let (_, text) = screen("m", 80, 24);
    assert!(text.contains("★ Welcome"), "{text}");
}

#[test]
fn y_copies_the_topic_as_clean_plain_text() {
    let (app, text) = screen("y", 80, 24);
    let copied = app.clipboard().expect("text for the clipboard");
    assert!(copied.starts_with("Top › Welcome\nWelcome\n"), "{copied}");
    assert!(copied.contains("Start with How plants grow or jump to the pests."));
    assert!(!copied.chars().any(|c| c.is_control() && c != '\n'));
    assert!(text.contains("Copied “Welcome”"), "{text}");
    let sequence = hepatree::clipboard::osc52(copied);
    assert!(sequence.starts_with("\x1b]52;c;") && sequence.ends_with("\x1b\\"));
}

#[test]
fn clicking_a_link_follows_it() {
    let mut app = app_with(&DARK);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let buffer = play(&mut app, &mut terminal, "").expect("keys");
    let detail = app.pane_areas().1;
    let row = (detail.y..detail.bottom())
        .find(|&y| {
            (detail.x..detail.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("the pests")
        })
        .expect("the link is on screen");
    let line: String = (detail.x..detail.right())
        .map(|x| buffer[(x, row)].symbol())
        .collect();
    let column = detail.x + u16::try_from(line.find("the pests").expect("found")).expect("fits");
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: column + 1,
        row,
        modifiers: KeyModifiers::NONE,
    });
    draw(&mut app, &mut terminal);
    assert_eq!(selected_id(&app), "pests");
    // Once the terminal is too small to draw the panes, the tree's first row (Welcome) takes
    // no click.
    let tree = app.pane_areas().0;
    terminal.backend_mut().resize(30, 8);
    draw(&mut app, &mut terminal);
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: tree.x + 4,
        row: tree.y + 1,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(selected_id(&app), "pests", "no click on a pane not drawn");
}
