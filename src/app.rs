//! The explorer's state and its single `update`. Keys and mouse events are turned into
//! [`Action`]s (through the keymap) and applied here; `ui.rs` draws whatever this holds.

mod browse;
mod detail;
mod finding;
mod hits;
mod lists;
mod mouse;
mod navigate;
mod panes;
mod parts;
mod prompt;
mod reading;
mod reloading;
mod run_loop;
mod search_state;
mod searching;
mod session;
mod view_of;

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use ratatui::crossterm::event::KeyEvent;

pub use self::detail::{DetailState, Finding};
pub use self::hits::{Hit, HitMap};
pub use self::parts::DEFAULT_MEASURE;
use self::parts::{Model, Navigation, View};
pub use self::prompt::Prompt;
pub use self::search_state::{Origin, SearchState};
use crate::action::{Action, Effect};
use crate::cache::Prepared;
use crate::catalog::{Catalog, NodeId};
use crate::keymap::{self, Context};
use crate::knowledge::Problem;
use crate::search::SearchIndex;
use crate::session_store::Store;
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
    /// The find prompt, over the topic, with where the page was when it opened.
    Find {
        prompt: Prompt,
        scroll: usize,
    },
    /// The keys, scrolled this far.
    Help {
        scroll: usize,
    },
    /// The problems the knowledge file was opened with, scrolled this far.
    Problems {
        scroll: usize,
    },
    /// The bookmark list, with the row chosen.
    Bookmarks {
        cursor: usize,
    },
    /// A glossary term's definition, opened from the topic that uses it, with the row
    /// chosen in its list (the entry itself, then related topics).
    Definition {
        node: NodeId,
        cursor: usize,
    },
}

pub struct App {
    pub(crate) model: Model,
    pub(crate) nav: Navigation,
    pub(crate) view: View,
    should_quit: bool,
    /// Text waiting to be sent to the clipboard by the terminal loop.
    clipboard: Option<String>,
    /// Where the session is saved between runs; none in tests that do not ask for one.
    store: Option<Store>,
    /// The reader asked to suspend (Ctrl-Z); the loop does it before the next frame.
    suspending: bool,
    /// The watch on the knowledge file, for live reload.
    watch: Option<crate::reload::Watch>,
    /// The line to open the editor at; the loop runs it before the next frame.
    editing: Option<usize>,
    /// Told once the first frame is out, so work that can wait (the index) waits for it.
    first_frame: Option<std::sync::mpsc::Sender<()>>,
}

impl App {
    pub fn new(catalog: Catalog, theme: &'static Theme) -> Self {
        let index = SearchIndex::new(&catalog);
        Self::prepared(
            Prepared {
                catalog: Arc::new(catalog),
                index,
                problems: Vec::new(),
            },
            theme,
        )
    }

    /// The explorer on a base prepared already (read from the cache, or on another thread);
    /// the base's problems are shown as warnings.
    pub fn prepared(prepared: Prepared, theme: &'static Theme) -> Self {
        let Prepared {
            catalog,
            index,
            problems,
        } = prepared;
        Self::with_model(Model::new(catalog, Ok(index)), problems, theme)
    }

    /// The explorer on a base whose index is still being built; it arrives through
    /// `coming`, and a search started before then waits for it.
    pub fn indexing(
        catalog: Arc<Catalog>,
        problems: Vec<Problem>,
        coming: Receiver<SearchIndex>,
        theme: &'static Theme,
    ) -> Self {
        Self::with_model(Model::new(catalog, Err(coming)), problems, theme)
    }

    fn with_model(mut model: Model, problems: Vec<Problem>, theme: &'static Theme) -> Self {
        let nav = Navigation::new(&model.catalog);
        model.problems = problems;
        Self {
            model,
            nav,
            view: View::new(theme),
            should_quit: false,
            clipboard: None,
            store: None,
            suspending: false,
            watch: None,
            editing: None,
            first_frame: None,
        }
    }

