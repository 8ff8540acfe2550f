//! Any sequence of typing in the search prompt over the shipped knowledge base: characters,
//! backspace (byte 0x7f) and delete-word (0x17). After the last edit, the results the prompt
//! built keystroke by keystroke must equal a fresh search for the final query, every hit's
//! highlights must point inside its title and term, and the overlay must draw without a
//! control character on screen.
#![no_main]

#[path = "screen.rs"]
mod screen;

use std::sync::{LazyLock, Mutex};

use hepatree::action::Action;
use tui_input::InputRequest;
use hepatree::app::{App, Overlay};
use hepatree::catalog::Catalog;
use hepatree::knowledge::{self, EMBEDDED};
use hepatree::search::{Field, Hit, SearchIndex};
use hepatree::theme::DARK;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BACKSPACE: char = '\u{7f}';
const DELETE_WORD: char = '\u{17}';
const LIMIT: usize = 200;

struct Shipped {
    /// The explorer typed into, whose index keeps each search's words for the next, and
    /// an index that only ever answers the final query.
    app: App,
    fresh: SearchIndex,
    terminal: Terminal<TestBackend>,
}

static SHIPPED: LazyLock<Mutex<Shipped>> = LazyLock::new(|| {
    let catalog = Catalog::new(knowledge::parse(EMBEDDED).expect("the shipped base loads"));
    let fresh = SearchIndex::new(&catalog);
    Mutex::new(Shipped {
        app: App::new(catalog, &DARK),
        fresh,
        terminal: Terminal::new(TestBackend::new(100, 30)).expect("terminal"),
    })
});

fuzz_target!(|data: &[u8]| {
    let typed = String::from_utf8_lossy(data);
    let mut shipped = SHIPPED.lock().expect("not poisoned");
    let Shipped {
        app,
        fresh,
        terminal,
    } = &mut *shipped;
    app.update(Action::OpenSearch);
    for c in typed.chars() {
        app.update(match c {
            BACKSPACE => Action::Edit(InputRequest::DeletePrevChar),
            DELETE_WORD => Action::Edit(InputRequest::DeletePrevWord),
            c => Action::Edit(InputRequest::InsertChar(c)),
        });
    }
    let Overlay::Search(state) = app.overlay() else {
        panic!("typing keeps the search open");
    };
    let catalog = app.catalog();
    let fresh = fresh.search(catalog, state.query(), LIMIT);
    let nodes = |hits: &[Hit]| hits.iter().map(|h| h.node).collect::<Vec<_>>();
    assert_eq!(
        nodes(&state.hits),
        nodes(&fresh),
        "typed and fresh results differ for {:?}",
        state.query()
    );
    // The prompt details only the hits near the cursor; those must match too.
    for (typed, fresh) in state.hits.iter().zip(&fresh) {
        if !typed.title_marks.is_empty() || typed.snippet.is_some() || typed.field != Field::Title {
            assert_eq!(typed, fresh, "details differ for {:?}", state.query());
        }
    }
    for hit in &state.hits {
        let node = catalog.node(hit.node);
        let in_bounds = |marks: &[usize], text: &str| {
            let len = text.chars().count();
            assert!(marks.iter().all(|&i| i < len), "highlight outside {text:?}");
        };
        in_bounds(&hit.title_marks, &node.title);
        if let Field::Alias(n) = hit.field {
            in_bounds(&hit.alias_marks, &node.aliases[n]);
        }
    }
    screen::draw_clean(terminal, app);
    app.update(Action::SearchCancel);
});
