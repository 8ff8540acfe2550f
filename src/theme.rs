//! All styles in one place. `MONO` is used when `NO_COLOR` is set: it relies on bold,
//! underline and reverse video only, so the selection and matches stay visible.

use ratatui::style::{Color, Modifier, Style};

use crate::document::Tone;

#[derive(Debug)]
pub struct Theme {
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
    pub title: Style,
    pub breadcrumb: Style,
    pub tag: Style,
    pub summary: Style,
    pub heading: Style,
    pub link: Style,
    pub term: Style,
    pub bullet: Style,
    /// The link or term the reader has selected in the detail pane.
    pub target_selected: Style,
    /// Tree rows kept only as context for a filter's matches.
    pub context: Style,
    pub bookmark: Style,
    pub status: Style,
}

const BOLD: Modifier = Modifier::BOLD;

pub const COLOR: Theme = Theme {
    header: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(BOLD),
    warning: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(BOLD),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    branch: Style::new().add_modifier(BOLD),
    muted: Style::new().fg(Color::DarkGray),
    key: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    prompt: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    matched: Style::new()
        .fg(Color::Yellow)
        .add_modifier(BOLD)
        .add_modifier(Modifier::UNDERLINED),
    title: Style::new().fg(Color::White).add_modifier(BOLD),
    breadcrumb: Style::new().fg(Color::DarkGray),
    tag: Style::new().fg(Color::Magenta),
    summary: Style::new().add_modifier(Modifier::ITALIC),
    heading: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    link: Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::UNDERLINED),
    term: Style::new().fg(Color::Green),
    target_selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    bullet: Style::new().fg(Color::Cyan),
    context: Style::new().fg(Color::DarkGray),
    bookmark: Style::new().fg(Color::Yellow),
    status: Style::new().fg(Color::Yellow).add_modifier(BOLD),
};

pub const MONO: Theme = Theme {
    header: Style::new().add_modifier(Modifier::REVERSED),
    warning: Style::new()
        .add_modifier(BOLD)
        .add_modifier(Modifier::REVERSED),
    border: Style::new(),
    border_focused: Style::new().add_modifier(BOLD),
    selected: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(BOLD),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    branch: Style::new().add_modifier(BOLD),
    muted: Style::new().add_modifier(Modifier::DIM),
    key: Style::new().add_modifier(BOLD),
    prompt: Style::new().add_modifier(BOLD),
    matched: Style::new()
        .add_modifier(BOLD)
        .add_modifier(Modifier::UNDERLINED),
    title: Style::new().add_modifier(BOLD),
    breadcrumb: Style::new().add_modifier(Modifier::DIM),
    tag: Style::new().add_modifier(Modifier::ITALIC),
    summary: Style::new().add_modifier(Modifier::ITALIC),
    heading: Style::new().add_modifier(BOLD),
    link: Style::new().add_modifier(Modifier::UNDERLINED),
    term: Style::new().add_modifier(Modifier::ITALIC),
    target_selected: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(BOLD),
    bullet: Style::new(),
    context: Style::new().add_modifier(Modifier::DIM),
    bookmark: Style::new().add_modifier(BOLD),
    status: Style::new().add_modifier(BOLD),
};

impl Theme {
    /// `NO_COLOR` set to anything non-empty asks for no colour (no-color.org).
    pub fn from_env() -> &'static Self {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => &MONO,
            _ => &COLOR,
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
            Tone::Bullet => self.bullet,
            Tone::Muted => self.muted,
            Tone::Match => self.matched,
        }
    }
}
