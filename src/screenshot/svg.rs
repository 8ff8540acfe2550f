//! A terminal buffer as SVG. Each run of non-space cells is one `<text>` pinned to the cell
//! grid with `textLength`, so the picture keeps its columns whatever font the viewer picks.

use std::fmt::Write;

/// Column counts are terminal widths (at most `u16::MAX`), so the conversion is exact.
fn columns(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::theme::Canvas;
use crate::theme::palette::{Rgb, rgb};

const CELL_WIDTH: f64 = 8.43;
const CELL_HEIGHT: f64 = 17.0;
const FONT_SIZE: f64 = 14.0;
/// A terminal buffer drawn in xterm's palette on `canvas`, the theme's terminal colours.
pub fn to_svg(buffer: &Buffer, canvas: Canvas) -> String {
    let area = buffer.area;
    let width = f64::from(area.width) * CELL_WIDTH;
    let height = f64::from(area.height) * CELL_HEIGHT;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.2} {height:.2}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n\
         <g font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"{FONT_SIZE}\" xml:space=\"preserve\">\n",
        hex(canvas.background)
    );
    for y in 0..area.height {
        let cells: Vec<&Cell> = (0..area.width)
            .filter_map(|x| buffer.cell((area.x + x, area.y + y)))
            .collect();
        backgrounds(&cells, y, canvas, &mut out);
        texts(&cells, y, canvas, &mut out);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// Foreground and background after reverse video is applied; no background where the
/// terminal's own shows.
fn colours(cell: &Cell, canvas: Canvas) -> (Rgb, Option<Rgb>) {
    let fg = rgb(cell.fg, canvas.foreground);
    let bg = (cell.bg != Color::Reset).then(|| rgb(cell.bg, canvas.background));
    if cell.modifier.contains(Modifier::REVERSED) {
        (bg.unwrap_or(canvas.background), Some(fg))
    } else {
        (fg, bg)
    }
}

fn backgrounds(cells: &[&Cell], y: u16, canvas: Canvas, out: &mut String) {
    let mut x = 0;
    while x < cells.len() {
        let bg = colours(cells[x], canvas).1;
        let start = x;
        while x < cells.len() && colours(cells[x], canvas).1 == bg {
            x += 1;
        }
        if let Some(bg) = bg {
            let _ = writeln!(
                out,
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{CELL_HEIGHT}\" fill=\"{}\"/>",
                columns(start) * CELL_WIDTH,
                f64::from(y) * CELL_HEIGHT,
                columns(x - start) * CELL_WIDTH,
                hex(bg)
            );
        }
    }
}

fn texts(cells: &[&Cell], y: u16, canvas: Canvas, out: &mut String) {
    let mut x = 0;
    while x < cells.len() {
        if cells[x].symbol() == " " {
            x += 1;
            continue;
        }
        let start = x;
        let style = (colours(cells[x], canvas).0, cells[x].modifier);
        let mut text = String::new();
        let mut width_total = 0;
        while x < cells.len()
            && cells[x].symbol() != " "
            && (colours(cells[x], canvas).0, cells[x].modifier) == style
        {
            let symbol = cells[x].symbol();
            text.push_str(symbol);
            let width = symbol.width().max(1);
            width_total += width;
            x += width;
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.2}\" y=\"{:.2}\" textLength=\"{:.2}\" lengthAdjust=\"spacingAndGlyphs\"{}>{}</text>",
            columns(start) * CELL_WIDTH,
            (f64::from(y) + 0.78) * CELL_HEIGHT,
            columns(width_total) * CELL_WIDTH,
            attributes(style.0, style.1),
            escape(&text)
        );
    }
}

fn attributes(fg: Rgb, modifier: Modifier) -> String {
    let mut out = format!(" fill=\"{}\"", hex(fg));
    if modifier.contains(Modifier::BOLD) {
        out.push_str(" font-weight=\"bold\"");
    }
    if modifier.contains(Modifier::ITALIC) {
        out.push_str(" font-style=\"italic\"");
    }
    if modifier.contains(Modifier::UNDERLINED) {
        out.push_str(" text-decoration=\"underline\"");
    }
    if modifier.contains(Modifier::DIM) {
        out.push_str(" opacity=\"0.6\"");
    }
    out
}

fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    #[test]
    fn runs_become_pinned_text_and_backgrounds() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "ab <c>", Style::new().bg(Color::Cyan));
        let svg = to_svg(&buffer, crate::theme::LIGHT.canvas);
        assert!(svg.contains(">ab</text>"));
        assert!(svg.contains(">&lt;c&gt;</text>"));
        assert!(svg.contains("fill=\"#00cdcd\""), "xterm's cyan");
        assert!(svg.contains("fill=\"#ffffff\""), "the light canvas");
        assert_eq!(svg.matches("<text").count(), 2);
    }
}
