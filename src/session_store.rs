//! The session store: the saved session of one knowledge file.
//!
//! A session (bookmarks, last position, history) is kept per knowledge file in the
//! platform's state directory. Nothing here may stop the explorer: a damaged, unreadable or
//! newer file is set aside under another name and the reader starts clean with a notice; a
//! failed save leaves the previous file as it was.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The format this build writes. Files with a higher number come from a newer hepatree.
pub const VERSION: u32 = 1;

/// Overrides where sessions are kept (used by the tests).
pub const DIR_VARIABLE: &str = "HEPATREE_STATE_DIR";

/// A place in the knowledge base, by id so it survives edits that move topics around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub scroll: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub version: u32,
    /// Which knowledge file this is the session of, for a person reading the file.
    pub knowledge: String,
    pub selected: Option<String>,
    pub scroll: usize,
    pub open: Vec<String>,
    pub bookmarks: Vec<String>,
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
    /// The tree pane's width as the reader set it, and whether it was hidden.
    pub tree_width: Option<u16>,
    pub tree_hidden: bool,
    /// Earlier search queries, the latest last.
    pub queries: Vec<String>,
}

/// Only the version, read first so a newer file is recognised even if its shape changed.
#[derive(Deserialize)]
struct Version {
    #[serde(default)]
    version: u32,
}

#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    /// The key of the knowledge file this store keeps the session of.
    key: String,
    /// Set when a bad file could not be moved aside: saving would overwrite it.
    frozen: bool,
}

impl Store {
    /// The store for the knowledge file known by `key`, in `HEPATREE_STATE_DIR` or the
    /// platform's state (or local data) directory; `None` when there is no such directory.
    pub fn locate(key: &str) -> Option<Self> {
        let dir = match std::env::var_os(DIR_VARIABLE) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => {
                let dirs = directories::ProjectDirs::from("", "", "hepatree")?;
                dirs.state_dir()
                    .unwrap_or_else(|| dirs.data_local_dir())
                    .to_path_buf()
            }
        };
        Some(Self::in_dir(&dir, key))
    }

    pub fn in_dir(dir: &Path, key: &str) -> Self {
        Self {
            path: dir.join(format!("session-{:016x}.ron", fnv1a(key.as_bytes()))),
            key: key.to_owned(),
            frozen: false,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The knowledge file's key, recorded in the session for a person reading it.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The saved session, if there is a usable one, and a notice for the reader when the
    /// file was there but could not be used.
    pub fn load(&mut self) -> (Option<Session>, Option<String>) {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if is_missing(&error) => return (None, None),
            Err(error) => return (None, Some(self.set_aside("could not be read", &error))),
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => return (None, Some(self.set_aside("was damaged", &error))),
        };
        match ron::from_str::<Version>(&text) {
            Ok(found) if found.version > VERSION => {
                let why = format!("is from a newer hepatree (format {})", found.version);
                return (None, Some(self.set_aside(&why, &"")));
            }
            Ok(_) => {}
            Err(error) => return (None, Some(self.set_aside("was damaged", &error))),
        }
        match ron::from_str::<Session>(&text) {
            Ok(session) => (Some(session), None),
            Err(error) => (None, Some(self.set_aside("was damaged", &error))),
        }
    }

    /// Moves a file that could not be used out of the way, so the next save does not
    /// overwrite it, and says what happened.
    fn set_aside(&mut self, why: &str, detail: &dyn std::fmt::Display) -> String {
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut aside = self.path.clone().into_os_string();
        aside.push(format!(".bad-{stamp}"));
        let aside = PathBuf::from(aside);
        let detail = detail.to_string();
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", first_line(&detail))
        };
        if fs::rename(&self.path, &aside).is_ok() {
            return format!(
                "Saved session {why}{detail}; kept as {}, starting fresh",
                file_name(&aside)
            );
        }
        self.frozen = true;
        format!("Saved session {why}{detail}; left in place, this session will not be saved")
    }

    /// Writes the session atomically: a temporary file beside the real one, then a rename,
    /// so a failure at any point leaves the previous file whole.
    pub fn save(&self, session: &Session) -> Result<(), String> {
        if self.frozen {
            return Ok(());
        }
        let text = ron::ser::to_string_pretty(session, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        let mut temporary = self.path.clone().into_os_string();
        temporary.push(format!(".tmp-{}", std::process::id()));
        let temporary = PathBuf::from(temporary);
        let result = self
            .path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| write_synced(&temporary, text.as_bytes()))
            .and_then(|()| fs::rename(&temporary, &self.path));
        result.map_err(|error| {
            let _ = fs::remove_file(&temporary);
            format!(
                "could not save the session to {}: {error}",
                self.path.display()
            )
        })
    }
}

/// No file, or a path through something that is not a directory: nothing was saved yet.
fn is_missing(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// FNV-1a, 64 bits: a stable file name for a key, the same on every run and platform.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
