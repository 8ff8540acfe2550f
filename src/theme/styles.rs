//! The three themes. The colour themes use xterm's fixed 256-colour cube and greys rather
//! than the sixteen colours a scheme redefines, so their contrast does not depend on the
//! scheme (Solarized, for one, makes colour 8 its background); the terminal's own
//! foreground and background stay for plain text.

use ratatui::style::{Color, Modifier, Style};

use super::{Canvas, Theme};

const BOLD: Modifier = Modifier::BOLD;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const INK: Color = Color::Indexed(16);

const fn fg(n: u8) -> Style {
    Style::new().fg(Color::Indexed(n))
}

/// Black text on a light fixed colour: readable on any scheme.
const fn on(n: u8) -> Style {
    Style::new()
        .fg(INK)
        .bg(Color::Indexed(n))
        .add_modifier(BOLD)
}

/// For dark backgrounds. Contrast against black, with xterm's palette: text 6:1 or more,
/// dimmed context 3.4:1.
pub const DARK: Theme = Theme {
    name: "dark",
    canvas: Canvas {
        foreground: (0xe5, 0xe5, 0xe5),
        background: (0x00, 0x00, 0x00),
    },
    header: on(80),
    warning: on(220),
    border: fg(244),
    border_focused: fg(80),
    selected: on(80),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    branch: Style::new().add_modifier(BOLD),
    muted: fg(245),
    key: fg(80).add_modifier(BOLD),
    prompt: fg(80).add_modifier(BOLD),
    matched: fg(220).add_modifier(BOLD).add_modifier(UNDERLINED),
    found: on(220),
    title: Style::new().add_modifier(BOLD),
    breadcrumb: fg(245),
    tag: fg(176),
    summary: Style::new().add_modifier(Modifier::ITALIC),
    heading: fg(80).add_modifier(BOLD),
    link: fg(75).add_modifier(UNDERLINED),
    term: fg(114),
    broken: fg(210).add_modifier(UNDERLINED),
    code: fg(180),
    verdicts: [
        fg(114).add_modifier(BOLD),
        fg(220).add_modifier(BOLD),
        fg(210).add_modifier(BOLD),
        fg(245).add_modifier(BOLD),
    ],
    target_selected: on(220),
    bullet: fg(80),
    context: fg(241),
    bookmark: fg(220),
    status: fg(220).add_modifier(BOLD),
};

/// For light backgrounds. Contrast against white, with xterm's palette: text and borders
/// 4.5:1 or more, dimmed context 3.4:1.
pub const LIGHT: Theme = Theme {
    name: "light",
    canvas: Canvas {
        foreground: (0x00, 0x00, 0x00),
        background: (0xff, 0xff, 0xff),
    },
    header: on(153),
    warning: on(229),
    border: fg(243),
    border_focused: fg(25),
    selected: on(153),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    branch: Style::new().add_modifier(BOLD),
    muted: fg(242),
    key: fg(25).add_modifier(BOLD),
    prompt: fg(25).add_modifier(BOLD),
    matched: on(229).add_modifier(UNDERLINED),
    found: on(222),
    title: Style::new().add_modifier(BOLD),
    breadcrumb: fg(242),
    tag: fg(90),
    summary: Style::new().add_modifier(Modifier::ITALIC),
    heading: fg(25).add_modifier(BOLD),
    link: fg(26).add_modifier(UNDERLINED),
    term: fg(22),
    broken: fg(124).add_modifier(UNDERLINED),
    code: fg(94),
    verdicts: [
        fg(22).add_modifier(BOLD),
        fg(130).add_modifier(BOLD),
        fg(124).add_modifier(BOLD),
        fg(242).add_modifier(BOLD),
    ],
    target_selected: on(222),
    bullet: fg(25),
    context: fg(245),
    bookmark: fg(130),
    status: fg(130).add_modifier(BOLD),
};

/// `NO_COLOR`: bold, underline, italic, dim and reverse video only, so the selection and
/// matches stay visible.
pub const MONO: Theme = Theme {
    name: "mono",
    canvas: DARK.canvas,
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
    matched: Style::new().add_modifier(BOLD).add_modifier(UNDERLINED),
    found: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(UNDERLINED),
    title: Style::new().add_modifier(BOLD),
    breadcrumb: Style::new().add_modifier(Modifier::DIM),
    tag: Style::new().add_modifier(Modifier::ITALIC),
    summary: Style::new().add_modifier(Modifier::ITALIC),
    heading: Style::new().add_modifier(BOLD),
    link: Style::new().add_modifier(UNDERLINED),
    term: Style::new().add_modifier(Modifier::ITALIC),
    broken: Style::new().add_modifier(Modifier::CROSSED_OUT),
    code: Style::new(),
    verdicts: [Style::new().add_modifier(BOLD); 4],
    target_selected: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(BOLD),
    bullet: Style::new(),
    context: Style::new().add_modifier(Modifier::DIM),
    bookmark: Style::new().add_modifier(BOLD),
    status: Style::new().add_modifier(BOLD),
};
