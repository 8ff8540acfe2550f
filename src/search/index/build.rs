//! Building the index: each entry's words numbered as they come (on two threads, each
//! over half the entries, then joined), then sorted into the vocabulary, with the postings
//! laid out by word, the stems grouped and the whole names hashed by stem.

use rustc_hash::FxHashMap;

use super::super::lookup::letter_set;
use super::super::normalize::{Token, fold_raw, for_each_raw_token, words};
use super::{Doc, Index, Lists, NamePosting, Part, Tables, TextPosting, hash_groups, to_u32};

/// Terms after this many are not indexed as names (their words still count as text).
const MAX_SLOTS: usize = 254;

/// The index while it is built: words by a temporary number, in order of first use.
#[derive(Default)]
pub struct Builder {
    /// Folded word → number, and the same for each word as written, so that each distinct
    /// written word is folded once (folding is most of the cost of reading a word).
    numbers: FxHashMap<Box<str>, u32>,
    raw_numbers: FxHashMap<Box<str>, u32>,
    /// The same for written words of up to 16 bytes (nearly all), packed into a number:
    /// comparing two numbers is much cheaper than comparing two strings.
    short_numbers: FxHashMap<u128, u32>,
    /// Per word number: where it stands in names, and which texts hold it. Two vectors, so
    /// that the text postings (most of them) lie close together.
    names: Vec<Vec<NamePosting>>,
    texts: Vec<Vec<TextPosting>>,
    /// Every title and term as word numbers, one after the other, and where each begins
    /// (doc << 1 | 1 for a title, start, length): hashed by stem once the words are known.
    name_words: Vec<u32>,
    name_list: Vec<(u32, u32, u32)>,
    docs: Vec<Doc>,
}

