//! Tables laid out in aligned columns. A table wider than the pane has its widest columns
//! narrowed, their cells wrapped, until it fits (or every column is down to a few cells).

use super::builder::Builder;
use super::wrap::{display_width, wrap};
use super::{Highlight, Line, Segment, Tone};
use crate::markup::{Align, Inline};

/// The narrowest a column is made to fit a table in the pane.
const NARROWEST: usize = 6;
/// Below this, a column is hard to read: a table whose columns cannot all have it (or
/// their natural width, if less) is laid out one row at a time instead.
const READABLE: usize = 14;
const SEPARATOR: &str = " │ ";

impl Builder<'_> {
    pub(super) fn table(
        &mut self,
        align: &[Align],
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        indent: &str,
    ) {
        let mut head: Vec<Vec<Segment>> = head
            .iter()
            .map(|c| self.inline_segments(c, false))
            .collect();
        for cell in &mut head {
            for segment in cell.iter_mut().filter(|s| s.tone == Tone::Plain) {
                segment.tone = Tone::Strong;
            }
        }
        let body: Vec<Vec<Vec<Segment>>> = rows
            .iter()
            .map(|row| row.iter().map(|c| self.inline_segments(c, false)).collect())
            .collect();
        let columns = std::iter::once(&head)
            .chain(&body)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        let room = self.width.saturating_sub(display_width(indent));
        let natural = widths(std::iter::once(&head).chain(&body), columns, usize::MAX);
        if cramped(&natural, room) {
            self.stacked(&head, &body, indent);
            return;
        }
        let widths = widths(std::iter::once(&head).chain(&body), columns, room);
        let highlight = self.highlight;
        self.lines
            .extend(row_lines(&head, &widths, align, indent, highlight));
        let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
        let rule = format!("{indent}{}", rule.join("─┼─"));
        self.lines.push(vec![Segment::new(rule, Tone::Muted)]);
        for row in &body {
            self.lines
                .extend(row_lines(row, &widths, align, indent, highlight));
        }
    }
}

/// Whether the columns cannot all get a readable width side by side in `room`.
fn cramped(natural: &[usize], room: usize) -> bool {
    let least: usize = natural.iter().map(|&w| w.min(READABLE)).sum();
    let separators = display_width(SEPARATOR) * natural.len().saturating_sub(1);
    least + separators > room
}

impl Builder<'_> {
    /// A table too wide for the pane, as one short entry per row: its first cell, then
    /// each other cell after its column's heading.
    fn stacked(&mut self, head: &[Vec<Segment>], rows: &[Vec<Vec<Segment>>], indent: &str) {
        let hang = format!("{indent}  ");
        for row in rows {
            let mut cells = row.iter();
            let mut first = vec![Segment::new("• ", Tone::Bullet)];
            first.extend(cells.next().cloned().unwrap_or_default());
            self.wrap(&first, indent, &hang);
            for (n, cell) in cells.enumerate() {
                let mut line: Vec<Segment> = head.get(n + 1).cloned().unwrap_or_default();
                line.push(Segment::new(": ", Tone::Strong));
                line.extend(cell.iter().cloned());
                self.wrap(&line, &hang, &format!("{hang}  "));
            }
        }
    }
}

/// Each column's width: its widest cell, then the widest columns narrowed in turn until
/// the table fits in `room`.
fn widths<'a>(
    rows: impl Iterator<Item = &'a Vec<Vec<Segment>>>,
    columns: usize,
    room: usize,
) -> Vec<usize> {
    let mut widths = vec![1; columns];
    for row in rows {
        for (n, cell) in row.iter().enumerate() {
            let width: usize = cell.iter().map(|s| display_width(&s.text)).sum();
            widths[n] = widths[n].max(width);
        }
    }
    let room = room.saturating_sub(display_width(SEPARATOR) * columns.saturating_sub(1));
    while widths.iter().sum::<usize>() > room {
        let Some(widest) = (0..columns).max_by_key(|&n| widths[n]) else {
            break;
        };
        if widths[widest] <= NARROWEST {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

/// One table row as lines: each cell wrapped to its column, padded as the column aligns.
fn row_lines(
    row: &[Vec<Segment>],
    widths: &[usize],
    align: &[Align],
    indent: &str,
    highlight: &Highlight,
) -> Vec<Line> {
    let empty = Vec::new();
    let cells: Vec<Vec<Line>> = widths
        .iter()
        .enumerate()
        .map(|(n, &width)| wrap(row.get(n).unwrap_or(&empty), width, "", "", highlight))
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    (0..height)
        .map(|y| {
            let mut line = vec![Segment::new(indent, Tone::Plain)];
            for (n, cell) in cells.iter().enumerate() {
                if n > 0 {
                    line.push(Segment::new(SEPARATOR, Tone::Muted));
                }
                let part = cell.get(y).cloned().unwrap_or_default();
                let used: usize = part.iter().map(|s| display_width(&s.text)).sum();
                let free = widths[n].saturating_sub(used);
                let (left, right) = match align.get(n) {
                    Some(Align::Right) => (free, 0),
                    Some(Align::Center) => (free / 2, free - free / 2),
                    _ => (0, free),
                };
                line.push(Segment::new(" ".repeat(left), Tone::Plain));
                line.extend(part);
                line.push(Segment::new(" ".repeat(right), Tone::Plain));
            }
            line
        })
        .collect()
}
