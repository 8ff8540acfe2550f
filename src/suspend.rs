//! Ctrl-Z, as less, vim and lazygit take it.
//!
//! The terminal is given back to the shell as it was, the process stops (job control), and
//! when the shell resumes it (`fg`) the explorer takes the terminal again and draws the
//! whole screen afresh.

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::SIGTSTP;

/// Returns once the reader has resumed the explorer.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen)?;
    disable_raw_mode()?;
    terminal.show_cursor()?;
    // The default action of SIGTSTP stops the process here until SIGCONT.
    signal_hook::low_level::raise(SIGTSTP)?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.hide_cursor()?;
    // Clears the screen and forgets what was drawn, so the next frame draws everything
    // (`Terminal::clear` would ask the terminal where its cursor is, and wait).
    let size = terminal.size()?;
    terminal.resize(size.into())
}