impl Builder {
    pub fn add(&mut self, doc: usize, entry: &impl Fn(usize, &mut dyn FnMut(Part<'_>)) -> Doc) {
        let number = to_u32(doc);
        let mut title_words = 0;
        let mut slot = 0usize;
        let mut facts = entry(doc, &mut |part| match part {
            Part::Title(title) => {
                title_words = self.add_name(number, 0, title);
                if let Some(bare) = without_qualifier(title) {
                    let (packed, start, _) = self.name_list[self.name_list.len() - 1];
                    let words = words(bare).len();
                    self.name_list.push((packed, start, to_u32(words)));
                }
            }
            Part::Citation(title) => {
                title_words = words(title).len();
                self.add_text(number, title, TextPosting::SUMMARY);
                let start = to_u32(self.name_words.len());
                for_each_raw_token(title, |token| {
                    if !token.compound {
                        let word = self.raw_number(token.word);
                        self.name_words.push(word);
                    }
                });
                let words = to_u32(self.name_words.len()) - start;
                self.name_list.push((number << 1 | 1, start, words));
            }
            Part::Alias(term) => {
                slot += 1;
                match u8::try_from(slot) {
                    Ok(n) if slot <= MAX_SLOTS => {
                        self.add_name(number, n, term);
                    }
                    _ => self.add_text(number, term, TextPosting::SUMMARY),
                }
            }
            Part::Summary(text) => self.add_text(number, text, TextPosting::SUMMARY),
            Part::Body(text) => self.add_text(number, text, TextPosting::BODY),
        });
        facts.title_words = u8::try_from(title_words).unwrap_or(u8::MAX);
        self.docs.push(facts);
    }

    /// Adds a title or term's words with their positions; returns how many words it has.
    fn add_name(&mut self, doc: u32, slot: u8, name: &str) -> usize {
        let start = self.name_words.len();
        let mut postings_from = Vec::new();
        let mut pos = 0u8;
        for_each_raw_token(name, |Token { word, compound, .. }| {
            let number = self.raw_number(word);
            if !compound {
                self.name_words.push(number);
            }
            let at = if compound { pos.saturating_sub(1) } else { pos };
            postings_from.push((number, at));
            if !compound {
                pos = pos.saturating_add(1);
            }
        });
        let words = self.name_words.len() - start;
        self.name_list.push((
            doc << 1 | u32::from(slot == 0),
            to_u32(start),
            to_u32(words),
        ));
        let len = u8::try_from(words).unwrap_or(u8::MAX);
        for (number, at) in postings_from {
            let list = &mut self.names[number as usize];
            let posting = NamePosting {
                doc,
                slot,
                pos: at,
                len,
            };
            if list.last() != Some(&posting) {
                list.push(posting);
            }
        }
        words
    }

    fn add_text(&mut self, doc: u32, text: &str, field: u32) {
        for_each_raw_token(text, |token| {
            let number = self.raw_number(token.word);
            let list = &mut self.texts[number as usize];
            match list.last_mut() {
                Some(previous) if previous.doc() == doc => previous.0 |= field,
                _ => list.push(TextPosting(doc << 2 | field)),
            }
        });
    }

    fn raw_number(&mut self, raw: &str) -> u32 {
        if let Some(packed) = pack(raw) {
            if let Some(&number) = self.short_numbers.get(&packed) {
                return number;
            }
            let number = self.number(&fold_raw(raw));
            self.short_numbers.insert(packed, number);
            return number;
        }
        if let Some(&number) = self.raw_numbers.get(raw) {
            return number;
        }
        let number = self.number(&fold_raw(raw));
        self.raw_numbers.insert(raw.into(), number);
        number
    }

    fn number(&mut self, word: &str) -> u32 {
        if let Some(&number) = self.numbers.get(word) {
            return number;
        }
        let number = to_u32(self.texts.len());
        self.numbers.insert(word.into(), number);
        self.names.push(Vec::new());
        self.texts.push(Vec::new());
        number
    }

    /// Adds an index built over later topics than this one's.
    pub fn append(&mut self, later: Self) {
        let mut postings: Vec<Option<_>> =
            later.names.into_iter().zip(later.texts).map(Some).collect();
        let mut renumber = vec![0u32; postings.len()];
        for (word, number) in later.numbers {
            let Some((names, texts)) = postings[number as usize].take() else {
                continue;
            };
            let mine = self.number(&word);
            renumber[number as usize] = mine;
            self.names[mine as usize].extend(names);
            self.texts[mine as usize].extend(texts);
        }
        let shift = to_u32(self.name_words.len());
        self.name_words
            .extend(later.name_words.iter().map(|&n| renumber[n as usize]));
        self.name_list.extend(
            later
                .name_list
                .into_iter()
                .map(|(packed, start, len)| (packed, start + shift, len)),
        );
        self.docs.extend(later.docs);
    }

    pub fn finish(self) -> Index {
        let mut vocabulary: Vec<(Box<str>, u32)> = self.numbers.into_iter().collect();
        vocabulary.sort_unstable();
        let mut postings: Vec<Option<_>> =
            self.names.into_iter().zip(self.texts).map(Some).collect();
        let mut rank_of = vec![0u32; postings.len()];
        let mut names = Vec::with_capacity(vocabulary.len());
        let mut texts = Vec::with_capacity(vocabulary.len());
        for (rank, (_, number)) in vocabulary.iter().enumerate() {
            rank_of[*number as usize] = to_u32(rank);
            let (n, t) = postings[*number as usize].take().unwrap_or_default();
            names.push(n);
            texts.push(t);
        }
        let words: Vec<Box<str>> = vocabulary.into_iter().map(|(w, _)| w).collect();
        let fst = fst::Map::from_iter(words.iter().enumerate().map(|(i, w)| (&**w, i as u64)))
            .unwrap_or_default();
        let (stem_groups, group_of, stem_words) = group_stems(&words);
        let mut whole_names: Vec<(u64, u32)> = self
            .name_list
            .iter()
            .map(|&(packed, start, len)| {
                let numbers = &self.name_words[start as usize..(start + len) as usize];
                let groups = numbers
                    .iter()
                    .map(|&n| group_of[rank_of[n as usize] as usize]);
                (hash_groups(groups), packed)
            })
            .collect();
        whole_names.sort_unstable();
        whole_names.dedup();
        Index {
            fst,
            tables: Tables {
                names: Lists::from_ordered(names.into_iter()),
                texts: Lists::from_ordered(texts.into_iter()),
                letter_sets: words.iter().map(|w| letter_set(w)).collect(),
                words,
                stem_groups,
                stem_words,
                whole_names,
                docs: self.docs,
            },
        }
    }
}

/// A word of up to 16 bytes as one number. Words hold no zero byte, so the zero padding
/// keeps different words apart.
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 16 {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(packed))
}

/// A title without a trailing qualifier in brackets: "Fat tissue (adipose-derived cells)"
/// is also the whole name "fat tissue".
fn without_qualifier(title: &str) -> Option<&str> {
    let trimmed = title.trim_end();
    let open = trimmed.strip_suffix(')')?.rfind(" (")?;
    Some(&trimmed[..open]).filter(|bare| !bare.trim().is_empty())
}

/// Words by their English stem: "reversal", "reverse" and "reversed" share "revers".
/// Returns the groups by stem, each word's group, and each group's words.
fn group_stems(words: &[Box<str>]) -> (FxHashMap<Box<str>, u32>, Vec<u32>, Lists<u32>) {
    let mut groups: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut group_of = Vec::with_capacity(words.len());
    let mut members: Vec<Vec<u32>> = Vec::new();
    for (id, word) in words.iter().enumerate() {
        let stem = super::super::stem(word);
        let group = *groups.entry(stem.as_ref().into()).or_insert_with(|| {
            members.push(Vec::new());
            to_u32(members.len() - 1)
        });
        group_of.push(group);
        members[group as usize].push(to_u32(id));
    }
    (groups, group_of, Lists::from_ordered(members.into_iter()))
}
