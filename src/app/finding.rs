//! Find in the topic on screen (Ctrl-F), as less and browsers do: matches light up as the
//! text is typed, Enter keeps them, n and N go from one to the next, Esc lets them go.

use super::{App, Focus, Overlay, Prompt};
use crate::action::Action;

impl App {
    pub(super) fn update_find(&mut self, action: Action) {
        match action {
            Action::OpenFind => self.open_find(),
            Action::Edit(request) => {
                let Overlay::Find { prompt, .. } = &mut self.view.overlay else {
                    return;
                };
                if prompt.edit(request)
                    && let Some(node) = self.nav.outline.selected()
                {
                    let query = prompt.value().to_owned();
                    self.view.detail.find_from_view(node, &query);
                }
            }
            Action::FindAccept => self.accept_find(),
            Action::FindCancel => self.cancel_find(),
            Action::FindNext => self.find_step(1),
            Action::FindPrevious => self.find_step(-1),
            Action::Dismiss => self.dismiss(),
            _ => {}
        }
    }

    fn open_find(&mut self) {
        self.view.detail.find = None;
        self.view.focus = Focus::Detail;
        self.view.overlay = Overlay::Find {
            prompt: Prompt::default(),
            scroll: self.view.detail.scroll,
        };
    }

    /// Enter: the matches stay for n and N; a text not found says so.
    fn accept_find(&mut self) {
        self.view.overlay = Overlay::None;
        let Some(node) = self.selected() else { return };
        if let Some(finding) = &self.view.detail.find
            && self.view.detail.found(node).is_empty()
        {
            self.view.status = Some(format!("Not found in this topic: {}", finding.query));
            self.view.detail.find = None;
        }
    }

    /// Esc while typing: back to where the page was, nothing found.
    fn cancel_find(&mut self) {
        if let Overlay::Find { scroll, .. } = self.view.overlay {
            self.view.detail.scroll = scroll;
        }
        self.view.overlay = Overlay::None;
        self.view.detail.find = None;
    }

    fn find_step(&mut self, delta: isize) {
        match (self.view.detail.find.is_some(), self.selected()) {
            (true, Some(node)) => self.view.detail.find_step(node, delta),
            _ => self.view.status = Some("Nothing to find yet: C-f finds in the topic".to_owned()),
        }
    }

    /// Esc in the text: the found text goes first, then the keys go back to the tree.
    fn dismiss(&mut self) {
        if self.view.detail.find.take().is_none() {
            self.view.focus = Focus::Tree;
            self.view.tree_hidden = false;
        }
    }
}
