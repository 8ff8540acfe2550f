//! Between runs: the explorer's state as a [`Session`] of ids, and back. Ids that no longer
//! exist in the knowledge file are dropped quietly, so an edited file never breaks a resume.

use super::App;
use crate::catalog::NodeId;
use crate::history::{History, Location};
use crate::session_store::{Place, Session, Store, VERSION};

impl App {
    /// The state worth keeping: position, open branches, bookmarks and history.
    pub fn session(&self) -> Session {
        let id = |node: NodeId| self.model.catalog.node(node).id.clone();
        let place = |l: &Location| Place {
            id: id(l.node),
            scroll: l.scroll,
        };
        Session {
            version: VERSION,
            knowledge: self.store.as_ref().map_or("", Store::key).to_owned(),
            selected: self.selected().map(id),
            scroll: self.view.detail.scroll,
            open: self.nav.outline.open_nodes().into_iter().map(id).collect(),
            bookmarks: self.nav.bookmarks.iter().map(|&n| id(n)).collect(),
            back: self.nav.history.back_stack().iter().map(place).collect(),
            forward: self.nav.history.forward_stack().iter().map(place).collect(),
            tree_width: self.view.tree_width,
            tree_hidden: self.view.tree_hidden,
            queries: self.nav.queries.clone(),
        }
    }

    /// Takes back bookmarks, and unless `fresh`, the position, open branches and history.
    pub fn restore(&mut self, session: &Session, fresh: bool) {
        let node = |id: &String| self.model.catalog.index_of(id);
        self.nav.bookmarks = session.bookmarks.iter().filter_map(node).collect();
        self.nav.bookmarks.dedup();
        self.view.tree_width = session.tree_width;
        self.view.tree_hidden = session.tree_hidden;
        self.nav.queries.clone_from(&session.queries);
        if session.tree_hidden {
            self.view.focus = super::Focus::Detail;
        }
        if fresh {
            return;
        }
        let places = |list: &[Place]| -> Vec<Location> {
            list.iter()
                .filter_map(|p| {
                    self.model.catalog.index_of(&p.id).map(|node| Location {
                        node,
                        scroll: p.scroll,
                    })
                })
                .collect()
        };
        self.nav.history = History::from_stacks(places(&session.back), places(&session.forward));
        let open: Vec<NodeId> = session.open.iter().filter_map(node).collect();
        let selected = session.selected.as_ref().and_then(node);
        self.nav.outline.restore(open, selected);
        self.view.detail.reset();
        if selected.is_some() {
            self.view.detail.scroll = session.scroll;
        }
    }

    /// Loads the saved session from `store` (a notice goes to the status line) and keeps the
    /// store for saving.
    pub fn attach(&mut self, mut store: Store, fresh: bool) {
        let (session, notice) = store.load();
        if let Some(session) = session {
            self.restore(&session, fresh);
        }
        self.view.status = notice;
        self.store = Some(store);
    }

    /// Saves the session, if there is a store.
    pub fn save(&self) -> Result<(), String> {
        self.store
            .as_ref()
            .map_or(Ok(()), |s| s.save(&self.session()))
    }

    /// Saves after a change the reader expects to last (a bookmark), reporting a failure.
    pub(super) fn persist(&mut self) {
        if let Err(error) = self.save() {
            self.view.status = Some(format!("Not saved: {error}"));
        }
    }
}
