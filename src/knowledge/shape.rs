//! The shape of a knowledge file before its types are checked: records, lists, strings and
//! words, each with where it starts. serde stops at the first missing or unknown field and
//! points at the record's end; this reads the whole file so every such problem can be
//! reported at once, where it is.

use std::borrow::Cow;

/// A value and the byte offset where it starts.
#[derive(Debug)]
pub struct Node<'t> {
    pub at: usize,
    pub value: Value<'t>,
}

#[derive(Debug)]
pub enum Value<'t> {
    /// `( name: value, … )`; positional values (a tuple) have no name.
    Record(Vec<Field<'t>>),
    List(Vec<Node<'t>>),
    Str(Cow<'t, str>),
    /// An identifier, number or other bare word: `Mechanism`, `2018`, `true`.
    Word(&'t str),
}

#[derive(Debug)]
pub struct Field<'t> {
    pub name: Option<&'t str>,
    pub at: usize,
    pub value: Node<'t>,
}

/// Deeper than this, the file is not read for its shape (serde reports it instead).
const MAX_DEPTH: usize = 2_000;

/// The file's shape, or none when it is not well formed (serde then says why).
pub fn read(text: &str) -> Option<Node<'_>> {
    let mut reader = Reader { text, at: 0 };
    let node = reader.value(0)?;
    reader.skip();
    (reader.at == text.len()).then_some(node)
}

struct Reader<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Reader<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.at..]
    }

    /// Skips white space and comments.
    fn skip(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if let Some(inside) = trimmed.strip_prefix("/*") {
                self.at += inside.find("*/").map_or(trimmed.len(), |end| end + 4);
            } else {
                return;
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip();
        let found = self.rest().starts_with(c);
        if found {
            self.at += c.len_utf8();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Node<'t>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip();
        let at = self.at;
        let value = match self.rest().chars().next()? {
            '(' => Value::Record(self.record(depth)?),
            '[' => Value::List(self.list(depth)?),
            '"' => Value::Str(self.string()?),
            'r' if self.rest().starts_with("r#") || self.rest().starts_with("r\"") => {
                Value::Str(self.raw_string()?)
            }
            _ => {
                let word = self.word()?;
                self.skip();
                if self.rest().starts_with('(') {
                    // `Some(x)` stands for `x`; a named record for the record.
                    let mut fields = self.record(depth + 1)?;
                    if let ([only], "Some") = (fields.as_slice(), word)
                        && only.name.is_none()
                    {
                        let only = fields.remove(0);
                        return Some(Node { at, ..only.value });
                    }
                    return Some(Node {
                        at,
                        value: Value::Record(fields),
                    });
                }
                Value::Word(word)
            }
        };
        Some(Node { at, value })
    }

    fn record(&mut self, depth: usize) -> Option<Vec<Field<'t>>> {
        self.eat('(');
        let mut fields = Vec::new();
        while !self.eat(')') {
            self.skip();
            let at = self.at;
            let name = self.field_name();
            let value = self.value(depth + 1)?;
            fields.push(Field { name, at, value });
            if !self.eat(',') && !self.rest().trim_start().starts_with(')') {
                return None;
            }
        }
        Some(fields)
    }

    /// `name:` before a value, if there is one.
    fn field_name(&mut self) -> Option<&'t str> {
        let start = self.at;
        let name = self.word()?;
        self.skip();
        if self.rest().starts_with(':') {
            self.at += 1;
            Some(name)
        } else {
            self.at = start;
            None
        }
    }

    fn list(&mut self, depth: usize) -> Option<Vec<Node<'t>>> {
        self.eat('[');
        let mut items = Vec::new();
        while !self.eat(']') {
            items.push(self.value(depth + 1)?);
            if !self.eat(',') && !self.rest().trim_start().starts_with(']') {
                return None;
            }
        }
        Some(items)
    }

    fn word(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+')))
            .unwrap_or(rest.len());
        (len > 0).then(|| {
            self.at += len;
            &rest[..len]
        })
    }

    /// A quoted string with its escapes read (`\n`, `\"`, `\u{…}`, …).
    fn string(&mut self) -> Option<Cow<'t, str>> {
        let body = &self.rest()[1..];
        let mut out: Option<String> = None;
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 2;
                    return Some(out.map_or(Cow::Borrowed(&body[..i]), Cow::Owned));
                }
                '\\' => {
                    let text = out.get_or_insert_with(|| body[..i].to_owned());
                    let (_, escaped) = chars.next()?;
                    text.push(match escaped {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        '0' => '\0',
                        'u' => unicode(&mut chars)?,
                        other => other,
                    });
                }
                c => {
                    if let Some(text) = &mut out {
                        text.push(c);
                    }
                }
            }
        }
        None
    }

    fn raw_string(&mut self) -> Option<Cow<'t, str>> {
        let rest = &self.rest()[1..];
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        let body = rest[hashes..].strip_prefix('"')?;
        let end = format!("\"{}", "#".repeat(hashes));
        let len = body.find(&end)?;
        self.at += 1 + hashes + 1 + len + end.len();
        Some(Cow::Borrowed(&body[..len]))
    }
}

/// The character of a `\u{…}` escape.
fn unicode(chars: &mut std::str::CharIndices<'_>) -> Option<char> {
    let (_, open) = chars.next()?;
    if open != '{' {
        return None;
    }
    let mut code = 0u32;
    for (_, c) in chars.by_ref() {
        if c == '}' {
            return char::from_u32(code);
        }
        code = code.checked_mul(16)?.checked_add(c.to_digit(16)?)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_lists_strings_and_words_with_their_places() {
        let text = "( // a comment\n  title: \"T\\n\\u{e9}\", kinds: [Mechanism, 2018], raw: r#\"x\"#, o: Some(\"y\"), /* c */ t: (1, 2), )";
        let Some(Node {
            value: Value::Record(fields),
            ..
        }) = read(text)
        else {
            panic!("a record")
        };
        let names: Vec<_> = fields.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                Some("title"),
                Some("kinds"),
                Some("raw"),
                Some("o"),
                Some("t")
            ]
        );
        assert_eq!(&text[fields[1].at..fields[1].at + 5], "kinds");
        assert!(matches!(&fields[0].value.value, Value::Str(s) if s == "T\né"));
        assert!(matches!(&fields[3].value.value, Value::Str(s) if s == "y"));
        let Value::List(kinds) = &fields[1].value.value else {
            panic!()
        };
        assert!(matches!(kinds[0].value, Value::Word("Mechanism")));
        assert!(
            read("( title: \"T\" disclaimer: \"D\" )").is_none(),
            "a missing comma"
        );
        assert!(read("( title: \"unclosed )").is_none());
    }

    /// The deepest shape read fits in the reading thread's stack, records and lists alike.
    #[test]
    fn deep_nesting_stops_at_the_limit_without_overflowing() {
        std::thread::Builder::new()
            .stack_size(crate::knowledge::READING_STACK)
            .spawn(deep_nesting)
            .expect("thread")
            .join()
            .expect("no overflow");
    }

    fn deep_nesting() {
        for open in ["[", "(a: "] {
            let close = if open == "[" { "]" } else { ")" };
            let text = format!("{}x{}", open.repeat(MAX_DEPTH), close.repeat(MAX_DEPTH));
            assert!(read(&text).is_some(), "{open}: within the limit");
            let deeper = format!(
                "{}x{}",
                open.repeat(MAX_DEPTH + 2),
                close.repeat(MAX_DEPTH + 2)
            );
            assert!(read(&deeper).is_none(), "{open}: beyond it");
        }
    }
}
