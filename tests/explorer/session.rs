//! Saved sessions: resume across runs, and every fault of the state file (missing, garbage,
//! truncated, newer, unreadable, unwritable) leaves the explorer usable and the old file
//! intact.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use hepatree::app::App;
use hepatree::session_store::{Session, Store};
use hepatree::theme::DARK;
use support::{app_with, id_of, play_on, selected_id};

const KEY: &str = "tests/fixtures/small.ron";

/// An empty directory for one test.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("session-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("dir");
    dir
}

/// A run of the explorer on the fixture with its session in `dir`.
fn run(dir: &Path, fresh: bool) -> App {
    let mut app = app_with(&DARK);
    app.attach(Store::in_dir(dir, KEY), fresh);
    app
}

fn session_file(dir: &Path) -> PathBuf {
    Store::in_dir(dir, KEY).path().to_path_buf()
}

/// Files in `dir` whose names contain `part`, with their contents.
fn files_like(dir: &Path, part: &str) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(part))
        .map(|e| {
            let bytes = fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    found.sort();
    found
}

/// The explorer still takes keys, draws, and can save a new session.
fn assert_usable(app: &mut App) {
    let text = play_on(app, "jl/aphid<enter>", 80, 24);
    assert_eq!(selected_id(app), "pests", "{text}");
}

#[test]
fn a_second_run_resumes_where_the_first_ended() {
    let dir = fresh_dir("resume");
    let mut first = run(&dir, false);
    assert_eq!(first.status(), None, "no notice on a first run");
    play_on(&mut first, "jl<tab>]<enter>m", 80, 24);
    play_on(&mut first, "/drought<enter>", 80, 24);
    let (selected, scroll) = (selected_id(&first), first.detail().scroll);
    assert_eq!(selected, "watering");
    assert!(scroll > 0);
    first.save().expect("saved");

    let mut second = run(&dir, false);
    let text = play_on(&mut second, "", 80, 24);
    assert_eq!(selected_id(&second), "watering");
    assert_eq!(second.detail().scroll, scroll);
    assert!(
        text.contains("▾ How plants grow") && text.contains("▾ Care"),
        "{text}"
    );
    let marks: Vec<String> = second
        .bookmarks()
        .iter()
        .map(|&b| id_of(&second, b))
        .collect();
    assert_eq!(marks, ["roots"]);
    // The history came along: back goes to the topic before each jump.
    play_on(&mut second, "<bs>", 80, 24);
    assert_eq!(selected_id(&second), "roots");
    play_on(&mut second, "<bs>", 80, 24);
    assert_eq!(selected_id(&second), "growth");

    let fresh = run(&dir, true);
    assert_eq!(selected_id(&fresh), "welcome", "--fresh starts at the top");
    assert_eq!(fresh.bookmarks().len(), 1, "but keeps the bookmarks");
    assert!(fresh.history().back_stack().is_empty());
}

#[test]
fn ids_that_no_longer_exist_are_dropped_quietly() {
    let dir = fresh_dir("stale");
    let session = Session {
        version: 1,
        selected: Some("gone".to_owned()),
        open: vec!["care".to_owned(), "nope".to_owned()],
        bookmarks: vec!["pests".to_owned(), "vanished".to_owned()],
        back: vec![hepatree::session_store::Place {
            id: "lost".to_owned(),
            scroll: 3,
        }],
        ..Session::default()
    };
    Store::in_dir(&dir, KEY).save(&session).expect("saved");
    let mut app = run(&dir, false);
    assert_eq!(app.status(), None);
    assert_eq!(selected_id(&app), "welcome");
    assert_eq!(app.bookmarks().len(), 1);
    assert!(app.history().back_stack().is_empty());
    assert!(support::visible_ids(&app).contains(&"watering".to_owned()));
    assert_usable(&mut app);
}

/// Writes `bytes` as the session file, starts the explorer, and checks that it starts clean
/// with a notice and that the bad file was kept aside, byte for byte.
fn assert_set_aside(name: &str, bytes: &[u8], notice: &str) {
    let dir = fresh_dir(name);
    fs::write(session_file(&dir), bytes).expect("written");
    let mut app = run(&dir, false);
    let status = app.status().expect("a notice");
    assert!(status.contains(notice), "{status}");
    assert!(status.contains(".bad-"), "{status}");
    assert_eq!(selected_id(&app), "welcome");
    let aside = files_like(&dir, ".bad-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(aside[0].1, bytes);
    assert_usable(&mut app);
    app.save().expect("a new session is saved beside it");
    assert_eq!(files_like(&dir, ".bad-")[0].1, bytes, "never overwritten");
    assert!(session_file(&dir).exists());
}

#[test]
fn garbage_is_set_aside() {
    assert_set_aside("garbage", b"\x00\xffnot a session at all{{{", "was damaged");
}

#[test]
fn a_truncated_file_is_set_aside() {
    let dir = fresh_dir("truncated-source");
    let app = run(&dir, false);
    app.save().expect("saved");
    let whole = fs::read(session_file(&dir)).expect("read");
    assert_set_aside("truncated", &whole[..whole.len() / 2], "was damaged");
}

#[test]
fn a_newer_version_is_set_aside() {
    let newer = b"(version: 99, selected: Some(\"pests\"), shape: \"unknown\")";
    assert_set_aside("newer", newer, "newer hepatree (format 99)");
}

#[test]
fn an_unreadable_file_is_set_aside() {
    // A directory where the file should be cannot be read as one, even by root.
    let dir = fresh_dir("unreadable");
    fs::create_dir(session_file(&dir)).expect("a directory in the way");
    let mut app = run(&dir, false);
    let status = app.status().expect("a notice");
    assert!(status.contains("could not be read"), "{status}");
    assert_eq!(files_like(&dir, ".bad-").len(), 1);
    assert_usable(&mut app);
    app.save().expect("saved");
}

#[test]
fn a_missing_file_means_a_clean_start_without_notice() {
    let dir = fresh_dir("missing");
    let mut app = run(&dir, false);
    assert_eq!(app.status(), None);
    assert_usable(&mut app);
}

#[test]
fn a_failed_write_keeps_the_previous_file_whole() {
    let dir = fresh_dir("unwritable");
    let mut first = run(&dir, false);
    play_on(&mut first, "jm", 80, 24);
    let before = fs::read(session_file(&dir)).expect("saved by the bookmark");
    // Block the temporary file the save writes first (a stand-in for a full disk or a
    // read-only directory that works even for root).
    let mut blocked = session_file(&dir).into_os_string();
    blocked.push(format!(".tmp-{}", std::process::id()));
    fs::create_dir(&blocked).expect("blocked");
    let text = play_on(&mut first, "jm", 80, 24);
    assert!(text.contains("Not saved"), "{text}");
    assert!(first.save().is_err());
    assert_eq!(fs::read(session_file(&dir)).expect("still there"), before);
    assert_usable(&mut first);
}

#[test]
fn a_state_directory_that_cannot_be_created_is_only_a_notice() {
    let dir = fresh_dir("not-a-dir");
    let file = dir.join("plain-file");
    fs::write(&file, b"x").expect("written");
    let mut app = run(&file.join("state"), false);
    assert_eq!(app.status(), None);
    let text = play_on(&mut app, "m", 80, 24);
    assert!(text.contains("Not saved"), "{text}");
    assert_usable(&mut app);
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_keeps_the_previous_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fresh_dir("read-only");
    let app = run(&dir, false);
    app.save().expect("saved");
    let before = fs::read(session_file(&dir)).expect("read");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    let writable = fs::write(dir.join("probe"), b"").is_ok();
    let mut app = run(&dir, false);
    play_on(&mut app, "jjm", 80, 24);
    let saved = app.save();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
    if !writable {
        // Root ignores the mode; the blocked-write test above covers that case.
        assert!(saved.is_err());
        assert_eq!(fs::read(session_file(&dir)).expect("read"), before);
    }
    assert_usable(&mut app);
}
