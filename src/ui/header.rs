//! The top line: the base's title, and the reminder that it is education, not advice, which
//! stays visible at every width.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::document::display_width;

const WARNING: &str = " Educational only · not medical advice ";
const SHORT_WARNING: &str = " Not medical advice ";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut title = format!(" hepatree · {}", app.model.catalog.title);
    if let Some(label) = app.filter_label() {
        title = format!("{title} · filter: {label}");
    }
    let warning = if usize::from(area.width) > display_width(WARNING) + display_width(&title) {
        WARNING
    } else {
        SHORT_WARNING
    };
    let warning_width = u16::try_from(display_width(warning)).unwrap_or(u16::MAX);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(warning_width)]).areas(area);
    Line::from(title)
        .style(app.view.theme.header)
        .render(left, buf);
    Line::from(warning)
        .style(app.view.theme.warning)
        .render(right, buf);
}
