//! Drawing the explorer as a function of its state.
//!
//! The screen is a function of [`App`]. This file lays out the regions and hands each to
//! its module. What drawing writes is only what the screen shows where: the panes' areas,
//! the hit map of rows, links and terms (for the mouse), the detail pane's height and the
//! tree's scroll offset.

mod detail;
mod footer;
mod header;
mod help;
mod lists;
mod problems;
mod prompt;
mod search;
mod tree;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Overlay};

/// Below this size the panes cannot show anything useful.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

impl Widget for &mut App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.view.hits.clear();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            // No pane is drawn, so none may take a click meant for the last frame's layout.
            self.view.tree_area = Rect::default();
            self.view.detail_area = Rect::default();
            render_too_small(area, buf);
            return;
        }
        let [top, body, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        header::render(self, top, buf);
        let tree_width = self.view.tree_width(body.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(tree_width), Constraint::Fill(1)]).areas(body);
        // What the layout settles (the panes' areas, the topic's layout and scroll, the
        // help's scroll) is settled first; then everything is drawn from the state as it is,
        // recording only the hit map and the tree's scroll offset.
        self.view.tree_area = left;
        self.view.detail_area = right;
        detail::lay_out(self, right);
        if let Overlay::Help { scroll } = &mut self.view.overlay {
            *scroll = help::clamp_scroll(self.view.theme, *scroll, body);
        }
        let mut hits = std::mem::take(&mut self.view.hits);
        let mut list_state = std::mem::take(&mut self.view.tree_list);
        let app: &App = self;
        if !left.is_empty() {
            tree::render(app, &mut list_state, &mut hits, left, buf);
        }
        detail::render(app, &mut hits, right, buf);
        footer::render(app, bottom, buf);
        match &app.view.overlay {
            // The find prompt is the footer; the matches are drawn in the topic.
            Overlay::None | Overlay::Find { .. } => {}
            Overlay::Search(search) => search::render(app, search, body, buf),
            Overlay::Help { scroll } => help::render(app, *scroll, body, buf),
            Overlay::Problems { scroll } => problems::render(app, *scroll, body, buf),
            Overlay::Bookmarks { .. } => lists::render_bookmarks(app, body, buf),
            Overlay::Definition { node, .. } => lists::render_definition(app, *node, body, buf),
        }
        self.view.hits = hits;
        self.view.tree_list = list_state;
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let message = format!(
        "Terminal too small ({}×{}). hepatree needs {MIN_WIDTH}×{MIN_HEIGHT}. q quits.",
        area.width, area.height
    );
    Paragraph::new(Line::from(message).centered())
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// A centred rectangle of at most `width`×`height` inside `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
