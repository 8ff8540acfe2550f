//! Every rule that orders search results, in one place.
//!
//! Each query word is matched on its own (see `lookup`) and, per topic, keeps its
//! best match. Topics are then ordered by, in turn:
//!
//! 1. **Whole name**: the query is, word for word (compared by stem), the topic's title
//!    (best) or one of its terms; a generated entry's title counts as a term.
//! 2. **Coverage**: the share of the query's weight the topic matched, in sixteenths. A
//!    word weighs more the fewer topics hold it (inverse document frequency), so "cost"
//!    counts and "liver" hardly does; common English words ("how", "does", "it") are left
//!    out of the query before this, unless it has nothing else. A word's weight is reckoned
//!    from the topics holding it as typed. A word found only in the summary counts 85 %,
//!    only in the body 70 % (a name says what a topic is about, a word in passing does
//!    not), and a word read with one, two or three typos 80, 65 or 50 %.
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
//! **The floor**: a topic that matched less than half the query's weight (typos counted as
//! above) is not shown, unless its title or a term makes up two or more query words in a
//! row. A word no topic holds weighs more than any word that some topic holds, so a word
//! the base lacks, and nothing within a typo or two of it ("banana"), finds nothing, and
//! "liver banana" finds nothing either.

use super::best::Best;
use super::index::Index;
use super::slot::{Code, NO_POSITION, Slot};

/// How much of a word's weight a match counts in each field (body, summary, term, title).
const FIELD_SHARE: [f64; 4] = [0.7, 0.85, 1.0, 1.0];
/// How much of a word's weight a match counts with no typo, one, two, or three.
const TYPO_SHARE: [f64; 4] = [1.0, 0.8, 0.65, 0.5];

/// The share of a word's weight a match counts, by its field and typos.
fn share(code: Code) -> f64 {
    let typos = usize::try_from(code.typos()).unwrap_or(3).min(3);
    FIELD_SHARE[usize::from(code.field())] * TYPO_SHARE[typos]
}

/// How much a match of a word held by `holding` of `topics` topics tells: ln(1 + topics /
/// holding). A word no topic holds weighs more than the rarest word, so that it alone sinks
/// a query below the floor.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts of topics are far below 2^52"
)]
fn weight(holding: usize, topics: usize) -> f64 {
    let holding = if holding == 0 { 0.5 } else { holding as f64 };
    (topics as f64 / holding).ln_1p()
}

/// A topic that made the list, with what matched: bit i of `words` for query word i, and
/// of `by_field[f]` when word i's best match was in field f (body, summary, term, title).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub doc: u32,
    pub key: u64,
    pub words: u8,
    pub by_field: [u8; 4],
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

/// The best `limit` topics for the query words' `slots`, best first, scored on both cores
/// when there are many candidates.
pub fn rank(index: &Index, slots: &[&Slot], names: &Names, limit: usize) -> Vec<Ranked> {
    let tally = Tally::new(slots, index.len());
    let candidates = candidates(slots, names, index.len());
    let count = candidates.as_ref().map_or(index.len(), Vec::len);
    let score_range = |range: std::ops::Range<usize>| {
        let mut best = Best::new(limit);
        for n in range {
            let doc = candidates
                .as_ref()
                .map_or_else(|| u32::try_from(n).unwrap_or(u32::MAX), |list| list[n]);
            if let Some(found) = score(index, slots, &tally, names, doc) {
                best.push(found);
            }
        }
        best.into_sorted()
    };
    let mut best = Best::new(limit);
    for found in crate::parallel::in_halves(count, score_range)
        .into_iter()
        .flatten()
    {
        best.push(found);
    }
    let mut ranked = best.into_sorted();
    for found in &mut ranked {
        for (n, slot) in slots.iter().enumerate() {
            let code = slot.code(found.doc);
            if code.matched() {
                found.by_field[usize::from(code.field())] |= 1 << n;
            }
        }
    }
    ranked
}

/// The topics to score, in order: those the words touched (each once, from the first slot
/// that touched it) and those found by name; `None` for every topic, when the words touched
/// more than a quarter of them (reading the codes in order is then faster).
fn candidates(slots: &[&Slot], names: &Names, topics: usize) -> Option<Vec<u32>> {
    let touched: usize = slots.iter().map(|s| s.touched().len()).sum();
    if touched > topics / 4 {
        return None;
    }
    let matched_before =
        |doc: u32, slot: usize| slots[..slot].iter().any(|s| s.code(doc).matched());
    let mut list: Vec<u32> = slots
        .iter()
        .enumerate()
        .flat_map(|(n, s)| s.touched().iter().filter(move |&&d| !matched_before(d, n)))
        .copied()
        .collect();
    let extra = names.whole.iter().chain(&names.phrases).map(|&(d, _)| d);
    list.extend(extra.filter(|&d| !matched_before(d, slots.len())));
    list.sort_unstable();
    list.dedup();
    Some(list)
}

