//! The cache of prepared knowledge bases, so a large file is read, checked and indexed once.
//!
//! What was prepared is stored in the platform's cache directory (or `HEPATREE_CACHE_DIR`),
//! and the next open of the same bytes by the same build of hepatree reads it back instead of
//! doing the work again.
//!
//! An entry is named by a hash of the file's bytes and of hepatree's build, so an edited file
//! or a new version never finds a stale entry. What is read back is trusted only after its
//! checksums hold and its numbers point where they should (see `file.rs` and the `sound`
//! checks); anything else counts as no entry, and the file is prepared afresh. Entries are
//! written to a temporary file and renamed into place, so processes sharing the directory
//! never see half an entry, and the least recently used are pruned to keep it small.

mod file;
mod hint;
mod prune;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use file::PIECES;
pub use hint::Seen;
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128_with_seed};

use crate::catalog::{Catalog, Head, Node};
use crate::knowledge::Problem;
use crate::search::{SearchIndex, StoredIndex, Tables};

/// Overrides where the cache lives (used by the tests, and by anyone who wants it elsewhere).
pub const DIR_VARIABLE: &str = "HEPATREE_CACHE_DIR";

/// A knowledge base ready for the explorer and the commands.
pub struct Prepared {
    pub catalog: Arc<Catalog>,
    pub index: SearchIndex,
    /// The tolerable problems the file has (see `Problem::tolerable`).
    pub problems: Vec<Problem>,
}

/// Where entries are kept, or nowhere (`--no-cache`, or no cache directory on this system).
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
}

/// What names an entry: the file's bytes and this build of hepatree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(u128);

impl Key {
    pub fn of(bytes: &[u8]) -> Self {
        Self(xxh3_128_with_seed(bytes, build_seed()))
    }

    /// The key of the file at `path`, read in pieces so the file need not be held whole.
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let mut file = std::fs::File::open(path)?;
        let mut hasher = Xxh3::with_seed(build_seed());
        let mut buffer = vec![0; 1 << 20];
        loop {
            match std::io::Read::read(&mut file, &mut buffer) {
                Ok(0) => return Ok(Self(hasher.digest128())),
                Ok(n) => hasher.update(&buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn file_name(self) -> String {
        format!("{:032x}.{}", self.0, prune::EXTENSION)
    }
}

impl Cache {
    /// No cache: every open prepares the file afresh.
    pub const fn off() -> Self {
        Self { dir: None }
    }

    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: Some(dir.into()),
        }
    }

    /// `HEPATREE_CACHE_DIR` when set, else the platform's cache directory for hepatree.
    pub fn locate() -> Self {
        match std::env::var_os(DIR_VARIABLE) {
            Some(dir) if !dir.is_empty() => Self::at(dir),
            _ => Self {
                dir: directories::ProjectDirs::from("", "", "hepatree")
                    .map(|dirs| dirs.cache_dir().to_path_buf()),
            },
        }
    }

    /// The prepared base stored under `key`, if there is a sound one.
    pub fn read(&self, key: Key) -> Option<Prepared> {
        let (catalog, problems, index) = self.read_catalog(key)?;
        let index = index.read()?;
        Some(Prepared {
            catalog,
            index,
            problems,
        })
    }

    /// The key this file was last stored under, if it has not changed size or time since:
    /// a guess, to be confirmed by the file's hash.
    pub fn hint(&self, seen: &Seen) -> Option<Key> {
        hint::recall(self.dir.as_ref()?, seen)
    }

    /// Notes that the file `seen` describes is stored under `key`.
    pub fn remember(&self, seen: &Seen, key: Key) {
        if let Some(dir) = &self.dir {
            hint::remember(dir, seen, key);
        }
    }

    /// The catalog and problems stored under `key`, if they are sound, with the means to
    /// read the index after them: the explorer shows the tree while the index is read.
    pub fn read_catalog(&self, key: Key) -> Option<(Arc<Catalog>, Vec<Problem>, IndexReader)> {
        let path = self.dir.as_ref()?.join(key.file_name());
        let reader = file::Reader::open(&path, key.0)?;
        // The pieces of the entries are read on two threads, alternately.
        let catalog = std::thread::scope(|scope| {
            let odd = scope.spawn(|| pieces(&reader, (2..=PIECES).step_by(2)));
            let head: Head = decode(&reader.section(0)?)?;
            let even = pieces(&reader, (1..=PIECES).step_by(2))?;
            let odd = odd.join().ok()??;
            let mut all: Vec<Vec<Node>> = Vec::with_capacity(PIECES);
            let mut odd = odd.into_iter();
            for piece in even {
                all.push(piece);
                all.extend(odd.next());
            }
            Catalog::from_parts(head, all)
        })?;
        let problems: Vec<Problem> = decode(&reader.section(PROBLEMS)?)?;
        prune::touch(&path);
        let docs = catalog.len();
        Some((Arc::new(catalog), problems, IndexReader { reader, docs }))
    }

    /// What `write` needs of a prepared base; cheap to take, and it can move to another
    /// thread while the explorer goes on using the base.
    pub fn entry(
        &self,
        key: Key,
        catalog: &Arc<Catalog>,
        index: &SearchIndex,
        problems: &[Problem],
    ) -> Option<Entry> {
        Some(Entry {
            dir: self.dir.clone()?,
            key,
            catalog: Arc::clone(catalog),
            index: index.stored(),
            problems: problems.to_vec(),
            seen: None,
        })
    }
}

/// The index of an entry whose catalog has been read.
pub struct IndexReader {
    reader: file::Reader,
    docs: usize,
}

impl IndexReader {
    /// The index, if its sections are sound and fit the catalog.
    pub fn read(self) -> Option<SearchIndex> {
        let tables = Tables::from_sections((TABLES..VOCABULARY).map(|i| self.reader.section(i)))?;
        SearchIndex::from_parts(self.reader.section(VOCABULARY)?, tables, self.docs)
    }
}

/// A prepared base to be stored.
pub struct Entry {
    dir: PathBuf,
    key: Key,
    catalog: Arc<Catalog>,
    index: StoredIndex,
    problems: Vec<Problem>,
    /// The file as it was when read, to be remembered with the entry (see `hint.rs`).
    seen: Option<Seen>,
}

impl Entry {
    /// Remembers `seen` with the entry, so the next open can read it while hashing.
    #[must_use]
    pub fn from_file(mut self, seen: Option<Seen>) -> Self {
        self.seen = seen;
        self
    }

