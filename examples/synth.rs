//! Writes a synthetic knowledge file to standard output:
//! `cargo run --release --example synth -- --topics 100000 [--seed 1] > big.ron`.

use std::io::Write;

use clap::Parser;

/// Generate a valid knowledge file of a given size, the same for the same seed.
#[derive(Parser)]
struct Args {
    /// How many topics.
    #[arg(long)]
    topics: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let text = hepatree::synth::generate(args.topics.max(1), args.seed);
    std::io::stdout().lock().write_all(text.as_bytes())
}
