//! The real binary in a pseudo-terminal: it draws, takes keys, searches, jumps and quits,
//! and leaves the terminal as it found it.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a non-zero size")
}

struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checking sequences the emulator does not keep.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Asks the reading thread to let go of its copy of the terminal's master side.
    detach: Arc<AtomicBool>,
    /// The thread reading what the program writes; joined once the program has exited, so
    /// that everything it wrote has been read.
    reading: Option<JoinHandle<()>>,
}

/// Polls `check` every 5 ms for up to 10 s; its first answer, or none on time-out.
fn eventually<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(answer) = check() {
            return Some(answer);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits for `child` to exit; on time-out kills it, so a failed test leaves nothing running.
fn wait_exit(child: &mut (dyn Child + Send + Sync)) -> portable_pty::ExitStatus {
    eventually(|| child.try_wait().expect("wait")).unwrap_or_else(|| {
        child.kill().expect("kill");
        panic!("the explorer did not exit");
    })
}

/// A fresh, empty state directory for one test, so saved sessions never leak between
/// tests or into the real one.
fn state_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pty-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("state dir");
    dir
}

/// The cache directory of the explorers the tests start.
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/cache");

impl Tui {
    /// Starts the binary with a state directory of its own, named after the test.
    fn spawn(test: &str, args: &[&str], cols: u16, rows: u16) -> Self {
        Self::spawn_in(&state_dir(test), args, cols, rows)
    }

    fn spawn_in(state: &std::path::Path, args: &[&str], cols: u16, rows: u16) -> Self {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_hepatree"));
        command.args(args);
        Self::launch(state, command, cols, rows)
    }

    fn launch(state: &std::path::Path, mut command: CommandBuilder, cols: u16, rows: u16) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env("HEPATREE_STATE_DIR", state);
        // One cache for every test's explorer, apart from the reader's own; tests running at
        // once share it, as processes do.
        if command.get_env("HEPATREE_CACHE_DIR").is_none() {
            command.env("HEPATREE_CACHE_DIR", TEST_CACHE);
        }
        // No terminal here answers a colour query; auto is tested on its own.
        if command.get_env("HEPATREE_THEME").is_none() {
            command.env("HEPATREE_THEME", "dark");
        }
        let child = pair.slave.spawn_command(command).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (sink, raw_sink) = (Arc::clone(&parser), Arc::clone(&raw));
        let detach = Arc::new(AtomicBool::new(false));
        let detached = Arc::clone(&detach);
        let reading = std::thread::spawn(move || {
            let mut buffer = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || detached.load(Ordering::Relaxed) {
                    break;
                }
                sink.lock().expect("parser").process(&buffer[..n]);
                raw_sink
                    .lock()
                    .expect("raw")
                    .extend_from_slice(&buffer[..n]);
            }
        });
        Self {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            detach,
            reading: Some(reading),
        }
    }

    /// Closes every handle on the terminal's master side, as when a terminal window is
    /// closed or a remote connection drops. The reading thread holds one of them and only
    /// lets go after a read, so `key` is sent to make the program draw once more; the
    /// terminal then goes once the program is idle again, waiting for input.
    fn hang_up(self, key: &[u8]) -> Box<dyn Child + Send + Sync> {
        let Self {
            mut writer,
            master,
            child,
            detach,
            reading,
            ..
        } = self;
        detach.store(true, Ordering::Relaxed);
        writer.write_all(key).expect("write");
        writer.flush().expect("flush");
        if let Some(reading) = reading {
            reading.join().expect("reading thread");
        }
        std::thread::sleep(Duration::from_millis(300));
        // portable-pty's writer, when dropped, types a newline and the end-of-file character
        // for the program to read; a closed window types nothing, so that character is unset.
        let tty = master.tty_name().expect("the terminal's name");
        let unset = std::process::Command::new("stty")
            .arg("-F")
            .arg(&tty)
            .args(["eof", "undef"])
            .status()
            .expect("stty");
        assert!(unset.success(), "stty -F {}", tty.display());
        drop(writer);
        drop(master);
        child
    }

    /// Whether the terminal shows the alternate screen (the explorer's) now.
    fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    /// Resizes the terminal, as a reader dragging the window would.
    fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_for(&self, needle: &str) {
        let seen = eventually(|| self.screen().contains(needle).then_some(()));
        assert!(
            seen.is_some(),
            "timed out waiting for {needle:?}; screen:\n{}",
            self.screen()
        );
    }

    /// Waits until `needle` is no longer on screen.
    fn wait_gone(&self, needle: &str) {
        let gone = eventually(|| (!self.screen().contains(needle)).then_some(()));
        assert!(gone.is_some(), "{needle:?} stayed on screen");
    }

    /// The text of the first clipboard copy (OSC 52) the program wrote, decoded.
    fn copied(&self) -> String {
        let raw = String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned();
        let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
        let end = start + raw[start..].find("\x1b\\").expect("terminated");
        let decoded =
            base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &raw[start..end])
                .expect("base64");
        String::from_utf8(decoded).expect("UTF-8")
    }

    /// Sends one key; an escape sequence goes in a single write so it is not split.
    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Waits for the program to exit, then for the reading thread to read the last of its
    /// output (the terminal's other side closes with the program).
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let status = wait_exit(&mut *self.child);
        if let Some(reading) = self.reading.take() {
            reading.join().expect("reading thread");
        }
        status
    }
}

