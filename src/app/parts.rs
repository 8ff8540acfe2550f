//! The explorer's state in three parts, each changed only by `App::update`: what is read
//! (fixed once the explorer starts), where the reader is, and what the screen shows.

use ratatui::layout::Rect;
use ratatui::widgets::ListState;

use super::{DetailState, Focus, HitMap, Overlay};
use crate::catalog::{Catalog, NodeId};
use crate::history::History;
use crate::knowledge::Kind;
use crate::outline::Outline;
use crate::search::SearchIndex;
use crate::theme::Theme;

/// What is read: the knowledge base and what is prepared from it once.
pub struct Model {
    pub catalog: Catalog,
    pub index: SearchIndex,
    /// The kinds a filter can show, in the order the filter key cycles through them.
    pub filter_kinds: Vec<Kind>,
}

/// Where the reader is and has been.
pub struct Navigation {
    /// The tree as shown: open branches, the filter's matches and the selection.
    pub outline: Outline,
    pub history: History,
    pub bookmarks: Vec<NodeId>,
    /// Index into `Model::filter_kinds` of the filter in force.
    pub filter: Option<usize>,
}

/// What the screen shows and how.
pub struct View {
    pub focus: Focus,
    pub overlay: Overlay,
    pub detail: DetailState,
    pub theme: &'static Theme,
    /// A one-line message for the reader, shown in the footer until the next key.
    pub status: Option<String>,
    /// Where the panes were drawn last, for the mouse and for paging.
    pub tree_area: Rect,
    pub detail_area: Rect,
    /// What the last frame drew where, for the mouse.
    pub hits: HitMap,
    /// The tree list's scroll offset, kept by ratatui between frames.
    pub tree_list: ListState,
}

impl Model {
    pub fn new(catalog: Catalog) -> Self {
        let index = SearchIndex::new(&catalog);
        let filter_kinds = super::navigate::filter_kinds(&catalog);
        Self {
            catalog,
            index,
            filter_kinds,
        }
    }
}

impl Navigation {
    pub fn new(catalog: &Catalog) -> Self {
        Self {
            outline: Outline::new(catalog),
            history: History::default(),
            bookmarks: Vec::new(),
            filter: None,
        }
    }
}

impl View {
    pub fn new(theme: &'static Theme) -> Self {
        Self {
            focus: Focus::Tree,
            overlay: Overlay::None,
            detail: DetailState::default(),
            theme,
            status: None,
            tree_area: Rect::default(),
            detail_area: Rect::default(),
            hits: HitMap::default(),
            tree_list: ListState::default(),
        }
    }
}
