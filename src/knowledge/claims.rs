//! Claims: what the source articles say, each with a verdict from the evidence, so a reader
//! holding a promotional article can see whether it holds and how we know.

use serde::Deserialize;

/// One claim an article makes.
#[derive(Debug, Clone, Deserialize, bitcode::Encode, bitcode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Kebab-case, unique among claims.
    pub id: String,
    /// The claim in the guide's own words, as the articles put it.
    pub text: String,
    /// The articles (sources of kind `Article`) that make it.
    pub articles: Vec<String>,
    pub verdict: Verdict,
    /// What studies found, in a few plain sentences, with links.
    pub evidence: String,
    /// The references (sources of kind `Reference`) behind the verdict.
    #[serde(default)]
    pub references: Vec<String>,
    /// The topic that explains it.
    pub topic: String,
}

/// What the evidence says about a claim.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    bitcode::Encode,
    bitcode::Decode,
)]
pub enum Verdict {
    /// The evidence backs the claim as stated.
    Supported,
    /// Some studies back it and others do not, or it holds only in part.
    Mixed,
    /// Studies looked and did not find it.
    NotShown,
    /// No adequate study in people.
    Untested,
}

impl Verdict {
    pub const ALL: [Self; 4] = [Self::Supported, Self::Mixed, Self::NotShown, Self::Untested];

    /// The verdict as a badge reads it, in words, so it survives without colour.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Mixed => "mixed",
            Self::NotShown => "not shown",
            Self::Untested => "untested",
        }
    }

    /// The verdict as the tsv output and `--verdict` write it.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Mixed => "mixed",
            Self::NotShown => "not-shown",
            Self::Untested => "untested",
        }
    }

    /// What the verdict means, in a few words.
    pub const fn meaning(self) -> &'static str {
        match self {
            Self::Supported => "the evidence backs it",
            Self::Mixed => "some studies back it, others do not, or it holds only in part",
            Self::NotShown => "studies looked and did not find it",
            Self::Untested => "no adequate study in people has tested it",
        }
    }

    /// The section title of the claims with this verdict.
    pub const fn heading(self) -> &'static str {
        match self {
            Self::Supported => "Supported by the evidence",
            Self::Mixed => "Mixed evidence",
            Self::NotShown => "Not shown by studies",
            Self::Untested => "Not tested in people",
        }
    }
}
