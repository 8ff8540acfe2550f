//! The topic tree pane: one row per visible topic, indented by depth, with ▸/▾ on branches,
//! ★ on bookmarks, and rows kept only as a filter's context dimmed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, StatefulWidget};

use crate::app::{App, Focus, HitMap, Overlay};
use crate::catalog::{Catalog, NodeId};
use crate::document::{display_width, fit};
use crate::outline::Row;
use crate::theme::Theme;

pub fn render(
    app: &App,
    list_state: &mut ListState,
    hits: &mut HitMap,
    area: Rect,
    buf: &mut Buffer,
) {
    let focused = app.view.focus == Focus::Tree && app.view.overlay == Overlay::None;
    let theme = app.view.theme;
    let block = frame(app, focused);
    let (catalog, bookmarks) = (&app.model.catalog, &app.nav.bookmarks);
    let items: Vec<ListItem> = app
        .nav
        .outline
        .rows()
        .iter()
        .map(|row| {
            item(
                catalog,
                bookmarks,
                theme,
                row,
                usize::from(area.width.saturating_sub(2)),
            )
        })
        .collect();
    let highlight = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let list = List::new(items).block(block).highlight_style(highlight);
    list_state.select(Some(app.nav.outline.cursor()));
    StatefulWidget::render(list, area, buf, list_state);
    // The rows lie between the borders above and below.
    let rows = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2),
    );
    let count = app.nav.outline.rows().len();
    hits.record_rows(rows, list_state.offset(), count);
}

/// One row `width` cells wide: indented by depth, ▸/▾ on branches, ★ on bookmarks, dimmed
/// when kept only as a filter's context; a title too long ends with "…".
fn item<'a>(
    catalog: &'a Catalog,
    bookmarks: &[NodeId],
    theme: &Theme,
    row: &Row,
    width: usize,
) -> ListItem<'a> {
    let node = catalog.node(row.node);
    let marker = match (row.has_children, row.open) {
        (false, _) => "  ",
        (true, false) => "▸ ",
        (true, true) => "▾ ",
    };
    let indent = indent(row.depth, width);
    let style = match (row.matched, row.has_children) {
        (false, _) => theme.context,
        (true, true) => theme.branch,
        (true, false) => ratatui::style::Style::new(),
    };
    let mut used = display_width(&indent) + 2;
    let mut spans = vec![Span::styled(indent, theme.muted), Span::raw(marker)];
    if bookmarks.contains(&row.node) {
        spans.push(Span::styled("★ ", theme.bookmark));
        used += 2;
    }
    if let Some(verdict) = node.verdict {
        let badge = format!("[{}] ", verdict.label());
        used += display_width(&badge);
        spans.push(Span::styled(badge, theme.verdict(verdict)));
    }
    spans.push(Span::styled(
        fit(&node.title, width.saturating_sub(used)),
        style,
    ));
    ListItem::new(Line::from(spans))
}

/// Two cells a level, up to a third of the row; deeper rows show their level as a number
/// in that space instead, so a topic twenty levels down still shows its title.
fn indent(depth: usize, width: usize) -> String {
    let room = (width / 3).max(2);
    if depth * 2 <= room {
        return "  ".repeat(depth);
    }
    format!("{:>room$}", format!("{depth}›"))
}

/// The pane's border: "Topics" (with the filter in force), and the position below.
fn frame(app: &App, focused: bool) -> Block<'static> {
    let position = format!(
        " {}/{} ",
        app.nav.outline.cursor() + 1,
        app.nav.outline.rows().len()
    );
    let title = app.filter_label().map_or_else(
        || " Topics ".to_owned(),
        |label| format!(" Topics: {label} "),
    );
    Block::bordered()
        .title(title)
        .title_bottom(Line::from(position).right_aligned())
        .border_style(if focused {
            app.view.theme.border_focused
        } else {
            app.view.theme.border
        })
}
