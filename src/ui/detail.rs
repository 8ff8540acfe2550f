//! The detail pane: the selected topic laid out by `document`, scrolled, with a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::app::HitMap;
use crate::app::{App, Focus, Overlay};
use crate::document::{Segment, display_width};
use crate::theme::Theme;

pub fn render(app: &mut App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Detail && app.overlay == Overlay::None;
    let theme = app.theme;
    let block = Block::bordered().title(" Topic ").border_style(if focused {
        theme.border_focused
    } else {
        theme.border
    });
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, buf);
    let Some(node) = app.outline.selected() else {
        return;
    };
    app.detail.height = usize::from(inner.height);
    let selected = app.detail.selected;
    let (scroll, document) = app
        .detail
        .document(&app.catalog, node, usize::from(inner.width));
    let total = document.lines.len();
    let lines: Vec<Line> = document
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|line| styled(line, selected, theme))
        .collect();
    Paragraph::new(lines).render(inner, buf);
    for (row, line) in document
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        record_targets(&mut app.hits, node, line, inner, row);
    }
    if total > usize::from(inner.height) {
        scrollbar(total, usize::from(inner.height), scroll, theme)(area, buf);
    }
}

/// Records where a drawn line's links and terms are (their text without the spaces before
/// it), for the mouse.
fn record_targets(hits: &mut HitMap, topic: usize, line: &[Segment], inner: Rect, row: usize) {
    let Ok(row) = u16::try_from(row) else { return };
    let mut column = 0u16;
    for segment in line {
        let width = u16::try_from(display_width(&segment.text)).unwrap_or(u16::MAX);
        if let Some(target) = segment.target {
            let lead = u16::try_from(segment.text.len() - segment.text.trim_start().len())
                .unwrap_or(0)
                .min(width);
            let cells = Rect::new(inner.x + column + lead, inner.y + row, width - lead, 1);
            hits.record_target(topic, cells.intersection(inner), target);
        }
        column = column.saturating_add(width);
    }
}

/// A laid-out line as styled spans; the selected link or term stands out.
fn styled<'a>(line: &'a [Segment], selected: Option<usize>, theme: &Theme) -> Line<'a> {
    let spans: Vec<Span> = line
        .iter()
        .map(|segment| {
            let style = if segment.target.is_some() && segment.target == selected {
                theme.target_selected
            } else {
                theme.tone(segment.tone)
            };
            Span::styled(segment.text.as_str(), style)
        })
        .collect();
    Line::from(spans)
}

/// Draws the scrollbar for `total` lines of which `height` show from `scroll` on.
fn scrollbar(
    total: usize,
    height: usize,
    scroll: usize,
    theme: &Theme,
) -> impl FnOnce(Rect, &mut Buffer) + '_ {
    move |area, buf| {
        let mut state = ScrollbarState::new(total.saturating_sub(height) + 1)
            .viewport_content_length(height)
            .position(scroll);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(theme.border_focused)
            .track_style(theme.border);
        StatefulWidget::render(scrollbar, area.inner(Margin::new(0, 1)), buf, &mut state);
    }
}
