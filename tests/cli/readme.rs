//! The README's example knowledge file is one an author can copy: it checks clean.

#[test]
fn the_readme_example_checks_clean() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## Writing a knowledge file")
        .nth(1)
        .expect("the README has the section");
    let example = section
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the section has a RON example");
    let kb = hepatree::knowledge::parse(example)
        .unwrap_or_else(|problems| panic!("the example has problems: {problems:?}"));
    assert_eq!(kb.topics.len(), 1);
    assert_eq!(
        kb.topics[0].children.len(),
        1,
        "the linked topic is defined"
    );
}
