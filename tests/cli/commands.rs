//! The command line as scripts see it: exact output formats and exit codes.

use std::fmt::Write as _;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_hepatree");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("HEPATREE_CACHE_DIR", crate::TEST_CACHE)
        .output()
        .expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8")
}

#[test]
fn check_accepts_the_embedded_base() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let line = stdout(&output);
    assert!(
        line.starts_with("ok: ") && line.ends_with(" sources\n"),
        "{line}"
    );
}

#[test]
fn check_counts_a_valid_file() {
    let output = run(&["check", "tests/fixtures/small.ron"]);
    assert_eq!(
        stdout(&output),
        "ok: 7 topics, 2 glossary terms, 2 sources\n"
    );
    assert_eq!(output.status.code(), Some(0));
    let via_flag = run(&["--knowledge", "tests/fixtures/small.ron", "check"]);
    assert_eq!(stdout(&via_flag), stdout(&output));
}

#[test]
fn check_reports_each_malformed_fixture_with_its_position() {
    let cases = [
        ("syntax_error", "3:5: Expected comma"),
        (
            "missing_field",
            "5:14: topic `a` has no `summary` (it is required)",
        ),
        (
            "unknown_field",
            "5:75: topic `a` has an unknown field `see_allso`; did you mean `see_also`?",
        ),
        (
            "duplicate_id",
            "6:14: duplicate topic id `same` (first at 5:14)",
        ),
        (
            "dangling_link",
            "6:74: topic `a` links to unknown topic `nowhere`",
        ),
    ];
    for (name, expected) in cases {
        let file = format!("tests/fixtures/{name}.ron");
        let output = run(&["check", &file]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let first = stdout(&output)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(
            first.starts_with(&format!("{file}:{expected}")),
            "{name}: {first}"
        );
    }
}

#[test]
fn check_lists_every_problem_not_just_the_first() {
    let output = run(&["check", "tests/fixtures/dangling_link.ron"]);
    let expected = "\
tests/fixtures/dangling_link.ron:6:74: topic `a` links to unknown topic `nowhere`
tests/fixtures/dangling_link.ron:7:28: `a` sources names unknown source `ghost`
tests/fixtures/dangling_link.ron:7:49: `a` see_also names unknown topic `missing`
tests/fixtures/dangling_link.ron:8:14: topic `b` has an empty title
";
    assert_eq!(stdout(&output), expected);
}

/// Missing and unknown fields, unknown kinds and ids, and a duplicate, all in one run, each
/// where it stands, naming its record and the closest valid name.
#[test]
fn check_reports_every_kind_of_problem_in_one_run_with_suggestions() {
    let output = run(&["check", "tests/fixtures/many_problems.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let expected = "\
tests/fixtures/many_problems.ron:4:49: source `soil` has an unknown kind `Refrence`; did you mean `Reference`?
tests/fixtures/many_problems.ron:6:14: topic `roots` has no `summary` (it is required)
tests/fixtures/many_problems.ron:6:45: topic `roots` has an unknown kind `Mechanisim`; did you mean `Mechanism`?
tests/fixtures/many_problems.ron:6:57: topic `roots` has an unknown field `sumary`; did you mean `summary`?
tests/fixtures/many_problems.ron:6:81: topic `roots` links to unknown topic `rots`; did you mean `roots`?
tests/fixtures/many_problems.ron:7:20: `roots` sources names unknown source `soyl`; did you mean `soil`?
tests/fixtures/many_problems.ron:7:40: `roots` see_also names unknown topic `waterng`; did you mean `watering`?
tests/fixtures/many_problems.ron:8:14: topic `watering` has no `summary` (it is required)
tests/fixtures/many_problems.ron:9:14: duplicate topic id `roots` (first at 6:14)
tests/fixtures/many_problems.ron:11:23: glossary term `Loam` has no `definition` (it is required)
tests/fixtures/many_problems.ron:11:31: glossary term `Loam` has an unknown field `definiton`; did you mean `definition`?
tests/fixtures/many_problems.ron:11:61: `Loam` related names unknown topic `root`; did you mean `roots`?
";
    assert_eq!(stdout(&output), expected);
}

/// A file with very many problems lists the first hundred and counts the rest.
#[test]
fn a_long_list_of_problems_is_capped() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("capped");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut topics = String::new();
    for n in 0..150 {
        let _ = writeln!(
            topics,
            "(id: \"t{n}\", title: \"T\", kind: Overview, summary: \"s\", body: \"[[gone]]\"),"
        );
    }
    let file = dir.join("capped.ron");
    std::fs::write(
        &file,
        format!("(title: \"T\", disclaimer: \"D\", topics: [{topics}])"),
    )
    .expect("file");
    let output = run(&["check", &file.to_string_lossy()]);
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 101, "{text}");
    assert!(
        text.trim_end().ends_with("… and 50 more problems"),
        "{text}"
    );
}

#[test]
fn unreadable_files_are_one_line_errors() {
    for (path, reason) in [
        ("tests/fixtures/none.ron", "no such file"),
        ("tests/fixtures", "it is a directory"),
        ("Cargo.lock", "Expected"),
    ] {
        let output = run(&["check", path]);
        assert_eq!(output.status.code(), Some(1), "{path}");
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert_eq!(all.lines().count(), 1, "{all}");
        assert!(all.contains(reason), "{all}");
    }
    let explorer = run(&["check", "tests/fixtures/none.ron"]);
    assert_eq!(explorer.status.code(), Some(1));
    assert_eq!(
        stderr(&explorer),
        "hepatree: cannot read tests/fixtures/none.ron: no such file\n"
    );
}

#[test]
fn search_prints_id_tab_breadcrumb_best_first() {
    let output = run(&[
        "-k",
        "tests/fixtures/small.ron",
        "search",
        "water",
        "--limit",
        "2",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "watering\tCare > Watering\nroots\tHow plants grow > Roots and soil\n"
    );
}

#[test]
fn search_joins_words_and_fails_without_hits() {
    let output = run(&["-k", "tests/fixtures/small.ron", "search", "copper", "tape"]);
    assert_eq!(stdout(&output), "pests\tCare > Pests\n");
    let none = run(&["-k", "tests/fixtures/small.ron", "search", "zqxv"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none), "");
    assert_eq!(
        String::from_utf8_lossy(&none.stderr),
        "hepatree: no topic matches `zqxv`; not in this knowledge base: zqxv\n"
    );
    // One word the base lacks sinks the query: no partial hits for the word it has.
    let partial = run(&[
        "-k",
        "tests/fixtures/small.ron",
        "search",
        "watering",
        "banana",
    ]);
    assert_eq!(partial.status.code(), Some(1));
    assert_eq!(stdout(&partial), "");
}

#[test]
fn show_prints_the_topic_as_plain_text() {
    let output = run(&[
        "-k",
        "tests/fixtures/small.ron",
        "show",
        "welcome",
        "--width",
        "50",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("Top › Welcome\nWelcome\noverview\n"),
        "{text}"
    );
    let joined = text.replace('\n', " ");
    assert!(
        joined.contains("Start with How plants grow or jump to the pests."),
        "links become labels: {text}"
    );
    assert!(text.contains("[1] The Grower's Almanac."), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
}

#[test]
fn show_suggests_close_ids() {
    let output = run(&["-k", "tests/fixtures/small.ron", "show", "water"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "hepatree: no topic with id `water`; did you mean: watering?\n"
    );
}

#[test]
fn export_writes_markdown_following_the_tree() {
    let output = run(&[
        "-k",
        "tests/fixtures/small.ron",
        "export",
        "--format",
        "markdown",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("# Garden Handbook\n\n> For practice only."),
        "{text}"
    );
    assert!(
        text.contains("<a id=\"roots\"></a>\n### Roots and soil\n"),
        "{text}"
    );
    assert!(
        text.contains("- Clay holds water but drains slowly.\n- Sand"),
        "{text}"
    );
    assert!(text.contains("[the pests](#pests)"), "{text}");
    assert!(
        text.contains("## Glossary") && text.contains("## Sources"),
        "{text}"
    );
}

#[test]
fn hostile_text_never_reaches_the_output() {
    let file = "tests/fixtures/hostile.ron";
    for args in [
        vec!["check", file],
        vec!["-k", file, "show", "evil"],
        vec!["-k", file, "show", "wide"],
        vec!["-k", file, "search", "evil"],
        vec!["-k", file, "search", "cells"],
        vec!["-k", file, "export"],
        vec!["-k", file, "export", "--format", "tsv"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let text = stdout(&output);
        let bad: Vec<char> = text.chars().filter(|&c| is_forbidden(c)).collect();
        assert!(bad.is_empty(), "{args:?} wrote {bad:?}");
        assert!(
            !output.stdout.contains(&0x1b),
            "{args:?} wrote an escape byte"
        );
    }
    // The wide, combined and emoji text survives, minus the invisible characters.
    let shown = stdout(&run(&["-k", file, "show", "wide"]));
    assert!(shown.contains("肝硬変 and 🧬 cells café"), "{shown}");
    assert!(shown.contains("cafe\u{301}, 👩🔬 and ❤"), "{shown}");
    // And it is searchable: CJK words, terms and titles alike.
    for query in ["肝硬変", "肝臓", "café", "hostile"] {
        let found = stdout(&run(&["-k", file, "search", query]));
        assert!(found.starts_with("wide\t"), "{query}: {found}");
    }
}

/// Control characters other than line breaks and tabs, direction overrides and isolates,
/// and invisible format characters.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{fe0f}')
}

#[test]
fn help_version_and_usage_errors() {
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version),
        format!("hepatree {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = run(&["--help"]);
    assert!(stdout(&help).contains("Usage: hepatree [OPTIONS] [COMMAND]"));
    for (args, says) in [
        (
            &["frobnicate"][..],
            "hepatree: unrecognized subcommand 'frobnicate'",
        ),
        (
            &["--bogus"][..],
            "hepatree: unexpected argument '--bogus' found",
        ),
        (
            &["search"][..],
            "required arguments were not provided: <QUERY>",
        ),
        (
            &["show", "x", "--limit", "3"][..],
            "unexpected argument '--limit'",
        ),
    ] {
        let wrong = run(args);
        assert_eq!(wrong.status.code(), Some(2), "{args:?}");
        let text = stderr(&wrong);
        assert_eq!(text.lines().count(), 1, "one line for {args:?}: {text}");
        assert!(
            text.contains(says) && text.contains("see hepatree --help"),
            "{text}"
        );
        assert!(stdout(&wrong).is_empty());
    }
}

#[test]
fn bad_files_get_one_line_saying_what_to_do() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-bad-files");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let empty = dir.join("empty.ron");
    std::fs::write(&empty, "  \n").expect("write");
    let binary = dir.join("binary.ron");
    std::fs::write(&binary, b"(title: \"\xff\xfe\")").expect("write");
    let huge = dir.join("huge.ron");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(hepatree::knowledge::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    for (path, says) in [
        (&empty, "the file is empty"),
        (&binary, "it is not UTF-8 text (invalid byte at offset 9)"),
        (&huge, "split it into smaller files"),
    ] {
        let path = path.to_str().expect("utf-8 path");
        for args in [&["check", path][..], &["-k", path, "search", "x"][..]] {
            let output = run(args);
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            let text = stderr(&output);
            assert_eq!(text.lines().count(), 1, "{text}");
            assert!(
                text.starts_with("hepatree: cannot read ") && text.contains(says),
                "{text}"
            );
        }
    }
    let explorer = run(&["-k", "tests/fixtures/small.ron"]);
    assert_eq!(explorer.status.code(), Some(2), "no terminal");
    assert!(stderr(&explorer).contains("the explorer needs a terminal"));
}

#[test]
fn export_tsv_prints_one_line_of_five_fields_per_topic() {
    let output = run(&[
        "-k",
        "tests/fixtures/small.ron",
        "export",
        "--format",
        "tsv",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 7, "{text}");
    assert!(lines.iter().all(|fields| fields.len() == 5), "{text}");
    assert_eq!(
        lines[2][..4],
        [
            "roots",
            "How plants grow > Roots and soil",
            "Roots and soil",
            "rhizosphere, mycorrhiza"
        ]
    );
    assert!(lines[0][4].contains("Start with How plants grow or jump to the pests."));
    assert!(lines[2][4].contains("- Clay holds water but drains slowly. - Sand"));
    let hostile = stdout(&run(&[
        "-k",
        "tests/fixtures/hostile.ron",
        "export",
        "--format",
        "tsv",
    ]));
    assert!(
        !hostile
            .chars()
            .any(|c| c.is_control() && c != '\t' && c != '\n')
    );
}

/// `claims --format tsv`: one claim per line, exactly six tab-separated fields: id, verdict
/// (lowercase, `not-shown` hyphenated), articles and references joined by commas, topic,
/// text. The filters select by verdict and by article; nothing selected is exit 1.
#[test]
fn claims_tsv_is_a_contract_and_the_filters_select() {
    let file = "tests/fixtures/claims.ron";
    let output = run(&["-k", file, "claims", "--format", "tsv"]);
    assert_eq!(output.status.code(), Some(0));
    let expected = "\
mulch-stops-pests\tnot-shown\talmanac\tsoil-study\tpests\tA layer of mulch keeps every pest away.
roots-drink-water\tsupported\talmanac\tsoil-study\troots\tPlants take up water through their roots.
daily-watering-helps\tmixed\talmanac\tsoil-study\twatering\tWatering every day makes any plant grow faster.
moon-planting\tuntested\talmanac\t\tgrowth\tPlanting by the phases of the moon doubles the harvest.
";
    assert_eq!(stdout(&output), expected);
    let shown = run(&[
        "-k",
        file,
        "claims",
        "--format",
        "tsv",
        "--verdict",
        "not-shown",
    ]);
    assert_eq!(stdout(&shown).lines().count(), 1);
    assert!(stdout(&shown).starts_with("mulch-stops-pests\tnot-shown\t"));
    let by_article = run(&[
        "-k",
        file,
        "claims",
        "--article",
        "almanac",
        "--format",
        "tsv",
    ]);
    assert_eq!(stdout(&by_article).lines().count(), 4);
    let unknown = run(&["-k", file, "claims", "--article", "soil-study"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("no claims made by `soil-study`"),
        "{}",
        stderr(&unknown)
    );
    let text = run(&["-k", file, "claims"]);
    let text = stdout(&text);
    assert!(text.starts_with("Supported by the evidence (1)"), "{text}");
    assert!(
        text.contains("References: A Study of Soil and Roots"),
        "{text}"
    );
    let none = run(&["-k", "tests/fixtures/small.ron", "claims"]);
    assert_eq!(none.status.code(), Some(1));
}
