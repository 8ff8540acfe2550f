//! Copying to the system clipboard through the terminal (OSC 52, as crossterm writes it),
//! which works over SSH and needs no clipboard library; terminals that do not support it
//! ignore the sequence.

use std::io::{self, Write};

use ratatui::crossterm::Command as _;
use ratatui::crossterm::clipboard::CopyToClipboard;

use crate::sanitize::clean_text;

/// The escape sequence that asks the terminal to put `text` on the clipboard. The text is
/// cleaned first and then base64-encoded, so nothing in it can act as a control sequence.
pub fn osc52(text: &str) -> String {
    let mut sequence = String::new();
    let copy = CopyToClipboard::to_clipboard_from(clean_text(text));
    // Writing into a String cannot fail.
    let _ = copy.write_ansi(&mut sequence);
    sequence
}

pub fn send(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_cleaned_text() {
        assert_eq!(osc52("hi\u{1b}[31m"), "\x1b]52;c;aGlbMzFt\x1b\\");
    }
}
