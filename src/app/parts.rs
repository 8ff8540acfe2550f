//! The explorer's state in three parts, each changed only by `App::update`: what is read
//! (fixed once the explorer starts), where the reader is, and what the screen shows.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use ratatui::layout::Rect;
use ratatui::widgets::ListState;

use super::{DetailState, Focus, HitMap, Overlay};
use crate::catalog::{Catalog, NodeId};
use crate::history::History;

use crate::knowledge::{EMBEDDED_NAME, Kind, Problem};
use crate::outline::Outline;
use crate::search::SearchIndex;
use crate::theme::Theme;

/// What is read: the knowledge base and what is prepared from it once.
pub struct Model {
    /// Shared with the cache's writer while it stores a freshly prepared base.
    pub catalog: Arc<Catalog>,
    /// The search index, once built: a large file's is built while the reader already
    /// reads, and arrives through `coming`.
    index: Option<SearchIndex>,
    coming: Option<Receiver<SearchIndex>>,
    /// The kinds a filter can show, in the order the filter key cycles through them.
    pub filter_kinds: Vec<Kind>,
    /// The knowledge file (none for the embedded base), its name in messages, and the
    /// problems it was opened with (all of them tolerable).
    pub file: Option<PathBuf>,
    pub file_name: String,
    pub problems: Vec<Problem>,
}

/// Where the reader is and has been.
pub struct Navigation {
    /// The tree as shown: open branches, the filter's matches and the selection.
    pub outline: Outline,
    pub history: History,
    pub bookmarks: Vec<NodeId>,
    /// Index into `Model::filter_kinds` of the filter in force.
    pub filter: Option<usize>,
    /// Earlier search queries, the latest last.
    pub queries: Vec<String>,
}

/// What the screen shows and how.
pub struct View {
    pub focus: Focus,
    pub overlay: Overlay,
    pub detail: DetailState,
    pub theme: &'static Theme,
    /// A one-line message for the reader, shown in the footer until the next key.
    pub status: Option<String>,
    /// A message that stays until what it says is over (a save that does not read).
    pub notice: Option<String>,
    /// Where the panes were drawn last, for the mouse and for paging.
    pub tree_area: Rect,
    pub detail_area: Rect,
    /// What the last frame drew where, for the mouse.
    pub hits: HitMap,
    /// The tree list's scroll offset, kept by ratatui between frames.
    pub tree_list: ListState,
    /// The tree pane's width as the reader set it (none: a share of the screen), and
    /// whether the reader hid it to give the text the whole width.
    pub tree_width: Option<u16>,
    pub tree_hidden: bool,
    /// The widest the text column grows, in cells (0: as wide as the pane).
    pub measure: u16,
}

/// The text column's widest by default: about the measure of a book page, wider than the
/// 65-75 characters typographers advise, since topic text carries lists and references.
pub const DEFAULT_MEASURE: u16 = 100;

/// The narrowest the tree pane may be made, and the least it leaves the text.
const TREE_MIN: u16 = 16;
const TEXT_MIN: u16 = 30;

impl View {
    /// The tree pane's width on a body `width` cells wide: the reader's choice, or about
    /// three tenths of the screen; none when hidden.
    pub fn tree_width(&self, width: u16) -> u16 {
        if self.tree_hidden {
            return 0;
        }
        let chosen = self
            .tree_width
            .unwrap_or_else(|| (width * 3 / 10).clamp(22, 40));
        chosen
            .min(width.saturating_sub(TEXT_MIN))
            .max(TREE_MIN.min(width))
    }

    /// Widens (or narrows, for a negative `delta`) the tree from its width at the last frame.
    pub fn resize_tree(&mut self, delta: i16) {
        let now = self.tree_area.width;
        let wanted = now.saturating_add_signed(delta).max(TREE_MIN);
        self.tree_width = Some(wanted);
        self.tree_hidden = false;
    }
}

impl Model {
    /// The model of `catalog`, whose index is `index` or will come through `coming`.
    pub fn new(catalog: Arc<Catalog>, index: Result<SearchIndex, Receiver<SearchIndex>>) -> Self {
        let filter_kinds = super::navigate::filter_kinds(&catalog);
        let (index, coming) = match index {
            Ok(index) => (Some(index), None),
            Err(coming) => (None, Some(coming)),
        };
        Self {
            catalog,
            index,
            coming,
            filter_kinds,
            file: None,
            file_name: EMBEDDED_NAME.to_owned(),
            problems: Vec::new(),
        }
    }
}

impl Model {
    /// The catalog with its index, waiting for the index if it is still being built (and
    /// building it here if its builder is gone).
    pub fn searchable(&mut self) -> (&Catalog, &SearchIndex) {
        if self.index.is_none() {
            self.index = self.coming.take().and_then(|coming| coming.recv().ok());
        }
        let index = self
            .index
            .get_or_insert_with(|| SearchIndex::new(&self.catalog));
        (&self.catalog, index)
    }

    /// Takes the index if it has arrived; whether search is ready.
    pub fn index_ready(&mut self) -> bool {
        if let Some(coming) = &self.coming
            && let Ok(index) = coming.try_recv()
        {
            self.index = Some(index);
            self.coming = None;
        }
        self.index.is_some()
    }

    /// A new version of the base, ready to search.
    pub fn replace(&mut self, catalog: Arc<Catalog>, index: SearchIndex) {
        self.filter_kinds = super::navigate::filter_kinds(&catalog);
        self.catalog = catalog;
        self.index = Some(index);
        self.coming = None;
    }
}

impl Navigation {
    pub fn new(catalog: &Catalog) -> Self {
        Self {
            outline: Outline::new(catalog),
            history: History::default(),
            bookmarks: Vec::new(),
            filter: None,
            queries: Vec::new(),
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
            notice: None,
            tree_area: Rect::default(),
            detail_area: Rect::default(),
            hits: HitMap::default(),
            tree_list: ListState::default(),
            tree_width: None,
            tree_hidden: false,
            measure: DEFAULT_MEASURE,
        }
    }
}
