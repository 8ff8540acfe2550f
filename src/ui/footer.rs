//! The bottom line: a status message when there is one, then the keys of the current mode
//! from the keymap table, as many as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, Overlay};
use crate::document::{display_width, fit};
use crate::keymap;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if let Overlay::Find { prompt, .. } = &app.view.overlay {
        let count = super::detail::found_count(app).unwrap_or_default();
        let width = usize::from(area.width).saturating_sub(display_width(&count) + 1);
        let mut line = super::prompt::line(" Find: ", prompt, app.view.theme, width);
        line.push_span(Span::styled(format!(" {count}"), app.view.theme.muted));
        line.render(area, buf);
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(status) = app.view.status.as_ref().or(app.view.notice.as_ref()) {
        // A message longer than the line ends in "…" rather than at the edge, mid-word.
        let room = usize::from(area.width).saturating_sub(2);
        let text = format!(" {} ", fit(status, room));
        used = display_width(&text);
        spans.push(Span::styled(text, app.view.theme.status));
    }
    for (keys, label) in keymap::footer_hints(&app.contexts()) {
        let width = display_width(&keys) + display_width(label) + 3;
        if used + width > usize::from(area.width) {
            break;
        }
        used += width;
        spans.push(Span::styled(format!(" {keys}"), app.view.theme.key));
        spans.push(Span::styled(format!(" {label} "), app.view.theme.muted));
    }
    Line::from(spans).render(area, buf);
}
