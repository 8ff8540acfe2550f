//! The command line as scripts see it (exact output formats and exit codes), malformed and
//! hostile files, and the promise of no network. One test binary, so that it links once.

mod commands;
mod malformed;
mod no_network;
mod readme;
