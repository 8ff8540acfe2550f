//! Any text as a knowledge file: it loads or it is rejected with problems that have a
//! position and printable messages; never a panic, a hang or a stack overflow. A file that
//! loads is indexed, laid out in the explorer (every topic's detail pane, up to a bound) and
//! exported, and nothing it contains reaches the screen or the export as a control character.
#![no_main]

#[path = "screen.rs"]
mod screen;

use hepatree::app::App;
use hepatree::catalog::Catalog;
use hepatree::cli::export;
use hepatree::knowledge;
use hepatree::theme::DARK;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Topics shown one by one per input: enough to reach links, terms and sources, few enough
/// that an input with thousands of topics stays fast.
const TOPICS_SHOWN: usize = 24;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match knowledge::parse(text) {
        Ok(kb) => explore(Catalog::new(kb)),
        Err(problems) => {
            assert!(!problems.is_empty(), "a rejection names its problems");
            for problem in problems {
                assert!(
                    !problem.message.chars().any(char::is_control),
                    "control character in {:?}",
                    problem.message
                );
            }
        }
    }
});

fn explore(catalog: Catalog) {
    for output in [export::markdown(&catalog), export::tsv(&catalog)] {
        assert!(
            !output
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in an export"
        );
    }
    let nodes: Vec<_> = catalog.ids().take(TOPICS_SHOWN).collect();
    let mut app = App::new(catalog, &DARK);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    screen::draw_clean(&mut terminal, &mut app);
    for node in nodes {
        app.jump(node);
        screen::draw_clean(&mut terminal, &mut app);
    }
}