#[test]
fn browse_search_jump_and_quit() {
    let mut tui = Tui::spawn(
        "browse",
        &["--knowledge", "tests/fixtures/small.ron"],
        100,
        30,
    );
    tui.wait_for("hepatree · ");
    tui.wait_for("Top › Welcome");
    assert!(tui.alternate_screen());
    tui.send(b"\x1b[B");
    tui.wait_for("Top › How plants grow");
    tui.send(b"l");
    tui.wait_for("Leaves and light");
    tui.send(b"/");
    tui.wait_for("Search titles");
    tui.send(b"aphid");
    tui.wait_for("1/1 result");
    tui.send(b"\r");
    tui.wait_for("Top › Care › Pests");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
    assert!(!tui.alternate_screen(), "left the alternate screen");
}

/// The front door on the shipped base, as a reader types: a question in plain words finds
/// its topic first; a word the base lacks finds nothing, and the prompt says so.
#[test]
fn search_answers_questions_and_admits_what_it_lacks() {
    let mut tui = Tui::spawn("front-door", &[], 100, 30);
    tui.wait_for("hepatree · ");
    tui.send(b"/");
    tui.wait_for("Search titles");
    tui.send(b"how much does it cost");
    tui.wait_for("/ how much does it cost");
    tui.wait_for(" results");
    // Read again until the frame is whole: a frame can reach the terminal in several writes.
    let first_result = || {
        let screen = tui.screen();
        let first = screen
            .lines()
            .find(|line| line.contains("  question") || line.contains("  overview"))?
            .to_owned();
        first
            .contains("Does insurance cover it, and what does it cost?")
            .then_some(first)
    };
    assert!(eventually(first_result).is_some(), "{}", tui.screen());
    tui.send(b"\x1b");
    tui.wait_gone("Search titles");
    tui.send(b"/");
    tui.wait_for("Search titles");
    tui.send(b"banana");
    tui.wait_for("The word \u{201c}banana\u{201d} is not in this knowledge base.");
    tui.wait_for("No results");
    tui.send(b"\x1b");
    tui.wait_gone("Search titles");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

#[test]
fn resize_lays_out_again() {
    let mut tui = Tui::spawn(
        "resize",
        &["--knowledge", "tests/fixtures/small.ron"],
        80,
        24,
    );
    tui.wait_for("Top › Welcome");
    // The emulator first, so the redraw that the resize causes lands on the new size.
    tui.parser
        .lock()
        .expect("parser")
        .screen_mut()
        .set_size(nonzero(12), nonzero(30));
    tui.resize(30, 12);
    tui.wait_for("too small");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

#[test]
fn follow_a_link_go_back_and_forward_then_resume() {
    let state = state_dir("links");
    let args = ["--knowledge", "tests/fixtures/small.ron"];
    let mut tui = Tui::spawn_in(&state, &args, 100, 30);
    tui.wait_for("Top › Welcome");
    tui.send(b"\t");
    tui.send(b"\t");
    tui.send(b"\r");
    tui.wait_for("Top › How plants grow");
    tui.send(b"\x7f");
    tui.wait_for("Top › Welcome");
    tui.send(b"\x1b[1;3C");
    tui.wait_for("Top › How plants grow");
    tui.send(b"y");
    tui.wait_for("Copied “How plants grow”");
    let copied = tui.copied();
    assert!(
        copied.starts_with("Top › How plants grow\nHow plants grow\n"),
        "{copied}"
    );
    tui.send(b"q");
    assert!(tui.wait_exit().success());

    let mut again = Tui::spawn_in(&state, &args, 100, 30);
    again.wait_for("Top › How plants grow");
    again.send(b"\x7f");
    again.wait_for("Top › Welcome");
    again.send(b"L");
    again.wait_for("Top › How plants grow");
    again.send(b"q");
    assert!(again.wait_exit().success());

    let mut fresh = Tui::spawn_in(&state, &["--fresh", args[0], args[1]], 100, 30);
    fresh.wait_for("Top › Welcome");
    fresh.send(b"q");
    assert!(fresh.wait_exit().success());
}

/// A large file loads behind a loading screen, and keys typed before it is ready are
/// applied once it is, in order.
#[test]
fn keys_typed_while_a_large_file_loads_are_kept() {
    let dir = state_dir("loading");
    let file = dir.join("large.ron");
    let text = hepatree::synth::generate(4_000, 3);
    std::fs::write(&file, &text).expect("write");
    // A glossary term of the generated file, long enough to be found by its whole word.
    let term = text
        .split("(term: \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|t| t.len() >= 9)
        .expect("a glossary term")
        .to_owned();
    let mut tui = Tui::spawn_in(
        &dir,
        &["--knowledge", file.to_str().expect("utf-8 path")],
        100,
        30,
    );
    // Typed at once, before the first frame: open search, type a word, pick the first hit.
    tui.send(b"/");
    tui.send(b"zzqx");
    tui.send(b"\x7f\x7f\x7f\x7f");
    tui.send(term.as_bytes());
    tui.wait_for("results");
    tui.wait_for(&format!("/ {term}"));
    let raw = String::from_utf8_lossy(&tui.raw.lock().expect("raw")).into_owned();
    assert!(
        raw.contains("Opening"),
        "the loading screen was drawn first"
    );
    tui.send(b"\r");
    tui.wait_for(&format!("Glossary › {term}"));
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

/// SIGTERM, SIGHUP and SIGINT from outside end the explorer as `q` does: the terminal is
/// restored (raw mode, mouse reporting and the alternate screen all undone) and the
/// session saved.
#[test]
fn termination_signals_restore_the_terminal_and_save() {
    for signal in ["TERM", "HUP", "INT"] {
        let dir = state_dir(&format!("signal-{signal}"));
        let mut tui = Tui::spawn_in(&dir, &["--knowledge", "tests/fixtures/small.ron"], 100, 30);
        tui.wait_for("Top › Welcome");
        tui.send(b"\x1b[B");
        tui.wait_for("Top › How plants grow");
        let pid = tui.child.process_id().expect("pid").to_string();
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill");
        assert!(killed.success());
        assert!(tui.wait_exit().success(), "SIG{signal} ends cleanly");
        let raw = tui.raw.lock().expect("raw").clone();
        let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
        assert!(
            tail.contains("\x1b[?1049l"),
            "SIG{signal}: left the alternate screen"
        );
        assert!(
            tail.contains("\x1b[?1000l"),
            "SIG{signal}: mouse reporting off"
        );
        assert!(!tui.alternate_screen(), "SIG{signal}");
        let session = saved_session(&dir);
        assert!(
            session.contains("\"growth\""),
            "SIG{signal}: session saved: {session}"
        );
    }
}

/// The session file the explorer saved in `dir`, or nothing.
fn saved_session(dir: &std::path::Path) -> String {
    std::fs::read_dir(dir)
        .expect("state dir")
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .map(|e| std::fs::read_to_string(e.path()).expect("session"))
        .unwrap_or_default()
}

/// A panic (injected: debug builds panic on request once they hold the terminal) restores
/// the terminal first, then prints its message, so the message stays on the reader's screen.
#[test]
fn a_panic_restores_the_terminal_and_leaves_its_message() {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_hepatree"));
    command.args(["--knowledge", "tests/fixtures/small.ron"]);
    command.env("HEPATREE_TEST_PANIC", "1");
    let mut tui = Tui::launch(&state_dir("panic"), command, 100, 30);
    let status = tui.wait_exit();
    assert!(!status.success(), "a panic is a failure: {status:?}");
    tui.wait_for("injected by HEPATREE_TEST_PANIC");
    let raw = String::from_utf8_lossy(&tui.raw.lock().expect("raw")).into_owned();
    let message = raw.find("injected by").expect("the message");
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let mouse_off = raw.rfind("\x1b[?1000l").expect("mouse reporting off");
    assert!(
        left < message && mouse_off < message,
        "restored before the message"
    );
    assert!(!tui.alternate_screen());
}

/// Closing the terminal (the window, or the connection behind it) ends the explorer and
/// keeps its session; it does not leave a process spinning on a dead terminal.
#[test]
fn closing_the_terminal_ends_the_explorer_and_saves() {
    let dir = state_dir("hang-up");
    let tui = Tui::spawn_in(&dir, &["--knowledge", "tests/fixtures/small.ron"], 100, 30);
    tui.wait_for("Top › Welcome");
    let mut child = tui.hang_up(b"\x1b[B");
    let status = wait_exit(&mut *child);
    assert!(status.success(), "ends like q: {status:?}");
    let session = saved_session(&dir);
    assert!(session.contains("\"growth\""), "session saved: {session}");
}

/// The same when no hang-up signal arrives: the explorer runs in a session of its own
/// (`setsid`), so the terminal is not its controlling one and only the dead device tells.
#[cfg(target_os = "linux")]
#[test]
fn a_terminal_lost_without_a_hangup_signal_still_ends_the_explorer() {
    if std::process::Command::new("setsid")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: setsid is not installed");
        return;
    }
    let dir = state_dir("lost");
    let files = state_dir("lost-files");
    let knowledge = files.join("lost-terminal.ron");
    std::fs::copy("tests/fixtures/small.ron", &knowledge).expect("copy");
    let knowledge = knowledge.to_str().expect("UTF-8 path");
    let mut command = CommandBuilder::new("setsid");
    // `--wait` keeps setsid alive: were it to exit at once, the hang-up of its session could
    // reach the explorer before the explorer has left for a session of its own.
    command.args([
        "--wait",
        env!("CARGO_BIN_EXE_hepatree"),
        "--knowledge",
        knowledge,
    ]);
    let tui = Tui::launch(&dir, command, 100, 30);
    tui.wait_for("Top › Welcome");
    let pid = explorer_pid(knowledge).expect("the explorer's process");
    let mut setsid = tui.hang_up(b"\x1b[B");
    if eventually(|| (!running(&pid)).then_some(())).is_none() {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status();
        panic!("the explorer outlived its terminal");
    }
    let _ = setsid.wait();
    let session = saved_session(&dir);
    assert!(session.contains("\"growth\""), "session saved: {session}");
}

/// The process whose program is hepatree and whose arguments name `knowledge`.
#[cfg(target_os = "linux")]
fn explorer_pid(knowledge: &str) -> Option<String> {
    eventually(|| {
        std::fs::read_dir("/proc")
            .expect("/proc")
            .flatten()
            .find(|entry| {
                let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
                let args: Vec<_> = cmdline
                    .split(|&b| b == 0)
                    .map(String::from_utf8_lossy)
                    .collect();
                args.first().is_some_and(|a| a.ends_with("hepatree"))
                    && args.iter().any(|a| a == knowledge)
            })
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
    })
}

/// Whether `pid` still runs; a zombie (exited, not yet reaped) does not.
#[cfg(target_os = "linux")]
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(") ")
            .next()
            .is_some_and(|rest| !rest.starts_with('Z'))
    })
}

