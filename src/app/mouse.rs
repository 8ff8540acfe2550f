//! The mouse: the wheel scrolls whatever is under it, a click selects a tree row (or opens
//! and closes it when already selected), and a click on a link or term follows it.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::{App, Focus, Overlay};
use crate::document::display_width;

/// Rows the mouse wheel moves per notch.
const WHEEL_STEP: isize = 3;

impl App {
    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        let at = Position::new(mouse.column, mouse.row);
        let before = self.selected();
        match mouse.kind {
            MouseEventKind::ScrollDown => self.wheel(at, WHEEL_STEP),
            MouseEventKind::ScrollUp => self.wheel(at, -WHEEL_STEP),
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            _ => return,
        }
        self.status = None;
        if self.selected() != before && self.overlay == Overlay::None {
            self.detail.reset();
        }
    }

    fn wheel(&mut self, at: Position, delta: isize) {
        match self.overlay {
            Overlay::Search => self
                .search
                .move_cursor(delta.signum(), &self.catalog, &self.index),
            Overlay::Help => self.help_scroll = self.help_scroll.saturating_add_signed(delta),
            Overlay::Bookmarks | Overlay::Term(_) => self.move_list(delta.signum()),
            Overlay::None if self.tree_area.contains(at) => self.outline.move_by(delta),
            Overlay::None if self.detail_area.contains(at) => self.detail.scroll_by(delta),
            Overlay::None => {}
        }
    }

    fn click(&mut self, at: Position) {
        if self.overlay != Overlay::None {
            return;
        }
        if self.detail_area.contains(at) {
            self.focus = Focus::Detail;
            if let Some(target) = self.target_at(at) {
                self.detail.selected = Some(target);
                self.follow_target();
            }
        } else if self.tree_area.contains(at) && at.y > self.tree_area.y {
            self.focus = Focus::Tree;
            let row = self.tree_list.offset() + usize::from(at.y - self.tree_area.y - 1);
            if self.outline.cursor() == row {
                self.outline.toggle();
            } else {
                self.outline.select_row(row);
            }
        }
    }

    /// The link or term drawn at a screen position, from the layout of the last frame (the
    /// pane's text starts inside its border and a one-column margin).
    fn target_at(&self, at: Position) -> Option<usize> {
        let area = self.detail_area;
        let row = usize::from(at.y.checked_sub(area.y + 1)?);
        let mut column = usize::from(at.x.checked_sub(area.x + 2)?);
        let document = self.detail.cached(self.selected()?)?;
        let line = document.lines.get(self.detail.scroll + row)?;
        for segment in line {
            let width = display_width(&segment.text);
            if column < width {
                let before_text = segment.text.len() - segment.text.trim_start().len();
                return segment.target.filter(|_| column >= before_text);
            }
            column -= width;
        }
        None
    }
}
