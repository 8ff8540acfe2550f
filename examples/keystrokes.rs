//! Search latency end to end, as a person feels it: hepatree runs in a pseudo-terminal on a
//! knowledge file, the search prompt is opened, and queries are typed one key at a time;
//! each keystroke is timed from the key written to the terminal to the first byte of the
//! new frame. Prints the median, p95 and worst per keystroke, first keystrokes included.
//!
//! `cargo build --release --examples && cargo run --release --example keystrokes -- [FILE]`
//! (without FILE, a 100,000-topic file from `hepatree::synth` is written to a temporary
//! folder and used). `KEYSTROKES_VERBOSE=1` prints every keystroke's time as well.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const QUERIES: [&str; 12] = [
    "h",
    "hepatocyte",
    "bone marrow",
    "hepatocite",
    "stem cells liver",
    "liver cell",
    "how much does it cost",
    "cirosis",
    "scar tissue",
    "banana",
    "dog",
    "the liver cells of the patients in the trial",
];
const ROUNDS: usize = 3;

fn main() {
    let file = std::env::args()
        .nth(1)
        .map_or_else(synthetic, PathBuf::from);
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/hepatree");
    let terminal = Terminal::open(&program, &file);
    let mut firsts = Vec::new();
    let mut all = Vec::new();
    for _ in 0..ROUNDS {
        for query in QUERIES {
            terminal.key(b"/");
            for (n, c) in query.chars().enumerate() {
                let mut bytes = [0u8; 4];
                let took = terminal.key(c.encode_utf8(&mut bytes).as_bytes());
                if n == 0 {
                    firsts.push(took);
                }
                if std::env::var_os("KEYSTROKES_VERBOSE").is_some() {
                    println!("{query:?} {c:?} {:.2} ms", took.as_secs_f64() * 1e3);
                }
                all.push(took);
            }
            terminal.key(b"\x1b");
        }
    }
    println!("{} keystrokes on {}", all.len(), file.display());
    report("every keystroke", all);
    report("first keystrokes", firsts);
    terminal.quit();
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "  {what:<18} median {:>6.2} ms  p95 {:>6.2} ms  max {:>6.2} ms",
        at(50).as_secs_f64() * 1e3,
        at(95).as_secs_f64() * 1e3,
        at(100).as_secs_f64() * 1e3
    );
}

fn synthetic() -> PathBuf {
    let path = std::env::temp_dir().join("hepatree-keystrokes-100k.ron");
    if !path.exists() {
        std::fs::write(&path, hepatree::synth::generate(100_000, 1)).expect("write");
    }
    path
}

/// The explorer in a pseudo-terminal, with the time and count of the bytes it writes.
struct Terminal {
    writer: Mutex<Box<dyn Write + Send>>,
    child: Mutex<Box<dyn portable_pty::Child + Send + Sync>>,
    /// Bytes read so far, and when the first read after the last key ended (nanoseconds
    /// since `epoch`; zero until then).
    received: Arc<AtomicU64>,
    last_read: Arc<AtomicU64>,
    epoch: Instant,
}

impl Terminal {
    fn open(program: &Path, file: &Path) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut command = CommandBuilder::new(program);
        command.args(["--fresh", "--knowledge"]);
        command.arg(file);
        command.env("TERM", "xterm-256color");
        command.env("HEPATREE_THEME", "dark");
        command.env(
            "HEPATREE_STATE_DIR",
            std::env::temp_dir().join("hepatree-keys"),
        );
        let child = pair.slave.spawn_command(command).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let epoch = Instant::now();
        let received = Arc::new(AtomicU64::new(0));
        let last_read = Arc::new(AtomicU64::new(0));
        let screen = Arc::new(Mutex::new(String::new()));
        let (count, when, text) = (received.clone(), last_read.clone(), screen.clone());
        std::thread::spawn(move || {
            let mut buffer = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let now = u64::try_from(epoch.elapsed().as_nanos()).unwrap_or(u64::MAX);
                // Only the first read after a key is armed (zeroed) records its time.
                let _ = when.compare_exchange(0, now.max(1), Ordering::SeqCst, Ordering::SeqCst);
                count.fetch_add(n as u64, Ordering::SeqCst);
                let mut text = text.lock().expect("text");
                if text.len() < 1 << 20 {
                    text.push_str(&String::from_utf8_lossy(&buffer[..n]));
                }
            }
        });
        let terminal = Self {
            writer: Mutex::new(pair.master.take_writer().expect("writer")),
            child: Mutex::new(child),
            received,
            last_read,
            epoch,
        };
        let started = Instant::now();
        while !screen.lock().expect("text").contains("Educational only") {
            assert!(started.elapsed() < Duration::from_secs(120), "never usable");
            std::thread::sleep(Duration::from_millis(5));
        }
        terminal.settle();
        // Let start-up finish its work (freeing the parsed file) before timing keys.
        std::thread::sleep(Duration::from_secs(3));
        terminal
    }

    /// Writes `bytes` and returns how long until the first byte of the answer arrived;
    /// then waits until the frame is complete.
    fn key(&self, bytes: &[u8]) -> Duration {
        let before = self.received.load(Ordering::SeqCst);
        self.last_read.store(0, Ordering::SeqCst);
        let sent = self.epoch.elapsed();
        self.writer
            .lock()
            .expect("writer")
            .write_all(bytes)
            .expect("key");
        let started = Instant::now();
        while self.received.load(Ordering::SeqCst) == before
            || self.last_read.load(Ordering::SeqCst) == 0
        {
            assert!(started.elapsed() < Duration::from_secs(30), "no answer");
            std::hint::spin_loop();
        }
        let first = Duration::from_nanos(self.last_read.load(Ordering::SeqCst));
        self.settle();
        first.saturating_sub(sent)
    }

    /// Waits until nothing has been written for 30 ms.
    fn settle(&self) {
        let mut seen = self.received.load(Ordering::SeqCst);
        loop {
            std::thread::sleep(Duration::from_millis(30));
            let now = self.received.load(Ordering::SeqCst);
            if now == seen {
                return;
            }
            seen = now;
        }
    }

    fn quit(self) {
        self.key(b"q");
        let _ = self.child.lock().expect("child").wait();
    }
}
