//! Which words of the vocabulary one query word stands for, and how closely: the word
//! itself, words sharing its stem, words it begins (the last word, while it is typed),
//! words a typo away (found by a Levenshtein automaton run over the vocabulary fst), and as
//! a last resort words that hold its letters in order (fuzzy-matcher, inside one word).

use fst::{IntoStreamer, Streamer};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::index::Index;
use super::normalize::is_stop_word;

/// A word of the query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub text: String,
    /// The last word while it is still typed: words it begins count too.
    pub prefix: bool,
}

/// A vocabulary word a query word matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    pub id: u32,
    /// Typos counted between the two, 0 to 3: the edits for a typo reading (one more when
    /// the base holds the query word as typed), 2 or 3 for a fuzzy match.
    pub typos: u8,
    /// The same word, or one with the same stem; not merely a word it begins.
    pub whole: bool,
    pub exact: bool,
    /// A prefix too short to look for in bodies (one or two letters): names only.
    pub names_only: bool,
}

/// Shortest word that may have one typo, when complete and while typed; from
/// [`TWO_TYPOS_FROM`] letters, two.
const ONE_TYPO_FROM: usize = 4;
const ONE_TYPO_WHILE_TYPING_FROM: usize = 5;
const TWO_TYPOS_FROM: usize = 8;
/// Longer words are not read with typos: their automata grow with their length, and a
/// run of text without spaces (as CJK is written) is one long word.
const MAX_TYPO_LETTERS: usize = 32;
/// Prefixes shorter than this look in titles and terms only.
const PREFIX_IN_TEXT_FROM: usize = 3;
/// A fuzzy match must score at least this much per letter of the query word.
const FUZZY_SCORE_PER_LETTER: i64 = 12;

/// Built once: the automaton builders are costly to make and cheap to use.
pub struct Lookup {
    one_typo: OnceLock<LevenshteinAutomatonBuilder>,
    two_typos: OnceLock<LevenshteinAutomatonBuilder>,
    matcher: SkimMatcherV2,
}

impl Default for Lookup {
    fn default() -> Self {
        Self {
            one_typo: OnceLock::new(),
            two_typos: OnceLock::new(),
            matcher: SkimMatcherV2::default(),
        }
    }
}

impl Lookup {
    /// The automaton builder for `distance` edits (1 or 2), made on first use: the one for
    /// two edits takes about half a millisecond, which start-up need not wait for.
    fn builder(&self, distance: u8) -> &LevenshteinAutomatonBuilder {
        let cell = if distance >= 2 {
            &self.two_typos
        } else {
            &self.one_typo
        };
        cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.min(2), true))
    }

    /// Every vocabulary word `word` stands for, each once, best way first.
    pub fn matches(&self, index: &Index, word: &QueryWord) -> Vec<WordMatch> {
        let mut found = Found::default();
        let text = word.text.as_str();
        let letters = text.chars().count();
        if let Some(id) = index.exact(text) {
            found.add(WordMatch::whole(id, true));
        }
        let stem = super::stem(text);
        for &id in index.stem_siblings(&stem) {
            found.add(WordMatch::whole(id, false));
        }
        if word.prefix {
            let names_only = letters < PREFIX_IN_TEXT_FROM;
            for id in index.prefixed(text) {
                found.add(WordMatch {
                    names_only,
                    ..WordMatch::partial(id, 0)
                });
            }
        }
        let typo_from = if word.prefix {
            ONE_TYPO_WHILE_TYPING_FROM
        } else {
            ONE_TYPO_FROM
        };
        if (typo_from..=MAX_TYPO_LETTERS).contains(&letters) {
            // A word the base holds as typed is less likely a slip for another word: its
            // typo readings count one typo more.
            let known = found.matches.iter().any(|m| m.whole);
            let before = found.matches.len();
            self.typos(index, word, letters, &mut found);
            if known {
                for typo in &mut found.matches[before..] {
                    typo.typos = (typo.typos + 1).min(3);
                }
            }
        }
        if found.matches.is_empty() && (typo_from..=MAX_TYPO_LETTERS).contains(&letters) {
            self.fuzzy(index, text, &mut found);
        }
        found.matches
    }

    /// Vocabulary words within `distance` edits of `text` (1 or 2), with their edits.
    pub fn nearby(&self, index: &Index, text: &str, distance: u8) -> Vec<(u32, u8)> {
        accepted(index, &self.builder(distance).build_dfa(text))
    }

    /// Words within one edit (two for long words) of `word`, a transposition counting one.
    fn typos(&self, index: &Index, word: &QueryWord, letters: usize, found: &mut Found) {
        let builder = self.builder(if letters >= TWO_TYPOS_FROM { 2 } else { 1 });
        let dfa = if word.prefix {
            builder.build_prefix_dfa(&word.text)
        } else {
            builder.build_dfa(&word.text)
        };
        for (id, typos) in accepted(index, &dfa) {
            if !is_stop_word(index.word(id)) {
                found.add(WordMatch::partial(id, u32::from(typos.max(1))));
            }
        }
    }

    /// The last resort: vocabulary words that begin with the same letter (or one that
    /// sounds alike: "sirosis" for "cirrhosis") and hold all of `word`'s letters in order,
    /// as fuzzy-matcher scores them, within three edits. Words lacking one of its letters
    /// or of a length too far off are passed over before the matcher runs.
    fn fuzzy(&self, index: &Index, word: &str, found: &mut Found) {
        let letters = word.chars().count();
        let min_score = i64::try_from(letters).unwrap_or(i64::MAX) * FUZZY_SCORE_PER_LETTER;
        for variant in sound_alike_spellings(word) {
            let first: String = variant.chars().take(1).collect();
            let wanted = letter_set(&variant);
            for id in index.prefixed(&first) {
                if index.letters(id) & wanted != wanted {
                    continue;
                }
                let candidate = index.word(id);
                let len = candidate.chars().count();
                if len + 1 < letters || len > letters + 4 || is_stop_word(candidate) {
                    continue;
                }
                let score = self.matcher.fuzzy_match(candidate, &variant);
                if score.is_none_or(|s| s < min_score) {
                    continue;
                }
                let edits = strsim::damerau_levenshtein(word, candidate);
                if edits <= 3 {
                    let typos = if edits <= 2 { 2 } else { 3 };
                    found.add(WordMatch::partial(id, typos));
                }
            }
        }
    }
}

