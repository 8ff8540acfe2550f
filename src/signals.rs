//! Termination signals, ending the explorer the way `q` does.
//!
//! Termination signals sent from outside (SIGTERM from `kill`, SIGHUP when the terminal
//! closes, SIGINT from `kill -INT`: in raw mode Ctrl-C is a key, not a signal) must not leave
//! the terminal in raw mode or lose the session. They only raise a flag here; the event loop
//! sees it within one poll interval and leaves the way `q` does, restoring the terminal and
//! saving the session.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// How long the event loop waits for input before looking at the flag again.
pub const POLL: Duration = Duration::from_millis(50);

/// Set once a termination signal has arrived.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Starts watching for SIGTERM, SIGHUP and SIGINT.
    pub fn install() -> io::Result<Self> {
        let stop = Self::default();
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&stop.0))?;
        }
        Ok(stop)
    }

    pub fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
