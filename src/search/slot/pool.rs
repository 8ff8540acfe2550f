//! Slots kept between searches, so that a keystroke reuses the words it did not change.

use std::sync::{Mutex, PoisonError};

use super::super::lookup::{QueryWord, WordMatch};
use super::Slot;

/// What a slot was filled for: a query word, whether it was the only one, and how many
/// results were wanted (see [`Slot::fill`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub word: QueryWord,
    pub alone: bool,
    pub enough: usize,
}

/// A filled slot with the vocabulary words that filled it.
pub struct Used {
    pub filled: Filled,
    pub matches: Vec<WordMatch>,
    pub slot: Slot,
}

/// Slots kept between searches: the last search's, still filled, since typing usually
/// changes only the last word and every earlier word's slot can be used again as it is;
/// and blank ones.
#[derive(Default)]
pub struct Pool(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    used: Vec<Used>,
    blank: Vec<Slot>,
}

impl Pool {
    /// A slot for each of `wanted`: the last search's when it was filled the same way, else
    /// a blank one that `fill` fills, returning the matches it used.
    pub fn take(
        &self,
        wanted: Vec<Filled>,
        topics: usize,
        fill: impl Fn(&Filled, &mut Slot) -> Vec<WordMatch>,
    ) -> Vec<Used> {
        let taken: Vec<Taken> = {
            let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            wanted
                .into_iter()
                .map(|filled| kept.take(filled, topics))
                .collect()
        };
        // Filled with the pool unlocked: filling is the slow part.
        taken
            .into_iter()
            .map(|taken| match taken {
                Taken::Reused(used) => used,
                Taken::Blank(filled, mut slot) => {
                    let matches = fill(&filled, &mut slot);
                    Used {
                        filled,
                        matches,
                        slot,
                    }
                }
            })
            .collect()
    }

    /// Keeps `used` for the next search; the slots it did not reuse become blank again.
    pub fn give(&self, used: Vec<Used>) {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let stale = std::mem::replace(&mut kept.used, used);
        for Used { mut slot, .. } in stale {
            slot.clear();
            kept.blank.push(slot);
        }
    }
}

/// A slot taken from the pool: filled already, or blank and to be filled as asked.
enum Taken {
    Reused(Used),
    Blank(Filled, Slot),
}

impl Kept {
    /// The last search's slot filled as `filled` asks, or a blank one to fill.
    fn take(&mut self, filled: Filled, topics: usize) -> Taken {
        if let Some(at) = self.used.iter().position(|u| u.filled == filled) {
            let used = self.used.swap_remove(at);
            if used.slot.codes.len() == topics {
                return Taken::Reused(used);
            }
        }
        let slot = self.blank_slot(topics);
        Taken::Blank(filled, slot)
    }

    fn blank_slot(&mut self, topics: usize) -> Slot {
        while let Some(slot) = self.blank.pop() {
            if slot.codes.len() == topics {
                return slot;
            }
        }
        Slot::blank(topics)
    }
}
