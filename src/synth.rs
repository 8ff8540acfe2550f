//! Synthetic knowledge files of any size, for benchmarks.
//!
//! Synthetic knowledge files of any size, shaped like a real one, for benchmarks and for
//! trying hepatree at scale: `cargo run --release --example synth -- --topics N`. The same
//! size and seed always give the same file: the generator has its own tiny random number
//! generator, so no dependency update can change the output.

use std::fmt::Write as _;

use crate::knowledge::{self, EMBEDDED, Topic};
use crate::markup;

/// How many glossary terms a synthetic file has (fewer if the vocabulary runs short).
const GLOSSARY_TERMS: usize = 300;

const KINDS: &[&str] = &[
    "Overview",
    "DiseaseCourse",
    "Mechanism",
    "Benefit",
    "Limitation",
    "Risk",
    "Eligibility",
    "Procedure",
    "Evidence",
    "Comparison",
    "Regulation",
    "Question",
];

/// The `SplitMix64` generator: small, fast, and fixed forever.
struct Random(u64);

impl Random {
    const fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        let span = u64::try_from(high - low + 1).unwrap_or(u64::MAX);
        low + usize::try_from(self.next() % span).unwrap_or(0)
    }

    const fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.between(0, items.len() - 1)]
    }
}

/// Words as they occur in the shipped knowledge base's bodies, repeats included, so common
/// words are drawn as often as they are written.
fn vocabulary() -> Vec<String> {
    let Ok(kb) = knowledge::parse(EMBEDDED) else {
        return vec!["liver".to_owned(), "cell".to_owned(), "therapy".to_owned()];
    };
    let mut words = Vec::new();
    let mut stack: Vec<&Topic> = kb.topics.iter().collect();
    while let Some(topic) = stack.pop() {
        let text = markup::plain_text(&topic.body, str::to_owned).to_lowercase();
        words.extend(
            text.split(|c: char| !c.is_ascii_lowercase())
                .filter(|w| w.len() >= 2)
                .map(str::to_owned),
        );
        stack.extend(&topic.children);
    }
    words
}

struct Generator {
    random: Random,
    words: Vec<String>,
    out: String,
    /// Ids written so far, which links and see-also entries may point at.
    ids: Vec<String>,
    budget: usize,
}

/// A knowledge file of `topics` topics (depth 3 to 5, a few hundred glossary terms).
pub fn generate(topics: usize, seed: u64) -> String {
    let mut generator = Generator {
        random: Random(seed),
        words: vocabulary(),
        out: String::new(),
        ids: Vec::new(),
        budget: topics,
    };
    generator.file();
    generator.out
}

impl Generator {
    fn words(&mut self, low: usize, high: usize) -> String {
        let count = self.random.between(low, high);
        (0..count)
            .map(|_| self.random.pick(&self.words).clone())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn sentence(&mut self, low: usize, high: usize) -> String {
        let mut text = self.words(low, high);
        if let Some(first) = text.get(..1) {
            text.replace_range(..1, &first.to_uppercase());
        }
        text
    }

    fn file(&mut self) {
        let count = self.budget;
        let _ = write!(
            self.out,
            "(\n    title: \"Synthetic knowledge base ({count} topics)\",\n    \
             disclaimer: \"Generated text for benchmarks. Not advice.\",\n    sources: [\n"
        );
        for n in 1..=5 {
            let title = self.sentence(3, 7);
            let _ = writeln!(
                self.out,
                "        (id: \"src-{n}\", title: \"{title}\", kind: Reference, year: {}),",
                2000 + n
            );
        }
        self.out.push_str("    ],\n    topics: [\n");
        while self.budget > 0 {
            let depth = self.random.between(3, 5);
            self.topic(1, depth, 2);
        }
        self.out.push_str("    ],\n    glossary: [\n");
        self.glossary();
        self.out.push_str("    ],\n)\n");
    }

    /// Writes one topic and, above `depth`, its children, until the budget runs out.
    fn topic(&mut self, level: usize, depth: usize, indent: usize) {
        self.budget -= 1;
        let pad = "    ".repeat(indent);
        let id = format!("topic-{}", self.ids.len() + 1);
        let title = self.sentence(3, 8);
        let kind = *self.random.pick(KINDS);
        let summary = self.sentence(6, 12) + ".";
        let body = self.body();
        let terms: Vec<String> = (0..self.random.between(2, 5))
            .map(|_| format!("\"{}\"", self.words(1, 2)))
            .collect();
        let source = self.random.between(1, 5);
        let _ = write!(
            self.out,
            "{pad}(id: \"{id}\", title: \"{title}\", kind: {kind}, summary: \"{summary}\",\n\
             {pad} body: \"{body}\",\n{pad} terms: [{}], sources: [\"src-{source}\"]",
            terms.join(", ")
        );
        if !self.ids.is_empty() && self.random.chance(20) {
            let target = self.random.pick(&self.ids).clone();
            let _ = write!(self.out, ", see_also: [\"{target}\"]");
        }
        self.ids.push(id);
        if level < depth && self.budget > 0 {
            self.out.push_str(",\n");
            let _ = writeln!(self.out, "{pad} children: [");
            let children = self.random.between(2, 12);
            for _ in 0..children {
                if self.budget == 0 {
                    break;
                }
                self.topic(level + 1, depth, indent + 1);
            }
            let _ = write!(self.out, "{pad} ]");
        }
        self.out.push_str("),\n");
    }

    /// 40 to 150 words in paragraphs, with an inline link now and then.
    fn body(&mut self) -> String {
        let target = self.random.between(40, 150);
        let mut paragraphs: Vec<String> = Vec::new();
        let mut written = 0;
        while written < target {
            let mut sentences = Vec::new();
            for _ in 0..self.random.between(2, 4) {
                let length = self
                    .random
                    .between(6, 16)
                    .min(target.saturating_sub(written).max(1));
                written += length;
                let mut sentence = self.sentence(length, length);
                if !self.ids.is_empty() && self.random.chance(8) {
                    let link = self.random.pick(&self.ids).clone();
                    let _ = write!(sentence, " (see [[{link}]])");
                }
                sentences.push(sentence + ".");
                if written >= target {
                    break;
                }
            }
            paragraphs.push(sentences.join(" "));
        }
        paragraphs.join("\\n\\n")
    }

    fn glossary(&mut self) {
        let mut terms: Vec<String> = self
            .words
            .iter()
            .filter(|w| w.len() >= 6)
            .cloned()
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let count = GLOSSARY_TERMS.min(terms.len());
        for n in 0..count {
            let term = terms[n * terms.len() / count].clone();
            let definition = self.sentence(10, 25) + ".";
            let related = self.random.pick(&self.ids).clone();
            let _ = writeln!(
                self.out,
                "        (term: \"{term}\", definition: \"{definition}\", related: [\"{related}\"]),"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn output_is_valid_deterministic_and_the_right_size() {
        let text = generate(500, 7);
        assert_eq!(text, generate(500, 7));
        assert_ne!(text, generate(500, 8));
        let kb = knowledge::parse(&text).expect("a valid file");
        let catalog = Catalog::new(kb);
        assert_eq!(catalog.topic_count, 500);
        assert!(catalog.glossary_count >= 200, "{}", catalog.glossary_count);
        let deepest = catalog.nodes().iter().map(|n| n.depth).max();
        assert!(matches!(deepest, Some(2..=4)), "{deepest:?}");
        assert!(text.contains("[[topic-") && text.contains("see_also"));
    }
}
