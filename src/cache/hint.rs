//! Which entry a file had when it was last opened, by its path, size and modification time:
//! a guess that lets the entry be read while the file's bytes are still being hashed. The
//! hash decides: an entry read on a wrong guess is thrown away.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::xxh3_64;

use super::Key;

/// The extension of hint files.
pub const EXTENSION: &str = "hint";
const LEN: usize = 8 + 16 + 16;

/// A file as its metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    path: PathBuf,
    len: u64,
    modified: u128,
}

impl Seen {
    pub fn of(path: &Path, meta: &std::fs::Metadata) -> Self {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Self {
            path: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
            len: meta.len(),
            modified,
        }
    }

    fn file_name(&self) -> String {
        let path = self.path.to_string_lossy();
        format!("{:016x}.{EXTENSION}", xxh3_64(path.as_bytes()))
    }

    fn bytes(&self, key: Key) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(LEN);
        bytes.extend_from_slice(&self.len.to_le_bytes());
        bytes.extend_from_slice(&self.modified.to_le_bytes());
        bytes.extend_from_slice(&key.0.to_le_bytes());
        bytes
    }
}

/// The key last stored for this file, if its size and time are still the same.
pub fn recall(dir: &Path, seen: &Seen) -> Option<Key> {
    let bytes = std::fs::read(dir.join(seen.file_name())).ok()?;
    let key = bytes.get(24..LEN)?;
    (bytes.len() == LEN && bytes[..24] == seen.bytes(Key(0))[..24])
        .then(|| Key(u128::from_le_bytes(key.try_into().unwrap_or_default())))
}

/// Notes that `seen` was stored under `key` (quietly: a hint is only ever a shortcut).
pub fn remember(dir: &Path, seen: &Seen, key: Key) {
    let _ = super::prune::write_atomically(dir, &seen.file_name(), |temporary| {
        std::fs::write(temporary, seen.bytes(key))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_is_recalled_only_for_the_same_size_and_time() {
        let dir = std::env::temp_dir().join(format!("hepatree-hint-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("base.ron");
        std::fs::write(&file, "one").expect("write");
        let seen = Seen::of(&file, &std::fs::metadata(&file).expect("meta"));
        assert_eq!(recall(&dir, &seen), None);
        remember(&dir, &seen, Key(42));
        assert_eq!(recall(&dir, &seen), Some(Key(42)));
        std::fs::write(&file, "three").expect("write");
        let changed = Seen::of(&file, &std::fs::metadata(&file).expect("meta"));
        assert_eq!(recall(&dir, &changed), None);
        std::fs::remove_dir_all(&dir).expect("clean");
    }
}
