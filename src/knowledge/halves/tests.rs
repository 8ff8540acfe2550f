use std::fmt::Write as _;

use super::*;
use crate::knowledge::{EMBEDDED, READING_STACK, RECURSION_LIMIT};

fn options() -> Options {
    Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// The file read whole, as `Debug` shows it (the model has no `PartialEq`).
fn whole(text: &str, options: &Options) -> Option<String> {
    options
        .from_str::<KnowledgeBase>(text)
        .ok()
        .map(|kb| format!("{kb:?}"))
}

fn halves(text: &str, options: &Options) -> Option<String> {
    read_any_size(text, options, READING_STACK).map(|kb| format!("{kb:?}"))
}

/// A file of `count` top-level topics, each with a child, whose text holds quotes, escapes,
/// brackets and links; the glossary follows the topics, laid out like them.
fn base(count: usize) -> String {
    let mut topics = String::new();
    for n in 0..count {
        let _ = write!(
            topics,
            "        (id: \"t{n}\", title: \"Topic {n}\", kind: Overview, summary: \"s\", \
             body: \"A \\\"quoted\\\" (aside), [[t0]] and ] or ) alone; café.\", \
             sources: [\"s\"], children: [\n            (id: \"t{n}-c\", title: \"Child\", \
             kind: Risk, summary: \"s\", body: \"x\"),\n        ]),\n"
        );
    }
    format!(
        "// A test base.\n(\n    title: \"Flat\",\n    disclaimer: \"For tests (only).\",\n    \
         sources: [\n        (id: \"s\", title: \"S [1]\", kind: Reference, year: 2020),\n    ],\n    \
         topics: [\n{topics}    ],\n    glossary: [\n        (term: \"liver\", definition: \"An organ.\"),\n    ],\n)\n"
    )
}

/// Read in halves, a file is exactly what it is read whole, or refused: never different.
fn same_or_refused(text: &str) -> bool {
    let split = halves(text, &options());
    split.is_none() || split == whole(text, &options())
}

#[test]
fn large_files_are_read_in_halves_and_read_the_same() {
    for text in [
        base(200),
        crate::synth::generate(3_000, 7),
        EMBEDDED.to_owned(),
    ] {
        let split = halves(&text, &options());
        assert!(split.is_some(), "read in halves");
        assert_eq!(split, whole(&text, &options()));
    }
    assert!(
        read(EMBEDDED, &options(), READING_STACK).is_none(),
        "small: read whole"
    );
}

/// Line comments between the topics (holding brackets and quotes) and the trailing comma
/// after the last are read past.
#[test]
fn comments_and_a_trailing_comma_between_topics_read_the_same() {
    let text = base(200).replace(
        "\n        (id: ",
        "\n        // a note, with ( [ \" in it\n        (id: ",
    );
    assert!(text.contains("]),\n    ],"), "a trailing comma");
    let split = halves(&text, &options());
    assert!(split.is_some());
    assert_eq!(split, whole(&text, &options()));
}

/// Lines inside strings that look like the start of a topic, a title holding `topics: [`,
/// extensions named in the file, a block comment or a list on one line are never misread.
#[test]
fn look_alikes_and_doubtful_files_are_never_misread() {
    let base = base(200);
    let fake = "\n        (id: \\\"fake\\\", title: \\\"x\\\", kind: Overview, summary: \\\"s\\\", body: \\\"b\\\"),";
    let in_bodies = base.replace("body: \"A ", &format!("body: \"{}A ", fake.repeat(3)));
    assert!(in_bodies.matches("\n        (id: \\\"fake").count() > 100);
    assert!(same_or_refused(&in_bodies));
    let in_title = base.replacen("title: \"", "title: \"topics: [(id: \\\"t\\\")], ", 1);
    assert!(same_or_refused(&in_title));
    let extensions = format!("#![enable(implicit_some)]\n{base}");
    assert!(halves(&extensions, &options()).is_none());
    let block = base.replacen("    topics: [", "    /* a note */ topics: [", 1);
    assert!(halves(&block, &options()).is_none());
    let one_line = base.replace('\n', " ").replace("// A test base.", "");
    assert!(halves(&one_line, &options()).is_none());
    assert!(whole(&one_line, &options()).is_some(), "which reads whole");
}

/// An attribute before a topic (which ron would read as a header where a parser starts) is
/// refused, as reading whole refuses it; so is a first topic of non-ASCII text long enough
/// for the middle of the list to fall inside a character, without a panic.
#[test]
fn attributes_inside_and_the_middle_of_a_character_are_safe() {
    let mut attribute = base(200);
    let at = attribute.find("(id: \"t150\"").expect("topic 150");
    attribute.insert_str(at, "#![type = \"x\"] ");
    assert!(whole(&attribute, &options()).is_none());
    assert!(halves(&attribute, &options()).is_none());
    let mut mid_character = 0;
    for count in [20_000, 20_001] {
        let wide = format!(
            "(\n    title: \"T\",\n    disclaimer: \"D\",\n    topics: [\n        (id: \"ab\", \
             title: \"A\", kind: Overview, summary: \"s\", body: \"{}\"),\n    ],\n)\n",
            "é".repeat(count)
        );
        let first = wide.find("(id:").expect("topic");
        let end = wide.rfind("\n    ]").expect("end");
        if !wide.is_char_boundary(first + (end - first) / 2) {
            mid_character += 1;
        }
        assert!(same_or_refused(&wide));
    }
    assert_eq!(mid_character, 1, "one middle falls inside a character");
}

/// A problem in either half, or in the rest of the file, refuses the halves; the file read
/// whole then reports it.
#[test]
fn a_problem_anywhere_refuses_the_halves() {
    let base = base(200);
    let mut late = base.clone();
    late.insert_str(
        base.rfind("(id: \"t").expect("a topic") + 1,
        "colour: \"red\", ",
    );
    let mut early = base.clone();
    early.insert_str(
        base.find("(id: \"t").expect("a topic") + 1,
        "colour: \"red\", ",
    );
    let outside = base.replacen("term: \"", "tern: \"", 1);
    let unclosed = base.replacen("    ],\n    glossary", "    \n    glossary", 1);
    for text in [late, early, outside, unclosed] {
        assert!(halves(&text, &options()).is_none());
        assert!(whole(&text, &options()).is_none());
    }
}

/// However deep the topics, the halves never accept what reading whole refuses.
#[test]
fn nesting_the_whole_refuses_is_refused_in_halves_too() {
    let tight = options().with_recursion_limit(60);
    let leaf = "(id: \"x\", title: \"x\", kind: Overview, summary: \"s\", body: \"b\")";
    let mut refused_whole = 0;
    for depth in 1..40 {
        let mut chain = leaf.to_owned();
        for level in 0..depth {
            chain = format!(
                "(id: \"l{level}\", title: \"t\", kind: Overview, summary: \"s\", body: \"b\", children: [{chain}])"
            );
        }
        let topics = [leaf, leaf, &chain, leaf, leaf].join(",\n        ");
        let text = format!(
            "(\n    title: \"T\",\n    disclaimer: \"D\",\n    topics: [\n        {topics},\n    ],\n)"
        );
        if whole(&text, &tight).is_none() {
            refused_whole += 1;
            assert!(halves(&text, &tight).is_none(), "depth {depth}");
        } else if depth < 8 {
            assert!(
                halves(&text, &tight).is_some(),
                "depth {depth} reads in halves"
            );
        }
    }
    assert!(refused_whole > 0, "the limit was reached");
}

mod property {
    use proptest::prelude::*;

    use super::{base, same_or_refused};

    const PIECES: [&str; 14] = [
        "\"",
        "(",
        ")",
        "[",
        "]",
        ",",
        "//",
        "/*",
        "#![x]",
        "\n        (",
        "é",
        "\\",
        "r#\"",
        "\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Whatever is put wherever in a file, reading it in halves gives what reading it
        /// whole gives, or gives up.
        #[test]
        fn edits_anywhere_never_make_the_halves_differ(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..PIECES.len()), 1..4)
        ) {
            let mut text = base(60);
            for (at, piece) in edits {
                let mut at = at.index(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, PIECES[piece]);
            }
            prop_assert!(same_or_refused(&text));
        }
    }
}
