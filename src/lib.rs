//! hepatree: an offline terminal explorer for a knowledge base of topics.
//!
//! ```text
//! ┌ header: title · the file's own disclaimer ────────────────────── ui/header.rs ┐
//! │ topic tree (outline.rs, ui/tree.rs) │ detail pane (document.rs, ui/detail.rs) │
//! │                                     │                                         │
//! └ footer: key hints from keymap.rs ───────────────────────────────── ui/footer.rs ┘
//!   overlays: search (search.rs, ui/search.rs), help (ui/help.rs), bookmarks and glossary
//!   definitions (ui/lists.rs)
//! ```
//!
//! The pure parts (knowledge, catalog, markup, document, search, outline, history and the
//! session store, `session_store`) import nothing from ratatui. One path changes state:
//!
//! ```text
//! key ─ keymap.rs ─┐
//!                   ├─ Action (action.rs) ─ App::update (app.rs) ─ state ─┬─ ui.rs draws it
//! mouse ─ hit map ─┘                             │                        │  (recording the
//!  (app/hits.rs, recorded by drawing)            └─ Effect: save, copy    │   hit map)
//!                                                   (carried out after)   └─ next event
//! ```
//!
//! The state is `App` in three parts (`app/parts.rs`): the model (catalog, search index),
//! the navigation (outline, history, bookmarks, filter) and the view (focus, the overlay
//! with its own state, the detail pane, the hit map). `app/` holds the jumps and filter
//! (`navigate.rs`), the list overlays, the search overlay's state and actions
//! (`search_state.rs`, `searching.rs`), the mouse, the detail pane's state and the saved
//! session; outside callers read the state through `app/view_of.rs`. Drawing settles the
//! layout first (areas, the topic's layout and scroll), then draws from the state as it is.
//!
//! A knowledge base is opened through `prepare.rs`: from the cache of prepared files
//! (`cache.rs`) when it holds the file's bytes, else read, checked and cleaned, with the
//! search index built after the first frame. The shipped base's catalog is prepared by
//! `build.rs`, which compiles the model's own files.
//!
//! Development tools (key notation for tests, off-terminal screenshots, synthetic files)
//! are built only with the `dev` feature, which the tests, examples and benchmarks turn on
//! through a development dependency on this crate; the binary ships without them.

pub mod action;
pub mod app;
pub mod cache;
pub mod catalog;
pub mod cli;
pub mod clipboard;
pub mod document;
pub mod editor;
pub mod history;
pub mod hyperlink;
pub(crate) mod input;
pub mod keymap;
#[cfg(feature = "dev")]
pub mod keys;
pub mod knowledge;
pub(crate) mod markup;
pub mod outline;
mod parallel;
pub mod prepare;
pub mod reload;
pub(crate) mod sanitize;
#[cfg(feature = "dev")]
pub mod screenshot;
pub mod search;
pub mod session_store;
pub mod signals;
pub mod startup;
pub mod suspend;
#[cfg(feature = "dev")]
pub mod synth;
pub mod theme;
pub mod ui;
