//! How text becomes search words.
//!
//! The file at load time and the query at every keystroke are read the same way, so "Ärzte" is
//! found by "arzte", "20,700" by "20700", "Child-Pugh" by "child pugh" and "childpugh", and
//! "randomised" by "randomized".
//!
//! A word is a run of letters and digits. Inside a word an apostrophe between letters is
//! dropped ("patient's" → "patients"), a comma before a group of three digits is dropped
//! ("20,700") and a full stop between digits is kept ("2.5"). A hyphen ends a word, and the
//! parts of a hyphenated compound are also given joined, as one more word marked
//! `compound`.
//!
//! Folding: compatibility decomposition with the accents dropped, lower case, a few letters
//! that do not decompose spelt out (ß → ss, æ → ae, ø → o), then British spellings put the
//! American way (see [`americanize`]), so either spelling finds the other.

mod spelling;
mod tokenizer;

pub use spelling::americanize;
use tokenizer::raw_tokens_while;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word of a text, folded, with its place in the text in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    /// Character index of the word's first character, and one past its last.
    pub start: usize,
    pub end: usize,
    /// True for the joined form of a hyphenated compound, given after its parts.
    pub compound: bool,
}

/// The folded words of `text` as owned strings, compounds left out: how a query is read.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |token| {
        if !token.compound {
            out.push(token.word.to_owned());
        }
    });
    out
}

/// Folds one word (or any text) as the index does, compounds and separators aside.
#[cfg(test)]
fn fold(text: &str) -> String {
    words(text).concat()
}

/// Calls `visit` with every word of `text`, in order.
pub fn for_each_token(text: &str, mut visit: impl FnMut(Token<'_>)) {
    tokens_while(text, |token| {
        visit(token);
        true
    });
}

/// Calls `visit` with the words of `text` in order, until it returns false.
pub fn tokens_while(text: &str, mut visit: impl FnMut(Token<'_>) -> bool) {
    let mut folded = String::new();
    raw_tokens_while(text, |raw| {
        fold_into(raw.word, &mut folded);
        visit(Token {
            word: &folded,
            ..raw
        })
    });
}

/// Calls `visit` with every word of `text` before folding (see [`fold_raw`]): for callers
/// that fold each distinct word once, as the index does.
pub fn for_each_raw_token(text: &str, mut visit: impl FnMut(Token<'_>)) {
    raw_tokens_while(text, |raw| {
        visit(raw);
        true
    });
}

/// Folds a word as given by [`for_each_raw_token`].
pub fn fold_raw(raw: &str) -> String {
    let mut folded = String::new();
    fold_into(raw, &mut folded);
    folded
}

/// Folds `raw` (letters, digits and kept full stops) into `out`.
fn fold_into(raw: &str, out: &mut String) {
    out.clear();
    if raw.is_ascii() {
        out.push_str(raw);
        out.make_ascii_lowercase();
    } else {
        for c in raw.nfkd().filter(|&c| !is_combining_mark(c)) {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'ø' | 'Ø' => out.push('o'),
                'ł' | 'Ł' => out.push('l'),
                'đ' | 'Đ' => out.push('d'),
                'ı' => out.push('i'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    americanize(out);
}

/// Common English words that say little about what a reader looks for; a query made only
/// of them is still searched. Sorted, folded.
const STOP_WORDS: [&str; 138] = [
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "done",
    "even", "ever", "for", "from", "get", "gets", "give", "gives", "go", "goes", "going", "got",
    "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "just", "know", "made", "make", "makes", "many", "me", "might",
    "mine", "more", "most", "much", "must", "my", "need", "no", "not", "now", "of", "off", "on",
    "once", "one", "only", "or", "other", "our", "out", "over", "own", "please", "really", "same",
    "say", "says", "shall", "she", "should", "so", "some", "still", "such", "take", "taken",
    "takes", "taking", "tell", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "took", "up", "us", "very", "want", "was",
    "way", "we", "went", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your",
];

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(String, usize, usize, bool)> {
        let mut out = Vec::new();
        for_each_token(text, |t| {
            out.push((t.word.to_owned(), t.start, t.end, t.compound));
        });
        out
    }

    #[test]
    fn stop_words_are_sorted_and_folded() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| fold(w) == *w));
        assert!(is_stop_word("does") && !is_stop_word("cost"));
    }

    #[test]
    fn words_fold_case_accents_and_letters_that_do_not_decompose() {
        assert_eq!(
            words("Ärzte ÜBERBLICK naïve Straße Æther"),
            ["arzte", "uberblick", "naive", "strasse", "ether"]
        );
        assert_eq!(words("ﬁbrosis"), ["fibrosis"], "ligatures decompose");
        assert_eq!(words("肝硬变 cells"), ["肝硬变", "cells"]);
    }

    #[test]
    fn digit_groups_apostrophes_and_decimals_stay_in_one_word() {
        assert_eq!(
            words("20,700 deaths; 2.5 years, 1990-2017"),
            ["20700", "deaths", "2.5", "years", "1990", "2017"]
        );
        assert_eq!(
            words("the patient's liver, patients’ stories"),
            ["the", "patients", "liver", "patients", "stories"]
        );
        assert_eq!(words("end. 2019. Then"), ["end", "2019", "then"]);
        assert_eq!(
            words("stages 3,4 and 1,2345"),
            ["stages", "3", "4", "and", "1", "2345"]
        );
        assert_eq!(words("1,234,567"), ["1234567"]);
    }

    #[test]
    fn hyphenated_compounds_give_their_parts_then_the_whole() {
        assert_eq!(
            all("Child-Pugh score"),
            [
                ("child".to_owned(), 0, 5, false),
                ("pugh".to_owned(), 6, 10, false),
                ("childpugh".to_owned(), 0, 10, true),
                ("score".to_owned(), 11, 16, false),
            ]
        );
        assert_eq!(words("G-CSF, well- known"), ["g", "csf", "well", "known"]);
    }

    #[test]
    fn character_positions_count_characters_not_bytes() {
        let tokens = all("Über naïve");
        assert_eq!(tokens[1], ("naive".to_owned(), 5, 10, false));
    }

    #[test]
    fn british_spellings_meet_american_ones() {
        for (british, american) in [
            ("randomised", "randomized"),
            ("randomisation", "randomization"),
            ("mobilisation", "mobilization"),
            ("personalised", "personalized"),
            ("analyse", "analyze"),
            ("haematopoietic", "hematopoietic"),
            ("anaemia", "anemia"),
            ("oesophageal", "esophageal"),
            ("oedema", "edema"),
            ("diarrhoea", "diarrhea"),
            ("tumour", "tumor"),
            ("tumours", "tumors"),
            ("behaviour", "behavior"),
            ("centre", "center"),
            ("fibre", "fiber"),
            ("catalogue", "catalog"),
            ("signalling", "signaling"),
            ("modelled", "modeled"),
            ("licence", "license"),
            ("behavioural", "behavioral"),
            ("odour", "odor"),
            ("centred", "centered"),
            ("practise", "practice"),
            ("sulphate", "sulfate"),
            ("dialogue", "dialog"),
        ] {
            assert_eq!(fold(british), fold(american), "{british}");
        }
        for kept in [
            "four", "hour", "your", "telling", "spelling", "algae", "does", "shoe",
        ] {
            assert_eq!(fold(kept), kept);
        }
    }
}
