//! The cache of prepared files as the commands use it: the same answers from a cache hit as
//! from the file, entries written once (by `search`, which builds the index an entry holds)
//! and reused by every command, damage repaired, `--no-cache` honoured, and processes
//! sharing the directory at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cache-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

fn run(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hepatree"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("HEPATREE_CACHE_DIR", cache)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

/// The files in the cache directory but the hints (which say which entry a path had).
fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|list| {
            list.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_none_or(|e| e != "hint"))
                .collect()
        })
        .unwrap_or_default()
}

const FILE: &str = "tests/fixtures/markdown.ron";

#[test]
fn a_second_run_reads_the_entry_the_first_wrote_and_answers_the_same() {
    let cache = scratch("reuse");
    let first = run(&cache, &["-k", FILE, "search", "table"]);
    assert!(first.status.success());
    let written = entries(&cache);
    assert_eq!(written.len(), 1, "one entry: {written:?}");
    let stamp = std::fs::read(&written[0]).expect("entry");
    let second = run(&cache, &["-k", FILE, "search", "table"]);
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(
        std::fs::read(&written[0]).expect("entry"),
        stamp,
        "not rewritten"
    );
    for args in [
        &["export"][..],
        &["export", "--format", "tsv"],
        &["claims", "--format", "tsv"],
    ] {
        let mut with_file = vec!["-k", FILE];
        with_file.extend_from_slice(args);
        let cached = run(&cache, &with_file);
        with_file.push("--no-cache");
        let fresh = run(&cache, &with_file);
        assert_eq!(cached.stdout, fresh.stdout, "{args:?}");
        assert_eq!(cached.status.code(), fresh.status.code(), "{args:?}");
    }
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let cache = scratch("off");
    let output = run(&cache, &["--no-cache", "-k", FILE, "search", "table"]);
    assert!(output.status.success());
    assert!(entries(&cache).is_empty());
}

#[test]
fn a_damaged_entry_is_ignored_and_replaced() {
    let cache = scratch("damaged");
    let good = run(&cache, &["-k", FILE, "search", "table"]);
    assert!(good.status.success());
    let entry = entries(&cache).pop().expect("an entry");
    let mut bytes = std::fs::read(&entry).expect("entry");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&entry, &bytes).expect("damage");
    let again = run(&cache, &["-k", FILE, "search", "table"]);
    assert_eq!(again.stdout, good.stdout);
    assert_ne!(
        std::fs::read(&entry).expect("entry"),
        bytes,
        "the entry is rewritten"
    );
    std::fs::write(&entry, &bytes[..middle]).expect("truncate");
    let cut = run(&cache, &["-k", FILE, "search", "table"]);
    assert_eq!(cut.stdout, good.stdout);
}

#[test]
fn an_edited_file_is_prepared_afresh() {
    let cache = scratch("edited");
    let dir = scratch("edited-file");
    let file = dir.join("base.ron");
    let text = std::fs::read_to_string(FILE).expect("fixture");
    std::fs::write(&file, &text).expect("write");
    let path = file.to_str().expect("UTF-8 path");
    assert!(
        run(&cache, &["-k", path, "search", "table"])
            .status
            .success()
    );
    let renamed = text.replacen("title: \"A table\"", "title: \"Grids\"", 1);
    assert_ne!(renamed, text, "the fixture has the title");
    std::fs::write(&file, &renamed).expect("write");
    let after = run(&cache, &["-k", path, "search", "grids"]);
    assert!(after.status.success(), "the new title is found");
    assert_eq!(entries(&cache).len(), 2);
}

#[test]
fn processes_sharing_the_directory_at_once_agree() {
    let cache = scratch("shared");
    let expected = run(&cache, &["--no-cache", "-k", FILE, "search", "table"]).stdout;
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_hepatree"))
                .args(["-k", FILE, "search", "table"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("HEPATREE_CACHE_DIR", &cache)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait");
        assert_eq!(output.stdout, expected);
    }
    assert_eq!(entries(&cache).len(), 1, "one entry, no temporary files");
    assert_eq!(
        run(&cache, &["-k", FILE, "search", "table"]).stdout,
        expected
    );
    assert_eq!(run(&cache, &["-k", FILE, "export"]).stdout, {
        run(&cache, &["--no-cache", "-k", FILE, "export"]).stdout
    });
}

/// A file that can be read only once (a pipe, as `-k <(command)` gives) is read, not
/// hashed first; what it held is cached by its bytes, so the same text in a file finds it.
#[cfg(unix)]
#[test]
fn a_pipe_is_read_once() {
    use std::io::Write as _;
    let cache = scratch("pipe");
    let expected = run(&cache, &["--no-cache", "-k", FILE, "search", "table"]).stdout;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hepatree"))
        .args(["-k", "/dev/stdin", "search", "table"])
        .env("HEPATREE_CACHE_DIR", &cache)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)).expect("fixture");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&text)
        .expect("written");
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.stdout, expected);
    assert_eq!(entries(&cache).len(), 1);
    assert_eq!(
        run(&cache, &["-k", FILE, "search", "table"]).stdout,
        expected
    );
    assert_eq!(
        entries(&cache).len(),
        1,
        "the file's bytes found the pipe's entry"
    );
}
