//! One cache entry on disk: a header naming the format and the key, then sections, each
//! with its length and checksum in the header. Nothing is decoded before its checksum
//! holds, and a header whose lengths do not add up to the file's size (a truncated or
//! padded file) is refused before anything is allocated for it.
//!
//! Sections are written and read one at a time, so no more than one section's bytes are
//! held beside the decoded data.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"hepatree";
/// Raised whenever what the sections hold changes shape.
pub const FORMAT: u32 = 4;
/// The catalog's entries come in this many pieces, so that only a small piece's bytes are
/// held at a time beside what is decoded.
pub const PIECES: usize = 8;
/// The catalog (all but its entries, then the entries in pieces), the problems, the index
/// tables (one section each, the largest in pieces), the vocabulary automaton.
pub const SECTIONS: usize = PIECES + 3 + crate::search::TABLE_SECTIONS;
const HEADER: usize = MAGIC.len() + 4 + 16 + SECTIONS * 16;

/// Writes an entry to `path`: `section(i)` gives section i's bytes, asked for one at a time.
pub fn write<'a>(
    path: &Path,
    key: u128,
    mut section: impl FnMut(usize) -> Cow<'a, [u8]>,
) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(&[0; HEADER])?;
    let mut table = [(0u64, 0u64); SECTIONS];
    for (i, entry) in table.iter_mut().enumerate() {
        let bytes = section(i);
        file.write_all(&bytes)?;
        *entry = (bytes.len() as u64, xxh3_64(&bytes));
    }
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    for (len, sum) in table {
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&sum.to_le_bytes());
    }
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header)?;
    file.flush()
}

/// An entry being read, section by section; sections can be read on several threads.
pub struct Reader {
    /// The entry as opened: should another process replace it meanwhile, this one is read.
    file: File,
    table: [(u64, u64); SECTIONS],
}

impl Reader {
    /// Opens the entry at `path` if its header is this format's, for `key`, and its
    /// sections fill the file exactly; `None` otherwise.
    pub fn open(path: &Path, key: u128) -> Option<Self> {
        let mut file = File::open(path).ok()?;
        let size = file
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)?
            .len();
        let mut header = [0u8; HEADER];
        file.read_exact(&mut header).ok()?;
        let (magic, rest) = header.split_at(MAGIC.len());
        let (format, rest) = rest.split_at(4);
        let (stored_key, rest) = rest.split_at(16);
        let matches =
            magic == MAGIC && format == FORMAT.to_le_bytes() && stored_key == key.to_le_bytes();
        if !matches {
            return None;
        }
        let mut table = [(0u64, 0u64); SECTIONS];
        for (entry, bytes) in table.iter_mut().zip(rest.chunks_exact(16)) {
            let (len, sum) = bytes.split_at(8);
            *entry = (
                u64::from_le_bytes(len.try_into().ok()?),
                u64::from_le_bytes(sum.try_into().ok()?),
            );
        }
        let total = table
            .iter()
            .try_fold(HEADER as u64, |sum, &(len, _)| sum.checked_add(len))?;
        (total == size).then_some(Self { file, table })
    }

    /// Section `i`'s bytes, if they are all there and match their checksum. Sections may be
    /// read on several threads at once: each read names its own position in the file.
    pub fn section(&self, i: usize) -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        self.section_into(i, &mut bytes)?;
        Some(bytes)
    }

    /// Like [`Self::section`], into `bytes` (whose room is reused: one buffer can serve
    /// several sections in turn).
    pub fn section_into(&self, i: usize, bytes: &mut Vec<u8>) -> Option<()> {
        let &(len, sum) = self.table.get(i)?;
        let start: u64 = self.table[..i].iter().map(|&(len, _)| len).sum();
        bytes.clear();
        bytes.resize(usize::try_from(len).ok()?, 0);
        read_at(&self.file, bytes, HEADER as u64 + start).ok()?;
        (xxh3_64(bytes) == sum).then_some(())
    }

    /// Section `i`'s length in bytes.
    pub fn len(&self, i: usize) -> usize {
        self.table
            .get(i)
            .and_then(|&(len, _)| usize::try_from(len).ok())
            .unwrap_or(0)
    }
}

/// Fills `bytes` from `offset` without moving a position other threads share.
#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, bytes, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                bytes = &mut bytes[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// Elsewhere, through a second handle; a read disturbed by another thread's fails its
/// checksum, and the file is then prepared afresh.
#[cfg(not(any(unix, windows)))]
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> io::Result<()> {
    let mut file = file.try_clone()?;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<Vec<u8>> {
        (0..SECTIONS)
            .map(|i| {
                (0..100 * (i + 1))
                    .map(|b| u8::try_from(b % 251).expect("small"))
                    .collect()
            })
            .collect()
    }

    fn written(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("entry");
        let parts = sections();
        write(&path, 7, |i| Cow::Borrowed(&parts[i])).expect("written");
        path
    }

    fn read_all(path: &Path, key: u128) -> Option<Vec<Vec<u8>>> {
        let reader = Reader::open(path, key)?;
        (0..SECTIONS).map(|i| reader.section(i)).collect()
    }

    #[test]
    fn sections_come_back_as_written() {
        let dir = tempdir();
        assert_eq!(read_all(&written(&dir), 7), Some(sections()));
    }

    #[test]
    fn another_key_a_flipped_byte_or_a_cut_is_refused() {
        let dir = tempdir();
        let path = written(&dir);
        assert!(read_all(&path, 8).is_none());
        let good = std::fs::read(&path).expect("read");
        for at in (0..good.len()).step_by(37) {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            std::fs::write(&path, &bad).expect("write");
            assert!(read_all(&path, 7).is_none(), "flip at {at} accepted");
            std::fs::write(&path, &good[..at]).expect("write");
            assert!(read_all(&path, 7).is_none(), "cut at {at} accepted");
        }
    }

    fn tempdir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "hepatree-cache-file-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).expect("dir");
        dir
    }
}
