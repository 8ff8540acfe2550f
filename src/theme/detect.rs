//! Choosing the theme at start: `NO_COLOR` first (no-color.org), then `--theme`, then
//! `HEPATREE_THEME`; `auto` asks the terminal for its background (OSC 11, briefly), then
//! reads `COLORFGBG`, and falls back to dark.

use std::time::Duration;

use clap::ValueEnum;
use terminal_colorsaurus::{QueryOptions, ThemeMode, theme_mode};

use super::{DARK, LIGHT, MONO, Theme};

/// Overrides the theme when `--theme` is not given.
pub const VARIABLE: &str = "HEPATREE_THEME";

/// How long to wait for the terminal to say its background: terminals that answer do so
/// in a few milliseconds, and the query ends early on those that cannot.
const QUERY_TIMEOUT: Duration = Duration::from_millis(150);

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Choice {
    /// Ask the terminal whether its background is dark or light.
    Auto,
    Dark,
    Light,
}

/// The theme for this run. Only `auto` talks to the terminal, and only when asked to.
pub fn choose(flag: Option<Choice>) -> &'static Theme {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return &MONO;
    }
    let choice = flag
        .or_else(|| {
            let value = std::env::var(VARIABLE).ok()?;
            Choice::from_str(value.trim(), true).ok()
        })
        .unwrap_or(Choice::Auto);
    match choice {
        Choice::Dark => &DARK,
        Choice::Light => &LIGHT,
        Choice::Auto => {
            let light = ask_terminal().or_else(from_colorfgbg).unwrap_or(false);
            if light { &LIGHT } else { &DARK }
        }
    }
}

/// Whether the terminal says its background is light; none when it does not answer.
fn ask_terminal() -> Option<bool> {
    let mut options = QueryOptions::default();
    options.timeout = QUERY_TIMEOUT;
    theme_mode(options)
        .ok()
        .map(|mode| mode == ThemeMode::Light)
}

fn from_colorfgbg() -> Option<bool> {
    light_background(&std::env::var("COLORFGBG").ok()?)
}

/// `COLORFGBG` is "foreground;background" (rxvt, Konsole and others set it), palette
/// numbers; the background is the last field. 7 and 9-15 are light colours.
fn light_background(value: &str) -> Option<bool> {
    let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    Some(matches!(background, 7 | 9..=15))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_names_the_background_last() {
        assert_eq!(light_background("15;0"), Some(false));
        assert_eq!(light_background("0;15"), Some(true));
        assert_eq!(light_background("0;default;7"), Some(true));
        assert_eq!(light_background("12;8"), Some(false));
        assert_eq!(light_background("default"), None);
    }
}
