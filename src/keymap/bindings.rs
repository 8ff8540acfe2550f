//! The table itself, one binding per line: where it applies, its keys, what it does, its
//! label, and whether the footer shows it (the help overlay shows them all).

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::Context::{
    self, Always, Bookmarks, Browse, Definition, Detail, Find, Help, Problems, Prompt, Search, Tree,
};
use super::{Binding, Key};
use crate::action::Action as A;
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use tui_input::InputRequest as R;

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

const fn ctrl_key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::ALT,
    }
}

const SHOWN: bool = true;
const HIDDEN: bool = false;

const fn b(
    context: Context,
    keys: &'static [Key],
    action: A,
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

/// Kept one binding per line, as a table is read, rather than as rustfmt would spread it.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Always, &[ctrl('c')], A::Quit, "quit", HIDDEN),
    b(Always, &[ctrl('z')], A::Suspend, "suspend to the shell (fg resumes)", HIDDEN),
    b(Browse, &[ch('q')], A::Quit, "quit", SHOWN),
    b(Browse, &[ch('?')], A::ToggleHelp, "help", SHOWN),
    b(Browse, &[ch('!')], A::OpenProblems, "the file's problems", HIDDEN),
    b(Browse, &[ch('e')], A::OpenEditor, "edit the file here ($EDITOR)", HIDDEN),
    b(Browse, &[ch('/')], A::OpenSearch, "search", SHOWN),
    b(Browse, &[ctrl('f')], A::OpenFind, "find", SHOWN),
    b(Browse, &[ch('n')], A::FindNext, "next match", HIDDEN),
    b(Browse, &[ch('N')], A::FindPrevious, "previous match", HIDDEN),
    b(Browse, &[ch(']')], A::TargetNext, "next link", HIDDEN),
    b(Browse, &[ch('[')], A::TargetPrevious, "previous link", HIDDEN),
    b(Browse, &[plain(Backspace), alt(Left), ch('H')], A::Back, "back", SHOWN),
    b(Browse, &[alt(Right), ch('L')], A::Forward, "forward", HIDDEN),
    b(Browse, &[ch('m')], A::ToggleBookmark, "bookmark", SHOWN),
    b(Browse, &[ch('\''), ch('B')], A::OpenBookmarks, "bookmarks", SHOWN),
    b(Browse, &[ch('f')], A::FilterNext, "filter by kind", SHOWN),
    b(Browse, &[ch('F')], A::FilterPrevious, "previous filter", HIDDEN),
    b(Browse, &[ch('y')], A::CopyTopic, "copy the topic", HIDDEN),
    b(Browse, &[ch('t')], A::ToggleTree, "hide / show the tree", HIDDEN),
    b(Browse, &[ch('>')], A::WidenTree, "widen the tree", HIDDEN),
    b(Browse, &[ch('<')], A::NarrowTree, "narrow the tree", HIDDEN),
    b(Tree, &[ch('j'), plain(Down)], A::SelectNext, "next topic", HIDDEN),
    b(Tree, &[ch('k'), plain(Up)], A::SelectPrevious, "previous topic", HIDDEN),
    b(Tree, &[ch('l'), plain(Right)], A::ExpandOrEnter, "open / go in / read", HIDDEN),
    b(Tree, &[ch('h'), plain(Left)], A::CollapseOrLeave, "close / go up", HIDDEN),
    b(Tree, &[plain(Enter), ch(' ')], A::ToggleNode, "open or close / read", HIDDEN),
    b(Tree, &[ch('g'), plain(Home)], A::SelectFirst, "first topic", HIDDEN),
    b(Tree, &[ch('G'), plain(End)], A::SelectLast, "last topic", HIDDEN),
    b(Tree, &[plain(PageDown), ctrl('d')], A::PageDown, "page down", HIDDEN),
    b(Tree, &[plain(PageUp), ctrl('u')], A::PageUp, "page up", HIDDEN),
    b(Tree, &[ch('c')], A::CollapseAll, "close all branches", HIDDEN),
    b(Tree, &[ch('J')], A::ScrollDown, "scroll the topic down", HIDDEN),
    b(Tree, &[ch('K')], A::ScrollUp, "scroll the topic up", HIDDEN),
    b(Tree, &[plain(Tab), plain(BackTab)], A::SwitchFocus, "to the topic", SHOWN),
    b(Tree, &[plain(Esc)], A::ClearFilter, "clear the filter", HIDDEN),
    b(Detail, &[plain(Tab)], A::TargetNext, "next link", HIDDEN),
    b(Detail, &[plain(BackTab)], A::TargetPrevious, "previous link", HIDDEN),
    b(Detail, &[plain(Enter)], A::TargetFollow, "follow link / define term", SHOWN),
    b(Detail, &[ch('j'), plain(Down)], A::ScrollDown, "scroll down", HIDDEN),
    b(Detail, &[ch('k'), plain(Up)], A::ScrollUp, "scroll up", HIDDEN),
    b(Detail, &[ch(' ')], A::ReadOn, "read on", SHOWN),
    b(Detail, &[ch('b')], A::ReadBack, "read back", HIDDEN),
    b(Detail, &[plain(PageDown), ctrl('d')], A::ScrollPageDown, "page down", HIDDEN),
    b(Detail, &[plain(PageUp), ctrl('u')], A::ScrollPageUp, "page up", HIDDEN),
    b(Detail, &[ch('g'), plain(Home)], A::ScrollTop, "top", HIDDEN),
    b(Detail, &[ch('G'), plain(End)], A::ScrollBottom, "bottom", HIDDEN),
    b(Detail, &[plain(Esc)], A::Dismiss, "clear found text / to the tree", HIDDEN),
    b(Detail, &[ch('h'), plain(Left)], A::SwitchFocus, "to the tree", SHOWN),
    b(Search, &[plain(Down), ctrl('n')], A::SearchNext, "next result", SHOWN),
    b(Search, &[plain(Up), ctrl('p')], A::SearchPrevious, "previous result", SHOWN),
    b(Search, &[plain(Enter)], A::SearchAccept, "jump to result", SHOWN),
    b(Search, &[plain(Esc)], A::SearchCancel, "back to where you were", SHOWN),
    b(Search, &[plain(PageDown)], A::SearchPageDown, "page down the results", HIDDEN),
    b(Search, &[plain(PageUp)], A::SearchPageUp, "page up the results", HIDDEN),
    b(Search, &[ctrl_key(Home), alt(KeyCode::Char('<'))], A::SearchFirst, "first result", HIDDEN),
    b(Search, &[ctrl_key(End), alt(KeyCode::Char('>'))], A::SearchLast, "last result", HIDDEN),
    b(Search, &[alt(Up)], A::SearchOlder, "an earlier search", HIDDEN),
    b(Search, &[alt(Down)], A::SearchNewer, "a later search", HIDDEN),
    b(Find, &[plain(Enter)], A::FindAccept, "keep the matches (n/N move)", SHOWN),
    b(Find, &[plain(Esc)], A::FindCancel, "cancel", SHOWN),
    b(Prompt, &[plain(Left)], A::Edit(R::GoToPrevChar), "cursor left", HIDDEN),
    b(Prompt, &[plain(Right)], A::Edit(R::GoToNextChar), "cursor right", HIDDEN),
    b(Prompt, &[plain(Home), ctrl('a')], A::Edit(R::GoToStart), "start of the line", HIDDEN),
    b(Prompt, &[plain(End), ctrl('e')], A::Edit(R::GoToEnd), "end of the line", HIDDEN),
    b(Prompt, &[alt(KeyCode::Char('b'))], A::Edit(R::GoToPrevWord), "word left", HIDDEN),
    b(Prompt, &[alt(KeyCode::Char('f'))], A::Edit(R::GoToNextWord), "word right", HIDDEN),
    b(Prompt, &[plain(Backspace)], A::Edit(R::DeletePrevChar), "delete a character", HIDDEN),
    b(Prompt, &[plain(Delete)], A::Edit(R::DeleteNextChar), "delete under the cursor", HIDDEN),
    b(Prompt, &[ctrl('w')], A::Edit(R::DeletePrevWord), "delete a word", HIDDEN),
    b(Prompt, &[ctrl('u')], A::Edit(R::DeleteFromStart), "delete to the start", HIDDEN),
    b(Prompt, &[ctrl('k')], A::Edit(R::DeleteTillEnd), "delete to the end", HIDDEN),
    b(Prompt, &[ctrl('y')], A::Edit(R::Yank), "paste what was deleted", HIDDEN),
    b(Bookmarks, &[ch('j'), plain(Down)], A::ListNext, "next", SHOWN),
    b(Bookmarks, &[ch('k'), plain(Up)], A::ListPrevious, "previous", HIDDEN),
    b(Bookmarks, &[plain(Enter)], A::ListAccept, "go to", SHOWN),
    b(Bookmarks, &[ch('d'), plain(Delete)], A::ListRemove, "remove", SHOWN),
    b(Bookmarks, &[plain(Esc), ch('\''), ch('q')], A::CloseOverlay, "close", SHOWN),
    b(Definition, &[ch('j'), plain(Down), plain(Tab)], A::ListNext, "next", SHOWN),
    b(Definition, &[ch('k'), plain(Up), plain(BackTab)], A::ListPrevious, "previous", HIDDEN),
    b(Definition, &[plain(Enter)], A::ListAccept, "open", SHOWN),
    b(Definition, &[plain(Esc), ch('q')], A::CloseOverlay, "close", SHOWN),
    b(Help, &[plain(Esc), ch('?'), ch('q')], A::CloseOverlay, "close help", SHOWN),
    b(Help, &[ch('j'), plain(Down)], A::ScrollDown, "scroll down", SHOWN),
    b(Help, &[ch('k'), plain(Up)], A::ScrollUp, "scroll up", HIDDEN),
    b(Problems, &[plain(Esc), ch('!'), ch('q')], A::CloseOverlay, "close", SHOWN),
    b(Problems, &[ch('j'), plain(Down)], A::ScrollDown, "scroll down", SHOWN),
    b(Problems, &[ch('k'), plain(Up)], A::ScrollUp, "scroll up", HIDDEN),
];
