//! The one table of key bindings. The explorer looks keys up here, and the footer and the help
//! overlay are generated from it, so what is shown is always what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// Where a binding applies. The app asks for the contexts of its current state in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, even while typing a query.
    Always,
    /// While browsing (no overlay open), whichever pane has focus.
    Browse,
    Tree,
    Detail,
    Search,
    Help,
}

impl Context {
    pub const fn title(self) -> &'static str {
        match self {
            Self::Always => "Anywhere",
            Self::Browse => "Browsing",
            Self::Tree => "Topic tree",
            Self::Detail => "Detail pane",
            Self::Search => "Search",
            Self::Help => "Help",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub label: &'static str,
    /// Whether the footer shows it (the help overlay shows every binding).
    pub footer: bool,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        label,
        footer,
    }
}

use Context::{Always, Browse, Detail, Help, Search, Tree};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

pub const BINDINGS: &[Binding] = &[
    bind(Always, &[ctrl('c')], Action::Quit, "quit", false),
    bind(Browse, &[ch('q')], Action::Quit, "quit", true),
    bind(Browse, &[ch('?')], Action::ToggleHelp, "help", true),
    bind(Browse, &[ch('/')], Action::OpenSearch, "search", true),
    bind(
        Browse,
        &[plain(Tab), plain(BackTab)],
        Action::SwitchFocus,
        "switch pane",
        true,
    ),
    bind(
        Tree,
        &[ch('j'), plain(Down)],
        Action::SelectNext,
        "next topic",
        true,
    ),
    bind(
        Tree,
        &[ch('k'), plain(Up)],
        Action::SelectPrevious,
        "previous topic",
        false,
    ),
    bind(
        Tree,
        &[ch('l'), plain(Right)],
        Action::ExpandOrEnter,
        "open / go in",
        true,
    ),
    bind(
        Tree,
        &[ch('h'), plain(Left)],
        Action::CollapseOrLeave,
        "close / go up",
        false,
    ),
    bind(
        Tree,
        &[plain(Enter), ch(' ')],
        Action::ToggleNode,
        "open or close",
        false,
    ),
    bind(
        Tree,
        &[ch('g'), plain(Home)],
        Action::SelectFirst,
        "first topic",
        false,
    ),
    bind(
        Tree,
        &[ch('G'), plain(End)],
        Action::SelectLast,
        "last topic",
        false,
    ),
    bind(
        Tree,
        &[plain(PageDown), ctrl('d')],
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Tree,
        &[plain(PageUp), ctrl('u')],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Tree,
        &[ch('c')],
        Action::CollapseAll,
        "close all branches",
        false,
    ),
    bind(
        Tree,
        &[ch('J')],
        Action::ScrollDown,
        "scroll the topic down",
        false,
    ),
    bind(
        Tree,
        &[ch('K')],
        Action::ScrollUp,
        "scroll the topic up",
        false,
    ),
    bind(
        Detail,
        &[ch('j'), plain(Down)],
        Action::ScrollDown,
        "scroll down",
        true,
    ),
    bind(
        Detail,
        &[ch('k'), plain(Up)],
        Action::ScrollUp,
        "scroll up",
        false,
    ),
    bind(
        Detail,
        &[plain(PageDown), ch(' '), ctrl('d')],
        Action::ScrollPageDown,
        "page down",
        true,
    ),
    bind(
        Detail,
        &[plain(PageUp), ch('b'), ctrl('u')],
        Action::ScrollPageUp,
        "page up",
        false,
    ),
    bind(
        Detail,
        &[ch('g'), plain(Home)],
        Action::ScrollTop,
        "top",
        false,
    ),
    bind(
        Detail,
        &[ch('G'), plain(End)],
        Action::ScrollBottom,
        "bottom",
        false,
    ),
    bind(
        Detail,
        &[ch('h'), plain(Left), plain(Esc)],
        Action::SwitchFocus,
        "back to the tree",
        false,
    ),
    bind(
        Search,
        &[plain(Down), ctrl('n')],
        Action::SearchNext,
        "next result",
        true,
    ),
    bind(
        Search,
        &[plain(Up), ctrl('p')],
        Action::SearchPrevious,
        "previous result",
        true,
    ),
    bind(
        Search,
        &[plain(Enter)],
        Action::SearchAccept,
        "jump to result",
        true,
    ),
    bind(
        Search,
        &[plain(Esc)],
        Action::SearchCancel,
        "back to where you were",
        true,
    ),
    bind(
        Search,
        &[plain(Backspace)],
        Action::SearchBackspace,
        "delete a character",
        false,
    ),
    bind(
        Search,
        &[ctrl('w')],
        Action::SearchDeleteWord,
        "delete a word",
        false,
    ),
    bind(
        Help,
        &[plain(Esc), ch('?'), ch('q')],
        Action::CloseOverlay,
        "close help",
        true,
    ),
    bind(
        Help,
        &[ch('j'), plain(Down)],
        Action::ScrollDown,
        "scroll down",
        true,
    ),
    bind(
        Help,
        &[ch('k'), plain(Up)],
        Action::ScrollUp,
        "scroll up",
        false,
    ),
];

