//! The mouse: each event is looked up in what the last frame drew ([`super::hits`]) and
//! becomes an [`Action`], carried out by `update` like a key. The wheel scrolls whatever is
//! under it, a click selects a tree row (or opens and closes it when already selected), and
//! a click on a link or term follows it.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::hits::Hit;
use super::{App, Focus, Overlay};
use crate::action::Action;

/// Rows the mouse wheel moves per notch.
const WHEEL_STEP: isize = 3;

impl App {
    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        let at = Position::new(mouse.column, mouse.row);
        let action = match mouse.kind {
            MouseEventKind::ScrollDown => self.wheel(at, WHEEL_STEP),
            MouseEventKind::ScrollUp => self.wheel(at, -WHEEL_STEP),
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            _ => return,
        };
        let effect = action.and_then(|action| self.update(action));
        // A click or the wheel leaves no message of its own; one from its effect stays.
        self.view.status = None;
        if let Some(effect) = effect {
            self.apply(effect);
        }
    }

    const fn wheel(&self, at: Position, delta: isize) -> Option<Action> {
        let (next, previous) = match self.view.overlay {
            Overlay::Search(_) => (Action::SearchNext, Action::SearchPrevious),
            Overlay::Bookmarks { .. } | Overlay::Definition { .. } => {
                (Action::ListNext, Action::ListPrevious)
            }
            Overlay::Help { .. } | Overlay::Problems { .. } | Overlay::Find { .. } => {
                return Some(Action::ScrollBy(delta));
            }
            Overlay::None if self.view.tree_area.contains(at) => {
                return Some(Action::MoveBy(delta));
            }
            Overlay::None if self.view.detail_area.contains(at) => {
                return Some(Action::ScrollBy(delta));
            }
            Overlay::None => return None,
        };
        Some(if delta > 0 { next } else { previous })
    }

    fn click(&self, at: Position) -> Option<Action> {
        if self.view.overlay != Overlay::None {
            return None;
        }
        let hit = self.view.hits.at(at, self.selected());
        if self.view.detail_area.contains(at) {
            let target = match hit {
                Some(Hit::Target(target)) => Some(target),
                _ => None,
            };
            Some(Action::ClickDetail(target))
        } else if self.view.tree_area.contains(at) && at.y > self.view.tree_area.y {
            let row = match hit {
                Some(Hit::Row(row)) => Some(row),
                _ => None,
            };
            Some(Action::ClickTree(row))
        } else {
            None
        }
    }

    /// Carries out what the mouse asked for.
    pub(super) fn point(&mut self, action: Action) {
        match action {
            Action::MoveBy(delta) => self.nav.outline.move_by(delta),
            Action::ScrollBy(delta) => self.scroll(delta),
            Action::ClickTree(row) => {
                self.view.focus = Focus::Tree;
                match row {
                    Some(row) if self.nav.outline.cursor() == row => self.nav.outline.toggle(),
                    Some(row) => self.nav.outline.select_row(row),
                    None => {}
                }
            }
            Action::ClickDetail(target) => {
                self.view.focus = Focus::Detail;
                if target.is_some() {
                    self.view.detail.selected = target;
                    self.follow_target();
                }
            }
            _ => {}
        }
    }
}
