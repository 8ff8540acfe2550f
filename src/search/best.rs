//! Keeping the best few of many scored topics in bounded memory, best first, ties in tree
//! order.

use super::rank::Ranked;

/// The best `limit` of what is pushed, in bounded memory: every so often the list is cut
/// back to the best `limit`.
pub struct Best {
    limit: usize,
    kept: Vec<Ranked>,
}

impl Best {
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            kept: Vec::with_capacity(limit.saturating_mul(4).min(1 << 16)),
        }
    }

    pub fn push(&mut self, found: Ranked) {
        if self.limit == 0 {
            return;
        }
        self.kept.push(found);
        if self.kept.len() >= self.limit.saturating_mul(4).max(64) {
            best_first(&mut self.kept, self.limit);
        }
    }

    pub fn into_sorted(mut self) -> Vec<Ranked> {
        best_first(&mut self.kept, self.limit);
        self.kept
    }
}

/// Keeps the `limit` best, best first, ties in tree order, without sorting the rest.
pub fn best_first(ranked: &mut Vec<Ranked>, limit: usize) {
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

    fn ranked(doc: u32, key: u64) -> Ranked {
        Ranked {
            doc,
            key,
            words: 1,
            by_field: [0; 4],
        }
    }

    #[test]
    fn keeps_the_best_in_order_with_ties_in_tree_order() {
        let mut best = Best::new(3);
        for doc in 0..1000 {
            best.push(ranked(doc, u64::from(doc % 7)));
        }
        let kept: Vec<(u32, u64)> = best.into_sorted().iter().map(|r| (r.doc, r.key)).collect();
        assert_eq!(kept, [(6, 6), (13, 6), (20, 6)]);
        assert!(Best::new(0).into_sorted().is_empty());
    }
}
