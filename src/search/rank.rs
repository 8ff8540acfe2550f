//! Every rule that orders search results, in one place.
//!
//! Each query word is matched on its own (see [`super::lookup`]) and, per topic, keeps its
//! best match. Topics are then ordered by, in turn:
//!
//! 1. **Whole name**: the query is, word for word (compared by stem), the topic's title
//!    (best) or one of its terms; a generated entry's title counts as a term.
//! 2. **Coverage**: the share of the query's weight the topic matched, in sixteenths. A
//!    word weighs more the fewer topics hold it (inverse document frequency), so "cost"
//!    counts and "liver" hardly does; common English words ("how", "does", "it") are left
//!    out of the query before this, unless it has nothing else. A word found only in the
//!    summary counts 85 %, only in the body 70 %: a name says what a topic is about, a
//!    word in passing does not.
//! 3. **Phrase**: the most query words in a row (two or more, common words included) that
//!    make up a title or term: "how long does it take" and the term "how long".
//! 4. **Fewer typos** over the matched words.
//! 5. **Proximity**: matched words next to each other, in order, in the title or a term.
//! 6. **Field**: title over terms over summary over body, added up over the words.
//! 7. **Exactness**: more whole words (not merely begun), then more words as typed (not
//!    another form of the same stem).
//! 8. Topics of the file before generated entries (glossary, sources).
//! 9. More of the query's common words in the title ("what the liver does").
//! 10. Shorter titles, then shallower topics, then tree order.
//!
//! **The floor**: a topic that matched less than half the query's weight is not shown,
//! unless its title or a term makes up two or more query words in a row. So a word the
//! base lacks ("banana") finds nothing, and "liver banana" finds nothing either.

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

    pub const fn matched(self) -> bool {
        self.0 != 0
    }

    const fn typos(self) -> u64 {
        3 - (self.0 >> 5) as u64
    }

    /// 3 title, 2 term, 1 summary, 0 body.
    pub const fn field(self) -> u8 {
        (self.0 >> 3) & 3
    }

    const fn whole(self) -> bool {
        self.0 & 4 != 0
    }

    const fn exact(self) -> bool {
        self.0 & 2 != 0
    }
}

pub const TITLE: u8 = 3;
pub const TERM: u8 = 2;
pub const SUMMARY: u8 = 1;
pub const BODY: u8 = 0;

/// How much of a word's weight a match counts in each field (body, summary, term, title).
const FIELD_SHARE: [f64; 4] = [0.7, 0.85, 1.0, 1.0];

/// Where no name position was recorded.
const NO_POSITION: u16 = u16::MAX;

/// One query word's matches over the whole index: its code per topic, where it stands in
/// the title and in the first term holding it, and which topics it touched.
pub struct Slot {
    codes: Vec<Code>,
    /// Per topic: the word's position in the title, and (slot << 8 | position) in a term.
    title_positions: Vec<u16>,
    term_positions: Vec<u16>,
    touched: Vec<u32>,
}

impl Slot {
    /// Collects the postings of `matches`. Names first; bodies are skipped when
    /// `names_suffice` and at least `enough` topics already matched a name without a typo,
    /// since for a one-word query no body match could then reach the list.
    pub fn fill(index: &Index, matches: &[WordMatch], names_suffice: bool, enough: usize) -> Self {
        let mut slot = Self {
            codes: vec![Code::default(); index.len()],
            title_positions: vec![NO_POSITION; index.len()],
            term_positions: vec![NO_POSITION; index.len()],
            touched: Vec::new(),
        };
        for found in matches {
            for posting in index.names(found.id) {
                slot.add_name(*found, *posting);
            }
        }
        if names_suffice {
            let clean = slot
                .touched
                .iter()
                .filter(|&&d| slot.codes[d as usize].typos() == 0);
            if clean.count() >= enough {
                return slot;
            }
        }
        for found in matches.iter().filter(|m| !m.names_only) {
            for posting in index.texts(found.id) {
                slot.add_text(*found, *posting);
            }
        }
        slot
    }

    fn add_name(&mut self, found: WordMatch, posting: NamePosting) {
        let field = if posting.slot == 0 { TITLE } else { TERM };
        let doc = posting.doc as usize;
        let positions = if posting.slot == 0 {
            &mut self.title_positions
        } else {
            &mut self.term_positions
        };
        if positions[doc] == NO_POSITION {
            positions[doc] = u16::from(posting.slot) << 8 | u16::from(posting.pos);
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

    pub fn code(&self, doc: u32) -> Code {
        self.codes[doc as usize]
    }

    /// How much a match of this word tells: ln(1 + topics / topics holding it). A word no
    /// topic holds weighs more than the rarest word, so that it alone sinks a query below
    /// the floor.
    #[allow(
        clippy::cast_precision_loss,
        reason = "counts of topics are far below 2^52"
    )]
    fn weight(&self, topics: usize) -> f64 {
        let holding = if self.touched.is_empty() {
            0.5
        } else {
            self.touched.len() as f64
        };
        (1.0 + topics as f64 / holding).ln()
    }
}

/// A topic that made the list, with what matched: bit i of `words` for query word i.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub doc: u32,
    pub key: u64,
    pub words: u8,
}

/// Topics' whole-name and phrase matches, found before ranking.
pub struct Names {
    /// (doc, 2 for a title equal to the query, 1 for a term or a generated entry's title),
    /// sorted by doc.
    pub whole: Vec<(u32, u8)>,
    /// (doc, most query words in a row, two or more, making up one of its names), sorted.
    pub phrases: Vec<(u32, u8)>,
    /// Per doc (or empty), how many of the query's common words its title holds: "what
    /// does the liver do" prefers "What the liver does" among titles holding "liver".
    pub echoes: Vec<u8>,
}

