//! The command line: `check`, `search`, `show` and `export`.
//!
//! The command line. Output formats here are contracts that scripts rely on:
//! `check` prints `ok: N topics, M glossary terms, K sources` or `FILE:LINE:COL: message`
//! lines; `search` prints `id<TAB>breadcrumb` lines; exit status 1 means "invalid", "no hits"
//! or "no such topic", and 2 a usage error.

mod answers;
pub mod claims;
pub mod export;
mod pager;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cache::Cache;
use crate::catalog::Catalog;
use crate::knowledge::{self, LoadError};
use crate::prepare::{self, Opened};
use crate::sanitize::clean_line;
use crate::search::SearchIndex;
use answers::{search, show};

/// Explore a knowledge base of topics in the terminal, offline.
///
/// With no command, opens the interactive explorer on the embedded knowledge base about
/// stem cell (cell) therapy for liver cirrhosis, or on the file given with --knowledge.
/// The content is educational and is not medical advice.
#[derive(Debug, Parser)]
#[command(name = "hepatree", version, about, long_about)]
pub struct Cli {
    /// Knowledge file to open instead of the embedded one.
    #[arg(short, long, global = true, value_name = "FILE")]
    pub knowledge: Option<PathBuf>,
    /// Start at the top instead of where the last session on this file ended (bookmarks are
    /// kept). Sessions live in the platform's state directory, or where the
    /// variable `HEPATREE_STATE_DIR` points.
    #[arg(long)]
    pub fresh: bool,
    /// Prepare the knowledge file afresh instead of reading (and writing) the cache of
    /// prepared files, kept in the platform's cache directory or where the variable
    /// `HEPATREE_CACHE_DIR` points.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// The widest the explorer's text column grows, in cells; a wider pane keeps margins.
    /// 0 lets the text fill the pane.
    #[arg(long, value_name = "CELLS", default_value_t = crate::app::DEFAULT_MEASURE)]
    pub max_width: u16,
    /// Colours for a dark or a light terminal background; auto asks the terminal. Also set
    /// by the variable `HEPATREE_THEME`; `NO_COLOR` turns colour off whatever this says.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<crate::theme::Choice>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a knowledge file (the embedded one when no FILE is given).
    Check {
        /// The file to check; defaults to --knowledge, then the embedded base.
        file: Option<PathBuf>,
    },
    /// Search titles, terms and text; prints one hit per line: id, a tab, the breadcrumb.
    Search {
        /// Words to look for (several words must all match).
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print at most N hits.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
    },
    /// Print one topic as plain text.
    Show {
        /// The topic's id, as printed by `search`.
        id: String,
        /// Wrap the text to this many columns (default: the terminal's width, or 80 when
        /// the output is not a terminal).
        #[arg(long, value_name = "COLUMNS")]
        width: Option<usize>,
        /// Print straight to the terminal instead of through `$PAGER` (default `less -R`).
        #[arg(long)]
        no_pager: bool,
    },
    /// List the articles' claims with their verdicts: grouped by verdict, or as tab-separated
    /// lines (id, verdict, articles, references, topic, text).
    Claims {
        /// Only claims with this verdict.
        #[arg(long, value_enum)]
        verdict: Option<claims::VerdictArg>,
        /// Only claims made by this article (a source id of kind Article).
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        #[arg(long, value_enum, default_value_t = claims::ClaimFormat::Text)]
        format: claims::ClaimFormat,
    },
    /// Print the whole knowledge base as one Markdown document, or as tab-separated lines.
    Export {
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One document, headings following the tree.
    Markdown,
    /// One line per topic: id, breadcrumb, title, terms, body, separated by tabs.
    Tsv,
}

impl Cli {
    /// The cache of prepared files, unless `--no-cache` turned it off.
    pub fn cache(&self) -> Cache {
        if self.no_cache {
            Cache::off()
        } else {
            Cache::locate()
        }
    }
}

/// What a saved session is filed under: the knowledge file's full path, or "embedded".
pub fn knowledge_key(cli: &Cli) -> String {
    cli.knowledge.as_ref().map_or_else(
        || "embedded".to_owned(),
        |path| {
            std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string()
        },
    )
}

/// Runs a non-interactive command and returns the exit status.
pub fn run_command(cli: &Cli, command: &Command) -> ExitCode {
    let result = match command {
        Command::Check { file } => check(file.as_ref().or(cli.knowledge.as_ref())),
        Command::Search { query, limit } => {
            with_base(cli, |c, index| search(c, index, &query.join(" "), *limit))
        }
        Command::Show {
            id,
            width,
            no_pager,
        } => with_catalog(cli, |c| {
            let width = width.unwrap_or_else(pager::width);
            show(c, id, width, !no_pager)
        }),
        Command::Claims {
            verdict,
            article,
            format,
        } => with_catalog(cli, |c| {
            list_claims(c, *verdict, article.as_deref(), *format)
        }),
        Command::Export { format } => with_catalog(cli, |c| {
            let text = match format {
                Format::Markdown => export::markdown(c),
                Format::Tsv => export::tsv(c),
            };
            print(&text).map(|()| ExitCode::SUCCESS)
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hepatree: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the knowledge base for a command, printing why it cannot be.
fn open(cli: &Cli) -> Result<Opened, ExitCode> {
    prepare::open_strict(cli.knowledge.as_deref(), &cli.cache()).map_err(|error| {
        report_load_error(&error, &mut io::stderr());
        ExitCode::FAILURE
    })
}

pub fn report_load_error(error: &LoadError, out: &mut dyn Write) {
    let text = match error {
        LoadError::Unreadable { .. } => format!("hepatree: {error}"),
        LoadError::Invalid { .. } => error.to_string(),
    };
    let _ = writeln!(out, "{text}");
}

/// Runs a command that needs no search on the knowledge base: its catalog only, from the
/// cache when it holds the file (nothing is written: the index a cache entry holds is not
/// built).
fn with_catalog(
    cli: &Cli,
    f: impl FnOnce(&Catalog) -> io::Result<ExitCode>,
) -> io::Result<ExitCode> {
    match prepare::begin_strict(cli.knowledge.as_deref(), &cli.cache()) {
        Ok(begun) => {
            let result = f(&begun.catalog);
            // As in `with_base`: the process ends next.
            std::mem::forget(begun);
            result
        }
        Err(error) => {
            report_load_error(&error, &mut io::stderr());
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Runs a search on the knowledge base; a base prepared afresh is cached once the
/// command's output is out, so the next command on the same file starts at once.
fn with_base(
    cli: &Cli,
    f: impl FnOnce(&Catalog, &SearchIndex) -> io::Result<ExitCode>,
) -> io::Result<ExitCode> {
    match open(cli) {
        Ok(mut opened) => {
            let result = f(&opened.prepared.catalog, &opened.prepared.index);
            opened.store();
            // The process ends next and the system takes the memory back at once; freeing
            // a large base piece by piece would take longer than the command itself.
            std::mem::forget(opened);
            result
        }
        Err(code) => Ok(code),
    }
}

fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// `claims`: exit 1 (with a line on standard error) when no claim matches.
fn list_claims(
    catalog: &Catalog,
    verdict: Option<claims::VerdictArg>,
    article: Option<&str>,
    format: claims::ClaimFormat,
) -> io::Result<ExitCode> {
    if let Some(article) = article
        && !catalog
            .claims
            .iter()
            .any(|c| c.articles.iter().any(|a| a == article))
    {
        let known: Vec<&str> = catalog
            .sources
            .iter()
            .filter(|s| s.kind == crate::knowledge::SourceKind::Article)
            .map(|s| s.id.as_str())
            .collect();
        eprintln!(
            "hepatree: no claims made by `{}`; articles: {}",
            clean_line(article),
            known.join(", ")
        );
        return Ok(ExitCode::FAILURE);
    }
    let selected = claims::select(catalog, verdict, article);
    if selected.is_empty() {
        eprintln!("hepatree: no claims match");
        return Ok(ExitCode::FAILURE);
    }
    let text = match format {
        claims::ClaimFormat::Tsv => claims::tsv(&selected),
        claims::ClaimFormat::Text => claims::text(catalog, &selected, pager::width()),
    };
    print(&text).map(|()| ExitCode::SUCCESS)
}

fn check(file: Option<&PathBuf>) -> io::Result<ExitCode> {
    match knowledge::load(file.map(PathBuf::as_path)) {
        Ok((_, kb)) => {
            let catalog = Catalog::new(kb);
            let line = format!(
                "ok: {} topics, {} glossary terms, {} sources\n",
                catalog.topic_count,
                catalog.glossary_count,
                catalog.sources.len()
            );
            print(&line).map(|()| ExitCode::SUCCESS)
        }
        Err(error @ LoadError::Invalid { .. }) => {
            print(&format!("{error}\n")).map(|()| ExitCode::FAILURE)
        }
        Err(error) => {
            report_load_error(&error, &mut io::stderr());
            Ok(ExitCode::FAILURE)
        }
    }
}
