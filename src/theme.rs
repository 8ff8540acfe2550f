//! All styles in one place.
//!
//! A dark and a light theme, checked for contrast against xterm's palette (`palette.rs`),
//! and `MONO` for `NO_COLOR`. Which one applies is chosen once at start (`detect.rs`):
//! `--theme`, `HEPATREE_THEME`, or the terminal's own background.

mod detect;
pub mod palette;
mod styles;

use ratatui::style::{Modifier, Style};

pub use self::detect::{Choice, choose};
pub use self::styles::{DARK, LIGHT, MONO};
use crate::document::Tone;

/// The terminal colours a theme is drawn on: its default foreground and background, as
/// xterm shows them. Contrast is checked and screenshots are drawn against these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canvas {
    pub foreground: palette::Rgb,
    pub background: palette::Rgb,
}

#[derive(Debug)]
pub struct Theme {
    pub name: &'static str,
    pub canvas: Canvas,
    pub header: Style,
    pub warning: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub branch: Style,
    pub muted: Style,
    pub key: Style,
    pub prompt: Style,
    pub matched: Style,
    /// A match of the find prompt in the topic on screen.
    pub found: Style,
    pub title: Style,
    pub breadcrumb: Style,
    pub tag: Style,
    pub summary: Style,
    pub heading: Style,
    pub link: Style,
    pub term: Style,
    /// A link to a topic the file does not have.
    pub broken: Style,
    /// Inline code and code blocks.
    pub code: Style,
    /// A claim's verdict badge: supported, mixed, not shown, untested.
    pub verdicts: [Style; 4],
    pub bullet: Style,
    /// The link or term the reader has selected in the detail pane.
    pub target_selected: Style,
    /// Tree rows kept only as context for a filter's matches.
    pub context: Style,
    pub bookmark: Style,
    pub status: Style,
}

impl Theme {
    pub const fn verdict(&self, verdict: crate::knowledge::Verdict) -> Style {
        use crate::knowledge::Verdict;
        match verdict {
            Verdict::Supported => self.verdicts[0],
            Verdict::Mixed => self.verdicts[1],
            Verdict::NotShown => self.verdicts[2],
            Verdict::Untested => self.verdicts[3],
        }
    }

    pub const fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::new(),
            Tone::Breadcrumb => self.breadcrumb,
            Tone::Title => self.title,
            Tone::Tag => self.tag,
            Tone::Summary => self.summary,
            Tone::Heading => self.heading,
            Tone::Link => self.link,
            Tone::Term => self.term,
            Tone::Broken => self.broken,
            Tone::Strong => Style::new().add_modifier(Modifier::BOLD),
            Tone::Emphasis => Style::new().add_modifier(Modifier::ITALIC),
            Tone::Code => self.code,
            Tone::Strike => Style::new().add_modifier(Modifier::CROSSED_OUT),
            Tone::Verdict(verdict) => self.verdict(verdict),
            Tone::Bullet => self.bullet,
            Tone::Muted => self.muted,
            Tone::Match => self.matched,
        }
    }
}
