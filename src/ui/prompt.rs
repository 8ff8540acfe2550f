//! A prompt's line as drawn: its label, the text (scrolled to keep the cursor in view) and
//! the cursor as a reversed cell, as a shell line shows it.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::Prompt;
use crate::document::display_width;
use crate::theme::Theme;

pub fn line<'a>(label: &'a str, prompt: &'a Prompt, theme: &Theme, width: usize) -> Line<'a> {
    let room = width.saturating_sub(display_width(label) + 1).max(1);
    let skip = prompt.scroll(room);
    let cursor = prompt.visual_cursor();
    let mut spans = vec![Span::styled(label, theme.prompt)];
    let (mut column, mut before, mut under, mut after) = (0, String::new(), None, String::new());
    for c in prompt.value().chars() {
        let cell = display_width(c.encode_utf8(&mut [0; 4]));
        if column >= skip && column < skip + room {
            match column.cmp(&cursor) {
                std::cmp::Ordering::Less => before.push(c),
                std::cmp::Ordering::Equal => under = Some(c),
                std::cmp::Ordering::Greater => after.push(c),
            }
        }
        column += cell;
    }
    let cursor_style = Style::new().add_modifier(Modifier::REVERSED);
    spans.push(Span::raw(before));
    spans.push(Span::styled(under.unwrap_or(' ').to_string(), cursor_style));
    spans.push(Span::raw(after));
    Line::from(spans)
}
