//! Topic bodies are CommonMark (read by `pulldown-cmark`) with wiki links to other topics,
//! `[[topic-id]]` or `[[topic-id|label]]`: paragraphs, emphasis, lists, quotes, code, tables,
//! headings and rules. Raw HTML is shown as written, never interpreted.

mod parse;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// A block of a topic's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading(Vec<Inline>),
    /// A list, numbered from `start` when it is an ordered one; each item is blocks.
    List {
        start: Option<u64>,
        items: Vec<Vec<Self>>,
    },
    Quote(Vec<Self>),
    /// A code block, or raw HTML, shown as written.
    Code(String),
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// How a run of text is set: the emphasis around it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four independent CommonMark marks, any of which may combine"
)]
pub struct Marks {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    pub strike: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String, Marks),
    /// A link to a topic; without a label it shows the target's title.
    Link {
        target: String,
        label: Option<String>,
        marks: Marks,
    },
    /// A link to the web, shown with its address.
    Web {
        label: String,
        url: String,
    },
    /// A hard line break.
    Break,
}

/// The body as blocks.
pub fn parse_body(body: &str) -> Vec<Block> {
    parse::Reader::read(body)
}

/// Every topic link in a body, in order; an `Err` holds a `[[` that never closes (up to 30
/// characters of it).
pub fn link_targets(body: &str) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    // Every wiki link, closed or not, starts so; most bodies need no parsing at all.
    if !body.contains("[[") {
        return out;
    }
    // The parser hands text over in pieces (a `[` may come alone); they are joined first.
    let mut run = String::new();
    for event in parse::parser(body) {
        if let Event::Text(text) = &event {
            run.push_str(text);
            continue;
        }
        unclosed(&run, &mut out);
        run.clear();
        if let Event::Start(Tag::Link {
            link_type: LinkType::WikiLink { .. },
            dest_url,
            ..
        }) = event
        {
            out.push(Ok(dest_url.trim().to_owned()));
        }
    }
    unclosed(&run, &mut out);
    out
}

/// A `[[` left in text is a wiki link that never closes.
fn unclosed(text: &str, out: &mut Vec<Result<String, String>>) {
    if let Some(at) = text.find("[[") {
        let fragment = text[at..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(32)
            .collect();
        out.push(Err(fragment));
    }
}

/// The body as plain text, one line per block, links replaced by their labels (or
/// `title_of(target)`).
pub fn plain_text(body: &str, title_of: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    visit_events(body, |piece| match piece {
        Piece::Text(text) => out.push_str(text),
        Piece::Title(target) => out.push_str(&title_of(target)),
        Piece::End => {
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        }
    });
    out.trim_end().to_owned()
}

/// Calls `visit` with each piece of text a reader sees in `body`, in order: runs of text
/// and, for links, their label (or `title_of(target)`, or the target itself).
pub fn visit_text<'a>(
    body: &str,
    title_of: impl Fn(&str) -> Option<&'a str>,
    mut visit: impl FnMut(&str),
) {
    visit_events(body, |piece| match piece {
        Piece::Text(text) => visit(text),
        Piece::Title(target) => visit(title_of(target).unwrap_or(target)),
        Piece::End => visit("\n"),
    });
}

/// The body with each wiki link replaced by `replace(target, label)`, everything else as
/// written.
pub fn with_wiki_links(body: &str, replace: impl Fn(&str, Option<&str>) -> String) -> String {
    let mut out = String::new();
    let mut copied = 0;
    let mut label = String::new();
    let mut open: Option<(String, bool, usize)> = None;
    for (event, range) in parse::parser(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => {
                open = Some((dest_url.trim().to_owned(), has_pothole, range.start));
                label.clear();
            }
            Event::Text(text) if open.is_some() => label.push_str(&text),
            Event::End(TagEnd::Link) => {
                if let Some((target, pothole, start)) = open.take() {
                    out.push_str(&body[copied..start]);
                    let label = label.trim();
                    let shown = (pothole && !label.is_empty()).then_some(label);
                    out.push_str(&replace(&target, shown));
                    copied = range.end;
                }
            }
            _ => {}
        }
    }
    out.push_str(&body[copied..]);
    out
}

