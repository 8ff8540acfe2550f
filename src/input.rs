//! Waiting for the reader's input, and noticing when the terminal has gone away.
//!
//! When a terminal window is closed, or the connection behind it drops, its device keeps
//! reporting "readable" while every read returns nothing or fails. A loop that only asks
//! "is there input?" then spins at full speed forever. crossterm's default event source does
//! exactly that, inside `event::poll`, where no signal flag is ever looked at again; the
//! `use-dev-tty` source (turned on in `Cargo.toml`) at least returns when its timeout ends
//! or a read fails. This module turns both outcomes into [`Waited::Gone`], so the explorer
//! quits the way it does on `q`: session saved, nothing left running.

use std::io::{self, IsTerminal};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// What waiting for input gave.
#[derive(Debug)]
pub enum Waited {
    Event(Event),
    /// Nothing arrived in time; the terminal is still there.
    Idle,
    /// The terminal is gone: nobody is left to read the screen or type.
    Gone,
}

/// Waits up to `timeout` for one event.
///
/// An error while the terminal is still there is a real fault and is returned; once the
/// terminal has gone, errors are only a symptom of that.
pub fn wait(timeout: Duration) -> io::Result<Waited> {
    let waited = event::poll(timeout).and_then(|ready| {
        if ready {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    });
    match waited {
        Ok(Some(event)) => Ok(Waited::Event(event)),
        Ok(None) if terminal_present() => Ok(Waited::Idle),
        Ok(None) => Ok(Waited::Gone),
        Err(error) if is_gone(&error) => Ok(Waited::Gone),
        Err(error) => Err(error),
    }
}

/// Drawing on a terminal that has gone fails; that ends the session like `q` rather than
/// as an error. A failure on a terminal that is still there is returned.
pub fn gone_or(error: io::Error) -> io::Result<()> {
    if is_gone(&error) { Ok(()) } else { Err(error) }
}

/// The I/O error number a terminal answers with once its other side has closed.
const EIO: i32 = 5;

/// Whether `error` means the terminal has gone. Once the other side closes, reads and writes
/// fail with EIO, a moment before the device itself stops answering as a terminal.
fn is_gone(error: &io::Error) -> bool {
    error.raw_os_error() == Some(EIO) || !terminal_present()
}

/// The explorer draws on standard output, so that is the terminal that must still be
/// there. A hung-up or closed terminal fails the check (the device answers with an error).
fn terminal_present() -> bool {
    io::stdout().is_terminal()
}
