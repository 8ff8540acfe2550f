//! The explorer's state and its single `update`. Keys and mouse events are turned into
//! [`Action`]s (through the keymap) and applied here; `ui.rs` draws whatever this holds.

mod detail;
mod search_state;

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::ListState;

pub use self::detail::DetailState;
pub use self::search_state::{Origin, SearchState};
use crate::action::Action;
use crate::catalog::Catalog;
use crate::keymap::{self, Context};
use crate::outline::Outline;
use crate::search::{Field, SearchIndex};
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Search,
    Help,
}

/// Rows the mouse wheel moves per notch.
const WHEEL_STEP: isize = 3;

pub struct App {
    pub catalog: Catalog,
    pub index: SearchIndex,
    pub outline: Outline,
    pub focus: Focus,
    pub overlay: Overlay,
    pub search: SearchState,
    pub detail: DetailState,
    pub help_scroll: usize,
    pub tree_list: ListState,
    /// Where the panes were drawn last, for the mouse and for paging.
    pub tree_area: Rect,
    pub detail_area: Rect,
    pub theme: &'static Theme,
    pub should_quit: bool,
}

impl App {
    pub fn new(catalog: Catalog, theme: &'static Theme) -> Self {
        let index = SearchIndex::new(&catalog);
        let outline = Outline::new(&catalog);
        Self {
            catalog,
            index,
            outline,
            focus: Focus::Tree,
            overlay: Overlay::None,
            search: SearchState::default(),
            detail: DetailState::default(),
            help_scroll: 0,
            tree_list: ListState::default(),
            tree_area: Rect::default(),
            detail_area: Rect::default(),
            theme,
            should_quit: false,
        }
    }

    /// Draws, waits for an event, applies it; until the reader quits.
    pub fn run(mut self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        // crossterm starts listening for resizes when its event source is first used; do it
        // before the first frame so a resize right after start is not lost.
        event::poll(std::time::Duration::ZERO)?;
        while !self.should_quit {
            terminal.draw(|frame| frame.render_widget(&mut self, frame.area()))?;
            match event::read()? {
                Event::Key(key) if key.is_press() => self.handle_key(key),
                Event::Mouse(mouse) => self.handle_mouse(mouse),
                _ => {}
            }
        }
        Ok(())
    }

    /// The keymap contexts that apply now, most specific last in lookup order.
    pub fn contexts(&self) -> Vec<Context> {
        match self.overlay {
            Overlay::Search => vec![Context::Always, Context::Search],
            Overlay::Help => vec![Context::Always, Context::Help],
            Overlay::None => {
                let pane = match self.focus {
                    Focus::Tree => Context::Tree,
                    Focus::Detail => Context::Detail,
                };
                vec![Context::Always, Context::Browse, pane]
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Some(action) = keymap::action_for(&self.contexts(), key) {
            self.update(action);
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.outline.selected()
    }

    /// The only place that changes the explorer's state.
    pub fn update(&mut self, action: Action) {
        let before = self.selected();
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => self.toggle_help(),
            Action::CloseOverlay => self.overlay = Overlay::None,
            Action::SwitchFocus => self.switch_focus(),
            Action::SelectNext => self.outline.select_next(),
            Action::SelectPrevious => self.outline.select_previous(),
            Action::SelectFirst => self.outline.select_first(),
            Action::SelectLast => self.outline.select_last(),
            Action::PageDown => self.outline.move_by(self.tree_page()),
            Action::PageUp => self.outline.move_by(-self.tree_page()),
            Action::ExpandOrEnter => self.outline.expand_or_enter(),
            Action::CollapseOrLeave => self.outline.collapse_or_leave(),
            Action::ToggleNode => self.outline.toggle(),
            Action::CollapseAll => self.outline.close_all(),
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::ScrollPageDown => self.detail.scroll_by(self.detail.page()),
            Action::ScrollPageUp => self.detail.scroll_by(-self.detail.page()),
            Action::ScrollTop => self.detail.scroll = 0,
            Action::ScrollBottom => self.detail.scroll_to_bottom(),
            Action::OpenSearch => self.open_search(),
            Action::SearchInput(c) => self.search.push(c, &self.catalog, &self.index),
            Action::SearchBackspace => self.search.backspace(&self.catalog, &self.index),
            Action::SearchDeleteWord => self.search.delete_word(&self.catalog, &self.index),
            Action::SearchNext => self.search.move_cursor(1),
            Action::SearchPrevious => self.search.move_cursor(-1),
            Action::SearchAccept => self.accept_search(),
            Action::SearchCancel => self.cancel_search(),
        }
        if self.selected() != before
            && !matches!(action, Action::SearchAccept | Action::SearchCancel)
        {
            self.detail.reset();
        }
    }

    fn toggle_help(&mut self) {
        self.help_scroll = 0;
        self.overlay = match self.overlay {
            Overlay::Help => Overlay::None,
            _ => Overlay::Help,
        };
    }

    fn switch_focus(&mut self) {
        self.focus = match self.focus {
            Focus::Tree => Focus::Detail,
            Focus::Detail => Focus::Tree,
        };
    }

    fn tree_page(&self) -> isize {
        isize::try_from(self.tree_area.height.saturating_sub(3).max(1)).unwrap_or(1)
    }

    fn scroll(&mut self, delta: isize) {
        if self.overlay == Overlay::Help {
            self.help_scroll = self.help_scroll.saturating_add_signed(delta);
        } else {
            self.detail.scroll_by(delta);
        }
    }

    fn open_search(&mut self) {
        let origin = Origin {
            node: self.selected(),
            scroll: self.detail.scroll,
        };
        self.search.open(origin, &self.catalog, &self.index);
        self.overlay = Overlay::Search;
    }

    fn accept_search(&mut self) {
        let Some(hit) = self.search.chosen().cloned() else {
            return;
        };
        self.overlay = Overlay::None;
        self.outline.reveal(hit.node);
        self.detail.reset();
        self.detail.highlight = hit.highlight;
        self.detail.scroll_to_match = hit.field == Field::Body;
    }

    fn cancel_search(&mut self) {
        self.overlay = Overlay::None;
        if let Some(origin) = self.search.origin.take() {
            if let Some(node) = origin.node {
                self.outline.reveal(node);
            }
            self.detail.scroll = origin.scroll;
        }
    }

    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        let at = Position::new(mouse.column, mouse.row);
        let before = self.selected();
        match mouse.kind {
            MouseEventKind::ScrollDown => self.wheel(at, WHEEL_STEP),
            MouseEventKind::ScrollUp => self.wheel(at, -WHEEL_STEP),
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            _ => {}
        }
        if self.selected() != before {
            self.detail.reset();
        }
    }

    fn wheel(&mut self, at: Position, delta: isize) {
        match self.overlay {
            Overlay::Search => self.search.move_cursor(delta.signum()),
            Overlay::Help => self.help_scroll = self.help_scroll.saturating_add_signed(delta),
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
}
