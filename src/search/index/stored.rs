//! The index as the cache stores it (see `crate::cache`): the tables as they are, the
//! vocabulary automaton as its bytes. What is read back is checked before it is used, so a
//! damaged or forged entry is refused instead of indexing out of bounds later.

use super::{Index, Lists, Tables, TextPosting};

/// The text postings, most of the index, are stored in this many pieces, so that writing
/// them never holds a second copy of them all (at 100,000 topics, 77 MB more at the peak).
const POSTING_PIECES: usize = 4;

/// How many cache sections the tables take: one per table, the text postings in pieces.
pub const TABLE_SECTIONS: usize = 8 + POSTING_PIECES;

impl Index {
    /// The automaton's bytes and the tables, for the cache to write.
    pub fn parts(&self) -> (&[u8], &Tables) {
        (self.fst.as_fst().as_bytes(), &self.tables)
    }

    /// The index from parts the cache read, if they agree with each other and describe
    /// `docs` entries; `None` otherwise.
    pub fn from_parts(vocabulary: Vec<u8>, tables: Tables, docs: usize) -> Option<Self> {
        let fst = fst::Map::new(vocabulary).ok()?;
        let sound = tables.docs.len() == docs && tables.sound() && numbers_words(&fst, &tables);
        sound.then_some(Self { fst, tables })
    }
}

/// Whether the automaton maps the n-th vocabulary word to n, and nothing else.
fn numbers_words(fst: &fst::Map<Vec<u8>>, tables: &Tables) -> bool {
    use fst::Streamer;
    let mut stream = fst.stream();
    let mut n = 0usize;
    while let Some((word, number)) = stream.next() {
        let matches = tables
            .words
            .get(n)
            .is_some_and(|w| w.as_bytes() == word && number == n as u64);
        if !matches {
            return false;
        }
        n += 1;
    }
    n == tables.words.len()
}

impl Tables {
    /// Section `i` (below [`TABLE_SECTIONS`]) of the tables as the cache stores them.
    pub fn encode_section(&self, i: usize) -> Vec<u8> {
        match i {
            0 => bitcode::encode(&self.words),
            1 => bitcode::encode(&self.letter_sets),
            2 => bitcode::encode(&self.names),
            3 => bitcode::encode(&self.stem_groups),
            4 => bitcode::encode(&self.stem_words),
            5 => bitcode::encode(&self.whole_names),
            6 => bitcode::encode(&self.docs),
            7 => bitcode::encode(&self.texts.offsets),
            n => bitcode::encode(self.posting_piece(n - 8)),
        }
    }

    fn posting_piece(&self, n: usize) -> &[TextPosting] {
        let items = &self.texts.items;
        let size = items.len().div_ceil(POSTING_PIECES);
        let start = (n * size).min(items.len());
        &items[start..(start + size).min(items.len())]
    }

    /// The tables from their sections in order, as [`Self::encode_section`] made them;
    /// `None` when one is missing or does not decode. Whether they hold together is
    /// checked after, with the automaton.
    pub fn from_sections(mut sections: impl Iterator<Item = Option<Vec<u8>>>) -> Option<Self> {
        let mut next = || sections.next().flatten();
        let mut tables = Self {
            words: decode(next())?,
            letter_sets: decode(next())?,
            names: decode(next())?,
            stem_groups: decode(next())?,
            stem_words: decode(next())?,
            whole_names: decode(next())?,
            docs: decode(next())?,
            texts: Lists {
                offsets: decode(next())?,
                items: Vec::new(),
            },
        };
        for n in 0..POSTING_PIECES {
            let piece: Vec<TextPosting> = decode(next())?;
            if n == 0 {
                // The pieces are of one size but the last: room for all of them at once,
                // sized by what was read rather than by offsets that could be forged.
                let room = piece.len() * (POSTING_PIECES - 1);
                tables.texts.items = piece;
                tables.texts.items.reserve(room);
            } else {
                tables.texts.items.extend(piece);
            }
        }
        Some(tables)
    }

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

fn decode<T: bitcode::DecodeOwned>(bytes: Option<Vec<u8>>) -> Option<T> {
    bitcode::decode(&bytes?).ok()
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

#[cfg(test)]
mod tests {
    use super::super::{Doc, Index, Part, Tables, TextPosting};
    use super::{POSTING_PIECES, TABLE_SECTIONS};

    type Forgery = (&'static str, fn(&mut Index));

    fn index() -> Index {
        let texts = ["Scarring of the liver", "Cells from fat tissue"];
        Index::build(texts.len(), |i, visit| {
            visit(Part::Title(texts[i]));
            visit(Part::Body("more words here"));
            Doc::default()
        })
    }

    fn read_back(index: &Index) -> Option<Index> {
        let (vocabulary, tables) = index.parts();
        Index::from_parts(vocabulary.to_vec(), tables.clone(), index.len())
    }

    fn sections(tables: &Tables) -> Vec<Vec<u8>> {
        (0..TABLE_SECTIONS)
            .map(|i| tables.encode_section(i))
            .collect()
    }

    /// The tables come back from their sections as they were, however few postings there
    /// are to share among the pieces; a missing section gives nothing.
    #[test]
    fn tables_read_back_from_their_sections() {
        let one = Index::build(1, |_, visit| {
            visit(Part::Body("liver"));
            Doc::default()
        });
        for index in [index(), one] {
            let tables = &index.tables;
            assert!(
                tables.texts.items.len() < POSTING_PIECES * 4,
                "pieces of a few"
            );
            let stored = sections(tables);
            let back = Tables::from_sections(stored.iter().cloned().map(Some)).expect("reads");
            assert_eq!(back.texts.items, tables.texts.items);
            assert_eq!(back.words, tables.words);
            // Every table but the stem map (a hash map, whose order its history decides)
            // stores as it did; the map holds the same pairs.
            let again = sections(&back);
            for i in (0..TABLE_SECTIONS).filter(|&i| i != 3) {
                assert_eq!(again[i], stored[i], "section {i}");
            }
            assert_eq!(back.stem_groups, tables.stem_groups);
            let mut short = stored.into_iter().map(Some).collect::<Vec<_>>();
            short[TABLE_SECTIONS - 1] = None;
            assert!(Tables::from_sections(short.into_iter()).is_none());
        }
    }

    /// Each way forged tables or a forged automaton could index out of bounds.
    #[test]
    fn sound_parts_read_back_and_no_forged_ones_do() {
        assert!(read_back(&index()).is_some());
        let forgeries: [Forgery; 6] = [
            ("a posting past the last topic", |i| {
                let past = u32::try_from(i.len()).expect("small");
                i.tables.texts.items[0] = TextPosting(past << 2 | TextPosting::BODY);
            }),
            ("lists out of order", |i| i.tables.names.offsets.swap(1, 2)),
            ("a word without its letters", |i| {
                i.tables.letter_sets.pop();
            }),
            ("words out of order", |i| i.tables.words.swap(0, 1)),
            ("a stem group past the last", |i| {
                i.tables.stem_groups.insert("zz".into(), u32::MAX);
            }),
            ("an automaton numbering words wrongly", |i| {
                let words = i.tables.words.iter().enumerate();
                let numbered = words.map(|(n, w)| (w.as_bytes().to_vec(), n as u64 + 1));
                i.fst = fst::Map::from_iter(numbered).expect("sorted");
            }),
        ];
        for (what, forge) in forgeries {
            let mut forged = index();
            forge(&mut forged);
            assert!(read_back(&forged).is_none(), "{what} was accepted");
        }
    }
}
