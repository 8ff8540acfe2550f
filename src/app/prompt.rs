//! A one-line prompt that edits like a shell line: the search query and the find-in-topic
//! text. tui-input does the editing; this keeps control characters out and lets the
//! prompts be compared in the overlay state.

use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, Default)]
pub struct Prompt(Input);

impl PartialEq for Prompt {
    fn eq(&self, other: &Self) -> bool {
        self.0.value() == other.0.value() && self.0.cursor() == other.0.cursor()
    }
}

impl Eq for Prompt {}

impl Prompt {
    pub fn value(&self) -> &str {
        self.0.value()
    }

    /// Where the cursor is, in terminal cells from the start of the text.
    pub fn visual_cursor(&self) -> usize {
        self.0.visual_cursor()
    }

    /// How many cells of the text scroll out of view on the left in a field `width` wide.
    pub fn scroll(&self, width: usize) -> usize {
        self.0.visual_scroll(width)
    }

    /// Applies one edit; true when the text changed. A control character is never typed
    /// in: it could reach the terminal when the prompt is drawn.
    pub fn edit(&mut self, request: InputRequest) -> bool {
        if matches!(request, InputRequest::InsertChar(c) if c.is_control()) {
            return false;
        }
        self.0.handle(request).is_some_and(|changed| changed.value)
    }

    /// Replaces the text (a recalled query), with the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.0 = Input::new(text.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InputRequest::{DeleteFromStart, DeletePrevWord, GoToPrevChar, GoToStart, InsertChar};

    fn typed(text: &str) -> Prompt {
        let mut prompt = Prompt::default();
        for c in text.chars() {
            prompt.edit(InsertChar(c));
        }
        prompt
    }

    #[test]
    fn edits_like_a_shell_line() {
        let mut prompt = typed("liver cels");
        prompt.edit(GoToPrevChar);
        assert!(prompt.edit(InsertChar('l')));
        assert_eq!(prompt.value(), "liver cells");
        prompt.edit(GoToStart);
        prompt.edit(InsertChar('a'));
        prompt.edit(InsertChar(' '));
        assert_eq!(prompt.value(), "a liver cells");
        prompt.edit(DeletePrevWord);
        assert_eq!(prompt.value(), "liver cells");
        assert!(!prompt.edit(InsertChar('\u{1b}')), "no control characters");
        prompt.set("stem cells");
        assert_eq!(prompt.visual_cursor(), 10);
        prompt.edit(GoToPrevChar);
        prompt.edit(DeleteFromStart);
        assert_eq!(prompt.value(), "s");
    }
}
