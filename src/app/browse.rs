//! Actions while browsing: the tree, the text, the panes, links, history, the filter and
//! the list overlays. `App::update` hands them here and resets the text afterwards when
//! the selection moved.

use super::{App, Overlay};
use crate::action::Action;

impl App {
    pub(super) fn update_browse(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => self.toggle_help(),
            Action::OpenProblems if !self.model.problems.is_empty() => {
                self.view.overlay = Overlay::Problems { scroll: 0 };
            }
            Action::OpenProblems => self.view.status = Some("The file has no problems".to_owned()),
            Action::CloseOverlay => self.view.overlay = Overlay::None,
            Action::SwitchFocus => self.switch_focus(),
            Action::ToggleTree => self.toggle_tree(),
            Action::WidenTree => self.resize_tree(true),
            Action::NarrowTree => self.resize_tree(false),
            Action::SelectNext => self.nav.outline.select_next(),
            Action::SelectPrevious => self.nav.outline.select_previous(),
            Action::SelectFirst => self.nav.outline.select_first(),
            Action::SelectLast => self.nav.outline.select_last(),
            Action::PageDown => self.nav.outline.move_by(self.tree_page()),
            Action::PageUp => self.nav.outline.move_by(-self.tree_page()),
            Action::ExpandOrEnter | Action::ToggleNode if self.selected_is_leaf() => {
                self.focus_text();
            }
            Action::ExpandOrEnter => self.nav.outline.expand_or_enter(),
            Action::CollapseOrLeave => self.nav.outline.collapse_or_leave(),
            Action::ToggleNode => self.nav.outline.toggle(),
            Action::CollapseAll => self.nav.outline.close_all(),
            Action::ClearFilter => self.set_filter(None),
            Action::FilterNext => self.cycle_filter(1),
            Action::FilterPrevious => self.cycle_filter(-1),
            _ => self.update_text(action),
        }
    }

    /// The text pane's actions, links and history, and the list overlays.
    fn update_text(&mut self, action: Action) {
        let detail = &mut self.view.detail;
        match action {
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::ScrollPageDown => detail.scroll_by(detail.page()),
            Action::ScrollPageUp => detail.scroll_by(-detail.page()),
            Action::ScrollTop => detail.scroll = 0,
            Action::ScrollBottom => detail.scroll_to_bottom(),
            Action::ReadOn => self.read_on(),
            Action::ReadBack => self.read_back(),
            Action::TargetNext => self.select_target(1),
            Action::TargetPrevious => self.select_target(-1),
            Action::TargetFollow => self.follow_target(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::OpenBookmarks => self.view.overlay = Overlay::Bookmarks { cursor: 0 },
            Action::ListNext => self.move_list(1),
            Action::ListPrevious => self.move_list(-1),
            Action::ListAccept => self.accept_list(),
            Action::MoveBy(_)
            | Action::ScrollBy(_)
            | Action::ClickTree(_)
            | Action::ClickDetail(_) => self.point(action),
            _ => {}
        }
    }
}
