//! Wrapping the shipped base at any width `show` may use: no line starts with punctuation
//! that belongs to the word before it, and no web address is cut.

use std::sync::LazyLock;

use hepatree::catalog::{Catalog, NodeId};
use hepatree::document::{self, Highlight};
use hepatree::knowledge;
use proptest::prelude::*;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let (_, kb) = knowledge::load(None).expect("the shipped base is valid");
    Catalog::new(kb)
});

/// Every web address the base holds, to tell a whole one from a piece.
static ADDRESSES: LazyLock<Vec<String>> = LazyLock::new(|| {
    CATALOG
        .sources
        .iter()
        .filter_map(|s| s.url.clone())
        .collect()
});

fn check(node: NodeId, width: usize) -> Result<(), TestCaseError> {
    let text = document::build(&CATALOG, node, width, &Highlight::default()).plain();
    // Table rows are cells side by side: a word longer than its column is cut there.
    for line in text.lines().filter(|l| !l.contains(" │ ")) {
        let start = line.trim_start();
        prop_assert!(
            !start.starts_with(['.', ',', ';', ':', ')', '!', '?']),
            "{line:?} at {width}"
        );
        let hyphen_continued = start
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(char::is_alphanumeric));
        prop_assert!(!hyphen_continued, "{line:?} at {width}");
        for word in start.split_whitespace().filter(|w| w.contains("://")) {
            let address = word.trim_end_matches(['.', ',', ')']);
            prop_assert!(
                ADDRESSES.iter().any(|a| a == address),
                "{address:?} is cut at {width}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn no_line_starts_with_closing_punctuation_and_no_address_is_cut(
        pick in 0..10_000usize,
        width in 30..=120usize,
    ) {
        let node = NodeId::new(pick % CATALOG.len());
        check(node, width)?;
    }
}

/// Every entry at the widths readers meet most, so the common cases never depend on luck.
#[test]
fn every_entry_wraps_cleanly_at_common_widths() {
    for node in CATALOG.ids() {
        for width in [30, 48, 57, 76, 80, 100, 120] {
            check(node, width).expect("clean wrapping");
        }
    }
}
