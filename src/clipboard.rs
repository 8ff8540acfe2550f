//! Copying to the system clipboard through the terminal (OSC 52), which works over SSH and
//! needs no clipboard library; terminals that do not support it ignore the sequence.

use std::io::{self, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::sanitize::clean_text;

/// The escape sequence that asks the terminal to put `text` on the clipboard. The text is
/// cleaned first and then base64-encoded, so nothing in it can act as a control sequence.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(clean_text(text)))
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
        assert_eq!(osc52("hi\u{1b}[31m"), "\x1b]52;c;aGlbMzFt\x07");
    }
}
