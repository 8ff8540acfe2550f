//! Everything a reader can ask the explorer to do. Keys and mouse events become actions, and
//! [`crate::app::App::update`] is the only place that carries them out.

use tui_input::InputRequest;

use crate::catalog::NodeId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    /// List the problems the knowledge file was opened with.
    OpenProblems,
    CloseOverlay,
    /// Move keyboard focus between the tree and the detail pane.
    SwitchFocus,
    /// Hide the tree so the text takes the whole width, or show it again.
    ToggleTree,
    WidenTree,
    NarrowTree,
    SelectNext,
    SelectPrevious,
    SelectFirst,
    SelectLast,
    PageDown,
    PageUp,
    /// Open the selected branch, or step into it when already open.
    ExpandOrEnter,
    /// Close the selected branch, or step out to its parent.
    CollapseOrLeave,
    ToggleNode,
    CollapseAll,
    ScrollDown,
    ScrollUp,
    ScrollPageDown,
    ScrollPageUp,
    /// Space in the text: a page down, or on into the next topic at the end of this one.
    ReadOn,
    /// A page up, or back to the end of the previous topic at the top of this one.
    ReadBack,
    ScrollTop,
    ScrollBottom,
    /// Select the next link or glossary term in the topic (focusing the detail pane).
    TargetNext,
    TargetPrevious,
    /// Follow the selected link, or open the selected term's definition.
    TargetFollow,
    Back,
    Forward,
    /// Show only topics of the next kind (or all again).
    FilterNext,
    FilterPrevious,
    ToggleBookmark,
    OpenBookmarks,
    /// Move, choose or remove in a list overlay (bookmarks, a term's definition).
    ListNext,
    ListPrevious,
    ListAccept,
    ListRemove,
    /// Copy the topic as plain text to the clipboard (through the terminal).
    CopyTopic,
    OpenSearch,
    /// An edit of the open prompt's line (the search query or the text to find): a
    /// character typed, the cursor moved, a character, word or part of the line deleted.
    Edit(InputRequest),
    SearchNext,
    SearchPrevious,
    SearchPageDown,
    SearchPageUp,
    SearchFirst,
    SearchLast,
    /// Put the query before (or after) the one in the prompt among earlier searches.
    SearchOlder,
    SearchNewer,
    /// Jump to the chosen result.
    SearchAccept,
    /// Close search and return to where the reader was.
    SearchCancel,
    /// Find text in the topic on screen: open the prompt, keep the matches (Enter), drop
    /// them (Esc while typing), move to the next or previous match.
    OpenFind,
    FindAccept,
    FindCancel,
    FindNext,
    FindPrevious,
    /// Esc in the text: clears a find, or else goes back to the tree.
    Dismiss,
    /// Esc in the tree: shows every topic again.
    ClearFilter,
    /// Ctrl-Z: hand the terminal back to the shell until the reader resumes (`fg`).
    Suspend,
    /// Open the knowledge file in the reader's editor at the selected entry.
    OpenEditor,
    /// The mouse wheel: move the tree selection, or scroll the pane (or help) under it, by
    /// this many rows.
    MoveBy(isize),
    ScrollBy(isize),
    /// A click in the tree, on a row (which it selects, or opens and closes when already
    /// selected) or beside the rows.
    ClickTree(Option<usize>),
    /// A click in the topic, on a link or term (which it follows) or elsewhere.
    ClickDetail(Option<usize>),
}

/// What carrying out an action asks of the world outside the explorer's state: `update`
/// returns it and the loop carries it out, so `update` itself does no input or output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Write the session (a bookmark was added or removed).
    SaveSession,
    /// Put this topic, as plain text, on the clipboard.
    Copy(NodeId),
    /// Stop the process (job control) with the terminal restored; draw afresh on resume.
    Suspend,
    /// Run the reader's editor on the knowledge file at this line.
    Edit(usize),
}
