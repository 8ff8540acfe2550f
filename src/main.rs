use std::io;
use std::process::ExitCode;

use clap::Parser;
use hepatree::cli::{self, Cli};
use hepatree::knowledge;
use hepatree::startup::{self, Outcome};
use hepatree::state::Store;
use hepatree::theme::Theme;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run_command(&cli, command);
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
/// the reader are printed only once the terminal is restored, where they stay visible.
fn explore(cli: &Cli) -> io::Result<ExitCode> {
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let outcome = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| startup::open(&mut terminal, cli.knowledge.clone(), Theme::from_env()));
    let (result, app) = match outcome {
        Ok(Outcome::Ready(mut app, pending)) => {
            app.knowledge_name = cli::knowledge_key(cli);
            if let Some(store) = Store::locate(&app.knowledge_name) {
                app.attach(store, cli.fresh);
            }
            (app.run(&mut terminal, pending), Some(app))
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

fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}
