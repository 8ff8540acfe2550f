//! A topic's body laid out: paragraphs, headings, lists (numbered and nested), quotes, code,
//! tables and rules, from the CommonMark blocks that `markup` reads. Links and the glossary terms
//! the text uses become selectable targets.

use super::builder::Builder;
use super::wrap::display_width;
use super::{Segment, TargetKind, Tone};
use crate::markup::{self, Block, Inline, Marks};

/// Stands for a hard line break among segments until they are wrapped.
const BREAK: &str = "\n";

impl Builder<'_> {
    /// Lays out the body; `mark_terms` marks the glossary terms it uses.
    pub fn body(&mut self, body: &str, mark_terms: bool) {
        for block in &markup::parse_body(body) {
            self.block(block, mark_terms, "");
        }
    }

    /// One block, every line of it after `indent` (a list item's or a quote's margin).
    fn block(&mut self, block: &Block, mark_terms: bool, indent: &str) {
        match block {
            Block::Paragraph(inlines) => {
                self.blank();
                let segments = self.inline_segments(inlines, mark_terms);
                self.wrap_broken(&segments, indent, indent);
            }
            Block::Heading(inlines) => {
                self.blank();
                let mut segments = self.inline_segments(inlines, false);
                for segment in &mut segments {
                    segment.tone = Tone::Heading;
                }
                self.wrap_broken(&segments, indent, indent);
            }
            Block::List { start, items } => self.list(*start, items, mark_terms, indent),
            Block::Quote(blocks) => {
                let inner = format!("{indent}│ ");
                for block in blocks {
                    self.block(block, mark_terms, &inner);
                }
            }
            Block::Code(code) => self.code(code, indent),
            Block::Table { align, head, rows } => {
                self.blank();
                self.table(align, head, rows, indent);
            }
            Block::Rule => {
                self.blank();
                let width = self.width.saturating_sub(display_width(indent));
                let rule = format!("{indent}{}", "─".repeat(width));
                self.lines.push(vec![Segment::new(rule, Tone::Muted)]);
            }
        }
    }

    /// Items follow one another without a gap; each starts with its bullet or number and
    /// the rest of it hangs under its text.
    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], mark_terms: bool, indent: &str) {
        // A list nested in an item (a margin of spaces only) follows its text directly.
        let nested = !indent.is_empty() && indent.trim().is_empty();
        if !nested {
            self.blank();
        }
        for (n, item) in items.iter().enumerate() {
            let marker = start.map_or_else(
                || "• ".to_owned(),
                |first| format!("{}. ", first + n as u64),
            );
            let hang = format!("{indent}{}", " ".repeat(display_width(&marker)));
            let rest = if let [Block::Paragraph(inlines), after @ ..] = item.as_slice() {
                let mut segments = vec![Segment::new(marker, Tone::Bullet)];
                segments.extend(self.inline_segments(inlines, mark_terms));
                self.wrap_broken(&segments, indent, &hang);
                after
            } else {
                self.lines.push(vec![
                    Segment::new(indent, Tone::Plain),
                    Segment::new(marker, Tone::Bullet),
                ]);
                item.as_slice()
            };
            for block in rest {
                self.block(block, mark_terms, &hang);
            }
        }
    }

    /// Wraps segments that may hold hard line breaks: each part starts a line of its own.
    fn wrap_broken(&mut self, segments: &[Segment], first_indent: &str, indent: &str) {
        for (n, part) in segments.split(|s| s.text == BREAK).enumerate() {
            self.wrap(part, if n == 0 { first_indent } else { indent }, indent);
        }
    }

    /// Code (or raw HTML) as written, line by line, never wrapped.
    fn code(&mut self, code: &str, indent: &str) {
        self.blank();
        for line in code.trim_end_matches('\n').lines() {
            self.lines.push(vec![
                Segment::new(format!("{indent}  "), Tone::Plain),
                Segment::new(line, Tone::Code),
            ]);
        }
    }

    pub(super) fn inline_segments(&mut self, inlines: &[Inline], mark_terms: bool) -> Vec<Segment> {
        let mut segments = Vec::new();
        for inline in inlines {
            match inline {
                Inline::Link { target, label, .. } => {
                    let text = label
                        .clone()
                        .unwrap_or_else(|| self.catalog.title_of(target));
                    let node = self.catalog.index_of(target);
                    let selectable = self.target(node, TargetKind::Link);
                    let tone = if node.is_some() {
                        Tone::Link
                    } else {
                        Tone::Broken
                    };
                    segments.push(Segment::to(text, tone, selectable));
                }
                Inline::Text(text, marks) if *marks == Marks::default() && mark_terms => {
                    self.mark_terms(text, &mut segments);
                }
                Inline::Text(text, marks) => segments.push(Segment::new(text, tone_of(*marks))),
                Inline::Web { label, url } => {
                    if !label.is_empty() && label != url {
                        segments.push(Segment::new(format!("{label} "), Tone::Plain));
                    }
                    segments.push(Segment::new(format!("({url})"), Tone::Muted));
                }
                Inline::Break => segments.push(Segment::new(BREAK, Tone::Plain)),
            }
        }
        segments
    }

    /// Splits plain text around the glossary terms it uses.
    fn mark_terms(&mut self, text: &str, segments: &mut Vec<Segment>) {
        let marks = self.catalog.terms.find(text, &mut self.terms_seen);
        let mut at = 0;
        for mark in marks {
            if mark.range.start > at {
                segments.push(Segment::new(&text[at..mark.range.start], Tone::Plain));
            }
            let target = self.target(Some(mark.node), TargetKind::Term);
            segments.push(Segment::to(&text[mark.range.clone()], Tone::Term, target));
            at = mark.range.end;
        }
        if at < text.len() {
            segments.push(Segment::new(&text[at..], Tone::Plain));
        }
    }
}

/// The tone of text set with `marks`: code first, then strong, emphasis, struck out.
const fn tone_of(marks: Marks) -> Tone {
    if marks.code {
        Tone::Code
    } else if marks.strong {
        Tone::Strong
    } else if marks.emphasis {
        Tone::Emphasis
    } else if marks.strike {
        Tone::Strike
    } else {
        Tone::Plain
    }
}
