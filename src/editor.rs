//! The edit key.
//!
//! The reader's editor (`$VISUAL`, then `$EDITOR`, then `vi`) opens the knowledge file at
//! the selected entry's line, with the terminal handed over while it runs and taken back
//! after; the watch on the file then shows the change.

use std::io;
use std::path::Path;
use std::process::Command;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The editor command the reader chose.
fn command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Runs the editor on `file` at `line`; returns once it has closed.
///
/// The editor's command may hold arguments (`code --wait`), so it runs through the shell,
/// with the line and the file passed as arguments rather than pasted into the command.
pub fn edit(terminal: &mut DefaultTerminal, file: &Path, line: usize) -> io::Result<()> {
    execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen)?;
    disable_raw_mode()?;
    terminal.show_cursor()?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{} \"$@\"", command()))
        .arg("sh")
        .arg(format!("+{line}"))
        .arg(file)
        .status();
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.hide_cursor()?;
    let size = terminal.size()?;
    terminal.resize(size.into())?;
    status.map(|_| ())
}

/// The line of `text` where the entry `id` (titled `title`) is defined: a topic or a
/// source by its `id`, a glossary entry by its `term`; the first line when not found.
pub fn line_of(text: &str, id: &str, title: &str) -> usize {
    let (field, value) = match id.strip_prefix("source:") {
        Some(source) => ("id", source),
        None if id.starts_with("glossary:") => ("term", title),
        None => ("id", id),
    };
    let quoted = format!("\"{value}\"");
    text.match_indices(&quoted)
        .find(|&(at, _)| {
            let before = text[..at].trim_end();
            before
                .strip_suffix(':')
                .is_some_and(|b| b.trim_end().ends_with(field))
        })
        .map_or(1, |(at, _)| text[..at].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_a_topic_a_source_and_a_term() {
        let text = "(\n sources: [(id: \"s\", title: \"S\")],\n topics: [\n  (id: \"a\", see_also: [\"b\"]),\n  (id: \"b\"),\n ],\n glossary: [(term: \"Loam\")],\n)";
        assert_eq!(line_of(text, "b", "B"), 5, "the id, not a mention of it");
        assert_eq!(line_of(text, "source:s", "S"), 2);
        assert_eq!(line_of(text, "glossary:loam", "Loam"), 7);
        assert_eq!(line_of(text, ":glossary", "Glossary"), 1);
    }
}
