//! The fuzzy pass over titles and terms (fuzzy-matcher's skim algorithm, each query word on
//! its own, all required), with a cheap pre-check so that most entries never reach it.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::catalog::Node;
use crate::knowledge::Kind;

/// Tiers, best first. A fuzzy match whose characters are scattered across the text counts
/// below a real word found in a body.
pub const TITLE: u8 = 4;
pub const TERM: u8 = 3;
pub const BODY: u8 = 2;
pub const LOOSE: u8 = 1;

/// Which ASCII letters and digits a text holds, one bit each. A query can only match a text
/// whose set holds every such character of the query, and comparing two sets costs far less
/// than running the matcher. Other characters are left out: case folding outside ASCII is
/// the matcher's business.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(u64);

impl CharSet {
    pub fn of(text: &str) -> Self {
        Self(text.chars().fold(0, |set, c| set | bit(c)))
    }

    pub fn of_all<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self(texts.into_iter().fold(0, |set, t| set | Self::of(t).0))
    }

    pub const fn holds(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// Case-folded, as the matcher ignores case.
fn bit(c: char) -> u64 {
    match c.to_ascii_lowercase() {
        c @ 'a'..='z' => 1 << (c as u32 - 'a' as u32),
        c @ '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

/// What a node's best title or term match was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyMatch {
    /// `None` for the title, `Some(n)` for the n-th term.
    pub term: Option<usize>,
    pub tier: u8,
    pub score: i64,
    pub indices: Vec<usize>,
}

pub struct Fuzzy {
    matcher: SkimMatcherV2,
    /// Per node: the characters of its title, and of its title and terms together.
    sets: Vec<(CharSet, CharSet)>,
}

impl Fuzzy {
    /// `sets` holds [`Fuzzy::sets_of`] for every node, in order.
    pub fn new(sets: Vec<(CharSet, CharSet)>) -> Self {
        Self {
            matcher: SkimMatcherV2::default().ignore_case(),
            sets,
        }
    }

    /// The characters of a node's title, and of its title and terms together.
    pub fn sets_of(node: &Node) -> (CharSet, CharSet) {
        let names = std::iter::once(&node.title).chain(&node.terms);
        (
            CharSet::of(&node.title),
            CharSet::of_all(names.map(String::as_str)),
        )
    }

    /// The best match of every query word in the node's title or one of its terms.
    pub fn best(
        &self,
        index: usize,
        node: &Node,
        parts: &[&str],
        wanted: CharSet,
    ) -> Option<FuzzyMatch> {
        let (title_set, any_set) = self.sets[index];
        if !any_set.holds(wanted) {
            return None;
        }
        let title = title_set
            .holds(wanted)
            .then(|| self.all_parts(&node.title, parts))
            .flatten()
            .map(|(score, indices)| (None, TITLE, score, indices));
        // The best-scoring term competes with the title; on a tie the term wins.
        let term = node
            .terms
            .iter()
            .enumerate()
            .filter_map(|(n, term)| {
                self.all_parts(term, parts)
                    .map(|(score, indices)| (Some(n), TERM, score, indices))
            })
            .max_by_key(|(_, _, score, _)| *score);
        [title, term]
            .into_iter()
            .flatten()
            .map(|(term, tier, score, indices)| FuzzyMatch {
                term,
                tier: effective_tier(tier, &indices, parts, node.kind),
                score,
                indices,
            })
            .max_by_key(|m| (m.tier, m.score))
    }

    /// Every part must match `text`; returns the summed score and all matched indices.
    fn all_parts(&self, text: &str, parts: &[&str]) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut indices = Vec::new();
        for part in parts {
            let (score, found) = self.matcher.fuzzy_indices(text, part)?;
            total += score;
            indices.extend(found);
        }
        indices.sort_unstable();
        indices.dedup();
        Some((total, indices))
    }
}

/// A fuzzy match counts fully only when its characters form one run per query word (two for
/// words of five letters or more, to forgive a slip); entries of the generated sources branch
/// never outrank topics.
fn effective_tier(tier: u8, indices: &[usize], parts: &[&str], kind: Kind) -> u8 {
    let runs = indices.windows(2).filter(|w| w[1] != w[0] + 1).count() + 1;
    let allowed: usize = parts
        .iter()
        .map(|p| if p.chars().count() >= 5 { 2 } else { 1 })
        .sum();
    let tier = if runs > allowed { LOOSE } else { tier };
    if kind == Kind::Reference {
        tier.min(LOOSE)
    } else {
        tier
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_sets_fold_case_and_lump_other_scripts() {
        assert!(CharSet::of("Hepatocyte").holds(CharSet::of("HEP")));
        assert!(!CharSet::of("liver").holds(CharSet::of("lz")));
        assert!(
            CharSet::of("naive").holds(CharSet::of("NAÏVE")),
            "only ASCII counts"
        );
        assert!(!CharSet::of("Über").holds(CharSet::of("zü")));
    }

    #[test]
    fn scattered_fuzzy_matches_drop_below_body_words() {
        let tier = |indices: &[usize], parts: &[&str]| {
            effective_tier(TITLE, indices, parts, Kind::Overview)
        };
        assert_eq!(tier(&[0, 1, 2], &["abc"]), TITLE);
        assert_eq!(
            tier(&[0, 1, 5], &["abc"]),
            LOOSE,
            "short words must match in one run"
        );
        assert_eq!(
            tier(&[0, 1, 2, 7, 8], &["abcde"]),
            TITLE,
            "long words may have one break"
        );
        assert_eq!(tier(&[0, 4, 9], &["a", "bc"]), LOOSE);
        assert_eq!(tier(&[0, 4, 5], &["a", "bc"]), TITLE);
        assert_eq!(
            effective_tier(TITLE, &[0, 1], &["ab"], Kind::Reference),
            LOOSE
        );
        const { assert!(LOOSE < BODY) };
    }
}
