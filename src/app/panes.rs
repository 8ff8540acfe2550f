//! The two panes: which one has the keys, and the tree's width, which the reader can change
//! or hide so the text takes the whole screen.

use std::path::PathBuf;

use super::{App, Focus};
use crate::knowledge::Problem;
use crate::theme::Theme;

/// How many cells one key press widens or narrows the tree.
const TREE_STEP: i16 = 4;

impl App {
    /// Records which file the explorer shows and the problems it was opened with.
    pub fn set_file(&mut self, file: Option<PathBuf>, name: String) {
        self.model.file = file;
        self.model.file_name = name;
    }

    /// The problems the file was opened with.
    pub fn problems(&self) -> &[Problem] {
        &self.model.problems
    }

    /// Sets the colours: the explorer is made while the terminal is still being asked for
    /// its background, and takes the answer before its first frame.
    pub const fn set_theme(&mut self, theme: &'static Theme) {
        self.view.theme = theme;
    }

    /// Sets the widest the text column grows (0: as wide as the pane).
    pub const fn set_measure(&mut self, cells: u16) {
        self.view.measure = cells;
    }

    /// Tab: the keys go to the other pane. Going to a hidden tree shows it again.
    pub(super) const fn switch_focus(&mut self) {
        self.view.focus = match self.view.focus {
            Focus::Tree => Focus::Detail,
            Focus::Detail => {
                self.view.tree_hidden = false;
                Focus::Tree
            }
        };
    }

    /// Hides the tree (the text takes the whole width, and the keys) or shows it again.
    pub(super) const fn toggle_tree(&mut self) {
        self.view.tree_hidden = !self.view.tree_hidden;
        if self.view.tree_hidden {
            self.view.focus = Focus::Detail;
        }
    }

    pub(super) fn resize_tree(&mut self, wider: bool) {
        self.view
            .resize_tree(if wider { TREE_STEP } else { -TREE_STEP });
    }
}
