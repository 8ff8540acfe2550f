//! One query word's matches over the whole index, as ranking reads them: a one-byte code per
//! topic saying how well the word matched there, where it stands in the topic's names, and
//! which topics it touched. Slots are as long as the index and are kept between searches
//! ([`Pool`]): a search then writes into memory that is already there rather than asking
//! for (and faulting in) a few hundred kilobytes per word on every keystroke, and a word
//! typed before is not looked up again.

mod pool;

pub use pool::{Filled, Pool, Used};

use super::index::{Index, NamePosting, TextPosting};
use super::lookup::WordMatch;

/// How well a query word matched in one topic, in one byte whose order is the order of
/// preference: fewer typos, then the better field, then whole, then exact. Zero: no match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Code(u8);

impl Code {
    const MATCHED: u8 = 1;

    fn new(found: WordMatch, field: u8) -> Self {
        Self(
            Self::MATCHED
                | u8::from(found.exact) << 1
                | u8::from(found.whole) << 2
                | field << 3
                | (3 - found.typos.min(3)) << 5,
        )
    }

    /// The code a byte stands for (see [`Self::value`]).
    pub const fn from_value(value: u8) -> Self {
        Self(value)
    }

    pub const fn value(self) -> u8 {
        self.0
    }

    pub const fn matched(self) -> bool {
        self.0 != 0
    }

    pub const fn typos(self) -> u64 {
        3 - (self.0 >> 5) as u64
    }

    /// 3 title, 2 term, 1 summary, 0 body.
    pub const fn field(self) -> u8 {
        (self.0 >> 3) & 3
    }

    pub const fn whole(self) -> bool {
        self.0 & 4 != 0
    }

    pub const fn exact(self) -> bool {
        self.0 & 2 != 0
    }
}

pub const TITLE: u8 = 3;
pub const TERM: u8 = 2;
pub const SUMMARY: u8 = 1;
pub const BODY: u8 = 0;

/// Where no name position was recorded.
pub const NO_POSITION: u16 = u16::MAX;

/// One query word's matches over the whole index: its code per topic, where it stands in
/// the title and in the first term where a posting put it, and which topics it touched.
pub struct Slot {
    codes: Vec<Code>,
    /// Per topic: the word's position in the title, and (slot << 8 | position) in a term.
    title_positions: Vec<u16>,
    term_positions: Vec<u16>,
    touched: Vec<u32>,
    /// How many topics hold the word as typed (itself, another form, or a word it begins),
    /// once filled.
    holding: usize,
}

impl Slot {
    fn blank(topics: usize) -> Self {
        Self {
            codes: vec![Code::default(); topics],
            title_positions: vec![NO_POSITION; topics],
            term_positions: vec![NO_POSITION; topics],
            touched: Vec::new(),
            holding: 0,
        }
    }

    /// Collects the postings of `matches` into this blank slot. Names first. For the query's
    /// only word (`alone`), positions are not kept (there is no pair of words to be near
    /// each other), and bodies are skipped once at least `enough` topics matched a name
    /// without a typo, since no body match could then reach the list.
    pub fn fill(&mut self, index: &Index, matches: &[WordMatch], alone: bool, enough: usize) {
        for found in matches {
            for posting in index.names(found.id) {
                self.add_name(*found, *posting, !alone);
            }
        }
        if !(alone && self.count_holding() >= enough) {
            for found in matches.iter().filter(|m| !m.names_only) {
                for posting in index.texts(found.id) {
                    self.add_text(*found, *posting);
                }
            }
        }
        self.holding = self.count_holding();
    }

    /// The topics touched without a typo.
    fn count_holding(&self) -> usize {
        let codes = &self.codes;
        self.touched
            .iter()
            .filter(|&&d| codes[d as usize].typos() == 0)
            .count()
    }

    /// Makes the slot blank again, touching only what was set when that is little.
    fn clear(&mut self) {
        if self.touched.len() > self.codes.len() / 8 {
            self.codes.fill(Code::default());
            self.title_positions.fill(NO_POSITION);
            self.term_positions.fill(NO_POSITION);
        } else {
            for &doc in &self.touched {
                let doc = doc as usize;
                self.codes[doc] = Code::default();
                self.title_positions[doc] = NO_POSITION;
                self.term_positions[doc] = NO_POSITION;
            }
        }
        self.touched.clear();
        self.holding = 0;
    }

    /// How many topics hold the word as typed: what its weight is reckoned from, since the
    /// words a typo away say nothing of how rare the word is. When nothing holds it as
    /// typed, how many topics any reading of it touched.
    pub const fn holding(&self) -> usize {
        if self.holding > 0 {
            self.holding
        } else {
            self.touched.len()
        }
    }

    pub fn touched(&self) -> &[u32] {
        &self.touched
    }

    fn add_name(&mut self, found: WordMatch, posting: NamePosting, positions: bool) {
        let field = if posting.slot == 0 { TITLE } else { TERM };
        let doc = posting.doc as usize;
        if positions {
            let positions = if posting.slot == 0 {
                &mut self.title_positions
            } else {
                &mut self.term_positions
            };
            if positions[doc] == NO_POSITION {
                positions[doc] = u16::from(posting.slot) << 8 | u16::from(posting.pos);
            }
        }
        self.raise(doc, Code::new(found, field));
    }

    fn add_text(&mut self, found: WordMatch, posting: TextPosting) {
        let field = if posting.in_summary() { SUMMARY } else { BODY };
        self.raise(posting.doc() as usize, Code::new(found, field));
    }

    fn raise(&mut self, doc: usize, code: Code) {
        let old = self.codes[doc];
        if !old.matched() {
            self.touched.push(u32::try_from(doc).unwrap_or(u32::MAX));
        }
        if code > old {
            self.codes[doc] = code;
        }
    }

    /// The word's place in the topic's title and in a term: [`NO_POSITION`] or
    /// (slot << 8 | position).
    pub fn positions(&self, doc: u32) -> (u16, u16) {
        (
            self.title_positions[doc as usize],
            self.term_positions[doc as usize],
        )
    }

    pub fn code(&self, doc: u32) -> Code {
        self.codes[doc as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(typos: u8, whole: bool, exact: bool) -> WordMatch {
        WordMatch {
            id: 0,
            typos,
            whole,
            exact,
            names_only: false,
        }
    }

    #[test]
    fn codes_prefer_fewer_typos_then_field_then_whole_then_exact() {
        let exact_body = Code::new(found(0, true, true), BODY);
        let typo_title = Code::new(found(1, false, false), TITLE);
        let prefix_title = Code::new(found(0, false, false), TITLE);
        let stem_title = Code::new(found(0, true, false), TITLE);
        let exact_title = Code::new(found(0, true, true), TITLE);
        assert!(typo_title < exact_body);
        assert!(exact_body < prefix_title);
        assert!(prefix_title < stem_title && stem_title < exact_title);
        assert!(Code::new(found(3, false, false), BODY).matched());
        assert_eq!(exact_title.field(), TITLE);
        assert_eq!(typo_title.typos(), 1);
    }
}
