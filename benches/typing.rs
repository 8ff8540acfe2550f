//! `cargo bench --bench typing`: a person typing into the search prompt of a 100,000-topic
//! knowledge base (and the shipped one), one keystroke at a time, as the explorer runs it:
//! each keystroke searches afresh, the first included. Prints the median and 95th
//! percentile per keystroke, which criterion's per-benchmark medians do not give.

use std::hint::black_box;
use std::time::{Duration, Instant};

use hepatree::catalog::Catalog;
use hepatree::knowledge::{self, EMBEDDED};
use hepatree::search::SearchIndex;

/// Queries typed letter by letter; each is typed this many times.
const TYPED: [&str; 12] = [
    "hepatocyte",
    "bone marrow",
    "angiogenesis",
    "hepatocite",
    "stem cells liver",
    "h",
    "liver cell",
    "how much does it cost",
    "cirosis",
    "scar tissue",
    "banana",
    "the liver cells of the patients in the trial",
];
const ROUNDS: usize = 10;
const LIMIT: usize = 200;

fn main() {
    // `cargo bench` passes "--bench"; anything else is a filter we do not use.
    for (name, text) in [
        ("shipped", EMBEDDED.to_owned()),
        ("100k", hepatree::synth::generate(100_000, 1)),
    ] {
        let catalog = Catalog::new(knowledge::parse(&text).expect("valid"));
        let index = SearchIndex::new(&catalog);
        let mut all = Vec::new();
        println!("typing/{name}: keystroke times over {ROUNDS} rounds (median / p95)");
        for query in TYPED {
            let times = type_query(&catalog, &index, query);
            let worst = times
                .iter()
                .map(|t| percentile(t, 95))
                .max()
                .unwrap_or_default();
            let medians: Vec<String> = times.iter().map(|t| ms(percentile(t, 50))).collect();
            println!(
                "  {query:<18} medians {}  worst p95 {}",
                medians.join(" "),
                ms(worst)
            );
            all.extend(times.into_iter().flatten());
        }
        println!(
            "  all keystrokes: median {}  p95 {}  max {}",
            ms(percentile(&all, 50)),
            ms(percentile(&all, 95)),
            ms(percentile(&all, 100))
        );
    }
}

/// Per keystroke of `query`, the time of each round.
fn type_query(catalog: &Catalog, index: &SearchIndex, query: &str) -> Vec<Vec<Duration>> {
    let prefixes: Vec<&str> = query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect();
    let mut times = vec![Vec::with_capacity(ROUNDS); prefixes.len()];
    for _ in 0..ROUNDS {
        for (n, prefix) in prefixes.iter().enumerate() {
            let start = Instant::now();
            black_box(index.search(catalog, black_box(prefix), LIMIT));
            times[n].push(start.elapsed());
        }
    }
    times
}

fn percentile(times: &[Duration], p: usize) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let at = (sorted.len() * p / 100).min(sorted.len().saturating_sub(1));
    sorted.get(at).copied().unwrap_or_default()
}

fn ms(time: Duration) -> String {
    format!("{:.2}ms", time.as_secs_f64() * 1000.0)
}
