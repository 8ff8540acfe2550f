//! The top line: the base's title, and the first sentence of its own disclaimer, which
//! stays visible at every width (the title gives way first).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::document::{display_width, fit};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let catalog = &app.model.catalog;
    let mut title = format!(" hepatree · {}", catalog.title);
    if let Some(label) = app.filter_label() {
        title = format!("{title} · filter: {label}");
    }
    let problems = app.model.problems.len();
    if problems > 0 {
        let plural = if problems == 1 { "" } else { "s" };
        title = format!("{title} · ⚠ {problems} problem{plural} (!)");
    }
    let width = usize::from(area.width);
    let notice = format!(" {} ", fit(catalog.notice(), width.saturating_sub(14)));
    let notice_width = u16::try_from(display_width(&notice)).unwrap_or(u16::MAX);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(notice_width)]).areas(area);
    Line::from(fit(&title, usize::from(left.width)).into_owned())
        .style(app.view.theme.header)
        .render(left, buf);
    Line::from(notice)
        .style(app.view.theme.warning)
        .render(right, buf);
}
