use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use hepatree::cli::{self, Cli};
use hepatree::knowledge;
use hepatree::signals::Stop;
use hepatree::startup::{self, Outcome};
use hepatree::state::Store;
use hepatree::theme::Theme;
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
            eprintln!("hepatree: terminal error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the explorer full-screen. `ratatui::init` restores the terminal on panic; the extra
/// hook also turns mouse reporting off first, so a crash leaves a usable shell. Messages for
/// the reader are printed only once the terminal is restored, where they stay visible. A
/// termination signal ends the explorer like `q`: terminal restored, session saved.
fn explore(cli: &Cli) -> io::Result<ExitCode> {
    let stop = Stop::install()?;
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let outcome = execute!(io::stdout(), EnableMouseCapture).and_then(|()| {
        startup::open(
            &mut terminal,
            cli.knowledge.clone(),
            Theme::from_env(),
            &stop,
        )
    });
    let (result, app) = match outcome {
        Ok(Outcome::Ready(mut app, pending)) => {
            app.knowledge_name = cli::knowledge_key(cli);
            if let Some(store) = Store::locate(&app.knowledge_name) {
                app.attach(store, cli.fresh);
            }
            (app.run(&mut terminal, pending, &stop), Some(app))
        }
        Ok(Outcome::Failed(error)) => {
            restore();
            cli::report_load_error(&error, &mut io::stderr());
            return Ok(ExitCode::FAILURE);
        }
        Ok(Outcome::Quit) => (Ok(()), None),
        Err(error) => (Err(error), None),
    };
    restore();
    if let Some(Err(error)) = app.map(|app| app.save()) {
        eprintln!("hepatree: {error}");
    }
    result.map(|()| ExitCode::SUCCESS)
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

fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}
