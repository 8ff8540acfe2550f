//! Splitting text into raw words: runs of letters and digits, with the characters that
//! join a word (an apostrophe between letters, a digit group's comma, a decimal point) and
//! hyphenated compounds handled, before any folding.

use std::cell::Cell;

use super::Token;

/// Calls `visit` with the raw words of `text` in order, until it returns false.
pub fn raw_tokens_while(text: &str, mut visit: impl FnMut(Token<'_>) -> bool) {
    let going = Cell::new(true);
    let mut visit = |token: Token<'_>| {
        if going.get() {
            going.set(visit(token));
        }
    };
    if text.is_ascii() {
        read_ascii(text, &going, &mut visit);
    } else {
        read_chars(text, &going, &mut visit);
    }
}

/// Most text: bytes are characters, and no character needs decoding.
fn read_ascii(text: &str, going: &Cell<bool>, visit: &mut impl FnMut(Token<'_>)) {
    let mut tokenizer = Tokenizer::default();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !going.get() {
            return;
        }
        let run = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - at);
        if run > 0 {
            let end = at + run;
            // Nearly every word is one run ended by a character that cannot join it:
            // given as it stands, without copying.
            let ends = !matches!(bytes.get(end), Some(b'\'' | b',' | b'.' | b'-'));
            if ends && !tokenizer.in_word() && tokenizer.parts == 0 {
                visit(Token {
                    word: &text[at..end],
                    start: at,
                    end,
                    compound: false,
                });
            } else {
                tokenizer.push_run(at, &text[at..end]);
            }
            at = end;
            continue;
        }
        let previous = if at > 0 {
            char::from(bytes[at - 1])
        } else {
            ' '
        };
        let next = bytes.get(at + 1).map_or(' ', |&n| char::from(n));
        let group =
            bytes[at] == b',' && digit_group(bytes[at + 1..].iter().map(|&b| char::from(b)));
        let c = char::from(bytes[at]);
        tokenizer.separator(at, [previous, c, next], group, visit);
        at += 1;
    }
    tokenizer.end_word(bytes.len(), visit);
}

/// Any text, character by character.
fn read_chars(text: &str, going: &Cell<bool>, visit: &mut impl FnMut(Token<'_>)) {
    let mut tokenizer = Tokenizer::default();
    let mut chars = text.chars().enumerate().peekable();
    let mut previous = ' ';
    let mut end = 0;
    while let Some((at, c)) = chars.next() {
        if !going.get() {
            return;
        }
        end = at + 1;
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        if c.is_alphanumeric() {
            tokenizer.push(at, c);
        } else {
            let group = c == ',' && digit_group(chars.clone().map(|(_, c)| c));
            tokenizer.separator(at, [previous, c, next], group, visit);
        }
        previous = c;
    }
    tokenizer.end_word(end, visit);
}

/// A character that continues a word: an apostrophe between letters, a full stop between
/// digits, a comma between digits that starts a group of three (`group`: "20,700" but not
/// "stages 3,4").
fn joins_word([previous, c, next]: [char; 3], group: bool) -> bool {
    match c {
        '\'' | '\u{2019}' => previous.is_alphabetic() && next.is_alphabetic(),
        '.' => previous.is_ascii_digit() && next.is_ascii_digit(),
        ',' => previous.is_ascii_digit() && group,
        _ => false,
    }
}

/// Whether the characters after a comma are three digits and then no more digits.
fn digit_group(mut after: impl Iterator<Item = char>) -> bool {
    (0..3).all(|_| after.next().is_some_and(|c| c.is_ascii_digit()))
        && !after.next().is_some_and(|c| c.is_ascii_digit())
}

const fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits text into raw words: the characters of each, joiners removed, not yet folded.
#[derive(Default)]
struct Tokenizer {
    /// The current word's characters, joiners removed.
    raw: String,
    start: Option<usize>,
    /// The raw parts of a hyphenated compound so far, joined, and where it began.
    compound: String,
    compound_start: usize,
    parts: usize,
}

impl Tokenizer {
    const fn in_word(&self) -> bool {
        self.start.is_some()
    }

    fn push(&mut self, at: usize, c: char) {
        self.begin(at);
        self.raw.push(c);
    }

    /// Adds a run of ASCII letters and digits starting at `at`.
    fn push_run(&mut self, at: usize, run: &str) {
        self.begin(at);
        self.raw.push_str(run);
    }

    const fn begin(&mut self, at: usize) {
        if self.start.is_none() {
            self.start = Some(at);
            if self.parts == 0 {
                self.compound_start = at;
            }
        }
    }

    /// A character that is not a letter or digit, at `at` between `previous` and `next`:
    /// it joins the word, ends a part of a compound, or ends the word.
    fn separator(
        &mut self,
        at: usize,
        [previous, c, next]: [char; 3],
        group: bool,
        visit: &mut impl FnMut(Token<'_>),
    ) {
        if self.in_word() && joins_word([previous, c, next], group) {
            if c == '.' {
                self.raw.push('.');
            }
        } else if self.in_word() && is_hyphen(c) && next.is_alphanumeric() {
            self.end_part(at, visit);
        } else {
            self.end_word(at, visit);
        }
    }

    /// Ends a part of a hyphenated compound, which goes on after the hyphen.
    fn end_part(&mut self, at: usize, visit: &mut impl FnMut(Token<'_>)) {
        if let Some(start) = self.start.take() {
            visit(Token {
                word: &self.raw,
                start,
                end: at,
                compound: false,
            });
            self.compound.push_str(&self.raw);
            self.raw.clear();
            self.parts += 1;
        }
    }

    fn end_word(&mut self, at: usize, visit: &mut impl FnMut(Token<'_>)) {
        let in_compound = self.parts > 0;
        self.end_part(at, visit);
        if in_compound && self.parts >= 2 {
            visit(Token {
                word: &self.compound,
                start: self.compound_start,
                end: at,
                compound: true,
            });
        }
        self.compound.clear();
        self.parts = 0;
    }
}
