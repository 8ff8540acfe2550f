//! Start-up in a pseudo-terminal, hepatree against a minimal ratatui app, alternating runs:
//! time to the first frame, time until the explorer shows its tree (the first frame with
//! content), and peak memory, all medians. The shipped base (prepared by the build) is opened
//! once per round; a file is opened cold (an empty cache: the file is read, checked and
//! indexed) and warm (reopened: the cache holds it).
//!
//! `cargo build --release --examples && cargo run --release --example startup -- [RUNS] [FILE]`
//! (FILE: a knowledge file to open as well as the embedded one).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What one run saw: first frame, usable explorer, peak resident memory in KiB.
struct Run {
    first: Duration,
    ready: Duration,
    peak_kib: u64,
}

/// One thing to start: its name, program, arguments, the text that shows it is ready, and
/// whether its cache starts empty.
struct Case {
    name: String,
    program: PathBuf,
    args: Vec<String>,
    ready_text: &'static str,
    cold: bool,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let file = args.next();
    let release = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release");
    let hepatree = release.join("hepatree");
    let scratch = std::env::temp_dir().join("hepatree-startup");
    let mut cases = vec![Case {
        name: "minimal ratatui app".into(),
        program: release.join("examples/minimal"),
        args: vec![],
        ready_text: "hello from ratatui",
        cold: false,
    }];
    cases.push(Case {
        name: "hepatree, shipped base".into(),
        program: hepatree.clone(),
        args: vec!["--fresh".into()],
        ready_text: "Topics",
        cold: false,
    });
    if let Some(file) = &file {
        for cold in [true, false] {
            cases.push(Case {
                name: format!("hepatree {file} ({})", if cold { "cold" } else { "warm" }),
                program: hepatree.clone(),
                args: vec!["--fresh".into(), "--knowledge".into(), file.clone()],
                ready_text: "Topics",
                cold,
            });
        }
    }
    // Warm means the cache holds the file: one unmeasured open fills it.
    let _ = std::fs::remove_dir_all(scratch.join("warm-cache"));
    for case in cases.iter().filter(|c| !c.cold) {
        measure(case, &scratch);
    }
    let mut results: Vec<Vec<Run>> = cases.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs {
        for (case, results) in cases.iter().zip(&mut results) {
            results.push(measure(case, &scratch));
        }
    }
    for (case, runs) in cases.iter().zip(&results) {
        let first = median(runs.iter().map(|r| r.first).collect());
        let ready = median(runs.iter().map(|r| r.ready).collect());
        let mut peaks: Vec<u64> = runs.iter().map(|r| r.peak_kib).collect();
        peaks.sort_unstable();
        let peak = peaks.get(peaks.len() / 2).copied().unwrap_or(0);
        println!(
            "{:<44} first frame {:>8.2} ms  content {:>8.2} ms  peak RSS {:>5} MiB",
            case.name,
            first.as_secs_f64() * 1e3,
            ready.as_secs_f64() * 1e3,
            peak / 1024
        );
    }
}

fn measure(case: &Case, scratch: &Path) -> Run {
    let state = scratch.join("state");
    let cache = scratch.join(if case.cold {
        "cold-cache"
    } else {
        "warm-cache"
    });
    if case.cold {
        let _ = std::fs::remove_dir_all(&cache);
    }
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut command = CommandBuilder::new(&case.program);
    command.args(&case.args);
    command.env("HEPATREE_CACHE_DIR", &cache);
    command.env("TERM", "xterm-256color");
    command.env("HEPATREE_THEME", "dark");
    command.env("HEPATREE_STATE_DIR", &state);
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(command).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(30).expect("rows"),
        std::num::NonZeroU16::new(100).expect("cols"),
        0,
    )));
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buffer = vec![0u8; 65536];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock().expect("parser").process(&buffer[..n]);
        }
    });
    let contents = || screen.lock().expect("parser").screen().contents();
    let first = wait(started, || !contents().trim().is_empty());
    let ready = wait(started, || contents().contains(case.ready_text));
    // Peak memory counts the work that goes on after a file's tree shows (the index, the
    // cache); the shipped base's is a few milliseconds, and idling would slow the next run.
    if case.args.iter().any(|a| a == "--knowledge") {
        std::thread::sleep(Duration::from_millis(200) + ready * 3);
    }
    let pid = child.process_id().expect("pid");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    writer.write_all(b"q").expect("quit");
    child.wait().expect("exit");
    // A cold run leaves a new cache entry being written back to disk; the next run should
    // not pay for it.
    if case.cold {
        let _ = std::process::Command::new("sync").status();
    }
    Run {
        first,
        ready,
        peak_kib,
    }
}

fn wait(started: Instant, done: impl Fn() -> bool) -> Duration {
    while !done() {
        assert!(started.elapsed() < Duration::from_secs(60), "timed out");
        std::thread::sleep(Duration::from_micros(200));
    }
    started.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}
