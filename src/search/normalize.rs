//! How text becomes search words, the same way for the file at load time and for the query
//! at every keystroke: so "Ärzte" is found by "arzte", "20,700" by "20700", "Child-Pugh" by
//! "child pugh" and "childpugh", and "randomised" by "randomized".
//!
//! A word is a run of letters and digits. Inside a word an apostrophe between letters is
//! dropped ("patient's" → "patients"), a comma between digits is dropped (digit groups) and
//! a full stop between digits is kept ("2.5"). A hyphen ends a word, and the parts of a
//! hyphenated compound are also given joined, as one more word marked `compound`.
//!
//! Folding: compatibility decomposition with the accents dropped, lower case, a few letters
//! that do not decompose spelt out (ß → ss, æ → ae, ø → o), then British spellings put the
//! American way (see [`americanize`]), so either spelling finds the other.

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
pub fn fold(text: &str) -> String {
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
    let going = std::cell::Cell::new(true);
    let mut visit = |token: Token<'_>| {
        if going.get() {
            going.set(visit(token));
        }
    };
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
        } else if tokenizer.in_word() && joins_word(previous, c, next) {
            if c == '.' {
                tokenizer.raw.push('.');
            }
        } else if tokenizer.in_word() && is_hyphen(c) && next.is_alphanumeric() {
            tokenizer.end_part(at, &mut visit);
        } else {
            tokenizer.end_word(at, &mut visit);
        }
        previous = c;
    }
    tokenizer.end_word(end, &mut visit);
}

/// A character that continues a word: an apostrophe between letters, a comma or full stop
/// between digits.
fn joins_word(previous: char, c: char, next: char) -> bool {
    match c {
        '\'' | '\u{2019}' => previous.is_alphabetic() && next.is_alphabetic(),
        ',' | '.' => previous.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[derive(Default)]
struct Tokenizer {
    /// The current word's characters, joiners removed.
    raw: String,
    folded: String,
    start: Option<usize>,
    /// The joined parts of a hyphenated compound so far, and where it began.
    compound: String,
    compound_start: usize,
    parts: usize,
}

impl Tokenizer {
    fn in_word(&self) -> bool {
        self.start.is_some()
    }

    fn push(&mut self, at: usize, c: char) {
        if self.start.is_none() {
            self.start = Some(at);
            if self.parts == 0 {
                self.compound_start = at;
            }
        }
        self.raw.push(c);
    }

    /// Ends a part of a hyphenated compound, which goes on after the hyphen.
    fn end_part(&mut self, at: usize, visit: &mut impl FnMut(Token<'_>)) {
        if let Some(start) = self.start.take() {
            fold_into(&self.raw, &mut self.folded);
            self.raw.clear();
            visit(Token {
                word: &self.folded,
                start,
                end: at,
                compound: false,
            });
            self.compound.push_str(&self.folded);
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

/// British spellings put the American way, on lowercase ASCII words: -ise/-yse endings,
/// -our, -tre/-bre, -ogue, doubled l before -ing/-ed/-er, ae and initial oe. Applied to
/// the file and the query alike, so a rare word bent out of shape still meets itself.
pub fn americanize(word: &mut String) {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    ae_to_e(word);
    replace_ending(word, 6, &ISE_ENDINGS);
    replace_ending(word, 5, &OTHER_ENDINGS);
    our_to_or(word);
    doubled_l(word);
}

/// (British, American) endings; the first that fits is replaced.
const ISE_ENDINGS: [(&str, &str); 12] = [
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yser", "yzer"),
    ("yse", "yze"),
];

const OTHER_ENDINGS: [(&str, &str); 10] = [
    ("tres", "ters"),
    ("tre", "ter"),
    ("bres", "bers"),
    ("bre", "ber"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("manoeuvre", "maneuver"),
];

fn replace_ending(word: &mut String, min_len: usize, endings: &[(&str, &str)]) {
    if word.len() < min_len {
        return;
    }
    if let Some((british, american)) = endings.iter().find(|(b, _)| word.ends_with(b)) {
        word.truncate(word.len() - british.len());
        word.push_str(american);
    }
}

/// "haem" → "hem", "anaemia" → "anemia", "oedema" → "edema", "diarrhoea" → "diarrhea",
/// "foetal" → "fetal", "coeliac" → "celiac"; an ending "ae" (algae) stays.
fn ae_to_e(word: &mut String) {
    // Each pattern with the offset of the letter it drops.
    const PATTERNS: [(&str, usize); 4] = [("ae", 0), ("rhoe", 2), ("foet", 1), ("coel", 1)];
    if word.starts_with("oe") {
        word.remove(0);
    }
    for (pattern, drop) in PATTERNS {
        while let Some(at) = word.find(pattern) {
            if at + drop + 2 >= word.len() {
                break;
            }
            word.remove(at + drop);
        }
    }
}

/// Words whose "our" is not a British -our.
const OUR_KEPT: [&str; 14] = [
    "four", "your", "hour", "tour", "pour", "sour", "dour", "flour", "devour", "contour", "detour",
    "scour", "ours", "yours",
];

/// "colour", "tumours", "favoured" → "color", "tumors", "favored".
fn our_to_or(word: &mut String) {
    const ENDINGS: [&str; 7] = [
        "our", "ours", "oured", "ouring", "ourable", "ourite", "ourful",
    ];
    let Some(ending) = ENDINGS.iter().find(|e| word.ends_with(**e)) else {
        return;
    };
    let at = word.len() - ending.len();
    let base = &word[..at + 3];
    if at < 2 || OUR_KEPT.iter().any(|kept| base.ends_with(kept)) {
        return;
    }
    word.remove(at + 1);
}

/// "modelling", "signalled", "traveller" → "modeling", "signaled", "traveler", when at
/// least three letters come before the doubled l ("telling" and "spelling" stay).
fn doubled_l(word: &mut String) {
    for ending in ["elling", "elled", "eller", "alling", "alled"] {
        if word.len() >= ending.len() + 3 && word.ends_with(ending) {
            let at = word.len() - ending.len() + 2;
            word.remove(at);
            return;
        }
    }
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
