//! Opening a knowledge file: reading it (with one-line reasons for a missing, empty,
//! oversized or non-UTF-8 file) and parsing it, or the embedded base when no file is given.

use std::fmt;
use std::path::Path;

use super::{EMBEDDED, EMBEDDED_NAME, KnowledgeBase, Problem, parse};

/// Why a knowledge file could not be opened as a knowledge base.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all.
    Unreadable { file: String, reason: String },
    /// The file was read but is not a valid knowledge base.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

/// The most problems listed; a count stands for the rest.
pub const SHOWN_PROBLEMS: usize = 100;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { file, reason } => write!(f, "cannot read {file}: {reason}"),
            Self::Invalid { file, problems } => {
                let mut lines: Vec<String> = problems
                    .iter()
                    .take(SHOWN_PROBLEMS)
                    .map(|p| format!("{file}:{p}"))
                    .collect();
                if problems.len() > SHOWN_PROBLEMS {
                    let rest = problems.len() - SHOWN_PROBLEMS;
                    lines.push(format!("{file}: … and {rest} more problems"));
                }
                f.write_str(&lines.join("\n"))
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a knowledge file from disk, or the embedded one when `path` is `None`.
///
/// Returns the name to show in messages along with the parsed base.
pub fn load(path: Option<&Path>) -> Result<(String, KnowledgeBase), LoadError> {
    let Some(path) = path else {
        return parse(EMBEDDED)
            .map(|kb| (EMBEDDED_NAME.to_owned(), kb))
            .map_err(|problems| LoadError::Invalid {
                file: EMBEDDED_NAME.to_owned(),
                problems,
            });
    };
    let file = path.display().to_string();
    let text = read_text(path).map_err(|reason| LoadError::Unreadable {
        file: file.clone(),
        reason,
    })?;
    match parse(&text) {
        Ok(kb) => Ok((file, kb)),
        Err(problems) => Err(LoadError::Invalid { file, problems }),
    }
}

/// Fails early, with the same message [`load`] would give, when `path` cannot even be opened:
/// the explorer checks this before taking over the terminal, so the message stays readable.
pub fn check_openable(path: &Path) -> Result<(), LoadError> {
    let reason = if path.is_dir() {
        Some("it is a directory, not a knowledge file".to_owned())
    } else {
        match std::fs::File::open(path).and_then(|f| f.metadata()) {
            Ok(meta) => too_large(meta.len()),
            Err(e) => Some(io_reason(&e)),
        }
    };
    reason.map_or(Ok(()), |reason| {
        Err(LoadError::Unreadable {
            file: path.display().to_string(),
            reason,
        })
    })
}

/// The largest knowledge file read: several times the largest measured (94 MB for 100,000
/// topics), and small enough that reading it cannot exhaust an ordinary machine's memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

fn too_large(bytes: u64) -> Option<String> {
    (bytes > MAX_FILE_BYTES).then(|| {
        format!(
            "it is {} MB, more than the {} MB a knowledge file may have; split it into smaller files",
            bytes / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    })
}

pub fn read_text(path: &Path) -> Result<String, String> {
    if path.is_dir() {
        return Err("it is a directory, not a knowledge file".to_owned());
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let size = file.metadata().map_err(|e| io_reason(&e))?.len();
    if let Some(reason) = too_large(size) {
        return Err(reason);
    }
    // Sized from the metadata: `take` hides the file's size from `read_to_end`, which would
    // otherwise grow the buffer by doubling, copying a large file several times over.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // Read at most one byte past the limit, in case the file grows while being read.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_FILE_BYTES + 1),
        &mut bytes,
    )
    .map_err(|e| io_reason(&e))?;
    if let Some(reason) = too_large(bytes.len() as u64) {
        return Err(reason);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err("the file is empty; a knowledge file starts with `(` and a title".to_owned());
    }
    Ok(text)
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}