/// Normalises a key event so `G` with Shift held matches the `G` in the table.
fn key_of(event: KeyEvent) -> Key {
    let modifiers = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    Key {
        code: event.code,
        modifiers,
    }
}

/// The action bound to `event` in the first of `contexts` that binds it. In the search
/// context any other printable character is typed into the query.
pub fn action_for(contexts: &[Context], event: KeyEvent) -> Option<Action> {
    let key = key_of(event);
    for &context in contexts {
        let found = BINDINGS
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key));
        if let Some(binding) = found {
            return Some(binding.action);
        }
    }
    match key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::NONE,
        } if contexts.contains(&Search) => Some(Action::SearchInput(c)),
        _ => None,
    }
}

/// The bindings of `contexts` shown in the footer, as (keys, label).
pub fn footer_hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .flat_map(|&c| BINDINGS.iter().filter(move |b| b.context == c && b.footer))
        .map(|b| (keys_label(b.keys), b.label))
        .collect()
}

/// All keys of a binding, as shown to a reader: `j/↓`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter()
        .map(|&k| key_name(k))
        .collect::<Vec<_>>()
        .join("/")
}

pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        Down => "↓".to_owned(),
        Up => "↑".to_owned(),
        Left => "←".to_owned(),
        Right => "→".to_owned(),
        Enter => "Enter".to_owned(),
        Esc => "Esc".to_owned(),
        Tab => "Tab".to_owned(),
        BackTab => "S-Tab".to_owned(),
        Backspace => "Bksp".to_owned(),
        Home => "Home".to_owned(),
        End => "End".to_owned(),
        PageDown => "PgDn".to_owned(),
        PageUp => "PgUp".to_owned(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("C-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// Contexts that are consulted together, so a key must not appear twice among them.
    const STACKS: &[&[Context]] = &[
        &[Always, Browse, Tree],
        &[Always, Browse, Detail],
        &[Always, Search],
        &[Always, Help],
    ];

    #[test]
    fn no_key_is_bound_twice_where_contexts_meet() {
        for stack in STACKS {
            let mut seen = HashSet::new();
            for binding in BINDINGS.iter().filter(|b| stack.contains(&b.context)) {
                for key in binding.keys {
                    assert!(
                        seen.insert(*key),
                        "{} bound twice in {stack:?}",
                        key_name(*key)
                    );
                }
            }
        }
    }

    #[test]
    fn every_binding_is_reachable_from_some_stack() {
        for binding in BINDINGS {
            assert!(
                STACKS.iter().any(|s| s.contains(&binding.context)),
                "{binding:?}"
            );
        }
    }

    #[test]
    fn shifted_letters_and_typing() {
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(&[Always, Browse, Tree], shift_g),
            Some(Action::SelectLast)
        );
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&[Always, Search], q),
            Some(Action::SearchInput('q'))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&[Always, Search], ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn footer_lists_labels_in_table_order() {
        let hints = footer_hints(&[Browse]);
        assert_eq!(hints[0], ("q".to_owned(), "quit"));
        assert_eq!(hints[3], ("Tab/S-Tab".to_owned(), "switch pane"));
    }
}
