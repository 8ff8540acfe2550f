//! Start-up in a pseudo-terminal, hepatree against a minimal ratatui app, alternating runs:
//! time to the first frame, time until the explorer is usable, and peak memory.
//!
//! `cargo build --release --examples && cargo run --release --example startup -- [RUNS] [FILE]`
//! (FILE: a knowledge file to open as well as the embedded one).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What one run saw: first frame, usable explorer, peak resident memory in KiB.
struct Run {
    first: Duration,
    ready: Duration,
    peak_kib: u64,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let file = args.next();
    let release = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release");
    let minimal = release.join("examples/minimal");
    let hepatree = release.join("hepatree");
    let state = std::env::temp_dir().join("hepatree-startup-state");
    let mut cases: Vec<(String, Vec<String>, &Path, &str)> = vec![
        (
            "minimal ratatui app".into(),
            vec![],
            &minimal,
            "hello from ratatui",
        ),
        (
            "hepatree (embedded)".into(),
            vec![],
            &hepatree,
            "Educational only ·",
        ),
    ];
    if let Some(file) = &file {
        let args = vec!["--fresh".into(), "--knowledge".into(), file.clone()];
        cases.push((
            format!("hepatree {file}"),
            args,
            &hepatree,
            "Educational only ·",
        ));
    }
    let mut results: Vec<Vec<Run>> = cases.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs {
        for (case, results) in cases.iter().zip(&mut results) {
            results.push(measure(case.2, &case.1, case.3, &state));
        }
    }
    for (case, runs) in cases.iter().zip(&results) {
        let first = median(runs.iter().map(|r| r.first).collect());
        let ready = median(runs.iter().map(|r| r.ready).collect());
        let peak = runs.iter().map(|r| r.peak_kib).max().unwrap_or(0);
        println!(
            "{:<40} first frame {:>8.2} ms  usable {:>8.2} ms  peak RSS {:>5} MiB",
            case.0,
            first.as_secs_f64() * 1e3,
            ready.as_secs_f64() * 1e3,
            peak / 1024
        );
    }
}

fn measure(program: &Path, args: &[String], ready_text: &str, state: &Path) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env("TERM", "xterm-256color");
    command.env("HEPATREE_THEME", "dark");
    command.env("HEPATREE_STATE_DIR", state);
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
    let ready = wait(started, || contents().contains(ready_text));
    let pid = child.process_id().expect("pid");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    writer.write_all(b"q").expect("quit");
    child.wait().expect("exit");
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
