//! The smallest ratatui app: one line of text, quit on any key. `examples/startup.rs`
//! measures hepatree's first frame and memory against it.

use ratatui::crossterm::event;
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = terminal
        .draw(|frame| frame.render_widget(Paragraph::new("hello from ratatui"), frame.area()))
        .and_then(|_| event::read().map(drop));
    ratatui::restore();
    result
}
