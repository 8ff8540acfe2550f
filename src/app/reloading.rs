//! Taking a new version of the knowledge file: the reader stays where they were (the
//! selected topic, open branches, scroll, history and bookmarks, where they still exist),
//! as a saved session is taken back. A version that does not read leaves the last good
//! one on screen, with a notice until the file reads again.

use super::{App, Overlay};
use crate::cache::{Cache, Prepared};
use crate::outline::Outline;
use crate::reload::{Reloaded, Watch};

impl App {
    /// Watches the knowledge file for saves (not the embedded base, which cannot change).
    /// New versions are prepared through `cache` like the first.
    pub fn watch_file(&mut self, cache: Cache) {
        if let Some(path) = &self.model.file {
            match Watch::start(path, cache) {
                Ok(watch) => self.watch = Some(watch),
                Err(error) => {
                    self.view.status = Some(format!("Not watching the file for changes: {error}"));
                }
            }
        }
    }

    /// The line the editor opens at for the selected entry; none (and a notice) when the
    /// knowledge base is the embedded one, which has no file to edit.
    pub(super) fn editor_line(&mut self) -> Option<usize> {
        let Some(path) = &self.model.file else {
            self.view.status =
                Some("The embedded base has no file to edit; open one with --knowledge".to_owned());
            return None;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let node = self.model.catalog.node(self.selected()?);
        Some(crate::editor::line_of(&text, &node.id, &node.title))
    }

    /// Runs the editor, then reads the file again at once rather than waiting for the
    /// watch to see the save.
    pub(super) fn run_editor(&mut self, terminal: &mut ratatui::DefaultTerminal, line: usize) {
        let Some(path) = self.model.file.clone() else {
            return;
        };
        if let Err(error) = crate::editor::edit(terminal, &path, line) {
            self.view.status = Some(format!("The editor did not run: {error}"));
        }
        if let Some(watch) = &self.watch {
            watch.poke();
        }
    }

    /// Takes what the watch has read since the last look; whether the screen changed.
    pub fn take_reload(&mut self) -> bool {
        let Some(reloaded) = self.watch.as_ref().and_then(Watch::take) else {
            return false;
        };
        match reloaded {
            Reloaded::Ready(prepared) => self.reload(*prepared),
            Reloaded::Failed(line) => {
                self.view.status = None;
                self.view.notice = Some(format!("Showing the last good version · {line}"));
            }
        }
        true
    }

    fn reload(&mut self, prepared: Prepared) {
        let session = self.session();
        let Prepared {
            catalog,
            index,
            problems,
        } = prepared;
        self.nav.outline = Outline::new(&catalog);
        self.model.replace(catalog, index);
        self.model.problems = problems;
        self.nav.filter = None;
        if !matches!(self.view.overlay, Overlay::Help { .. }) {
            self.view.overlay = Overlay::None;
        }
        self.view.detail.forget();
        self.restore(&session, false);
        self.view.notice = None;
        self.view.status = Some("The file changed: reloaded".to_owned());
    }
}
