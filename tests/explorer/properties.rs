//! Property tests: random sequences of keys, mouse events and resizes (from 0×0 up to
//! 300×120) played against the explorer on the shipped base and on generated trees. After
//! every step, the state must still make sense: the selection exists and is on screen, the
//! scroll is in range, history and bookmarks name real entries, overlays' cursors are inside
//! their lists, and the footer shows the keys of the mode the explorer is in.

use hepatree::app::{App, Overlay};
use hepatree::catalog::{Catalog, NodeId};
use hepatree::keymap;
use hepatree::knowledge::{self, EMBEDDED};
use hepatree::theme::DARK;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        4 => proptest::sample::select(
            "jkhlgGnNpfFmyBHLcd'/?ab hepatocyte\tqt<>[]".chars().collect::<Vec<_>>()
        ).prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        3 => proptest::sample::select(vec![
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::PageUp,
            KeyCode::PageDown, KeyCode::Home, KeyCode::End, KeyCode::Enter, KeyCode::Esc,
            KeyCode::Backspace, KeyCode::Tab, KeyCode::BackTab, KeyCode::Delete,
        ]),
    ];
    let modifiers = proptest::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    (code, modifiers).prop_map(|(code, modifiers)| KeyEvent::new(code, modifiers))
}

fn mouse() -> impl Strategy<Value = MouseEvent> {
    let kind = proptest::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::Moved,
    ]);
    (kind, 0..320u16, 0..130u16).prop_map(|(kind, column, row)| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(Step::Key),
        3 => mouse().prop_map(Step::Mouse),
        1 => (0..=300u16, 0..=120u16).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// Plays `steps` from a start at 100×30, checking the invariants after each.
fn play(catalog: &Catalog, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut app = App::new(catalog.clone(), &DARK);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    for step in steps {
        match step {
            Step::Key(key) => app.handle_key(*key),
            Step::Mouse(mouse) => app.handle_mouse(*mouse),
            Step::Resize(w, h) => terminal.backend_mut().resize(*w, *h),
        }
        terminal
            .draw(|frame| frame.render_widget(&mut app, frame.area()))
            .expect("draw");
        check(&app, &terminal, step)?;
    }
    Ok(())
}

fn check(app: &App, terminal: &Terminal<TestBackend>, step: &Step) -> Result<(), TestCaseError> {
    let count = app.catalog().len();
    let selected = app.selected();
    prop_assert!(
        selected.is_some_and(|s| s.index() < count),
        "selection exists after {step:?}"
    );
    let selected = selected.unwrap_or(NodeId::new(0));
    prop_assert!(
        app.outline().is_visible(selected),
        "selection is shown after {step:?}"
    );
    prop_assert!(app.outline().rows().iter().any(|r| r.node == selected));
    if let Some(document) = app.detail().cached(selected) {
        prop_assert!(
            app.detail().scroll <= document.lines.len(),
            "scroll in range after {step:?}"
        );
    }
    if let Some(target) = app.detail().selected {
        let targets = app.detail().cached(selected).map_or(0, |d| d.targets.len());
        prop_assert!(
            target < targets,
            "the selected link is one of the shown topic's after {step:?}"
        );
    }
    let history = app
        .history()
        .back_stack()
        .iter()
        .chain(app.history().forward_stack());
    for place in history {
        prop_assert!(place.node.index() < count, "history names real entries");
    }
    prop_assert!(app.history().back_stack().len() <= hepatree::history::LIMIT);
    let mut bookmarks = app.bookmarks().to_vec();
    prop_assert!(
        bookmarks.iter().all(|&b| b.index() < count),
        "bookmarks name real entries"
    );
    bookmarks.sort_unstable();
    bookmarks.dedup();
    prop_assert_eq!(
        bookmarks.len(),
        app.bookmarks().len(),
        "bookmarks are unique"
    );
    match *app.overlay() {
        Overlay::Search(ref search) => {
            prop_assert!(search.hits.is_empty() || search.cursor < search.hits.len());
        }
        Overlay::Bookmarks { cursor } => {
            prop_assert!(app.bookmarks().is_empty() || cursor < app.bookmarks().len());
        }
        Overlay::Definition { node, cursor } => {
            prop_assert!(node.index() < count);
            prop_assert!(cursor < app.list_items().len());
        }
        Overlay::Find { .. } => {
            let found = app.selected().map_or(0, |n| app.detail().found(n).len());
            if let Some(finding) = &app.detail().find {
                prop_assert!(found == 0 || finding.current < found);
            }
        }
        Overlay::None | Overlay::Help { .. } | Overlay::Problems { .. } => {}
    }
    check_footer(app, terminal)
}

/// On a screen large enough for the explorer, the bottom row starts with the first key hint
/// of the mode it is in.
fn check_footer(app: &App, terminal: &Terminal<TestBackend>) -> Result<(), TestCaseError> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    if area.width < 100 || area.height < hepatree::ui::MIN_HEIGHT {
        return Ok(());
    }
    let bottom: String = (0..area.width)
        .map(|x| buffer[(x, area.height - 1)].symbol().to_owned())
        .collect();
    if matches!(app.overlay(), Overlay::Find { .. }) {
        prop_assert!(bottom.starts_with(" Find: "), "{bottom:?}");
        return Ok(());
    }
    let hints = keymap::footer_hints(&app.contexts());
    let Some((keys, label)) = hints.first() else {
        return Ok(());
    };
    if app.status().is_none() {
        prop_assert!(
            bottom.contains(keys.as_str()) && bottom.contains(label),
            "footer {bottom:?} shows {keys} {label} for {:?}",
            app.overlay()
        );
    }
    Ok(())
}

/// Cases per property: 40 in `cargo test`; `PROPTEST_CASES` asks for a longer hunt.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40)
}

fn shipped() -> Catalog {
    Catalog::new(knowledge::parse(EMBEDDED).expect("shipped base"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_on_the_shipped_base(steps in proptest::collection::vec(step(), 1..120)) {
        play(&shipped(), &steps)?;
    }

    #[test]
    fn random_sessions_on_generated_trees(
        seed in 0..1_000u64,
        size in 1..400usize,
        steps in proptest::collection::vec(step(), 1..120),
    ) {
        let text = hepatree::synth::generate(size, seed);
        let catalog = Catalog::new(knowledge::parse(&text).expect("generated base"));
        play(&catalog, &steps)?;
    }
}
