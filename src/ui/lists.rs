//! The list overlays: bookmarks, and a glossary term's definition with its related topics.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use crate::action::Action;
use crate::app::App;
use crate::catalog::NodeId;
use crate::keymap::{self, Context};

/// What a list popup's bottom line offers, from the key table.
const BOOKMARK_HINTS: [Action; 3] = [Action::ListAccept, Action::ListRemove, Action::CloseOverlay];
const TERM_HINTS: [Action; 2] = [Action::ListAccept, Action::CloseOverlay];

pub fn render_bookmarks(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme;
    let items = app.list_items();
    let height = u16::try_from(items.len().max(1) + 2).unwrap_or(u16::MAX);
    let popup = super::centered(area, 70, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(format!(" Bookmarks ({}) ", items.len()))
        .title_bottom(
            Line::from(keymap::popup_hint(Context::Bookmarks, &BOOKMARK_HINTS)).right_aligned(),
        )
        .border_style(theme.border_focused);
    if items.is_empty() {
        Paragraph::new(Line::styled(
            "No bookmarks yet: press m on a topic to add one.",
            theme.muted,
        ))
        .block(block)
        .render(popup, buf);
        return;
    }
    let rows: Vec<ListItem> = items
        .iter()
        .map(|&node| {
            let title = app.model.catalog.node(node).title.as_str();
            let place = app
                .model
                .catalog
                .node(node)
                .parent
                .map(|p| format!("  · {}", app.model.catalog.breadcrumb(p, " › ")))
                .unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::raw(format!(" ★ {title}")),
                Span::styled(place, theme.muted),
            ]))
        })
        .collect();
    render_list(app, rows, block, popup, buf);
}

pub fn render_definition(app: &App, term: NodeId, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme;
    let node = app.model.catalog.node(term);
    let items = app.list_items();
    let width: u16 = 68;
    let text_width = usize::from(width.min(area.width).saturating_sub(4)).max(1);
    let text_lines: usize = node
        .body
        .lines()
        .map(|l| textwrap::wrap(l, text_width).len().max(1))
        .sum();
    let height = u16::try_from(text_lines + items.len() + 4).unwrap_or(u16::MAX);
    let popup = super::centered(area, width, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(format!(" {} ", node.title))
        .title_bottom(
            Line::from(keymap::popup_hint(Context::Definition, &TERM_HINTS)).right_aligned(),
        )
        .border_style(theme.border_focused);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let list_height = u16::try_from(items.len() + 1).unwrap_or(u16::MAX);
    let [text, list] = Layout::vertical([Constraint::Fill(1), Constraint::Max(list_height)])
        .areas(inner.inner(ratatui::layout::Margin::new(1, 0)));
    let definition: Vec<Line> = node.body.lines().map(|l| Line::raw(l.to_owned())).collect();
    Paragraph::new(definition)
        .wrap(Wrap { trim: true })
        .render(text, buf);
    let rows: Vec<ListItem> = items
        .iter()
        .enumerate()
        .map(|(n, &item)| {
            let label = if n == 0 {
                "Open this term in the glossary".to_owned()
            } else {
                app.model.catalog.node(item).title.clone()
            };
            ListItem::new(Line::from(vec![
                Span::styled("→ ", theme.bullet),
                Span::styled(label, theme.link),
            ]))
        })
        .collect();
    let heading = Block::new().title(Line::styled("Related", theme.heading));
    render_list(app, rows, heading, list, buf);
}

fn render_list(app: &App, rows: Vec<ListItem>, block: Block, area: Rect, buf: &mut Buffer) {
    let list = List::new(rows)
        .block(block)
        .highlight_style(app.view.theme.selected)
        .style(Style::new());
    let mut state = ListState::default().with_selected(Some(app.list_cursor()));
    StatefulWidget::render(list, area, buf, &mut state);
}
