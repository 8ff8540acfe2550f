//! The explorer's state and its single `update`. Keys and mouse events are turned into
//! [`Action`]s (through the keymap) and applied here; `ui.rs` draws whatever this holds.

mod detail;
mod hits;
mod lists;
mod mouse;
mod navigate;
mod search_state;
mod searching;
mod session;

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEvent};
use ratatui::layout::Rect;
use ratatui::widgets::ListState;

pub use self::detail::DetailState;
pub use self::hits::{Hit, HitMap};
pub use self::search_state::{Origin, SearchState};
use crate::action::{Action, Effect};
use crate::catalog::Catalog;
use crate::history::History;
use crate::input;
use crate::keymap::{self, Context};
use crate::knowledge::Kind;
use crate::outline::Outline;
use crate::search::SearchIndex;
use crate::session_store::Store;
use crate::signals::Stop;
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The search prompt and its results.
    Search(Box<SearchState>),
    /// The keys, scrolled this far.
    Help {
        scroll: usize,
    },
    /// The bookmark list, with the row chosen.
    Bookmarks {
        cursor: usize,
    },
    /// A glossary term's definition, opened from the topic that uses it, with the row
    /// chosen in its list (the entry itself, then related topics).
    Term {
        node: usize,
        cursor: usize,
    },
}

pub struct App {
    pub catalog: Catalog,
    pub index: SearchIndex,
    pub outline: Outline,
    pub focus: Focus,
    pub overlay: Overlay,
    pub detail: DetailState,
    pub tree_list: ListState,
    /// Where the panes were drawn last, for the mouse and for paging.
    pub tree_area: Rect,
    pub detail_area: Rect,
    /// What the last frame drew where, for the mouse.
    pub hits: HitMap,
    pub theme: &'static Theme,
    pub should_quit: bool,
    pub history: History,
    pub bookmarks: Vec<usize>,
    /// The kinds a filter can show, in the order the filter key cycles through them.
    pub filter_kinds: Vec<Kind>,
    /// Index into `filter_kinds` of the filter in force.
    pub filter: Option<usize>,
    /// A one-line message for the reader, shown in the footer until the next key.
    pub status: Option<String>,
    /// Text waiting to be sent to the clipboard by the terminal loop.
    pub clipboard: Option<String>,
    /// Where the session is saved between runs; none in tests that do not ask for one.
    pub store: Option<Store>,
    /// The knowledge file's name, recorded in the saved session.
    pub knowledge_name: String,
}

impl App {
    pub fn new(catalog: Catalog, theme: &'static Theme) -> Self {
        let index = SearchIndex::new(&catalog);
        let outline = Outline::new(&catalog);
        let filter_kinds = navigate::filter_kinds(&catalog);
        Self {
            catalog,
            index,
            outline,
            focus: Focus::Tree,
            overlay: Overlay::None,
            detail: DetailState::default(),
            tree_list: ListState::default(),
            tree_area: Rect::default(),
            detail_area: Rect::default(),
            hits: HitMap::default(),
            theme,
            should_quit: false,
            history: History::default(),
            bookmarks: Vec::new(),
            filter_kinds,
            filter: None,
            status: None,
            clipboard: None,
            store: None,
            knowledge_name: String::new(),
        }
    }

