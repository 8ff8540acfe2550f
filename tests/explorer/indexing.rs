//! A large file's tree is usable before its search index: the index is built on another
//! thread and arrives later. Searching before then waits for it and finds what it would
//! have found anyway; an index that never comes is built on the spot.

use std::sync::Arc;
use std::sync::mpsc;

use hepatree::app::App;
use hepatree::catalog::Catalog;
use hepatree::knowledge;
use hepatree::search::SearchIndex;
use hepatree::theme::DARK;

use crate::support::{FIXTURE, play_on, selected_id};

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::new(knowledge::parse(FIXTURE).expect("valid")))
}

/// Where searching for "water" and taking the first hit leads, with the index ready.
fn found_with_index_ready() -> String {
    let mut app = App::new(
        Catalog::new(knowledge::parse(FIXTURE).expect("valid")),
        &DARK,
    );
    play_on(&mut app, "/water<enter>", 100, 30);
    let found = selected_id(&app);
    assert_eq!(found, "watering", "the search finds something to compare");
    found
}

#[test]
fn a_search_typed_before_the_index_arrives_waits_for_it() {
    let catalog = catalog();
    let (sender, coming) = mpsc::channel();
    let mut app = App::indexing(Arc::clone(&catalog), Vec::new(), coming, &DARK);
    let screen = play_on(&mut app, "jj", 100, 30);
    assert!(screen.contains("Topics"), "the tree is usable at once");
    let builder = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        sender
            .send(SearchIndex::new(&catalog))
            .expect("the explorer waits");
    });
    play_on(&mut app, "/water<enter>", 100, 30);
    builder.join().expect("built");
    assert_eq!(selected_id(&app), found_with_index_ready());
}

#[test]
fn an_index_that_never_comes_is_built_when_needed() {
    let (sender, coming) = mpsc::channel::<SearchIndex>();
    drop(sender);
    let mut app = App::indexing(catalog(), Vec::new(), coming, &DARK);
    play_on(&mut app, "/water<enter>", 100, 30);
    assert_eq!(selected_id(&app), found_with_index_ready());
}
