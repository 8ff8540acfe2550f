//! The detail pane: the selected topic laid out by `document`, scrolled, with a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::app::HitMap;
use crate::app::{App, Focus, Overlay};
use crate::catalog::NodeId;
use crate::document::{Found, Segment, display_width};
use crate::theme::Theme;

/// Where the topic's text goes inside the pane: within its border and a one-column margin,
/// and no wider than `measure` (0: no limit), centred, so long lines stay easy to follow.
fn text_area(area: Rect, measure: u16) -> Rect {
    let inner = Block::bordered().inner(area).inner(Margin::new(1, 0));
    if measure == 0 || inner.width <= measure {
        return inner;
    }
    let margin = (inner.width - measure) / 2;
    Rect {
        x: inner.x + margin,
        width: measure,
        ..inner
    }
}

/// Lays the selected topic out for the pane drawn on `area`, settling its scroll position
/// (a pending scroll to the first match, the limit for this layout): the part of drawing
/// that changes state, done before anything is drawn.
pub fn lay_out(app: &mut App, area: Rect) {
    let inner = text_area(area, app.view.measure);
    app.view.detail.height = usize::from(inner.height);
    if let Some(node) = app.nav.outline.selected() {
        app.view
            .detail
            .document(&app.model.catalog, node, usize::from(inner.width));
    }
}

pub fn render(app: &App, hits: &mut HitMap, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme;
    let inner = text_area(area, app.view.measure);
    frame(app).render(area, buf);
    let Some(node) = app.nav.outline.selected() else {
        return;
    };
    let Some(document) = app.view.detail.cached(node) else {
        return;
    };
    let (scroll, selected) = (app.view.detail.scroll, app.view.detail.selected);
    let found = app.view.detail.found(node);
    let current = app.view.detail.find.as_ref().map(|f| f.current);
    let total = document.lines.len();
    let lines: Vec<Line> = document
        .lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|(n, line)| {
            let marks: Vec<(&Found, bool)> = found
                .iter()
                .enumerate()
                .filter(|(_, f)| f.line == n)
                .map(|(i, f)| (f, Some(i) == current))
                .collect();
            styled(line, selected, &marks, theme)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    for (row, line) in document
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        record_targets(hits, node, line, inner, row);
        record_addresses(hits, line, inner, row);
    }
    if total > usize::from(inner.height) {
        scrollbar(total, usize::from(inner.height), scroll, theme)(area, buf);
    }
}

/// The pane's border, with the found text's position below when there is some.
fn frame(app: &App) -> Block<'static> {
    let focused = app.view.focus == Focus::Detail && app.view.overlay == Overlay::None;
    let theme = app.view.theme;
    let block = Block::bordered().title(" Topic ").border_style(if focused {
        theme.border_focused
    } else {
        theme.border
    });
    match (&app.view.detail.find, found_count(app)) {
        (Some(finding), Some(count)) => {
            let label = format!(" “{}” {count} · n/N ", finding.query);
            block.title_bottom(Line::styled(label, theme.muted).right_aligned())
        }
        _ => block,
    }
}

/// Records where a drawn line's links and terms are (their text without the spaces before
/// it), for the mouse.
fn record_targets(hits: &mut HitMap, topic: NodeId, line: &[Segment], inner: Rect, row: usize) {
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

/// The position among the found matches, "3/12", or "no match"; none when nothing is
/// being found.
pub fn found_count(app: &App) -> Option<String> {
    let finding = app.view.detail.find.as_ref()?;
    let total = app
        .nav
        .outline
        .selected()
        .map_or(0, |n| app.view.detail.found(n).len());
    Some(if total == 0 {
        "no match".to_owned()
    } else {
        format!("{}/{total}", finding.current + 1)
    })
}

/// Records where a drawn line shows web addresses, so they can be made clickable.
fn record_addresses(hits: &mut HitMap, line: &[Segment], inner: Rect, row: usize) {
    let Ok(row) = u16::try_from(row) else { return };
    let text: String = line.iter().map(|s| s.text.as_str()).collect();
    let mut column = 0usize;
    for word in text.split(' ') {
        let address = word.trim_end_matches(['.', ',', ')', ';']);
        if address.starts_with("https://") || address.starts_with("http://") {
            let x = inner
                .x
                .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
            let width = u16::try_from(display_width(address)).unwrap_or(u16::MAX);
            let cells = Rect::new(x, inner.y + row, width, 1).intersection(inner);
            if !cells.is_empty() {
                hits.record_address(cells, address);
            }
        }
        column += display_width(word) + 1;
    }
}

/// A laid-out line as styled spans: the selected link or term stands out, and so does
/// found text (`marks`, the current match most).
fn styled<'a>(
    line: &'a [Segment],
    selected: Option<usize>,
    marks: &[(&Found, bool)],
    theme: &Theme,
) -> Line<'a> {
    let mut spans = Vec::new();
    let mut at = 0;
    for segment in line {
        let style = if segment.target.is_some() && segment.target == selected {
            theme.target_selected
        } else {
            theme.tone(segment.tone)
        };
        let length = segment.text.chars().count();
        if marks.is_empty() {
            spans.push(Span::styled(segment.text.as_str(), style));
        } else {
            spans.extend(marked(&segment.text, at, style, marks, theme));
        }
        at += length;
    }
    Line::from(spans)
}

/// A segment starting at character `start` of its line, cut where found text begins and
/// ends.
fn marked(
    text: &str,
    start: usize,
    style: Style,
    marks: &[(&Found, bool)],
    theme: &Theme,
) -> Vec<Span<'static>> {
    let style_at = |i: usize| {
        marks
            .iter()
            .find(|(f, _)| f.chars.contains(&(start + i)))
            .map_or(
                style,
                |&(_, current)| {
                    if current { theme.selected } else { theme.found }
                },
            )
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = style_at(0);
    for (i, c) in text.chars().enumerate() {
        let here = style_at(i);
        if here != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = here;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    spans
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
