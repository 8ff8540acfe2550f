//! Word wrapping of styled segments, built on textwrap's fragment wrapping so that a word keeps
//! its style wherever the line breaks fall.

use std::borrow::Cow;

use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word};
use textwrap::wrap_algorithms::wrap_first_fit;

use super::{Highlight, Line, Segment, Tone};

/// Display width in terminal columns (wide characters count two).
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to `width` cells, ending with "…" when cut.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    if display_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cell = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cell + 1 > width {
            break;
        }
        used += cell;
        cut.push(c);
    }
    cut.push('…');
    Cow::Owned(cut)
}

#[derive(Debug)]
struct StyledWord<'a> {
    word: Word<'a>,
    tone: Tone,
    target: Option<usize>,
    /// Written against the word before with no space between (a full stop after a link,
    /// "-positive" after a term): the line may not break between them.
    glued: bool,
}

/// Words that stay on one line together: a word and the ones glued to it.
#[derive(Debug)]
struct Unit<'w, 'a> {
    words: &'w [StyledWord<'a>],
}

impl Fragment for Unit<'_, '_> {
    fn width(&self) -> f64 {
        self.words.iter().map(|w| w.word.width()).sum()
    }

    fn whitespace_width(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.word.whitespace_width())
    }

    fn penalty_width(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.word.penalty_width())
    }
}

/// Wraps `segments` to `width` columns. The first line starts with `first_indent`, the others
/// with `indent`; words matching `highlight` get [`Tone::Match`]. A line never starts with
/// punctuation written against the word before it, and a web address is never cut.
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
    let units = units(&words, first_width.min(rest_width));
    #[expect(clippy::cast_precision_loss)]
    let widths = [first_width as f64, rest_width as f64];
    let mut lines = Vec::new();
    for (n, row) in wrap_first_fit(&units, &widths).into_iter().enumerate() {
        let prefix = if n == 0 { first_indent } else { indent };
        let words: Vec<&StyledWord> = row.iter().flat_map(|u| u.words).collect();
        lines.push(line_of(&words, prefix));
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

/// Groups glued words into units, unless a unit would not fit on a line of `max` columns
/// (then it may break where a space or a word's own break allows).
fn units<'w, 'a>(words: &'w [StyledWord<'a>], max: usize) -> Vec<Unit<'w, 'a>> {
    let mut units = Vec::new();
    let mut start = 0;
    for end in 1..=words.len() {
        if end == words.len() || !words[end].glued {
            let group = &words[start..end];
            let width: usize = group.iter().map(|w| display_width(w.word.word)).sum();
            if width <= max || group.len() == 1 {
                units.push(Unit { words: group });
            } else {
                units.extend(group.chunks(1).map(|words| Unit { words }));
            }
            start = end;
        }
    }
    units
}

fn styled_words<'a>(
    segments: &'a [Segment],
    max: usize,
    highlight: &Highlight,
) -> Vec<StyledWord<'a>> {
    let mut words: Vec<StyledWord<'a>> = Vec::new();
    for segment in segments {
        let can_match = matches!(
            segment.tone,
            Tone::Plain
                | Tone::Link
                | Tone::Term
                | Tone::Summary
                | Tone::Strong
                | Tone::Emphasis
                | Tone::Strike
        );
        let text = segment.text.as_str();
        let body = text.trim_start_matches(' ');
        // Space that opens a segment belongs after the previous segment's last word.
        if let Some(previous) = words.last_mut().filter(|_| body.len() < text.len()) {
            previous.word.whitespace = &text[..text.len() - body.len()];
        }
        let mut glued = words.last().is_some_and(|w| w.word.whitespace.is_empty());
        for word in WordSeparator::AsciiSpace.find_words(body) {
            let tone = if can_match && highlight.matches(word.word) {
                Tone::Match
            } else {
                segment.tone
            };
            let target = segment.target;
            let pieces: Vec<Word> = if is_address(word.word) {
                vec![word]
            } else {
                word.break_apart(max).collect()
            };
            words.extend(pieces.into_iter().map(|word| StyledWord {
                word,
                tone,
                target,
                glued: std::mem::take(&mut glued),
            }));
        }
    }
    words
}

/// A web address or a DOI, which is kept whole so it can be copied (it may run past the
/// edge).
fn is_address(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '[']);
    let doi = word
        .strip_prefix("10.")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(registrant, _)| registrant.bytes().all(|b| b.is_ascii_digit()));
    doi || ["https://", "http://", "www."]
        .iter()
        .any(|start| word.starts_with(start))
}

/// Joins a row of words into segments, merging neighbours of the same tone and target. The
/// space after a styled run stays plain, so a selected link is not drawn with a tail.
fn line_of(row: &[&StyledWord<'_>], prefix: &str) -> Line {
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
        let Some(&next) = row.get(n + 1) else { break };
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
    fn punctuation_written_against_a_link_stays_with_it() {
        let segments = [
            Segment::new("see the ", Tone::Plain),
            Segment::new("linked topic", Tone::Link),
            Segment::new(". Then ", Tone::Plain),
            Segment::new("CD34", Tone::Term),
            Segment::new("-positive cells", Tone::Plain),
        ];
        for width in 14..40 {
            let lines = wrap(&segments, width, "", "", &Highlight::default());
            for line in plain(&lines) {
                assert!(
                    !line.starts_with(['.', '-']),
                    "{line:?} at {width}: {:?}",
                    plain(&lines)
                );
            }
        }
        let lines = wrap(&segments, 17, "", "", &Highlight::default());
        assert_eq!(
            plain(&lines),
            ["see the linked", "topic. Then", "CD34-positive", "cells"]
        );
    }

    #[test]
    fn a_web_address_is_never_cut() {
        let url = "https://doi.org/10.1002/hep.a-very-long-identifier-1234";
        let segments = [Segment::new(format!("URL: {url} end"), Tone::Plain)];
        let lines = plain(&wrap(&segments, 20, "", "", &Highlight::default()));
        assert_eq!(lines, ["URL:", url, "end"]);
    }

    #[test]
    fn zero_width_does_not_panic() {
        let segments = [Segment::new("text", Tone::Plain)];
        let lines = wrap(&segments, 0, "", "", &Highlight::default());
        assert!(!lines.is_empty());
    }
}