/// The explorer itself, traced while it draws, searches, is resized and quits: its only
/// socket call is the local socket pair crossterm uses to hear about resizes, written to
/// when one happens. Nothing is opened that could reach a network.
#[test]
fn the_explorer_opens_no_network_socket() {
    let traced = std::process::Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=network",
            "-o",
            "/dev/null",
            "true",
        ])
        .output();
    if !traced.is_ok_and(|out| out.status.success()) {
        eprintln!("skipped: strace is not available or cannot trace here");
        return;
    }
    let dir = state_dir("strace");
    let log = dir.join("network-calls.txt");
    let mut command = CommandBuilder::new("strace");
    command.args(["-f", "-qq", "-e", "trace=network", "-o"]);
    command.arg(&log);
    command.args([
        env!("CARGO_BIN_EXE_hepatree"),
        "--knowledge",
        "tests/fixtures/small.ron",
    ]);
    let mut tui = Tui::launch(&dir, command, 100, 30);
    tui.wait_for("Top › Welcome");
    tui.send(b"/");
    tui.wait_for("Search titles");
    tui.send(b"roots");
    tui.wait_for("Roots and soil");
    tui.send(b"\r");
    tui.resize(120, 40);
    tui.send(b"q");
    assert!(tui.wait_exit().success());
    let calls = std::fs::read_to_string(&log).expect("trace");
    let calls: Vec<&str> = calls
        .lines()
        .map(|line| {
            line.split_once(' ')
                .map_or(line, |(_, call)| call)
                .trim_start()
        })
        .filter(|line| !line.starts_with("---"))
        // A thread still inside a call when the process ends shows as an unnamed call cut
        // off by the exit, whatever the call was.
        .filter(|line| !(line.starts_with("???(") && line.contains("<detached")))
        .collect();
    assert!(
        calls.iter().any(|c| c.starts_with("socketpair(AF_UNIX")),
        "the trace saw crossterm's socket pair: {calls:?}"
    );
    for call in &calls {
        let local = call.starts_with("socketpair(AF_UNIX")
            || (call.starts_with("sendto(") && call.contains(", NULL, 0)"));
        assert!(local, "a network call: {call}");
    }
}

