//! Opening a knowledge base ready to use: from the cache when it holds these bytes, or read,
//! checked, cleaned and indexed afresh, with the entry the cache should then store.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use crate::cache::{Cache, Entry, IndexReader, Key, Prepared, Seen};
use crate::catalog::Catalog;
use crate::knowledge::{self, EMBEDDED, EMBEDDED_NAME, LoadError, Problem};
use crate::search::SearchIndex;

/// A base opened for use.
pub struct Opened {
    /// The file's name for messages.
    pub name: String,
    pub prepared: Prepared,
    /// What to store in the cache, when the base was prepared afresh and there is a cache:
    /// the caller writes it once the reader is no longer waiting.
    pub entry: Option<Entry>,
}

impl Opened {
    /// Stores the prepared base in the cache, if it came from the file.
    pub fn store(&mut self) {
        if let Some(entry) = self.entry.take() {
            entry.write();
        }
    }
}

/// A base read and checked (or its catalog read from the cache), its index still to come.
pub struct Begun {
    pub name: String,
    pub catalog: Arc<Catalog>,
    pub problems: Vec<Problem>,
    /// What names the base in the cache; none for the shipped base, prepared by the build.
    key: Option<Key>,
    /// The cache's index for this base, when the cache holds one.
    cached: Option<IndexReader>,
    /// The file as it was before it was read, for the cache to remember.
    seen: Option<Seen>,
}

impl Begun {
    /// The index: the cache's, or built afresh (then with the cache entry to store once the
    /// index is in use, and also when the cache's index turned out damaged).
    pub fn index(self, cache: &Cache) -> (SearchIndex, Option<Entry>) {
        if let Some(index) = self.cached.and_then(IndexReader::read) {
            return (index, None);
        }
        let index = SearchIndex::new(&self.catalog);
        let entry = self
            .key
            .and_then(|key| cache.entry(key, &self.catalog, &index, &self.problems))
            .map(|entry| entry.from_file(self.seen));
        (index, entry)
    }
}

/// Opens `path` (the embedded base when `None`); a file whose only problems are tolerable
/// opens with them.
pub fn open(path: Option<&Path>, cache: &Cache) -> Result<Opened, LoadError> {
    let begun = begin(path, cache)?;
    let (name, catalog, problems) = (
        begun.name.clone(),
        Arc::clone(&begun.catalog),
        begun.problems.clone(),
    );
    let (index, entry) = begun.index(cache);
    Ok(Opened {
        name,
        prepared: Prepared {
            catalog,
            index,
            problems,
        },
        entry,
    })
}

/// Opens `path` up to its index: from the cache when it holds these bytes, else read,
/// checked and cleaned.
pub fn begin(path: Option<&Path>, cache: &Cache) -> Result<Begun, LoadError> {
    let name = || path.map_or_else(|| EMBEDDED_NAME.to_owned(), |p| p.display().to_string());
    if path.is_none()
        && let Some(catalog) = shipped_catalog()
    {
        return Ok(Begun {
            name: name(),
            catalog: Arc::new(catalog),
            problems: Vec::new(),
            key: None,
            cached: None,
            seen: None,
        });
    }
    let seen = path.and_then(|p| cacheable(p).map(|meta| Seen::of(p, &meta)));
    let from_cache = |key: Key, (catalog, problems, index): Cached| Begun {
        name: name(),
        catalog,
        problems,
        key: Some(key),
        cached: Some(index),
        seen: None,
    };
    let missed = match hinted(path, seen.as_ref(), cache) {
        Some((key, Some(read))) => return Ok(from_cache(key, read)),
        Some((key, None)) => Some(key),
        None => None,
    };
    let (name, text) = read(path)?;
    // From the text read, not a file hashed before: the file may have changed between.
    let key = Key::of(text.as_bytes());
    // Without a hint the text is read first, then looked for: a file never opened (the
    // usual case) is then read once, not hashed and read. A key the hint's lookup has just
    // missed is not looked for again.
    let lookup = (seen.is_some() || path.is_none()) && missed != Some(key);
    if let Some(read) = lookup.then(|| cache.read_catalog(key)).flatten() {
        if let Some(seen) = &seen {
            cache.remember(seen, key);
        }
        return Ok(from_cache(key, read));
    }
    let (kb, problems) = match knowledge::parse_tolerant(&text) {
        Ok(read) => read,
        Err(problems) => {
            return Err(LoadError::Invalid {
                file: name,
                problems,
            });
        }
    };
    drop(text);
    Ok(Begun {
        name,
        catalog: Arc::new(Catalog::new(kb)),
        problems,
        key: Some(key),
        cached: None,
        seen,
    })
}

/// The shipped base's catalog, checked and encoded by the build (see `build.rs`).
const SHIPPED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin"));

/// The shipped base's catalog as the build prepared it; `None` only if the build's work
/// does not decode, when the text is read as any other file would be.
pub fn shipped_catalog() -> Option<Catalog> {
    Catalog::from_whole(bitcode::decode(SHIPPED).ok()?)
}

/// Like [`begin`], for the commands that need no index: a file with any problem is refused
/// with all of them.
pub fn begin_strict(path: Option<&Path>, cache: &Cache) -> Result<Begun, LoadError> {
    let begun = begin(path, cache)?;
    if begun.problems.is_empty() {
        return Ok(begun);
    }
    Err(LoadError::Invalid {
        file: begun.name,
        problems: begun.problems,
    })
}

/// Like [`open`], for the commands: a file with any problem is refused with all of them
/// (its prepared base is still cached for the explorer, which opens it with warnings).
pub fn open_strict(path: Option<&Path>, cache: &Cache) -> Result<Opened, LoadError> {
    let mut opened = open(path, cache)?;
    if opened.prepared.problems.is_empty() {
        return Ok(opened);
    }
    opened.store();
    Err(LoadError::Invalid {
        file: opened.name,
        problems: opened.prepared.problems,
    })
}

/// The entry this file had last time, read while the file is hashed, if the hash agrees (or
/// the entry its hash names, when it does not), with the hash; the hash alone when the
/// cache holds nothing sound for it. A file is hashed in pieces rather than read whole,
/// which a cache hit then never needs.
fn hinted(
    path: Option<&Path>,
    seen: Option<&Seen>,
    cache: &Cache,
) -> Option<(Key, Option<Cached>)> {
    let (path, guess) = (path?, cache.hint(seen?)?);
    let (hashed, read) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| Key::of_file(path));
        let read = cache.read_catalog(guess);
        (hashing.join(), read)
    });
    let key = hashed.ok()?.ok()?;
    if key == guess {
        return Some((key, read));
    }
    Some((key, cache.read_catalog(key)))
}

/// A file the cache can serve: a regular one (a pipe read for its hash would be empty when
/// read again) of an acceptable size (an oversized one is refused unread).
fn cacheable(path: &Path) -> Option<std::fs::Metadata> {
    std::fs::metadata(path)
        .ok()
        .filter(|meta| meta.is_file() && meta.len() <= knowledge::MAX_FILE_BYTES)
}

type Cached = (Arc<Catalog>, Vec<Problem>, IndexReader);

fn read(path: Option<&Path>) -> Result<(String, Cow<'static, str>), LoadError> {
    let Some(path) = path else {
        return Ok((EMBEDDED_NAME.to_owned(), Cow::Borrowed(EMBEDDED)));
    };
    let file = path.display().to_string();
    match knowledge::read_text(path) {
        Ok(text) => Ok((file, Cow::Owned(text))),
        Err(reason) => Err(LoadError::Unreadable { file, reason }),
    }
}