enum Piece<'p> {
    Text(&'p str),
    /// A wiki link without a label: its target, whose title is what a reader sees.
    Title(&'p str),
    /// The end of a block or a table cell.
    End,
}

/// The body as the pieces of text a reader sees, without building blocks.
fn visit_events(body: &str, mut visit: impl FnMut(Piece<'_>)) {
    // The wiki link being read: its target, whether it has a label, and the label.
    let mut link: Option<(String, bool, String)> = None;
    // The next number of each list open around the text (none for bullets).
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in parse::parser(body) {
        match event {
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => match lists.last_mut() {
                Some(Some(number)) => {
                    visit(Piece::Text(&format!("{number}. ")));
                    *number += 1;
                }
                _ => visit(Piece::Text("- ")),
            },
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => link = Some((dest_url.trim().to_owned(), has_pothole, String::new())),
            Event::End(TagEnd::Link) => match link.take() {
                Some((_, true, label)) if !label.trim().is_empty() => {
                    visit(Piece::Text(label.trim()));
                }
                Some((target, ..)) => visit(Piece::Title(&target)),
                None => {}
            },
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                match &mut link {
                    Some((_, _, label)) => label.push_str(&text),
                    None => visit(Piece::Text(&text)),
                }
            }
            Event::SoftBreak | Event::HardBreak => visit(Piece::Text(" ")),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) => visit(Piece::End),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned(), Marks::default())
    }

    #[test]
    fn paragraphs_and_bullets_read_as_before() {
        let blocks = parse_body("First line\ncontinues.\n\n- one\n  more\n- two\n\nLast.");
        assert_eq!(
            blocks,
            [
                Block::Paragraph(vec![text("First line continues.")]),
                Block::List {
                    start: None,
                    items: vec![
                        vec![Block::Paragraph(vec![text("one more")])],
                        vec![Block::Paragraph(vec![text("two")])],
                    ]
                },
                Block::Paragraph(vec![text("Last.")]),
            ]
        );
    }

    #[test]
    fn links_with_and_without_labels() {
        let blocks = parse_body("see [[a-b]] and [[c|the C]].");
        let link = |target: &str, label: Option<&str>| Inline::Link {
            target: target.into(),
            label: label.map(Into::into),
            marks: Marks::default(),
        };
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![
                text("see "),
                link("a-b", None),
                text(" and "),
                link("c", Some("the C")),
                text("."),
            ])]
        );
    }

    #[test]
    fn commonmark_blocks_and_emphasis() {
        let body = "# Head\n\n1. one\n2. **two** and *it*\n   - nested\n\n> quoted\n\n    code\n\n---\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n<b>raw</b>\n\n<div>\nblock\n</div>";
        let blocks = parse_body(body);
        assert!(matches!(blocks[0], Block::Heading(_)));
        let Block::List {
            start: Some(1),
            items,
        } = &blocks[1]
        else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        let strong = Marks {
            strong: true,
            ..Marks::default()
        };
        let Block::Paragraph(second) = &items[1][0] else {
            panic!()
        };
        assert!(second.contains(&Inline::Text("two".into(), strong)));
        assert!(
            matches!(items[1][1], Block::List { start: None, .. }),
            "{:?}",
            items[1]
        );
        assert!(matches!(blocks[2], Block::Quote(_)));
        assert_eq!(blocks[3], Block::Code("code\n".into()));
        assert_eq!(blocks[4], Block::Rule);
        let Block::Table { align, head, rows } = &blocks[5] else {
            panic!()
        };
        assert_eq!(align, &[Align::Left, Align::Right]);
        assert_eq!((head.len(), rows.len()), (2, 1));
        assert_eq!(
            blocks[6],
            Block::Paragraph(vec![text("<b>raw</b>")]),
            "shown as written"
        );
        assert_eq!(
            blocks[7],
            Block::Code("<div>\nblock\n</div>".into()),
            "never interpreted"
        );
    }

    #[test]
    fn unclosed_link_is_text_and_reported() {
        assert_eq!(
            parse_body("a [[b c"),
            [Block::Paragraph(vec![text("a [[b c")])]
        );
        assert_eq!(
            link_targets("x [[ok]] y [[broken"),
            [Ok("ok".to_owned()), Err("[[broken".to_owned())]
        );
        let wide = format!("[[x{}", "€".repeat(40));
        assert_eq!(
            link_targets(&wide),
            [Err(format!("[[x{}", "€".repeat(29)))],
            "cut after 32 characters, never inside one"
        );
        assert!(
            link_targets("`[[not a link]]`").is_empty(),
            "code is literal"
        );
    }

    #[test]
    fn visited_text_has_the_same_words_as_plain_text() {
        let body = "A [[x]] and [[y|why]] [[z| ]].\n\n- b **bold**";
        let mut pieces = String::new();
        visit_text(
            body,
            |id| Some(if id == "x" { "X" } else { "Z" }),
            |p| pieces.push_str(p),
        );
        assert_eq!(pieces, "A X and why Z.\n- b bold\n");
        let plain = plain_text(body, str::to_uppercase);
        assert_eq!(plain, "A X and why Z.\n- b bold");
    }

    #[test]
    fn export_keeps_the_markdown_and_rewrites_wiki_links() {
        let body = "**Bold** [[a]] and [[b|B]].\n\n| x |\n|---|\n| [[c]] |";
        let out = with_wiki_links(body, |t, l| format!("<{t}:{}>", l.unwrap_or("-")));
        assert_eq!(out, "**Bold** <a:-> and <b:B>.\n\n| x |\n|---|\n| <c:-> |");
    }
}