/// A knowledge file full of escape sequences, C1 controls, direction overrides and invisible
/// characters, browsed, searched and copied in a real terminal: none of its sequences reaches
/// the terminal, and the copy holds clean text.
#[test]
fn hostile_text_never_reaches_the_terminal() {
    let mut tui = Tui::spawn(
        "hostile",
        &["--knowledge", "tests/fixtures/hostile.ron"],
        100,
        30,
    );
    tui.wait_for("Evil [31mred[0m title");
    tui.send(b"\x1b[B");
    tui.wait_for("肝硬変 and 🧬 cells café");
    tui.wait_for("Top › 肝硬変");
    tui.wait_for("hostile[5mterm");
    // Wide, combining and emoji text takes the columns the terminal gives it: every row of
    // both panes still ends on its border, in the last column.
    {
        let screen = tui.parser.lock().expect("parser").screen().clone();
        for row in 1..29 {
            let edge = screen.cell(row, 99).map(|c| c.contents().to_owned());
            assert!(
                edge.as_deref()
                    .is_some_and(|e| "┐│┘".contains(e) && !e.is_empty()),
                "row {row} ends on {edge:?}:\n{}",
                screen.contents()
            );
        }
    }
    tui.send(b"y");
    tui.wait_for("Copied");
    tui.send(b"/");
    tui.send("肝臓".as_bytes());
    tui.wait_for("1/1 result");
    tui.send(b"\x1b");
    // Apart, so that the terminal does not read Esc and q as Alt-q.
    tui.wait_gone("Search titles");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
    let raw = tui.raw.lock().expect("raw").clone();
    for payload in [
        &b"\x1b]0;"[..],
        b"\x1b]8;",
        b"\x1b[5m",
        b"\x1b[2J]0",
        b"\x1b]52;c;aGVsbG8=",
        "\u{9b}".as_bytes(),
        "\u{85}".as_bytes(),
        "\u{202e}".as_bytes(),
        "\u{2066}".as_bytes(),
        "\u{200b}".as_bytes(),
        "\u{feff}".as_bytes(),
        b"\x08",
    ] {
        assert!(
            !raw.windows(payload.len()).any(|w| w == payload),
            "the terminal received {payload:?}"
        );
    }
    // No BEL at all (the copy ends with ST), and the copy's text is clean.
    assert_eq!(String::from_utf8_lossy(&raw).matches('\u{7}').count(), 0);
    let copied = tui.copied();
    assert!(copied.contains("肝硬変 and 🧬 cells café"), "{copied}");
    assert!(
        !copied.chars().any(|c| c.is_control() && c != '\n'),
        "{copied:?}"
    );
}

