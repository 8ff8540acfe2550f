//! Reading a large file's topics on two cores.
//!
//! ron reads on one core, and on a 100,000-topic file that is half of a first open. The
//! top-level topics are values that mean the same wherever they stand, so the list can be
//! read in two runs, each from its own place in the text, while the rest of the file is read
//! with an empty list in its place. Nothing here decides what the file means: at any doubt
//! (extensions named in the file, a block comment, a list on one line, a run that does not
//! end exactly where the other begins) it gives up, and the file is read whole, which also
//! reports every problem with its place.

use ron::Options;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{KnowledgeBase, Topic};

/// Files smaller than this are read whole: a second thread would cost more than it saves.
pub const WORTH_SPLITTING: usize = 4 << 20;

/// Steps of nesting the file itself spends before a top-level topic (its outer parentheses,
/// the list, and room to spare), so a run from a topic refuses at least every file that
/// reading the whole would refuse as nested too deeply.
const STEPS_ABOVE_A_TOPIC: usize = 16;

/// The file read with its topics in two runs on two threads, or `None` when that cannot be
/// done with certainty (or the file is too small to gain); `stack` is each run's stack.
pub fn read(text: &str, options: &Options, stack: usize) -> Option<KnowledgeBase> {
    (text.len() >= WORTH_SPLITTING)
        .then(|| read_any_size(text, options, stack))
        .flatten()
}

fn read_any_size(text: &str, options: &Options, stack: usize) -> Option<KnowledgeBase> {
    let open = topics_list(text, options)?;
    let split = split_point(text, open)?;
    let limit = options.recursion_limit?.checked_sub(STEPS_ABOVE_A_TOPIC)?;
    let topic_options = options.clone().with_recursion_limit(limit);
    let (mut topics, rest, close) = std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .name("read-second".to_owned())
            .stack_size(stack)
            .spawn_scoped(scope, || run(text, split, &topic_options, None))
            .ok()?;
        let first = run(text, open, &topic_options, Some(split));
        let (rest, close) = second.join().ok()??;
        Some((first?.0, rest, close))
    })?;
    // The rest of the file, its topic list emptied: everything but the topics, read whole.
    let outside = format!("{}]{}", &text[..open], &text[close..]);
    let mut kb: KnowledgeBase = options.from_str(&outside).ok()?;
    if !kb.topics.is_empty() {
        return None;
    }
    topics.extend(rest);
    kb.topics = topics;
    Some(kb)
}

/// Where the root's `topics` list begins (just past its `[`). The fields before it are
/// skipped by ron itself, so nothing in them (a string holding `topics: [`) can mislead.
fn topics_list(text: &str, options: &Options) -> Option<usize> {
    let mut at = skip_blank(text, 0)?;
    if text[..at].contains("#!") || text[at..].starts_with('#') {
        return None;
    }
    at = skip_blank(text, at + identifier_len(&text[at..]))?;
    at = skip_blank(text, after(text, at, '(')?)?;
    loop {
        let name_len = identifier_len(&text[at..]);
        if name_len == 0 {
            return None;
        }
        let name = &text[at..at + name_len];
        at = skip_blank(text, at + name_len)?;
        at = skip_blank(text, after(text, at, ':')?)?;
        if name == "topics" {
            return after(text, at, '[');
        }
        let mut value = deserializer(text, at, options)?;
        IgnoredAny::deserialize(&mut value).ok()?;
        at = skip_blank(text, text.len() - value.remainder().len())?;
        at = skip_blank(text, after(text, at, ',')?)?;
    }
}

/// A place near the middle of the list where a line starts a topic at the indentation of
/// the first: a guess that `run` then proves or refutes. The list likely ends at the first
/// `]` starting a line at the indentation of the line that opened it.
fn split_point(text: &str, open: usize) -> Option<usize> {
    let first = skip_blank(text, open)?;
    let indent = &text[text[..first].rfind('\n')? + 1..first];
    if !indent.bytes().all(|b| b == b' ' || b == b'\t') || !text[first..].starts_with('(') {
        return None;
    }
    let opening_line = text[..open].rfind('\n').map_or(0, |n| n + 1);
    let outer = &text[opening_line..open];
    let outer = &outer[..outer.len() - outer.trim_start().len()];
    let end = text[first..]
        .find(&format!("\n{outer}]"))
        .map_or(text.len(), |n| first + n);
    let pattern = format!("\n{indent}(");
    let mut middle = first + (end - first) / 2;
    while !text.is_char_boundary(middle) {
        middle += 1;
    }
    let at = text[middle..end]
        .find(&pattern)
        .map(|n| middle + n)
        .or_else(|| text[first..middle].rfind(&pattern).map(|n| first + n))?;
    Some(at + pattern.len() - 1)
}

/// Topics read one after another from `from`, each followed by a comma or the list's end.
/// With `until`, the run must arrive exactly there, at the start of a topic; without, it
/// must end at the list's `]`, whose place (just past it) it returns.
fn run(
    text: &str,
    from: usize,
    options: &Options,
    until: Option<usize>,
) -> Option<(Vec<Topic>, usize)> {
    let mut topics = Vec::new();
    let mut at = skip_blank(text, from)?;
    loop {
        if until == Some(at) {
            return Some((topics, at));
        }
        if text[at..].starts_with(']') {
            return until.is_none().then_some((topics, at + 1));
        }
        if until.is_some_and(|end| at > end) {
            return None;
        }
        let mut value = deserializer(text, at, options)?;
        topics.push(Topic::deserialize(&mut value).ok()?);
        at = skip_blank(text, text.len() - value.remainder().len())?;
        if text[at..].starts_with(',') {
            at = skip_blank(text, at + 1)?;
        } else if !text[at..].starts_with(']') {
            return None;
        }
    }
}

/// A parser for the value at `at`, if it starts reading right there: ron reads a file's
/// `#![...]` attributes wherever a parser starts, and one before a topic, which reading the
/// whole file would refuse, must not be taken as a header here.
fn deserializer<'a>(text: &'a str, at: usize, options: &Options) -> Option<ron::Deserializer<'a>> {
    let value = ron::Deserializer::from_str_with_options(&text[at..], options).ok()?;
    (value.remainder().len() == text.len() - at).then_some(value)
}

/// Past spaces, line breaks and line comments from `at`; `None` at a block comment, which
/// ron lets nest and this does not follow.
fn skip_blank(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(at..at + 2) {
            Some(b"/*") => return None,
            Some(b"//") => {
                at += text[at..].find('\n').unwrap_or(text.len() - at);
                continue;
            }
            _ => {}
        }
        match bytes.get(at) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => at += 1,
            _ => return Some(at),
        }
    }
}

/// Just past `expected` at `at`, if it is there.
fn after(text: &str, at: usize, expected: char) -> Option<usize> {
    text[at..].starts_with(expected).then_some(at + 1)
}

/// The length of the plain identifier (ASCII letters, digits, `_`) at the start of `text`.
fn identifier_len(text: &str) -> usize {
    text.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count()
}

#[cfg(test)]
mod tests;