/// Per query word, what each of its codes adds to a topic's tally, packed in one `u64` so
/// that adding up the words adds every part at once: the word's share of the query's weight
/// as the floor counts it (less for typos) and as coverage counts it (less for typos and
/// for matches outside names), in 1/1024ths; its typos, its field, whether it was whole
/// and exact, and its bit.
struct Tally {
    tables: Vec<[u64; 128]>,
    /// The units of the whole query's weight (about 1024).
    total: u64,
}

impl Tally {
    const WEIGHTED: u32 = 12;
    const TYPOS: u32 = 24;
    const FIELD: u32 = 29;
    const WHOLE: u32 = 34;
    const EXACT: u32 = 38;
    const WORDS: u32 = 42;

    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "shares between 0 and 1, times 1024"
    )]
    fn new(slots: &[&Slot], topics: usize) -> Self {
        let weights: Vec<f64> = slots.iter().map(|s| weight(s.holding(), topics)).collect();
        let sum: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
        let units = |share: f64| (share / sum * 1024.0).round() as u64;
        let mut tables = vec![[0u64; 128]; slots.len()];
        for (n, table) in tables.iter_mut().enumerate() {
            for (value, entry) in table.iter_mut().enumerate().skip(1) {
                let code = Code::from_value(u8::try_from(value).unwrap_or(0));
                let field = code.field();
                let typos = usize::try_from(code.typos()).unwrap_or(3).min(3);
                *entry = units(weights[n] * TYPO_SHARE[typos])
                    | units(weights[n] * share(code)) << Self::WEIGHTED
                    | code.typos() << Self::TYPOS
                    | u64::from(field) << Self::FIELD
                    | u64::from(code.whole()) << Self::WHOLE
                    | u64::from(code.exact()) << Self::EXACT
                    | 1 << (Self::WORDS + u32::try_from(n).unwrap_or(0));
            }
        }
        let total = weights.iter().map(|&w| units(w)).sum();
        Self { tables, total }
    }

    fn of(&self, slots: &[&Slot], doc: u32) -> u64 {
        slots
            .iter()
            .zip(&self.tables)
            .map(|(slot, table)| table[usize::from(slot.code(doc).value() & 127)])
            .sum()
    }
}

/// One topic's key, or `None` below the floor.
fn score(index: &Index, slots: &[&Slot], tally: &Tally, names: &Names, doc: u32) -> Option<Ranked> {
    let sum = tally.of(slots, doc);
    let part = |shift: u32, bits: u32| (sum >> shift) & ((1 << bits) - 1);
    let words = u8::try_from(part(Tally::WORDS, 8)).unwrap_or(0);
    let whole = Names::of(&names.whole, doc);
    let phrase = Names::of(&names.phrases, doc);
    if words == 0 && whole == 0 && phrase == 0 {
        return None;
    }
    let covered = part(0, 12);
    if covered * 2 < tally.total && whole == 0 && phrase < 2 {
        return None;
    }
    let echoes = names.echoes.get(doc as usize).copied().unwrap_or(0);
    let facts = index.doc(doc);
    let sixteenths = part(Tally::WEIGHTED, 12) * 16 / tally.total.max(1);
    let proximity = if slots.len() > 1 {
        proximity(slots, doc)
    } else {
        0
    };
    let key = u64::from(whole) << 62
        | sixteenths.min(31) << 57
        | u64::from(phrase.min(7)) << 54
        | (15 - part(Tally::TYPOS, 5).min(15)) << 50
        | proximity << 46
        | part(Tally::FIELD, 5).min(31) << 41
        | part(Tally::WHOLE, 4) << 37
        | part(Tally::EXACT, 4) << 33
        | u64::from(!facts.generated) << 32
        | u64::from(echoes.min(15)) << 28
        | u64::from(255 - facts.title_words) << 20
        | u64::from(255 - facts.depth) << 12;
    Some(Ranked {
        doc,
        key,
        words,
        by_field: [0; 4],
    })
}

/// For each pair of query words in a row, 3 when they stand in the title (or in one term)
/// in order and next to each other, 2 within two words, 1 anywhere in it; at most 15.
fn proximity(slots: &[&Slot], doc: u32) -> u64 {
    let score: u64 = slots
        .windows(2)
        .map(|pair| {
            let (title_a, term_a) = pair[0].positions(doc);
            let (title_b, term_b) = pair[1].positions(doc);
            closeness(title_a, title_b).max(closeness(term_a, term_b))
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