/// The background colour of the header's first cell, as the terminal was told to draw it.
fn header_background(tui: &Tui) -> vt100::Color {
    let parser = tui.parser.lock().expect("parser");
    parser
        .screen()
        .cell(0, 1)
        .map_or(vt100::Color::Default, vt100::Cell::bgcolor)
}

#[test]
fn auto_theme_asks_the_terminal_and_the_flag_wins() {
    // A terminal that says it draws black on white gets the light theme.
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_hepatree"));
    command.arg("--fresh");
    command.env("HEPATREE_THEME", "auto");
    let mut tui = Tui::launch(&state_dir("auto_theme"), command, 80, 24);
    let asked = eventually(|| {
        let raw = tui.raw.lock().expect("raw");
        raw.windows(6).any(|w| w == b"\x1b]11;?").then_some(())
    });
    assert!(asked.is_some(), "the explorer asks for the background");
    // Black text on white, then the reply to the device-attributes query that ends it.
    tui.send(b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c");
    tui.wait_for("Topics");
    assert_eq!(header_background(&tui), vt100::Color::Idx(153), "light");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
    // The variable chooses when no flag is given; the flag wins over it.
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_hepatree"));
    command.args(["--fresh", "--theme", "dark"]);
    command.env("HEPATREE_THEME", "light");
    let mut tui = Tui::launch(&state_dir("flag_theme"), command, 80, 24);
    tui.wait_for("Topics");
    assert_eq!(header_background(&tui), vt100::Color::Idx(80), "dark");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

/// Ctrl-Z under a shell with job control: the terminal goes back to the shell as it was,
/// the shell reports the job stopped, and `fg` brings the explorer back, drawn afresh.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    let mut command = CommandBuilder::new("bash");
    command.args(["--norc", "--noprofile", "-i"]);
    command.env("PS1", "shell$ ");
    let mut tui = Tui::launch(&state_dir("suspend"), command, 100, 30);
    tui.wait_for("shell$");
    let program = env!("CARGO_BIN_EXE_hepatree");
    tui.send(format!("{program} --fresh\r").as_bytes());
    tui.wait_for("Topics");
    assert!(tui.alternate_screen());
    tui.send(b"\x1a");
    tui.wait_for("Stopped");
    assert!(!tui.alternate_screen(), "the shell has its screen back");
    tui.send(b"fg\r");
    let back = eventually(|| tui.alternate_screen().then_some(()));
    assert!(back.is_some(), "fg takes the terminal again");
    tui.wait_for("Topics");
    tui.send(b"q");
    tui.wait_for("shell$");
    tui.send(b"exit\r");
    assert!(tui.wait_exit().success());
}

/// `show` on a terminal: laid out for the terminal's width, and paged through `$PAGER`
/// unless `--no-pager` is given.
#[test]
fn show_fits_the_terminal_and_pages() {
    let show = |pager: &str, extra: &[&str]| {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_hepatree"));
        command.args(["show", "what-is-cirrhosis"]);
        command.args(extra);
        command.env("PAGER", pager);
        let mut tui = Tui::launch(&state_dir("show"), command, 60, 40);
        assert!(tui.wait_exit().success());
        String::from_utf8_lossy(&tui.raw.lock().expect("raw")).into_owned()
    };
    let plain = show("cat", &[]);
    assert!(plain.contains("Top › "), "{plain}");
    // A web address is never cut, so it may run past the edge on a line of its own.
    let widest = plain
        .lines()
        .filter(|l| !l.trim().starts_with("https://"))
        .map(|l| l.trim_end().chars().count())
        .max();
    assert!(widest.is_some_and(|w| w <= 60), "{widest:?}:\n{plain}");
    assert!(widest.is_some_and(|w| w > 50), "uses the width: {widest:?}");
    let paged = show("sed s/^/PAGED:/", &[]);
    assert!(paged.contains("PAGED:Top › "), "{paged}");
    let unpaged = show("sed s/^/PAGED:/", &["--no-pager"]);
    assert!(!unpaged.contains("PAGED:"), "{unpaged}");
    let wide = show("cat", &["--width", "100"]);
    assert!(
        wide.lines().any(|l| l.trim_end().chars().count() > 60),
        "--width wins"
    );
}

/// Web addresses in the text are terminal hyperlinks (OSC 8) around their own cells, and
/// still plain text on screen; a control character in an address never reaches the
/// terminal.
#[test]
fn web_addresses_are_terminal_hyperlinks() {
    let dir = state_dir("hyperlinks");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("links.ron");
    std::fs::write(
        &file,
        r#"(title: "Links", disclaimer: "For tests.", topics: [
            (id: "a", title: "Where to read more", kind: Overview, summary: "s",
             body: "Read https://example.org/liver first. Not this: https://evil.example/\u{1b}]8;;x"),
        ])"#,
    )
    .expect("file");
    let mut tui = Tui::spawn_in(&dir, &["--knowledge", &file.to_string_lossy()], 100, 30);
    tui.wait_for("https://example.org/liver");
    let raw = eventually(|| {
        let raw = String::from_utf8_lossy(&tui.raw.lock().expect("raw")).into_owned();
        raw.contains("\x1b]8;;https://evil.example/").then_some(raw)
    })
    .expect("both addresses linked");
    let opened = "\x1b]8;;https://example.org/liver\x1b\\";
    let start = raw.find(opened).expect("the address is a hyperlink") + opened.len();
    let end = start + raw[start..].find("\x1b]8;;\x1b\\").expect("closed");
    assert!(
        raw[start..end].contains("https://example.org/liver"),
        "{:?}",
        &raw[start..end]
    );
    for (n, _) in raw.match_indices("\x1b]8;;") {
        let rest = &raw[n + 5..];
        let target = &rest[..rest.find('\x1b').expect("terminated")];
        assert!(
            target.is_empty() || !target.chars().any(char::is_control),
            "{target:?}"
        );
        assert!(rest[target.len()..].starts_with("\x1b\\"), "ended by ST");
    }
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

