//! The search overlay: a prompt, a count, and two lines per result (title with matched
//! characters highlighted, then the breadcrumb, matched term or body snippet).

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::app::{App, SearchState};
use crate::search::{Field, Hit, NoMatch};
use crate::theme::Theme;

pub fn render(app: &App, search: &SearchState, area: Rect, buf: &mut Buffer) {
    let popup = super::centered(area, area.width.saturating_sub(4).min(100), area.height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(" Search titles, terms and text ")
        .border_style(app.view.theme.border_focused);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let [prompt, count, results] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let query = search.query();
    super::prompt::line(
        "/ ",
        &search.prompt,
        app.view.theme,
        usize::from(prompt.width),
    )
    .render(prompt, buf);
    Line::from(count_text(search))
        .style(app.view.theme.muted)
        .render(count, buf);
    if search.hits.is_empty() {
        Paragraph::new(empty_message(query, search.empty.as_ref()))
            .wrap(Wrap { trim: true })
            .render(results, buf);
        return;
    }
    render_results(app, search, results, buf);
}

/// Says plainly that nothing matched, which words the base does not hold, and the closest
/// words it does.
fn empty_message(query: &str, why: Option<&NoMatch>) -> String {
    let mut message = format!("No topic matches “{}”.", query.trim());
    let Some(why) = why else {
        return message;
    };
    match why.missing.as_slice() {
        [] => message.push_str(" No topic holds enough of these words together."),
        [word] => {
            let _ = write!(message, " The word “{word}” is not in this knowledge base.");
        }
        words => {
            let _ = write!(
                message,
                " These words are not in this knowledge base: {}.",
                quoted(words)
            );
        }
    }
    if !why.closest.is_empty() {
        let _ = write!(message, " Did you mean {}?", quoted(&why.closest));
    }
    message
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn count_text(search: &SearchState) -> String {
    let hits = search.hits.len();
    if search.query().trim().is_empty() {
        "Type to search · showing the top-level topics · Alt-↑ an earlier search".to_owned()
    } else if hits == 1 {
        "1/1 result".to_owned()
    } else if hits == 0 {
        "No results".to_owned()
    } else {
        format!("{}/{hits} results", search.cursor + 1)
    }
}

fn render_results(app: &App, search: &SearchState, area: Rect, buf: &mut Buffer) {
    let per_page = usize::from(area.height / 2).max(1);
    let offset = search.cursor.saturating_sub(per_page - 1);
    let mut y = area.y;
    for (n, hit) in search.hits.iter().enumerate().skip(offset).take(per_page) {
        let chosen = n == search.cursor;
        let [first, second] = result_lines(app, hit);
        let row = Rect::new(area.x, y, area.width, 1);
        first.render(row, buf);
        if y + 1 < area.bottom() {
            second.render(Rect::new(area.x, y + 1, area.width, 1), buf);
        }
        if chosen {
            buf.set_style(
                Rect::new(area.x, y, area.width, 2.min(area.bottom() - y)),
                app.view.theme.selected_unfocused,
            );
        }
        y += 2;
    }
}

fn result_lines<'a>(app: &'a App, hit: &'a Hit) -> [Line<'a>; 2] {
    let theme = app.view.theme;
    let node = app.model.catalog.node(hit.node);
    let mut first = vec![Span::raw(" ")];
    first.extend(highlighted(
        &node.title,
        &hit.title_marks,
        theme.title,
        theme,
    ));
    first.push(Span::styled(format!("  {}", node.kind.label()), theme.tag));
    let mut second = vec![Span::raw("   ")];
    match (&hit.field, &hit.snippet) {
        (Field::Alias(n), _) => {
            second.push(Span::styled("term: ", theme.muted));
            second.extend(highlighted(
                &node.aliases[*n],
                &hit.alias_marks,
                Style::new(),
                theme,
            ));
        }
        (Field::Body, Some(snippet)) => {
            let mut indices = Vec::new();
            for &(s, e) in &snippet.highlights {
                indices.extend(s..e);
            }
            second.extend(highlighted(&snippet.text, &indices, theme.muted, theme));
        }
        _ => second.push(Span::styled(
            app.model.catalog.breadcrumb(hit.node, " › "),
            theme.breadcrumb,
        )),
    }
    [Line::from(first), Line::from(second)]
}

/// Spans of `text` with the characters at `indices` (character positions) highlighted.
fn highlighted<'a>(text: &'a str, indices: &[usize], base: Style, theme: &Theme) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in text.chars().enumerate() {
        let matched = indices.binary_search(&i).is_ok();
        if matched != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { theme.matched } else { base },
            ));
        }
        run_matched = matched;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_matched { theme.matched } else { base },
        ));
    }
    spans
}
