//! The topic tree pane: one row per visible topic, indented by depth, with ▸/▾ on branches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, StatefulWidget};

use crate::app::{App, Focus, Overlay};

pub fn render(app: &mut App, area: Rect, buf: &mut Buffer) {
    app.tree_area = area;
    let focused = app.focus == Focus::Tree && app.overlay == Overlay::None;
    let theme = app.theme;
    let position = format!(
        " {}/{} ",
        app.outline.cursor() + 1,
        app.outline.rows().len()
    );
    let block = Block::bordered()
        .title(" Topics ")
        .title_bottom(Line::from(position).right_aligned())
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        });
    let items: Vec<ListItem> = app
        .outline
        .rows()
        .iter()
        .map(|row| {
            let node = app.catalog.node(row.node);
            let marker = match (row.has_children, row.open) {
                (false, _) => "  ",
                (true, false) => "▸ ",
                (true, true) => "▾ ",
            };
            let indent = "  ".repeat(row.depth);
            let style = if row.has_children {
                theme.branch
            } else {
                ratatui::style::Style::new()
            };
            ListItem::new(Line::from(vec![
                Span::raw(format!("{indent}{marker}")),
                Span::styled(node.title.as_str(), style),
            ]))
        })
        .collect();
    let highlight = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let list = List::new(items).block(block).highlight_style(highlight);
    app.tree_list.select(Some(app.outline.cursor()));
    StatefulWidget::render(list, area, buf, &mut app.tree_list);
}
