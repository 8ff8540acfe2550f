//! Helpers shared by the screen tests: the small fixture, keys played through a test
//! backend, and what is selected.

#![allow(dead_code)]

use hepatree::app::App;
use hepatree::catalog::{Catalog, NodeId};
use hepatree::knowledge;
use hepatree::screenshot::play;
use hepatree::theme::{DARK, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const FIXTURE: &str = include_str!("../fixtures/small.ron");

pub fn app_with(theme: &'static Theme) -> App {
    let kb = knowledge::parse(FIXTURE).expect("fixture is valid");
    App::new(Catalog::new(kb), theme)
}

/// The app after `keys` at `width`×`height`, and the screen as text.
pub fn screen(keys: &str, width: u16, height: u16) -> (App, String) {
    let mut app = app_with(&DARK);
    let text = play_on(&mut app, keys, width, height);
    (app, text)
}

/// Plays `keys` on an existing app and returns the last screen as text.
pub fn play_on(app: &mut App, keys: &str, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    play(app, &mut terminal, keys).expect("keys");
    terminal.backend().to_string()
}

pub fn selected_id(app: &App) -> String {
    id_of(app, app.selected().expect("a selection"))
}

pub fn id_of(app: &App, node: NodeId) -> String {
    app.catalog().node(node).id.clone()
}

/// Ids of the rows the tree shows, in order.
pub fn visible_ids(app: &App) -> Vec<String> {
    app.outline()
        .rows()
        .iter()
        .map(|r| id_of(app, r.node))
        .collect()
}
