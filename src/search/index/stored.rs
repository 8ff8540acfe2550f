//! The index as the cache stores it (see `crate::cache`): the tables as they are, the
//! vocabulary automaton as its bytes. What is read back is checked before it is used, so a
//! damaged or forged entry is refused instead of indexing out of bounds later.

use super::{Index, Lists, Tables};

impl Index {
    /// The automaton's bytes and the tables, for the cache to write.
    pub fn parts(&self) -> (&[u8], &Tables) {
        (self.fst.as_fst().as_bytes(), &self.tables)
    }

    /// The index from parts the cache read, if they agree with each other and describe
    /// `docs` entries; `None` otherwise.
    pub fn from_parts(vocabulary: Vec<u8>, tables: Tables, docs: usize) -> Option<Self> {
        let fst = fst::Map::new(vocabulary).ok()?;
        (fst.len() == tables.words.len() && tables.docs.len() == docs && tables.sound())
            .then_some(Self { fst, tables })
    }
}

impl Tables {
    /// Whether every list spans its items and every number points at something that exists.
    fn sound(&self) -> bool {
        let words = self.words.len();
        let docs = self.docs.len();
        let Some(groups) = self.stem_words.offsets.len().checked_sub(1) else {
            return false;
        };
        let fits = |n: u32, len: usize| (n as usize) < len;
        self.words.windows(2).all(|w| w[0] < w[1])
            && self.letter_sets.len() == words
            && self.names.spans(words)
            && self.texts.spans(words)
            && self.stem_words.spans(groups)
            && self.names.items.iter().all(|p| fits(p.doc, docs))
            && self.texts.items.iter().all(|p| fits(p.doc(), docs))
            && self.stem_words.items.iter().all(|&w| fits(w, words))
            && self.stem_groups.values().all(|&g| fits(g, groups))
            && self.whole_names.iter().all(|&(_, p)| fits(p >> 1, docs))
    }
}

impl<T> Lists<T> {
    /// Whether the lists are `count` well-formed ranges over the items.
    fn spans(&self, count: usize) -> bool {
        self.offsets.len() == count + 1
            && self.offsets.first() == Some(&0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self.offsets.last() == Some(&self.items.len())
    }
}
