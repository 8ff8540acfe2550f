//! `hepatree search` against `fzf --filter` on the same base, per query: hepatree on the
//! knowledge file (first run with an empty cache, then repeated runs reading the cache), fzf
//! on the base's tab-separated export, the form fzf reads.
//!
//! `cargo build --release && cargo run --release --example vs_fzf -- FILE [RUNS] [QUERY...]`

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: vs_fzf FILE [RUNS] [QUERY...]");
        return;
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let mut queries: Vec<String> = args.collect();
    if queries.is_empty() {
        queries = ["h", "liver", "cirrhosis", "stem cells", "transplnat"]
            .map(String::from)
            .to_vec();
    }
    let hepatree = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/hepatree");
    let scratch = std::env::temp_dir().join("hepatree-vs-fzf");
    let _ = std::fs::create_dir_all(&scratch);
    let tsv = scratch.join("base.tsv");
    let export = Command::new(&hepatree)
        .args(["--no-cache", "-k", &file, "export", "--format", "tsv"])
        .output()
        .expect("hepatree runs");
    std::fs::write(&tsv, export.stdout).expect("export written");
    println!(
        "{:<14} {:>12} {:>12} {:>12} {:>8} {:>8}",
        "query", "fzf", "first run", "repeated", "first×", "repeat×"
    );
    for query in &queries {
        let fzf = median((0..runs).map(|_| time_fzf(query, &tsv)).collect());
        let cache = scratch.join("cache");
        let first = median(
            (0..runs)
                .map(|_| {
                    let _ = std::fs::remove_dir_all(&cache);
                    time_hepatree(&hepatree, &file, query, &cache)
                })
                .collect(),
        );
        let repeated = median(
            (0..runs)
                .map(|_| time_hepatree(&hepatree, &file, query, &cache))
                .collect(),
        );
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{query:<14} {:>9.0} ms {:>9.0} ms {:>9.0} ms {:>8.2} {:>8.2}",
            ms(fzf),
            ms(first),
            ms(repeated),
            ms(first) / ms(fzf),
            ms(repeated) / ms(fzf)
        );
    }
}

fn time_fzf(query: &str, tsv: &PathBuf) -> Duration {
    let input = std::fs::File::open(tsv).expect("tsv");
    let started = Instant::now();
    Command::new("fzf")
        .args(["--filter", query])
        .stdin(input)
        .stdout(Stdio::null())
        .status()
        .expect("fzf runs (is it installed?)");
    started.elapsed()
}

fn time_hepatree(program: &Path, file: &str, query: &str, cache: &Path) -> Duration {
    let started = Instant::now();
    Command::new(program)
        .args(["-k", file, "search", query, "--limit", "100"])
        .env("HEPATREE_CACHE_DIR", cache)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("hepatree runs");
    started.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}
