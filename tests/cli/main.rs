//! The command line as scripts see it (exact output formats and exit codes), malformed and
//! hostile files, and the promise of no network. One test binary, so that it links once.

/// The cache directory of the commands the tests run, apart from the reader's own.
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/cache");

mod cache;
mod commands;
mod malformed;
mod no_network;
mod readme;
