//! hepatree: an offline terminal explorer for a knowledge base of topics.
//!
//! ```text
//! ┌ header: title · "educational, not medical advice" ───────────── ui/header.rs ┐
//! │ topic tree (outline.rs, ui/tree.rs) │ detail pane (document.rs, ui/detail.rs) │
//! │                                     │                                         │
//! └ footer: key hints from keymap.rs ───────────────────────────────── ui/footer.rs ┘
//!   overlays: search (search.rs, ui/search.rs), help (ui/help.rs), bookmarks and glossary
//!   definitions (ui/lists.rs)
//! ```
//!
//! The pure parts (knowledge, catalog, markup, document, search, outline, history, state)
//! import nothing from ratatui; `app.rs` holds the state and the single `update` (with the
//! jumps, lists, mouse and saved session in `app/`), `ui.rs` draws it.

pub mod action;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod clipboard;
pub mod document;
pub mod history;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod knowledge;
pub mod markup;
pub mod outline;
pub mod sanitize;
pub mod screenshot;
pub mod search;
pub mod signals;
pub mod startup;
pub mod state;
pub mod synth;
pub mod theme;
pub mod ui;