    /// Draws, waits for an event, applies it; until the reader quits. `pending` holds events
    /// that arrived before the explorer was ready (while a large file loaded); they are
    /// applied first, in order, each after a frame as if typed now.
    /// A termination signal (`stop`) or the loss of the terminal ends the loop like `q`.
    pub fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        pending: Vec<Event>,
        stop: &Stop,
    ) -> io::Result<()> {
        // crossterm starts listening for resizes when its event source is first used; do it
        // before the first frame so a resize right after start is not lost.
        event::poll(std::time::Duration::ZERO)?;
        let mut pending = pending.into_iter();
        while !self.should_quit {
            if let Err(error) = terminal.draw(|frame| frame.render_widget(&mut *self, frame.area()))
            {
                return input::gone_or(error);
            }
            let next = pending
                .next()
                .map_or_else(|| input::next(stop), |e| Ok(Some(e)))?;
            let Some(event) = next else {
                return Ok(());
            };
            match event {
                Event::Key(key) if key.is_press() => self.handle_key(key),
                Event::Mouse(mouse) => self.handle_mouse(mouse),
                _ => {}
            }
            if let Some(text) = self.clipboard.take()
                && let Err(error) = crate::clipboard::send(terminal.backend_mut(), &text)
            {
                return input::gone_or(error);
            }
        }
        Ok(())
    }

    /// The keymap contexts that apply now, most specific last in lookup order.
    pub fn contexts(&self) -> Vec<Context> {
        match self.overlay {
            Overlay::Search(_) => vec![Context::Always, Context::Search],
            Overlay::Help { .. } => vec![Context::Always, Context::Help],
            Overlay::Bookmarks { .. } => vec![Context::Always, Context::Bookmarks],
            Overlay::Term { .. } => vec![Context::Always, Context::Term],
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
        self.status = None;
        if let Some(action) = keymap::action_for(&self.contexts(), key)
            && let Some(effect) = self.update(action)
        {
            self.apply(effect);
        }
    }

    /// Carries out what an action asked of the world: the session is written, or the topic
    /// is made into text for the loop to send to the clipboard.
    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::SaveSession => self.persist(),
            Effect::Copy(node) => self.clipboard = Some(self.copy_text(node)),
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.outline.selected()
    }

    /// The only place that changes the explorer's state; what it asks of the world outside
    /// (saving, the clipboard) it returns as an [`Effect`].
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let before = self.selected();
        let mut effect = None;
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
            Action::TargetNext => self.select_target(1),
            Action::TargetPrevious => self.select_target(-1),
            Action::TargetFollow => self.follow_target(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::FilterNext => self.cycle_filter(1),
            Action::FilterPrevious => self.cycle_filter(-1),
            Action::ToggleBookmark => effect = self.toggle_bookmark(),
            Action::OpenBookmarks => self.overlay = Overlay::Bookmarks { cursor: 0 },
            Action::ListNext => self.move_list(1),
            Action::ListPrevious => self.move_list(-1),
            Action::ListAccept => self.accept_list(),
            Action::ListRemove => effect = self.remove_from_list(),
            Action::CopyTopic => effect = self.selected().map(Effect::Copy),
            Action::OpenSearch
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchDeleteWord
            | Action::SearchNext
            | Action::SearchPrevious
            | Action::SearchAccept
            | Action::SearchCancel => self.update_search(action),
            Action::MoveBy(_)
            | Action::ScrollBy(_)
            | Action::ClickTree(_)
            | Action::ClickDetail(_) => self.point(action),
        }
        if self.selected() != before && !navigate::keeps_scroll(action) {
            self.detail.reset();
        }
        effect
    }

    fn toggle_help(&mut self) {
        self.overlay = match self.overlay {
            Overlay::Help { .. } => Overlay::None,
            _ => Overlay::Help { scroll: 0 },
        };
    }

    const fn switch_focus(&mut self) {
        self.focus = match self.focus {
            Focus::Tree => Focus::Detail,
            Focus::Detail => Focus::Tree,
        };
    }

    fn tree_page(&self) -> isize {
        isize::try_from(self.tree_area.height.saturating_sub(3).max(1)).unwrap_or(1)
    }

    fn scroll(&mut self, delta: isize) {
        if let Overlay::Help { scroll } = &mut self.overlay {
            *scroll = scroll.saturating_add_signed(delta);
        } else {
            self.detail.scroll_by(delta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::parse;
    use crate::theme::COLOR;

    fn app() -> App {
        let text = r#"(title: "T", disclaimer: "D", topics: [
            (id: "a", title: "Alpha", kind: Overview, summary: "s", body: "Text."),
        ])"#;
        App::new(Catalog::new(parse(text).expect("valid")), &COLOR)
    }

    #[test]
    fn update_returns_its_effects_instead_of_doing_them() {
        let mut app = app();
        assert_eq!(
            app.update(Action::ToggleBookmark),
            Some(Effect::SaveSession)
        );
        assert_eq!(app.bookmarks, [0]);
        assert_eq!(app.update(Action::CopyTopic), Some(Effect::Copy(0)));
        assert!(
            app.clipboard.is_none(),
            "nothing copied until the effect runs"
        );
        app.apply(Effect::Copy(0));
        assert!(
            app.clipboard
                .as_deref()
                .is_some_and(|t| t.contains("Alpha"))
        );
        assert_eq!(app.update(Action::SelectNext), None);
    }
}