impl Names {
    fn of(list: &[(u32, u8)], doc: u32) -> u8 {
        list.binary_search_by_key(&doc, |&(d, _)| d)
            .map_or(0, |at| list[at].1)
    }
}

/// The best `limit` topics for the query words' `slots`, best first. The candidates are
/// the topics the words touched, or every topic in order when they touched many (reading
/// the codes in order is then faster than collecting them), on both cores when there are
/// many.
pub fn rank(index: &Index, slots: &[Slot], names: &Names, limit: usize) -> Vec<Ranked> {
    let topics = index.len();
    let weights: Vec<f64> = slots.iter().map(|s| s.weight(topics)).collect();
    let total: f64 = weights.iter().sum();
    let touched: usize = slots.iter().map(|s| s.touched.len()).sum();
    let candidates: Vec<u32> = if touched > topics / 4 {
        Vec::new()
    } else {
        let mut seen = vec![false; topics];
        let extra = names.whole.iter().chain(&names.phrases).map(|&(d, _)| d);
        let all = slots.iter().flat_map(|s| s.touched.iter().copied());
        all.chain(extra)
            .filter(|&doc| !std::mem::replace(&mut seen[doc as usize], true))
            .collect()
    };
    let everyone = candidates.is_empty() && touched > 0;
    let count = if everyone { topics } else { candidates.len() };
    let score_range = |range: std::ops::Range<usize>| {
        let mut ranked = Vec::new();
        for n in range {
            let doc = if everyone {
                u32::try_from(n).unwrap_or(u32::MAX)
            } else {
                candidates[n]
            };
            ranked.extend(score(index, slots, &weights, total, names, doc));
        }
        best_first(&mut ranked, limit);
        ranked
    };
    let mut ranked: Vec<Ranked> = super::in_halves(count, score_range).concat();
    best_first(&mut ranked, limit);
    ranked
}

/// One topic's key, or `None` below the floor.
fn score(
    index: &Index,
    slots: &[Slot],
    weights: &[f64],
    total: f64,
    names: &Names,
    doc: u32,
) -> Option<Ranked> {
    let (mut covered, mut weighted, mut typos, mut field, mut wholes, mut exacts, mut words) =
        (0.0, 0.0, 0, 0, 0, 0, 0u8);
    for (n, slot) in slots.iter().enumerate() {
        let code = slot.code(doc);
        if code.matched() {
            covered += weights[n];
            weighted += weights[n] * FIELD_SHARE[usize::from(code.field())];
            typos += code.typos();
            field += u64::from(code.field());
            wholes += u64::from(code.whole());
            exacts += u64::from(code.exact());
            words |= 1 << n;
        }
    }
    let whole = Names::of(&names.whole, doc);
    let phrase = Names::of(&names.phrases, doc);
    if words == 0 && whole == 0 && phrase == 0 {
        return None;
    }
    let echoes = names.echoes.get(doc as usize).copied().unwrap_or(0);
    let share = if total > 0.0 { covered / total } else { 0.0 };
    if share < 0.5 && whole == 0 && phrase < 2 {
        return None;
    }
    let facts = index.doc(doc);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a share between 0 and 1, times 16"
    )]
    let sixteenths = (weighted / total * 16.0 + 1e-9).floor() as u64;
    let key = u64::from(whole) << 62
        | sixteenths.min(31) << 57
        | u64::from(phrase.min(7)) << 54
        | (15 - typos.min(15)) << 50
        | proximity(slots, doc) << 46
        | field.min(31) << 41
        | wholes.min(15) << 37
        | exacts.min(15) << 33
        | u64::from(!facts.generated) << 32
        | u64::from(echoes.min(15)) << 28
        | u64::from(255 - facts.title_words) << 20
        | u64::from(255 - facts.depth) << 12;
    Some(Ranked { doc, key, words })
}

/// For each pair of query words in a row, 3 when they stand in the title (or in one term)
/// in order and next to each other, 2 within two words, 1 anywhere in it; at most 15.
fn proximity(slots: &[Slot], doc: u32) -> u64 {
    let doc = doc as usize;
    let score: u64 = slots
        .windows(2)
        .map(|pair| {
            let title = closeness(pair[0].title_positions[doc], pair[1].title_positions[doc]);
            let term = closeness(pair[0].term_positions[doc], pair[1].term_positions[doc]);
            title.max(term)
        })
        .sum();
    score.min(15)
}

fn closeness(a: u16, b: u16) -> u64 {
    if a == NO_POSITION || b == NO_POSITION || a >> 8 != b >> 8 {
        return 0;
    }
    match i32::from(b & 0xff) - i32::from(a & 0xff) {
        1 => 3,
        -2..=2 => 2,
        _ => 1,
    }
}

/// Keeps the `limit` best, best first, ties in tree order, without sorting the rest.
fn best_first(ranked: &mut Vec<Ranked>, limit: usize) {
    let order = |a: &Ranked, b: &Ranked| b.key.cmp(&a.key).then(a.doc.cmp(&b.doc));
    if limit == 0 {
        ranked.clear();
        return;
    }
    if ranked.len() > limit {
        ranked.select_nth_unstable_by(limit - 1, order);
        ranked.truncate(limit);
    }
    ranked.sort_unstable_by(order);
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
