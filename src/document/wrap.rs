//! Word wrapping of styled segments, built on textwrap's fragment wrapping so that a word keeps
//! its style wherever the line breaks fall.

use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word};
use textwrap::wrap_algorithms::wrap_first_fit;

use super::{Highlight, Line, Segment, Tone};

/// Display width in terminal columns (wide characters count two).
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[derive(Debug)]
struct StyledWord<'a> {
    word: Word<'a>,
    tone: Tone,
    target: Option<usize>,
}

impl Fragment for StyledWord<'_> {
    fn width(&self) -> f64 {
        self.word.width()
    }

    fn whitespace_width(&self) -> f64 {
        self.word.whitespace_width()
    }

    fn penalty_width(&self) -> f64 {
        self.word.penalty_width()
    }
}

/// Wraps `segments` to `width` columns. The first line starts with `first_indent`, the others
/// with `indent`; words matching `highlight` get [`Tone::Match`].
pub fn wrap(
    segments: &[Segment],
    width: usize,
    first_indent: &str,
    indent: &str,
    highlight: &Highlight,
) -> Vec<Line> {
    let first_width = width.saturating_sub(display_width(first_indent)).max(1);
    let rest_width = width.saturating_sub(display_width(indent)).max(1);
    let words = styled_words(segments, first_width.min(rest_width), highlight);
    #[expect(clippy::cast_precision_loss)]
    let widths = [first_width as f64, rest_width as f64];
    let mut lines = Vec::new();
    for (n, row) in wrap_first_fit(&words, &widths).into_iter().enumerate() {
        let prefix = if n == 0 { first_indent } else { indent };
        lines.push(line_of(row, prefix));
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

fn styled_words<'a>(
    segments: &'a [Segment],
    max: usize,
    highlight: &Highlight,
) -> Vec<StyledWord<'a>> {
    let mut words = Vec::new();
    for segment in segments {
        let can_match = matches!(
            segment.tone,
            Tone::Plain | Tone::Link | Tone::Term | Tone::Summary
        );
        let text = segment.text.as_str();
        let body = text.trim_start_matches(' ');
        // Space that opens a segment belongs after the previous segment's last word.
        if let Some(previous) = words.last_mut().filter(|_| body.len() < text.len()) {
            let previous: &mut StyledWord<'a> = previous;
            previous.word.whitespace = &text[..text.len() - body.len()];
        }
        for word in WordSeparator::AsciiSpace.find_words(body) {
            let tone = if can_match && highlight.matches(word.word) {
                Tone::Match
            } else {
                segment.tone
            };
            let target = segment.target;
            words.extend(
                word.break_apart(max)
                    .map(|word| StyledWord { word, tone, target }),
            );
        }
    }
    words
}

/// Joins a row of words into segments, merging neighbours of the same tone and target. The
/// space after a styled run stays plain, so a selected link is not drawn with a tail.
fn line_of(row: &[StyledWord<'_>], prefix: &str) -> Line {
    let mut line: Line = Vec::new();
    if !prefix.is_empty() {
        line.push(Segment::new(prefix, Tone::Plain));
    }
    for (n, styled) in row.iter().enumerate() {
        match line.last_mut() {
            Some(previous) if previous.tone == styled.tone && previous.target == styled.target => {
                previous.text.push_str(styled.word.word);
            }
            _ => line.push(Segment::to(styled.word.word, styled.tone, styled.target)),
        }
        let Some(next) = row.get(n + 1) else { break };
        let space = styled.word.whitespace;
        let continues = next.tone == styled.tone && next.target == styled.target;
        match line.last_mut() {
            Some(run) if continues || (run.tone == Tone::Plain && run.target.is_none()) => {
                run.text.push_str(space);
            }
            _ if space.is_empty() => {}
            _ => line.push(Segment::new(space, Tone::Plain)),
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_with_hanging_indent_and_keeps_styles() {
        let segments = [
            Segment::new("see ", Tone::Plain),
            Segment::new("the linked topic", Tone::Link),
            Segment::new(" now", Tone::Plain),
        ];
        let lines = wrap(&segments, 12, "• ", "  ", &Highlight::default());
        assert_eq!(plain(&lines), ["• see the", "  linked", "  topic now"]);
        assert_eq!(lines[1][1], Segment::new("linked", Tone::Link));
    }

    #[test]
    fn long_words_are_broken_and_wide_characters_counted() {
        let segments = [Segment::new("abcdefghij 肝硬変です", Tone::Plain)];
        let lines = wrap(&segments, 4, "", "", &Highlight::default());
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij", "肝硬", "変で", "す"]);
    }

    #[test]
    fn zero_width_does_not_panic() {
        let segments = [Segment::new("text", Tone::Plain)];
        let lines = wrap(&segments, 0, "", "", &Highlight::default());
        assert!(!lines.is_empty());
    }
}
