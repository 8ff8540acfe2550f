//! The one table of key bindings. The explorer looks keys up here, and the footer and the help
//! overlay are generated from it, so what is shown is always what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use crate::action::Action;

mod bindings;

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
pub use bindings::BINDINGS;

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
    /// Typing the text to find in the topic.
    Find,
    /// Editing the line of either prompt (search or find).
    Prompt,
    Help,
    /// The list of the file's problems.
    Problems,
    Bookmarks,
    /// A glossary term's definition.
    Definition,
}

impl Context {
    pub const fn title(self) -> &'static str {
        match self {
            Self::Always => "Anywhere",
            Self::Browse => "Browsing",
            Self::Tree => "Topic tree",
            Self::Detail => "Detail pane",
            Self::Search => "Search",
            Self::Find => "Find in the topic",
            Self::Prompt => "Editing a search or find",
            Self::Help => "Help",
            Self::Problems => "Problems in the file",
            Self::Bookmarks => "Bookmark list",
            Self::Definition => "Term definition",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
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

/// The action bound to `event` in the first of `contexts` that binds it. While a prompt is
/// open any other printable character is typed into it.
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
        } if contexts.contains(&Context::Prompt) => Some(Action::Edit(InputRequest::InsertChar(c))),
        _ => None,
    }
}

/// The bindings of `contexts` shown in the footer, as (first key, label): the most specific
/// context first, since the footer cuts off what does not fit.
pub fn footer_hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .rev()
        .flat_map(|&c| BINDINGS.iter().filter(move |b| b.context == c && b.footer))
        .map(|b| (keys_label(&b.keys[..1]), b.label))
        .collect()
}

/// The keys for `actions` in `context`, as a popup's bottom line shows them.
///
/// Each is given by its first key and label: " Enter go to · d remove · Esc close ". Taken
/// from the table, so a popup never names a key the table does not bind.
pub fn popup_hint(context: Context, actions: &[Action]) -> String {
    let hints: Vec<String> = actions
        .iter()
        .filter_map(|&action| {
            BINDINGS
                .iter()
                .find(|b| b.context == context && b.action == action)
                .map(|b| format!("{} {}", keys_label(&b.keys[..1]), b.label))
        })
        .collect();
    format!(" {} ", hints.join(" · "))
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
        Delete => "Del".to_owned(),
        Home => "Home".to_owned(),
        End => "End".to_owned(),
        PageDown => "PgDn".to_owned(),
        PageUp => "PgUp".to_owned(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("C-{base}")
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use Context::{Always, Browse, Detail, Help, Tree};

    /// Contexts that are consulted together, so a key must not appear twice among them.
    const STACKS: &[&[Context]] = &[
        &[Always, Browse, Tree],
        &[Always, Browse, Detail],
        &[Always, Context::Search, Context::Prompt],
        &[Always, Context::Find, Context::Prompt],
        &[Always, Help],
        &[Always, Context::Problems],
        &[Always, Context::Bookmarks],
        &[Always, Context::Definition],
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

    fn keys_of(action: Action) -> &'static [Key] {
        BINDINGS
            .iter()
            .find(|b| b.action == action)
            .expect("bound")
            .keys
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
            action_for(&[Always, Context::Search, Context::Prompt], q),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let search = [Always, Context::Search, Context::Prompt];
        assert_eq!(action_for(&search, ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn footer_lists_the_pane_first_with_one_key_each() {
        let hints = footer_hints(&[Browse, Tree]);
        assert_eq!(hints[0], ("Tab".to_owned(), "to the topic"));
        assert_eq!(hints[1], ("q".to_owned(), "quit"));
        assert_eq!(hints[5], ("Bksp".to_owned(), "back"));
        let alt_left = KeyEvent::new(KeyCode::Left, KeyModifiers::ALT);
        assert_eq!(
            action_for(&[Always, Browse, Detail], alt_left),
            Some(Action::Back)
        );
        assert_eq!(key_name(keys_of(Action::Forward)[0]), "Alt-→");
    }
}
