//! The list of the problems a knowledge file was opened with, as `check` prints them, so
//! an author can go and fix each where it stands.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::action::Action;
use crate::app::App;
use crate::keymap::{self, Context};

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme;
    let problems = &app.model.problems;
    let popup = super::centered(area, 90, area.height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(format!(
            " {} problem{} in {} ",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            app.model.file_name
        ))
        .title_bottom(
            Line::from(keymap::popup_hint(
                Context::Problems,
                &[Action::CloseOverlay, Action::ScrollDown],
            ))
            .right_aligned(),
        )
        .border_style(theme.border_focused);
    let mut lines = vec![Line::styled(
        "The file opened; these parts of it point nowhere and are shown as broken.",
        theme.muted,
    )];
    for problem in problems {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>9}  ", problem.position.to_string()), theme.key),
            Span::raw(problem.message.clone()),
        ]));
    }
    let scroll = u16::try_from(scroll.min(lines.len().saturating_sub(1))).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(popup, buf);
}