    /// The keymap contexts that apply now, most specific last in lookup order.
    pub fn contexts(&self) -> Vec<Context> {
        match self.view.overlay {
            Overlay::Search(_) => vec![Context::Always, Context::Search, Context::Prompt],
            Overlay::Find { .. } => vec![Context::Always, Context::Find, Context::Prompt],
            Overlay::Help { .. } => vec![Context::Always, Context::Help],
            Overlay::Problems { .. } => vec![Context::Always, Context::Problems],
            Overlay::Bookmarks { .. } => vec![Context::Always, Context::Bookmarks],
            Overlay::Definition { .. } => vec![Context::Always, Context::Definition],
            Overlay::None => {
                let pane = match self.view.focus {
                    Focus::Tree => Context::Tree,
                    Focus::Detail => Context::Detail,
                };
                vec![Context::Always, Context::Browse, pane]
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.view.status = None;
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
            Effect::Suspend => self.suspending = true,
            Effect::Edit(line) => self.editing = Some(line),
        }
    }

    pub fn selected(&self) -> Option<NodeId> {
        self.nav.outline.selected()
    }

    /// The only place that changes the explorer's state; what it asks of the world outside
    /// (saving, the clipboard) it returns as an [`Effect`].
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let before = self.selected();
        let effect = match action {
            Action::Quit => {
                self.should_quit = true;
                None
            }
            Action::Suspend => Some(Effect::Suspend),
            Action::OpenEditor => self.editor_line().map(Effect::Edit),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ListRemove => self.remove_from_list(),
            Action::CopyTopic => self.selected().map(Effect::Copy),
            Action::Edit(_) if !matches!(self.view.overlay, Overlay::Search(_)) => {
                self.update_find(action);
                None
            }
            Action::OpenSearch
            | Action::Edit(_)
            | Action::SearchNext
            | Action::SearchPrevious
            | Action::SearchPageDown
            | Action::SearchPageUp
            | Action::SearchFirst
            | Action::SearchLast
            | Action::SearchOlder
            | Action::SearchNewer
            | Action::SearchAccept
            | Action::SearchCancel => {
                self.update_search(action);
                None
            }
            Action::OpenFind
            | Action::FindAccept
            | Action::FindCancel
            | Action::FindNext
            | Action::FindPrevious
            | Action::Dismiss => {
                self.update_find(action);
                None
            }
            _ => {
                self.update_browse(action);
                None
            }
        };
        if self.selected() != before && !navigate::keeps_scroll(action) {
            self.view.detail.reset();
        }
        effect
    }

    fn toggle_help(&mut self) {
        self.view.overlay = match self.view.overlay {
            Overlay::Help { .. } => Overlay::None,
            _ => Overlay::Help { scroll: 0 },
        };
    }

    fn tree_page(&self) -> isize {
        isize::try_from(self.view.tree_area.height.saturating_sub(3).max(1)).unwrap_or(1)
    }

    fn scroll(&mut self, delta: isize) {
        if let Overlay::Help { scroll } | Overlay::Problems { scroll } = &mut self.view.overlay {
            *scroll = scroll.saturating_add_signed(delta);
        } else {
            self.view.detail.scroll_by(delta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::parse;
    use crate::theme::DARK;

    fn app() -> App {
        let text = r#"(title: "T", disclaimer: "D", topics: [
            (id: "a", title: "Alpha", kind: Overview, summary: "s", body: "Text."),
        ])"#;
        App::new(Catalog::new(parse(text).expect("valid")), &DARK)
    }

    #[test]
    fn update_returns_its_effects_instead_of_doing_them() {
        let mut app = app();
        assert_eq!(
            app.update(Action::ToggleBookmark),
            Some(Effect::SaveSession)
        );
        assert_eq!(app.nav.bookmarks, [NodeId::new(0)]);
        assert_eq!(
            app.update(Action::CopyTopic),
            Some(Effect::Copy(NodeId::new(0)))
        );
        assert!(
            app.clipboard.is_none(),
            "nothing copied until the effect runs"
        );
        app.apply(Effect::Copy(NodeId::new(0)));
        assert!(
            app.clipboard
                .as_deref()
                .is_some_and(|t| t.contains("Alpha"))
        );
        assert_eq!(app.update(Action::SelectNext), None);
    }
}
