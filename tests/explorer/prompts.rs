//! Find in the topic, and the two prompts' line editing, paging and history.

use crate::support;

use hepatree::app::{Focus, Overlay};
use support::{app_with, play_on, screen, selected_id};

fn query(app: &hepatree::app::App) -> String {
    match app.overlay() {
        Overlay::Search(search) => search.query().to_owned(),
        Overlay::Find { prompt, .. } => prompt.value().to_owned(),
        other => panic!("no prompt open: {other:?}"),
    }
}

#[test]
fn find_lights_up_matches_as_typed_and_n_steps_through_them() {
    // Welcome says "plants" twice ("how plants grow", "How plants grow").
    let (app, text) = screen("<c-f>plant", 80, 24);
    let bottom = text.lines().last().unwrap_or_default();
    assert!(bottom.contains("Find: plant"), "{bottom}");
    assert!(bottom.contains("1/2"), "{bottom}");
    assert_eq!(app.focus(), Focus::Detail);
    let (app, text) = screen("<c-f>plant<enter>", 80, 24);
    assert_eq!(*app.overlay(), Overlay::None);
    assert!(text.contains("“plant” 1/2"), "{text}");
    let current = |keys: &str| {
        let (app, _) = screen(keys, 80, 24);
        app.detail().find.as_ref().map(|f| f.current)
    };
    assert_eq!(current("<c-f>plant<enter>n"), Some(1));
    assert_eq!(current("<c-f>plant<enter>nn"), Some(0), "n wraps");
    assert_eq!(current("<c-f>plant<enter>N"), Some(1), "N wraps back");
    assert_eq!(current("<c-f>plant<enter><esc>"), None, "Esc clears");
    let (app, _) = screen("<c-f>plant<enter><esc><esc>", 80, 24);
    assert_eq!(app.focus(), Focus::Tree, "a second Esc goes to the tree");
}

#[test]
fn find_says_when_nothing_matches_and_esc_while_typing_puts_the_page_back() {
    let (app, text) = screen("<c-f>zebra", 80, 24);
    assert!(text.lines().last().unwrap_or_default().contains("no match"));
    let (app2, text) = screen("<c-f>zebra<enter>", 80, 24);
    assert!(text.contains("Not found in this topic: zebra"), "{text}");
    assert!(app2.detail().find.is_none());
    // A message longer than the footer ends in "…" at its edge.
    let (_, text) = screen("<c-f>zebras in the vegetable garden<enter>", 40, 24);
    let footer = text.lines().last().unwrap_or_default();
    assert!(
        footer.contains("Not found in this topic: zebras in th…"),
        "{footer}"
    );
    drop(app);
    let (app, _) = screen("jjlj<tab><pgdn><c-f>the<esc>", 80, 24);
    let (before, _) = screen("jjlj<tab><pgdn>", 80, 24);
    assert_eq!(app.detail().scroll, before.detail().scroll);
    assert!(app.detail().find.is_none());
    let (app, text) = screen("n", 80, 24);
    assert!(text.contains("Nothing to find yet"), "{text}");
    assert_eq!(selected_id(&app), "welcome");
}

#[test]
fn matches_are_drawn_in_the_found_style() {
    let mut app = app_with(&hepatree::theme::DARK);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    let buffer =
        hepatree::screenshot::play(&mut app, &mut terminal, "<c-f>plant<enter>n").expect("keys");
    let detail = app.pane_areas().1;
    let styled = |style: ratatui::style::Style| -> String {
        (detail.y..detail.bottom())
            .flat_map(|y| (detail.x..detail.right()).map(move |x| (x, y)))
            .map(|at| &buffer[at])
            .filter(|c| Some(c.bg) == style.bg)
            .map(ratatui::buffer::Cell::symbol)
            .collect()
    };
    assert_eq!(styled(hepatree::theme::DARK.found), "plant");
    assert_eq!(
        styled(hepatree::theme::DARK.selected),
        "plant",
        "the current one"
    );
}

#[test]
fn the_search_prompt_edits_like_a_shell_line() {
    let (app, _) = screen("/wter<left><left><left>a", 80, 24);
    assert_eq!(query(&app), "water");
    let (app, _) = screen("/water<home>x<end>y", 80, 24);
    assert_eq!(query(&app), "xwatery");
    let (app, _) = screen("/water<c-a><del><c-e><bs>", 80, 24);
    assert_eq!(query(&app), "ate");
    let (app, _) = screen("/dry soil<c-w>", 80, 24);
    assert_eq!(query(&app), "dry ");
    let (app, _) = screen("/dry soil<left><left><c-k>", 80, 24);
    assert_eq!(query(&app), "dry so");
    let (app, _) = screen("/dry soil<left><left><c-u>", 80, 24);
    assert_eq!(query(&app), "il");
    let (app, text) = screen("/water<left><left>", 80, 24);
    assert_eq!(query(&app), "water");
    assert!(text.contains("/ water"), "{text}");
}

#[test]
fn results_page_and_jump_to_either_end_and_show_the_position() {
    // At 80×12 a page holds three results (two rows each).
    let cursor = |keys: &str| {
        let (app, text) = screen(keys, 80, 12);
        let Overlay::Search(search) = app.overlay() else {
            panic!("search open")
        };
        (search.cursor, search.hits.len(), text)
    };
    let (_, total, text) = cursor("/a");
    assert!(total >= 4, "enough results to page: {total}");
    assert!(text.contains(&format!("1/{total} results")), "{text}");
    let (at, _, text) = cursor("/a<c-end>");
    assert_eq!(at, total - 1);
    assert!(text.contains(&format!("{total}/{total} results")), "{text}");
    assert_eq!(cursor("/a<c-end><c-home>").0, 0);
    assert_eq!(
        cursor("/a<a-gt>").0,
        total - 1,
        "Alt-> also goes to the last"
    );
    assert_eq!(cursor("/a<pgdn>").0, 3);
    assert_eq!(cursor("/a<pgdn><pgup>").0, 0);
}

#[test]
fn earlier_queries_come_back_with_alt_up_and_the_session_keeps_them() {
    let mut app = app_with(&hepatree::theme::DARK);
    play_on(&mut app, "/water<enter>/mulch<enter>/", 80, 24);
    play_on(&mut app, "<a-up>", 80, 24);
    assert_eq!(query(&app), "mulch");
    play_on(&mut app, "<a-up>", 80, 24);
    assert_eq!(query(&app), "water");
    play_on(&mut app, "<a-up><a-down>", 80, 24);
    assert_eq!(query(&app), "mulch");
    play_on(&mut app, "<esc>", 80, 24);
    assert_eq!(app.session().queries, ["water", "mulch"]);
}