    /// Writes the entry beside the others under a temporary name, renames it into place,
    /// and prunes the directory. Failing to cache is not an error anyone needs to see: the
    /// next open prepares the file again.
    pub fn write(self) {
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let name = self.key.file_name();
        let mut pieces = self.catalog.pieces(PIECES);
        let written = prune::write_atomically(&self.dir, &name, |temporary| {
            file::write(temporary, self.key.0, |section| match section {
                0 => Cow::Owned(bitcode::encode(&self.catalog.head())),
                PROBLEMS => Cow::Owned(bitcode::encode(&self.problems)),
                n if n < PROBLEMS => Cow::Owned(bitcode::encode(pieces.next().unwrap_or_default())),
                n if n < VOCABULARY => Cow::Owned(self.index.parts().1.encode_section(n - TABLES)),
                _ => Cow::Borrowed(self.index.parts().0),
            })
        });
        if written.is_err() {
            return;
        }
        let target = self.dir.join(name);
        if let Some(seen) = &self.seen {
            hint::remember(&self.dir, seen, self.key);
        }
        prune::prune(&self.dir, &target);
    }
}

/// This build of hepatree: its version, the cache's format and a hash of its sources.
fn build_seed() -> u64 {
    let build = format!(
        "{} {} {}",
        env!("CARGO_PKG_VERSION"),
        file::FORMAT,
        env!("HEPATREE_BUILD")
    );
    xxh3_64(build.as_bytes())
}

/// Where the problems stand: after the catalog's head and its pieces.
const PROBLEMS: usize = PIECES + 1;
/// Then the index's tables, and last its vocabulary automaton.
const TABLES: usize = PROBLEMS + 1;
const VOCABULARY: usize = TABLES + crate::search::TABLE_SECTIONS;

/// The pieces of the entries at `sections`, read in turn through one buffer.
fn pieces(
    reader: &file::Reader,
    sections: impl Iterator<Item = usize> + Clone,
) -> Option<Vec<Vec<Node>>> {
    let largest = sections.clone().map(|i| reader.len(i)).max().unwrap_or(0);
    let mut bytes = Vec::with_capacity(largest);
    sections
        .map(|section| {
            reader.section_into(section, &mut bytes)?;
            decode::<Vec<Node>>(&bytes)
        })
        .collect()
}

fn decode<T: bitcode::DecodeOwned>(bytes: &[u8]) -> Option<T> {
    bitcode::decode(bytes).ok()
}

#[cfg(test)]
mod tests;
