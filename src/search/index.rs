//! The prepared index the ranking reads: a sorted vocabulary of folded words (with an fst
//! over it for typo automata), for each word where it occurs in names (titles and terms,
//! with positions) and in texts (summaries and bodies), groups of words that share an
//! English stem, a table of whole names, and a few facts per topic.
//!
//! A word's id is its rank in the sorted vocabulary, so the words starting with a prefix
//! are one contiguous range of ids.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

mod build;
mod stored;

pub use stored::TABLE_SECTIONS;

use build::Builder;

/// One use of a word in a topic's title (slot 0) or its n-th term (slot n + 1): where in
/// that name it stands and how many words the name has, for proximity and exactness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub struct NamePosting {
    pub doc: u32,
    pub slot: u8,
    pub pos: u8,
    pub len: u8,
}

/// A topic whose summary or body holds a word; once per topic, the fields packed beside
/// the topic number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub struct TextPosting(u32);

impl TextPosting {
    pub const SUMMARY: u32 = 1;
    pub const BODY: u32 = 2;

    pub const fn doc(self) -> u32 {
        self.0 >> 2
    }

    pub const fn in_summary(self) -> bool {
        self.0 & Self::SUMMARY != 0
    }
}

/// How many topics the index can number.
pub const MAX_DOCS: usize = 1 << 30;

/// What ranking needs to know of a topic besides its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, bitcode::Encode, bitcode::Decode)]
pub struct Doc {
    /// Filled in by the index from the title.
    pub title_words: u8,
    pub depth: u8,
    /// An entry the catalog made (glossary, sources) rather than a topic of the file.
    pub generated: bool,
}

