//! CommonMark events (`pulldown-cmark`) gathered into the blocks and inlines a topic is laid
//! out from. Wiki links `[[id]]` and `[[id|label]]` are pulldown-cmark's own extension.

use pulldown_cmark::{Alignment, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Align, Block, Inline, Marks};

/// The parser every reading of a body uses: tables, strikethrough and wiki links on.
pub fn parser(body: &str) -> Parser<'_> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_WIKILINKS;
    Parser::new_ext(body, options)
}

/// Something being filled while its events arrive.
enum Open {
    Blocks(Vec<Block>),
    Inlines(Vec<Inline>),
    List(Option<u64>, Vec<Vec<Block>>),
    Code(String),
    Table(Vec<Align>, Vec<Vec<Vec<Inline>>>),
    Row(Vec<Vec<Inline>>),
    Link(Link),
}

struct Link {
    wiki: bool,
    pothole: bool,
    target: String,
    label: String,
}

pub struct Reader {
    stack: Vec<Open>,
    marks: Marks,
}

impl Reader {
    pub fn read(body: &str) -> Vec<Block> {
        let mut reader = Self {
            stack: vec![Open::Blocks(Vec::new())],
            marks: Marks::default(),
        };
        for event in parser(body) {
            reader.event(event);
        }
        while reader.stack.len() > 1 {
            reader.close();
        }
        match reader.stack.pop() {
            Some(Open::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            // Raw HTML is kept as written: a block of it as code, inline HTML as text.
            Event::Text(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => self.text(&text),
            Event::Code(code) => {
                let marks = Marks {
                    code: true,
                    ..self.marks
                };
                self.inline(Inline::Text(code.to_string(), marks));
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inline(Inline::Break),
            Event::Rule => self.block(Block::Rule),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.text(&format!("[{name}]")),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let open = match tag {
            Tag::BlockQuote(_) | Tag::Item | Tag::FootnoteDefinition(_) => Open::Blocks(Vec::new()),
            Tag::List(start) => Open::List(start, Vec::new()),
            Tag::CodeBlock(_) | Tag::HtmlBlock => Open::Code(String::new()),
            Tag::Table(aligns) => {
                Open::Table(aligns.iter().copied().map(align).collect(), Vec::new())
            }
            Tag::TableHead | Tag::TableRow => Open::Row(Vec::new()),
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => Open::Link(Link {
                wiki: matches!(link_type, LinkType::WikiLink { .. }),
                pothole: matches!(link_type, LinkType::WikiLink { has_pothole: true }),
                target: dest_url.to_string(),
                label: String::new(),
            }),
            Tag::Emphasis => return self.marks.emphasis = true,
            Tag::Strong => return self.marks.strong = true,
            Tag::Strikethrough => return self.marks.strike = true,
            // Paragraphs, headings, table cells, and anything else holding text.
            _ => Open::Inlines(Vec::new()),
        };
        self.stack.push(open);
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis => self.marks.emphasis = false,
            TagEnd::Strong => self.marks.strong = false,
            TagEnd::Strikethrough => self.marks.strike = false,
            TagEnd::Heading(_) => {
                if let Some(Open::Inlines(inlines)) = self.stack.pop() {
                    self.block(Block::Heading(inlines));
                }
            }
            TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Link | TagEnd::Image => self.close(),
            _ => {
                // A tight list item's text has no paragraph of its own to end it.
                while matches!(self.stack.last(), Some(Open::Inlines(_))) && self.stack.len() > 1 {
                    self.close();
                }
                self.close();
            }
        }
    }

    /// Closes the innermost open thing and hands it to the one around it.
    fn close(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        match open {
            Open::Inlines(inlines) => match self.stack.last_mut() {
                Some(Open::Row(cells)) => cells.push(inlines),
                _ => self.block(Block::Paragraph(inlines)),
            },
            Open::Blocks(blocks) => match self.stack.last_mut() {
                Some(Open::List(_, items)) => items.push(blocks),
                _ => self.block(Block::Quote(blocks)),
            },
            Open::List(start, items) => self.block(Block::List { start, items }),
            Open::Code(code) => self.block(Block::Code(code)),
            Open::Table(align, mut rows) => {
                let head = if rows.is_empty() {
                    Vec::new()
                } else {
                    rows.remove(0)
                };
                self.block(Block::Table { align, head, rows });
            }
            Open::Row(cells) => {
                if let Some(Open::Table(_, rows)) = self.stack.last_mut() {
                    rows.push(cells);
                }
            }
            Open::Link(link) => self.inline(finish(&link, self.marks)),
        }
    }

    fn text(&mut self, text: &str) {
        match self.stack.last_mut() {
            Some(Open::Code(code)) => code.push_str(text),
            Some(Open::Link(link)) => link.label.push_str(text),
            _ => self.inline(Inline::Text(text.to_owned(), self.marks)),
        }
    }

    /// Adds an inline to the innermost run of inlines, opening one (a tight list item's
    /// text comes without a paragraph) when there is none.
    fn inline(&mut self, inline: Inline) {
        if let Some(Open::Link(link)) = self.stack.last_mut() {
            if let Inline::Text(text, _) = &inline {
                link.label.push_str(text);
            }
            return;
        }
        if !matches!(self.stack.last(), Some(Open::Inlines(_))) {
            self.stack.push(Open::Inlines(Vec::new()));
        }
        if let Some(Open::Inlines(inlines)) = self.stack.last_mut() {
            match (inlines.last_mut(), inline) {
                (Some(Inline::Text(last, a)), Inline::Text(text, b)) if *a == b => {
                    last.push_str(&text);
                }
                (_, inline) => inlines.push(inline),
            }
        }
    }

    fn block(&mut self, block: Block) {
        if matches!(self.stack.last(), Some(Open::Inlines(_))) && self.stack.len() > 1 {
            // A tight list item's text, ended by a nested block.
            self.close();
        }
        match self.stack.last_mut() {
            Some(Open::Blocks(blocks)) => blocks.push(block),
            Some(Open::List(_, items)) => items.push(vec![block]),
            _ => {}
        }
    }
}

fn finish(link: &Link, marks: Marks) -> Inline {
    let label = one_line(&link.label);
    let target = one_line(&link.target);
    if link.wiki {
        Inline::Link {
            target,
            label: (link.pothole && !label.is_empty()).then_some(label),
            marks,
        }
    } else {
        Inline::Web { label, url: target }
    }
}

/// A link's parts on one line: a line break inside one is a space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const fn align(alignment: Alignment) -> Align {
    match alignment {
        Alignment::Right => Align::Right,
        Alignment::Center => Align::Center,
        Alignment::None | Alignment::Left => Align::Left,
    }
}
