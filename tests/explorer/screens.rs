//! Whole screens and key-sequence scenarios on a small, stable fixture, through a test
//! backend: every key goes through the keymap and `update`, and the screen is drawn after each.

use crate::support;

use hepatree::screenshot::{draw, play};
use hepatree::theme::{DARK, MONO};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use support::{app_with, screen, selected_id};

/// A screen at 80×24; with `both`, at 120×40 too, for screens where the larger size shows
/// something the smaller cannot (the layout's proportions, the whole help).
macro_rules! snapshot {
    ($name:literal, $keys:literal) => {
        snapshot!($name, $keys, [(80, 24)])
    };
    ($name:literal, $keys:literal, both) => {
        snapshot!($name, $keys, [(80, 24), (120, 40)])
    };
    ($name:literal, $keys:literal, $sizes:expr) => {
        for (width, height) in $sizes {
            let (_, text) = screen($keys, width, height);
            insta::assert_snapshot!(format!("{}_{width}x{height}", $name), text);
        }
    };
}

#[test]
fn start_screen() {
    snapshot!("start", "", both);
}

#[test]
fn branch_expanded() {
    snapshot!("expanded", "jl");
}

#[test]
fn long_topic_scrolled() {
    snapshot!("scrolled", "jjlj<tab><pgdn>");
}

#[test]
fn search_while_typing() {
    snapshot!("search_typing", "/wat");
}

#[test]
fn search_without_results() {
    snapshot!("search_none", "/zqxv");
}

#[test]
fn help_overlay() {
    snapshot!("help", "?", both);
}

#[test]
fn too_small_terminal() {
    let (_, text) = screen("", 30, 8);
    insta::assert_snapshot!("too_small_30x8", text);
    // Rendered straight into buffers: a terminal cannot be 0×0, a buffer can.
    for (width, height) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (39, 10),
        (40, 9),
        (40, 10),
        (300, 120),
    ] {
        let mut app = app_with(&DARK);
        for key in hepatree::keys::parse("jl/x<down><enter>?").expect("keys") {
            app.handle_key(key);
            let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
            Widget::render(&mut app, buffer.area, &mut buffer);
        }
    }
}

#[test]
fn tree_keys_move_open_and_close() {
    let (app, _) = screen("jl", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    let (app, _) = screen("jll", 80, 24);
    assert_eq!(selected_id(&app), "roots");
    let (app, _) = screen("jllh", 80, 24);
    assert_eq!(selected_id(&app), "growth");
    let (app, text) = screen("jl<enter>", 80, 24);
    assert!(
        !text.contains("│    Roots and soil"),
        "branch closed again:\n{text}"
    );
    assert_eq!(selected_id(&app), "growth");
    let (app, _) = screen("G", 80, 24);
    assert_eq!(selected_id(&app), ":sources");
    let (app, _) = screen("Gg", 80, 24);
    assert_eq!(selected_id(&app), "welcome");
    let (app, _) = screen("<end><up><home><pgdn>", 80, 24);
    assert_eq!(selected_id(&app), ":sources");
}

#[test]
fn search_jump_opens_ancestors_and_highlights_the_match() {
    let (app, text) = screen("/mycorrhizal<enter>", 120, 40);
    assert_eq!(selected_id(&app), "roots");
    assert!(text.contains("▾ How plants grow"), "{text}");
    assert!(
        text.contains("Top › How plants grow › Roots and soil"),
        "{text}"
    );
    let highlight = app.detail().highlight.clone();
    assert!(highlight.matches("Mycorrhizal"));
}

#[test]
fn search_jump_scrolls_to_a_body_match_below_the_fold() {
    let (app, text) = screen("/drought<enter>", 80, 24);
    assert_eq!(selected_id(&app), "watering");
    assert!(app.detail().scroll > 0, "scrolled to the match");
    assert!(text.contains("drought"), "{text}");
}

#[test]
fn typo_still_finds_the_word() {
    let (app, _) = screen("/mycorrizal<enter>", 80, 24);
    assert_eq!(selected_id(&app), "roots");
}

#[test]
fn escape_returns_to_where_you_were() {
    let (app, _) = screen("jjl<tab><pgdn>/aphid<down><esc>", 80, 24);
    assert_eq!(selected_id(&app), "care");
    assert!(*app.overlay() == hepatree::app::Overlay::None);
}

#[test]
fn choosing_results_with_arrows_and_control_keys() {
    let (app, _) = screen("/water<c-n><c-n><c-p><down><enter>", 80, 24);
    let (reference, _) = screen("/water<down><down><enter>", 80, 24);
    assert_eq!(selected_id(&app), selected_id(&reference));
}

#[test]
fn quit_keys() {
    assert!(screen("q", 80, 24).0.should_quit());
    assert!(screen("/<c-c>", 80, 24).0.should_quit());
    assert!(
        !screen("/q", 80, 24).0.should_quit(),
        "q is typed into the query"
    );
}

#[test]
fn search_matches_are_highlighted_on_screen() {
    let mut app = app_with(&DARK);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let buffer = play(&mut app, &mut terminal, "/aphid").expect("keys");
    let styled: String = buffer
        .content()
        .iter()
        .filter(|cell| {
            cell.fg == DARK.matched.fg.expect("a colour")
                && cell.modifier.contains(Modifier::UNDERLINED)
        })
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(
        styled.to_lowercase().contains("aphid"),
        "highlighted: {styled:?}"
    );
}

#[test]
fn no_color_keeps_the_selection_visible_in_reverse_video() {
    let mut app = app_with(&MONO);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let buffer = play(&mut app, &mut terminal, "").expect("keys");
    let cell = buffer.cell((3, 2)).expect("first tree row");
    assert!(cell.modifier.contains(Modifier::REVERSED));
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset)
    );
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_it_and_click_selects() {
    let mut app = app_with(&DARK);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    play(&mut app, &mut terminal, "jjlj").expect("keys");
    let event = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(event(MouseEventKind::ScrollDown, 50, 10));
    draw(&mut app, &mut terminal);
    assert_eq!(app.detail().scroll, 3);
    assert_eq!(selected_id(&app), "watering");
    app.handle_mouse(event(MouseEventKind::Down(MouseButton::Left), 5, 2));
    draw(&mut app, &mut terminal);
    assert_eq!(selected_id(&app), "welcome");
    assert_eq!(app.detail().scroll, 0);
}

#[test]
fn resizing_lays_out_again() {
    let mut app = app_with(&DARK);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    play(&mut app, &mut terminal, "jl").expect("keys");
    terminal.backend_mut().resize(60, 20);
    draw(&mut app, &mut terminal);
    let text = terminal.backend().to_string();
    // The test backend quotes each line.
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.chars().count() == 60 + 2),
        "{text}"
    );
    assert!(text.contains("How plants grow"));
}

#[test]
fn help_lists_every_binding_of_the_keymap() {
    let (_, text) = screen("?", 120, 140);
    for binding in hepatree::keymap::BINDINGS {
        let keys = hepatree::keymap::keys_label(binding.keys);
        let row = format!("{keys:<22}{}", binding.label);
        assert!(text.contains(&row), "{row:?} missing from help:\n{text}");
    }
    for context in ["Bookmark list", "Term definition"] {
        assert!(text.contains(context), "{context}");
    }
}
