use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use hepatree::cli::{self, Cli};
use hepatree::knowledge;
use hepatree::session_store::Store;
use hepatree::signals::Stop;
use hepatree::startup::{self, Outcome};
use hepatree::theme;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    if let Some(command) = &cli.command {
        return cli::run_command(&cli, command);
    }
    if !io::stdout().is_terminal() {
        eprintln!(
            "hepatree: the explorer needs a terminal; for other output use a command: check, search, show or export (see hepatree --help)"
        );
        return ExitCode::from(2);
    }
    if let Some(Err(error)) = cli.knowledge.as_deref().map(knowledge::check_openable) {
        cli::report_load_error(&error, &mut io::stderr());
        return ExitCode::FAILURE;
    }
    match explore(&cli) {
        Ok(code) => code,
        Err(error) => {
            say(&format!("terminal error: {error}"));
            ExitCode::FAILURE
        }
    }
}

/// A message after the explorer has run. The terminal may be gone by then, and `eprintln!`
/// panics when standard error cannot be written; nobody is left to read it anyway.
fn say(message: &str) {
    let _ = writeln!(io::stderr(), "hepatree: {message}");
}

/// Runs the explorer full-screen. A panic restores the terminal (mouse reporting off too)
/// before its message is printed, so a crash leaves a usable shell with the message on it.
/// Messages for the reader are printed only once the terminal is restored, where they stay
/// visible. A termination signal or the loss of the terminal ends the explorer like `q`:
/// terminal restored where there is one, session saved.
fn explore(cli: &Cli) -> io::Result<ExitCode> {
    let stop = Stop::install()?;
    // The file loads while the terminal is asked for its background.
    let loading = startup::start(cli.knowledge.clone(), cli.cache())?;
    // Asked before the terminal is taken over: the answer comes back as input.
    let theme = theme::choose(cli.theme);
    // ratatui's own panic hook reports a failed restore with `eprintln!`, which panics again
    // (and aborts) when the terminal is gone; this hook replaces it and stays quiet.
    let report = std::panic::take_hook();
    let mut terminal = ratatui::try_init()?;
    std::panic::set_hook(Box::new(move |info| {
        restore();
        report(info);
    }));
    let outcome = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| startup::open(&mut terminal, loading, &stop));
    let mut storing = None;
    let (result, app) = match outcome {
        Ok(Outcome::Ready(mut app, pending, store_entry)) => {
            storing = Some(store_entry);
            #[cfg(debug_assertions)]
            inject_panic();
            app.set_theme(theme);
            app.set_measure(cli.max_width);
            app.watch_file(cli.cache());
            if let Some(store) = Store::locate(&cli::knowledge_key(cli)) {
                app.attach(store, cli.fresh);
            }
            (app.run(&mut terminal, pending, &stop), Some(app))
        }
        Ok(Outcome::Failed(error)) => {
            release(terminal);
            cli::report_load_error(&error, &mut io::stderr());
            return Ok(ExitCode::FAILURE);
        }
        Ok(Outcome::Quit) => (Ok(()), None),
        Err(error) => (Err(error), None),
    };
    release(terminal);
    if let Some(Err(error)) = app.map(|app| app.save()) {
        say(&error);
    }
    // A reader who quits at once still finds the file ready next time; a termination
    // signal does not wait for the cache.
    if let Some(storing) = storing {
        storing.finish(&stop);
    }
    result.map(|()| ExitCode::SUCCESS)
}

/// Fault injection for the test of the panic path, in debug builds only: with
/// `HEPATREE_TEST_PANIC` set, the explorer panics once it holds the terminal, and the test
/// checks that the terminal is restored and the message is left readable.
#[cfg(debug_assertions)]
fn inject_panic() {
    assert!(
        std::env::var_os("HEPATREE_TEST_PANIC").is_none(),
        "injected by HEPATREE_TEST_PANIC"
    );
}

/// `--help` and `--version` print as clap makes them; a mistake on the command line gets one
/// line saying what was wrong and where to look, never the whole usage text.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    // clap's first paragraph says what was wrong; the usage and tips after it are dropped.
    let text = error.to_string();
    let first: Vec<&str> = text
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    let what = first.join(" ");
    let what = what.strip_prefix("error: ").unwrap_or(&what);
    eprintln!("hepatree: {what}; see hepatree --help");
    ExitCode::from(2)
}

/// Gives the terminal back: restored, cursor shown. ratatui's `Terminal` shows the cursor
/// when dropped and reports a failure with `eprintln!`, which panics on a terminal that has
/// gone; so it is shown here, and when that fails there is nothing to show it on and the
/// value is forgotten rather than dropped.
fn release(mut terminal: DefaultTerminal) {
    restore();
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

/// Puts the terminal back. Each failure is ignored: on a terminal that is gone every step
/// fails, and none of them may stop the session from being saved.
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    let _ = ratatui::try_restore();
}
