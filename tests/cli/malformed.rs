//! Broken and extreme knowledge files: every one gets a clean error with a position (or is
//! read correctly), never a panic, a stack overflow or a hang.

use std::fmt::Write as _;
use std::process::Command;

use hepatree::catalog::Catalog;
use hepatree::document::Highlight;
use hepatree::knowledge::{self, EMBEDDED};
use hepatree::search::SearchIndex;

/// Parses `text` and, when it is invalid, checks every problem has a position inside it.
fn parse_cleanly(text: &str) -> bool {
    match knowledge::parse(text) {
        Ok(_) => true,
        Err(problems) => {
            assert!(!problems.is_empty());
            let lines = text.lines().count().max(1) + 1;
            for problem in problems {
                let shown = problem.to_string();
                assert!(
                    problem.position.line >= 1 && problem.position.line <= lines,
                    "{shown} outside a {lines}-line text"
                );
                assert!(
                    !problem.message.is_empty() && !shown.contains('\n'),
                    "{shown:?}"
                );
            }
            false
        }
    }
}

#[test]
fn every_prefix_cut_at_a_line_is_an_error_with_a_position() {
    let ends: Vec<usize> = EMBEDDED.match_indices('\n').map(|(i, _)| i).collect();
    for &end in &ends[..ends.len() - 2] {
        assert!(
            !parse_cleanly(&EMBEDDED[..end]),
            "a prefix of {end} bytes parsed"
        );
    }
}

/// A small deterministic generator, so failures can be replayed.
struct Mixer(u64);

impl Mixer {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        usize::try_from((z ^ (z >> 31)) % below as u64).expect("fits")
    }
}

#[test]
fn byte_mutations_never_panic() {
    const INTERESTING: &[u8] = b"()[]{}\",:\\|-_ \n\x00\x1b\xff\xc3azAZ09";
    let mut mixer = Mixer(7);
    let (mut valid, mut invalid) = (0, 0);
    for _ in 0..200 {
        let mut bytes = EMBEDDED.as_bytes().to_vec();
        for _ in 0..=mixer.next(3) {
            let at = mixer.next(bytes.len());
            let byte = INTERESTING[mixer.next(INTERESTING.len())];
            match mixer.next(3) {
                0 => bytes[at] = byte,
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        // Files that are not UTF-8 are refused before parsing (see tests/cli.rs).
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if parse_cleanly(&text) {
            valid += 1;
            // What parses must also load, index and search.
            let catalog = Catalog::new(knowledge::parse(&text).expect("valid"));
            let index = SearchIndex::new(&catalog);
            let _ = index.search(&catalog, "cells liver", 20);
        } else {
            invalid += 1;
        }
    }
    assert!(
        invalid > 50,
        "most mutations break the file ({valid} valid)"
    );
}

#[test]
fn check_reports_a_cut_file_with_its_position_and_exit_1() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("malformed");
    std::fs::create_dir_all(&dir).expect("dir");
    let ends: Vec<usize> = EMBEDDED.match_indices('\n').map(|(i, _)| i).collect();
    // Cuts before the last lines: a cut after the closing parenthesis is the whole file.
    let cuts = &ends[..ends.len() - 2];
    for &end in cuts.iter().step_by(cuts.len() / 12) {
        let file = dir.join("cut.ron");
        std::fs::write(&file, &EMBEDDED[..end]).expect("write");
        let output = Command::new(env!("CARGO_BIN_EXE_hepatree"))
            .args(["check", file.to_str().expect("path")])
            .env("HEPATREE_CACHE_DIR", crate::TEST_CACHE)
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(1));
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        let first = text.lines().next().unwrap_or_default();
        let rest = first
            .split_once("cut.ron:")
            .map(|(_, r)| r)
            .unwrap_or_default();
        let mut fields = rest.splitn(3, ':');
        let line: usize = fields.next().and_then(|l| l.parse().ok()).expect(first);
        let column: usize = fields.next().and_then(|c| c.parse().ok()).expect(first);
        assert!(line >= 1 && column >= 1, "{first}");
        assert!(!text.contains("panicked"), "{text}");
    }
}

fn topic(id: &str, body: &str, children: &str) -> String {
    format!(
        "(id: \"{id}\", title: \"T {id}\", kind: Overview, summary: \"s\", body: \"{body}\", children: [{children}])"
    )
}

fn base(topics: &str) -> String {
    format!("(title: \"T\", disclaimer: \"D\", topics: [{topics}])")
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_clearly() {
    let depth = 10_000;
    let mut text = String::from("(title: \"T\", disclaimer: \"D\", topics: [");
    for level in 0..depth {
        let _ = write!(
            text,
            "(id: \"t{level}\", title: \"T\", kind: Overview, summary: \"s\", body: \"b\", children: ["
        );
    }
    text.push_str(&"])".repeat(depth));
    text.push_str("])");
    let problems = knowledge::parse(&text).expect_err("too deep");
    assert!(
        problems[0].message.contains("nested too deeply"),
        "{}",
        problems[0]
    );
    // A depth well inside the limit reads fine.
    let mut nested = topic("d9", "b", "");
    for level in (0..9).rev() {
        nested = topic(&format!("d{level}"), "b", &nested);
    }
    assert!(knowledge::parse(&base(&nested)).is_ok());
}

#[test]
fn a_ten_megabyte_body_and_a_hundred_thousand_letter_word_are_handled() {
    let long_word = "x".repeat(100_000);
    let big_body = "liver cells and scarring. ".repeat(10 * 1024 * 1024 / 26);
    let text = base(&format!(
        "{}, {}",
        topic("word", &format!("a {long_word} b"), ""),
        topic("big", &big_body, "")
    ));
    let catalog = Catalog::new(knowledge::parse(&text).expect("valid"));
    let index = SearchIndex::new(&catalog);
    let hits = index.search(&catalog, "scarring", 5);
    assert_eq!(hits.len(), 1);
    let hits = index.search(&catalog, &long_word[..20], 5);
    assert_eq!(catalog.node(hits[0].node).id, "word");
    let word = catalog.index_of("word").expect("word");
    let document = hepatree::document::build(&catalog, word, 60, &Highlight::default());
    assert!(
        document.lines.len() > 100_000 / 60,
        "the long word is broken across lines"
    );
}

/// Real ontologies nest deeply: a 200-level file checks, searches and shows its deepest
/// topic (reading runs on a stack sized for about 500 levels).
#[test]
fn two_hundred_levels_load_search_and_show() {
    let file = "tests/fixtures/deep_200.ron";
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hepatree"))
            .args(args)
            .env("HEPATREE_CACHE_DIR", crate::TEST_CACHE)
            .output()
            .expect("run")
    };
    let check = run(&["check", file]);
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "ok: 200 topics, 0 glossary terms, 0 sources\n"
    );
    let search = run(&["-k", file, "search", "level", "200"]);
    assert!(String::from_utf8_lossy(&search.stdout).starts_with("level-200\t"));
    let show = run(&["-k", file, "show", "level-200", "--no-pager"]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("Level 199 › Level 200"));
}
