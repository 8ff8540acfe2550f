//! `cargo bench`: load, search, layout and rendering over the shipped knowledge base and
//! synthetic ones of 10,000 and 100,000 topics (made by `hepatree::synth`, seed 1).

// Each benchmark group lives for its part of the loop body, as criterion intends.
#![expect(clippy::significant_drop_tightening)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use hepatree::app::App;
use hepatree::cache::{Cache, Key};
use hepatree::catalog::{Catalog, NodeId};
use hepatree::document::{self, Highlight};
use hepatree::knowledge::{self, EMBEDDED};
use hepatree::prepare;
use hepatree::search::SearchIndex;
use hepatree::theme::DARK;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The files measured: name and text.
fn corpora() -> Vec<(&'static str, String)> {
    vec![
        ("shipped", EMBEDDED.to_owned()),
        ("10k", hepatree::synth::generate(10_000, 1)),
        ("100k", hepatree::synth::generate(100_000, 1)),
    ]
}

/// Everything the explorer does before its first real frame.
fn load(text: &str) -> (Catalog, SearchIndex) {
    let kb = knowledge::parse(text).expect("valid");
    let catalog = Catalog::new(kb);
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

/// A cache holding `text` prepared, in a directory of its own.
fn cached(name: &str, text: &str) -> Cache {
    let dir = std::env::temp_dir().join(format!("hepatree-bench-cache-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cache directory");
    let file = dir.join("base.ron");
    std::fs::write(&file, text).expect("file written");
    let cache = Cache::at(&dir);
    prepare::open(Some(&file), &cache).expect("opens").store();
    cache
}

/// The topic with the longest body, as the worst case for layout and drawing.
fn longest(catalog: &Catalog) -> NodeId {
    catalog
        .ids()
        .take(catalog.topic_count)
        .max_by_key(|&i| catalog.node(i).body.len())
        .unwrap_or(NodeId::new(0))
}

fn queries() -> Vec<String> {
    let word = "hepatocyte";
    let mut queries: Vec<String> = (1..=word.len() - 2).map(|n| word[..n].to_owned()).collect();
    queries.extend(
        [
            "angiogenesis",
            "bone marrow",
            "hepatocite",
            "stem cells liver",
            "how much does it cost",
            "banana",
        ]
        .map(str::to_owned),
    );
    queries
}

fn benches(c: &mut Criterion) {
    for (name, text) in corpora() {
        let mut group = c.benchmark_group(format!("load/{name}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(5));
        group.bench_function("parse+validate+index", |b| {
            b.iter(|| load(black_box(&text)));
        });
        let cache = cached(name, &text);
        let key = Key::of(text.as_bytes());
        group.bench_function("reopen from the cache", |b| {
            b.iter(|| cache.read(black_box(key)).expect("cached"));
        });
        if name == "shipped" {
            group.bench_function("catalog prepared by the build", |b| {
                b.iter(|| prepare::shipped_catalog().expect("decodes"));
            });
        }
        group.finish();

        let (catalog, index) = load(&text);
        let mut group = c.benchmark_group(format!("search/{name}"));
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(2));
        for query in queries() {
            group.bench_with_input(BenchmarkId::from_parameter(&query), &query, |b, q| {
                // A search remembers the last query's words; another query first, untimed,
                // makes every timed search start from nothing, as a pasted query does.
                b.iter_batched(
                    || index.search(&catalog, "zz", 1),
                    |_| index.search(&catalog, black_box(q), 200),
                    BatchSize::PerIteration,
                );
            });
        }
        group.finish();

        let topic = longest(&catalog);
        let mut group = c.benchmark_group(format!("layout/{name}"));
        group.bench_function("wrap longest topic at 80", |b| {
            b.iter(|| document::build(&catalog, black_box(topic), 80, &Highlight::default()));
        });
        group.finish();

        let mut group = c.benchmark_group(format!("frame/{name}"));
        let mut app = App::new(catalog.clone(), &DARK);
        app.show(topic);
        for (width, height) in [(120, 40), (250, 80)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            group.bench_function(format!("{width}x{height}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| frame.render_widget(&mut app, frame.area()))
                        .map(|_| ())
                });
            });
        }
        group.finish();
    }
}

criterion_group!(explorer, benches);
criterion_main!(explorer);
