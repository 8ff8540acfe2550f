//! hepatree works offline and contains no networking: no networking crate is in the
//! dependency tree, no networking API is named in the source, and the binary, run under a
//! system-call trace where `strace` is available, opens no socket.

use std::path::Path;
use std::process::Command;

const NETWORKING_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "h2",
    "h3",
    "tokio",
    "async-std",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "native-tls",
    "openssl",
    "rustls",
    "socket2",
    "quinn",
    "tungstenite",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn no_networking_crate_is_a_dependency() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(names.contains(&"ratatui"), "read the lock file");
    for name in &names {
        assert!(
            !NETWORKING_CRATES.contains(name),
            "{name} is a networking crate"
        );
    }
}

#[test]
fn the_source_names_no_networking_api() {
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut checked = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .expect("dir")
                    .flatten()
                    .map(|e| e.path()),
            );
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        for api in [
            "std::net",
            "TcpStream",
            "UdpSocket",
            "TcpListener",
            "UnixStream",
            "libc::socket",
        ] {
            assert!(!text.contains(api), "{} names {api}", path.display());
        }
        checked += 1;
    }
    assert!(checked > 20);
}

/// Network system calls a run made, or `None` when tracing is not possible here.
fn traced_network_calls(args: &[&str]) -> Option<String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-network");
    std::fs::create_dir_all(&dir).expect("dir");
    let log = dir.join(format!("trace-{}.txt", args.join("-").replace('/', "_")));
    let _ = std::fs::remove_file(&log);
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=network", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_hepatree"))
        .args(args)
        .env("HEPATREE_STATE_DIR", &dir)
        .env("HEPATREE_CACHE_DIR", crate::TEST_CACHE)
        .output()
        .ok()?;
    // strace exits with the traced program's status; no log means it could not trace.
    let Ok(calls) = std::fs::read_to_string(&log) else {
        eprintln!(
            "strace could not run here: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        return None;
    };
    assert!(status.status.success(), "{args:?} failed under strace");
    Some(calls)
}

#[test]
fn a_traced_run_opens_no_socket() {
    let runs: [&[&str]; 4] = [
        &["check"],
        &["search", "stem cells"],
        &["show", "what-is-cirrhosis"],
        &["export", "--format", "tsv"],
    ];
    for args in runs {
        let Some(calls) = traced_network_calls(args) else {
            eprintln!("skipped: strace is not available");
            return;
        };
        assert!(
            calls.trim().is_empty(),
            "{args:?} made network calls:\n{calls}"
        );
    }
}