/// The vocabulary words `dfa` accepts, with their edits.
fn accepted(index: &Index, dfa: &DFA) -> Vec<(u32, u8)> {
    let mut stream = index.fst().search_with_state(dfa).into_stream();
    let mut out = Vec::new();
    while let Some((_, id, state)) = stream.next() {
        if let Distance::Exact(edits) = dfa.distance(state) {
            out.push((u32::try_from(id).unwrap_or(u32::MAX), edits));
        }
    }
    out
}

/// Which ASCII letters and digits `word` holds, one bit each.
pub fn letter_set(word: &str) -> u64 {
    word.bytes().fold(0, |set, b| match b {
        b'a'..=b'z' => set | 1 << (b - b'a'),
        b'0'..=b'9' => set | 1 << (26 + b - b'0'),
        _ => set,
    })
}

/// `word`, and when it begins with a letter often written for the same sound, the word
/// with that letter swapped.
fn sound_alike_spellings(word: &str) -> Vec<String> {
    const ALIKE: [(&str, &str); 6] = [
        ("s", "c"),
        ("c", "s"),
        ("k", "c"),
        ("c", "k"),
        ("f", "ph"),
        ("ph", "f"),
    ];
    let mut out = vec![word.to_owned()];
    for (from, to) in ALIKE {
        if let Some(rest) = word.strip_prefix(from) {
            out.push(format!("{to}{rest}"));
        }
    }
    out
}

impl WordMatch {
    const fn whole(id: u32, exact: bool) -> Self {
        Self {
            id,
            typos: 0,
            whole: true,
            exact,
            names_only: false,
        }
    }

    fn partial(id: u32, typos: u32) -> Self {
        Self {
            id,
            typos: u8::try_from(typos.min(3)).unwrap_or(3),
            whole: false,
            exact: false,
            names_only: false,
        }
    }
}

/// Matches so far, each vocabulary word once (its first, best, way).
#[derive(Default)]
struct Found {
    seen: FxHashSet<u32>,
    matches: Vec<WordMatch>,
}

impl Found {
    fn add(&mut self, found: WordMatch) {
        if self.seen.insert(found.id) {
            self.matches.push(found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::{Doc, Part};

    fn index(texts: &[&str]) -> Index {
        Index::build(texts.len(), |i, visit| {
            visit(Part::Title(texts[i]));
            Doc::default()
        })
    }

    fn found(index: &Index, text: &str, prefix: bool) -> Vec<(String, u8, bool)> {
        let word = QueryWord {
            text: text.to_owned(),
            prefix,
        };
        Lookup::default()
            .matches(index, &word)
            .into_iter()
            .map(|m| (index.word(m.id).to_owned(), m.typos, m.whole))
            .collect()
    }

    #[test]
    fn exact_then_stem_then_prefix() {
        let index = index(&["Reversal of scarring", "Reverse the scar", "Reversible"]);
        assert_eq!(
            found(&index, "reversal", false),
            [
                ("reversal".to_owned(), 0, true),
                ("reverse".to_owned(), 0, true),
                ("reversible".to_owned(), 0, true),
            ]
        );
        let typed = found(&index, "rev", true);
        assert_eq!(typed.len(), 3);
        assert!(typed.iter().all(|(_, typos, whole)| *typos == 0 && !whole));
    }

    #[test]
    fn typos_by_length_with_transpositions() {
        let index = index(&["Clinical trial", "Hepatocyte", "Liver"]);
        assert_eq!(
            found(&index, "trail", false),
            [("trial".to_owned(), 1, false)]
        );
        assert_eq!(found(&index, "hepatocite", false)[0].1, 1);
        assert_eq!(found(&index, "hepatocyyte", false)[0].1, 1);
        assert_eq!(found(&index, "hepatcoite", false)[0].1, 2);
        assert!(
            found(&index, "lvr", false).is_empty(),
            "no typos under four letters"
        );
        assert!(
            found(&index, "tral", true).is_empty(),
            "while typing, from five"
        );
    }

    #[test]
    fn fuzzy_inside_one_word_and_sound_alike_first_letters() {
        let index = index(&["Cirrhosis", "Carrier electrophoresis"]);
        assert_eq!(
            found(&index, "cirosis", false),
            [("cirrhosis".to_owned(), 2, false)]
        );
        assert_eq!(
            found(&index, "sirosis", false),
            [("cirrhosis".to_owned(), 3, false)]
        );
        assert!(
            found(&index, "crrhsis", false)
                .iter()
                .all(|(w, _, _)| w == "cirrhosis")
        );
        assert!(
            found(&index, "covid", false).is_empty(),
            "letters are never gathered across words"
        );
    }
}
