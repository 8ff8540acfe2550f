//! The claim check of the shipped base: every claim of the articles' outline is covered
//! (the mapping is kept in `claims_map.tsv`), every article has claims, and every claim's
//! topic exists.

use std::collections::{BTreeMap, HashSet};

use hepatree::catalog::Catalog;
use hepatree::knowledge::{self, SourceKind, Verdict};

const MAP: &str = include_str!("claims_map.tsv");

fn catalog() -> Catalog {
    let (_, kb) = knowledge::load(None).expect("the shipped base is valid");
    Catalog::new(kb)
}

#[test]
fn every_outline_claim_is_covered_by_a_claim_of_the_base() {
    let catalog = catalog();
    let ids: HashSet<&str> = catalog.claims.iter().map(|c| c.id.as_str()).collect();
    let mut items = HashSet::new();
    for line in MAP
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (item, claim) = line.split_once('\t').expect("item<TAB>claim");
        assert!(items.insert(item), "{item} is listed twice");
        assert!(
            ids.contains(claim),
            "{item} maps to `{claim}`, which the base lacks"
        );
    }
    assert_eq!(items.len(), 85, "the outline has 85 items");
    assert!(
        catalog.claims.len() >= 80,
        "{} claims",
        catalog.claims.len()
    );
    let mapped: HashSet<&str> = MAP
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(_, c)| c)
        .collect();
    for claim in &catalog.claims {
        assert!(
            mapped.contains(claim.id.as_str()),
            "{} covers no outline item",
            claim.id
        );
    }
}

#[test]
fn every_article_makes_claims_and_every_claim_has_a_topic_and_a_verdict() {
    let catalog = catalog();
    for source in catalog
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Article)
    {
        let made = catalog
            .claims
            .iter()
            .filter(|c| c.articles.contains(&source.id))
            .count();
        assert!(made > 0, "{} makes no claim", source.id);
    }
    let mut per_verdict: BTreeMap<Verdict, usize> = BTreeMap::new();
    for claim in &catalog.claims {
        assert!(catalog.index_of(&claim.topic).is_some(), "{}", claim.id);
        assert!(catalog.index_of(&format!("claim:{}", claim.id)).is_some());
        *per_verdict.entry(claim.verdict).or_default() += 1;
    }
    assert!(
        per_verdict.len() == 4,
        "every verdict is used: {per_verdict:?}"
    );
}
