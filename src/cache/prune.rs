//! Keeping the cache directory small: entries are used most recently first, and those past
//! a count or a total size are removed. Temporary files left by a process that stopped while
//! writing are removed once they are clearly abandoned.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The extension of finished entries.
pub const EXTENSION: &str = "cache";
const TEMPORARY: &str = "tmp";
/// At most this many entries are kept: a reader rarely switches between more files.
const MAX_ENTRIES: usize = 8;
/// And at most this many bytes (one entry for a 100,000-topic file takes about 150 MB).
const MAX_BYTES: u64 = 1024 * 1024 * 1024;
/// At most this many files' hints are kept (see `hint.rs`); each is a few bytes.
const MAX_HINTS: usize = 64;
/// A temporary file this old belongs to a writer that is gone.
const ABANDONED: Duration = Duration::from_secs(3600);

/// Writes `dir/name` whole or not at all: `write` fills a temporary file beside it, which is
/// then renamed into place (or removed, when either step fails). Readers sharing the
/// directory see the old file or the new one, never half of one.
pub fn write_atomically(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temporary = temporary_name(dir, name);
    let written = write(&temporary).and_then(|()| std::fs::rename(&temporary, dir.join(name)));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// A name for a temporary file beside the entries, unique to this process and moment, so
/// concurrent writers never share one.
fn temporary_name(dir: &Path, entry: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    dir.join(format!(
        "{entry}.{}.{nanos}.{TEMPORARY}",
        std::process::id()
    ))
}

/// Marks an entry as just used, so pruning keeps it longest.
pub fn touch(path: &Path) {
    if let Ok(file) = std::fs::File::options().append(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// Removes the least recently used entries beyond the limits (never `keep`), and abandoned
/// temporary files.
pub fn prune(dir: &Path, keep: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    let mut entries: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    let mut hints: Vec<(SystemTime, PathBuf)> = Vec::new();
    for item in listing.flatten() {
        let path = item.path();
        let Ok(meta) = item.metadata() else { continue };
        let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        match path.extension().and_then(|e| e.to_str()) {
            Some(EXTENSION) if meta.is_file() => entries.push((modified, meta.len(), path)),
            Some(super::hint::EXTENSION) => hints.push((modified, path)),
            Some(TEMPORARY)
                if now
                    .duration_since(modified)
                    .is_ok_and(|age| age > ABANDONED) =>
            {
                let _ = std::fs::remove_file(&path);
            }
            _ => {}
        }
    }
    // The entry just written or read counts first, then the others from the newest.
    hints.sort_by_key(|h| std::cmp::Reverse(h.0));
    for (_, path) in hints.iter().skip(MAX_HINTS) {
        let _ = std::fs::remove_file(path);
    }
    entries.sort_by(|a, b| (a.2 != keep).cmp(&(b.2 != keep)).then(b.0.cmp(&a.0)));
    let mut total = 0u64;
    for (n, (_, size, path)) in entries.into_iter().enumerate() {
        total = total.saturating_add(size);
        let over = n >= MAX_ENTRIES || total > MAX_BYTES;
        if over && path != keep {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_entries_beyond_the_count_go() {
        let dir = std::env::temp_dir().join(format!("hepatree-prune-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let old = SystemTime::now() - Duration::from_secs(100_000);
        let mut paths = Vec::new();
        for n in 0..MAX_ENTRIES + 3 {
            let path = dir.join(format!("{n:032x}.{EXTENSION}"));
            std::fs::write(&path, b"x").expect("write");
            let file = std::fs::File::options()
                .append(true)
                .open(&path)
                .expect("open");
            file.set_modified(old + Duration::from_secs(n as u64))
                .expect("time");
            paths.push(path);
        }
        let stale = dir.join(format!("a.{TEMPORARY}"));
        std::fs::write(&stale, b"half").expect("write");
        let file = std::fs::File::options()
            .append(true)
            .open(&stale)
            .expect("open");
        file.set_modified(old).expect("time");
        let other = dir.join("notes.txt");
        std::fs::write(&other, b"mine").expect("write");

        prune(&dir, &paths[0]);

        let exists: Vec<bool> = paths.iter().map(|p| p.exists()).collect();
        assert!(exists[0], "the entry just written stays");
        assert_eq!(exists[1..4], [false, false, false], "the oldest go");
        assert!(exists[4..].iter().all(|&e| e), "the newest stay");
        assert!(!stale.exists());
        assert!(other.exists(), "other files are left alone");
        std::fs::remove_dir_all(&dir).expect("clean");
    }
}
