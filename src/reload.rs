//! Live reload: the explorer watches its knowledge file and reads it again when it is saved.
//!
//! The file's folder is watched rather than the file, so editors that save by writing a new
//! file and renaming it over the old one are seen too. A burst of changes (a save is often
//! several) is read once, after the file has been quiet for a moment; the reading, checking
//! and indexing happen on a thread of their own, and the explorer takes the result between
//! keys.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::cache::{Cache, Prepared};
use crate::knowledge::LoadError;
use crate::prepare;

/// How long the file must stay unchanged before it is read.
const QUIET: Duration = Duration::from_millis(120);

/// A new version of the file, ready to show, or why it could not be read.
pub enum Reloaded {
    Ready(Box<Prepared>),
    Failed(String),
}

/// A watch on one knowledge file.
pub struct Watch {
    /// Kept alive: dropping it ends the watch.
    _watcher: RecommendedWatcher,
    changed: Sender<()>,
    reloaded: Receiver<Reloaded>,
}

impl Watch {
    pub fn start(path: &Path, cache: Cache) -> notify::Result<Self> {
        let path = path.to_path_buf();
        let name = path.file_name().map(ToOwned::to_owned);
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (changed, change_events) = mpsc::channel();
        let notice = changed.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let ours = event.is_ok_and(|event| {
                    event.paths.iter().any(|p| p.file_name() == name.as_deref())
                });
                if ours {
                    let _ = notice.send(());
                }
            })?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        let (sender, reloaded) = mpsc::channel();
        std::thread::Builder::new()
            .name("reload".to_owned())
            .spawn(move || read_on_change(&path, &cache, &change_events, &sender))
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok(Self {
            _watcher: watcher,
            changed,
            reloaded,
        })
    }

    /// Reads the file again now (after an editor the explorer started has closed).
    pub fn poke(&self) {
        let _ = self.changed.send(());
    }

    /// The latest version read since the last call, if any.
    pub fn take(&self) -> Option<Reloaded> {
        self.reloaded.try_iter().last()
    }
}

fn read_on_change(path: &Path, cache: &Cache, changes: &Receiver<()>, sender: &Sender<Reloaded>) {
    while changes.recv().is_ok() {
        while changes.recv_timeout(QUIET).is_ok() {}
        let (reloaded, entry) = match prepare::open(Some(path), cache) {
            Ok(opened) => (Reloaded::Ready(Box::new(opened.prepared)), opened.entry),
            Err(error) => (Reloaded::Failed(first_line(&error, path)), None),
        };
        if sender.send(reloaded).is_err() {
            return;
        }
        // Stored once the explorer has the new version, so a reopen finds it ready.
        if let Some(entry) = entry {
            entry.write();
        }
    }
}

/// The first problem, as `check` prints it (`FILE:LINE:COL: message`), with the file named
/// by its name alone: the footer is one line, and a long directory would push the place and
/// the message out of it.
fn first_line(error: &LoadError, path: &Path) -> String {
    let text = error.to_string();
    let line = text.lines().next().unwrap_or_default();
    path.file_name().map_or_else(
        || line.to_owned(),
        |name| line.replacen(&path.display().to_string(), &name.to_string_lossy(), 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_problem_names_the_file_without_its_directory() {
        let path = Path::new("/a/long/way/down/notes.ron");
        let error = LoadError::Unreadable {
            file: path.display().to_string(),
            reason: "gone".to_owned(),
        };
        let line = first_line(&error, path);
        assert_eq!(line, "cannot read notes.ron: gone");
    }
}
