//! `show` on a terminal, as git does it: the text is laid out for the terminal's width and
//! handed to the reader's pager (`$PAGER`, or `less -R`; `LESS=FRX` unless set, so a
//! short topic prints and stays on screen). Piped output is printed as it is, 80 wide.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// The width `show` lays text out for when none is asked for.
pub fn width() -> usize {
    if !io::stdout().is_terminal() {
        return 80;
    }
    ratatui::crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns).max(20))
}

/// Prints `text` through the pager when standard output is a terminal and `paging` is on.
pub fn page(text: &str, paging: bool) -> io::Result<()> {
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less -R".to_owned());
    if !paging || !io::stdout().is_terminal() || matches!(pager.trim(), "" | "cat") {
        return super::print(text);
    }
    let mut command = Command::new("sh");
    command.args(["-c", &pager]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        return super::print(text);
    };
    if let Some(mut input) = child.stdin.take() {
        match input.write_all(text.as_bytes()) {
            // The reader quit the pager before the end: nothing is wrong.
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => return Err(error),
            _ => {}
        }
    }
    child.wait().map(|_| ())
}