/// Lists per word in one flat vector: word `i` owns `items[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default, bitcode::Encode, bitcode::Decode)]
struct Lists<T> {
    offsets: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy> Lists<T> {
    fn from_ordered(lists: impl Iterator<Item = Vec<T>>) -> Self {
        let mut out = Self {
            offsets: vec![0],
            items: Vec::new(),
        };
        for list in lists {
            out.items.extend(list);
            out.offsets.push(out.items.len());
        }
        out.items.shrink_to_fit();
        out
    }

    fn get(&self, i: usize) -> &[T] {
        &self.items[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// A piece of a catalog entry's text, as the index reads it: the title first, then the
/// aliases in order, then the summary and the body's plain text in pieces.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Title(&'a str),
    /// A title that is a citation (a source entry): a whole name, but its words count as a
    /// summary's, since readers do not type a paper's title to find a topic.
    Citation(&'a str),
    Alias(&'a str),
    Summary(&'a str),
    Body(&'a str),
}

pub struct Index {
    /// Vocabulary word → id, for the typo automata.
    fst: fst::Map<Vec<u8>>,
    tables: Tables,
}

/// Everything of the index but the automaton, in the form the cache stores.
#[derive(Debug, Clone)]
pub struct Tables {
    words: Vec<Box<str>>,
    /// Per word, the ASCII letters and digits it holds (see [`super::lookup::letter_set`]).
    letter_sets: Vec<u64>,
    names: Lists<NamePosting>,
    texts: Lists<TextPosting>,
    /// Stem → group, and each group's words.
    stem_groups: FxHashMap<Box<str>, u32>,
    stem_words: Lists<u32>,
    /// (hash of a whole name, doc << 1 | 1 for a title, 0 for a term), sorted.
    whole_names: Vec<(u64, u32)>,
    docs: Vec<Doc>,
}

impl Index {
    /// Indexes `count` entries: `entry(i, visit)` gives entry i's text to `visit` piece by
    /// piece and returns what else ranking needs of it. Built in two halves on two threads
    /// when there are many (on a 100,000-topic file this is a large part of start-up).
    pub fn build(
        count: usize,
        entry: impl Fn(usize, &mut dyn FnMut(Part<'_>)) -> Doc + Sync,
    ) -> Self {
        let count = count.min(MAX_DOCS);
        let mut builder = Builder::default();
        for half in crate::parallel::in_halves(count, |range| {
            let mut half = Builder::default();
            for doc in range {
                half.add(doc, &entry);
            }
            half
        }) {
            builder.append(half);
        }
        builder.finish()
    }

    pub const fn len(&self) -> usize {
        self.tables.docs.len()
    }

    pub const fn is_empty(&self) -> bool {
        self.tables.docs.is_empty()
    }

    pub fn doc(&self, doc: u32) -> Doc {
        self.tables.docs[doc as usize]
    }

    pub const fn fst(&self) -> &fst::Map<Vec<u8>> {
        &self.fst
    }

    pub fn letters(&self, id: u32) -> u64 {
        self.tables.letter_sets[id as usize]
    }

    pub fn word(&self, id: u32) -> &str {
        &self.tables.words[id as usize]
    }

    pub const fn vocabulary_len(&self) -> usize {
        self.tables.words.len()
    }

    pub fn exact(&self, word: &str) -> Option<u32> {
        let at = self
            .tables
            .words
            .binary_search_by(|w| (**w).cmp(word))
            .ok()?;
        u32::try_from(at).ok()
    }

    /// The ids of the words that start with `prefix` (the word itself included).
    pub fn prefixed(&self, prefix: &str) -> Range<u32> {
        let start = self.tables.words.partition_point(|w| &**w < prefix);
        let end = start + self.tables.words[start..].partition_point(|w| w.starts_with(prefix));
        to_u32(start)..to_u32(end)
    }

    /// The words sharing `stem`.
    pub fn stem_siblings(&self, stem: &str) -> &[u32] {
        self.tables
            .stem_groups
            .get(stem)
            .map_or(&[], |&group| self.tables.stem_words.get(group as usize))
    }

    pub fn names(&self, id: u32) -> &[NamePosting] {
        self.tables.names.get(id as usize)
    }

    pub fn texts(&self, id: u32) -> &[TextPosting] {
        self.tables.texts.get(id as usize)
    }

    /// The stem group of a folded word, when some word of the base has its stem.
    pub fn stem_group(&self, word: &str) -> Option<u32> {
        self.tables.stem_groups.get(&*super::stem(word)).copied()
    }

    /// The topics with a title (`true`) or term (`false`) made of exactly these words, given
    /// by their stem groups.
    pub fn whole_names(&self, groups: &[u32]) -> impl Iterator<Item = (u32, bool)> + '_ {
        let hash = hash_groups(groups.iter().copied());
        let start = self.tables.whole_names.partition_point(|&(h, _)| h < hash);
        self.tables.whole_names[start..]
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, packed)| (packed >> 1, packed & 1 == 1))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn hash_groups(groups: impl Iterator<Item = u32>) -> u64 {
    let mut hasher = FxHasher::default();
    for group in groups {
        group.hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        let entries: [(&str, &[&str], &str); 2] = [
            ("Fat tissue (adipose-derived cells)", &[], "Cells from fat."),
            (
                "What cirrhosis is",
                &["scar tissue"],
                "Scarring of the liver.",
            ),
        ];
        Index::build(entries.len(), |i, visit| {
            let (title, terms, summary) = entries[i];
            visit(Part::Title(title));
            for term in terms {
                visit(Part::Alias(term));
            }
            visit(Part::Summary(summary));
            visit(Part::Body("Body words here."));
            Doc {
                depth: 1,
                ..Doc::default()
            }
        })
    }

    #[test]
    fn prefixes_are_ranges_of_ids_and_stems_group_words() {
        let index = index();
        let range = index.prefixed("cel");
        let found: Vec<&str> = range.map(|id| index.word(id)).collect();
        assert_eq!(found, ["cells"]);
        let scar = index.exact("scarring").expect("indexed");
        let siblings: Vec<&str> = index
            .stem_siblings(&super::super::stem("scarred"))
            .iter()
            .map(|&id| index.word(id))
            .collect();
        assert_eq!(siblings, ["scar", "scarring"]);
        assert_eq!(index.texts(scar)[0].doc(), 1);
        assert!(index.texts(scar)[0].in_summary());
    }

    #[test]
    fn names_record_slot_position_and_length() {
        let index = index();
        let tissue = index.exact("tissue").expect("indexed");
        let names = index.names(tissue);
        assert_eq!(
            names[0],
            NamePosting {
                doc: 0,
                slot: 0,
                pos: 1,
                len: 5
            }
        );
        assert_eq!(
            names[1],
            NamePosting {
                doc: 1,
                slot: 1,
                pos: 1,
                len: 2
            }
        );
        let compound = index.exact("adiposederived").expect("compound");
        assert_eq!(index.names(compound)[0].pos, 3);
    }

    #[test]
    fn whole_names_cover_titles_terms_and_titles_without_their_qualifier() {
        let index = index();
        let find = |words: &[&str]| -> Vec<(u32, bool)> {
            let groups: Option<Vec<u32>> = words.iter().map(|w| index.stem_group(w)).collect();
            index.whole_names(&groups.expect("known words")).collect()
        };
        assert_eq!(find(&["fat", "tissue"]), [(0, true)]);
        assert_eq!(find(&["scar", "tissue"]), [(1, false)]);
        assert_eq!(
            find(&["scars", "tissues"]),
            [(1, false)],
            "compared by stem"
        );
        assert_eq!(find(&["what", "cirrhosis", "is"]), [(1, true)]);
        assert!(find(&["cirrhosis"]).is_empty());
        assert_eq!(index.doc(0).title_words, 5);
    }

    #[test]
    fn the_fst_holds_every_word_by_id() {
        let index = index();
        assert_eq!(index.fst().len(), index.vocabulary_len());
        let id = index.exact("liver").expect("indexed");
        assert_eq!(index.fst().get("liver"), Some(u64::from(id)));
    }
}
