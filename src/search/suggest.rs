//! What to tell a reader whose query found nothing: which of its words the base does not
//! hold at all, and the base's words closest to them ("did you mean"), so an empty list is
//! an honest answer rather than a dead end.

use super::index::Index;
use super::lookup::{Lookup, QueryWord};

/// Why a query found nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoMatch {
    /// Query words that no word of the base stands for.
    pub missing: Vec<String>,
    /// Words of the base close to the missing ones, most used first; at most three.
    pub closest: Vec<String>,
}

const MAX_SUGGESTIONS: usize = 3;

pub fn explain(index: &Index, lookup: &Lookup, words: &[QueryWord]) -> NoMatch {
    let missing: Vec<&QueryWord> = words
        .iter()
        .filter(|w| lookup.matches(index, w).is_empty())
        .collect();
    let mut near: Vec<(u8, usize, u32)> = Vec::new();
    for word in &missing {
        let letters = word.text.chars().count();
        if letters < 3 {
            continue;
        }
        // Lookup already read words of four or five letters one edit away, and words of
        // eight or more two; this adds three-letter words at one and six- or seven-letter
        // words at two.
        let distance = if letters <= 5 { 1 } else { 2 };
        for (id, edits) in lookup.nearby(index, &word.text, distance) {
            let uses = index.names(id).len() + index.texts(id).len();
            near.push((edits, usize::MAX - uses, id));
        }
    }
    near.sort_unstable();
    let mut closest: Vec<String> = Vec::new();
    for (_, _, id) in near {
        let word = index.word(id);
        if closest.len() < MAX_SUGGESTIONS && !closest.iter().any(|c| c == word) {
            closest.push(word.to_owned());
        }
    }
    NoMatch {
        missing: missing.into_iter().map(|w| w.text.clone()).collect(),
        closest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::{Doc, Part};

    #[test]
    fn names_missing_words_and_offers_close_ones() {
        let index = Index::build(2, |i, visit| {
            visit(Part::Title(
                ["Liver transplant", "Transplant waiting list"][i],
            ));
            Doc::default()
        });
        let word = |text: &str| QueryWord {
            text: text.to_owned(),
            prefix: false,
        };
        let lookup = Lookup::default();
        let found = explain(&index, &lookup, &[word("liver"), word("banana")]);
        assert_eq!(found.missing, ["banana"]);
        assert!(found.closest.is_empty());
        let found = explain(&index, &lookup, &[word("transplantt")]);
        assert!(found.missing.is_empty(), "a typo away still matches");
        let found = explain(&index, &lookup, &[word("wattinf")]);
        assert_eq!(found.missing, ["wattinf"]);
        assert_eq!(found.closest, ["waiting"]);
    }
}
