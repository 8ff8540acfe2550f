//! The small markup of topic bodies: paragraphs separated by blank lines, `- ` bullets, and
//! links to other topics written `[[topic-id]]` or `[[topic-id|label]]`.

/// A paragraph or a bullet item, as a run of inline pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullet(Vec<Inline>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// A link to a topic; without a label it shows the target's title.
    Link {
        target: String,
        label: Option<String>,
    },
}

/// Splits a body into blocks. Lines inside a paragraph are joined with a space; a line that
/// starts with `- ` opens a bullet, and the lines after it continue that bullet.
pub fn parse_body(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut current, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ") {
            flush(&mut current, &mut blocks);
            current = Some((true, item.trim().to_owned()));
        } else if let Some((_, text)) = current.as_mut() {
            text.push(' ');
            text.push_str(line);
        } else {
            current = Some((false, line.to_owned()));
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

fn flush(current: &mut Option<(bool, String)>, blocks: &mut Vec<Block>) {
    if let Some((bullet, text)) = current.take() {
        let inlines = parse_inline(&text);
        blocks.push(if bullet {
            Block::Bullet(inlines)
        } else {
            Block::Paragraph(inlines)
        });
    }
}

/// Splits text into plain runs and links. An unclosed `[[` stays plain text.
pub fn parse_inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = find_pair(rest, b'[') {
        let Some(len) = find_pair(&rest[start + 2..], b']') else {
            break;
        };
        if start > 0 {
            out.push(Inline::Text(rest[..start].to_owned()));
        }
        out.push(link(&rest[start + 2..start + 2 + len]));
        rest = &rest[start + 2 + len + 2..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_owned()));
    }
    out
}

fn link(inside: &str) -> Inline {
    let (target, label) = match inside.split_once('|') {
        Some((target, label)) => (target, Some(label.trim().to_owned())),
        None => (inside, None),
    };
    Inline::Link {
        target: target.trim().to_owned(),
        label: label.filter(|l| !l.is_empty()),
    }
}

/// Every link target in a body, or the unclosed fragment where a `[[` never closes.
pub fn link_targets(body: &str) -> Vec<Result<&str, &str>> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(start) = find_pair(rest, b'[') {
        let after = &rest[start + 2..];
        let Some(len) = find_pair(after, b']') else {
            // Up to 30 characters (not bytes: a cut inside a character would panic).
            let end = after
                .char_indices()
                .take_while(|(_, c)| !c.is_whitespace())
                .take(30)
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            out.push(Err(&rest[start..start + 2 + end]));
            break;
        };
        let inside = &after[..len];
        out.push(Ok(inside.split_once('|').map_or(inside, |(t, _)| t).trim()));
        rest = &after[len + 2..];
    }
    out
}

/// The body as plain text, links replaced by their labels (or `title_of(target)`).
pub fn plain_text(body: &str, title_of: impl Fn(&str) -> String) -> String {
    parse_body(body)
        .iter()
        .map(|block| {
            let (prefix, inlines) = match block {
                Block::Paragraph(inlines) => ("", inlines),
                Block::Bullet(inlines) => ("- ", inlines),
            };
            let text: String = inlines.iter().map(|i| inline_text(i, &title_of)).collect();
            format!("{prefix}{text}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Calls `visit` with each piece of text a reader sees in `body`, in order.
///
/// The pieces are plain runs and, for links, their label (or `title_of(target)`). Cheaper
/// than [`plain_text`] when only the words matter, as when indexing a large file.
pub fn visit_text<'a>(
    body: &'a str,
    title_of: impl Fn(&'a str) -> &'a str,
    mut visit: impl FnMut(&str),
) {
    let mut rest = body;
    while let Some(start) = find_pair(rest, b'[') {
        let Some(len) = find_pair(&rest[start + 2..], b']') else {
            break;
        };
        visit(&rest[..start]);
        let inside = &rest[start + 2..start + 2 + len];
        match inside.split_once('|').map(|(t, l)| (t, l.trim())) {
            Some((_, label)) if !label.is_empty() => visit(label),
            Some((target, _)) => visit(title_of(target.trim())),
            None => visit(title_of(inside.trim())),
        }
        rest = &rest[start + 2 + len + 2..];
    }
    visit(rest);
}

/// Where `[[` or `]]` (two of `bracket`) first stands: a byte scan, several times faster
/// than a substring search for so short a pattern.
fn find_pair(text: &str, bracket: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes[from..].iter().position(|&b| b == bracket) {
        let at = from + at;
        if bytes.get(at + 1) == Some(&bracket) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

pub fn inline_text(inline: &Inline, title_of: impl Fn(&str) -> String) -> String {
    match inline {
        Inline::Text(text) => text.clone(),
        Inline::Link {
            label: Some(label), ..
        } => label.clone(),
        Inline::Link {
            target,
            label: None,
        } => title_of(target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn paragraphs_and_bullets() {
        let blocks = parse_body("First line\ncontinues.\n\n- one\n  more\n- two\n\nLast.");
        assert_eq!(
            blocks,
            [
                Block::Paragraph(vec![text("First line continues.")]),
                Block::Bullet(vec![text("one more")]),
                Block::Bullet(vec![text("two")]),
                Block::Paragraph(vec![text("Last.")]),
            ]
        );
    }

    #[test]
    fn links_with_and_without_labels() {
        let inlines = parse_inline("see [[a-b]] and [[c|the C]].");
        assert_eq!(
            inlines,
            [
                text("see "),
                Inline::Link {
                    target: "a-b".into(),
                    label: None
                },
                text(" and "),
                Inline::Link {
                    target: "c".into(),
                    label: Some("the C".into())
                },
                text("."),
            ]
        );
    }

    #[test]
    fn unclosed_link_is_text_and_reported() {
        assert_eq!(parse_inline("a [[b c"), [text("a [[b c")]);
        assert_eq!(
            link_targets("x [[ok]] y [[broken"),
            [Ok("ok"), Err("[[broken")]
        );
        let wide = format!("[[x{}", "€".repeat(40));
        assert_eq!(
            link_targets(&wide),
            [Err(format!("[[x{}", "€".repeat(29)).as_str())],
            "cut after 30 characters, never inside one"
        );
    }

    #[test]
    fn visited_text_has_the_same_words_as_plain_text() {
        let body = "A [[x]] and [[y|why]] [[z| ]].\n\n- b [[open";
        let mut pieces = Vec::new();
        visit_text(
            body,
            |id| if id == "x" { "X" } else { "Z" },
            |p| {
                pieces.push(p.to_owned());
            },
        );
        assert_eq!(
            pieces,
            ["A ", "X", " and ", "why", " ", "Z", ".\n\n- b [[open"]
        );
    }

    #[test]
    fn plain_text_uses_labels_and_titles() {
        let plain = plain_text("A [[x]] and [[y|why]].\n\n- b", str::to_uppercase);
        assert_eq!(plain, "A X and why.\n- b");
    }
}
