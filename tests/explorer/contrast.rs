//! Contrast in both colour themes: every glyph of several screens, against the background
//! it is drawn on, with xterm's palette (WCAG ratio). Text needs 4.5:1; deliberately dimmed
//! context (a filter's context rows, unfocused borders) 3:1. No text on the terminal's own
//! background may use a palette colour that schemes make their background.

use crate::support::app_with;

use hepatree::screenshot::play;
use hepatree::theme::palette::{Rgb, contrast, rgb};
use hepatree::theme::{DARK, LIGHT, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

/// Screens that together use every style: the start, a link and a glossary term selected
/// in a topic, a filter's context rows, the search overlay, a definition, bookmarks, help.
const SCREENS: &[&str] = &[
    "",
    "<tab><tab><tab>",
    "<down><right><down><tab><tab>",
    "fff",
    "/water",
    "/zqxv",
    "<tab><tab><tab><tab><tab><tab><enter>",
    "m'",
    "?",
];

const CLAIMS: &str = include_str!("../fixtures/claims.ron");

/// The colours a cell is seen in: reverse video swaps them.
fn seen(cell: &Cell, theme: &Theme) -> (Rgb, Rgb) {
    let fg = rgb(cell.fg, theme.canvas.foreground);
    let bg = rgb(cell.bg, theme.canvas.background);
    if cell.modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

fn dimmed(cell: &Cell, theme: &Theme) -> bool {
    [theme.context.fg, theme.border.fg].contains(&Some(cell.fg))
}

/// Palette colours a scheme of this kind may use as its background.
fn unsafe_on_default(theme: &Theme) -> [Color; 4] {
    if theme.name == "light" {
        [
            Color::Gray,
            Color::White,
            Color::Indexed(7),
            Color::Indexed(15),
        ]
    } else {
        [
            Color::Black,
            Color::DarkGray,
            Color::Indexed(0),
            Color::Indexed(8),
        ]
    }
}

#[derive(Default)]
struct Tally {
    glyphs: usize,
    lowest: f64,
    /// The lowest among glyphs that are not deliberately dimmed.
    lowest_text: f64,
    under: usize,
    failures: Vec<String>,
}

fn check(buffer: &Buffer, theme: &Theme, keys: &str, tally: &mut Tally) {
    for (n, cell) in buffer.content.iter().enumerate() {
        if cell.symbol().trim().is_empty() {
            continue;
        }
        let (fg, bg) = seen(cell, theme);
        let ratio = contrast(fg, bg);
        let floor = if dimmed(cell, theme) { 3.0 } else { 4.5 };
        tally.glyphs += 1;
        tally.lowest = tally.lowest.min(ratio);
        if floor > 3.0 {
            tally.lowest_text = tally.lowest_text.min(ratio);
        }
        tally.under += usize::from(ratio < 4.5);
        let width = usize::from(buffer.area.width);
        let at = (n % width, n / width);
        if ratio < floor {
            tally.failures.push(format!(
                "{} {keys:?} {at:?} {:?} {ratio:.2}",
                theme.name,
                cell.symbol()
            ));
        }
        if cell.bg == Color::Reset && unsafe_on_default(theme).contains(&cell.fg) {
            tally.failures.push(format!(
                "{} {keys:?} {at:?} {:?} uses {:?}",
                theme.name,
                cell.symbol(),
                cell.fg
            ));
        }
    }
}

#[test]
fn every_glyph_is_readable_in_both_themes() {
    for theme in [&DARK, &LIGHT] {
        let mut tally = Tally {
            lowest: f64::MAX,
            lowest_text: f64::MAX,
            ..Tally::default()
        };
        for keys in SCREENS {
            for (width, height) in [(80, 24), (120, 40)] {
                let mut app = app_with(theme);
                let mut terminal =
                    Terminal::new(TestBackend::new(width, height)).expect("terminal");
                let buffer = play(&mut app, &mut terminal, keys).expect("keys");
                check(&buffer, theme, keys, &mut tally);
            }
        }
        // The claim check's verdict badges, on a file with one claim of each verdict.
        for keys in ["jjjljljljljl", "/pests<enter><tab>G"] {
            let kb = hepatree::knowledge::parse(CLAIMS).expect("valid");
            let mut app = hepatree::app::App::new(hepatree::catalog::Catalog::new(kb), theme);
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
            let buffer = play(&mut app, &mut terminal, keys).expect("keys");
            check(&buffer, theme, keys, &mut tally);
        }
        eprintln!(
            "{}: {} glyphs, lowest {:.2}:1 (text {:.2}:1), {} under 4.5:1 (all dimmed context)",
            theme.name, tally.glyphs, tally.lowest, tally.lowest_text, tally.under
        );
        assert!(tally.failures.is_empty(), "{:#?}", tally.failures);
        assert!(tally.glyphs > 10_000, "the screens drew text");
    }
}

#[test]
fn both_themes_at_80x24() {
    for (theme, name) in [(&DARK, "theme_dark_80x24"), (&LIGHT, "theme_light_80x24")] {
        let mut app = app_with(theme);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let buffer = play(&mut app, &mut terminal, "<tab><tab><tab>").expect("keys");
        insta::assert_debug_snapshot!(name, buffer);
    }
}