/// A file whose only problems point nowhere opens: the header counts them, `!` lists them
/// where `check` would, and the broken link is drawn but cannot be followed.
#[test]
fn a_file_with_broken_links_opens_with_its_problems_listed() {
    let mut tui = Tui::spawn(
        "warnings",
        &["--knowledge", "tests/fixtures/dangling_link.ron"],
        100,
        30,
    );
    tui.wait_for("⚠ 4 problems (!)");
    tui.wait_for("Go to somewhere.");
    tui.send(b"!");
    tui.wait_for("4 problems in tests/fixtures/dangling_link.ron");
    tui.wait_for("6:74  topic `a` links to unknown topic `nowhere`");
    tui.send(b"\x1b");
    tui.wait_gone("problems in");
    // Following the broken link does nothing: there is no link to select.
    tui.send(b"]\r");
    tui.wait_for("Top › A");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

/// The explorer follows its file: a save in place and a save by rename both show at once,
/// where the reader was; a save that does not read keeps the last good version on screen
/// with a notice naming the place, until the file reads again.
#[test]
fn the_explorer_follows_saves_of_its_file() {
    let dir = state_dir("reload");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("live.ron");
    let version = |title: &str| {
        format!(
            "(title: \"Live\", disclaimer: \"For tests.\", topics: [\n  (id: \"a\", title: \"{title}\", kind: Overview, summary: \"s\", body: \"b\"),\n  (id: \"b\", title: \"Second\", kind: Risk, summary: \"s\", body: \"text\"),\n])"
        )
    };
    std::fs::write(&file, version("First version")).expect("file");
    let mut tui = Tui::spawn_in(
        &dir,
        &["--fresh", "--knowledge", &file.to_string_lossy()],
        100,
        30,
    );
    tui.wait_for("First version");
    tui.send(b"j");
    tui.wait_for("Top › Second");
    // Rewritten in place.
    std::fs::write(&file, version("Edited in place")).expect("rewrite");
    tui.wait_for("Edited in place");
    assert!(
        tui.screen().contains("Top › Second"),
        "the reader stays where they were"
    );
    // Written to a new file and renamed over the old, as many editors save.
    let temporary = dir.join(".live.ron.tmp");
    std::fs::write(&temporary, version("Renamed over")).expect("temporary");
    std::fs::rename(&temporary, &file).expect("rename");
    tui.wait_for("Renamed over");
    // A save that does not read: the last good version stays, with the place named.
    std::fs::write(&file, "(title: \"Live\",\n  disclaimer: oops").expect("broken");
    tui.wait_for("live.ron:2:");
    assert!(tui.screen().contains("Renamed over"), "{}", tui.screen());
    assert!(
        tui.screen()
            .contains("Showing the last good version · live.ron:2:")
    );
    std::fs::write(&file, version("Fixed")).expect("fixed");
    tui.wait_for("Fixed");
    tui.wait_gone("Showing the last good version");
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}

/// `e` opens `$EDITOR` at the selected topic's line with the terminal handed over; what the
/// editor saves is on screen when it closes.
#[test]
fn e_opens_the_editor_at_the_topic_and_shows_the_change() {
    let dir = state_dir("editor");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("edit.ron");
    std::fs::write(
        &file,
        "(title: \"Edit\", disclaimer: \"For tests.\", topics: [\n  (id: \"a\", title: \"Alpha\", kind: Overview, summary: \"s\", body: \"b\"),\n  (id: \"b\", title: \"Beta\", kind: Risk, summary: \"s\", body: \"text\"),\n])",
    )
    .expect("file");
    let args = dir.join("args.txt");
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\nsed -i 's/Beta/Beta, edited/' \"$2\"\n",
            args.display()
        ),
    )
    .expect("editor");
    std::process::Command::new("chmod")
        .args(["+x", &editor.to_string_lossy()])
        .status()
        .expect("chmod");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_hepatree"));
    command.args(["--fresh", "--knowledge", &file.to_string_lossy()]);
    command.env("EDITOR", &editor);
    command.env_remove("VISUAL");
    let mut tui = Tui::launch(&dir, command, 100, 30);
    tui.wait_for("Alpha");
    tui.send(b"j");
    tui.wait_for("Top › Beta");
    tui.send(b"e");
    tui.wait_for("Beta, edited");
    assert!(tui.alternate_screen(), "the explorer has the terminal back");
    let given = std::fs::read_to_string(&args).expect("the editor ran");
    assert_eq!(given.trim(), format!("+3 {}", file.display()));
    tui.send(b"q");
    assert!(tui.wait_exit().success());
}
