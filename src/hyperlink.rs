//! Web addresses on screen as terminal hyperlinks (OSC 8).
//!
//! A click opens them while they stay plain text to select and copy. ratatui has no
//! hyperlinks, and an escape sequence inside a cell would throw its column counting off; so
//! once a frame is out, the cells of each address in view are written again between the two
//! halves of the sequence.

use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use crate::sanitize::clean_line;

/// One address in view: where it is drawn, and what to open.
pub struct Link {
    address: String,
    cells: Vec<(u16, u16, Cell)>,
}

/// The addresses recorded while drawing, with the cells `buffer` drew for them.
pub fn links(buffer: &Buffer, addresses: &[(Rect, String)]) -> Vec<Link> {
    addresses
        .iter()
        .map(|(area, address)| Link {
            address: clean_line(address).replace(['\u{1b}', '\u{7}'], ""),
            cells: area
                .positions()
                .filter_map(|p| buffer.cell(p).map(|c| (p.x, p.y, c.clone())))
                .collect(),
        })
        .collect()
}

/// Writes each link's cells again, wrapped in an OSC 8 hyperlink to its address.
pub fn write<B: Backend + Write>(backend: &mut B, links: &[Link]) -> io::Result<()> {
    for link in links {
        write!(backend, "\x1b]8;;{}\x1b\\", link.address)?;
        backend
            .draw(link.cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
            .map_err(|e| io::Error::other(e.to_string()))?;
        write!(backend, "\x1b]8;;\x1b\\")?;
    }
    Write::flush(backend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;

    #[test]
    fn an_address_becomes_a_hyperlink_around_its_own_cells() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 30, 1));
        buffer.set_string(
            0,
            0,
            "URL: https://example.org/a",
            ratatui::style::Style::new(),
        );
        let addresses = [(
            Rect::new(5, 0, 21, 1),
            "https://example.org/a\u{1b}".to_owned(),
        )];
        let found = links(&buffer, &addresses);
        assert_eq!(found[0].address, "https://example.org/a");
        let text: String = found[0].cells.iter().map(|(_, _, c)| c.symbol()).collect();
        assert_eq!(text, "https://example.org/a");
        let mut out = Vec::new();
        write(&mut CrosstermBackend::new(&mut out), &found).expect("written");
        let bytes = String::from_utf8_lossy(&out).into_owned();
        let open = bytes
            .find("\x1b]8;;https://example.org/a\x1b\\")
            .expect("opened");
        let close = bytes.rfind("\x1b]8;;\x1b\\").expect("closed");
        assert!(
            open < close && bytes[open..close].contains("example.org/a"),
            "{bytes:?}"
        );
    }
}
