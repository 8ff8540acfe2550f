//! The explorer driven through its own code: whole screens (insta snapshots on a test
//! backend), key and mouse scenarios, saved sessions, random key sequences (proptest), and
//! the committed screenshots. One test binary, so that it links once.

mod claims;
mod comfort;
mod contrast;
mod indexing;
mod markdown;
mod prompts;
mod properties;
mod reading;
mod screens;
mod screenshots;
mod session;
mod support;
