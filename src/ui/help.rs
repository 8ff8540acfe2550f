//! The help overlay: every binding of the keymap, grouped by where it applies.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::action::Action;
use crate::app::App;
use crate::document::display_width;
use crate::keymap::{self, BINDINGS, Context};
use crate::theme::Theme;

const ORDER: [Context; 11] = [
    Context::Always,
    Context::Browse,
    Context::Tree,
    Context::Detail,
    Context::Search,
    Context::Find,
    Context::Prompt,
    Context::Bookmarks,
    Context::Definition,
    Context::Problems,
    Context::Help,
];

/// The help popup inside `area`, for `lines` lines of help.
fn popup(area: Rect, lines: usize) -> Rect {
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    super::centered(area, 64, height)
}

/// The help's scroll position kept within what the popup on `area` can scroll.
pub fn clamp_scroll(theme: &Theme, scroll: usize, area: Rect) -> usize {
    let lines = help_lines(theme).len();
    let popup = popup(area, lines);
    scroll.min(lines.saturating_sub(usize::from(popup.height.saturating_sub(2))))
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme;
    let lines = help_lines(theme);
    let popup = popup(area, lines.len());
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(" Keys ")
        .title_bottom(
            Line::from(keymap::popup_hint(
                Context::Help,
                &[Action::CloseOverlay, Action::ScrollDown],
            ))
            .right_aligned(),
        )
        .border_style(theme.border_focused);
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .block(block)
        .scroll((scroll, 0))
        .render(popup, buf);
}

fn help_lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in ORDER {
        let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.context == context).collect();
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), theme.heading));
        for binding in bindings {
            let keys = keymap::keys_label(binding.keys);
            let pad = " ".repeat(22usize.saturating_sub(display_width(&keys)));
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.key),
                Span::raw(format!("{pad}{}", binding.label)),
            ]));
        }
    }
    lines.push(Line::default());
    for note in [
        "An empty search lists the top-level topics.",
        "Links and glossary terms are selected with Tab or ] and [.",
        "n and N move between the matches of C-f (find in topic).",
        "Space at the end of a topic reads on into the next.",
    ] {
        lines.push(Line::styled(note, theme.muted));
    }
    lines
}
