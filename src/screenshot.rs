//! Screens rendered off-terminal, for the README images.
//!
//! Screens rendered off-terminal: key sequences played against the explorer into a test
//! backend, and the resulting buffer written as SVG. `cargo run --example screenshots` writes
//! the README images with this, and a test fails when a committed image is out of date.

mod svg;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::App;
use crate::catalog::Catalog;
use crate::keys;
use crate::knowledge;
use crate::theme::{DARK, LIGHT, Theme};
pub use svg::to_svg;

/// One README image: a terminal size and the keys pressed after start.
#[derive(Debug, Clone, Copy)]
pub struct Scene {
    pub name: &'static str,
    pub width: u16,
    pub height: u16,
    pub keys: &'static str,
    pub theme: &'static Theme,
}

pub const SCENES: &[Scene] = &[
    Scene {
        name: "start",
        width: 120,
        height: 36,
        keys: "",
        theme: &DARK,
    },
    Scene {
        name: "mechanism",
        width: 120,
        height: 36,
        keys: "jjlj",
        theme: &DARK,
    },
    Scene {
        name: "search",
        width: 120,
        height: 36,
        keys: "/hepatocite",
        theme: &DARK,
    },
    Scene {
        name: "evidence",
        width: 100,
        height: 30,
        keys: "/realistic<enter><tab>",
        theme: &DARK,
    },
    Scene {
        name: "links",
        width: 120,
        height: 36,
        keys: "jjljjj]]]",
        theme: &DARK,
    },
    Scene {
        name: "glossary",
        width: 120,
        height: 36,
        keys: "jjljjj]<enter>",
        theme: &DARK,
    },
    Scene {
        name: "bookmarks",
        width: 120,
        height: 36,
        keys: "jjljjjmjmjjjm'",
        theme: &DARK,
    },
    Scene {
        name: "help",
        width: 100,
        height: 36,
        keys: "?",
        theme: &DARK,
    },
    Scene {
        name: "claims",
        width: 120,
        height: 36,
        keys: "Gkkljjjlj",
        theme: &DARK,
    },
    Scene {
        name: "light",
        width: 120,
        height: 36,
        keys: "jjljjj]]]",
        theme: &LIGHT,
    },
];

/// Plays `sequence` into `app`, drawing after every key as the real loop does (drawing is
/// where panes learn their sizes), and returns the last frame.
pub fn play(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    sequence: &str,
) -> Result<Buffer, String> {
    draw(app, terminal);
    for key in keys::parse(sequence)? {
        app.handle_key(key);
        draw(app, terminal);
    }
    Ok(terminal.backend().buffer().clone())
}

pub fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let Ok(_) = terminal.draw(|frame| frame.render_widget(&mut *app, frame.area()));
}

/// The scene rendered on the embedded knowledge base, as SVG.
pub fn render(scene: &Scene) -> Result<String, String> {
    let (_, kb) = knowledge::load(None).map_err(|e| e.to_string())?;
    let mut app = App::new(Catalog::new(kb), scene.theme);
    let Ok(mut terminal) = Terminal::new(TestBackend::new(scene.width, scene.height));
    let buffer = play(&mut app, &mut terminal, scene.keys)?;
    Ok(to_svg(&buffer, scene.theme.canvas))
}
